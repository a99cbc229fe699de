"""The member tier tab's requests: a manual tier, a status match and a paid tier. Each is filed
for a supervisor's approval; a refusal stays in the dialog with everything typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from app.domain.errors import ValidationError
from app.domain.inputs import MAX_NOTE, new_request_uid
from app.domain.points import add_months
from app.domain.roles import Actor
from app.domain.tiers import Tier, TierPolicy, suggested_match, validity_end
from app.services.approvals import RequestRow
from app.services.shared.database import Database
from app.services.tiers import (
    MANUAL_REASONS,
    ManualTierInput,
    PaidTierInput,
    StatusMatchInput,
    request_manual_tier,
    request_paid_tier,
    request_status_match,
)
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate, yuan_to_fen
from app.ui.tiers.member_labels import manual_reason_label

# The service's field names → the dialog's widgets (object names), to put the cursor there.
FIELDS = {"fee_fen": "fee", "reason_code": "reason_code"}


def tier_icon(tier: Tier) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(tier.colour))
    return QIcon(pixmap)


class TierRequestDialog(ActionDialog):
    """The fields every tier request has: the tier, and a note that explains it."""

    filed = Signal(object)  # the RequestRow

    def __init__(
        self,
        parent: QWidget,
        object_name: str,
        title: str,
        explanation: str,
        db: Database,
        actor: Actor,
        member_id: int,
        tiers: list[Tier],
        current: Tier,
    ):
        super().__init__(parent, object_name, title, explanation, self.tr("Submit request"))
        self.db, self.actor, self.member_id = db, actor, member_id
        self.uid = new_request_uid()  # a second click or a retry files the request once
        self.tier = QComboBox()
        for tier in tiers:
            self.tier.addItem(tier_icon(tier), tier.name, tier.code)
        above = [t for t in tiers if t.rank > current.rank]
        start = above[0] if above else (tiers[-1] if tiers else None)
        if start is not None:
            self.tier.setCurrentIndex(self.tier.findData(start.code))
        self.note = QLineEdit()
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText(self.tr("Why: the supervisor reads this"))
        self.show_failure = self._refused
        self.succeeded.connect(self.filed)

    def add_tier_row(self, label: str) -> None:
        self.add_row(label, self.tier, "tier")
        self.require(lambda: self.tier.currentData() is not None, self.tier.currentIndexChanged)

    def add_note_row(self) -> None:
        self.add_row(self.tr("Note"), self.note, "note")
        self.require_text(self.note)

    def require_text(self, field: QLineEdit) -> None:
        self.require(lambda: bool(field.text().strip()), field.textChanged)

    def text_field(self, label: str, name: str, length: int, placeholder: str) -> QLineEdit:
        field = QLineEdit()
        field.setMaxLength(length)
        field.setPlaceholderText(placeholder)
        self.add_row(label, field, name)
        self.require_text(field)
        return field

    def _refused(self, exc: BaseException) -> None:
        """The service's message; the cursor goes to the field it names. Nothing is cleared."""
        self.error.show_message(message_for(exc))
        if isinstance(exc, ValidationError) and exc.field:
            widget = self.findChild(QWidget, FIELDS.get(exc.field, exc.field))
            if widget is not None:
                widget.setFocus()


class ManualTierDialog(TierRequestDialog):
    def __init__(
        self, parent, db, actor, member_id: int, policy: TierPolicy, current: Tier, today: date
    ):
        super().__init__(
            parent,
            "manual_tier_dialog",
            self.tr("Request a manual tier"),
            self.tr(
                "After approval the member holds the tier chosen and keeps at least this tier "
                "until the date below, whatever their qualifying points. After that date the "
                "usual review decides. A supervisor approves it; you cannot approve your own "
                "request."
            ),
            db, actor, member_id, list(policy.tiers), current,
        )  # fmt: skip
        self.add_tier_row(self.tr("Tier"))
        self.reason = QComboBox()
        for code in MANUAL_REASONS:
            self.reason.addItem(manual_reason_label(code), code)
        self.add_row(self.tr("Reason"), self.reason, "reason_code")
        self.until = QDateEdit(to_qdate(validity_end(today, policy.validity_months)))
        self.until.setDisplayFormat(DATE_FORMAT)
        self.until.setCalendarPopup(True)
        self.until.setDateRange(to_qdate(today), to_qdate(add_months(today, 60)))
        self.add_row(self.tr("Kept at least until"), self.until, "until")
        self.add_note_row()
        self.work = self._work

    def _work(self):
        data = ManualTierInput(
            self.member_id, self.tier.currentData(), self.reason.currentData(),
            to_date(self.until.date()), self.note.text(), self.uid,
        )  # fmt: skip
        db, actor = self.db, self.actor
        return lambda: request_manual_tier(db, actor, data)


