"""What a supervisor sees of a tier request before deciding it: the member's tier now, its
validity and qualifying points, the tier asked for (and, for an upgrade, what approving now
would do), the request's own facts, and the member's last tier changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.domain import tiers as rules
from app.domain.roles import Actor
from app.services.approvals import RequestRow
from app.services.shared.database import Database
from app.services.tiers import PolicyVersion, TierView, current_policy, member_tier
from app.ui.approvals.labels import iso_date
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.tiers.member_labels import (
    change_reason_label,
    floor_reason_label,
    manual_reason_label,
    tier_html,
)


@dataclass(frozen=True)
class TierContext:
    view: TierView
    policy: PolicyVersion


def load(db: Database, actor: Actor, row: RequestRow) -> TierContext:
    """Runs in a worker."""
    return TierContext(member_tier(db, actor, row.payload["member_id"]), current_policy(db, actor))


FIELDS = (
    "current", "validity", "points", "requested", "outcome", "reason", "until", "programme",
    "level", "evidence", "fee", "receipt", "floor",
)  # fmt: skip


class TierDetail(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tier_detail")
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        captions = {
            "current": self.tr("Tier now"),
            "validity": self.tr("Valid until"),
            "points": self.tr("Qualifying points"),
            "requested": self.tr("Tier asked for"),
            "outcome": self.tr("Approving now"),
            "reason": self.tr("Reason"),
            "until": self.tr("Kept at least until"),
            "programme": self.tr("Other programme"),
            "level": self.tr("Level there"),
            "evidence": self.tr("Evidence"),
            "fee": self.tr("Fee paid"),
            "receipt": self.tr("Receipt no."),
            "floor": self.tr("Kept at least at"),
        }
        for key in FIELDS:
            value = QLabel()
            value.setObjectName(f"tier_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(captions[key], value)
        self.history = make_table(
            "tier_changes",
            [self.tr("Date"), self.tr("From"), self.tr("To"), self.tr("Reason"),
             self.tr("Qualifying points"), self.tr("By")],
            stretch=5,
        )  # fmt: skip
        set_empty_text(self.history, self.tr("No tier changes yet."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        self.history_caption = QLabel()
        layout.addWidget(self.history_caption)
        layout.addWidget(self.history, 1)
        layout.addStretch(0)  # takes the room while there is no history to show

    def show_context(self, row: RequestRow, context: TierContext) -> None:
        view, policy = context.view, context.policy.policy
        payload = row.payload
        asked = policy.tier(payload["tier"]) if policy.has(payload.get("tier", "")) else None
        texts = {
            "current": tier_html(view.tier),
            "validity": format_date(view.valid_until) if view.valid_until
            else self.tr("for life (the base tier)"),
            "points": self._points(view, policy),
            "requested": self._requested(row, asked),
            "floor": self._floor(view),
        }  # fmt: skip
        if row.kind == "tier_upgrade" and row.status == "pending":
            texts["outcome"] = self._upgrade_outcome(view, policy)
        if row.kind == "tier_manual":
            texts["reason"] = manual_reason_label(payload.get("reason_code", ""))
            texts["until"] = iso_date(payload.get("until"))
        if row.kind == "tier_match":
            for key in ("programme", "level", "evidence"):
                texts[key] = _escaped(str(payload.get(key, "")))
        if row.kind == "tier_paid":
            texts["fee"] = format_yuan(payload.get("fee_fen", 0))
            texts["receipt"] = _escaped(str(payload.get("receipt", "")))
        for key, label in self.values.items():
            text = texts.get(key) or ""
            label.setText(text)
            self.form.setRowVisible(label, bool(text))
        fill_table(
            self.history,
            [[format_date(h.effective_on), h.from_tier or "", h.to_tier,
              change_reason_label(h.reason), format_int(h.points), h.actor]
             for h in view.history[:10]],
            frozenset({4}),
        )  # fmt: skip
        self.history.setVisible(bool(view.history))
        self.history_caption.setText(
            self.tr("The member's last tier changes:") if view.history
            else self.tr("No tier changes yet: on the base tier since joining.")
        )  # fmt: skip

    def _points(self, view: TierView, policy: rules.TierPolicy) -> str:
        points = format_int(view.progress.points)
        if policy.upgrade_basis == rules.UpgradeBasis.LIFETIME:
            return self.tr("{points} (lifetime)").format(points=points)
        if view.period_start is None:
            return self.tr("{points} (since joining)").format(points=points)
        return self.tr("{points} (this period, since {date})").format(
            points=points, date=format_date(view.period_start)
        )

    def _requested(self, row: RequestRow, asked: rules.Tier | None) -> str:
        if asked is None:
            return self.tr("a tier the policy no longer has")
        name = tier_html(asked)
        if row.kind == "tier_upgrade":
            text = self.tr("{tier}: reached at {reach} qualifying points ({points} when asked)")
            return text.format(
                tier=name, reach=format_int(asked.reach_points),
                points=format_int(row.payload.get("points", 0)),
            )  # fmt: skip
        if row.kind == "tier_paid":
            return self.tr("{tier}, held for 12 months from approval").format(tier=name)
        if row.kind == "tier_match":
            return self.tr("{tier}, held for a full validity period").format(tier=name)
        return name

    def _upgrade_outcome(self, view: TierView, policy: rules.TierPolicy) -> str:
        """The tier approving would give today: the points are checked again on approval."""
        target = rules.upgrade_target(policy, view.tier, view.progress.points)
        if target is None:
            return "<span style='color:#b00020'>" + self.tr(
                "refused: the qualifying points no longer reach a higher tier"
            ) + "</span>"  # fmt: skip
        return self.tr("{old} → {new}, valid for {months} months from approval").format(
            old=tier_html(view.tier), new=tier_html(target),
            months=format_int(policy.validity_months),
        )  # fmt: skip

    def _floor(self, view: TierView) -> str:
        if view.floor is None:
            return ""
        return self.tr("{tier} until {date} ({why})").format(
            tier=tier_html(view.floor.tier), date=format_date(view.floor.until),
            why=floor_reason_label(view.floor_reason),
        )  # fmt: skip


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
