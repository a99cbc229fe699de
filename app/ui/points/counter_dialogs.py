"""The counter's dialogs: record a service, use points, request an adjustment, print a statement."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.domain.points import points_value_fen
from app.domain.roles import Actor
from app.services import points, staff
from app.services import settings as programme
from app.services.points import ServiceInput, UsePointsInput, adjustments, receipts
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
        # The counter's order: what the clerk types first (document, amount), then what
        # rarely changes (date, type, dealer). Enter posts once the preview is shown.
        self.document = QLineEdit()
        self.document.setMaxLength(40)
        self.add_row(self.tr("Repair order / invoice no."), self.document, "document_no")
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 1280.00"))
        self.add_row(self.tr("Amount (yuan)"), self.amount, "amount")
        self.day = QDateEdit(to_qdate(today))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(DATE_FORMAT)
        self.day.setDateRange(to_qdate(today).addDays(-366), to_qdate(today))
        self.add_row(self.tr("Date"), self.day, "business_date")
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
        self.preview = QLabel(self.tr("Enter the amount to see the points."))
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setMinimumHeight(60)
        self.form.addRow(self.tr("Points"), self.preview)
        self._ready = False
        self._post_when_ready = False  # Enter pressed while the preview was on its way
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
        self.document.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Enter typed before the preview arrived posts as soon as it is shown (the clerk
        types the amount and presses Enter at once), never without it."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not self._ready and self._input_complete():
            self._post_when_ready = True
            self.timer.stop()
            self._refresh_preview()
            return
        super().keyPressEvent(event)

    def _input_complete(self) -> bool:
        try:
            fen = yuan_to_fen(self.amount.text())
        except ValueError:
            return False
        return bool(fen) and bool(self.document.text().strip())

    def _dealers(self, dealers) -> None:
        for d in dealers:
            self.dealer.addItem(f"{d.code} {d.name}", d.id)

    def _changed(self, *_args) -> None:
        self._ready = False
        self._post_when_ready = False
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
            self._preview_failed,
        )

    def _preview_failed(self, exc: BaseException) -> None:
        self._post_when_ready = False
        self.preview.setText(message_for(exc))

    def _show_preview(self, result) -> None:
        data, preview = result
        if data != self._input():  # typed on meanwhile: a newer preview is coming
            return
        lines = "<br>".join(
            f"{preview_line(label)}: <b>{format_int(value)}</b>" for label, value in preview.lines
        )
        if not preview.points:
            why = (
                self.tr("Dated before the programme's launch: it earns no points itself.")
                if getattr(preview, "history", False)
                else self.tr("Under the current rule this service earns no points.")
            )
            lines = f"<b style='color:#b35c00'>{why}</b><br>{lines}"
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
        if self._post_when_ready:
            self._post_when_ready = False
            self.ok.click()

    def _work(self):
        data = self._input()
        if data is None:
            return None
        db, actor = self.db, self.actor
        return lambda: points.record_service(db, actor, data)


class UsePointsDialog(ActionDialog):
    """Three steps on one dialog, as at a counter: the deduction typed in; the member
    confirms points, yuan and the balance after; deducted, with the receipt to print for
    the member's signature."""

    used = Signal(object)

    def __init__(self, parent, db: Database, actor: Actor, member_id: int, summary=None):
        super().__init__(
            parent,
            "use_points_dialog",
            self.tr("Use points"),
            self.tr("Deduct points against the labour or parts of a repair order."),
            self.tr("Continue…"),
        )
        self.db, self.actor, self.member_id = db, actor, member_id
        self.uid = points.new_request_uid()
        available = summary.available if summary is not None else 0
        self.balance = summary.balance if summary is not None else available
        self.stage = "form"  # form → confirm → done
        self.result: points.UsedPoints | None = None
        self.cancel = self.findChild(QPushButton, "cancel")
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
        self.confirmation = QLabel()
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setWordWrap(True)
        self.confirmation.setTextFormat(Qt.TextFormat.RichText)
        self.confirmation.setOpenExternalLinks(True)
        self.confirmation.setStyleSheet(
            "QLabel { background: #fff8e6; border: 1px solid #f0c36d; padding: 10px; }"
        )
        self.confirmation.hide()
        self.form.addRow(self.confirmation)
        self.points_per_yuan = 0
        self.points.valueChanged.connect(self._show_value)
        run_in_background(lambda: programme.get_settings(db), self._rate_loaded, self.show_failure)
        self.require(lambda: self.stage == "done" or self.points.value() > 0,
                     self.points.valueChanged)  # fmt: skip
        self.require(lambda: self.stage == "done" or bool(self.reference.text().strip()),
                     self.reference.textChanged)  # fmt: skip
        self.work = self._work
        self.points.setFocus()
        self.points.selectAll()  # the clerk types the points over the 0

    def _rate_loaded(self, settings) -> None:
        self.points_per_yuan = settings.points_per_yuan
        self._show_value(self.points.value())

    def _fen(self, value: int) -> int:
        return points_value_fen(value, self.points_per_yuan) if self.points_per_yuan else 0

    def _show_value(self, value: int) -> None:
        if self.points_per_yuan:  # computed here: a worker per key press could answer late
            self.value.setText(format_yuan(self._fen(value)))

    def _work(self):
        if self.stage == "form":
            self._ask_to_confirm()
            return None
        if self.stage == "done":
            self.print_receipt()
            return None
        data = UsePointsInput(
            self.member_id, self.points.value(), self.target.currentData(),
            self.reference.text(), self.uid,
        )  # fmt: skip
        db, actor = self.db, self.actor
        return lambda: points.use_points(db, actor, data)

    # the steps ---------------------------------------------------------------------------------

    def _ask_to_confirm(self) -> None:
        if not self.points_per_yuan:
            return  # the rate is on its way; OK again in a moment
        used = self.points.value()
        self.confirmation.setText(
            "<b>"
            + self.tr("Please confirm with the member:")
            + "</b><br>"
            + self.tr(
                "Deduct <b>{points}</b> points worth <b>{value}</b> ({target}) on repair "
                "order <b>{reference}</b>."
            ).format(
                points=format_int(used),
                value=format_yuan(self._fen(used)),
                target=_escaped(self.target.currentText()),
                reference=_escaped(self.reference.text().strip().upper()),
            )
            + "<br>"
            + self.tr("Balance after: <b>{balance}</b> points.").format(
                balance=format_int(self.balance - used)
            )
        )
        self._set_stage("confirm")

    def _set_stage(self, stage: str) -> None:
        self.stage = stage
        for field in (self.points, self.target, self.reference):
            field.setEnabled(stage == "form")
        self.confirmation.setVisible(stage != "form")
        self.ok.setText(
            {
                "form": self.tr("Continue…"),
                "confirm": self.tr("Confirm deduction"),
                "done": self.tr("Print receipt…"),
            }[stage]
        )
        if self.cancel is not None:
            self.cancel.setText(
                {"form": self.tr("Cancel"), "confirm": self.tr("Back"), "done": self.tr("Close")}[
                    stage
                ]
            )
        self._update_ok()
        (self.points if stage == "form" else self.ok).setFocus()
        self.adjustSize()  # room for the confirmation, however it wraps

    def reject(self) -> None:
        """Esc or Back while confirming goes back to the form; otherwise it closes."""
        if self.stage == "confirm":
            self._set_stage("form")
            return
        super().reject()

    def _succeeded(self, result) -> None:
        """Deducted: the dialog stays open to print the receipt."""
        self.result = result
        self.confirmation.setStyleSheet(
            "QLabel { background: #eaf6ec; border: 1px solid #8cc59a; padding: 10px; }"
        )
        self.confirmation.setText(
            "<b>"
            + self.tr("Deducted {points} points ({value}).").format(
                points=format_int(result.points), value=format_yuan(result.value_fen)
            )
            + "</b><br>"
            + self.tr("Balance now: {balance} points. Print the receipt for the member to sign.")
            .format(balance=format_int(self.balance - result.points))
        )  # fmt: skip
        self._set_stage("done")
        self.done.emit()
        self.succeeded.emit(result)
        self.used.emit(result)

    def print_receipt(self) -> None:
        """Ask where to save the receipt (a PDF), write it in a worker and say where it is."""
        if self.result is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("points-receipt-{number}.pdf").format(number=self.result.entry_id)
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the points receipt"), str(Path(folder) / name), "PDF (*.pdf)"
        )
        if not chosen:
            return
        language = "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"
        db, actor, entry_id, path = self.db, self.actor, self.result.entry_id, Path(chosen)
        self.ok.setEnabled(False)
        run_in_background(
            lambda: receipts.print_receipt(db, actor, entry_id, path, language),
            self._receipt_saved,
            self._receipt_failed,
        )

    def _receipt_saved(self, path: Path) -> None:
        self.ok.setEnabled(True)
        self.error.clear_message()
        link = QUrl.fromLocalFile(str(path)).toString()
        self.confirmation.setText(
            self.confirmation.text()
            + "<br>"
            + self.tr("Receipt saved: <a href='{link}'>{path}</a>").format(
                link=link, path=_escaped(str(path))
            )
        )
        self.adjustSize()

    def _receipt_failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.error.show_message(message_for(exc))


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        self.add_row(self.tr("Amount"), self.amount, "amount")
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
