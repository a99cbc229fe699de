"""Approvals: the queue of point adjustments waiting for a supervisor's decision."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.points import adjustments
from app.services.points.adjustments import AdjustmentFilter, AdjustmentRow
from app.services.shared.database import Database
from app.ui.points.labels import currency_label, reason_label, request_status
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_datetime, format_int
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.worker import run_in_background


class ApprovalsPage(QWidget):
    pending_changed = Signal(int)  # for the badge in the navigation
    member_requested = Signal(int)  # the main window opens the member view

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.rows: list[AdjustmentRow] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Approvals") + "</h2>"))
        layout.addLayout(self._filters())
        self.table = make_table(
            "requests",
            [self.tr("Requested"), self.tr("Member"), self.tr("Name"), self.tr("Points"),
             self.tr("Points type"), self.tr("Reason"), self.tr("Note"), self.tr("Reference"),
             self.tr("Requested by"), self.tr("Status"), self.tr("Decided by"),
             self.tr("Decision note")],
        )  # fmt: skip
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self._open_member())
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        for code in ("pending", "approved", "rejected", "lapsed"):
            self.status.addItem(request_status(code), code)
        self.status.addItem(self.tr("All"), None)
        self.status.currentIndexChanged.connect(self.refresh)
        self.requester = QLineEdit()
        self.requester.setObjectName("requester_filter")
        self.requester.setPlaceholderText(self.tr("Requested by (user name)"))
        self.requester.returnPressed.connect(self.refresh)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh")
        refresh.clicked.connect(self.refresh)
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status)
        row.addWidget(self.requester)
        row.addWidget(refresh)
        row.addStretch(1)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("open_member", self.tr("Open member"), self._open_member),
            ("approve", self.tr("Approve…"), lambda: self._decide(True)),
            ("reject", self.tr("Reject…"), lambda: self._decide(False)),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setEnabled(False)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    # loading ----------------------------------------------------------------------------------

    def refresh(self, *_args) -> None:
        db, actor = self.db, self.actor
        flt = AdjustmentFilter(
            status=self.status.currentData(), requested_by=self.requester.text().strip() or None
        )
        run_in_background(
            lambda: (
                adjustments.list_requests(db, actor, flt),
                adjustments.pending_count(db, actor),
            ),
            self._show,
            lambda exc: self.message.setText(message_for(exc)),
        )

    def _show(self, result) -> None:
        self.rows, pending = result
        fill_table(
            self.table,
            [
                [format_datetime(r.requested_at), r.member_number, r.member_name,
                 ("+" if r.amount > 0 else "") + format_int(r.amount), currency_label(r.currency),
                 reason_label(r.reason_code, r.reason_label), r.note, r.reference or "",
                 r.requested_by, request_status(r.status), r.decided_by or "",
                 r.decision_note or ""]
                for r in self.rows
            ],
        )  # fmt: skip
        self._update_buttons()
        self.pending_changed.emit(pending)

    def _selected(self) -> AdjustmentRow | None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        return self.rows[rows.pop()] if len(rows) == 1 else None

    def _update_buttons(self) -> None:
        row = self._selected()
        decidable = (
            row is not None
            and row.status == "pending"
            and row.requested_by != self.actor.username
            and adjustments.may_decide(self.actor, row.requester_dealer_id)
        )
        self.buttons["open_member"].setEnabled(row is not None)
        self.buttons["approve"].setEnabled(decidable)
        self.buttons["reject"].setEnabled(decidable)

    # actions ----------------------------------------------------------------------------------

    def _open_member(self) -> None:
        row = self._selected()
        if row is not None:
            self.member_requested.emit(row.member_id)

    def _decide(self, approve: bool) -> None:
        row = self._selected()
        if row is None:
            return
        amount = ("+" if row.amount > 0 else "") + format_int(row.amount)
        summary = self.tr("{amount} {currency} for member {number} {name}: {note}").format(
            amount=amount,
            currency=currency_label(row.currency),
            number=row.member_number,
            name=row.member_name,
            note=row.note,
        )
        if approve:
            title, ok = self.tr("Approve adjustment"), self.tr("Approve and post")
        else:
            title, ok = self.tr("Reject adjustment"), self.tr("Reject")
        dialog = ActionDialog(self, "decision_dialog", title, summary, ok)
        note = QLineEdit()
        dialog.add_row(self.tr("Decision note"), note, "decision_note")
        if not approve:
            dialog.require(lambda: bool(note.text().strip()), note.textChanged)
        db, actor, request_id = self.db, self.actor, row.id

        def work():
            text = note.text()
            if approve:
                return lambda: adjustments.approve(db, actor, request_id, text)
            return lambda: adjustments.reject(db, actor, request_id, text)

        dialog.work = work
        dialog.succeeded.connect(self._decided)
        dialog.open()

    def _decided(self, row: AdjustmentRow) -> None:
        self.message.setText(
            self.tr("Request for member {number}: {status}.").format(
                number=row.member_number, status=request_status(row.status)
            )
        )
        self.refresh()
