"""The Tier tab of the member view: the tier now (in its colour), its validity, what keeps it
and what reaches the next one, requests waiting for a decision, the history of changes, and
the requests a clerk may file (manual tier, status match, paid tier)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.domain.tiers import Tier, UpgradeBasis
from app.services import approvals
from app.services.approvals import RequestFilter, RequestRow
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.tiers import PolicyVersion, TierView, current_policy, member_tier
from app.services.tiers.requests import MANUAL, MATCH, PAID, UPGRADE
from app.ui.approvals.labels import kind_label, summary
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.shared.worker import run_in_background
from app.ui.tiers.member_labels import (
    badge_style,
    change_reason_label,
    floor_reason_label,
    history_note,
    tier_html,
)
from app.ui.tiers.tier_request_dialogs import (
    ManualTierDialog,
    PaidTierDialog,
    StatusMatchDialog,
    TierRequestDialog,
    filed_message,
)

TIER_KINDS = (UPGRADE, MANUAL, MATCH, PAID)


@dataclass(frozen=True)
class TierData:
    view: TierView
    policy: PolicyVersion
    pending: list[RequestRow]  # the member's tier requests waiting for a decision


def load_tier(db: Database, actor: Actor, member_id: int) -> TierData:
    """Runs in a worker."""
    waiting = approvals.list_requests(
        db, actor, RequestFilter(subject_type="member", subject_id=member_id), limit=50
    )
    return TierData(
        member_tier(db, actor, member_id),
        current_policy(db, actor),
        [r for r in waiting if r.kind in TIER_KINDS],
    )


def tier_names(policy: PolicyVersion) -> dict[str, str]:
    return {tier.code: tier.name for tier in policy.policy.tiers}


class ProgressRow:
    """A caption, a bar of points against a threshold, and what is still missing."""

    def __init__(self, grid: QGridLayout, row: int, name: str):
        self.caption = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}_bar")
        self.bar.setMinimumWidth(220)
        self.bar.setTextVisible(True)
        self.bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setObjectName(f"{name}_text")
        self.text.setWordWrap(True)
        grid.addWidget(self.caption, row, 0)
        grid.addWidget(self.bar, row, 1)
        grid.addWidget(self.text, row, 2)

    def set(self, caption: str, points: int, threshold: int | None, text: str) -> None:
        self.caption.setText(caption)
        self.text.setText(text)
        self.bar.setVisible(threshold is not None)
        if threshold is None:
            return
        top = max(threshold, 1)  # 0..0 would make Qt draw a "busy" bar
        self.bar.setRange(0, top)
        self.bar.setValue(min(max(points, 0), top))
        self.bar.setFormat(f"{format_int(points)} / {format_int(threshold)}")


class MemberTierTab(QWidget):
    changed = Signal(str)  # a request was filed: the message to show
    loaded = Signal(object)  # TierData, for the member's approvals tab

    def __init__(self, db: Database, actor: Actor, member_id: int, today: date, parent=None):
        super().__init__(parent)
        self.setObjectName("tier_tab")
        self.db, self.actor, self.member_id, self.today = db, actor, member_id, today
        self.data: TierData | None = None
        self.badge = QLabel(self.tr("Loading…"))
        self.badge.setObjectName("tier_badge")
        self.validity = QLabel()
        self.validity.setObjectName("tier_validity")
        self.validity.setWordWrap(True)
        self.validity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pending = QLabel()
        self.pending.setObjectName("tier_pending")
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet("color: #8a5a00;")
        self.pending.hide()
        top = QHBoxLayout()
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addWidget(self.validity, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pending)
        layout.addLayout(self._buttons())
        layout.addWidget(self._progress_box())
        self.history_caption = QLabel()
        self.history_caption.setObjectName("tier_history_caption")
        layout.addWidget(self.history_caption)
        self.history = make_table(
            "tier_history",
            [self.tr("Date"), self.tr("From"), self.tr("To"), self.tr("Reason"),
             self.tr("Qualifying points"), self.tr("Valid until"), self.tr("By"),
             self.tr("Note")],
        )  # fmt: skip
        set_empty_text(self.history, self.tr("No tier changes yet."))
        layout.addWidget(self.history, 1)
        layout.addStretch(0)  # takes the room while there is no history to show
        self.reload()
        on_change(self, {Area.TIERS, Area.APPROVALS, Area.POINTS}, self.reload)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.actions: dict[str, QPushButton] = {}
        allowed = self.actor.can(Permission.REQUEST_ADJUSTMENT)
        for name, text, slot in (
            ("request_manual_tier", self.tr("Request manual tier…"), self._manual),
            ("request_status_match", self.tr("Status match…"), self._match),
            ("request_paid_tier", self.tr("Paid tier…"), self._paid),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setVisible(allowed)
            button.setEnabled(False)  # until the policy is loaded
            button.clicked.connect(slot)
            self.actions[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _progress_box(self) -> QGroupBox:
        self.progress_box = QGroupBox(self.tr("Progress"))
        self.progress_box.setObjectName("tier_progress")
        grid = QGridLayout(self.progress_box)
        grid.setColumnStretch(2, 1)
        self.points = QLabel()
        self.points.setObjectName("tier_points")
        grid.addWidget(self.points, 0, 0, 1, 3)
        self.retain = ProgressRow(grid, 1, "retain")
        self.reach = ProgressRow(grid, 2, "reach")
        return self.progress_box

    # loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor, member_id = self.db, self.actor, self.member_id
        run_in_background(lambda: load_tier(db, actor, member_id), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.validity.setText(message_for(exc))

    def _show(self, data: TierData) -> None:
        self.data = data
        view = data.view
        self.badge.setText(view.tier.name)
        self.badge.setStyleSheet(badge_style(view.tier))
        self.validity.setText(self._validity_html(view))
        self._show_pending(data)
        self._show_progress(data)
        fill_table(
            self.history,
            [[format_date(h.effective_on), h.from_tier or "", h.to_tier,
              change_reason_label(h.reason), format_int(h.points),
              format_date(h.valid_until) if h.valid_until else self.tr("for life"),
              h.actor, history_note(h.reason, h.note)]
             for h in view.history],
            frozenset({4}),
        )  # fmt: skip
        self.history.setVisible(bool(view.history))
        self.history_caption.setText(
            self.tr("Tier changes, newest first:") if view.history
            else self.tr("No tier changes yet: on the base tier since joining.")
        )  # fmt: skip
        for button in self.actions.values():
            button.setEnabled(True)
        self.loaded.emit(data)

    def _validity_html(self, view: TierView) -> str:
        if view.valid_until is None:
            lines = [self.tr("The base tier: held for life, never reviewed.")]
        else:
            lines = [
                self.tr(
                    "Valid until <b>{date}</b>; reviewed then on the points of the period."
                ).format(date=format_date(view.valid_until))
            ]
        if view.period_start is not None:
            lines.append(
                self.tr("This period started on {date}.").format(
                    date=format_date(view.period_start)
                )
            )
        if view.upgraded_on is not None:
            lines.append(
                self.tr("Last upgrade: {date}.").format(date=format_date(view.upgraded_on))
            )
        if view.floor is not None and view.floor.until >= self.today:
            lines.append(
                self.tr("Kept at least at {tier} until {date} ({why}).").format(
                    tier=tier_html(view.floor.tier),
                    date=format_date(view.floor.until),
                    why=floor_reason_label(view.floor_reason),
                )
            )
        return "<br>".join(lines)

    def _show_pending(self, data: TierData) -> None:
        names = tier_names(data.policy)
        lines = [
            _escaped(
                self.tr("Waiting for a decision: {kind}, {request} (requested by {user})").format(
                    kind=kind_label(r.kind), request=summary(r, {}, names), user=r.requested_by
                )
            )
            for r in data.pending
        ]
        self.pending.setText("<br>".join(lines))
        self.pending.setVisible(bool(lines))

    def _show_progress(self, data: TierData) -> None:
        view, policy = data.view, data.policy.policy
        progress, tier = view.progress, view.tier
        lifetime = policy.upgrade_basis == UpgradeBasis.LIFETIME
        self.points.setText(
            (self.tr("Lifetime qualifying points: <b>{points}</b>") if lifetime
             else self.tr("Qualifying points this period: <b>{points}</b>"))
            .format(points=format_int(progress.points))
        )  # fmt: skip
        retain_caption = self.tr("Keep {tier}").format(tier=tier.name)
        if view.valid_until is None:
            self.retain.set(retain_caption, 0, None, self.tr("Nothing to keep: held for life."))
        elif progress.to_retain:
            self.retain.set(
                retain_caption, progress.points, tier.retain_points,
                self.tr("{n} more points keep {tier} at the review on {date}.").format(
                    n=format_int(progress.to_retain), tier=tier.name,
                    date=format_date(view.valid_until),
                ),
            )  # fmt: skip
        else:
            self.retain.set(
                retain_caption, progress.points, tier.retain_points,
                self.tr("Enough to keep {tier} at the review.").format(tier=tier.name),
            )  # fmt: skip
        following: Tier | None = progress.next_tier
        if following is None:
            self.reach.set(
                self.tr("Next tier"), 0, None, self.tr("{tier} is the highest tier.").format(
                    tier=tier.name
                ),
            )  # fmt: skip
        else:
            self.reach.set(
                self.tr("Reach {tier}").format(tier=following.name),
                progress.points, following.reach_points,
                self.tr("{n} more points reach {tier}.").format(
                    n=format_int(progress.to_next), tier=following.name
                ) if progress.to_next else self.tr("Reached: the upgrade waits for approval."),
            )  # fmt: skip

    # requests ---------------------------------------------------------------------------------

    def _open(self, dialog: TierRequestDialog) -> None:
        dialog.filed.connect(lambda row: self.changed.emit(filed_message(row)))
        dialog.open()

    def _manual(self) -> None:
        if self.data is not None:
            self._open(ManualTierDialog(
                self, self.db, self.actor, self.member_id, self.data.policy.policy,
                self.data.view.tier, self.today,
            ))  # fmt: skip

    def _match(self) -> None:
        if self.data is not None:
            self._open(StatusMatchDialog(
                self, self.db, self.actor, self.member_id, self.data.policy.policy,
                self.data.view.tier,
            ))  # fmt: skip

    def _paid(self) -> None:
        if self.data is not None:
            self._open(PaidTierDialog(
                self, self.db, self.actor, self.member_id, self.data.policy.policy,
                self.data.view.tier,
            ))  # fmt: skip


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
