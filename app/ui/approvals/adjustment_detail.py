"""What a supervisor sees of a points adjustment before deciding it: the member's balance now
and after, their last entries and their other adjustments of the last 90 days."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.roles import Actor
from app.services.approvals import RequestRow
from app.services.points import adjustments
from app.services.points.adjustments import AdjustmentContext
from app.services.shared.database import Database
from app.ui.approvals.labels import signed, status_label
from app.ui.points.labels import currency_label, kind_label, reason_label, source_label
from app.ui.shared.i18n import format_date, format_datetime, format_int, format_yuan
from app.ui.shared.tables import fill_table, make_table, set_empty_text


def load(db: Database, actor: Actor, row: RequestRow) -> AdjustmentContext:
    """Runs in a worker."""
    return adjustments.adjustment_context(db, actor, row)


class AdjustmentDetail(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.balance = QLabel()
        self.balance.setObjectName("balance")
        self.balance.setWordWrap(True)
        self.entries = make_table(
            "last_entries",
            [self.tr("Date"), self.tr("Type"), self.tr("Source"), self.tr("Points"),
             self.tr("Qualifying points"), self.tr("Reference")],
            stretch=5,
        )  # fmt: skip
        set_empty_text(self.entries, self.tr("No points entries yet."))
        self.earlier = make_table(
            "earlier_adjustments",
            [self.tr("Requested"), self.tr("Points"), self.tr("Reason"), self.tr("Status"),
             self.tr("Requested by")],
            stretch=4,
        )  # fmt: skip
        set_empty_text(self.earlier, self.tr("No other adjustments in the last 90 days."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.balance)
        layout.addWidget(QLabel(self.tr("Last entries")))
        layout.addWidget(self.entries, 1)
        layout.addWidget(QLabel(self.tr("Adjustments of the last 90 days")))
        layout.addWidget(self.earlier, 1)

    def show_context(self, row: RequestRow, context: AdjustmentContext, reasons) -> None:
        account, change = context.account, row.payload["amount"]
        if row.payload["currency"] == "qualifying":
            now, after = account.qualifying, account.qualifying + change
        else:
            now, after = account.balance, account.balance + change
        self.balance.setText(
            self.tr(
                "{currency} now: {now} (available {available}, worth {value}); "
                "after approval: {after}"
            ).format(
                currency=currency_label(row.payload["currency"]),
                now=format_int(now),
                available=format_int(account.available),
                value=format_yuan(account.value_fen),
                after=format_int(after),
            )
        )
        self.balance.setStyleSheet("color:#b02a37" if after < 0 else "")
        fill_table(
            self.entries,
            [[format_date(e.business_date), kind_label(e.kind), source_label(e.source),
              _signed(e.points), _signed(e.qualifying), e.reference or ""]
             for e in context.last_entries],
            frozenset({3, 4}),
        )  # fmt: skip
        fill_table(
            self.earlier,
            [[format_datetime(e.requested_at), signed(e.amount) + " " + currency_label(e.currency),
              reason_label(e.reason_code, reasons.get(e.reason_code, e.reason_code)),
              status_label(e.status), e.requested_by] for e in context.earlier],
            frozenset({1}),
        )  # fmt: skip


def _signed(amount: int | None) -> str:
    return "" if amount is None else signed(amount)
