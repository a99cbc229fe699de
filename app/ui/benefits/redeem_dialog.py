"""Redeeming (兑换) one catalog item for a member at the counter: what the member gets, what it
costs, the balance before and after, until when the voucher is valid and where it is
honoured; Confirm (Enter) issues the voucher once, however often it is pressed, and its
code is shown big with the slip to print. Not to be confused with using points (抵扣) to
pay part of a repair order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import format_code, voucher_expires_on
from app.domain.inputs import new_request_uid
from app.domain.roles import Actor
from app.services import benefits, staff
from app.services.benefits import Offer, RedeemInput, VoucherRow
from app.services.shared.database import Database
from app.ui.benefits.common import discount_text
from app.ui.benefits.labels import channel_name, refusal_text
from app.ui.benefits.voucher_dialogs import code_font, points_text, save_slip
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.shared.widgets import ErrorLabel
from app.ui.shared.worker import run_in_background


@dataclass(frozen=True)
class Where:
    """Where the voucher is honoured, and (for headquarters staff) where it may be issued."""

    honoured_by: list[str]  # dealer names; empty: every dealer
    dealers: list[tuple[int, str]]  # active dealers, for headquarters staff


def load_where(db: Database, actor: Actor, benefit_id: int) -> Where:
    """Runs in a worker."""
    item = benefits.get_item(db, actor, benefit_id)
    dealers = staff.list_dealers(db, actor, include_inactive=False) if actor.is_headquarters else []
    names: dict[int, str] = {}
    if not item.all_dealers:
        names = {d.id: d.name for d in staff.list_dealers(db, actor)}
    return Where(
        [names.get(i, str(i)) for i in item.dealer_ids] if not item.all_dealers else [],
        [(d.id, f"{d.code} {d.name}") for d in dealers],
    )


def value_text(offer: Offer) -> str:
    if offer.discount_permille is not None:
        return discount_text(offer.discount_permille)
    return format_yuan(offer.value_fen) if offer.value_fen else "—"


class RedeemDialog(QDialog):
    """Confirm, then the voucher's code; one request id per dialog, so a double click or a
    retry after a lost answer redeems once."""

    redeemed = Signal(object)  # VoucherRow

    def __init__(
        self, parent: QWidget, db: Database, actor: Actor, member_id: int, offer: Offer,
        available: int, today: date,
    ):  # fmt: skip
        super().__init__(parent)
        self.db, self.actor, self.member_id, self.offer = db, actor, member_id, offer
        self.uid = new_request_uid()
        self.voucher: VoucherRow | None = None
        self.setObjectName("redeem_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Redeem a benefit"))
        self.setMinimumWidth(520)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._confirm_page(available, today))
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        benefit_id = offer.benefit_id
        run_in_background(lambda: load_where(db, actor, benefit_id), self._where, self._failed)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.pages.currentIndex() == 0:
            self.confirm.setFocus()  # Enter confirms, whichever side the platform puts Cancel

    # confirming -------------------------------------------------------------------------------

    def _confirm_page(self, available: int, today: date) -> QWidget:
        page = QWidget()
        offer = self.offer
        self.form = QFormLayout()
        after = available - offer.availability.price
        expires = voucher_expires_on(today, offer.voucher_days)
        rows = [
            ("benefit", self.tr("Benefit"), f"<b>{_escaped(offer.name)}</b>"),
            ("channel", self.tr("Type"), channel_name(offer.channel)),
            ("value", self.tr("Value"), value_text(offer)),
            ("price", self.tr("Points"), points_text(offer.availability.price)),
            ("balance", self.tr("Available points"),
             self.tr("{before} → <b>{after}</b>").format(
                 before=format_int(available), after=format_int(after))),
            ("expires", self.tr("Voucher valid until"),
             self.tr("{date} ({days} days)").format(
                 date=format_date(expires), days=format_int(offer.voucher_days))),
            ("honoured", self.tr("Honoured at"), self.tr("Loading…")),
        ]  # fmt: skip
        self.values: dict[str, QLabel] = {}
        for key, caption, text in rows:
            label = QLabel(text)
            label.setObjectName(f"redeem_{key}")
            label.setWordWrap(True)
            self.values[key] = label
            self.form.addRow(caption, label)
        self.dealer = QComboBox()
        self.dealer.setObjectName("dealer")
        if self.actor.is_headquarters:
            self.form.addRow(self.tr("Issued at dealer"), self.dealer)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm.setObjectName("confirm")
        self.confirm.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        buttons.accepted.connect(self._redeem)
        buttons.rejected.connect(self.reject)
        if not offer.availability.ok:  # judged when the tab loaded; the service judges again
            self.error.show_message(refusal_text(offer.availability))
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addWidget(buttons)
        return page

    def _where(self, where: Where) -> None:
        self.values["honoured"].setText(
            "、".join(where.honoured_by) if where.honoured_by else self.tr("All dealers")
        )
        for dealer_id, name in where.dealers:
            self.dealer.addItem(name, dealer_id)

    def _failed(self, exc: BaseException) -> None:
        self.values["honoured"].setText(message_for(exc))

    def _redeem(self) -> None:
        if not self.confirm.isEnabled():
            return
        self.error.clear_message()
        self.confirm.setEnabled(False)
        dealer_id = self.dealer.currentData() if self.actor.is_headquarters else None
        data = RedeemInput(self.member_id, self.offer.benefit_id, self.uid, dealer_id)
        db, actor = self.db, self.actor
        run_in_background(lambda: benefits.redeem(db, actor, data), self._redeemed, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.confirm.setEnabled(True)
        self.error.show_message(message_for(exc))

    # done -------------------------------------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_text = QLabel()
        self.done_text.setObjectName("redeem_done")
        self.done_text.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("voucher_code")
        self.code.setFont(code_font(26))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setMinimumHeight(64)
        self.code.setStyleSheet("border: 1px solid #999; padding: 8px; background: #fafafa;")
        self.hint = QLabel()
        self.hint.setObjectName("redeem_hint")
        self.hint.setWordWrap(True)
        self.print_slip = QPushButton(self.tr("&Print slip…"))
        self.print_slip.setObjectName("print_slip")
        self.print_slip.clicked.connect(self._print)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("close")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_slip)
        row.addWidget(close)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.done_text)
        column.addWidget(self.code)
        column.addWidget(self.hint)
        column.addStretch(1)
        column.addLayout(row)
        return page

    def _redeemed(self, voucher: VoucherRow) -> None:
        self.voucher = voucher
        self.done_text.setText(
            self.tr("Redeemed: <b>{benefit}</b>. Give the member this voucher code:").format(
                benefit=_escaped(voucher.benefit_name)
            )
        )
        self.code.setText(format_code(voucher.code))
        self.hint.setText(
            self.tr("Valid until {date}; {points} points taken. Print the slip for the member.")
            .format(date=format_date(voucher.expires_on), points=format_int(voucher.points))
            if voucher.points
            else self.tr("Valid until {date}. Print the slip for the member.").format(
                date=format_date(voucher.expires_on)
            )
        )  # fmt: skip
        self.confirm.setDefault(False)
        self.pages.setCurrentIndex(1)
        self.print_slip.setDefault(True)
        self.print_slip.setFocus()
        self.redeemed.emit(voucher)

    def _print(self) -> None:
        if self.voucher is not None:
            save_slip(self, self.db, self.actor, self.voucher.id, self.voucher.code)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
