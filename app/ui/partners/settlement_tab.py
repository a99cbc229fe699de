"""The monthly settlement (结算) with partners: per partner, each benefit's redemptions and
write-offs at the agreed unit cost, the rebate at the end of a rebate period and the total;
all partners' total last. Exported to Excel or PDF in a worker, then the folder is offered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services import settings as programme
from app.services.partners import registry, settlement
from app.services.partners.settlement import PartnerSettlement, Rebate, Settlement
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.common import ERROR_COLOUR, MUTED, offer_folder
from app.ui.partners.labels import payment_name, period_name, permille_text, status_name
from app.ui.partners.service_levels_tab import MonthEdit, previous_month
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language, format_int, format_yuan
from app.ui.shared.tables import RIGHT, make_table
from app.ui.shared.worker import run_in_background, run_with_progress

BENEFIT, UNIT_COST, REDEMPTIONS, WRITE_OFFS, AMOUNT = range(5)
PDF = "PDF (*.pdf)"
PARTNER_BACKGROUND = "#e8eef5"
# The kinds of row in the statement: a partner's heading, a benefit line, a note, a rebate,
# a partner's total and the total of all partners.
HEADING, LINE, NOTE, REBATE, SUBTOTAL, TOTAL = range(6)


class SettlementTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settlement_tab")
        self.db, self.actor = db, actor
        self.statement: Settlement | None = None
        self._generation = 0
        self.month = MonthEdit("settlement_month")
        self.month.setEnabled(False)  # until the programme's today is known
        self.month.dateChanged.connect(lambda _d: self.reload())
        self.partner = QComboBox()
        self.partner.setObjectName("settlement_partner")
        self.partner.addItem(self.tr("All partners"), None)
        self.partner.setMinimumContentsLength(18)
        self.partner.currentIndexChanged.connect(lambda _i: self.reload())
        self.export_xlsx = QPushButton(self.tr("Export Excel…"))
        self.export_xlsx.setObjectName("export_settlement_xlsx")
        self.export_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_pdf.setObjectName("export_settlement_pdf")
        self.export_pdf.clicked.connect(lambda: self.export("pdf"))
        self.table = make_table(
            "settlement_table",
            [self.tr("Benefit"), self.tr("Unit cost"), self.tr("Redemptions"),
             self.tr("Write-offs"), self.tr("Amount")],
            stretch=BENEFIT,
        )  # fmt: skip
        self.table.setWordWrap(False)
        self.total = QLabel(self.tr("Loading…"))
        self.total.setObjectName("settlement_total")
        self.total.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("settlement_message")
        self.message.setWordWrap(True)
        self.message.hide()
        note = QLabel(
            self.tr(
                "Redemptions: vouchers issued in the month and not cancelled, billed at the "
                "unit cost agreed when each was issued. Write-offs are shown for reference. A "
                "rebate is settled in the last month of its period."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        for part in (self.tr("Month"), self.month, self.tr("Partner"), self.partner):
            top.addWidget(QLabel(part) if isinstance(part, str) else part)
        top.addStretch(1)
        top.addWidget(self.export_xlsx)
        top.addWidget(self.export_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.message)
        layout.addWidget(note)
        on_change(self, {Area.PARTNERS, Area.BENEFITS, Area.SETTINGS}, self.reload)
        self._update_buttons()
        run_in_background(lambda: self._choices(db, actor), self._start, self._failed)

    # the statement ---------------------------------------------------------------------------

    @staticmethod
    def _choices(db: Database, actor: Actor):
        return programme.get_settings(db), registry.list_partners(db, actor)

    def _start(self, loaded) -> None:
        settings, partners = loaded
        self.partner.blockSignals(True)
        for row in partners:
            self.partner.addItem(f"{row.name} ({row.code})", row.id)
        self.partner.blockSignals(False)
        self.month.blockSignals(True)
        self.month.set_month(previous_month(today_in(self.db, settings.timezone)))
        self.month.blockSignals(False)
        self.month.setEnabled(True)
        self.reload()

    def reload(self) -> None:
        if not self.month.isEnabled():
            return
        self._generation += 1
        generation, month, partner_id = self._generation, self.month.month(), self.partner_id()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: settlement.settlement(db, actor, month, partner_id),
            lambda statement: self._show(generation, statement),
            self._failed,
        )

    def partner_id(self) -> int | None:
        return self.partner.currentData()

    def _show(self, generation: int, statement: Settlement) -> None:
        if generation != self._generation:
            return
        self.statement = statement
        rows = statement_rows(statement)
        self.table.clearSpans()
        self.table.setRowCount(len(rows))
        for r, (kind, cells) in enumerate(rows):
            self._fill_row(r, kind, cells)
        if statement.partners:
            text = self.tr(
                "{month}: billed {amount}, rebates {rebate}, to settle {total}; partners: {n}."
            ).format(
                month=statement.month, amount=format_yuan(statement.amount_fen),
                rebate=format_yuan(statement.rebate_fen), total=format_yuan(statement.total_fen),
                n=format_int(len(statement.partners)),
            )  # fmt: skip
        else:
            text = self.tr("{month}: no partner to settle.").format(month=statement.month)
        self.total.setText(text)
        self._update_buttons()

    def _fill_row(self, r: int, kind: int, cells: list[str]) -> None:
        bold = QFont(self.table.font())
        bold.setBold(True)
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c != BENEFIT:
                item.setTextAlignment(RIGHT)
            if kind in (HEADING, SUBTOTAL, TOTAL):
                item.setFont(bold)
            if kind == HEADING:
                item.setBackground(QBrush(QColor(PARTNER_BACKGROUND)))
            if kind == NOTE:
                item.setForeground(QBrush(QColor(MUTED)))
            self.table.setItem(r, c, item)
        if kind in (HEADING, NOTE):
            self.table.setSpan(r, 0, 1, len(cells))

    def _failed(self, exc: BaseException) -> None:
        self.total.setText(message_for(exc))

    def _update_buttons(self) -> None:
        ready = self.statement is not None and bool(self.statement.partners)
        self.export_xlsx.setEnabled(ready)
        self.export_pdf.setEnabled(ready)

    # export ----------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        if self.statement is None:
            return
        month, partner_id = self.statement.month, self.partner_id()
        title = self.tr("Export Excel") if kind == "xlsx" else self.tr("Export PDF")
        default = self.tr("partner-settlement_{month}.{ext}").format(month=month, ext=kind)
        path, _ = QFileDialog.getSaveFileName(self, title, default, XLSX if kind == "xlsx" else PDF)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        target, language, db, actor = Path(path), chosen_language(), self.db, self.actor

        def write(_progress):
            from app.services.partners.exports import export_settlement  # written alongside

            xlsx, pdf = (target, None) if kind == "xlsx" else (None, target)
            return export_settlement(db, actor, month, partner_id, xlsx, pdf, language)

        self.export_xlsx.setEnabled(False)
        self.export_pdf.setEnabled(False)
        self._say("")
        progress = run_with_progress(
            self,
            self.tr("Exporting the settlement of {month}…").format(month=month),
            write,
            lambda _statement: self._exported(title, month, path),
            self._export_failed,
            cancellable=False,
        )
        progress.setObjectName("settlement_export_progress")

    def _exported(self, title: str, month: str, path: str) -> None:
        self._update_buttons()
        text = self.tr("The settlement of {month} was saved to {path}").format(
            month=month, path=path
        )
        self._say(text)
        offer_folder(self, title, text, path)

    def _export_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        self._say(message_for(exc), error=True)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))


# --- the rows of a statement -------------------------------------------------------------------


def statement_rows(statement: Settlement) -> list[tuple[int, list[str]]]:
    """The statement as table rows (kind, five cells), partner after partner, then the total."""
    rows: list[tuple[int, list[str]]] = []
    for partner in statement.partners:
        rows.extend(partner_rows(partner))
    if statement.partners:
        everyone = QCoreApplication.translate("SettlementTab", "All partners")
        rows.append((TOTAL, [
            everyone, "", format_int(sum(p.redemptions for p in statement.partners)),
            format_int(sum(p.write_offs for p in statement.partners)),
            format_yuan(statement.total_fen),
        ]))  # fmt: skip
    return rows


def partner_rows(partner: PartnerSettlement) -> list[tuple[int, list[str]]]:
    heading = [f"{partner.partner_name} ({partner.partner_code})", status_name(partner.status)]
    heading += [payment_name(code) for code in partner.payment]
    rows: list[tuple[int, list[str]]] = [(HEADING, [" · ".join(heading), "", "", "", ""])]
    for line in partner.lines:
        rows.append((LINE, [
            f"{line.benefit_name} ({line.benefit_code})", format_yuan(line.unit_cost_fen),
            format_int(line.redemptions), format_int(line.write_offs),
            format_yuan(line.amount_fen),
        ]))  # fmt: skip
    if not partner.lines:
        rows.append(
            (
                NOTE,
                [
                    QCoreApplication.translate(
                        "SettlementTab", "No redemptions or write-offs in the month."
                    ),
                    "",
                    "",
                    "",
                    "",
                ],
            )
        )
    rows.extend((REBATE, [rebate_text(rebate), "", "", "", format_yuan(-rebate.rebate_fen)])
                for rebate in partner.rebates)  # fmt: skip
    total = QCoreApplication.translate("SettlementTab", "Total {code}")
    rows.append((SUBTOTAL, [
        total.format(code=partner.partner_code), "",
        format_int(partner.redemptions), format_int(partner.write_offs),
        format_yuan(partner.total_fen),
    ]))  # fmt: skip
    return rows


def rebate_text(rebate: Rebate) -> str:
    """ "Rebate (Quarterly 2026-01 – 2026-03): ¥12,000.00 billed, target ¥10,000.00, 5%"."""
    months = rebate.months[0] if len(rebate.months) == 1 else (
        f"{rebate.months[0]} – {rebate.months[-1]}"
    )  # fmt: skip
    text = QCoreApplication.translate(
        "SettlementTab", "Rebate ({period} {months}): {billed} billed, target {target}, {rate}"
    )
    return text.format(
        period=period_name(rebate.period), months=months,
        billed=format_yuan(rebate.period_amount_fen), target=format_yuan(rebate.target_fen),
        rate=permille_text(rebate.rebate_permille),
    )  # fmt: skip
