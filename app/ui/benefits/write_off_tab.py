"""Write-off (核销) at the counter: scan or type a voucher code, see the voucher, write it off.

Enter looks the code up; Enter again (or the button) writes the voucher off. A scanner types
the code and presses Enter itself; dashes, spaces and lower case are fine. Why a voucher
cannot be used (already used, expired, cancelled, not honoured here, mistyped) is said in
words, in red, on the card; after each write-off the field is empty for the next code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import VoucherStatus, format_code, normalize_code
from app.domain.roles import Actor
from app.services import benefits
from app.services.benefits import VoucherRow
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, OK_COLOUR
from app.ui.benefits.labels import channel_name, voucher_status_name
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date, format_datetime, format_int, format_yuan
from app.ui.shared.worker import run_in_background

CARD_STYLE = (
    "QFrame#voucher_card { border: 1px solid #c8ccd2; border-radius: 6px; background: #fff; }"
)
FIELDS = ("benefit", "value", "member", "issued", "expires", "status")


class WriteOffTab(QWidget):
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.found: VoucherRow | None = None
        self.busy = False
        intro = QLabel(
            self.tr("Scan or type the code on the member's voucher and press Enter to see it; "
                    "press Enter again or click “Write off” to use it.")
        )  # fmt: skip
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("voucher_code")
        self.code.setPlaceholderText(self.tr("voucher code, e.g. 7KQ2-M9XD-3HPT-W8RF"))
        self.code.setMaxLength(40)
        self.code.setClearButtonEnabled(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.5)
        self.code.setFont(font)
        self.code.setMinimumWidth(380)
        self.code.setMaximumWidth(520)
        self.code.returnPressed.connect(self.enter)
        self.code.textEdited.connect(lambda _t: self._update_button())
        self.look_up = QPushButton(self.tr("Look up"))
        self.look_up.setObjectName("look_up_voucher")
        self.look_up.clicked.connect(self.lookup)
        self.write_off_button = QPushButton(self.tr("Write off"))
        self.write_off_button.setObjectName("write_off")
        self.write_off_button.setEnabled(False)
        self.write_off_button.clicked.connect(self.write_off)
        line = QHBoxLayout()
        line.addWidget(self.code)
        line.addWidget(self.look_up)
        line.addWidget(self.write_off_button)
        line.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("write_off_message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(line)
        layout.addWidget(self.message)
        layout.addWidget(self._card())
        layout.addStretch(1)
        self.setFocusProxy(self.code)

    def _card(self) -> QFrame:
        self.card = QFrame()
        self.card.setObjectName("voucher_card")
        self.card.setStyleSheet(CARD_STYLE)
        self.card.setMaximumWidth(720)
        self.card_title = QLabel()
        self.card_title.setObjectName("card_code")
        title_font = QFont(self.card_title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        self.card_title.setFont(title_font)
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        names = {
            "benefit": self.tr("Benefit"), "value": self.tr("Value"),
            "member": self.tr("Member"), "issued": self.tr("Redeemed"),
            "expires": self.tr("Valid until"), "status": self.tr("Status"),
        }  # fmt: skip
        self.values: dict[str, QLabel] = {}
        for key in FIELDS:
            value = QLabel()
            value.setObjectName(f"card_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(names[key], value)
        column = QVBoxLayout(self.card)
        column.setContentsMargins(16, 12, 16, 12)
        column.addWidget(self.card_title)
        column.addLayout(form)
        self.card.hide()
        return self.card

    # reading the field -----------------------------------------------------------------------

    def typed(self) -> str:
        return normalize_code(self.code.text())

    def _ready(self) -> bool:
        """The voucher on the card is the code in the field, and may be written off."""
        found = self.found
        return (
            found is not None
            and not self.busy
            and found.code == self.typed()
            and found.status == VoucherStatus.ISSUED
            and not self._problem(found)
        )

    def _update_button(self) -> None:
        self.write_off_button.setEnabled(self._ready())
        self.look_up.setEnabled(not self.busy)

    def enter(self) -> None:
        if self._ready():
            self.write_off()
        else:
            self.lookup()

    def say(self, text: str, ok: bool = False) -> None:
        colour = OK_COLOUR if ok else ERROR_COLOUR
        self.message.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.message.setText(text)

    # looking up and writing off --------------------------------------------------------------

    def lookup(self) -> None:
        if self.busy:
            return
        text = self.code.text()
        self.busy = True
        self._update_button()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: benefits.find_voucher(db, actor, text), self._found, self._not_found
        )

    def _found(self, voucher: VoucherRow) -> None:
        self.busy = False
        self.found = voucher
        self._show_card(voucher)
        problem = self._problem(voucher)
        if problem:
            self.say(problem)
        else:
            self.say(self.tr("Press Enter again or click “Write off” to use this voucher."), True)
        if self.typed() == voucher.code:  # not if the next code was typed meanwhile
            self.code.setText(format_code(voucher.code))
        self._update_button()
        self.code.setFocus()
        self.code.selectAll()  # Enter writes it off; the next scan replaces it

    def _not_found(self, exc: BaseException) -> None:
        self.busy = False
        self.found = None
        self.card.hide()
        self.say(message_for(exc))
        self._update_button()
        self.code.setFocus()
        self.code.selectAll()

    def write_off(self) -> None:
        if not self._ready() or self.found is None:
            return
        code = self.found.code
        self.busy = True
        self._update_button()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: benefits.write_off(db, actor, code), self._written_off, self._refused
        )

    def _written_off(self, voucher: VoucherRow) -> None:
        self.busy = False
        self.found = voucher
        self._show_card(voucher, just_written=True)
        self.say(
            self.tr("Written off: {benefit} for member {member}.").format(
                benefit=voucher.benefit_name, member=voucher.member_number
            ),
            ok=True,
        )
        self._next_code()

    def _refused(self, exc: BaseException) -> None:
        self.busy = False
        self.say(message_for(exc))
        self._next_code()

    def _next_code(self) -> None:
        self.code.clear()
        self._update_button()
        self.code.setFocus()

    # the card --------------------------------------------------------------------------------

    def _problem(self, voucher: VoucherRow) -> str:
        """Why the voucher cannot be written off here, or ""."""
        if voucher.status == VoucherStatus.USED:
            where = voucher.used_dealer or self.tr("headquarters")
            return self.tr("This voucher was already used on {when} at {dealer}.").format(
                when=format_datetime(voucher.used_at), dealer=where
            )
        if voucher.status == VoucherStatus.CANCELLED:
            return self.tr("This voucher was cancelled.")
        if voucher.status == VoucherStatus.EXPIRED or voucher.expires_on < self.today():
            return self.tr("This voucher expired on {date}.").format(
                date=format_date(voucher.expires_on)
            )
        honoured = voucher.honoured_by
        dealer = self.actor.dealer_name
        if honoured and dealer is not None and dealer not in honoured:
            return self.tr(
                "Your dealer does not honour this voucher; it is honoured at {dealers}."
            ).format(dealers="、".join(honoured))
        return ""

    def _show_card(self, v: VoucherRow, just_written: bool = False) -> None:
        self.card_title.setText(self.tr("Voucher {code}").format(code=format_code(v.code)))
        member = "  ".join(p for p in (v.member_number, v.member_name, v.member_mobile or "") if p)
        value = format_yuan(v.face_value_fen)
        if v.points:
            value += "  " + self.tr("({points} points paid)").format(points=format_int(v.points))
        issued = format_date(v.issued_on) + "  " + (v.issued_dealer or self.tr("headquarters"))
        texts = {
            "benefit": f"{v.benefit_name}  ·  {channel_name(v.channel)}",
            "value": value,
            "member": member,
            "issued": issued,
            "expires": format_date(v.expires_on),
            "status": self._status_text(v),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        usable = v.status == VoucherStatus.ISSUED and not self._problem(v)
        colour = OK_COLOUR if usable or just_written else ERROR_COLOUR
        self.values["status"].setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.card.show()

    def _status_text(self, v: VoucherRow) -> str:
        status = voucher_status_name(v.status)
        if v.status == VoucherStatus.USED and v.used_at is not None:
            where = v.used_dealer or self.tr("headquarters")
            return f"{status}  ·  {format_datetime(v.used_at)}  {where}"
        problem = self._problem(v)
        return f"{status}  ·  {problem}" if problem else status
