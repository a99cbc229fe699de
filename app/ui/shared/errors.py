"""Showing failures: expected errors as their (translated) message, others logged to a file."""

from __future__ import annotations

import logging
import sys
import traceback
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.config import log_path
from app.domain.errors import LoyaltyError, PermissionDenied
from app.domain.text import ERRORS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("loyalty")


def setup_logging() -> None:
    # Imported here, like the labels, InvalidValue and QMessageBox below: none is needed
    # before the first window, and the start-up is quicker without them.
    from app.services.shared.diagnostics import setup_file_logging

    setup_file_logging(log_path())


def message_for(exc: BaseException) -> str:
    """The text a user sees for an error, in their language."""
    from app.domain.validation import InvalidValue
    from app.ui.shared.labels import permission_name, role_name

    if isinstance(exc, LoyaltyError):
        template = QCoreApplication.translate(ERRORS, exc.template)
        params = exc.params
        if isinstance(exc, PermissionDenied) and exc.permission is not None:
            params = {"role": role_name(exc.role), "action": permission_name(exc.permission)}
        try:
            return template.format(**params) if params else template
        except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
            return str(exc)
    if isinstance(exc, InvalidValue):
        return QCoreApplication.translate(ERRORS, str(exc))
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return QCoreApplication.translate(
        "Errors",
        "Something went wrong and the action was not completed. "
        "The details were written to the log file:\n{path}",
    ).format(path=log_path())


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("Errors", "Loyalty Desk")
    QMessageBox.warning(parent, title, message_for(exc))


def install_excepthook() -> None:
    """Unexpected exceptions in slots: log the traceback, show a short dialog, keep running."""

    def hook(kind, value, tb):
        log.error("unhandled exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        try:
            show_error(None, value)
        except Exception:  # noqa: BLE001 - never recurse while reporting
            pass

    sys.excepthook = hook
