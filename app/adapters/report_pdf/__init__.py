"""The monthly report pack as a signable A4 PDF (reportlab): :func:`write_monthly_pdf`."""

from __future__ import annotations

import os
from datetime import datetime
from typing import Any

from app.adapters.report_pack.build import build_pack
from app.adapters.report_pack.layout import language_of
from app.adapters.report_pdf.document import write_pack_pdf
from app.adapters.statement_pdf.fonts import Fonts, WrittenPdf, register_fonts
from app.adapters.statement_pdf.labels import programme_title


def write_monthly_pdf(
    report: Any,
    path: str | os.PathLike[str],
    language: str = "zh_CN",
    programme: str = "",
    printed_at: datetime | None = None,
    *,
    fonts: Fonts | None = None,
) -> WrittenPdf:
    """Render the ``MonthlyReport`` to ``path`` (replaced atomically); returns the path with
    the characters no font has as ``missing_glyphs``. ``printed_at`` (default: the report's
    ``generated_at``) is shown as it is. Raises PdfWriteError when it cannot be written."""
    lang = language_of(language)
    moment = printed_at or report.generated_at
    pack = build_pack(report, lang, programme_title(programme, lang),
                      moment.strftime("%Y-%m-%d %H:%M"))  # fmt: skip
    return write_pack_pdf(pack, path, (fonts or register_fonts()).for_document(), lang)
