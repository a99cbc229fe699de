"""What the partner screens and the approvals detail share: a partner's detail as loaded in
a worker, its admission assessment (a failed one admitted by headquarters in red, with the
reason), its score and rank, and its cooperation modes as a table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTableWidget, QVBoxLayout, QWidget

from app.domain.roles import Actor
from app.services.benefits import ItemRow
from app.services.partners import admission, cooperation, evaluation, registry
from app.services.partners.admission import AdmissionRow
from app.services.partners.cooperation import ModeRow
from app.services.partners.evaluation import EvaluationRow
from app.services.partners.registry import PartnerRow, StatusChangeRow
from app.services.settings import get_settings
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.common import ERROR_COLOUR, MUTED, OK_COLOUR
from app.ui.partners.admission_dialog import evidence_text
from app.ui.partners.labels import (
    check_name,
    industry_name,
    mode_name,
    payment_name,
    score_text,
)
from app.ui.partners.mode_dialog import terms_text
from app.ui.shared.i18n import format_date, format_datetime, format_yuan
from app.ui.shared.tables import fill_table, make_table, set_empty_text

RENEWAL_COLOUR = "#8a5a00"


@dataclass(frozen=True)
class PartnerDetail:
    """What the panel shows of one partner, loaded in a worker."""

    row: PartnerRow
    admission: AdmissionRow | None  # the latest assessment
    evaluation: EvaluationRow | None  # the latest score
    rank: int | None  # within the industry's comparison
    compared: int  # partners of the industry with a score
    shortlist_min: int
    modes: list[ModeRow]
    benefits: list[ItemRow]
    history: list[StatusChangeRow]
    today: date


def load_detail(db: Database, actor: Actor, partner_id: int) -> PartnerDetail:
    """Runs in a worker."""
    row = registry.get_partner(db, actor, partner_id)
    admissions = admission.admissions_of(db, actor, partner_id)
    evaluations = evaluation.evaluations_of(db, actor, partner_id)
    comparison = evaluation.compare(db, actor, row.industry)
    rank = next((c.rank for c in comparison.partners if c.partner_id == row.id), None)
    return PartnerDetail(
        row, admissions[0] if admissions else None, evaluations[0] if evaluations else None,
        rank, len(comparison.partners), comparison.shortlist_min,
        cooperation.list_modes(db, actor, partner_id),
        cooperation.partner_benefits(db, actor, partner_id),
        registry.status_history(db, actor, partner_id),
        today_in(db, get_settings(db).timezone),
    )  # fmt: skip


def colour_rows(table: QTableWidget, colours: list[str | None]) -> None:
    for r, colour in enumerate(colours):
        for c in range(table.columnCount() if colour else 0):
            item = table.item(r, c)
            if item is not None:
                item.setForeground(QBrush(QColor(colour)))


def mode_state(mode: ModeRow, today: date) -> tuple[str, str | None]:
    """A mode's state in words and its colour: ended, contract over, renewal due, current."""
    if not mode.active:
        return QCoreApplication.translate("PartnerPanel", "Ended"), MUTED
    if mode.contract_end < today:
        return QCoreApplication.translate("PartnerPanel", "Contract over"), ERROR_COLOUR
    if mode.renewal_due:
        return QCoreApplication.translate("PartnerPanel", "Renewal due"), RENEWAL_COLOUR
    return QCoreApplication.translate("PartnerPanel", "Current"), None


def modes_table(name: str) -> QTableWidget:
    table = make_table(name, [
        QCoreApplication.translate("PartnerPanel", "Mode"),
        QCoreApplication.translate("PartnerPanel", "Terms"),
        QCoreApplication.translate("PartnerPanel", "Contract"),
        QCoreApplication.translate("PartnerPanel", "Unit cost"),
        QCoreApplication.translate("PartnerPanel", "Payment"),
        QCoreApplication.translate("PartnerPanel", "State"),
    ], stretch=1)  # fmt: skip
    set_empty_text(table, QCoreApplication.translate("PartnerPanel", "No cooperation modes yet."))
    return table


def fill_modes(table: QTableWidget, modes: list[ModeRow], today: date) -> None:
    states = [mode_state(mode, today) for mode in modes]
    fill_table(
        table,
        [[mode_name(m.mode), terms_text(m.mode, m.terms),
          f"{format_date(m.contract_start)} – {format_date(m.contract_end)}",
          format_yuan(m.unit_cost_fen), payment_name(m.payment), state]
         for m, (state, _colour) in zip(modes, states, strict=True)],
        right=frozenset({3}),
    )  # fmt: skip
    colour_rows(table, [colour for _state, colour in states])


def override_text(row: AdmissionRow) -> str:
    return QCoreApplication.translate(
        "PartnerPanel",
        "Admission checks failed; admitted by headquarters. Reason: {reason} ({user}, {time})",
    ).format(reason=row.override_reason, user=row.overridden_by,
             time=format_datetime(row.overridden_at))  # fmt: skip


class AdmissionView(QWidget):
    """The latest assessment: a summary line, the override in red, the six checks."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("admission_summary")
        self.summary.setWordWrap(True)
        self.override = QLabel()
        self.override.setObjectName("override_note")
        self.override.setWordWrap(True)
        self.override.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.override.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.checks = make_table("admission_checks", [
            QCoreApplication.translate("PartnerPanel", "Check"),
            QCoreApplication.translate("PartnerPanel", "Result"),
            QCoreApplication.translate("PartnerPanel", "Evidence"),
        ], stretch=2)  # fmt: skip
        self.checks.setMinimumHeight(self.checks.verticalHeader().defaultSectionSize() * 7 + 8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.override)
        layout.addWidget(self.checks)

    def show_admission(self, row: AdmissionRow | None) -> None:
        self.override.setVisible(bool(row and row.override_reason))
        self.checks.setVisible(row is not None)
        if row is None:
            self.summary.setText(QCoreApplication.translate("PartnerPanel", "Not assessed yet."))
            self.summary.setStyleSheet("")
            return
        verdict = (
            QCoreApplication.translate("PartnerPanel", "all checks passed")
            if row.passed
            else QCoreApplication.translate("PartnerPanel", "checks failed")
        )
        self.summary.setText(
            QCoreApplication.translate(
                "PartnerPanel", "Assessed on {date} by {user}: {verdict}."
            ).format(date=format_date(row.assessed_on), user=row.assessed_by, verdict=verdict)
        )
        failed_colour = ERROR_COLOUR if not row.passed else OK_COLOUR
        self.summary.setStyleSheet(f"color: {failed_colour};")
        if row.override_reason:
            self.override.setText(override_text(row))
        passed = QCoreApplication.translate("PartnerPanel", "Passed")
        failed = QCoreApplication.translate("PartnerPanel", "Failed")
        fill_table(self.checks, [
            [check_name(line.check), passed if line.passed else failed, evidence_text(line)]
            for line in row.checks
        ])  # fmt: skip
        colour_rows(self.checks, [None if line.passed else ERROR_COLOUR for line in row.checks])


def score_summary(score: int | None, rank: int | None, compared: int, industry: str) -> str:
    if score is None:
        return QCoreApplication.translate("PartnerPanel", "Not scored yet.")
    return QCoreApplication.translate(
        "PartnerPanel", "Weighted total {total} of 5 · rank {rank} of {count} in {industry}"
    ).format(
        total=score_text(score), rank=rank or "—", count=compared,
        industry=industry_name(industry),
    )  # fmt: skip


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
