"""Audit trail viewer for auditors and administrators: newest first, filtered, paged lazily."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.audit_checkpoints import Checkpoint, CheckpointReport
from app.domain.roles import Actor
from app.services.shared import audit
from app.services.shared.audit import AuditFilter, AuditReport, AuditRow
from app.services.shared.database import Database
from app.ui.audit.changes import change_lines
from app.ui.shared.errors import message_for, show_error
from app.ui.shared.forms import DATE_FORMAT
from app.ui.shared.i18n import format_datetime, format_int
from app.ui.shared.labels import guard_problems_text, user_name
from app.ui.shared.paged_model import PagedTableModel
from app.ui.shared.worker import run_in_background

NO_LIMIT = QDate(2000, 1, 1)
SHOWN_CHANGES = 4  # lines of changes a row shows; the detail below shows them all
CHECKPOINT_FILE = "JSON (*.json)"
CHECKPOINT_FILES = "JSON (*.json *.jsonl);;* (*)"
FAILED_STYLE = "color: #b00020;"


def entity_label(code: str) -> str:
    labels = {
        "database": QCoreApplication.translate("AuditLabels", "Database"),
        "dealer": QCoreApplication.translate("AuditLabels", "Dealer"),
        "member": QCoreApplication.translate("AuditLabels", "Member"),
        "programme_setting": QCoreApplication.translate("AuditLabels", "Programme setting"),
        "sign_in": QCoreApplication.translate("AuditLabels", "Sign-in"),
        "staff_user": QCoreApplication.translate("AuditLabels", "Staff user"),
        "import_job": QCoreApplication.translate("AuditLabels", "Import job"),
        "audit_trail": QCoreApplication.translate("AuditLabels", "Audit trail"),
        "benefit": QCoreApplication.translate("AuditLabels", "Benefit"),
        "voucher": QCoreApplication.translate("AuditLabels", "Voucher"),
        "tier_entitlement": QCoreApplication.translate("AuditLabels", "Tier benefit matrix"),
        "adjustment": QCoreApplication.translate("AuditLabels", "Points adjustment"),
        "adjustment_reason": QCoreApplication.translate("AuditLabels", "Adjustment reason"),
        "approval": QCoreApplication.translate("AuditLabels", "Approval request"),
        "batch_run": QCoreApplication.translate("AuditLabels", "Batch run"),
        "earning_rule": QCoreApplication.translate("AuditLabels", "Earning rule"),
        "ledger": QCoreApplication.translate("AuditLabels", "Points ledger"),
        "member_tier": QCoreApplication.translate("AuditLabels", "Member tier"),
        "service_order": QCoreApplication.translate("AuditLabels", "Service document"),
        "tier_policy": QCoreApplication.translate("AuditLabels", "Tier policy"),
    }
    return labels.get(code, code)


def action_label(code: str) -> str:
    labels = {
        "create": QCoreApplication.translate("AuditLabels", "Created"),
        "update": QCoreApplication.translate("AuditLabels", "Changed"),
        "build": QCoreApplication.translate("AuditLabels", "Demo built"),
        "signed_in": QCoreApplication.translate("AuditLabels", "Signed in"),
        "failed": QCoreApplication.translate("AuditLabels", "Wrong password"),
        "locked": QCoreApplication.translate("AuditLabels", "Account locked"),
        "change_password": QCoreApplication.translate("AuditLabels", "Password changed"),
        "reset_password": QCoreApplication.translate("AuditLabels", "Password reset"),
        "create_first_admin": QCoreApplication.translate("AuditLabels", "First admin created"),
        "add_vehicle": QCoreApplication.translate("AuditLabels", "Vehicle added"),
        "transfer": QCoreApplication.translate("AuditLabels", "Vehicle transferred"),
        "transfer_out": QCoreApplication.translate("AuditLabels", "Vehicle sold on"),
        "reveal": QCoreApplication.translate("AuditLabels", "Personal data revealed"),
        "merge": QCoreApplication.translate("AuditLabels", "Duplicate merged in"),
        "merged_into": QCoreApplication.translate("AuditLabels", "Merged into another member"),
        "frozen": QCoreApplication.translate("AuditLabels", "Frozen"),
        "active": QCoreApplication.translate("AuditLabels", "Set active"),
        "closed": QCoreApplication.translate("AuditLabels", "Closed, personal data erased"),
        "export": QCoreApplication.translate("AuditLabels", "Exported"),
        "start": QCoreApplication.translate("AuditLabels", "Import started"),
        "batch": QCoreApplication.translate("AuditLabels", "Import batch saved"),
        "finish": QCoreApplication.translate("AuditLabels", "Import finished"),
        "verify": QCoreApplication.translate("AuditLabels", "Verified"),
        "checkpoint": QCoreApplication.translate("AuditLabels", "Checkpoint exported"),
        "list": QCoreApplication.translate("AuditLabels", "Listed"),
        "delist": QCoreApplication.translate("AuditLabels", "Delisted"),
        "stock": QCoreApplication.translate("AuditLabels", "Stock changed"),
        "picture": QCoreApplication.translate("AuditLabels", "Picture changed"),
        "redeem": QCoreApplication.translate("AuditLabels", "Redeemed"),
        "write_off": QCoreApplication.translate("AuditLabels", "Written off"),
        "cancel": QCoreApplication.translate("AuditLabels", "Cancelled"),
        "print_slip": QCoreApplication.translate("AuditLabels", "Slip printed"),
        "print_receipt": QCoreApplication.translate("AuditLabels", "Receipt printed"),
        "request": QCoreApplication.translate("AuditLabels", "Requested"),
        "approve": QCoreApplication.translate("AuditLabels", "Approved"),
        "reject": QCoreApplication.translate("AuditLabels", "Rejected"),
        "lapse": QCoreApplication.translate("AuditLabels", "Lapsed"),
        "cancelled": QCoreApplication.translate("AuditLabels", "Run cancelled"),
        "backup": QCoreApplication.translate("AuditLabels", "Backed up"),
        "refund": QCoreApplication.translate("AuditLabels", "Refunded"),
        "resume": QCoreApplication.translate("AuditLabels", "Resumed"),
        "commit": QCoreApplication.translate("AuditLabels", "Completed"),
        "upgrade": QCoreApplication.translate("AuditLabels", "Upgraded"),
        "retain": QCoreApplication.translate("AuditLabels", "Retained"),
        "downgrade": QCoreApplication.translate("AuditLabels", "Downgraded"),
    }
    return labels.get(code, code)


class AuditModel(PagedTableModel):
    page_size = 200

    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__([], parent)
        self.db, self.actor = db, actor
        self.filter = AuditFilter()
        self.headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Entity"),
            self.tr("Record"),
            self.tr("Action"),
            self.tr("Changes"),
        ]

    def reload(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.restart()

    def page_after(self, last_row: AuditRow | None):
        db, actor, flt, size = self.db, self.actor, self.filter, self.page_size
        before = last_row.seq if last_row else None

        return lambda: audit.list_entries(db, actor, flt, before, size)

    def cells(self, row: AuditRow) -> tuple[object, ...]:
        return (
            row.at,
            user_name(row.username),
            entity_label(row.entity),
            row.record,
            action_label(row.action),
            changes_text(row),
        )


def changes_text(row: AuditRow, limit: int | None = SHOWN_CHANGES) -> str:
    """The fields the entry changed, one "field: before → after" per line."""
    lines = change_lines(row)
    if limit is not None and len(lines) > limit:
        more = QCoreApplication.translate("AuditModel", "… {n} more").format(
            n=format_int(len(lines) - limit + 1)
        )
        lines = [*lines[: limit - 1], more]
    return "\n".join(lines)


class AuditPage(QWidget):
    def __init__(self, db: Database, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.timezone = db, actor, timezone
        self.user = QComboBox()
        self.user.setObjectName("user_filter")
        self.entity = QComboBox()
        self.entity.setObjectName("entity_filter")
        self.date_from = QDateEdit()
        self.date_from.setObjectName("date_from")
        self.date_to = QDateEdit()
        self.date_to.setObjectName("date_to")
        for edit in (self.date_from, self.date_to):
            # The earliest date stands for "no limit" and shows as "Any".
            edit.setMinimumDate(NO_LIMIT)
            edit.setSpecialValueText(self.tr("Any"))
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setDate(NO_LIMIT)
            edit.setCalendarPopup(True)
        apply = QPushButton(self.tr("Apply"))
        apply.setObjectName("apply")
        apply.clicked.connect(self.apply_filter)
        verify = QPushButton(self.tr("Verify chain"))
        verify.setObjectName("verify")
        verify.clicked.connect(self._verify)
        against = QPushButton(self.tr("Verify against file…"))
        against.setObjectName("verify_against")
        against.setToolTip(self.tr("Compare the chain with checkpoints saved earlier"))
        against.clicked.connect(self._verify_against)
        export = QPushButton(self.tr("Export checkpoint…"))
        export.setObjectName("export_checkpoint")
        export.setToolTip(
            self.tr("Save the chain's current head to a file kept away from the database")
        )
        export.clicked.connect(self._export_checkpoint)
        self._sized = 0  # rows already as tall as their changes
        self.list_status = QLabel()  # the list's own state: loading, empty and why
        self.list_status.setObjectName("list_status")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("User"), self.user),
            (self.tr("Entity"), self.entity),
            (self.tr("From"), self.date_from),
            (self.tr("To"), self.date_to),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(apply)
        filters.addStretch(1)
        for button in (verify, against, export):
            filters.addWidget(button)

        self.model = AuditModel(db, actor, self)
        self.model.failed.connect(lambda exc: self.status.setText(message_for(exc)))
        self.model.page_loaded.connect(self._page_loaded)
        self.table = QTableView()
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setColumnWidth(0, 150)
        self.table.setWordWrap(True)
        self.table.setColumnWidth(5, 420)
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("detail")
        self.detail.setReadOnly(True)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([400, 120])

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Audit trail") + "</h2>"))
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.list_status)
        layout.addWidget(self.status)
        self._load_choices()

    def _load_choices(self) -> None:
        db, actor = self.db, self.actor

        def load():
            return audit.filter_choices(db, actor)

        def fill(choices):
            users, entities = choices
            for combo, values, label in (
                (self.user, users, user_name),
                (self.entity, entities, entity_label),
            ):
                combo.clear()
                combo.addItem(self.tr("All"), None)
                for value in values:  # "system" shows as System in the user's language
                    combo.addItem(label(value), value)
            self.apply_filter()

        run_in_background(load, fill, lambda exc: show_error(self, exc), owner=self)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            username=self.user.currentData(),
            entity=self.entity.currentData(),
            date_from=_to_date(self.date_from.date()),
            date_to=_to_date(self.date_to.date()),
            timezone=self.timezone,
        )

    def apply_filter(self) -> None:
        self.detail.clear()
        self.list_status.setText(self.tr("Loading…"))
        self._sized = 0
        self.model.reload(self.current_filter())

    def _page_loaded(self) -> None:
        """Rows as tall as their changes; an empty list says so, and why."""
        for row in range(self._sized, self.model.rowCount()):  # the page that came in
            self.table.resizeRowToContents(row)
        self._sized = self.model.rowCount()
        if self.model.rows:
            self.list_status.setText("")
        elif self.current_filter() == AuditFilter(timezone=self.timezone):
            self.list_status.setText(self.tr("The audit trail has no entries yet."))
        else:
            self.list_status.setText(self.tr("No entries match these filters."))

    def _show_detail(self, current: QModelIndex, _previous) -> None:
        if not current.isValid():
            return
        row = self.model.rows[current.row()]
        heading = self.tr("{time} · {user} · {entity} {record} · {action}").format(
            time=format_datetime(row.at),
            user=user_name(row.username),
            entity=entity_label(row.entity),
            record=row.record,
            action=action_label(row.action),
        )
        lines = change_lines(row) or [self.tr("No fields recorded.")]
        self.detail.setPlainText("\n".join([heading, "", *lines]))

    # verification and checkpoints --------------------------------------------------------

    def _verify(self) -> None:
        self._run_verification(None)

    def _verify_against(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Verify against checkpoints"), "", CHECKPOINT_FILES
        )
        if path:
            self._run_verification(Path(path))

    def _run_verification(self, against: Path | None) -> None:
        db, actor = self.db, self.actor
        self._say(self.tr("Verifying the audit chain…"))
        run_in_background(
            lambda: audit.verify_trail(db, actor, against), self._verified, self._failed, owner=self
        )

    def _verified(self, report: AuditReport) -> None:
        self._say(self.verification_text(report), failed=not report.intact)

    def _export_checkpoint(self) -> None:
        db, actor = self.db, self.actor
        self._say(self.tr("Reading the chain's head…"))
        run_in_background(
            lambda: audit.current_checkpoint(db, actor), self._save_as, self._failed, owner=self
        )

    def _save_as(self, anchor: Checkpoint) -> None:
        default = f"audit-checkpoint-{anchor.database_id[:8]}-{anchor.seq}.json"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export checkpoint"), default, CHECKPOINT_FILE
        )
        if not path:
            self._say("")
            return
        if not path.lower().endswith(".json"):
            path += ".json"
        db, actor = self.db, self.actor
        run_in_background(
            lambda: audit.save_checkpoint(db, actor, anchor, Path(path)),
            lambda saved: self._say(
                self.tr(
                    "Checkpoint of entry {seq} saved to {path}. Keep it away from the "
                    "database server: verifying against it later shows whether the trail "
                    "was cut back or rewritten."
                ).format(seq=anchor.seq, path=saved)
            ),
            self._failed,
            owner=self,
        )

    def verification_text(self, report: AuditReport) -> str:
        """One line per finding: the chain, the guards, each failed checkpoint, the counts."""
        lines = []
        if report.intact:
            lines.append(
                self.tr("Audit chain intact: {n} entries checked.").format(n=report.checked)
            )
        elif not report.chain.intact:
            lines.append(
                self.tr("The audit chain is broken at entry {seq}: {reason}").format(
                    seq=report.broken_seq,
                    reason=QCoreApplication.translate("Errors", report.reason),
                )
            )
        if report.guard_problems:
            lines.append(
                self.tr(
                    "The database guards that keep the audit trail append-only are not intact: "
                    "{guards}."
                ).format(guards=guard_problems_text(report.guard_problems))
            )
        return "\n".join(lines + self._checkpoint_lines(report.checkpoints))

    def _checkpoint_lines(self, counts: CheckpointReport) -> list[str]:
        lines = []
        for failure in counts.failures:
            lines.append(
                self.tr(
                    "The checkpoint of entry {seq} (taken {at}) does not match: {reason}."
                ).format(
                    seq=failure.checkpoint.seq,
                    at=_taken_at(failure.checkpoint.at),
                    reason=QCoreApplication.translate("Errors", failure.reason),
                )
            )
        if counts.matched:
            lines.append(
                self.tr("Checkpoints that match: {n}.").format(n=format_int(counts.matched))
            )
        if counts.other_database:
            lines.append(
                self.tr("Checkpoints of other databases, ignored: {n}.").format(
                    n=format_int(counts.other_database)
                )
            )
        return lines

    def _failed(self, exc: BaseException) -> None:
        self._say(message_for(exc), failed=True)

    def _say(self, text: str, failed: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(FAILED_STYLE if failed else "")


def _taken_at(text: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(text))
    except ValueError:
        return text


def _to_date(qdate: QDate) -> date | None:
    if qdate == NO_LIMIT:
        return None
    return date(qdate.year(), qdate.month(), qdate.day())
