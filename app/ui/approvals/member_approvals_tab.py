"""The Approvals tab of the member view: every request about the member, and its decision."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.services.approvals import RequestRow
from app.ui.approvals.labels import kind_label, note_text, status_label, summary
from app.ui.shared.i18n import format_datetime
from app.ui.shared.labels import user_name
from app.ui.shared.tables import fill_table, make_table, set_empty_text


class MemberApprovalsTab(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = make_table(
            "member_requests",
            [self.tr("Requested"), self.tr("By"), self.tr("Kind"), self.tr("Request"),
             self.tr("Note"), self.tr("Status"), self.tr("Decided by"), self.tr("Decision note")],
            stretch=4,
        )  # fmt: skip
        set_empty_text(self.table, self.tr("No approval requests for this member."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.requests: list[RequestRow] = []
        self.reasons: dict[str, str] = {}
        self.tiers: dict[str, str] = {}  # tier code → name, for tier requests

    def set_tiers(self, tiers: dict[str, str]) -> None:
        self.tiers = tiers
        self.show_requests(self.requests, self.reasons)

    def show_requests(self, requests: list[RequestRow], reasons: dict[str, str]) -> None:
        self.requests, self.reasons = requests, reasons
        fill_table(
            self.table,
            [
                [format_datetime(r.requested_at), r.requested_by, kind_label(r.kind),
                 summary(r, reasons, self.tiers), note_text(r, self.tiers),
                 status_label(r.status), user_name(r.decided_by), r.decision_note or ""]
                for r in requests
            ],
        )  # fmt: skip
