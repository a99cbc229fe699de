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
reportlab reads TrueType outlines only: the OpenType/CFF Noto CJK collections of Linux
distributions are tried but refused, so such a system gets the built-in font.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Protocol
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.adapters.files import save_atomically
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP

DEFAULT_TIMEZONE = "Asia/Shanghai"  # the programme's default; aware printed-at times shown in it
MINUS = "\u2212"  # a real minus sign: "−120", not a hyphen

# --- Input shapes ----------------------------------------------------------------------------


class EntryLike(Protocol):
    @property
    def business_date(self) -> date: ...
    @property
    def kind(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def amount(self) -> int: ...
    @property
    def reference(self) -> str | None: ...
    @property
    def dealer_name(self) -> str | None: ...


class StatementLike(Protocol):
    @property
    def member_number(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def start(self) -> date: ...
    @property
    def end(self) -> date: ...
    @property
    def opening(self) -> int: ...
    @property
    def closing(self) -> int: ...
    @property
    def entries(self) -> Iterable[EntryLike]: ...
    @property
    def qualifying_closing(self) -> int: ...
    @property
    def printed_at(self) -> datetime: ...
    @property
    def programme_name(self) -> str: ...


class PdfWriteError(LoyaltyError):
    """The PDF could not be written (typically: the file is open in a PDF viewer)."""


_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Errors",
    "Cannot write {path} ({reason}); if it is open in a PDF viewer, close it and try again.",
)


# --- Labels ----------------------------------------------------------------------------------
# Built-in English and Chinese sets (not Qt translations: the CLI prints statements too).

LABELS: dict[str, str] = {
    "title": "Points statement",
    "member": "Member",
    "period": "Period",
    "period_range": "{start} to {end}",
    "printed_at": "Printed",
    "col_date": "Date",
    "col_description": "Description",
    "col_reference": "Reference",
    "col_dealer": "Dealer",
    "col_points": "Points",
    "col_balance": "Balance",
    "opening": "Opening balance",
    "closing": "Closing balance",
    "no_entries": "No points were earned or used in this period.",
    "total_in": "Points credited",
    "total_out": "Points debited",
    "qualifying": "Qualifying points at the end of the period",
    "qualifying_note": (
        "Qualifying points count towards the membership tier; they cannot be redeemed."
    ),
    "page": "Page {page} of {pages}",
    "kind.earn": "Earned",
    "kind.redeem": "Used",
    "kind.adjust": "Adjustment",
    "kind.reverse": "Reversal",
    "kind.expire": "Expired",
    "source.service": "Service",
    "source.purchase": "Vehicle purchase",
    "source.sign_in": "Sign-in",
    "source.share": "Share",
    "source.major_event": "Major event",
    "source.birthday": "Birthday",
    "source.referral": "Referral",
    "source.new_binding": "New account binding",
    "source.labour": "Labour",
    "source.parts": "Parts",
    "source.merge": "Member merge",
    "source.expiry": "Expiry",
    "source.redemption": "Redemption",
    "source.initial": "Initial points",
    # The adjustment reasons the database starts with; others show their code.
    "source.goodwill": "Goodwill gesture",
    "source.system_error": "Correction of a system error",
    "source.missed_earning": "Missed earning",
    "source.duplicate_earning": "Duplicate earning",
    "source.complaint": "Complaint settlement",
}

LABELS_ZH: dict[str, str] = {
    "title": "积分对账单",
    "member": "会员",
    "period": "对账期间",
    "period_range": "{start} 至 {end}",
    "printed_at": "打印时间",
    "col_date": "日期",
    "col_description": "摘要",
    "col_reference": "单据号",
    "col_dealer": "经销商",
    "col_points": "积分",
    "col_balance": "余额",
    "opening": "期初余额",
    "closing": "期末余额",
    "no_entries": "本期无积分变动。",
    "total_in": "本期增加",
    "total_out": "本期减少",
    "qualifying": "期末成长值",
    "qualifying_note": "成长值用于评定会员等级，不可用于兑换。",
    "page": "第 {page} 页，共 {pages} 页",
    "kind.earn": "获得",
    "kind.redeem": "使用",
    "kind.adjust": "调整",
    "kind.reverse": "冲正",
    "kind.expire": "过期",
    "source.service": "售后维修",
    "source.purchase": "购车",
    "source.sign_in": "签到",
    "source.share": "分享",
    "source.major_event": "重大活动",
    "source.birthday": "生日礼遇",
    "source.referral": "推荐",
    "source.new_binding": "新用户绑定",
    "source.labour": "抵扣工时费",
    "source.parts": "抵扣配件费",
    "source.merge": "会员合并",
    "source.expiry": "积分过期",
    "source.initial": "初始积分",
    "source.redemption": "权益兑换",
    "source.goodwill": "客户关怀",
    "source.system_error": "系统错误更正",
    "source.missed_earning": "漏计积分补录",
    "source.duplicate_earning": "重复积分冲减",
    "source.complaint": "投诉处理",
}

# Kind and source saying the same thing: "Expired", not "Expired · Expiry".
_SELF_EXPLANATORY = frozenset({("expire", "expiry")})


def statement_labels(
    labels: Mapping[str, str] | None = None, locale: str = "zh_CN"
) -> dict[str, str]:
    """The locale's built-in labels with the caller's ``labels`` laid over them key by key."""
    merged = dict(LABELS_ZH if locale.lower().startswith("zh") else LABELS)
    merged.update(labels or {})
    return merged


def describe(kind: str, source: str | None, labels: Mapping[str, str]) -> str:
    """An entry's description: "Earned · Service"; unknown codes are shown as they are."""
    kind_text = labels.get(f"kind.{kind}", kind)
    source_text = labels.get(f"source.{source}", source) if source else ""
    if not source_text or source_text == kind_text or (kind, source) in _SELF_EXPLANATORY:
        return kind_text
    return f"{kind_text} · {source_text}"


def format_points(points: int, signed: bool = False, minus: str = MINUS) -> str:
    """Thousands separators and a real minus sign; ``signed`` shows "+" on credits too."""
    text = f"{points:+,}" if signed and points else f"{points:,}"
    return text.replace("-", minus)


def _fill(template: str, **params: object) -> str:
    """A label with its placeholders filled; a translation that broke them stays readable."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return " ".join([template, *(str(v) for v in params.values())])


# --- Fonts -----------------------------------------------------------------------------------

# (file name, subfont index in a collection), preferred first. Windows ships the first two;
# the Noto collections hold Japanese, Korean, Simplified Chinese (index 2), ... faces.
FONT_FILES: tuple[tuple[str, int], ...] = (
    ("msyh.ttc", 0),  # Microsoft YaHei
    ("msyh.ttf", 0),  # Windows 7
    ("simhei.ttf", 0),
    ("simsun.ttc", 0),
    ("NotoSansCJK-Regular.ttc", 2),  # CFF outlines: reportlab refuses these (see above)
    ("NotoSansCJKsc-Regular.otf", 0),
    ("NotoSansSC-Regular.ttf", 0),
    ("NotoSerifCJK-Regular.ttc", 2),
    ("wqy-microhei.ttc", 0),
    ("wqy-zenhei.ttc", 0),
    ("DroidSansFallbackFull.ttf", 0),
    ("uming.ttc", 0),
    ("Arial Unicode.ttf", 0),  # macOS
)
BOLD_FILES: dict[str, tuple[str, int]] = {
    "msyh.ttc": ("msyhbd.ttc", 0),
    "msyh.ttf": ("msyhbd.ttf", 0),
    "NotoSansCJK-Regular.ttc": ("NotoSansCJK-Bold.ttc", 2),
    "NotoSerifCJK-Regular.ttc": ("NotoSerifCJK-Bold.ttc", 2),
    "NotoSansSC-Regular.ttf": ("NotoSansSC-Bold.ttf", 0),
}
# Latin companions of the built-in CID font, regular and bold: embedded, they make digits
# and document numbers look the same in every reader. Helvetica when none is found.
LATIN_FILES: tuple[tuple[str, str], ...] = (
    ("arial.ttf", "arialbd.ttf"),
    ("Arial.ttf", "Arial Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
)
FALLBACK_FONT = "STSong-Light"
FONT_PROBE = "积分对账单会员号期末余额"  # a CJK font without these glyphs is no use
LATIN_PROBE = "0123456789+-,.:ABCXYZabcxyz"
# Besides ASCII, what the Latin font sets when it has the glyph (not the CID font, which
# lacks U+00B7, the dot in 阿卜杜·热合曼, and the minus sign).
_LATIN_EXTRA = "\u00b7\u2013" + MINUS


def font_dirs() -> list[Path]:
    """Folders where the operating system and the user keep fonts."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT") or r"C:\Windows")
        dirs = [windir / "Fonts"]
        if local := os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")  # per-user installs
        return dirs
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
    ]


