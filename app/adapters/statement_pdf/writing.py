"""Rendering a statement to a PDF file, replaced atomically."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO
from zoneinfo import ZoneInfo

from reportlab.platypus import SimpleDocTemplate

from app.adapters.files import save_atomically
from app.adapters.statement_pdf.fonts import Fonts, WrittenPdf, register_fonts, written_pdf
from app.adapters.statement_pdf.labels import fill_label, programme_title, statement_labels
from app.adapters.statement_pdf.layout import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE,
    LayoutContext,
    decorate_page,
    entries_table,
    header_block,
    numbered_canvas,
    paragraph_styles,
    summary_block,
)
from app.adapters.statement_pdf.shapes import StatementLike
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP

DEFAULT_TIMEZONE = "Asia/Shanghai"  # the programme's default; aware printed-at times shown in it


class PdfWriteError(LoyaltyError):
    """The PDF could not be written (typically: the file is open in a PDF viewer)."""


PDF_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "Cannot write {path} ({reason}); if it is open in a PDF viewer, close it and try again.",
)


def write_statement(
    statement: StatementLike,
    path: str | os.PathLike[str],
    labels: Mapping[str, str] | None = None,
    locale: str = "zh_CN",
    *,
    timezone: str | tzinfo | None = DEFAULT_TIMEZONE,
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the statement to ``path`` (replaced atomically) and return the path, with the
    characters no font has (printed as □, named in the footer) as its ``missing_glyphs``.

    ``labels`` (keys of :data:`LABELS`) override the built-in labels of ``locale``. An aware
    ``printed_at`` is shown in ``timezone`` (None: as given); a naive one as it is.
    ``fonts``: default :func:`register_fonts`. Raises :class:`PdfWriteError` when the file
    cannot be written.
    """
    path = Path(path)
    fonts = (fonts or register_fonts()).for_document()
    merged = statement_labels(labels, locale)
    printed = local_time(statement.printed_at, timezone).strftime("%Y-%m-%d %H:%M")
    member = f"{statement.member_number}  {statement.name}".strip()
    programme = programme_title(statement.programme_name, locale)
    ctx = LayoutContext(fonts, merged, programme, member, printed, paragraph_styles(fonts))
    table, credits, debits = entries_table(statement, ctx)
    story = [*header_block(statement, ctx), table, *summary_block(statement, ctx, credits, debits)]
    period = fill_label(
        merged["period_range"], start=statement.start.isoformat(), end=statement.end.isoformat()
    )

    def build(target: IO[bytes]) -> None:
        doc = SimpleDocTemplate(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{merged['title']} {statement.member_number}",
            author=programme,
            subject=f"{statement.name} {period}",
            creator="Loyalty Desk",
        )
        doc.build(
            story,
            onFirstPage=lambda canvas, _doc: decorate_page(canvas, ctx, first=True),
            onLaterPages=lambda canvas, _doc: decorate_page(canvas, ctx, first=False),
            canvasmaker=numbered_canvas(ctx),
        )

    save_atomically(path, build, PdfWriteError, PDF_WRITE_FAILED)
    return written_pdf(path, fonts)


def local_time(moment: datetime, zone: str | tzinfo | None) -> datetime:
    """``moment`` in the programme's time zone, as every printed document shows times."""
    if moment.tzinfo is None or zone is None:
        return moment
    return moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)
