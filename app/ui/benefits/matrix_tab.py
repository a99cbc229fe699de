"""The tier benefit matrix: what each tier gets of each tier benefit (quantity per period and
the value or discount). Headquarters fill the cells in one by one; everyone may print it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import Entitlement
from app.domain.roles import Actor, Permission
from app.services import benefits
from app.services.benefits import Matrix, MatrixItem, exports
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.benefits.cell_dialog import CellDialog
from app.ui.benefits.common import MUTED, UNSET_BACKGROUND, UNSET_TEXT, cell_text, offer_folder
from app.ui.benefits.labels import category_name, item_status_name
from app.ui.shared.action_dialog import warn_missing_glyphs
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import chosen_language, format_int, format_yuan
from app.ui.shared.worker import run_in_background

PDF_FILES = "PDF (*.pdf)"
FIRST_TIER_COLUMN = 1
CELL_WIDTH = 190


class MatrixTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.manager = actor.can(Permission.MANAGE_BENEFITS)
        self.matrix: Matrix | None = None
        intro = QLabel(
            self.tr("What each tier gets of each tier benefit: how many per period, and the "
                    "voucher's value or discount where it differs from the benefit's.")
            + (" " + self.tr("Double-click a cell or press Enter to change it.")
               if self.manager else "")
        )  # fmt: skip
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.unset = QLabel()
        self.unset.setObjectName("matrix_unset")
        self.print_button = QPushButton(self.tr("Print PDF…"))
        self.print_button.setObjectName("print_matrix")
        self.print_button.setToolTip(self.tr("Save the matrix as a PDF to print (A4 landscape)"))
        self.print_button.clicked.connect(self.print_pdf)
        self.print_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.unset, 1)
        top.addWidget(self.print_button)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("matrix_table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self.edit_cell(index.row(), index.column()))
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("matrix_status")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        on_change(self, {Area.BENEFITS, Area.TIERS}, self.reload)
        self.reload()

    # showing ---------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor = self.db, self.actor
        run_in_background(lambda: benefits.read_matrix(db, actor), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    def _show(self, matrix: Matrix) -> None:
        current = (self.table.currentRow(), self.table.currentColumn())
        self.matrix = matrix
        table = self.table
        table.clear()
        table.setColumnCount(FIRST_TIER_COLUMN + len(matrix.tiers))
        table.setHorizontalHeaderLabels([self.tr("Benefit")] + [name for _c, name in matrix.tiers])
        table.setRowCount(len(matrix.items))
        for r, item in enumerate(matrix.items):
            table.setItem(r, 0, self._name_item(item))
            for c, (code, name) in enumerate(matrix.tiers, start=FIRST_TIER_COLUMN):
                table.setItem(r, c, self._cell_item(item, name, matrix.cell(item.id, code)))
        self._fit()
        if 0 <= current[0] < table.rowCount() and 0 <= current[1] < table.columnCount():
            table.setCurrentCell(*current)
        unset = matrix.unset
        self.unset.setText(
            self.tr("{n} cells not set yet").format(n=format_int(unset))
            if unset
            else self.tr("Every cell is set.")
        )
        self.unset.setStyleSheet(f"color: {UNSET_TEXT}; font-weight: bold;" if unset else "")
        self.print_button.setEnabled(True)
        if matrix.items:
            self.status.setText("")
        else:
            self.status.setText(
                self.tr("No tier benefits yet: add one to the catalog with the channel "
                        "“Tier benefit”.")
            )  # fmt: skip

    def _name_item(self, item: MatrixItem) -> QTableWidgetItem:
        cell = QTableWidgetItem(item.name)
        details = [item.code, category_name(item.category)]
        if item.face_value_fen:
            details.append(format_yuan(item.face_value_fen))
        if item.status != "listed":
            details.append(item_status_name(item.status))
            cell.setForeground(QBrush(QColor(MUTED)))
        cell.setToolTip(" · ".join(details))
        font = QFont(cell.font())
        font.setBold(True)
        cell.setFont(font)
        return cell

    def _cell_item(self, item: MatrixItem, tier: str, entitlement: Entitlement) -> QTableWidgetItem:
        text = cell_text(entitlement)
        cell = QTableWidgetItem(text)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        cell.setToolTip(f"{item.name} · {tier}: {text}")
        if not entitlement.is_set:
            cell.setBackground(QBrush(QColor(UNSET_BACKGROUND)))
            cell.setForeground(QBrush(QColor(UNSET_TEXT)))
        elif entitlement.quantity == 0:
            cell.setForeground(QBrush(QColor(MUTED)))
        return cell

    def _fit(self) -> None:
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for c in range(FIRST_TIER_COLUMN, self.table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(CELL_WIDTH // 2)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, self.table.columnWidth(0) + 16)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.resizeRowsToContents()
        for r in range(self.table.rowCount()):
            self.table.setRowHeight(r, max(self.table.rowHeight(r), 34))

    # changing and printing -------------------------------------------------------------------

    def edit_cell(self, r: int, c: int) -> None:
        matrix = self.matrix
        if not self.manager or matrix is None or c < FIRST_TIER_COLUMN:
            return
        if not (0 <= r < len(matrix.items)) or c - FIRST_TIER_COLUMN >= len(matrix.tiers):
            return
        item = matrix.items[r]
        code, name = matrix.tiers[c - FIRST_TIER_COLUMN]
        dialog = CellDialog(self.db, self.actor, item, code, name, matrix.cell(item.id, code), self)
        dialog.saved.connect(lambda _cell: self.reload())
        dialog.open()

    def print_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Print the tier benefit matrix"),
            self.tr("tier-benefit-matrix.pdf"), PDF_FILES,
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        db, actor, language = self.db, self.actor, chosen_language()
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Writing the PDF…"))
        run_in_background(
            lambda: exports.print_matrix(db, actor, Path(path), language),
            lambda written: (self._printed(str(written)), warn_missing_glyphs(self, written)),
            self._print_failed,
        )

    def _printed(self, path: str) -> None:
        self.print_button.setEnabled(True)
        text = self.tr("The matrix was saved to {path}").format(path=path)
        self.status.setText(text)
        offer_folder(self, self.tr("Print PDF"), text, path)

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(message_for(exc))
