"""The history of an area's batch runs, with a way to finish one that was interrupted."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.roles import Actor
from app.services import runs
from app.services.runs import RunRow
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled, Progress
from app.ui.runs.labels import counts_text, run_kind_label, run_status_label
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_datetime
from app.ui.shared.labels import user_name
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.shared.worker import run_in_background, run_with_progress

UNFINISHED = ("committing", "failed", "cancelled")
Resume = Callable[[date, Progress], object]


class RunsTab(QWidget):
    """``kinds``: the run kinds of the area, each with the commit that resumes it (None: the
    user may only look)."""

    def __init__(self, db: Database, actor: Actor, kinds: dict[str, Resume | None], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.kinds = db, actor, kinds
        self.rows: list[RunRow] = []
        self.progress = None
        self.table = make_table(
            "runs",
            [self.tr("Run"), self.tr("As of"), self.tr("Status"), self.tr("Preview"),
             self.tr("Done"), self.tr("Batches"), self.tr("By"), self.tr("Started"),
             self.tr("Finished"), self.tr("Problem")],
            stretch=9,
        )  # fmt: skip
        set_empty_text(self.table, self.tr("No runs yet."))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resume = QPushButton(self.tr("Finish this run"))
        self.resume.setObjectName("resume_run")
        self.resume.setToolTip(self.tr("Commits the batches left; the ones done stay as they are."))
        self.resume.clicked.connect(self._resume)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh_runs")
        refresh.clicked.connect(self.reload)
        self.message = QLabel()
        self.message.setObjectName("runs_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resume)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Every batch run, newest first: what its preview found, what it did."))
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self._update_buttons()
        self.reload()
        on_change(self, {Area.RUNS}, self.reload)

    def reload(self, *_args) -> None:
        db, actor, kinds = self.db, self.actor, list(self.kinds)

        def load() -> list[RunRow]:
            found = [row for kind in kinds for row in runs.list_runs(db, actor, kind)]
            return sorted(found, key=lambda row: (row.created_at, row.id), reverse=True)

        run_in_background(load, self._show, lambda exc: self.message.setText(message_for(exc)))

    def _show(self, rows: list[RunRow]) -> None:
        self.rows = rows
        fill_table(
            self.table,
            [[run_kind_label(r.kind), format_date(r.as_of), run_status_label(r.status),
              counts_text(r.preview), counts_text(r.counts), r.batches,
              user_name(r.committed_by or r.created_by), format_datetime(r.started_at),
              format_datetime(r.finished_at), r.error or ""] for r in rows],
            frozenset({5}),
        )  # fmt: skip
        self._update_buttons()

    def _selected(self) -> RunRow | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        row = self._selected()
        resumable = row is not None and row.status in UNFINISHED and self.kinds.get(row.kind)
        self.resume.setEnabled(bool(resumable))

    def _resume(self) -> None:
        row = self._selected()
        commit = self.kinds.get(row.kind) if row else None
        if row is None or commit is None:
            return
        self.resume.setEnabled(False)
        self.progress = run_with_progress(
            self,
            self.tr("Finishing {run} as of {date}…").format(
                run=run_kind_label(row.kind), date=format_date(row.as_of)
            ),
            lambda progress: commit(row.as_of, progress),
            lambda _result: self.message.setText(self.tr("The run is done.")),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("Cancelled; the batches done so far are kept."))
        else:
            self.message.setText(message_for(exc))
