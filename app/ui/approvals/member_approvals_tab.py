"""The Approvals tab of the member view: the member's requests and their decisions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QVBoxLayout,
    QWidget,
)

from app.services.points.adjustments import AdjustmentRow
from app.ui.points.labels import (
    currency_label,
    reason_label,
    request_status,
)
from app.ui.points.member_points_tab import signed
from app.ui.shared.i18n import format_datetime
from app.ui.shared.tables import fill_table, make_table


class MemberApprovalsTab(QWidget):
    """The member's adjustment requests and what became of them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = make_table(
            "member_requests",
            [self.tr("Requested"), self.tr("By"), self.tr("Points"), self.tr("Points type"),
             self.tr("Reason"), self.tr("Note"), self.tr("Status"), self.tr("Decided by"),
             self.tr("Decision note")],
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_requests(self, requests: list[AdjustmentRow]) -> None:
        fill_table(
            self.table,
            [
                [format_datetime(r.requested_at), r.requested_by, signed(r.amount),
                 currency_label(r.currency), reason_label(r.reason_code, r.reason_label), r.note,
                 request_status(r.status), r.decided_by or "", r.decision_note or ""]
                for r in requests
            ],
        )  # fmt: skip
