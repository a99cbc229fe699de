"""Points in the member 360 view: the account, its entries, lots and documents, and the
counter actions (record a service, use points, request an adjustment, refund, statement)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.points import points_value_fen
from app.domain.roles import Actor, Permission
from app.services import points, staff
from app.services import settings as programme
from app.services.points import ServiceInput, UsePointsInput, adjustments
from app.services.points.adjustments import AdjustmentFilter, AdjustmentInput, AdjustmentRow
from app.services.shared.database import Database
from app.ui.action_dialog import ActionDialog, fill_table, make_table
from app.ui.errors import message_for
from app.ui.i18n import format_date, format_datetime, format_int, format_yuan
from app.ui.member_dialog import DATE_FORMAT, to_date, to_qdate, yuan_to_fen
from app.ui.points_labels import (
    currency_label,
    kind_label,
    preview_line,
    reason_label,
    request_status,
    source_label,
)
from app.ui.worker import run_in_background


def signed(points_: int) -> str:
    return ("+" if points_ > 0 else "") + format_int(points_)


# --- the tab ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PointsData:
    summary: points.AccountSummary
    entries: list[points.EntryRow]
    lots: list[points.LotRow]
    orders: list[points.ServiceOrderRow]
    requests: list[AdjustmentRow]


def load_points(db: Database, actor: Actor, member_id: int) -> PointsData:
    return PointsData(
        points.account_summary(db, actor, member_id),
        points.list_entries(db, actor, member_id, limit=500),
        points.list_lots(db, actor, member_id),
        points.list_service_orders(db, actor, member_id),
        adjustments.list_requests(
            db, actor, AdjustmentFilter(status=None, member_id=member_id), limit=200
        ),
    )


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
             self.tr("Points type"), self.tr("Reference"), self.tr("Dealer"), self.tr("By"),
             self.tr("Note")],
        )  # fmt: skip
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
            ("record_service", self.tr("Record service…"), self._record_service,
             can(Permission.POST_POINTS)),
            ("award_event", self.tr("Event points…"), self._award_event,
             can(Permission.POST_POINTS)),
            ("use_points", self.tr("Use points…"), self._use_points, can(Permission.POST_POINTS)),
            ("request_adjustment", self.tr("Request adjustment…"), self._request_adjustment,
             can(Permission.REQUEST_ADJUSTMENT)),
            ("statement", self.tr("Statement (PDF)…"), self._statement, True),
        ):  # fmt: skip
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setVisible(allowed)
            button.clicked.connect(slot)
            self.actions[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    # loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor, member_id = self.db, self.actor, self.member_id
        run_in_background(lambda: load_points(db, actor, member_id), self._show, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(message_for(exc))

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
        for name in ("record_service", "award_event", "use_points", "request_adjustment"):
            self.actions[name].setEnabled(postable)
        fill_table(self.entries, [self._entry_cells(e) for e in data.entries])
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

    def _entry_cells(self, e: points.EntryRow) -> list[str]:
        kind = kind_label(e.kind)
        if e.shortfall:
            kind += " " + self.tr("(shortfall {points})").format(points=format_int(e.shortfall))
        if e.reversed_by_id:
            kind += " " + self.tr("(reversed)")
        currency = currency_label(e.currency)
        return [
            format_date(e.business_date), kind, source_label(e.source), signed(e.amount),
            currency, e.reference or "", e.dealer_name or "", e.actor, e.note or "",
        ]  # fmt: skip

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

    def _record_service(self) -> None:
        dialog = RecordServiceDialog(self, self.db, self.actor, self.member_id, self.today)
        dialog.recorded.connect(
            lambda result: self._done(
                self.tr("Recorded: {points} points.").format(points=format_int(result.points))
            )
        )
        dialog.open()

    def _award_event(self) -> None:
        dialog = ActionDialog(
            self,
            "event_dialog",
            self.tr("Event points"),
            self.tr(
                "Fixed points for an event, within the rule's limits (e.g. sign-in once a "
                "day, major events at most ten a year)."
            ),
            self.tr("Award points"),
        )
        event = QComboBox()
        for code in points.EVENTS:
            event.addItem(source_label(code), code)
        dialog.add_row(self.tr("Event"), event, "event")
        reference = QLineEdit()
        reference.setMaxLength(60)
        dialog.add_row(self.tr("Reference (optional)"), reference, "reference")
        uid = points.new_request_uid()
        db, actor, member_id = self.db, self.actor, self.member_id

        def work():
            code, ref = event.currentData(), reference.text().strip() or None
            return lambda: points.record_event(db, actor, member_id, code, uid, reference=ref)

        dialog.work = work
        dialog.succeeded.connect(
            lambda result: self._done(
                self.tr("{points} event points awarded.").format(points=format_int(result.points))
                if result.points
                else self.tr("No points: the limit for this event is reached.")
            )
        )
        dialog.open()

    def _use_points(self) -> None:
        available = self.data.summary.available if self.data else 0
        dialog = UsePointsDialog(self, self.db, self.actor, self.member_id, available)
        dialog.used.connect(
            lambda used: self._done(
                self.tr("{points} points used ({value}).").format(
                    points=format_int(used.points), value=format_yuan(used.value_fen)
                )
            )
        )
        dialog.open()

    def _request_adjustment(self) -> None:
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


class MemberApprovalsTab(QWidget):
    """The member's adjustment requests and what became of them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = make_table(
            "member_requests",
            [self.tr("Requested"), self.tr("By"), self.tr("Points"), self.tr("Points type"),
             self.tr("Reason"), self.tr("Note"), self.tr("Status"), self.tr("Decided by"),
             self.tr("Decision note")],
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_requests(self, requests: list[AdjustmentRow]) -> None:
        fill_table(
            self.table,
            [
                [format_datetime(r.requested_at), r.requested_by, signed(r.amount),
                 currency_label(r.currency), reason_label(r.reason_code, r.reason_label), r.note,
                 request_status(r.status), r.decided_by or "", r.decision_note or ""]
                for r in requests
            ],
        )  # fmt: skip