class StatusMatchDialog(TierRequestDialog):
    def __init__(self, parent, db, actor, member_id: int, policy: TierPolicy, current: Tier):
        super().__init__(
            parent,
            "status_match_dialog",
            self.tr("Request a status match"),
            self.tr(
                "The member shows their level in another programme (an airline, a hotel "
                "group, another car brand) and gets the matching tier here, held for a full "
                "validity period. One match per member in 12 months; keep the evidence."
            ),
            db, actor, member_id, list(policy.tiers[1:]), current,
        )  # fmt: skip
        self.programme = self.text_field(
            self.tr("Other programme"), "programme", 100, self.tr("e.g. an airline's programme")
        )
        self.level = self.text_field(
            self.tr("Level there"), "level", 100, self.tr("as on the card, e.g. Gold")
        )
        self.evidence = self.text_field(
            self.tr("Evidence"), "evidence", 100, self.tr("where the copy is kept, e.g. file no.")
        )
        self.add_tier_row(self.tr("Tier granted"))
        self.suggestion = QLabel()
        self.suggestion.setObjectName("match_suggestion")
        self.add_row("", self.suggestion, "match_suggestion")
        self.add_note_row()
        self.policy = policy
        self.programme.textChanged.connect(self._suggest)
        self.level.textChanged.connect(self._suggest)
        self.work = self._work

    def _suggest(self, *_args) -> None:
        """The tier headquarters' match table gives this level, pre-selected; staff may
        still choose another."""
        tier = suggested_match(self.policy, self.programme.text(), self.level.text())
        if tier is None or self.tier.findData(tier.code) < 0:
            self.suggestion.clear()
            return
        self.tier.setCurrentIndex(self.tier.findData(tier.code))
        self.suggestion.setText(self.tr("The match table gives {tier}.").format(tier=tier.name))

    def _work(self):
        data = StatusMatchInput(
            self.member_id, self.programme.text(), self.level.text(), self.evidence.text(),
            self.tier.currentData(), self.note.text(), self.uid,
        )  # fmt: skip
        db, actor = self.db, self.actor
        return lambda: request_status_match(db, actor, data)


class PaidTierDialog(TierRequestDialog):
    def __init__(self, parent, db, actor, member_id: int, policy: TierPolicy, current: Tier):
        super().__init__(
            parent,
            "paid_tier_dialog",
            self.tr("Request a paid tier"),
            self.tr(
                "The member paid the annual fee for a tier: after approval it is held for 12 "
                "months and never lowered meanwhile. Paying again for the same tier extends "
                "it from the end of the paid period."
            ),
            db, actor, member_id, list(policy.tiers[1:]), current,
        )  # fmt: skip
        self.add_tier_row(self.tr("Tier"))
        self.fee = QLineEdit()
        self.fee.setPlaceholderText(self.tr("e.g. 800.00"))
        self.add_row(self.tr("Fee paid (yuan)"), self.fee, "fee")
        self.fee_hint = QLabel()
        self.fee_hint.setObjectName("fee_hint")
        self.fee_hint.setStyleSheet("color: #b00020;")
        self.form.addRow("", self.fee_hint)
        self.fee.textChanged.connect(self._check_fee)
        self.require(lambda: bool(self.fee_fen()), self.fee.textChanged)
        self.receipt = self.text_field(
            self.tr("Receipt no."), "receipt", 60, self.tr("the payment's reference")
        )
        self.add_note_row()
        self._check_fee()
        self.work = self._work

    def fee_fen(self) -> int | None:
        try:
            return yuan_to_fen(self.fee.text())
        except ValueError:
            return None

    def _check_fee(self, *_args) -> None:
        text = self.fee.text().strip()
        wrong = bool(text) and not self.fee_fen()
        self.fee_hint.setText(self.tr("Enter the fee in yuan, e.g. 800.00.") if wrong else "")
        self.form.setRowVisible(self.fee_hint, wrong)

    def _work(self):
        fee = self.fee_fen()
        if not fee:
            return None
        data = PaidTierInput(
            self.member_id, self.tier.currentData(), fee, self.receipt.text(), self.note.text(),
            self.uid,
        )  # fmt: skip
        db, actor = self.db, self.actor
        return lambda: request_paid_tier(db, actor, data)


def filed_message(row: RequestRow) -> str:
    if row.status == "approved":
        return QCoreApplication.translate("TierRequestDialog", "Tier changed.")
    return QCoreApplication.translate(
        "TierRequestDialog", "Requested; a supervisor will decide it."
    )