def _find_files(dirs: Iterable[Path], names: Iterable[str]) -> dict[str, Path]:
    """The first path of each wanted file name (case-insensitive) under ``dirs``."""
    wanted = {n.casefold() for n in names}
    found: dict[str, Path] = {}
    for folder in dirs:
        for root, _dirs, files in os.walk(folder):
            for file in files:
                key = file.casefold()
                if key in wanted and key not in found:
                    found[key] = Path(root) / file
    return found


@dataclass(frozen=True)
class Fonts:
    """Registered reportlab font names for the statement.

    With the built-in CID font, runs of Latin text (dates, numbers, document numbers,
    English words) are set in a Latin font: the CID font's Latin glyphs are not embedded
    either, and readers draw them with other widths, so they overlap or gape.
    """

    regular: str
    bold: str
    latin: str  # for Latin runs; the same as regular for an embedded CJK font
    latin_bold: str
    embedded: bool  # False: the built-in CID font, which readers substitute
    latin_chars: str = ""  # non-ASCII characters set in the Latin font
    minus: str = MINUS  # "–" when no font has a minus sign

    @property
    def mixed(self) -> bool:
        return self.latin != self.regular

    def clean(self, text: str) -> str:
        """Characters no font of the statement has replaced by look-alikes."""
        if self.embedded or "\u00b7" in self.latin_chars:
            return text.replace(MINUS, self.minus)
        return text.replace(MINUS, self.minus).replace("\u00b7", "\u30fb")


