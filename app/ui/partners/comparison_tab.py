"""The side-by-side comparison (横比) of an industry's scored partners: a table of the seven
scores, the weighted total, the rank and the admission state, a radar chart of the same, a
warning when fewer than the shortlist minimum are compared, and the comparison printed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.errors import Conflict
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.partners.evaluation import ComparedPartner, Comparison, compare
from app.services.settings import ProgrammeSettings, get_settings
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.common import ERROR_COLOUR, offer_folder
from app.ui.partners.evaluation_dialog import weight_share
from app.ui.partners.labels import (
    INDUSTRIES,
    factor_name,
    industry_name,
    score_text,
    status_name,
)
from app.ui.partners.radar_chart import RadarChart, series_colour
from app.ui.partners.registry_tab import PARTNER_AREAS
from app.ui.partners.weights_dialog import WeightsDialog
from app.ui.shared.action_dialog import warn_missing_glyphs
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import chosen_language
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.shared.worker import run_in_background

PDF_FILES = "PDF (*.pdf)"
FIRST_SCORE = 2  # the rank and the partner come first
NOT_READY = QT_TRANSLATE_NOOP(
    "Errors", "Printing the comparison is not available in this version yet."
)


def print_comparison(db: Database, actor: Actor, industry: str, path: Path, language: str):
    """``app.services.partners.exports.print_comparison``, or a clear error without it."""
    try:
        from app.services.partners import exports
    except ImportError as exc:
        raise Conflict(NOT_READY) from exc
    writer = getattr(exports, "print_comparison", None)
    if writer is None:
        raise Conflict(NOT_READY)
    return writer(db, actor, industry, path, language)


class ComparisonTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.comparison: Comparison | None = None
        self._generation = 0
        self.industry = QComboBox()
        self.industry.setObjectName("comparison_industry")
        for code in INDUSTRIES:
            self.industry.addItem(industry_name(code), str(code))
        self.industry.currentIndexChanged.connect(lambda _i: self.reload())
        self.print_button = QPushButton(self.tr("Print PDF…"))
        self.print_button.setObjectName("print_comparison")
        self.print_button.clicked.connect(self.print_pdf)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Industry")))
        top.addWidget(self.industry)
        top.addStretch(1)
        if actor.can(Permission.MANAGE_PARTNERS):
            weights = QPushButton(self.tr("Weights…"))
            weights.setObjectName("edit_weights")
            weights.setToolTip(self.tr("A new version of the evaluation weights"))
            weights.clicked.connect(self.edit_weights)
            top.addWidget(weights)
        top.addWidget(self.print_button)
        self.warning = QLabel()
        self.warning.setObjectName("shortlist_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 6px; border: 1px solid #ffe69c;"
        )
        self.warning.hide()
        self.table = make_table(
            "comparison_table",
            [self.tr("Rank"), self.tr("Partner"),
             *(factor_name(f) for f in rules.FACTORS),
             self.tr("Total"), self.tr("Status"), self.tr("Admission")],
            stretch=1,
        )  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(False)
        set_empty_text(self.table, self.tr("No partner of this industry has been scored yet."))
        self.weights = QLabel()
        self.weights.setObjectName("comparison_weights")
        self.weights.setWordWrap(True)
        self.weights.setStyleSheet("color: #555;")
        self.radar = RadarChart()
        self.status = QLabel()
        self.status.setObjectName("comparison_status")
        self.status.setWordWrap(True)
        upper = QWidget()
        column = QVBoxLayout(upper)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.weights)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("comparison_splitter")
        splitter.addWidget(upper)
        splitter.addWidget(self.radar)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 520])  # scaled to the height the page gets
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        on_change(self, PARTNER_AREAS, self.reload)
        self.timezone = ProgrammeSettings().timezone
        run_in_background(lambda: get_settings(db), self._settings_loaded, self._failed)
        self.reload()

    def choose_industry(self, industry: str) -> None:
        self.industry.setCurrentIndex(max(0, self.industry.findData(industry)))

    def reload(self) -> None:
        self._generation += 1
        generation, db, actor = self._generation, self.db, self.actor
        industry = self.industry.currentData()
        run_in_background(
            lambda: compare(db, actor, industry),
            lambda comparison: self._show(generation, comparison), self._failed,
        )  # fmt: skip

    def _show(self, generation: int, comparison: Comparison) -> None:
        if generation != self._generation:
            return
        self.comparison = comparison
        partners = comparison.partners
        numbers = frozenset(range(FIRST_SCORE + len(rules.FACTORS) + 1)) - {1}
        fill_table(self.table, [self._cells(p) for p in partners], right=numbers)
        admission_column = self.table.columnCount() - 1
        for r, partner in enumerate(partners):
            self.table.item(r, 1).setForeground(series_colour(r))  # as its radar line
            if partner.admission_passed is False:  # failed (overridden or not): in red
                self.table.item(r, admission_column).setForeground(QColor(ERROR_COLOUR))
        self.radar.show_partners([(f"{p.code} {p.name}", p.scores) for p in partners])
        self.weights.setText(
            self.tr("Weights in force: {weights}").format(weights=" · ".join(
                f"{factor_name(f)} {weight_share(comparison.weights, f.value)}"
                for f in rules.FACTORS))
        )  # fmt: skip
        self._show_warning(comparison)
        self.status.setText(self.tr("{n} partners compared.").format(n=len(partners)))

    def _cells(self, p: ComparedPartner) -> list[object]:
        return [
            p.rank, f"{p.code} {p.name}", *(p.scores.get(f.value, 0) for f in rules.FACTORS),
            score_text(p.total_hundredths), status_name(p.status), self._admission(p),
        ]  # fmt: skip

    def _admission(self, p: ComparedPartner) -> str:
        if p.admission_passed is None:
            return self.tr("Not assessed")
        if p.admission_passed:
            return self.tr("Passed")
        return self.tr("Failed, overridden by headquarters") if p.overridden else self.tr("Failed")

    def _show_warning(self, comparison: Comparison) -> None:
        self.warning.setVisible(not comparison.enough)
        if not comparison.enough:
            self.warning.setText(
                self.tr("Only {count} partners of {industry} are compared; the shortlist needs "
                        "at least {minimum}. Admitting one of them needs a recorded reason.")
                .format(count=len(comparison.partners),
                        industry=industry_name(comparison.industry),
                        minimum=comparison.shortlist_min)
            )  # fmt: skip

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # weights and printing --------------------------------------------------------------------

    def edit_weights(self) -> None:
        dialog = WeightsDialog(self.db, self.actor, today_in(self.db, self.timezone), self)
        dialog.saved.connect(lambda _row: self.reload())
        dialog.open()

    def _settings_loaded(self, settings: ProgrammeSettings) -> None:
        self.timezone = settings.timezone

    def print_pdf(self) -> None:
        industry = self.industry.currentData()
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Print the comparison"),
            self.tr("partner-comparison-{industry}.pdf").format(industry=industry), PDF_FILES,
        )  # fmt: skip
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        db, actor, language = self.db, self.actor, chosen_language()
        self.print_button.setEnabled(False)
        self.status.setText(self.tr("Writing the PDF…"))
        run_in_background(
            lambda: print_comparison(db, actor, industry, Path(path), language),
            lambda written: (self._printed(str(written)), warn_missing_glyphs(self, written)),
            self._print_failed,
        )

    def _printed(self, path: str) -> None:
        self.print_button.setEnabled(True)
        text = self.tr("The comparison was saved to {path}").format(path=path)
        self.status.setText(text)
        offer_folder(self, self.tr("Print PDF"), text, path)

    def _print_failed(self, exc: BaseException) -> None:
        self.print_button.setEnabled(True)
        self.status.setText(message_for(exc))
