"""A table model that fetches its rows one page at a time in a worker as the view scrolls."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.ui.shared.i18n import display_text
from app.ui.shared.tables import RIGHT
from app.ui.shared.worker import run_in_background

ROOT = QModelIndex()


class RowListModel(QAbstractTableModel):
    """Rows of any kind under fixed headers: what every list model here shares."""

    def __init__(self, headers: list[str], parent=None):
        super().__init__(parent)
        self.headers = headers
        self.rows: list = []

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class RowsModel(RowListModel):
    """Read-only rows shown through ``cells``; ``right``: columns of numbers; ``colours``:
    an optional text colour per (row, column)."""

    def __init__(
        self,
        headers: list[str],
        cells: Callable[[object], Sequence[str]],
        right: frozenset[int] = frozenset(),
        parent=None,
    ):
        super().__init__(headers, parent)
        self.cells, self.right = cells, right
        self.colours: Callable[[object, int], str | None] | None = None

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cells(row)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and self.colours is not None:
            colour = self.colours(row, index.column())
            return QBrush(QColor(colour)) if colour else None
        return None


class RowsView(QTableView):
    """Whole rows selected, never edited. The columns fit their header and first rows each
    time the rows change; the ``spare`` column takes what width is left."""

    PADDING = 14
    WIDEST = 260  # a column wider than this elides; its tooltip has the whole text
    SPARE_AT_LEAST = 120

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
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(200)
        header.setMinimumSectionSize(40)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        self.resizeColumnsToContents()
        self._natural = [
            min(self.columnWidth(c) + self.PADDING, self.WIDEST)
            for c in range(self.model().columnCount())
        ]
        for column, width in enumerate(self._natural):
            self.setColumnWidth(column, width)
        self._spread()

    def _spread(self) -> None:
        if not self._natural:
            return
        others = sum(w for c, w in enumerate(self._natural) if c != self.spare)
        room = self.viewport().width() - others
        least = min(self._natural[self.spare], self.SPARE_AT_LEAST)
        self.setColumnWidth(self.spare, max(least, room))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._spread()

    def current_row(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else None


class PagedTableModel(RowListModel):
    """Subclasses say how to load the page after a row and how to show a row.

    A new query (``restart``) drops pages still in flight for the previous one, so a slow
    answer to an old search never lands in the new list.
    """

    page_loaded = Signal()
    failed = Signal(object)
    page_size = 100

    def __init__(self, headers: list[str], parent=None):
        super().__init__(headers, parent)
        self.exhausted = False
        self.loading = False
        self._generation = 0

    def page_after(self, last_row) -> Callable[[], list]:
        """A function, run in a worker, returning the page after ``last_row`` (None: first)."""
        raise NotImplementedError

    def cells(self, row) -> tuple[object, ...]:
        """A row's cells: text, or dates, times and counts (see ``display_text``)."""
        raise NotImplementedError

    def restart(self) -> None:
        self.beginResetModel()
        self.rows, self.exhausted, self.loading = [], False, False
        self._generation += 1
        self.endResetModel()
        self.fetchMore(ROOT)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(self.cells(self.rows[index.row()])[index.column()])
        return None

    def canFetchMore(self, parent=ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and not self.exhausted and not self.loading

    def fetchMore(self, parent=ROOT) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self.loading = True
        generation = self._generation
        run_in_background(
            self.page_after(self.rows[-1] if self.rows else None),
            lambda rows: self._append(generation, rows),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _append(self, generation: int, rows: list) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.exhausted = len(rows) < self.page_size
        if rows:
            self.beginInsertRows(ROOT, len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading, self.exhausted = False, True
        self.failed.emit(exc)
