"""Approvals: every kind of request waiting for a decision, filtered, with a detail pane that
shows what a supervisor needs to decide without leaving the page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services import approvals, staff
from app.services.approvals import RequestFilter, RequestRow
from app.services.benefits import LISTING
from app.services.partners.registry import PARTNER_KINDS
from app.services.points import adjustments
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.tiers import current_policy
from app.ui.approvals import adjustment_detail, benefit_detail, partner_detail, tier_detail
from app.ui.approvals.labels import (
    STATUSES,
    TIER_KINDS,
    kind_label,
    note_text,
    status_label,
    summary,
)
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_datetime, format_int
from app.ui.shared.labels import user_name
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.worker import run_in_background

ANY = None


@dataclass(frozen=True)
class Choices:
    kinds: list[str]
    dealers: list[tuple[int, str]]  # id, name
    reasons: dict[str, str]  # adjustment reason code → stored label
    tiers: dict[str, str]  # tier code → name, in the policy in force


def load_choices(db: Database, actor: Actor) -> Choices:
    dealers = [] if not actor.is_headquarters else [
        (d.id, d.name) for d in staff.list_dealers(db, actor)
    ]  # fmt: skip
    reasons = {r.code: r.label for r in adjustments.list_reasons(db, actor, include_inactive=True)}
    tiers = {tier.code: tier.name for tier in current_policy(db, actor).policy.tiers}
    return Choices(sorted(approvals.all_kinds()), dealers, reasons, tiers)


DEALER_COLUMN = 6


class ApprovalsPage(QWidget):
    member_requested = Signal(int)  # the main window opens the member view

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.rows: list[RequestRow] = []
        self.reasons: dict[str, str] = {}
        self.tiers: dict[str, str] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Approvals") + "</h2>"))
        layout.addLayout(self._filters())
        splitter = QSplitter()
        splitter.addWidget(self._list())
        self.detail = RequestDetail(db, actor, self)
        self.detail.decided.connect(self._decided)
        self.detail.member_requested.connect(self.member_requested)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        run_in_background(lambda: load_choices(db, actor), self._choices, self._failed)
        on_change(self, {Area.APPROVALS, Area.POINTS, Area.TIERS}, self.refresh)

    # layout -----------------------------------------------------------------------------------

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("kind_filter")
        self.kind.addItem(self.tr("All kinds"), ANY)
        self.status = QComboBox()
        self.status.setObjectName("status_filter")
        for code in STATUSES:
            self.status.addItem(status_label(code), code)
        self.status.addItem(self.tr("All"), ANY)
        self.dealer = QComboBox()
        self.dealer.setObjectName("dealer_filter")
        self.dealer.addItem(self.tr("All dealers"), ANY)
        self.dealer.setVisible(self.actor.is_headquarters)  # dealer staff see their own
        self.requester = QLineEdit()
        self.requester.setObjectName("requester_filter")
        self.requester.setPlaceholderText(self.tr("Requested by (user name)"))
        self.requester.returnPressed.connect(self.refresh)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh")
        refresh.clicked.connect(self.refresh)
        for combo in (self.kind, self.status, self.dealer):
            combo.currentIndexChanged.connect(self.refresh)
        for label, widget in ((self.tr("Kind"), self.kind), (self.tr("Status"), self.status)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addWidget(self.dealer)
        row.addWidget(self.requester)
        row.addWidget(refresh)
        row.addStretch(1)
        return row

    def _list(self) -> QWidget:
        self.table = make_table(
            "requests",
            [self.tr("Requested"), self.tr("Kind"), self.tr("Member"), self.tr("Name"),
             self.tr("Request"), self.tr("Requested by"), self.tr("Dealer"), self.tr("Status")],
            stretch=4,
        )  # fmt: skip
        self.table.setColumnHidden(DEALER_COLUMN, not self.actor.is_headquarters)  # their own
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.detail.open_member())
        self.list_status = QLabel()
        self.list_status.setObjectName("list_status")
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.list_status)
        return box

    # loading ----------------------------------------------------------------------------------

    def _choices(self, choices: Choices) -> None:
        self.reasons = choices.reasons
        self.tiers = self.detail.tiers = choices.tiers
        for code in choices.kinds:
            self.kind.addItem(kind_label(code), code)
        for dealer_id, name in choices.dealers:
            self.dealer.addItem(name, dealer_id)
        self.refresh()

    def current_filter(self) -> RequestFilter:
        return RequestFilter(
            kind=self.kind.currentData(),
            status=self.status.currentData(),
            dealer_id=self.dealer.currentData(),
            requested_by=self.requester.text().strip().lower() or None,
        )

    def refresh(self, *_args) -> None:
        db, actor, flt = self.db, self.actor, self.current_filter()
        run_in_background(lambda: approvals.list_requests(db, actor, flt), self._show, self._failed)

    def _show(self, rows: list[RequestRow]) -> None:
        selected = self.detail.row.id if self.detail.row else None
        self.rows = rows
        fill_table(
            self.table,
            [[format_datetime(r.requested_at), kind_label(r.kind), r.subject_number or "",
              r.subject_name or "", summary(r, self.reasons, self.tiers), r.requested_by,
              r.requester_dealer or self.tr("Headquarters"), status_label(r.status)]
             for r in rows],
        )  # fmt: skip
        again = next((i for i, r in enumerate(rows) if r.id == selected), None)
        if again is not None:
            self.table.selectRow(again)
        else:
            self.detail.show_request(None, self.reasons)
        self.list_status.setText(
            self.tr("No requests match.") if not rows
            else self.tr("Requests: {n}").format(n=format_int(len(rows)))
        )  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(message_for(exc))

    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        row = self.rows[rows.pop()] if len(rows) == 1 else None
        self.detail.show_request(row, self.reasons)

    def _decided(self, text: str) -> None:
        self.message.setText(text)  # the list refreshes from the change signal


class RequestDetail(QWidget):
    """One request: what it asks, who asked, the kind's details, and the decision."""

    decided = Signal(str)  # the message to show
    member_requested = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("request_detail")
        self.db, self.actor = db, actor
        self.row: RequestRow | None = None
        self.reasons: dict[str, str] = {}
        self.tiers: dict[str, str] = {}  # tier code → name
        self.heading = QLabel()
        self.heading.setObjectName("detail_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kinds = QStackedWidget()
        self.nothing = QLabel(self.tr("Choose a request to see it here."))
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.adjustment = adjustment_detail.AdjustmentDetail()
        self.tier = tier_detail.TierDetail()
        self.benefit = benefit_detail.BenefitDetail()
        self.partner = partner_detail.PartnerDetailView()
        for page in (self.nothing, self.adjustment, self.tier, self.benefit, self.partner):
            self.kinds.addWidget(page)
        self.note = QLineEdit()
        self.note.setObjectName("decision_note")
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("Decision note (required to reject)"))
        self.note.textChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.kinds, 1)
        layout.addWidget(self.note)
        layout.addLayout(self._buttons())
        self.show_request(None, {})

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("approve", self.tr("&Approve"), self._approve),
            ("reject", self.tr("&Reject"), self._reject),
            ("cancel_request", self.tr("Cancel my request"), self._cancel),
            ("open_member", self.tr("Open member"), self.open_member),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
            if name == "cancel_request":
                row.addStretch(1)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.buttons["approve"].click)
        return row

    def show_request(self, row: RequestRow | None, reasons: dict[str, str]) -> None:
        self.row, self.reasons = row, reasons
        self.note.clear()
        self._update_buttons()
        if row is None:
            self.heading.setText("")
            self.kinds.setCurrentWidget(self.nothing)
            return
        self.heading.setText(self._heading_html(row))
        db, actor = self.db, self.actor
        if row.kind == "points_adjustment":
            run_in_background(
                lambda: adjustment_detail.load(db, actor, row),
                lambda context: self._show_context(row, context),
                lambda exc: self.decided.emit(message_for(exc)),
            )
        elif row.kind in TIER_KINDS:
            self.kinds.setCurrentWidget(self.nothing)  # until the member's tier is loaded
            run_in_background(
                lambda: tier_detail.load(db, actor, row),
                lambda context: self._show_context(row, context),
                lambda exc: self.decided.emit(message_for(exc)),
            )
        elif row.kind == LISTING:
            self.kinds.setCurrentWidget(self.nothing)  # until the item is loaded
            run_in_background(
                lambda: benefit_detail.load(db, actor, row),
                lambda context: self._show_context(row, context),
                lambda exc: self.decided.emit(message_for(exc)),
            )
        elif row.kind in PARTNER_KINDS:
            self.kinds.setCurrentWidget(self.nothing)  # until the partner is loaded
            run_in_background(
                lambda: partner_detail.load(db, actor, row),
                lambda context: self._show_context(row, context),
                lambda exc: self.decided.emit(message_for(exc)),
            )

    def _show_context(self, row: RequestRow, context) -> None:
        if self.row is None or self.row.id != row.id:  # another one was selected meanwhile
            return
        if row.kind in TIER_KINDS:
            self.tier.show_context(row, context)
            self.kinds.setCurrentWidget(self.tier)
        elif row.kind == LISTING:
            self.benefit.show_context(row, context)
            self.kinds.setCurrentWidget(self.benefit)
        elif row.kind in PARTNER_KINDS:
            self.partner.show_context(row, context)
            self.kinds.setCurrentWidget(self.partner)
        else:
            self.adjustment.show_context(row, context, self.reasons)
            self.kinds.setCurrentWidget(self.adjustment)

    def _heading_html(self, row: RequestRow) -> str:
        who = self.tr("Requested by {user} ({dealer}) on {time}").format(
            user=row.requested_by,
            dealer=row.requester_dealer or self.tr("Headquarters"),
            time=format_datetime(row.requested_at),
        )
        lines = [
            f"<b>{kind_label(row.kind)}</b> · {status_label(row.status)}",
            self._subject(row),
            f"<b>{_escaped(summary(row, self.reasons, self.tiers))}</b>",
            self.tr("Note: {note}").format(note=_escaped(note_text(row, self.tiers))),
            who,
        ]
        if row.reference:
            lines.insert(4, self.tr("Reference: {reference}").format(reference=row.reference))
        if row.decided_by:
            lines.append(
                self.tr("Decided by {user} on {time}: {note}").format(
                    user=_escaped(user_name(row.decided_by)),
                    time=format_datetime(row.decided_at),
                    note=_escaped(row.decision_note or "—"),
                )
            )
        return "<br>".join(lines)

    def _subject(self, row: RequestRow) -> str:
        if row.kind in PARTNER_KINDS:
            return self.tr("Partner {code} {name}").format(
                code=_escaped(str(row.payload.get("code", ""))),
                name=_escaped(str(row.payload.get("name", ""))),
            )
        if row.kind == LISTING:
            return self.tr("Benefit {code} {name}").format(
                code=_escaped(str(row.payload.get("code", ""))),
                name=_escaped(str(row.payload.get("name", ""))),
            )
        return self.tr("Member {number} {name}").format(
            number=row.subject_number or "", name=row.subject_name or ""
        )

    def _update_buttons(self, *_args) -> None:
        row = self.row
        self.buttons["approve"].setEnabled(bool(row and row.may_decide))
        self.buttons["reject"].setEnabled(bool(row and row.may_decide and self.note.text().strip()))
        self.buttons["cancel_request"].setVisible(bool(row and row.may_cancel))
        self.buttons["open_member"].setEnabled(bool(row and row.subject_type == "member"))
        self.note.setEnabled(bool(row and (row.may_decide or row.may_cancel)))

    def open_member(self) -> None:
        if self.row is not None and self.row.subject_type == "member":
            self.member_requested.emit(self.row.subject_id)

    def _approve(self) -> None:
        if self.row is not None and self.row.may_decide:
            self._run(approvals.approve, self.row, self.note.text())

    def _reject(self) -> None:
        if self.row is not None and self.row.may_decide and self.note.text().strip():
            self._run(approvals.reject, self.row, self.note.text())

    def _cancel(self) -> None:
        if self.row is not None and self.row.may_cancel:
            self._run(approvals.cancel, self.row, self.note.text())

    def _run(self, action, row: RequestRow, note: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        db, actor = self.db, self.actor
        run_in_background(lambda: action(db, actor, row.id, note), self._done, self._refused)

    def _done(self, row: RequestRow) -> None:
        self.show_request(row, self.reasons)
        if row.kind in PARTNER_KINDS:
            self.decided.emit(
                self.tr("{kind} of {code}: {status}.").format(
                    kind=kind_label(row.kind),
                    code=row.payload.get("code", ""),
                    status=status_label(row.status),
                )
            )
            return
        if row.kind == LISTING:
            self.decided.emit(
                self.tr("Listing of {code}: {status}.").format(
                    code=row.payload.get("code", ""), status=status_label(row.status)
                )
            )
            return
        self.decided.emit(
            self.tr("Request for member {number}: {status}.").format(
                number=row.subject_number or "", status=status_label(row.status)
            )
        )

    def _refused(self, exc: BaseException) -> None:
        self._update_buttons()
        self.decided.emit(message_for(exc))


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
