"""What an approver sees of a partner's admission or activation before deciding it: the
partner, its admission checks one by one (a failed one admitted by headquarters in red, with
the reason), its score and rank in the industry, the reason fewer than the shortlist were
compared and, for an activation, its cooperation modes and contracts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.roles import Actor
from app.services.approvals import RequestRow
from app.services.shared.database import Database
from app.ui.partners.labels import industry_name, status_name
from app.ui.partners.partner_views import (
    AdmissionView,
    PartnerDetail,
    escaped,
    fill_modes,
    load_detail,
    modes_table,
    score_summary,
)
from app.ui.shared.i18n import format_date, format_yuan

FIELDS = ("partner", "industry", "status", "capital", "score", "shortlist")


def load(db: Database, actor: Actor, row: RequestRow) -> PartnerDetail:
    """Runs in a worker."""
    return load_detail(db, actor, int(row.payload["partner_id"]))


class PartnerDetailView(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partner_detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        captions = {
            "partner": self.tr("Partner"),
            "industry": self.tr("Industry"),
            "status": self.tr("Status now"),
            "capital": self.tr("Registered capital"),
            "score": self.tr("Evaluation"),
            "shortlist": self.tr("Shortlist reason"),
        }
        for key in FIELDS:
            value = QLabel()
            value.setObjectName(f"partner_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(captions[key], value)
        self.admission = AdmissionView()
        self.modes_caption = QLabel(self.tr("Cooperation modes:"))
        self.modes = modes_table("partner_request_modes")
        self.modes.setMinimumHeight(110)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(QLabel(self.tr("Admission checks:")))
        layout.addWidget(self.admission)
        layout.addWidget(self.modes_caption)
        layout.addWidget(self.modes)
        layout.addStretch(1)
        self.setWidget(body)

    def show_context(self, row: RequestRow, detail: PartnerDetail) -> None:
        partner = detail.row
        reason = str(row.payload.get("shortlist_reason") or partner.shortlist_reason or "")
        score = detail.evaluation.total_hundredths if detail.evaluation else None
        texts = {
            "partner": f"{escaped(partner.code)} {escaped(partner.name)}",
            "industry": industry_name(partner.industry),
            "status": self.tr("{status} since {date}").format(
                status=status_name(partner.status), date=format_date(partner.status_since)
            ),
            "capital": format_yuan(partner.registered_capital_fen),
            "score": score_summary(score, detail.rank, detail.compared, partner.industry),
            "shortlist": self._shortlist(detail, reason),
        }
        for key, label in self.values.items():
            label.setText(texts.get(key) or "")
            self.form.setRowVisible(label, bool(texts.get(key)))
        self.admission.show_admission(detail.admission)
        activation = row.kind == "partner_activation"
        self.modes_caption.setVisible(activation)
        self.modes.setVisible(activation)
        fill_modes(self.modes, detail.modes, detail.today)

    def _shortlist(self, detail: PartnerDetail, reason: str) -> str:
        if not reason:
            return ""
        count = self.tr("{count} compared, at least {minimum} wanted").format(
            count=detail.compared, minimum=detail.shortlist_min
        )
        return f"<span style='color:#8a5a00'>{escaped(reason)}</span> ({count})"
