"""The Benefits & vouchers tab of the member view: the member's tier and points, every listed
benefit with whether the member may have it now (and why not, in words), redeeming one
(兑换, issuing a voucher), and the member's vouchers with their slips and cancellation.

Redeeming is not using points at the counter (抵扣, the Points tab's "Use points").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import VoucherStatus, format_code
from app.domain.roles import Actor, Permission
from app.services import benefits, points
from app.services.benefits import MemberOffers, Offer, OrderFilter, OrderRow, VoucherRow
from app.services.points import AccountSummary
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.benefits.labels import channel_name, refusal_text, stock_text, voucher_status_name
from app.ui.benefits.redeem_dialog import RedeemDialog, value_text
from app.ui.benefits.voucher_dialogs import (
    CancelVoucherDialog,
    VoucherDetailDialog,
    points_text,
    save_slip,
)
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.worker import run_in_background

GREY = QColor("#8a8a8a")
REASON_COLUMN = 6


@dataclass(frozen=True)
class BenefitsData:
    summary: AccountSummary
    offers: MemberOffers
    vouchers: list[OrderRow]
    total: int  # the member's vouchers this user may see, of which ``vouchers`` the newest


def load_benefits(db: Database, actor: Actor, member_id: int) -> BenefitsData:
    """Runs in a worker."""
    summary = points.account_summary(db, actor, member_id)
    offers = benefits.member_offers(db, actor, member_id)
    page = benefits.list_orders(db, actor, OrderFilter(member=summary.member_number), limit=200)
    return BenefitsData(summary, offers, page.rows, page.total)


class MemberBenefitsTab(QWidget):
    changed = Signal(str)  # a voucher was issued or cancelled: the message to show

    def __init__(self, db: Database, actor: Actor, member_id: int, today: date, parent=None):
        super().__init__(parent)
        self.setObjectName("benefits_tab")
        self.db, self.actor, self.member_id, self.today = db, actor, member_id, today
        self.data: BenefitsData | None = None
        self.may_use = actor.can(Permission.USE_BENEFITS)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("benefits_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._offers_box())
        splitter.addWidget(self._vouchers_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self.reload()
        on_change(self, {Area.BENEFITS, Area.POINTS}, self.reload)

    # layout -----------------------------------------------------------------------------------

    def _offers_box(self) -> QWidget:
        self.offers = make_table(
            "offers",
            [self.tr("Benefit"), self.tr("Type"), self.tr("Value"), self.tr("Points"),
             self.tr("Used"), self.tr("Stock"), self.tr("Availability")],
        )  # fmt: skip
        self.offers.itemSelectionChanged.connect(self._offer_selected)
        self.offers.doubleClicked.connect(lambda _index: self._redeem())
        self.offers.installEventFilter(self)  # Enter redeems the chosen offer
        self.redeem = QPushButton(self.tr("&Redeem…"))
        self.redeem.setObjectName("redeem")
        self.redeem.setAutoDefault(False)
        self.redeem.setEnabled(False)
        self.redeem.setVisible(self.may_use)
        self.redeem.setToolTip(self.tr("Redeem the chosen benefit for a voucher (Enter)"))
        self.redeem.clicked.connect(self._redeem)
        self.offer_note = QLabel()
        self.offer_note.setObjectName("offer_note")
        self.offer_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.redeem)
        row.addWidget(self.offer_note, 1)
        return _boxed(self.tr("Benefits the member may redeem"), self.offers, row)

    def _vouchers_box(self) -> QWidget:
        self.vouchers = make_table(
            "vouchers",
            [self.tr("Code"), self.tr("Benefit"), self.tr("Points"), self.tr("Status"),
             self.tr("Issued"), self.tr("Valid until"), self.tr("Written off")],
        )  # fmt: skip
        self.vouchers.itemSelectionChanged.connect(self._update_voucher_buttons)
        self.vouchers.doubleClicked.connect(lambda _index: self._details())
        self.vouchers.installEventFilter(self)  # Enter shows the chosen voucher
        self.voucher_buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot, allowed in (
            ("voucher_details", self.tr("Details…"), self._details, True),
            ("print_slip", self.tr("Print slip…"), self._print, True),
            ("cancel_voucher", self.tr("Cancel voucher…"), self._cancel, self.may_use),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setEnabled(False)
            button.setVisible(allowed)
            button.clicked.connect(slot)
            self.voucher_buttons[name] = button
            row.addWidget(button)
        self.vouchers_note = QLabel()
        self.vouchers_note.setObjectName("vouchers_note")
        row.addWidget(self.vouchers_note, 1)
        return _boxed(self.tr("The member's vouchers"), self.vouchers, row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter on a table acts on its row here and goes no further (the member view is a
        dialog: there Enter would look for a default button)."""
        if event.type() == QEvent.Type.KeyPress and watched in (self.offers, self.vouchers):
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.offers:
                    self._redeem()
                else:
                    self._details()
                return True
        return super().eventFilter(watched, event)

    # loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor, member_id = self.db, self.actor, self.member_id
        run_in_background(lambda: load_benefits(db, actor, member_id), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(message_for(exc))

    def _show(self, data: BenefitsData) -> None:
        chosen = self._selected_offer()
        chosen_voucher = self._selected_voucher()
        self.data = data
        s = data.summary
        self.summary.setText(
            "<h3 style='margin:0'>"
            + self.tr("Tier {tier} · available {points} points (worth {value})").format(
                tier=_escaped(data.offers.tier_name),
                points=format_int(s.available),
                value=format_yuan(s.value_fen),
            )
            + "</h3>"
        )
        self._fill_offers(data.offers.offers)
        self._fill_vouchers(data.vouchers)
        ids = [o.benefit_id for o in data.offers.offers]
        _reselect(self.offers, ids, chosen.benefit_id if chosen else (ids[0] if ids else None))
        _reselect(self.vouchers, [v.voucher_id for v in data.vouchers],
                  chosen_voucher.voucher_id if chosen_voucher else None)  # fmt: skip
        self._offer_selected()
        self._update_voucher_buttons()

    def _fill_offers(self, offers: list[Offer]) -> None:
        fill_table(self.offers, [self._offer_cells(o) for o in offers], frozenset({2, 3, 5}))
        for r, offer in enumerate(offers):
            if offer.availability.ok:
                self.offers.item(r, REASON_COLUMN).setForeground(QBrush(QColor("#1b7f3b")))
                continue
            for c in range(self.offers.columnCount()):
                self.offers.item(r, c).setForeground(QBrush(GREY))
        if not offers:
            self.offer_note.setText(self.tr("No benefits are listed in the catalog."))

    def _offer_cells(self, o: Offer) -> list[str]:
        a = o.availability
        used = (
            self.tr("Used {used} / {allowed}").format(
                used=format_int(a.used), allowed=format_int(a.allowed)
            )
            if a.allowed is not None
            else "—"
        )
        reason = refusal_text(a) if not a.ok else self.tr("Available")
        return [
            o.name, channel_name(o.channel), value_text(o), points_text(a.price), used,
            stock_text(o.stock), reason,
        ]  # fmt: skip

    def _fill_vouchers(self, rows: list[OrderRow]) -> None:
        fill_table(
            self.vouchers,
            [[format_code(v.code), v.benefit_name, points_text(v.points),
              voucher_status_name(v.status), format_date(v.issued_on),
              format_date(v.expires_on), _written_off(v)]
             for v in rows],
            frozenset({2}),
        )  # fmt: skip
        for r, v in enumerate(rows):
            self.vouchers.item(r, 0).setFont(_mono(self.vouchers.font()))
            if v.status != VoucherStatus.ISSUED:
                for c in range(self.vouchers.columnCount()):
                    self.vouchers.item(r, c).setForeground(QBrush(GREY))
        total = self.data.total if self.data else len(rows)
        self.vouchers_note.setText(
            self.tr("No vouchers yet.") if not rows
            else self.tr("The newest {shown} of {total}.").format(
                shown=format_int(len(rows)), total=format_int(total))
            if total > len(rows) else ""
        )  # fmt: skip

    # selection --------------------------------------------------------------------------------

    def _selected_offer(self) -> Offer | None:
        row = _selected_row(self.offers)
        if row is None or self.data is None or row >= len(self.data.offers.offers):
            return None
        return self.data.offers.offers[row]

    def _selected_voucher(self) -> OrderRow | None:
        row = _selected_row(self.vouchers)
        if row is None or self.data is None or row >= len(self.data.vouchers):
            return None
        return self.data.vouchers[row]

    def _offer_selected(self) -> None:
        offer = self._selected_offer()
        self.redeem.setEnabled(bool(offer and offer.availability.ok and self.may_use))
        if offer is None:
            if self.data is not None and self.data.offers.offers:
                self.offer_note.setText(self.tr("Choose a benefit; Enter redeems it."))
            return
        if offer.availability.ok:
            self.offer_note.setText(offer.description or "")
        else:
            self.offer_note.setText(
                self.tr("Cannot be redeemed now: {reason}").format(
                    reason=refusal_text(offer.availability)
                )
            )

    def _update_voucher_buttons(self) -> None:
        voucher = self._selected_voucher()
        issued = bool(voucher and voucher.status == VoucherStatus.ISSUED)
        self.voucher_buttons["voucher_details"].setEnabled(voucher is not None)
        self.voucher_buttons["print_slip"].setEnabled(issued)
        self.voucher_buttons["cancel_voucher"].setEnabled(issued and self.may_use)

    # actions ----------------------------------------------------------------------------------

    def _redeem(self) -> None:
        offer = self._selected_offer()
        if offer is None or self.data is None or not self.redeem.isEnabled():
            return
        dialog = RedeemDialog(
            self, self.db, self.actor, self.member_id, offer, self.data.summary.available,
            self.today,
        )  # fmt: skip
        dialog.redeemed.connect(self._redeemed)
        dialog.open()

    def _redeemed(self, voucher: VoucherRow) -> None:
        self.changed.emit(
            self.tr("Redeemed {benefit}: voucher {code}.").format(
                benefit=voucher.benefit_name, code=format_code(voucher.code)
            )
        )  # the tab refreshes from the change signal

    def _details(self) -> None:
        voucher = self._selected_voucher()
        if voucher is not None:
            VoucherDetailDialog(self, self.db, self.actor, voucher.voucher_id).open()

    def _print(self) -> None:
        voucher = self._selected_voucher()
        if voucher is None:
            return
        save_slip(
            self, self.db, self.actor, voucher.voucher_id, voucher.code,
            lambda path: self.changed.emit(self.tr("Slip saved: {path}").format(path=path)),
        )  # fmt: skip

    def _cancel(self) -> None:
        voucher = self._selected_voucher()
        if voucher is None or voucher.status != VoucherStatus.ISSUED:
            return
        dialog = CancelVoucherDialog(
            self, self.db, self.actor, voucher.voucher_id, voucher.code, voucher.points
        )
        dialog.succeeded.connect(self._cancelled)
        dialog.open()

    def _cancelled(self, voucher: VoucherRow) -> None:
        code = format_code(voucher.code)
        self.changed.emit(
            self.tr("Voucher {code} cancelled; {points} points returned.").format(
                code=code, points=format_int(voucher.points)
            )
            if voucher.points
            else self.tr("Voucher {code} cancelled.").format(code=code)
        )  # the tab refreshes from the change signal


def _written_off(v: OrderRow) -> str:
    if v.used_on is None:
        return ""
    return " · ".join(x for x in (format_date(v.used_on), v.used_dealer or "") if x)


def _boxed(caption: str, table: QTableWidget, buttons: QHBoxLayout) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    title = QLabel(f"<b>{caption}</b>")
    column.addWidget(title)
    column.addWidget(table, 1)
    column.addLayout(buttons)
    return box


def _selected_row(table: QTableWidget) -> int | None:
    rows = {index.row() for index in table.selectedIndexes()}
    return rows.pop() if len(rows) == 1 else None


def _reselect(table: QTableWidget, ids: list[int], wanted: int | None) -> None:
    if wanted is not None and wanted in ids:
        table.selectRow(ids.index(wanted))


def _mono(font: QFont) -> QFont:
    mono = QFont(font)
    mono.setFamilies(["Consolas", "DejaVu Sans Mono", "monospace"])
    mono.setStyleHint(QFont.StyleHint.Monospace)
    return mono


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
