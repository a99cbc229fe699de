"""The redemption orders (兑换记录): every voucher issued, filtered by member, benefit, dealer,
status and the days it was issued, newest first; exported to Excel in full."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import VoucherStatus, format_code
from app.domain.roles import Actor, Permission
from app.services import benefits, staff
from app.services.benefits import OrderFilter, OrderPage, OrderRow, exports
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, MUTED, OK_COLOUR, offer_folder
from app.ui.benefits.labels import VOUCHER_STATUSES, voucher_status_name
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import XLSX, OptionalDateEdit
from app.ui.shared.i18n import chosen_language, format_date, format_int, format_yuan
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.worker import run_in_background, run_with_progress

SHOWN = 500  # orders listed on screen; the export has them all
DATE, CODE, MEMBER, BENEFIT, POINTS, VALUE, STATUS, ISSUED_AT, USED = range(9)
DATE_WIDTH = 130
STATUS_COLOURS = {
    VoucherStatus.ISSUED: "#35506b",
    VoucherStatus.USED: OK_COLOUR,
    VoucherStatus.CANCELLED: MUTED,
    VoucherStatus.EXPIRED: ERROR_COLOUR,
}
TYPING_DELAY_MS = 400


class OrdersTab(QWidget):
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self._generation = 0
        self.page: OrderPage | None = None
        self.member = QLineEdit()
        self.member.setObjectName("orders_member")
        self.member.setPlaceholderText(self.tr("member number"))
        self.member.setClearButtonEnabled(True)
        self.member.setMaxLength(20)
        self.benefit = QComboBox()
        self.benefit.setObjectName("orders_benefit")
        self.benefit.addItem(self.tr("All benefits"), None)
        self.benefit.setMinimumContentsLength(14)
        self.dealer = QComboBox()
        self.dealer.setObjectName("orders_dealer")
        self.dealer.addItem(self.tr("All dealers"), None)
        self.dealer.setMinimumContentsLength(14)
        self.dealer.setVisible(actor.can(Permission.VIEW_DEALERS))
        self.dealer.setToolTip(self.tr("Issued or written off at the dealer"))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("orders_status")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in VOUCHER_STATUSES:
            self.status_filter.addItem(voucher_status_name(code), str(code))
        start = today()
        self.issued_from = OptionalDateEdit(self.tr("any day"), start)
        self.issued_from.setObjectName("orders_from")
        self.issued_to = OptionalDateEdit(self.tr("any day"), start)
        self.issued_to.setObjectName("orders_to")
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("orders_clear")
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export_orders")
        self.export_button.setToolTip(self.tr("Every order matching the filters, as an .xlsx file"))
        self.export_button.clicked.connect(self.export)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_DELAY_MS)
        self.timer.timeout.connect(self.reload)
        self.member.textChanged.connect(lambda _t: self.timer.start())
        self.member.returnPressed.connect(self.reload)
        for box in (self.benefit, self.dealer, self.status_filter):
            box.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.issued_from, self.issued_to):
            edit.dateChanged.connect(lambda _d: self.timer.start())

        self.model = RowsModel(
            [self.tr("Redeemed on"), self.tr("Voucher code"), self.tr("Member"),
             self.tr("Benefit"), self.tr("Points"), self.tr("Value"), self.tr("Status"),
             self.tr("Redeemed at"), self.tr("Written off")],
            self._cells, right=frozenset({POINTS, VALUE}),
        )  # fmt: skip
        self.model.colours = lambda row, column: (
            STATUS_COLOURS.get(row.status) if column == STATUS else None
        )
        self.table = RowsView("orders_table", self.model, BENEFIT)
        self.count = QLabel(self.tr("Loading…"))
        self.count.setObjectName("orders_count")
        self.message = QLabel()
        self.message.setObjectName("orders_message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters())
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.message, 1)
        layout.addLayout(bottom)
        on_change(self, {Area.BENEFITS}, self.reload)
        self._load_choices()
        self.reload()

    def _filters(self) -> QVBoxLayout:
        self.member.setFixedWidth(150)
        for edit in (self.issued_from, self.issued_to):
            edit.setFixedWidth(DATE_WIDTH)
        first, second = QHBoxLayout(), QHBoxLayout()
        for line, parts in (
            (first, [self.tr("Member"), self.member, self.tr("Benefit"), self.benefit,
                     self.tr("Status"), self.status_filter]),
            (second, [self.tr("Redeemed from"), self.issued_from, self.tr("to"), self.issued_to]
             + ([self.tr("Dealer"), self.dealer]
                if self.actor.can(Permission.VIEW_DEALERS) else [])),
        ):  # fmt: skip
            for part in parts:
                line.addWidget(QLabel(part) if isinstance(part, str) else part)
            line.addStretch(1)
        first.addWidget(self.clear_button)
        second.addWidget(self.export_button)
        column = QVBoxLayout()
        column.addLayout(first)
        column.addLayout(second)
        return column

    def _load_choices(self) -> None:
        db, actor = self.db, self.actor

        def load():
            items = [(i.id, f"{i.name} ({i.code})") for i in benefits.list_items(db, actor)]
            dealers = []
            if actor.can(Permission.VIEW_DEALERS):
                dealers = [(d.id, d.name) for d in staff.list_dealers(db, actor)]
            return items, dealers

        run_in_background(load, self._choices_loaded, self._failed)

    def _choices_loaded(self, loaded) -> None:
        items, dealers = loaded
        for box, choices in ((self.benefit, items), (self.dealer, dealers)):
            box.blockSignals(True)
            for key, text in choices:
                box.addItem(text, key)
            box.blockSignals(False)

    # the list --------------------------------------------------------------------------------

    def filters(self) -> OrderFilter:
        return OrderFilter(
            member=self.member.text().strip(),
            benefit_id=self.benefit.currentData(),
            dealer_id=self.dealer.currentData(),
            status=self.status_filter.currentData(),
            issued_from=self.issued_from.value(),
            issued_to=self.issued_to.value(),
        )

    def clear_filters(self) -> None:
        for widget in (self.member, self.benefit, self.dealer, self.status_filter):
            widget.blockSignals(True)
        self.member.clear()
        for box in (self.benefit, self.dealer, self.status_filter):
            box.setCurrentIndex(0)
        for widget in (self.member, self.benefit, self.dealer, self.status_filter):
            widget.blockSignals(False)
        self.issued_from.set_value(None)
        self.issued_to.set_value(None)
        self.timer.stop()
        self.reload()

    def reload(self) -> None:
        self.timer.stop()
        self._generation += 1
        generation, filters = self._generation, self.filters()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: benefits.list_orders(db, actor, filters, SHOWN),
            lambda page: self._show(generation, page),
            self._failed,
        )

    def _show(self, generation: int, page: OrderPage) -> None:
        if generation != self._generation:
            return
        self.page = page
        self.model.set_rows(page.rows)
        filters = self.filters()
        filtered = filters != OrderFilter()
        if not page.total:
            text = (
                self.tr("No orders match the filters.") if filtered else self.tr("No orders yet.")
            )
        elif len(page.rows) < page.total:
            text = self.tr("Showing the newest {shown} of {total} orders; the export has them "
                           "all.").format(shown=format_int(len(page.rows)),
                                          total=format_int(page.total))  # fmt: skip
        else:
            text = self.tr("Showing {shown} of {total} orders").format(
                shown=format_int(len(page.rows)), total=format_int(page.total)
            )
        self.count.setText(text)
        self.export_button.setEnabled(page.total > 0)

    def _failed(self, exc: BaseException) -> None:
        self.count.setText(message_for(exc))

    def _cells(self, row: OrderRow) -> list[str]:
        used = ""
        if row.used_on is not None:
            used = " · ".join(p for p in (format_date(row.used_on), row.used_dealer or "") if p)
        return [
            format_date(row.issued_on), format_code(row.code),
            f"{row.member_number}  {row.member_name}", row.benefit_name, format_int(row.points),
            format_yuan(row.face_value_fen), voucher_status_name(row.status),
            row.issued_dealer or self.tr("Headquarters"), used,
        ]  # fmt: skip

    # export ----------------------------------------------------------------------------------

    def export(self) -> None:
        default = self.tr("benefit-orders_{date}.xlsx").format(date=self.today().strftime("%Y%m%d"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default, XLSX)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        db, actor, filters, language = self.db, self.actor, self.filters(), chosen_language()
        target = Path(path)
        self.export_button.setEnabled(False)
        self.message.setText("")
        progress = run_with_progress(
            self,
            self.tr("Exporting the orders…"),
            lambda progress: exports.export_orders(db, actor, target, filters, language, progress),
            lambda count: self._exported(path, count),
            self._export_failed,
        )
        progress.setObjectName("orders_export_progress")

    def _exported(self, path: str, count: int) -> None:
        self.export_button.setEnabled(True)
        text = self.tr("{n} orders exported to {path}").format(n=format_int(count), path=path)
        self.message.setText(text)
        offer_folder(self, self.tr("Export to Excel"), text, path)

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(bool(self.page and self.page.total))
        self.message.setText(message_for(exc))