def _load_ttf(name: str, path: Path | None, index: int, probe: str) -> TTFont | None:
    if path is None:
        return None
    try:
        font = TTFont(name, str(path), subfontIndex=index)
    except Exception:  # TTFError, OSError, struct errors on damaged files: try the next one
        return None
    glyphs = font.face.charToGlyph
    if not all(ord(ch) in glyphs for ch in probe):
        return None
    pdfmetrics.registerFont(font)
    return font


@lru_cache(maxsize=4)
def register_fonts(
    dirs: tuple[Path, ...] | None = None,
    files: tuple[tuple[str, int], ...] = FONT_FILES,
    latin_files: tuple[tuple[str, str], ...] = LATIN_FILES,
) -> Fonts:
    """Register the statement's fonts once per process: an embeddable CJK TrueType font
    found on the system (``dirs``, default :func:`font_dirs`), else the built-in one with
    an embedded Latin companion (else Helvetica)."""
    names = [n for n, _ in files] + [n for n, _ in BOLD_FILES.values()]
    names += [n for pair in latin_files for n in pair]
    found = _find_files(dirs if dirs is not None else font_dirs(), names)
    for file_name, index in files:
        regular = "LoyaltyCJK-" + Path(file_name).stem.replace(" ", "")
        font = _load_ttf(regular, found.get(file_name.casefold()), index, FONT_PROBE)
        if font is None:
            continue
        bold = regular
        if file_name in BOLD_FILES:
            bold_name, bold_index = BOLD_FILES[file_name]
            if _load_ttf(f"{regular}-Bold", found.get(bold_name.casefold()), bold_index, ""):
                bold = f"{regular}-Bold"
        minus = MINUS if ord(MINUS) in font.face.charToGlyph else "-"
        return Fonts(regular, bold, regular, bold, True, minus=minus)
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    for regular_file, bold_file in latin_files:
        latin = "LoyaltyLatin-" + Path(regular_file).stem.replace(" ", "")
        font = _load_ttf(latin, found.get(regular_file.casefold()), 0, LATIN_PROBE)
        if font is None:
            continue
        latin_bold = latin
        if _load_ttf(f"{latin}-Bold", found.get(bold_file.casefold()), 0, LATIN_PROBE):
            latin_bold = f"{latin}-Bold"
        glyphs = font.face.charToGlyph
        extra = "".join(ch for ch in _LATIN_EXTRA if ord(ch) in glyphs)
        minus = MINUS if MINUS in extra else "\u2013"
        return Fonts(FALLBACK_FONT, FALLBACK_FONT, latin, latin_bold, False, extra, minus)
    # Helvetica's encoding (WinAnsi) has the middle dot and the en dash, no minus sign.
    return Fonts(
        FALLBACK_FONT, FALLBACK_FONT, "Helvetica", "Helvetica-Bold", False, "\u00b7\u2013",
        "\u2013",
    )  # fmt: skip