# --- record service / purchase -------------------------------------------------------------


class RecordServiceDialog(ActionDialog):
    """Repair order or invoice → points, with the rule breakdown shown before posting."""

    recorded = Signal(object)
    preview_ready = Signal()

    def __init__(self, parent: QWidget, db: Database, actor: Actor, member_id: int, today: date):
        super().__init__(
            parent,
            "record_service_dialog",
            self.tr("Record service or purchase"),
            self.tr(
                "Enter the repair order or invoice. The points it earns are shown before "
                "anything is posted; a document number earns only once."
            ),
            self.tr("Record and post points"),
        )
        self.db, self.actor, self.member_id = db, actor, member_id
        self.uid = points.new_request_uid()
        self.kind = QComboBox()
        self.kind.addItem(source_label("service"), "service")
        self.kind.addItem(source_label("purchase"), "purchase")
        self.add_row(self.tr("Type"), self.kind, "kind")
        self.dealer = QComboBox()
        if actor.is_headquarters:
            self.add_row(self.tr("Dealer"), self.dealer, "dealer")
            run_in_background(
                lambda: staff.list_dealers(db, actor, include_inactive=False), self._dealers,
                lambda _exc: None,
            )  # fmt: skip
        self.document = QLineEdit()
        self.document.setMaxLength(40)
        self.add_row(self.tr("Repair order / invoice no."), self.document, "document_no")
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setDateRange(to_qdate(today).addDays(-366), to_qdate(today))
        self.add_row(self.tr("Date"), self.day, "business_date")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 1280.00"))
        self.add_row(self.tr("Amount (yuan)"), self.amount, "amount")
        self.preview = QLabel(self.tr("Enter the amount to see the points."))
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setMinimumHeight(60)
        self.form.addRow(self.tr("Points"), self.preview)
        self._ready = False
        self.require(lambda: self._ready, self.preview_ready)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)  # preview when typing pauses, not per key
        self.timer.timeout.connect(self._refresh_preview)
        for signal in (self.document.textChanged, self.amount.textChanged,
                       self.kind.currentIndexChanged, self.day.dateChanged,
                       self.dealer.currentIndexChanged):  # fmt: skip
            signal.connect(self._changed)
        self.work = self._work
        self.succeeded.connect(self.recorded)

    def _dealers(self, dealers) -> None:
        for d in dealers:
            self.dealer.addItem(f"{d.code} {d.name}", d.id)

    def _changed(self, *_args) -> None:
        self._ready = False
        self.preview_ready.emit()
        self.timer.start()

    def _input(self) -> ServiceInput | None:
        try:
            fen = yuan_to_fen(self.amount.text())
        except ValueError:
            self.preview.setText(self.tr("Enter the amount in yuan, e.g. 1280.00."))
            return None
        if not fen or not self.document.text().strip():
            self.preview.setText(self.tr("Enter the document number and the amount."))
            return None
        dealer_id = self.dealer.currentData() if self.actor.is_headquarters else None
        return ServiceInput(
            self.member_id, dealer_id, self.document.text(), to_date(self.day.date()), fen,
            self.kind.currentData(), self.uid,
        )  # fmt: skip

    def _refresh_preview(self) -> None:
        data = self._input()
        if data is None:
            return
        db, actor = self.db, self.actor
        run_in_background(
            lambda: (data, points.preview_service(db, actor, data)),
            self._show_preview,
            lambda exc: self.preview.setText(message_for(exc)),
        )

    def _show_preview(self, result) -> None:
        data, preview = result
        if data != self._input():  # typed on meanwhile: a newer preview is coming
            return
        lines = "<br>".join(
            f"{preview_line(label)}: <b>{format_int(value)}</b>" for label, value in preview.lines
        )
        self.preview.setText(
            lines
            + "<br>"
            + self.tr(
                "Worth {value} · qualifying points +{qualifying} · rule {rule} v{version}"
            ).format(
                value=format_yuan(preview.value_fen),
                qualifying=format_int(preview.qualifying),
                rule=source_label(preview.rule_code),
                version=preview.rule_version,
            )
        )
        self._ready = True
        self.preview_ready.emit()

    def _work(self):
        data = self._input()
        if data is None:
            return None
        db, actor = self.db, self.actor
        return lambda: points.record_service(db, actor, data)


