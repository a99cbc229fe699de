"""What the review and at-risk tabs share: a list of members in a model (thousands of rows
stay cheap), opening a member from it, and exporting it to Excel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableView,
    QWidget,
)

from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language, format_int
from app.ui.shared.paged_model import RowsModel
from app.ui.shared.worker import run_with_progress


class MemberTable(QTableView):
    """A list of members: whole rows selected, never edited; Enter or a double-click opens.
    The columns fit their header and first rows each time the rows change; the ``spare``
    column (the dealer's name) takes what width is left."""

    PADDING = 10

    def __init__(self, name: str, model: RowsModel, spare: int):
        super().__init__()
        self.spare = spare
        self._natural: list[int] = []
        self.setObjectName(name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setToolTip(
            QCoreApplication.translate(
                "TierLists", "Double-click or press Enter to open the member"
            )
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)  # the first rows tell the widths well enough
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()
        self._natural = [
            self.columnWidth(c) + self.PADDING for c in range(self.model().columnCount())
        ]
        for column, width in enumerate(self._natural):
            self.setColumnWidth(column, width)
        self._spread()

    def _spread(self) -> None:
        if not self._natural:
            return
        others = sum(w for c, w in enumerate(self._natural) if c != self.spare)
        room = self.viewport().width() - others
        self.setColumnWidth(self.spare, max(self._natural[self.spare], room))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._spread()


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
