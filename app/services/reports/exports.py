"""The monthly report pack as files: the data built once, then an Excel workbook and/or a
signable PDF written from it; what was written is audited (entity "report"), as every export
of the programme's figures is."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.domain.roles import Actor
from app.services.reports.model import MonthlyReport
from app.services.reports.monthly import monthly_report
from app.services.settings.programme import get_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Progress


def export_monthly(
    db: Database,
    actor: Actor,
    month: str,
    dealer_id: int | None = None,
    region: str | None = None,
    xlsx: Path | None = None,
    pdf: Path | None = None,
    language: str = "zh_CN",
    progress: Progress | None = None,
) -> MonthlyReport:
    """The month's report for the scope (checked by :func:`monthly_report`: the month, the
    right to see reports, dealer staff limited to their dealer), written to ``xlsx`` and/or
    ``pdf``; returns it, with its generation time in the programme's time zone. What was
    written is audited, also when the second file then fails; nothing written, nothing
    audited. Raises ExcelWriteError / PdfWriteError when a file cannot be written."""
    report = monthly_report(db, actor, month, dealer_id, region, progress)
    settings = get_settings(db)
    report = dataclasses.replace(
        report, generated_at=local_time(report.generated_at, settings.timezone)
    )
    written: list[str] = []
    try:
        if xlsx is not None:
            from app.adapters.report_workbook import write_monthly_workbook  # openpyxl: on use

            write_monthly_workbook(report, xlsx, language)
            written.append("xlsx")
        if pdf is not None:
            from app.adapters.report_pdf import write_monthly_pdf  # reportlab: on use

            write_monthly_pdf(report, pdf, language, settings.programme_name, report.generated_at)
            written.append("pdf")
    finally:
        if written:
            audit_export(db, actor, report, written)
    return report


def audit_export(db: Database, actor: Actor, report: MonthlyReport, files: list[str]) -> None:
    scope = report.scope
    key = scope.dealer_code or scope.region or "network"
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "report", f"monthly:{scope.month}:{key}", "export",
            after={"export": "monthly_report", "month": scope.month, "scope": scope.kind,
                   "dealer": scope.dealer_code, "region": scope.region, "files": files,
                   "checks_failed": [c.code for c in report.checks],
                   "closing_points": report.points.closing},
        )  # fmt: skip
        uow.commit()


def local_time(moment: datetime, timezone: str) -> datetime:
    """An aware time in the programme's time zone, as every printed document shows times."""
    return moment.astimezone(ZoneInfo(timezone)) if moment.tzinfo else moment
