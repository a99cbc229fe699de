"""Assessing the six admission checks (准入条件): the three the partner's record answers, as
they come out today, and the checklist of the other three, each with its evidence."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.inputs import MAX_NOTE
from app.domain.roles import Actor
from app.services.partners.admission import (
    AdmissionRow,
    CheckLine,
    ChecklistInput,
    assess_admission,
    preview_data_checks,
)
from app.services.partners.registry import PartnerRow
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, OK_COLOUR
from app.ui.benefits.item_dialog import error_field
from app.ui.partners.labels import check_name, service_process_name
from app.ui.partners.partner_dialog import tick_box
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date, format_yuan
from app.ui.shared.widgets import ErrorLabel, save_buttons, with_error_line
from app.ui.shared.worker import run_in_background


def evidence_text(line: CheckLine) -> str:
    """What a check compared, as people read it: the capital in yuan, the founding date."""
    if line.check == rules.Check.CAPITAL and line.evidence.isdigit():
        return format_yuan(int(line.evidence))
    if line.check == rules.Check.AGE:
        try:
            return format_date(date.fromisoformat(line.evidence))
        except ValueError:
            return line.evidence
    return line.evidence


class AdmissionDialog(QDialog):
    assessed = Signal(object)  # the AdmissionRow

    def __init__(self, db: Database, actor: Actor, partner: PartnerRow, parent=None):
        super().__init__(parent)
        self.db, self.actor, self.partner = db, actor, partner
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.setObjectName("admission_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Admission checks of {name}").format(name=partner.name))
        self.setMinimumWidth(640)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons, self.save = save_buttons(self._submit, self.reject, self.tr("Record assessment"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The first three checks come from the partner's record as it is today; "
                    "answer the other three from what you verified, with the evidence.")
        )  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._record_box())
        layout.addWidget(self._checklist_box())
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        partner_id = partner.id
        run_in_background(
            lambda: preview_data_checks(db, actor, partner_id), self._previewed, self._failed
        )

    def _record_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("From the record"))
        self.record_form = QFormLayout(box)
        self.record_lines: dict[str, QLabel] = {}
        for check in rules.DATA_CHECKS:
            label = QLabel(self.tr("Loading…"))
            label.setObjectName(f"data_check_{check.value}")
            label.setWordWrap(True)
            self.record_lines[check.value] = label
            self.record_form.addRow(check_name(check), label)
        return box

    def _checklist_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Checklist"))
        form = QFormLayout(box)
        self.processes: dict[str, QCheckBox] = {}
        processes = QWidget()
        column = QVBoxLayout(processes)
        column.setContentsMargins(0, 0, 0, 0)
        for name in rules.SERVICE_PROCESSES:
            tick = tick_box(service_process_name(name))
            tick.setObjectName(f"process_{name}")
            self.processes[name] = tick
            column.addWidget(tick)
        form.addRow(check_name(rules.Check.SERVICE), processes)
        self.service_evidence = self._evidence("service_evidence", form)
        self.credit_sound = tick_box(self.tr("Verified"))
        self.credit_sound.setObjectName("credit_sound")
        form.addRow(check_name(rules.Check.CREDIT), self.credit_sound)
        self.credit_evidence = self._evidence("credit_evidence", form)
        self.vat_invoice = tick_box(self.tr("Verified"))
        self.vat_invoice.setObjectName("vat_invoice")
        self.vat_invoice.setChecked(self.partner.vat_special_invoice)
        form.addRow(check_name(rules.Check.VAT_INVOICE), self.vat_invoice)
        self.vat_evidence = self._evidence("vat_evidence", form)
        return box

    def _evidence(self, name: str, form: QFormLayout) -> QLineEdit:
        field = QLineEdit()
        field.setMaxLength(MAX_NOTE)
        field.setPlaceholderText(self.tr("evidence: document, reference, what was seen"))
        form.addRow(self.tr("Evidence"), with_error_line(name, field, self.fields, self.errors))
        return field

    def _previewed(self, lines: list[CheckLine]) -> None:
        for line in lines:
            label = self.record_lines.get(line.check)
            if label is None:
                continue
            verdict = self.tr("Passes") if line.passed else self.tr("Fails")
            label.setText(f"{verdict} · {evidence_text(line)}")
            label.setStyleSheet(f"color: {OK_COLOUR if line.passed else ERROR_COLOUR};")

    def checklist(self) -> ChecklistInput:
        return ChecklistInput(
            service_processes={name: box.isChecked() for name, box in self.processes.items()},
            service_evidence=self.service_evidence.text(),
            credit_sound=self.credit_sound.isChecked(),
            credit_evidence=self.credit_evidence.text(),
            vat_invoice=self.vat_invoice.isChecked(),
            vat_evidence=self.vat_evidence.text(),
        )

    def _submit(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()
        db, actor, partner_id, data = self.db, self.actor, self.partner.id, self.checklist()
        self.save.setEnabled(False)
        run_in_background(
            lambda: assess_admission(db, actor, partner_id, data), self._saved, self._refused
        )

    def _saved(self, row: AdmissionRow) -> None:
        self.assessed.emit(row)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        field = error_field(exc)
        label = self.errors.get(field or "", self.error)
        label.show_message(message_for(exc))
