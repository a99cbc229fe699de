"""The tier policy in force, its versions, and how members' qualifying points are spread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import tiers as rules
from app.domain.roles import Actor, Permission
from app.services import tiers
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.tiers import Distribution, PolicyVersion
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_datetime, format_int
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.shared.worker import run_in_background
from app.ui.tiers.labels import basis_label, days_text, months_text, multiplier_text, steps_text
from app.ui.tiers.policy_editor import PolicyDialog

COLOUR_COLUMN = 1
NOTE_STYLE = (
    "background:#fff3cd; color:#664d03; padding:6px 8px; border:1px solid #ffe69c;"
    "border-radius:3px;"
)


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(28, 14)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def fit_height(table: QTableWidget) -> None:
    """As tall as its rows: a short table leaves the room to the ones that grow."""
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setFixedHeight(height)


def share_text(part: int, whole: int) -> str:
    """12 of 200 → "6.0%" (one decimal; exact integers until the end)."""
    if not whole:
        return "—"
    tenths = (part * 1000 + whole // 2) // whole
    return f"{tenths // 10}.{tenths % 10}%"


class PolicyTab(QWidget):
    """The tiers in force with their thresholds and the review settings; every saved version;
    headquarters save a new one. Users who see reports also see the points distribution."""

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.current: PolicyVersion | None = None
        self.versions: list[PolicyVersion] = []
        self.distribution: Distribution | None = None
        self._message = ""

        self.source = QLabel(self.tr("Loading…"))
        self.source.setObjectName("policy_source")
        self.source.setWordWrap(True)
        self.example = QLabel(
            self.tr(
                "These are example thresholds that come with Loyalty Desk, not a policy of "
                "the programme: headquarters set their own."
            )
        )
        self.example.setObjectName("policy_example")
        self.example.setWordWrap(True)
        self.example.setStyleSheet(NOTE_STYLE)
        self.example.hide()
        self.new_button: QPushButton | None = None
        top = QHBoxLayout()
        top.addWidget(self.source, 1)
        if actor.can(Permission.CONFIGURE_PROGRAMME):
            self.new_button = QPushButton(self.tr("New version…"))
            self.new_button.setObjectName("new_policy_version")
            self.new_button.setToolTip(self.tr("Edit a copy of the policy and save it from a date"))
            self.new_button.setEnabled(False)  # until the versions are known
            self.new_button.clicked.connect(self.new_version)
            top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)

        self.table = make_table(
            "tiers_table",
            [self.tr("Tier"), self.tr("Colour"), self.tr("To reach"), self.tr("To retain"),
             self.tr("Earn multiplier"), self.tr("Validity")],
        )  # fmt: skip
        for column, tip in (
            (2, self.tr("Qualifying points in a period that reach the tier")),
            (3, self.tr("Qualifying points in a period that keep the tier at its review")),
            (4, self.tr("Points earned by spending are multiplied by this")),
        ):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLOUR_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        tiers_box = QGroupBox(self.tr("Tiers, lowest first; thresholds in qualifying points"))
        QVBoxLayout(tiers_box).addWidget(self.table)

        self.settings = QFormLayout()
        self.settings_values: dict[str, QLabel] = {}
        for key, label in (
            ("validity_months", self.tr("Tier validity")),
            ("downgrade_max_steps", self.tr("Downgrade limit")),
            ("grace_days", self.tr("Grace period")),
            ("upgrade_basis", self.tr("Upgrades count")),
            ("enrolment_by_series", self.tr("Enrolment tier by model")),
            ("status_match", self.tr("Status match table")),
        ):
            value = QLabel()
            value.setObjectName(key)
            value.setWordWrap(True)
            self.settings_values[key] = value
            self.settings.addRow(label, value)
        settings_box = QGroupBox(self.tr("Validity and review"))
        settings_box.setLayout(self.settings)

        self.versions_table = make_table(
            "versions_table",
            [self.tr("In force from"), self.tr("Status"), self.tr("Saved by"),
             self.tr("Saved at"), self.tr("Note")],
        )  # fmt: skip
        set_empty_text(self.versions_table, self.tr("No versions saved yet."))
        versions_box = QGroupBox(self.tr("Versions"))
        QVBoxLayout(versions_box).addWidget(self.versions_table)

        self.status = QLabel()
        self.status.setObjectName("policy_status")
        self.status.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(tiers_box)
        left.addWidget(versions_box, 1)
        right = QVBoxLayout()
        right.addWidget(settings_box)
        self.distribution_box: QGroupBox | None = None
        if actor.can(Permission.VIEW_REPORTS):
            self.distribution_box = self._distribution_box()
            right.addWidget(self.distribution_box, 1)
        else:
            right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.example)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        on_change(self, {Area.TIERS}, self.reload)
        self.reload()

    # loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor = self.db, self.actor
        run_in_background(
            lambda: (tiers.current_policy(db, actor), tiers.list_versions(db, actor)),
            self._show,
            self._failed,
        )
        if self.distribution_box is not None:
            self.spread_status.setText(self.tr("Counting…"))
            run_in_background(
                lambda: tiers.qualifying_distribution(db, actor),
                self._show_distribution,
                lambda exc: self.spread_status.setText(message_for(exc)),
                owner=self,
            )

    def _show(self, loaded: tuple[PolicyVersion, list[PolicyVersion]]) -> None:
        self.current, self.versions = loaded
        current = self.current
        if current.id is None:
            self.source.setText("<b>" + self.tr("Built-in example policy") + "</b>")
        else:
            self.source.setText(
                "<b>"
                + self.tr("In force since {date}").format(date=format_date(current.effective_from))
                + "</b> — "
                + self.tr("saved by {user} on {when}").format(
                    user=current.created_by, when=format_datetime(current.created_at)
                )
            )
        self.example.setVisible(current.id is None)
        self._show_tiers(current.policy)
        self._show_settings(current.policy)
        self._show_versions()
        if self.new_button is not None:
            self.new_button.setEnabled(True)
        # The last save's message stays until the next one: a refresh from another change
        # (the change signal reloads this tab too) must not wipe it.
        self.status.setText(self._message)

    def _show_tiers(self, policy: rules.TierPolicy) -> None:
        base = policy.base
        for_life = self.tr("For life")
        fill_table(
            self.table,
            [[t.name, "", format_int(t.reach_points), format_int(t.retain_points),
              multiplier_text(t.multiplier_permille),
              for_life if t.rank == base.rank else months_text(policy.validity_months)]
             for t in policy.tiers],
            right=frozenset({2, 3, 4}),
        )  # fmt: skip
        fit_height(self.table)
        for r, tier in enumerate(policy.tiers):
            item = self.table.item(r, COLOUR_COLUMN)
            item.setIcon(swatch(tier.colour))
            item.setToolTip(tier.colour)
            if tier.rank == base.rank:
                for column in (2, 3):
                    self.table.item(r, column).setToolTip(self.tr("The base tier needs no points."))

    def _show_settings(self, policy: rules.TierPolicy) -> None:
        values = self.settings_values
        values["validity_months"].setText(
            self.tr("{months} from the upgrade or review").format(
                months=months_text(policy.validity_months)
            )
        )
        values["downgrade_max_steps"].setText(steps_text(policy.downgrade_max_steps))
        values["grace_days"].setText(days_text(policy.grace_days))
        values["upgrade_basis"].setText(basis_label(policy.upgrade_basis.value))
        names = {t.code: t.name for t in policy.tiers}
        series = "；".join(
            f"{model} → {names.get(code, code)}"
            for model, code in sorted(policy.enrolment_by_series.items())
        )
        values["enrolment_by_series"].setText(series or self.tr("Everyone starts on the base tier"))
        matches = "；".join(
            f"{key} → {names.get(code, code)}" for key, code in sorted(policy.status_match.items())
        )
        values["status_match"].setText(matches or self.tr("Empty: staff choose the tier granted"))

    def _show_versions(self) -> None:
        today = self.today()
        in_force = self.current.id if self.current else None
        rows = []
        for v in self.versions:
            if v.id == in_force:
                state = self.tr("In force")
            elif v.effective_from and v.effective_from > today:
                state = self.tr("Scheduled")
            else:
                state = self.tr("Replaced")
            rows.append(
                [format_date(v.effective_from), state, v.created_by or "",
                 format_datetime(v.created_at), v.note or ""]
            )  # fmt: skip
        if not rows:
            rows = [[self.tr("none saved yet"), self.tr("The example is in force"), "", "", ""]]
        fill_table(self.versions_table, rows)

    def _failed(self, exc: BaseException) -> None:
        self.source.setText("")
        self.status.setText(message_for(exc))

    # the distribution ------------------------------------------------------------------------

    def _distribution_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Qualifying points of the members"))
        advisory = QLabel(
            self.tr(
                "Advisory: how many members each threshold would take in, from their lifetime "
                "qualifying points. A person sets the thresholds."
            )
        )
        advisory.setObjectName("advisory")
        advisory.setWordWrap(True)
        advisory.setStyleSheet("color: #555;")
        self.percentiles = QGridLayout()
        self.percentiles.setHorizontalSpacing(14)
        self.reaching = make_table(
            "reaching_table",
            [self.tr("Tier"), self.tr("Reach"), self.tr("Members reaching"), self.tr("Share")],
        )
        set_empty_text(self.reaching, self.tr("No members to count yet."))
        self.spread_status = QLabel()
        self.spread_status.setObjectName("distribution_status")
        column = QVBoxLayout(box)
        column.addWidget(advisory)
        column.addLayout(self.percentiles)
        column.addWidget(self.reaching)
        column.addWidget(self.spread_status)
        column.addStretch(1)
        return box

    def _show_distribution(self, found: Distribution) -> None:
        self.distribution = found
        while self.percentiles.count():
            item = self.percentiles.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.percentiles.addWidget(QLabel(self.tr("Percentile")), 0, 0)
        self.percentiles.addWidget(QLabel(self.tr("Points")), 1, 0)
        for c, (percentile, points) in enumerate(found.percentiles, start=1):
            head = QLabel(f"P{percentile}")
            head.setStyleSheet("color: #555;")
            value = QLabel(format_int(points))
            value.setObjectName(f"p{percentile}")
            value.setStyleSheet("font-weight: bold;")
            for r, label in enumerate((head, value)):
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.percentiles.addWidget(label, r, c)
        self.percentiles.setColumnStretch(len(found.percentiles) + 1, 1)
        fill_table(
            self.reaching,
            [[tier.name, format_int(tier.reach_points), format_int(members),
              share_text(members, found.members)] for tier, members in found.reaching],
            right=frozenset({1, 2, 3}),
        )  # fmt: skip
        fit_height(self.reaching)
        self.spread_status.setText(
            self.tr("{n} members counted (not closed or merged).").format(
                n=format_int(found.members)
            )
        )

    # a new version ---------------------------------------------------------------------------

    def new_version(self) -> None:
        today = self.today()
        latest = self.versions[0] if self.versions else self.current
        if latest is None:
            return
        self._message = ""
        dialog = PolicyDialog(self.db, self.actor, latest, today, self)
        if latest.effective_from is not None:
            dialog.set_earliest(latest.effective_from + timedelta(days=1))
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, version: PolicyVersion) -> None:
        self._message = self.tr("New policy version saved; in force from {date}.").format(
            date=format_date(version.effective_from)
        )
        self.reload()
