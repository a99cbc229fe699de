"""Voucher expiry (for headquarters): count the unused vouchers past their last day, then
expire them with the batch-run fitting, in a worker with progress and a cancel button; the
runs so far are listed below."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import benefits
from app.services.runs import RunRow
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled
from app.ui.runs.confirm import confirm_run
from app.ui.runs.labels import counts_text
from app.ui.runs.runs_tab import RunsTab
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.i18n import format_date
from app.ui.shared.worker import run_in_background, run_with_progress


class VoucherExpiryTab(QWidget):
    def __init__(self, db: Database, actor: Actor, today: date, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.progress = None
        self.as_of = QDateEdit(to_qdate(today))
        self.as_of.setObjectName("voucher_expiry_as_of")
        self.as_of.setDisplayFormat(DATE_FORMAT)
        self.as_of.setCalendarPopup(True)
        self.as_of.setMaximumDate(to_qdate(today))
        self.run_button = QPushButton(self.tr("Expire vouchers…"))
        self.run_button.setObjectName("run_voucher_expiry")
        self.run_button.clicked.connect(self._count)
        self.run_button.setEnabled(actor.can(Permission.MANAGE_BENEFITS))
        self.result = QLabel()
        self.result.setObjectName("voucher_expiry_result")
        self.result.setWordWrap(True)
        explain = QLabel(
            self.tr(
                "Unused vouchers whose last day is before the date chosen become expired. "
                "Their points are not returned: cancel a voucher before then to return them."
            )
        )
        explain.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Expire vouchers whose last day is before")))
        row.addWidget(self.as_of)
        row.addWidget(self.run_button)
        row.addStretch(1)
        self.runs = RunsTab(db, actor, {benefits.EXPIRY_RUN: self._resume()})
        self.runs.setObjectName("voucher_expiry_runs")
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.runs, 1)

    def _resume(self):
        if not self.actor.can(Permission.MANAGE_BENEFITS):
            return None
        db, actor = self.db, self.actor
        return lambda as_of, progress: benefits.commit_expiry(db, actor, as_of, progress)

    def _say(self, text: str) -> None:
        self.result.setText(text)

    def _count(self) -> None:
        """Count first (nothing changes), then ask with the figure."""
        as_of = to_date(self.as_of.date())
        db, actor = self.db, self.actor
        self.run_button.setEnabled(False)
        self._say(self.tr("Counting…"))
        run_in_background(
            lambda: benefits.preview_expiry(db, actor, as_of), self._ask, self._failed
        )

    def _ask(self, preview: RunRow) -> None:
        self.run_button.setEnabled(True)
        self._say("")
        question = self.tr(
            "Expire the unused vouchers whose last day is before {date}?\n\n"
            "The preview counted {counted}. This cannot be undone; the points are not "
            "returned. If you cancel the run, the batches done stay expired and running it "
            "again finishes the rest."
        ).format(date=format_date(preview.as_of), counted=counts_text(preview.preview))
        confirm_run(
            self, "confirm_voucher_expiry", self.tr("Expire vouchers"), question,
            self.tr("Expire vouchers"), lambda: self._expire(preview.as_of),
        )  # fmt: skip

    def _expire(self, as_of: date) -> None:
        db, actor = self.db, self.actor
        self.run_button.setEnabled(False)
        self.progress = run_with_progress(
            self,
            self.tr("Expiring vouchers as of {date}…").format(date=format_date(as_of)),
            lambda progress: benefits.commit_expiry(db, actor, as_of, progress),
            self._done,
            self._failed,
        )
        self.progress.setObjectName("voucher_expiry_progress")

    def _done(self, run: RunRow) -> None:
        self.run_button.setEnabled(True)
        if run.repeated:
            text = self.tr("The expiry as of {date} was run before ({counts}); nothing changed.")
        else:
            text = self.tr("Done as of {date}: {counts}.")
        self._say(text.format(date=format_date(run.as_of), counts=counts_text(run.counts)))
        self.runs.reload()

    def _failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self._say(self.tr("Cancelled. The batches done stay expired; run it again to finish."))
        else:
            self._say(message_for(exc))
        self.runs.reload()
