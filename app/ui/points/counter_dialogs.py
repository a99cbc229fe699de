"""The counter's dialogs: record a service, use points, request an adjustment, print a statement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.domain.points import points_value_fen
from app.domain.roles import Actor
from app.services import points, staff
from app.services import settings as programme
from app.services.points import ServiceInput, UsePointsInput, adjustments
from app.services.points.adjustments import AdjustmentInput
from app.services.shared.database import Database
from app.ui.points.labels import (
    preview_line,
    reason_label,
    source_label,
)
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate, yuan_to_fen
from app.ui.shared.i18n import format_int, format_yuan
from app.ui.shared.worker import run_in_background


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
