"""What the review and at-risk tabs share: a list of members in a model (thousands of rows
stay cheap), opening a member from it, and exporting it to Excel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QMessageBox,
    QWidget,
)

from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language, format_int
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.worker import run_with_progress


class MemberTable(RowsView):
    """A list of members: Enter or a double-click opens. Columns are not capped, and the
    ``spare`` column (the dealer's name) is never narrower than its contents."""

    PADDING = 10
    WIDEST = SPARE_AT_LEAST = 100_000  # no cap

    def __init__(self, name: str, model: RowsModel, spare: int):
        super().__init__(name, model, spare)
        self.setToolTip(
            QCoreApplication.translate(
                "TierLists", "Double-click or press Enter to open the member"
            )
        )


def export_list(
    parent: QWidget,
    title: str,
    default_name: str,
    busy_text: str,
    write: Callable[[Path, str], int],
    done: Callable[[str, int], None],
    failed: Callable[[BaseException], None],
) -> bool:
    """Ask where to save, then ``write(path, language)`` in a worker with a progress dialog;
    False when the user chose no file."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default_name, XLSX)
    if not path:
        return False
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    language = chosen_language()
    target = Path(path)
    run_with_progress(
        parent,
        busy_text,
        lambda _progress: write(target, language),
        lambda count: done(path, count),
        failed,
        cancellable=False,
    )
    return True


def show_exported(parent: QWidget, title: str, path: str, count: int) -> str:
    """An information box naming the file; returns its text for the tab's status line."""
    text = QCoreApplication.translate("TierLists", "{n} rows exported to {path}")
    text = text.format(n=format_int(count), path=path)
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("export_done")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return text
