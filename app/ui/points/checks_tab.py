"""The expiry run, initial points, and the ledger check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import points
from app.services.points.ledger_checks import Discrepancy
from app.services.runs import RunRow
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled
from app.ui.runs.confirm import confirm_run
from app.ui.runs.labels import counts_text
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.labels import guard_problems_text
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.worker import run_in_background, run_with_progress


def _check_ledger(db: Database, actor: Actor, progress) -> tuple[list[Discrepancy], list]:
    """The discrepancies, then the database guards that are missing, off or altered."""
    return points.verify_ledger(db, actor, progress), points.ledger_guard_problems(db, actor)


def problem_name(code: str) -> str:
    """The ledger check's problem codes (app.services.points.ledger_checks.verify)."""
    return {
        "balance": QCoreApplication.translate(
            "PointsRules", "Points balance differs from the entries"
        ),
        "qualifying": QCoreApplication.translate(
            "PointsRules", "Qualifying points differ from the entries"
        ),
        "lot_sum": QCoreApplication.translate("PointsRules", "Lots do not add up to the balance"),
        "lots": QCoreApplication.translate(
            "PointsRules", "A lot's remaining points differ from what was taken from it"
        ),
        "held": QCoreApplication.translate(
            "PointsRules", "Points on hold differ from the open holds"
        ),
    }.get(code, code)


