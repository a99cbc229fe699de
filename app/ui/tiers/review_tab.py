"""The tier review (等级评审): preview as of a date, the breakdown and the members it decides,
their Excel export, and the commit in batches with progress and cancel."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.domain.runs import RunStatus
from app.services import tiers
from app.services.runs import RunRow
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled
from app.services.tiers import Breakdown, ReviewRow, exports
from app.ui.runs.confirm import confirm_run
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.i18n import format_date, format_datetime, format_int
from app.ui.shared.paged_model import RowsModel
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.shared.worker import run_in_background, run_with_progress
from app.ui.tiers.labels import OUTCOMES, outcome_colour, outcome_counts_text, outcome_label
from app.ui.tiers.member_lists import MemberTable, export_list, show_exported

SHOWN = 1_000  # members listed on screen; the export has them all
QUIET_S = 1.5  # tier changes heard this soon after our own commit are that commit's
OUTCOME_COLUMN = 6


class ReviewTab(QWidget):
    """For supervisors and headquarters (RUN_TIER_REVIEW)."""

    member_requested = Signal(int)

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.run: RunRow | None = None  # the preview (or committed run) shown
        self.breakdown: list[Breakdown] = []
        self.progress = None
        self.export_path: str | None = None
        self._busy = False
        self._quiet_until = 0.0
        self._loading_rows = 0  # answers for an older filter are dropped

        intro = QLabel(
            self.tr(
                "The review decides every member whose tier validity (plus the grace period) "
                "ended by the date: upgrade, retain or downgrade, on the qualifying points of "
                "the period. Preview first: it changes nothing."
            )
        )
        intro.setWordWrap(True)
        self.as_of = QDateEdit()
        self.as_of.setObjectName("review_as_of")
        self.as_of.setDisplayFormat(DATE_FORMAT)
        self.as_of.setCalendarPopup(True)
        today = self.today()
        self.as_of.setDateRange(to_qdate(today - timedelta(days=3 * 365)), to_qdate(today))
        self.as_of.setDate(to_qdate(today))
        self.as_of.dateChanged.connect(self._date_changed)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("preview_review")
        self.preview_button.clicked.connect(self.preview)
        self.commit_button = QPushButton(self.tr("Commit review…"))
        self.commit_button.setObjectName("commit_review")
        self.commit_button.clicked.connect(self._ask_commit)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export_review")
        self.export_button.setToolTip(self.tr("The members listed (all of them) as an .xlsx file"))
        self.export_button.clicked.connect(self._export)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Review as of")))
        controls.addWidget(self.as_of)
        controls.addWidget(self.preview_button)
        controls.addWidget(self.commit_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)

        self.tiles: dict[str, QLabel] = {}
        tiles = QHBoxLayout()
        for code in OUTCOMES:
            tile = QLabel()
            tile.setObjectName(f"count_{code}")
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile.setMinimumWidth(120)
            tile.setStyleSheet("QLabel { background: #fafafa; padding: 2px 6px; }")
            self.tiles[code] = tile
            tiles.addWidget(tile)
        self.state = QLabel()
        self.state.setObjectName("review_state")
        self.state.setWordWrap(True)
        tiles.addWidget(self.state, 1)
        self.result = QLabel()
        self.result.setObjectName("review_result")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("font-weight: bold;")
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.breakdown_table = make_table(
            "breakdown_table",
            [self.tr("Outcome"), self.tr("Tier before"), self.tr("Tier after"),
             self.tr("Dealer"), self.tr("Members")],
            stretch=3,
        )  # fmt: skip
        set_empty_text(self.breakdown_table, self.tr("Nothing to review."))
        breakdown_box = QGroupBox(self.tr("By tier and dealer"))
        QVBoxLayout(breakdown_box).addWidget(self.breakdown_table)

        self.filter = QComboBox()
        self.filter.setObjectName("outcome_filter")
        self.filter.addItem(self.tr("All outcomes"), None)
        for code in OUTCOMES:
            self.filter.addItem(outcome_label(code), code)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.model = RowsModel(
            [self.tr("Member number"), self.tr("Name"), self.tr("Mobile"), self.tr("Dealer"),
             self.tr("Tier before"), self.tr("Tier after"), self.tr("Outcome"),
             self.tr("Qualifying points"), self.tr("Points short"), self.tr("Valid until")],
            self._cells, frozenset({7, 8}), self,
        )  # fmt: skip
        self.model.colours = lambda row, column: (
            outcome_colour(row.outcome) if column == OUTCOME_COLUMN else None
        )
        self.table = MemberTable("review_members", self.model, spare=3)
        self.table.activated.connect(self._open_member)
        self.members_status = QLabel()
        self.members_status.setObjectName("review_members_status")
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show")))
        filter_row.addWidget(self.filter)
        filter_row.addWidget(self.members_status, 1)
        members_box = QGroupBox(self.tr("Members"))
        members_column = QVBoxLayout(members_box)
        members_column.addLayout(filter_row)
        members_column.addWidget(self.table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(breakdown_box)
        splitter.addWidget(members_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([200, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(controls)
        layout.addLayout(tiles)
        layout.addWidget(self.result)
        layout.addWidget(splitter, 1)
        self._clear()
        self._say("")
        on_change(self, {Area.TIERS}, self._tiers_changed)

    # showing ---------------------------------------------------------------------------------

    def _cells(self, row: ReviewRow) -> tuple[str, ...]:
        return (
            row.member_number, row.name, row.mobile or "", row.dealer or "", row.old_tier,
            row.new_tier, outcome_label(row.outcome), format_int(row.points),
            format_int(row.missing) if row.missing else "", format_date(row.valid_until),
        )  # fmt: skip

    def _clear(self) -> None:
        self.run = None
        for code, tile in self.tiles.items():
            self._tile(tile, code, None)
        self.state.setText(
            self.tr("Choose the date and preview: nothing changes until you commit.")
        )
        self.breakdown_table.setRowCount(0)
        self.model.set_rows([])
        self.members_status.setText("")
        self._update_buttons()

    def _tile(self, tile: QLabel, code: str, count: int | None) -> None:
        number = "—" if count is None else format_int(count)
        tile.setText(
            f"<div style='font-size:15pt; font-weight:bold; color:{outcome_colour(code)}'>"
            f"{number}</div><div>{outcome_label(code)}</div>"
        )

    def _say(self, text: str) -> None:
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.preview_button.setEnabled(idle)
        self.as_of.setEnabled(idle)
        self.commit_button.setEnabled(idle and self.run is not None)
        self.export_button.setEnabled(idle and self.run is not None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # preview ---------------------------------------------------------------------------------

    def preview(self) -> None:
        as_of, outcome = to_date(self.as_of.date()), self.filter.currentData()
        db, actor = self.db, self.actor

        def load():
            run = tiers.preview_review(db, actor, as_of)
            details = tiers.review_details(db, actor, as_of, outcome, limit=SHOWN)
            return run, details.breakdown, details.rows

        self._set_busy(True)
        self.state.setText(self.tr("Counting…"))
        self._loading_rows += 1
        run_in_background(load, self._previewed, self._preview_failed)

    def _previewed(self, loaded: tuple[RunRow, list[Breakdown], list[ReviewRow]]) -> None:
        self.run, self.breakdown, rows = loaded
        self._set_busy(False)
        run = self.run
        committed = run.status == RunStatus.COMMITTED
        counts = run.counts if committed else run.preview
        for code, tile in self.tiles.items():
            self._tile(tile, code, counts.get(code, 0))
        if committed:
            text = self.tr(
                "Committed on {when} by {user}: the tiers above were changed. Nobody left is "
                "due as of {date}."
            ).format(
                when=format_datetime(run.finished_at), user=run.committed_by or run.created_by,
                date=format_date(run.as_of),
            )  # fmt: skip
        elif run.status != RunStatus.PREVIEWED:  # a commit was interrupted
            text = self.tr(
                "A commit of this review stopped after {done}. The figures above are what is "
                "left; commit again to finish."
            ).format(done=outcome_counts_text(run.counts))
        elif not any(counts.values()):
            text = self.tr("No member's tier validity ended by {date}: nobody to review.").format(
                date=format_date(run.as_of)
            )
        else:
            text = self.tr(
                "Preview as of {date}: nothing has changed yet. Commit to apply it."
            ).format(date=format_date(run.as_of))
        self.state.setText(text)
        fill_table(
            self.breakdown_table,
            [[outcome_label(b.outcome), b.old_tier, b.new_tier, b.dealer or self.tr("(none)"),
              format_int(b.members)] for b in self.breakdown],
            right=frozenset({4}),
        )  # fmt: skip
        for r, b in enumerate(self.breakdown):
            self.breakdown_table.item(r, 0).setForeground(QBrush(QColor(outcome_colour(b.outcome))))
        self._show_rows(rows)

    def _preview_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.state.setText(message_for(exc))

    def _date_changed(self, *_args) -> None:
        self._say("")
        self._clear()

    def _filter_changed(self, *_args) -> None:
        if self.run is None:
            return
        as_of, outcome = self.run.as_of, self.filter.currentData()
        db, actor = self.db, self.actor
        self._loading_rows += 1
        generation = self._loading_rows
        self.members_status.setText(self.tr("Loading…"))
        run_in_background(
            lambda: tiers.review_rows(db, actor, as_of, outcome, limit=SHOWN),
            lambda rows: generation == self._loading_rows and self._show_rows(rows),
            lambda exc: self.members_status.setText(message_for(exc)),
            owner=self,
        )

    def _show_rows(self, rows: list[ReviewRow]) -> None:
        self.model.set_rows(rows)
        outcome = self.filter.currentData()
        total = sum(b.members for b in self.breakdown if outcome in (None, b.outcome))
        if not rows:
            text = self.tr("No members.")
        elif len(rows) < total:
            text = self.tr("The first {shown} of {total} members; the export has them all.")
        elif total == 1:
            text = self.tr("1 member")
        else:
            text = self.tr("{total} members")
        self.members_status.setText(
            text.format(shown=format_int(len(rows)), total=format_int(total))
        )

    def _open_member(self, index) -> None:
        self.member_requested.emit(self.model.rows[index.row()].member_id)

    def _tiers_changed(self) -> None:
        if self.run is not None and not self._busy and time.monotonic() > self._quiet_until:
            self._say(
                self.tr("Tiers changed since this preview; preview again for current figures.")
            )

    # commit ----------------------------------------------------------------------------------

    def _ask_commit(self) -> None:
        run = self.run
        if run is None:
            return
        if run.status == RunStatus.COMMITTED:  # nothing to ask: the commit changes nothing
            self.commit(run.as_of)
            return
        question = self.tr(
            "Commit the tier review as of {date}?\n\n"
            "The preview found: {counts}. Members' tiers change and each change is kept in "
            "their tier history; this cannot be undone. The review works through the members "
            "in batches: if you cancel it, the batches done stay committed and committing "
            "again finishes the rest."
        ).format(date=format_date(run.as_of), counts=outcome_counts_text(run.preview))
        confirm_run(
            self, "confirm_review", self.tr("Commit the tier review"), question,
            self.tr("Commit review"), lambda: self.commit(run.as_of),
        )  # fmt: skip

    def commit(self, as_of: date) -> None:
        db, actor = self.db, self.actor
        self._set_busy(True)
        self._say(self.tr("Committing the review…"))
        self.progress = run_with_progress(
            self,
            self.tr("Committing the tier review as of {date}…").format(date=format_date(as_of)),
            lambda progress: tiers.commit_review(db, actor, as_of, progress),
            self._committed,
            self._commit_failed,
        )
        self.progress.setObjectName("review_progress")

    def _committed(self, run: RunRow) -> None:
        self._quiet_until = time.monotonic() + QUIET_S
        if run.repeated:
            template = self.tr(
                "The review as of {date} was committed before ({counts}); nothing changed now."
            )
        else:
            template = self.tr("The review as of {date} is committed: {counts}.")
        self._say(
            template.format(date=format_date(run.as_of), counts=outcome_counts_text(run.counts))
        )
        self._set_busy(False)
        self.preview()  # the lists as they are now

    def _commit_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self._say(
                self.tr(
                    "Cancelled. The batches already done stay committed; commit again to finish."
                )
            )
        else:
            self._say(message_for(exc))

    # export ----------------------------------------------------------------------------------

    def _export(self) -> None:
        if self.run is None:
            return
        as_of, outcome = self.run.as_of, self.filter.currentData()
        db, actor = self.db, self.actor
        started = export_list(
            self,
            self.tr("Export to Excel"),
            self.tr("tier-review_{date}.xlsx").format(date=as_of.strftime("%Y%m%d")),
            self.tr("Exporting the review's members…"),
            lambda path, language: exports.export_review(db, actor, path, as_of, outcome, language),
            self._exported,
            self._export_failed,
        )
        if started:
            self.export_button.setEnabled(False)

    def _exported(self, path: str, count: int) -> None:
        self.export_button.setEnabled(self.run is not None)
        self.export_path = path
        self._say(show_exported(self, self.tr("Export to Excel"), path, count))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(self.run is not None)
        self._say(message_for(exc))