# --- use points ------------------------------------------------------------------------------


class UsePointsDialog(ActionDialog):
    used = Signal(object)

    def __init__(self, parent, db: Database, actor: Actor, member_id: int, available: int):
        super().__init__(
            parent,
            "use_points_dialog",
            self.tr("Use points"),
            self.tr("Deduct points against the labour or parts of a repair order."),
            self.tr("Deduct points"),
        )
        self.db, self.actor, self.member_id = db, actor, member_id
        self.uid = points.new_request_uid()
        self.points = QSpinBox()
        self.points.setRange(0, max(0, available))
        self.points.setGroupSeparatorShown(True)
        self.add_row(
            self.tr("Points (available {available})").format(available=format_int(available)),
            self.points,
            "points",
        )
        self.value = QLabel()
        self.value.setObjectName("value")
        self.form.addRow(self.tr("Worth"), self.value)
        self.target = QComboBox()
        self.target.addItem(source_label("labour"), "labour")
        self.target.addItem(source_label("parts"), "parts")
        self.add_row(self.tr("Against"), self.target, "target")
        self.reference = QLineEdit()
        self.reference.setMaxLength(60)
        self.add_row(self.tr("Repair order no."), self.reference, "reference")
        self.points_per_yuan = 0
        self.points.valueChanged.connect(self._show_value)
        run_in_background(lambda: programme.get_settings(db), self._rate_loaded, self.show_failure)
        self.require(lambda: self.points.value() > 0, self.points.valueChanged)
        self.require(lambda: bool(self.reference.text().strip()), self.reference.textChanged)
        self.work = self._work
        self.succeeded.connect(self.used)

    def _rate_loaded(self, settings) -> None:
        self.points_per_yuan = settings.points_per_yuan
        self._show_value(self.points.value())

    def _show_value(self, value: int) -> None:
        if self.points_per_yuan:  # computed here: a worker per key press could answer late
            self.value.setText(format_yuan(points_value_fen(value, self.points_per_yuan)))

    def _work(self):
        data = UsePointsInput(
            self.member_id, self.points.value(), self.target.currentData(),
            self.reference.text(), self.uid,
        )  # fmt: skip
        db, actor = self.db, self.actor
        return lambda: points.use_points(db, actor, data)