@lru_cache(maxsize=8)
def _latin_run(extra: str) -> re.Pattern[str]:
    return re.compile(f"[\\x20-\\x7e{re.escape(extra)}]+")


def _runs(text: str, fonts: Fonts) -> list[tuple[str, bool]]:
    """(segment, is Latin) pieces of ``text``: one piece unless the fonts are mixed."""
    if not fonts.mixed:
        return [(text, False)] if text else []
    runs: list[tuple[str, bool]] = []
    pos = 0
    for match in _latin_run(fonts.latin_chars).finditer(text):
        if match.start() > pos:
            runs.append((text[pos : match.start()], False))
        runs.append((match.group(), True))
        pos = match.end()
    if pos < len(text):
        runs.append((text[pos:], False))
    return runs


def _markup(text: str, fonts: Fonts, bold: bool = False) -> str:
    """Paragraph markup of ``text`` with its ASCII runs in the Latin font."""
    latin = fonts.latin_bold if bold else fonts.latin
    return "".join(
        f'<font name="{latin}">{escape(seg)}</font>' if is_latin else escape(seg)
        for seg, is_latin in _runs(text, fonts)
    )


def _text_width(text: str, fonts: Fonts, size: float, bold: bool = False) -> float:
    total = 0.0
    for seg, is_latin in _runs(text, fonts):
        if is_latin:
            font = fonts.latin_bold if bold else fonts.latin
        else:
            font = fonts.bold if bold else fonts.regular
        total += pdfmetrics.stringWidth(seg, font, size)
    return total


def _draw(
    canvas: Canvas, x: float, y: float, text: str, fonts: Fonts, size: float, right: bool = False
) -> None:
    """Draw one line in mixed fonts; ``right``: ``x`` is where it ends."""
    text = fonts.clean(text)
    if right:
        x -= _text_width(text, fonts, size)
    for seg, is_latin in _runs(text, fonts):
        font = fonts.latin if is_latin else fonts.regular
        canvas.setFont(font, size)
        canvas.drawString(x, y, seg)
        x += pdfmetrics.stringWidth(seg, font, size)


# --- Layout ----------------------------------------------------------------------------------

PAGE = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 15 * mm, 22 * mm, 18 * mm
# Date, description, reference, dealer, points, balance: 180 mm, the A4 width inside margins.
COLUMN_WIDTHS = (21 * mm, 43 * mm, 33 * mm, 39 * mm, 20 * mm, 24 * mm)
LATIN_COLUMNS = (0, 2, 4, 5)  # mostly ASCII: the Latin font with the built-in CJK font
RIGHT_COLUMNS = (4, 5)
TABLE_SIZE, TABLE_LEADING = 8.5, 10.5
CELL_PADDING = 3  # points, each side (reportlab's default for tables)
_GREY = colors.HexColor("#666666")
_RULE = colors.HexColor("#BBBBBB")
_HEAD_FILL = colors.HexColor("#E4E8EE")
_BAND_FILL = colors.HexColor("#F5F6F8")
_TOTAL_FILL = colors.HexColor("#EEF1F5")


