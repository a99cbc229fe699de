"""What the benefit tabs share: a read-only list (model and view), the text of a matrix cell,
and telling the user where a file went, with a button that opens its folder."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTableView, QWidget

from app.domain.benefits import Entitlement, QuotaPeriod
from app.ui.shared.i18n import format_int, format_yuan
from app.ui.shared.paged_model import RowsModel

UNSET_BACKGROUND = "#fff3cd"
UNSET_TEXT = "#664d03"
MUTED = "#777777"
ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b7a3a"


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


def _decimal(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def discount_text(permille: int) -> str:
    """900 (pay 90%) → "10% off"; in Chinese "9折": Chinese names the share paid, English
    the share taken off, so the figure itself differs (as in the matrix PDF)."""
    if QLocale().language() == QLocale.Language.Chinese:  # the language installed
        return f"{_decimal(Decimal(permille) / 100)}折"
    percent = _decimal(Decimal(1000 - permille) / 10)
    return QCoreApplication.translate("BenefitMatrix", "{percent}% off").format(percent=percent)


def quantity_text(cell: Entitlement) -> str:
    if cell.quantity is None:
        return QCoreApplication.translate("BenefitMatrix", "Not set")
    if cell.quantity == 0:
        return QCoreApplication.translate("BenefitMatrix", "Not included")
    if cell.period == QuotaPeriod.YEAR:
        text = QCoreApplication.translate("BenefitMatrix", "{n}× per year")
    else:
        text = QCoreApplication.translate("BenefitMatrix", "{n}× per validity period")
    return text.format(n=format_int(cell.quantity))


def cell_text(cell: Entitlement) -> str:
    """ "2× per validity period · ¥200.00", "1× per year · 10% off", "Not set"."""
    parts = [quantity_text(cell)]
    if cell.quantity:
        if cell.value_fen is not None:
            parts.append(format_yuan(cell.value_fen))
        if cell.discount_permille is not None:
            parts.append(discount_text(cell.discount_permille))
    return " · ".join(parts)


def open_folder(path: str | Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def offer_folder(parent: QWidget, title: str, text: str, path: str | Path) -> QMessageBox:
    """An information box saying where the file went, with "Open folder" (named for tests)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("file_saved")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    folder = box.addButton(
        QCoreApplication.translate("BenefitFiles", "Open folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder.setObjectName("open_folder")
    close = box.addButton(QMessageBox.StandardButton.Close)
    close.setObjectName("close")
    box.setDefaultButton(close)
    folder.clicked.connect(lambda: open_folder(path))
    box.open()
    return box
