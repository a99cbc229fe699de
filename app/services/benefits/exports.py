"""Benefit files: the orders list as an Excel workbook (audited, as every export of members'
data is) and the tier benefit matrix as a printable PDF."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from app.domain.roles import Actor, Permission, require
from app.services.benefits.matrix import read_matrix
from app.services.benefits.orders import OrderFilter, iter_orders, list_orders
from app.services.settings.programme import get_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Progress

Language = Literal["zh_CN", "en"]
PROGRESS_EVERY = 500  # rows between progress reports (and cancel checks)


def export_orders(
    db: Database,
    actor: Actor,
    path: Path,
    filters: OrderFilter | None = None,
    language: Language = "zh_CN",
    progress: Progress | None = None,
) -> int:
    """Every order matching ``filters`` (as the orders screen lists them, masked as it masks
    them) to an .xlsx; returns the rows written. ``progress`` hears every few hundred rows
    and may cancel (nothing is written then)."""
    from app.adapters.benefit_workbooks import write_orders  # the writer: on first use

    require(actor, Permission.VIEW_MEMBERS)
    filters = filters or OrderFilter()
    total = list_orders(db, actor, filters, limit=1).total if progress else 0

    def on_row(count: int) -> None:
        if progress is not None and (count % PROGRESS_EVERY == 0 or count == total):
            progress.report(count, total)

    count = write_orders(iter_orders(db, actor, filters), path, language, on_row)
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "member", "export", "export",
            after={"list": "benefit_orders", "rows": count, **_filter_view(filters)},
        )  # fmt: skip
        uow.commit()
    return count


def _filter_view(filters: OrderFilter) -> dict:
    view = {
        "member": filters.member or None,
        "benefit_id": filters.benefit_id,
        "dealer_id": filters.dealer_id,
        "status": filters.status,
        "issued_from": filters.issued_from.isoformat() if filters.issued_from else None,
        "issued_to": filters.issued_to.isoformat() if filters.issued_to else None,
    }
    return {key: value for key, value in view.items() if value is not None}


def print_matrix(db: Database, actor: Actor, path: Path, language: Language = "zh_CN") -> Path:
    """The tier benefit matrix in force as a PDF (A4 landscape) at ``path``."""
    from app.adapters.benefit_pdfs.matrix_pdf import write_matrix  # reportlab: on first use

    matrix = read_matrix(db, actor)  # checks the permission
    settings = get_settings(db)
    printed_at = _local_now(db, settings.timezone)
    return write_matrix(
        matrix, path, language, programme=settings.programme_name, printed_at=printed_at
    )


def _local_now(db: Database, timezone: str) -> datetime:
    now = db.clock()
    return now.astimezone(ZoneInfo(timezone)) if now.tzinfo else now
