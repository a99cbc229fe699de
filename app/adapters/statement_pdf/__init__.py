"""Member points statement (积分对账单) as a PDF, drawn with reportlab.

``write_statement`` takes any object shaped like ``app.services.points.Statement`` (member
number and name, period, opening and closing balance, the period's entries oldest first,
qualifying points at the end of the period, printed-at time, programme name); entries are
shaped like ``EntryRow`` (business date, kind, source, amount, reference, dealer name). The
adapter does not import the services: layers below them must not.

Text: the Qt UI passes its translated labels in ``labels``, keyed like :data:`LABELS` (the
English defaults, marked for translation in the "Statement" context); labels it leaves out
come from the locale's built-in set, Simplified Chinese (:data:`LABELS_ZH`) when ``locale``
starts with "zh", so the CLI prints a Chinese statement without Qt. Kinds and sources are
looked up as ``kind.<code>`` and ``source.<code>``; an unknown code (a new adjustment
reason) is shown as it is.

Chinese needs a CJK font: the first TrueType one found among :data:`FONT_FILES` in the
system's font folders (Microsoft YaHei or SimSun on Windows) is embedded as a subset. Without
one the statement uses reportlab's built-in ``STSong-Light``, which is not embedded (readers
with Chinese support substitute their own Song face), and sets Latin runs (dates, numbers,
document numbers) in an embedded Latin TrueType font (:data:`LATIN_FILES`), else Helvetica.
Rare characters the font lacks (CJK Extension B and later, 𠀀明) are set in a font of
:data:`RARE_FILES`; those no font has print as □, are named in the footer ("以下字符无法显示：
U+20000") and come back as the returned path's ``missing_glyphs``.

Modules: :mod:`.labels` (texts), :mod:`.fonts` (finding, registering and mixing fonts),
:mod:`.layout` (the page), :mod:`.writing` (``write_statement``), :mod:`.shapes` (the input).
"""

from app.adapters.statement_pdf.fonts import (
    BOLD_FILES,
    FALLBACK_FONT,
    FONT_FILES,
    LATIN_FILES,
    RARE_FILES,
    Fonts,
    WrittenPdf,
    font_dirs,
    register_fonts,
)
from app.adapters.statement_pdf.labels import (
    LABELS,
    LABELS_ZH,
    MINUS,
    describe,
    format_points,
    statement_labels,
)
from app.adapters.statement_pdf.shapes import EntryLike, StatementLike
from app.adapters.statement_pdf.writing import DEFAULT_TIMEZONE, PdfWriteError, write_statement

__all__ = [
    "BOLD_FILES",
    "DEFAULT_TIMEZONE",
    "FALLBACK_FONT",
    "FONT_FILES",
    "LABELS",
    "LABELS_ZH",
    "LATIN_FILES",
    "MINUS",
    "EntryLike",
    "Fonts",
    "PdfWriteError",
    "RARE_FILES",
    "StatementLike",
    "WrittenPdf",
    "describe",
    "font_dirs",
    "format_points",
    "register_fonts",
    "statement_labels",
    "write_statement",
]
