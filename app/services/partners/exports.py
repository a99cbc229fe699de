"""Partner files: the comparison (横比) of an industry as a printable PDF, and the monthly
settlement as an Excel workbook and/or a PDF of statements (audited, as every export of the
programme's accounts is)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain import partners as rules
from app.domain.roles import Actor
from app.services.partners.evaluation import compare
from app.services.partners.registry import PartnerFilter, list_partners
from app.services.partners.settlement import Settlement, settlement
from app.services.settings.programme import get_settings
from app.services.shared import audit
from app.services.shared.database import Database


def print_comparison(
    db: Database, actor: Actor, industry: str, path: Path, language: str = "zh_CN"
) -> Path:
    """The industry's comparison as a PDF (A4 landscape) at ``path``; returns the path (a
    ``WrittenPdf``: its ``missing_glyphs`` are the characters no font could show). Not
    audited, as the printed benefit matrix is not: it shows what every role may see."""
    from app.adapters.partner_pdfs.comparison_pdf import write_comparison  # reportlab: on use

    comparison = compare(db, actor, industry)  # checks the permission and the industry
    settings = get_settings(db)
    reasons = _shortlist_reasons(db, actor, industry, language)
    return write_comparison(
        comparison, path, language, programme=settings.programme_name,
        printed_at=_local_now(db, settings.timezone), reasons=reasons,
    )  # fmt: skip


def _shortlist_reasons(
    db: Database, actor: Actor, industry: str, language: str
) -> list[tuple[str, str]]:
    """(partner, reason) of the industry's partners admitted with fewer compared than the
    shortlist size (terminated ones left out, as the comparison leaves them out)."""
    rows = list_partners(db, actor, PartnerFilter(industry=industry))
    template = "{name}（{code}）" if language.lower().startswith("zh") else "{name} ({code})"
    return [
        (template.format(name=row.name, code=row.code), row.shortlist_reason)
        for row in rows
        if row.shortlist_reason and row.status != rules.PartnerStatus.TERMINATED
    ]


def export_settlement(
    db: Database,
    actor: Actor,
    month: str,
    partner_id: int | None,
    xlsx: Path | None,
    pdf: Path | None,
    language: str = "zh_CN",
) -> Settlement:
    """The month's settlement (of one partner, or of every partner with something to settle)
    computed once and written to ``xlsx`` and/or ``pdf``; returns it. What was written is
    audited (entity "partner": the partner's code, or "export" for all of them), also when
    the second file then fails; nothing written, nothing audited."""
    from app.adapters.partner_pdfs.settlement_pdf import write_settlement  # reportlab: on use
    from app.adapters.partner_workbooks import write_settlement_workbook  # openpyxl: on use

    result = settlement(db, actor, month, partner_id)  # checks the month, partner and right
    written: list[str] = []
    try:
        if xlsx is not None:
            write_settlement_workbook(result, xlsx, language)
            written.append("xlsx")
        if pdf is not None:
            settings = get_settings(db)
            write_settlement(
                result, pdf, language, programme=settings.programme_name,
                printed_at=_local_now(db, settings.timezone),
            )  # fmt: skip
            written.append("pdf")
    finally:
        if written:
            _audit_export(db, actor, result, partner_id, written)
    return result


def _audit_export(
    db: Database, actor: Actor, result: Settlement, partner_id: int | None, files: list[str]
) -> None:
    single = partner_id is not None and len(result.partners) == 1
    key = result.partners[0].partner_code if single else "export"
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "partner", key, "export",
            after={"export": "settlement", "month": result.month, "files": files,
                   "partners": [p.partner_code for p in result.partners],
                   "amount_fen": result.amount_fen, "rebate_fen": result.rebate_fen,
                   "total_fen": result.total_fen},
        )  # fmt: skip
        uow.commit()


def _local_now(db: Database, timezone: str) -> datetime:
    now = db.clock()
    return now.astimezone(ZoneInfo(timezone)) if now.tzinfo else now