class ChecksTab(QWidget):
    """The expiry run (administrators) and the ledger check (administrators and auditors)."""

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.progress = None
        self.check_group: QGroupBox | None = None
        self.column = QVBoxLayout(self)
        if actor.can(Permission.CONFIGURE_PROGRAMME):
            self.column.addWidget(self._expiry_box())
            self.column.addWidget(self._initial_box())
        if actor.can(Permission.VIEW_AUDIT):
            self.check_group = self._check_box()
            self.column.addWidget(self.check_group)
        self.column.addStretch(1)  # given to the discrepancies while they are shown

    def _expiry_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Expiry run"))
        intro = QLabel(
            self.tr(
                "Removes from the members' balances the points whose last valid day is before "
                "the chosen date, with an expiry entry for each. It normally runs every night; "
                "run it here to catch up. Running it twice for the same date changes nothing."
            )
        )
        intro.setWordWrap(True)
        self.as_of = QDateEdit()
        self.as_of.setObjectName("expiry_as_of")
        self.as_of.setDisplayFormat(DATE_FORMAT)
        self.as_of.setCalendarPopup(True)
        today = to_qdate(self.today())
        self.as_of.setMaximumDate(today)
        self.as_of.setDate(today)
        self.run_expiry = QPushButton(self.tr("Run expiry…"))
        self.run_expiry.setObjectName("run_expiry")
        self.run_expiry.clicked.connect(self._confirm_expiry)
        self.expiry_result = QLabel()
        self.expiry_result.setObjectName("expiry_result")
        self.expiry_result.setWordWrap(True)
        self.expiry_result.hide()
        self.expiry_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Expire points as of")))
        row.addWidget(self.as_of)
        row.addWidget(self.run_expiry)
        row.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addLayout(row)
        column.addWidget(self.expiry_result)
        return box

    def _initial_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Initial points"))
        intro = QLabel(
            self.tr(
                "Members with service records in the year before the launch get that spend "
                "converted into points at the service rule, once. Documents that already "
                "earned points do not count; running it again only grants the members not done yet."
            )
        )
        intro.setWordWrap(True)
        self.grant_initial = QPushButton(self.tr("Grant initial points…"))
        self.grant_initial.setObjectName("grant_initial")
        self.grant_initial.clicked.connect(self._grant_initial)
        self.initial_result = QLabel()
        self.initial_result.setObjectName("initial_result")
        self.initial_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.grant_initial)
        row.addWidget(self.initial_result, 1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addLayout(row)
        return box

    def _grant_initial(self) -> None:
        """Count first (nothing changes), then ask with the figures."""
        db, actor = self.db, self.actor
        self.grant_initial.setEnabled(False)
        self.initial_result.setText(self.tr("Counting…"))
        run_in_background(
            lambda: points.preview_initial_points(db, actor),
            self._confirm_initial,
            self._grant_failed,
        )

    def _confirm_initial(self, preview: RunRow) -> None:
        self.grant_initial.setEnabled(True)
        self.initial_result.clear()
        counted = counts_text(preview.preview)
        question = self.tr(
            "Convert last year's service spend into points now?\n\n"
            "The preview counted {counted} to grant, dated {date}."
        ).format(counted=counted, date=format_date(preview.as_of))
        confirm_run(
            self, "confirm_initial", self.tr("Grant initial points"), question,
            self.tr("Grant points"), self._run_initial,
        )  # fmt: skip

    def _run_initial(self) -> None:
        db, actor = self.db, self.actor
        self.grant_initial.setEnabled(False)
        self.progress = run_with_progress(
            self,
            self.tr("Granting initial points…"),
            lambda progress: points.grant_initial_points(db, actor, progress),
            self._granted,
            self._grant_failed,
        )

    def _granted(self, result: points.InitialPoints) -> None:
        self.grant_initial.setEnabled(True)
        template = (
            self.tr("Granted before: {points} points to {members} members; nothing changed now.")
            if result.repeated
            else self.tr("{points} points granted to {members} members.")
        )
        self.initial_result.setText(
            template.format(points=format_int(result.points), members=format_int(result.members))
        )

    def _grant_failed(self, exc: BaseException) -> None:
        self.grant_initial.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.initial_result.setText(
                self.tr("Cancelled. Members done so far keep their points; run it again to finish.")
            )
        else:
            self.initial_result.setText(message_for(exc))

    def _check_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ledger check"))
        intro = QLabel(
            self.tr(
                "Recomputes every member's balance, lots and holds from the ledger entries and "
                "lists anything that disagrees. It only reads; nothing is changed."
            )
        )
        intro.setWordWrap(True)
        self.check = QPushButton(self.tr("Check ledger"))
        self.check.setObjectName("check_ledger")
        self.check.clicked.connect(self._check)
        self.check_result = QLabel()
        self.check_result.setObjectName("check_result")
        self.check_result.setWordWrap(True)
        self.discrepancies = make_table(
            "discrepancies",
            [self.tr("Member number"), self.tr("Problem"), self.tr("Expected"), self.tr("Found")],
            stretch=1,
        )
        self.discrepancies.hide()
        row = QHBoxLayout()
        row.addWidget(self.check)
        row.addWidget(self.check_result, 1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addLayout(row)
        column.addWidget(self.discrepancies, 1)
        return box

    def _show_discrepancies(self, shown: bool) -> None:
        self.discrepancies.setVisible(shown)
        self.column.setStretchFactor(self.check_group, 1 if shown else 0)
        self.column.setStretch(self.column.count() - 1, 0 if shown else 1)

    def _say(self, text: str) -> None:
        self.expiry_result.setText(text)
        self.expiry_result.setVisible(bool(text))

    # expiry ----------------------------------------------------------------------------------

    def _confirm_expiry(self) -> None:
        """Count first (nothing changes), then ask with the figures."""
        as_of = to_date(self.as_of.date())
        db, actor = self.db, self.actor
        self.run_expiry.setEnabled(False)
        self._say(self.tr("Counting…"))
        run_in_background(
            lambda: points.preview_expiry(db, actor, as_of),
            self._ask_expiry,
            self._expiry_failed,
        )

    def _ask_expiry(self, preview: RunRow) -> None:
        self.run_expiry.setEnabled(True)
        self._say("")
        question = self.tr(
            "Expire all points whose last valid day is before {date}?\n\n"
            "The preview counted {counted}. Their balances go down by those points and an "
            "expiry entry is posted for each; this cannot be undone. The run works through "
            "the members in batches: if you cancel it, the batches done stay expired and "
            "running it again finishes the rest."
        ).format(date=format_date(preview.as_of), counted=counts_text(preview.preview))
        confirm_run(
            self, "confirm_expiry", self.tr("Run expiry"), question, self.tr("Expire points"),
            lambda: self.expire(preview.as_of),
        )  # fmt: skip

    def expire(self, as_of: date) -> None:
        db, actor = self.db, self.actor
        self.run_expiry.setEnabled(False)
        self._say(self.tr("Expiring points…"))
        self.progress = run_with_progress(
            self,
            self.tr("Expiring points as of {date}…").format(date=format_date(as_of)),
            lambda progress: points.expire_points(db, actor, as_of, progress),
            self._expired,
            self._expiry_failed,
        )
        self.progress.setObjectName("expiry_progress")

    def _expired(self, result: points.ExpiryResult) -> None:
        self.run_expiry.setEnabled(True)
        if result.repeated:
            template = self.tr(
                "The expiry as of {date} was run before ({lots} lots, {points} points); "
                "nothing changed now."
            )
        elif result.lots == 1:
            template = self.tr("1 lot, {points} points expired as of {date}.")
        else:
            template = self.tr("{lots} lots, {points} points expired as of {date}.")
        self._say(
            template.format(
                lots=format_int(result.lots),
                points=format_int(result.points),
                date=format_date(result.as_of),
            )
        )

    def _expiry_failed(self, exc: BaseException) -> None:
        self.run_expiry.setEnabled(True)
        if isinstance(exc, Cancelled):
            self._say(
                self.tr(
                    "Cancelled. The batches already done stay expired; run the expiry again "
                    "to finish."
                )
            )
        else:
            self._say(message_for(exc))

    # check -----------------------------------------------------------------------------------

    def _check(self) -> None:
        db, actor = self.db, self.actor
        self.check.setEnabled(False)
        self._show_discrepancies(False)
        self.check_result.setStyleSheet("")
        self.check_result.setText(self.tr("Checking the ledger…"))
        self.progress = run_with_progress(
            self,
            self.tr("Checking the ledger…"),
            lambda progress: _check_ledger(db, actor, progress),
            self._checked,
            self._check_failed,
        )
        self.progress.setObjectName("check_progress")

    def _checked(self, result: tuple[list[Discrepancy], list]) -> None:
        found, unguarded = result
        self.check.setEnabled(True)
        if not found and not unguarded:
            self.check_result.setText(
                self.tr("The ledger is consistent: every balance, lot and hold matches.")
            )
            return
        lines = []
        if unguarded:
            text = self.tr(
                "The database guards that keep the ledger append-only are not intact: {guards}."
            )
            lines.append(text.format(guards=guard_problems_text(unguarded)))
        if found:
            lines.append(
                self.tr(
                    "{n} discrepancies found. Keep this list for the system administrator."
                ).format(n=format_int(len(found)))
            )
        self.check_result.setText("\n".join(lines))
        self.check_result.setStyleSheet("color: #b00020;")
        if not found:
            return
        fill_table(
            self.discrepancies,
            [
                [d.member_number, problem_name(d.problem), format_int(d.expected),
                 format_int(d.found)]
                for d in found
            ],
            right={2, 3},
        )  # fmt: skip
        self._show_discrepancies(True)

    def _check_failed(self, exc: BaseException) -> None:
        self.check.setEnabled(True)
        self.check_result.setText(message_for(exc))