# --- adjustment request ----------------------------------------------------------------------


class AdjustmentDialog(ActionDialog):
    filed = Signal(object)

    def __init__(self, parent, db: Database, actor: Actor, member_id: int):
        super().__init__(
            parent,
            "adjustment_dialog",
            self.tr("Request a points adjustment"),
            self.tr(
                "A manual credit or debit. A supervisor of your dealer or headquarters "
                "approves it before it is posted; you cannot approve your own request."
            ),
            self.tr("Submit request"),
        )
        self.db, self.actor, self.member_id = db, actor, member_id
        self.uid = points.new_request_uid()
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Credit (add points)"), 1)
        self.direction.addItem(self.tr("Debit (take points)"), -1)
        self.add_row(self.tr("Direction"), self.direction, "direction")
        self.amount = QSpinBox()
        self.amount.setRange(0, adjustments.MAX_ADJUSTMENT)
        self.amount.setGroupSeparatorShown(True)
        self.add_row(self.tr("Points"), self.amount, "amount")
        self.currency = QComboBox()
        self.currency.addItem(self.tr("Points"), "points")
        self.currency.addItem(self.tr("Qualifying points"), "qualifying")
        self.add_row(self.tr("Points type"), self.currency, "currency")
        self.reason = QComboBox()
        self.add_row(self.tr("Reason"), self.reason, "reason_code")
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.add_row(self.tr("Note"), self.note, "note")
        self.reference = QLineEdit()
        self.reference.setMaxLength(60)
        self.add_row(self.tr("Reference (optional)"), self.reference, "reference")
        self.require(lambda: self.amount.value() > 0, self.amount.valueChanged)
        self.require(lambda: bool(self.note.text().strip()), self.note.textChanged)
        self.require(lambda: self.reason.count() > 0, self.reason.currentIndexChanged)
        run_in_background(
            lambda: adjustments.list_reasons(db, actor), self._reasons, self.show_failure
        )
        self.work = self._work
        self.succeeded.connect(self.filed)

    def _reasons(self, reasons) -> None:
        for reason in reasons:
            self.reason.addItem(reason_label(reason.code, reason.label), reason.code)

    def _work(self):
        data = AdjustmentInput(
            self.member_id,
            self.direction.currentData() * self.amount.value(),
            self.reason.currentData(),
            self.note.text(),
            self.currency.currentData(),
            self.reference.text(),
            self.uid,
        )
        db, actor = self.db, self.actor
        return lambda: adjustments.request_adjustment(db, actor, data)


# --- statement -------------------------------------------------------------------------------


class StatementDialog(ActionDialog):
    def __init__(self, parent, db: Database, actor: Actor, member_id: int, today: date, data):
        super().__init__(
            parent,
            "statement_dialog",
            self.tr("Points statement"),
            self.tr(
                "A printable PDF with the opening balance, every entry and the closing "
                "balance of the period."
            ),  # fmt: skip
            self.tr("Save PDF…"),
        )
        self.db, self.actor, self.member_id = db, actor, member_id
        today = to_qdate(today)
        self.start = QDateEdit(QDate(today.year(), today.month(), 1).addMonths(-1))
        self.end = QDateEdit(QDate(today.year(), today.month(), 1).addDays(-1))
        for edit, name, label in ((self.start, "start", self.tr("From")),
                                  (self.end, "end", self.tr("To"))):  # fmt: skip
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FORMAT)
            self.add_row(label, edit, name)
        self.number = data.summary.member_number if data else str(member_id)
        self.work = self._work
        self.succeeded.connect(self._saved)

    def _work(self):
        start, end = to_date(self.start.date()), to_date(self.end.date())
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"{self.number}_{start:%Y%m%d}-{end:%Y%m%d}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.windowTitle(), suggested, "PDF (*.pdf)")
        if not path:
            return None
        locale = QLocale().name()  # the PDF writer has Chinese and English labels
        db, actor, member_id = self.db, self.actor, self.member_id
        return lambda: points.print_statement(
            db, actor, member_id, start, end, Path(path), None, locale
        )

    def _saved(self, path) -> None:
        self.parent().changed.emit(self.tr("Statement saved: {path}").format(path=path))