@dataclass
class _Context:
    """What the flowables and the page decorations need."""

    fonts: Fonts
    labels: dict[str, str]
    programme: str
    member: str
    printed: str
    styles: dict[str, ParagraphStyle]

    def points(self, value: int, signed: bool = False) -> str:
        return format_points(value, signed, self.fonts.minus)

    def cell(
        self, text: str | None, width: float, style: str, latin: bool = False, right: bool = False
    ) -> object:
        """A table cell: plain text when it fits on one line in the column's font (fast),
        else a paragraph that wraps and switches fonts. ``latin``: the column's font is the
        Latin one; ``right``: the column is right-aligned."""
        fonts, st = self.fonts, self.styles[style + ("_right" if right else "")]
        text = fonts.clean(text or "")
        bold = style == "head"
        runs = _runs(text, fonts)
        single = len(runs) <= 1 and (not runs or runs[0][1] == latin or not fonts.mixed)
        if single and "\n" not in text:
            if latin and fonts.mixed:
                font = fonts.latin_bold if bold else fonts.latin
            else:
                font = fonts.bold if bold else fonts.regular
            if pdfmetrics.stringWidth(text, font, st.fontSize) <= width - 2 * CELL_PADDING:
                return text
        return Paragraph(_markup(text, fonts, bold), self._wrapping(st, text))

    def para(self, text: str, style: str) -> Paragraph:
        text, st = self.fonts.clean(text), self.styles[style]
        return Paragraph(_markup(text, self.fonts, style == "title"), self._wrapping(st, text))

    def _wrapping(self, st: ParagraphStyle, text: str) -> ParagraphStyle:
        """Text without CJK wraps between words (long words still split); CJK text anywhere."""
        if any(ord(ch) >= _CJK_START for ch in text):
            return st
        name = st.name + "_words"
        if name not in self.styles:
            self.styles[name] = ParagraphStyle(name, st, wordWrap=None)
        return self.styles[name]


_CJK_START = 0x2E80  # CJK radicals, punctuation, kana, ideographs, full-width forms and up


def _styles(fonts: Fonts) -> dict[str, ParagraphStyle]:
    # CJK wrapping breaks anywhere: long document numbers and Chinese text both fit.
    base = ParagraphStyle("base", fontName=fonts.regular, fontSize=9, leading=12, wordWrap="CJK")
    return {
        "programme": ParagraphStyle("programme", base, fontSize=10, leading=14, textColor=_GREY),
        "title": ParagraphStyle("title", base, fontName=fonts.bold, fontSize=18, leading=24),
        "info": base,
        "cell": ParagraphStyle("cell", base, fontSize=TABLE_SIZE, leading=TABLE_LEADING),
        "head": ParagraphStyle(
            "head", base, fontName=fonts.bold, fontSize=TABLE_SIZE, leading=TABLE_LEADING
        ),
        "head_right": ParagraphStyle(
            "head_right",
            base,
            fontName=fonts.bold,
            fontSize=TABLE_SIZE,
            leading=TABLE_LEADING,
            alignment=TA_RIGHT,
        ),
        "note": ParagraphStyle(
            "note", base, fontSize=8, leading=11, textColor=_GREY, alignment=TA_RIGHT
        ),
    }


def _local_time(moment: datetime, zone: str | tzinfo | None) -> datetime:
    if moment.tzinfo is None or zone is None:
        return moment
    return moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)


def _header_block(st: StatementLike, ctx: _Context) -> list[Flowable]:
    labels, fonts = ctx.labels, ctx.fonts
    period = _fill(labels["period_range"], start=st.start.isoformat(), end=st.end.isoformat())
    rows = [
        (labels["member"], ctx.member),
        (labels["period"], period),
        (labels["printed_at"], ctx.printed),
    ]
    label_width = max(_text_width(fonts.clean(r[0]), fonts, 9) for r in rows) + 4 * mm
    label_width = min(label_width, 60 * mm)
    value_width = sum(COLUMN_WIDTHS) - label_width
    info = Table(
        [[ctx.cell(a, label_width, "info"), ctx.para(b, "info")] for a, b in rows],
        colWidths=(label_width, value_width),
        hAlign="LEFT",
    )
    info.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.regular, 9),
                ("TEXTCOLOR", (0, 0), (0, -1), _GREY),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    blocks: list[Flowable] = []
    if ctx.programme:
        blocks.append(ctx.para(ctx.programme, "programme"))
    blocks += [ctx.para(labels["title"], "title"), Spacer(0, 3 * mm), info, Spacer(0, 5 * mm)]
    return blocks


