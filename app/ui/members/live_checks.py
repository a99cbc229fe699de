"""Live checks while typing: a message next to the field once the value cannot become valid."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import (
    QLineEdit,
)

from app.domain import validation as v
from app.ui.members.labels import validation_text
from app.ui.shared.widgets import ErrorLabel

# Codes that only mean "not finished yet" while the text is shorter than a complete value:
# they wait until the user leaves the field instead of flashing after every key.
_UNFINISHED = {
    "mobile_format": 11,
    "id_length": 18,
    "vin_length": 17,
    "plate_format": 7,
    "member_number_format": 11,
}


def _still_typing(code: str, text: str) -> bool:
    needed = _UNFINISHED.get(code)
    return needed is not None and len(re.sub(r"[\s\-·.]", "", text)) < needed


def watch(edit: QLineEdit, error: ErrorLabel, check: Callable[[str], object]) -> None:
    """Run ``check`` on every edit and show its complaint in ``error`` (empty is fine here)."""

    def run(finished: bool) -> None:
        text = edit.text()
        try:
            if text.strip():
                check(text)
        except v.InvalidValue as exc:
            if finished or not _still_typing(exc.code, text):
                error.show_message(validation_text(exc.code, str(exc)))
                return
        except ValueError:  # yuan_to_fen: not an amount in yuan
            error.show_message(validation_text("amount_format", ""))
            return
        error.clear_message()

    edit.textEdited.connect(lambda _text: run(False))
    edit.editingFinished.connect(lambda: run(True))
