"""Small read-only tables: sized to their contents, one column taking the rest of the width."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
)

from app.ui.shared.i18n import display_text

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def make_table(object_name: str, headers: list[str], stretch: int | None = None) -> QTableWidget:
    """Rows selected whole, never edited; the ``stretch`` column (default: the last) takes
    the width the others leave."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(
    table: QTableWidget, rows: Sequence[Sequence[object]], right: frozenset[int] = frozenset()
):
    """Replace the rows; the columns in ``right`` (numbers) are right-aligned. Cells are text
    already formatted, or dates, times and counts, shown as every table shows them (never
    in the locale's short date format: 2026/2/2 in Chinese)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            text = display_text(value)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c in right:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)
    show_empty_text(table)


EMPTY_NOTE = "empty_note"  # the object name of a table's "nothing here" line


class _FollowViewport(QObject):
    """Keeps the note as large as the table's viewport, whatever the table's size."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            note = watched.findChild(QLabel, EMPTY_NOTE)
            if note is not None:
                note.resize(watched.size())
        return False


def set_empty_text(table: QAbstractItemView, text: str) -> QLabel:
    """What the table says in words when it has no rows ("No dealers yet."), shown over its
    empty area once its rows are known (``fill_table`` or ``show_empty_text``), never as a
    row of its own: the row count stays the number of records."""
    note = table.viewport().findChild(QLabel, EMPTY_NOTE) or QLabel(table.viewport())
    note.setObjectName(EMPTY_NOTE)
    note.setText(text)
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setStyleSheet("color: #666; padding: 12px;")
    note.resize(table.viewport().size())
    note.hide()
    follow = _FollowViewport(table)
    table.viewport().installEventFilter(follow)
    return note


def show_empty_text(table: QAbstractItemView) -> None:
    """Show the table's empty note if it has no rows (call once its rows are loaded)."""
    note = table.viewport().findChild(QLabel, EMPTY_NOTE)
    if note is None:
        return
    model = table.model()
    empty = model is None or model.rowCount() == 0
    note.resize(table.viewport().size())
    note.setVisible(empty)