def _entries_table(st: StatementLike, ctx: _Context) -> tuple[LongTable, int, int]:
    """The entries between an opening and a closing row; returns (table, credits, debits)."""
    labels, fonts, widths = ctx.labels, ctx.fonts, COLUMN_WIDTHS
    head_keys = ("col_date", "col_description", "col_reference", "col_dealer", "col_points",
                 "col_balance")  # fmt: skip
    data: list[list[object]] = [
        [ctx.cell(labels[k], w, "head", i in LATIN_COLUMNS, i in RIGHT_COLUMNS)
         for i, (k, w) in enumerate(zip(head_keys, widths, strict=True))],
        [st.start.isoformat(), ctx.cell(labels["opening"], widths[1], "cell"), "", "", "",
         ctx.points(st.opening)],
    ]  # fmt: skip
    balance, credits, debits = st.opening, 0, 0
    for entry in st.entries:
        amount = int(entry.amount)
        balance += amount
        if amount > 0:
            credits += amount
        else:
            debits -= amount
        data.append(
            [
                entry.business_date.isoformat(),
                ctx.cell(describe(entry.kind, entry.source, labels), widths[1], "cell"),
                ctx.cell(entry.reference, widths[2], "cell", latin=True),
                ctx.cell(entry.dealer_name, widths[3], "cell"),
                ctx.points(amount, signed=True),
                ctx.points(balance),
            ]
        )
    empty = len(data) == 2
    if empty:
        data.append(["", ctx.cell(labels["no_entries"], sum(widths[1:]), "cell"), "", "", "", ""])
    data.append(
        [st.end.isoformat(), ctx.cell(labels["closing"], widths[1], "cell"), "", "", "",
         ctx.points(st.closing)]
    )  # fmt: skip
    last = len(data) - 1
    size, leading = TABLE_SIZE, TABLE_LEADING
    style: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), fonts.regular, size, leading),
        *(("FONT", (c, 0), (c, -1), fonts.latin, size, leading) for c in LATIN_COLUMNS),
        ("FONT", (0, 0), (-1, 0), fonts.bold, size, leading),
        *(("FONT", (c, 0), (c, 0), fonts.latin_bold, size, leading) for c in LATIN_COLUMNS),
        ("FONT", (5, 1), (5, 1), fonts.latin_bold, size, leading),
        ("FONT", (5, last), (5, last), fonts.latin_bold, size, leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (4, 0), (5, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("ROWBACKGROUNDS", (0, 2), (-1, last - 1), [colors.white, _BAND_FILL]),
        ("BACKGROUND", (0, 1), (-1, 1), _TOTAL_FILL),
        ("BACKGROUND", (0, last), (-1, last), _TOTAL_FILL),
        ("LINEBELOW", (0, 1), (-1, last - 2), 0.25, _RULE),
        ("LINEABOVE", (0, last), (-1, last), 0.8, colors.black),
        ("LINEBELOW", (0, last), (-1, last), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if empty:
        style += [("SPAN", (1, 2), (-1, 2)), ("TEXTCOLOR", (1, 2), (-1, 2), _GREY)]
    table = LongTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table, credits, debits


def _summary(st: StatementLike, ctx: _Context, credits: int, debits: int) -> list[Flowable]:
    labels, fonts = ctx.labels, ctx.fonts
    rows = [
        (labels["opening"], ctx.points(st.opening)),
        (labels["total_in"], ctx.points(credits, signed=True)),
        (labels["total_out"], ctx.points(-debits, signed=True)),
        (labels["closing"], ctx.points(st.closing)),
        (labels["qualifying"], ctx.points(st.qualifying_closing)),
    ]
    value_width = 28 * mm
    widest = max(_text_width(fonts.clean(r[0]), fonts, 9) for r in rows) + 2 * CELL_PADDING
    label_width = min(max(40 * mm, widest), sum(COLUMN_WIDTHS) - value_width)
    table = Table(
        [[ctx.cell(a, label_width, "info"), b] for a, b in rows],
        colWidths=(label_width, value_width),
        hAlign="RIGHT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), fonts.regular, 9),
                ("FONT", (1, 0), (1, -1), fonts.latin, 9),
                ("FONT", (1, 3), (1, 4), fonts.latin_bold, 9),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEABOVE", (0, 3), (-1, 3), 0.8, colors.black),
                ("LINEABOVE", (0, 4), (-1, 4), 0.25, _RULE),
                ("BACKGROUND", (0, 4), (-1, 4), _TOTAL_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    note = ctx.para(labels["qualifying_note"], "note")
    return [Spacer(0, 5 * mm), KeepTogether([table, Spacer(0, 2 * mm), note])]


def _decorate(canvas: Canvas, ctx: _Context, first: bool) -> None:
    """A running header on the pages after the first, a rule and the printed-at time at the
    foot of every page; page numbers come once the document is complete (_numbered_canvas)."""
    width, height = PAGE
    fonts = ctx.fonts
    canvas.saveState()
    canvas.setFillColor(_GREY)
    canvas.setStrokeColor(_RULE)
    canvas.setLineWidth(0.5)
    if not first:
        top = height - MARGIN_TOP + 8 * mm
        title = " · ".join(p for p in (ctx.programme, ctx.labels["title"]) if p)
        _draw(canvas, MARGIN_X, top, title, fonts, 8)
        _draw(canvas, width - MARGIN_X, top, ctx.member, fonts, 8, right=True)
        canvas.line(MARGIN_X, top - 2 * mm, width - MARGIN_X, top - 2 * mm)
    bottom = MARGIN_BOTTOM - 9 * mm
    canvas.line(MARGIN_X, bottom + 4 * mm, width - MARGIN_X, bottom + 4 * mm)
    _draw(canvas, MARGIN_X, bottom, f"{ctx.labels['printed_at']} {ctx.printed}", fonts, 8)
    canvas.restoreState()


def _numbered_canvas(ctx: _Context) -> type[Canvas]:
    """A canvas that holds its pages until the end, then writes "page x of y" on each."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any):
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            x, y = PAGE[0] - MARGIN_X, MARGIN_BOTTOM - 9 * mm
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                self.setFillColor(_GREY)
                text = _fill(ctx.labels["page"], page=number, pages=total)
                _draw(self, x, y, text, ctx.fonts, 8, right=True)
                super().showPage()
            super().save()

    return NumberedCanvas


# --- Writing ---------------------------------------------------------------------------------


def write_statement(
    statement: StatementLike,
    path: str | os.PathLike[str],
    labels: Mapping[str, str] | None = None,
    locale: str = "zh_CN",
    *,
    timezone: str | tzinfo | None = DEFAULT_TIMEZONE,
    fonts: Fonts | None = None,
) -> Path:
    """Render the statement to ``path`` (replaced atomically) and return the path.

    ``labels`` (keys of :data:`LABELS`) override the built-in labels of ``locale``. An aware
    ``printed_at`` is shown in ``timezone`` (None: as given); a naive one as it is.
    ``fonts``: default :func:`register_fonts`. Raises :class:`PdfWriteError` when the file
    cannot be written.
    """
    path = Path(path)
    fonts = fonts or register_fonts()
    merged = statement_labels(labels, locale)
    printed = _local_time(statement.printed_at, timezone).strftime("%Y-%m-%d %H:%M")
    member = f"{statement.member_number}  {statement.name}".strip()
    programme = statement.programme_name or ""
    ctx = _Context(fonts, merged, programme, member, printed, _styles(fonts))
    table, credits, debits = _entries_table(statement, ctx)
    story = [*_header_block(statement, ctx), table, *_summary(statement, ctx, credits, debits)]
    period = _fill(
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
            onFirstPage=lambda canvas, _doc: _decorate(canvas, ctx, first=True),
            onLaterPages=lambda canvas, _doc: _decorate(canvas, ctx, first=False),
            canvasmaker=_numbered_canvas(ctx),
        )

    save_atomically(path, build, PdfWriteError, _WRITE_FAILED)
    return path
