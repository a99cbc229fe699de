"""The Points tab of the member view: balance, entries, lots, documents and the counter actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import approvals, points
from app.services.approvals import RequestFilter, RequestRow
from app.services.points import adjustments
from app.services.points.accounts import PostingRow, list_postings
from app.services.shared.database import Database
from app.ui.members.member_header import EmptyNote
from app.ui.points.counter_dialogs import (
    AdjustmentDialog,
    RecordServiceDialog,
    StatementDialog,
    UsePointsDialog,
)
from app.ui.points.event_dialog import EventPointsDialog, awarded_text
from app.ui.points.labels import (
    currency_label,
    kind_label,
    source_label,
)
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.worker import run_in_background


def signed(points_: int | None) -> str:
    if points_ is None:
        return ""
    return ("+" if points_ > 0 else "") + format_int(points_)


ENTRY_COLUMNS = 9
NOTE_COLUMN = 8
POINTS_COLUMNS = frozenset({3, 4})


@dataclass(frozen=True)
class PointsData:
    summary: points.AccountSummary
    entries: list[PostingRow]  # one row per posting, points and qualifying points together
    lots: list[points.LotRow]
    orders: list[points.ServiceOrderRow]
    requests: list[RequestRow]
    reasons: dict[str, str]  # adjustment reason code → label


SYSTEM = "system"  # the actor of batch runs (app.services.shared.audit.SYSTEM)


def load_points(db: Database, actor: Actor, member_id: int) -> PointsData:
    return PointsData(
        points.account_summary(db, actor, member_id),
        list_postings(db, actor, member_id, limit=500),
        points.list_lots(db, actor, member_id),
        points.list_service_orders(db, actor, member_id),
        approvals.list_requests(
            db, actor, RequestFilter(status=None, subject_type="member", subject_id=member_id),
            limit=200,
        ),
        {r.code: r.label for r in adjustments.list_reasons(db, actor, include_inactive=True)},
    )  # fmt: skip


class PointsTab(QWidget):
    """Balance at the top, the counter actions, then entries / lots / documents."""

    changed = Signal(str)  # something was posted: the message to show
    loaded = Signal(object)  # PointsData, for the approvals tab

    def __init__(self, db: Database, actor: Actor, member_id: int, today: date, parent=None):
        super().__init__(parent)
        self.db, self.actor, self.member_id, self.today = db, actor, member_id, today
        self.data: PointsData | None = None
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("points_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        self.tables = QTabWidget()
        self.tables.setObjectName("points_tables")
        self.entries = make_table(
            "entries",
            [self.tr("Date"), self.tr("Type"), self.tr("Source"), self.tr("Points"),
             currency_label("qualifying"), self.tr("Reference"), self.tr("Dealer"),
             self.tr("By"), self.tr("Note")],
            stretch=NOTE_COLUMN,
        )  # fmt: skip
        self._fit_columns(self.entries)
        self.lots = make_table(
            "lots",
            [self.tr("Earned on"), self.tr("Expires on"), self.tr("Earned"), self.tr("Left")],
        )
        self.orders = make_table(
            "documents",
            [self.tr("Date"), self.tr("Dealer"), self.tr("Document"), self.tr("Type"),
             self.tr("Amount"), self.tr("Points"), self.tr("Status")],
        )  # fmt: skip
        self.orders.itemSelectionChanged.connect(self._update_refund)
        self.empty = {
            "entries": EmptyNote(self.entries),
            "lots": EmptyNote(self.lots),
            "documents": EmptyNote(self.orders),
        }
        self.tables.addTab(self.entries, self.tr("Entries"))
        self.tables.addTab(self.lots, self.tr("Lots and expiry"))
        documents = QWidget()
        documents_layout = QVBoxLayout(documents)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        documents_layout.addWidget(self.orders)
        self.refund = QPushButton(self.tr("Refund or cancel the document…"))
        self.refund.setObjectName("refund")
        self.refund.setEnabled(False)
        self.refund.setVisible(actor.can(Permission.POST_POINTS))
        self.refund.clicked.connect(self._refund)
        documents_layout.addWidget(self.refund, 0, Qt.AlignmentFlag.AlignLeft)
        self.tables.addTab(documents, self.tr("Documents"))
        layout.addWidget(self.tables, 1)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.actions: dict[str, QPushButton] = {}
        can = self.actor.can
        for name, text, slot, allowed in (
            (
                "award_event",
                self.tr("Event points…"),
                self._award_event,
                can(Permission.POST_POINTS),
            ),
            ("statement", self.tr("Statement (PDF)…"), self._statement, True),
        ):  # fmt: skip  (the everyday actions are on the member's header card)
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setVisible(allowed)
            button.clicked.connect(slot)
            self.actions[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    @staticmethod
    def _fit_columns(table) -> None:
        """Every column as wide as its widest cell, the note taking the rest; a long note
        is cut with "…" and shown whole in its tooltip."""
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(table.columnCount()):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column == NOTE_COLUMN:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)

    # loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor, member_id = self.db, self.actor, self.member_id
        run_in_background(lambda: load_points(db, actor, member_id), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(message_for(exc))
        for note in self.empty.values():
            note.set_text("")

    def _show(self, data: PointsData) -> None:
        self.data = data
        self.loaded.emit(data)
        s = data.summary
        expiry = (
            self.tr("{points} points expire after {date}").format(
                points=format_int(s.next_expiry_points), date=format_date(s.next_expiry)
            )
            if s.next_expiry
            else self.tr("nothing due to expire")
        )
        self.summary.setText(
            "<h3 style='margin:0'>"
            + self.tr("Available: {available} points (worth {value})").format(
                available=format_int(s.available), value=format_yuan(s.value_fen)
            )
            + "</h3>"
            + self.tr(
                "Balance {balance} · on hold {held} · qualifying points {qualifying} · {expiry}"
            ).format(
                balance=format_int(s.balance),
                held=format_int(s.held),
                qualifying=format_int(s.qualifying),
                expiry=expiry,
            )
        )
        postable = s.status in ("active", "pre_registered")
        self.actions["award_event"].setEnabled(postable)
        fill_table(self.entries, [self._entry_cells(e) for e in data.entries], POINTS_COLUMNS)
        fill_table(
            self.lots,
            [
                [format_date(lot.earned_on),
                 format_date(lot.expires_on) if lot.expires_on else self.tr("from activation"),
                 format_int(lot.original), format_int(lot.remaining)]
                for lot in data.lots
            ],
        )  # fmt: skip
        fill_table(
            self.orders,
            [
                [format_date(o.service_date), o.dealer_name, o.document_no, source_label(o.kind),
                 format_yuan(o.amount_fen), format_int(o.points),
                 self.tr("Refunded") if o.refunded else self.tr("Recorded")]
                for o in data.orders
            ],
        )  # fmt: skip
        self._update_refund()
        self.empty["entries"].set_text(self.tr("No points have been earned or used yet."))
        self.empty["lots"].set_text(self.tr("No points left to use, so nothing can expire."))
        self.empty["documents"].set_text(
            self.tr("No repair orders or invoices have been recorded for this member.")
        )

    def _entry_cells(self, e: PostingRow) -> list[str]:
        kind = kind_label(e.kind)
        if e.shortfall:
            kind += " " + self.tr("(shortfall {points})").format(points=format_int(e.shortfall))
        if e.reversed:
            kind += " " + self.tr("(reversed)")
        return [
            format_date(e.business_date), kind, source_label(e.source), signed(e.points),
            signed(e.qualifying), e.reference or "", e.dealer_name or "", self._operator(e),
            e.note or "",
        ]  # fmt: skip

    def _operator(self, e: PostingRow) -> str:
        """The staff member's display name; batch runs as "System"."""
        if e.actor == SYSTEM:
            return self.tr("System")
        return e.actor_name or e.actor

    def _selected_order(self) -> points.ServiceOrderRow | None:
        rows = {index.row() for index in self.orders.selectedIndexes()}
        if len(rows) != 1 or self.data is None:
            return None
        return self.data.orders[rows.pop()]

    def _update_refund(self) -> None:
        order = self._selected_order()
        self.refund.setEnabled(order is not None and not order.refunded)

    def _done(self, message: str) -> None:
        self.changed.emit(message)
        self.reload()

    # actions ----------------------------------------------------------------------------------

    def record_service(self) -> None:
        dialog = RecordServiceDialog(self, self.db, self.actor, self.member_id, self.today)
        dialog.recorded.connect(
            lambda result: self._done(
                self.tr("Recorded: {points} points.").format(points=format_int(result.points))
                if result.points
                else self.tr("Recorded; under the current rule it earns no points.")
            )
        )
        dialog.open()

    def _award_event(self) -> None:
        dialog = EventPointsDialog(self, self.db, self.actor, self.member_id, self.today)
        dialog.succeeded.connect(lambda result: self._done(awarded_text(result)))
        dialog.open()

    def use_points(self) -> None:
        summary = self.data.summary if self.data else None
        dialog = UsePointsDialog(self, self.db, self.actor, self.member_id, summary)
        dialog.used.connect(
            lambda used: self._done(
                self.tr("{points} points used ({value}).").format(
                    points=format_int(used.points), value=format_yuan(used.value_fen)
                )
            )
        )
        dialog.open()

    def request_adjustment(self) -> None:
        dialog = AdjustmentDialog(self, self.db, self.actor, self.member_id)
        dialog.filed.connect(
            lambda row: self._done(
                self.tr("Adjustment posted.")
                if row.status == "approved"
                else self.tr("Adjustment requested; a supervisor will decide it.")
            )
        )
        dialog.open()

    def _refund(self) -> None:
        order = self._selected_order()
        if order is None:
            return
        dialog = ActionDialog(
            self,
            "refund_dialog",
            self.tr("Refund document {document}").format(document=order.document_no),
            self.tr(
                "Its points and qualifying points are taken back. Points the member has "
                "already used cannot be taken back; they are recorded as a shortfall."
            ),
            self.tr("Refund"),
        )
        reason = QLineEdit()
        dialog.add_row(self.tr("Reason"), reason, "reason")
        dialog.require(lambda: bool(reason.text().strip()), reason.textChanged)
        uid = points.new_request_uid()
        db, actor = self.db, self.actor

        def work():
            text = reason.text()
            return lambda: points.refund_service(db, actor, order.id, text, uid)

        dialog.work = work
        dialog.succeeded.connect(
            lambda refund: self._done(
                self.tr("Refunded: {points} points taken back, shortfall {shortfall}.").format(
                    points=format_int(refund.reversed_points),
                    shortfall=format_int(refund.shortfall),
                )
            )
        )
        dialog.open()

    def _statement(self) -> None:
        dialog = StatementDialog(self, self.db, self.actor, self.member_id, self.today, self.data)
        dialog.open()
