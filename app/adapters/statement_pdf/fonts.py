"""The PDFs' fonts: an embeddable CJK TrueType font, else the built-in CID font with a
Latin companion, fonts for rare characters, and drawing text that mixes them.

reportlab reads TrueType outlines only: the OpenType/CFF Noto CJK collections of Linux
distributions are tried but refused, so such a system gets the built-in font.

Rare characters (CJK Extension B and later, as in the names 𠀀明 and 张𰻞) are missing from
the usual Chinese fonts. Text is split per character (:func:`font_spans`, used by
:func:`markup`, :func:`text_width` and :func:`draw_text`, so by the statement, the tier
benefit matrix and the voucher slip alike): what the main font lacks is set in the first
font of :data:`RARE_FILES` that has it (SimSun-ExtB on Windows, BabelStone Han or Hanazono
on Linux), else in any TrueType font fontconfig names for it. A character no font has is
printed as "□" and recorded in the document's :class:`Fonts` (:meth:`Fonts.for_document`):
the PDFs print them in their footer and the writers return them
(:attr:`WrittenPdf.missing_glyphs`) for the caller to show.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from app.adapters.statement_pdf.labels import MINUS

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
# Fonts for rare characters the main font lacks (CJK Extension B and later), tried per
# character in this order. Windows ships the first three (SimSun-ExtB, SimSun-ExtG on
# Windows 11, MingLiU-ExtB); Debian/Ubuntu: fonts-babelstone-han (Extensions B to H, with
# 𰻞), fonts-hanazono (Extensions B to F). Only TrueType outlines, as for the main font.
RARE_FILES: tuple[tuple[str, int], ...] = (
    ("simsunb.ttf", 0),
    ("SimsunExtG.ttf", 0),
    ("mingliub.ttc", 0),
    ("BabelStoneHan.ttf", 0),
    ("HanaMinA.ttf", 0),
    ("HanaMinB.ttf", 0),
    ("Jigmo.ttf", 0),
    ("Jigmo2.ttf", 0),
    ("Jigmo3.ttf", 0),
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
    # The main font's characters (code points); None: the built-in CID font, taken to have
    # the Basic Multilingual Plane (readers substitute it, so it cannot be checked).
    coverage: Container[int] | None = field(default=None, compare=False, repr=False)
    rare: RareFonts | None = field(default=None, compare=False, repr=False)
    # Characters no font has, in order of appearance: recorded by a document's own copy
    # (for_document), not by the shared one register_fonts returns.
    missing: dict[str, None] | None = field(default=None, compare=False, repr=False)

    @property
    def mixed(self) -> bool:
        return self.latin != self.regular

    def for_document(self) -> Fonts:
        """A copy that records the characters it cannot show (:attr:`missing_glyphs`)."""
        return replace(self, missing={})

    @property
    def missing_glyphs(self) -> tuple[str, ...]:
        return tuple(self.missing or ())

    def has(self, ch: str) -> bool:
        """Whether the main font has the character."""
        code = ord(ch)
        return code < 0x10000 if self.coverage is None else code in self.coverage

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
    rare_files: tuple[tuple[str, int], ...] = RARE_FILES,
) -> Fonts:
    """Register the PDFs' fonts once per process: an embeddable CJK TrueType font found on
    the system (``dirs``, default :func:`font_dirs`), else the built-in one with an embedded
    Latin companion (else Helvetica); and the fonts of ``rare_files`` found there, loaded
    when a character needs them (with the default ``dirs``, also what fontconfig offers)."""
    names = [n for n, _ in files] + [n for n, _ in BOLD_FILES.values()]
    names += [n for pair in latin_files for n in pair] + [n for n, _ in rare_files]
    found = _find_files(dirs if dirs is not None else font_dirs(), names)
    fonts = _embedded_cjk(files, found) or _built_in_cjk(latin_files, found)
    candidates = tuple(
        (path, index) for name, index in rare_files if (path := found.get(name.casefold()))
    )
    return replace(fonts, rare=RareFonts(candidates, system_lookup=dirs is None))


def _embedded_cjk(files: tuple[tuple[str, int], ...], found: dict[str, Path]) -> Fonts | None:
    """The first CJK TrueType font of ``files`` that loads and has the statement's glyphs,
    with its bold face when there is one."""
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
        glyphs = font.face.charToGlyph
        minus = MINUS if ord(MINUS) in glyphs else "-"
        return Fonts(regular, bold, regular, bold, True, minus=minus, coverage=glyphs)
    return None


def _built_in_cjk(latin_files: tuple[tuple[str, str], ...], found: dict[str, Path]) -> Fonts:
    """reportlab's built-in CID font with the first Latin TrueType pair that loads, else
    Helvetica."""
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


def font_runs(text: str, fonts: Fonts) -> list[tuple[str, bool]]:
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


# --- Rare characters ---------------------------------------------------------------------------

MISSING_MARK = "\u25a1"  # □, where a character no font has would be
# Invisible marks a font may lack without loss: variation selectors, zero-width (non-)joiners
# and spaces, the BOM. Dropped when the main font lacks them, not reported.
_INVISIBLE = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef\u200b-\u200d\u2060\ufeff]")


class RareFonts:
    """The fonts tried for characters the main font lacks, loaded and registered on first
    need (most documents have none) and shared by the threads that draw PDFs."""

    def __init__(self, candidates: Sequence[tuple[Path, int]], system_lookup: bool = False):
        self._candidates = list(candidates)
        self._system_lookup = system_lookup
        self._fonts: list[tuple[str, Container[int]]] | None = None
        self._tried: set[tuple[str, int]] = set()
        self._chosen: dict[str, str | None] = {}
        self._lock = threading.Lock()

    def font_for(self, ch: str) -> str | None:
        """The registered name of a font with the character, None when none has it."""
        try:
            return self._chosen[ch]
        except KeyError:
            pass
        with self._lock:
            if self._fonts is None:
                self._fonts = []
                for path, index in self._candidates:
                    self._load(path, index)
            name = next((n for n, glyphs in self._fonts if ord(ch) in glyphs), None)
            if name is None and self._system_lookup:
                for path, index in _fontconfig_files(ch):
                    name = self._load(path, index, ch)
                    if name is not None:
                        break
            self._chosen[ch] = name
            return name

    def _load(self, path: Path, index: int, needed: str = "") -> str | None:
        key = (str(path), index)
        if key in self._tried:
            return None
        self._tried.add(key)
        name = f"LoyaltyRare-{path.stem.replace(' ', '')}-{index}"
        font = _load_ttf(name, path, index, needed)
        if font is None:
            return None
        assert self._fonts is not None
        self._fonts.append((name, font.face.charToGlyph))
        return name


def _fontconfig_files(ch: str) -> list[tuple[Path, int]]:
    """Font files fontconfig lists as having the character (none without fc-list)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listing = subprocess.run(
            [fc_list, "-f", "%{file}\\t%{index}\\n", f":charset={ord(ch):x}"],
            capture_output=True, text=True, timeout=10, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    files: list[tuple[Path, int]] = []
    for line in sorted(set(listing.stdout.splitlines())):
        path, _tab, index = line.partition("\t")
        if path.lower().endswith((".ttf", ".ttc")) and index.isdigit():
            files.append((Path(path), int(index)))
    return files


def _main_or_rare(text: str, fonts: Fonts, main: str) -> list[tuple[str, str]]:
    """(segment, font) pieces of non-Latin text: the main font where it has the characters,
    else a rare-character font; characters no font has become □ and are recorded."""
    if all(fonts.has(ch) or ch < " " for ch in text):
        return [(text, main)]
    spans: list[tuple[str, str]] = []
    for ch in text:
        font = main
        if not fonts.has(ch) and ch >= " ":
            rare = fonts.rare.font_for(ch) if fonts.rare is not None else None
            if rare is not None:
                font = rare
            elif _INVISIBLE.match(ch):
                continue
            else:
                if fonts.missing is not None:
                    fonts.missing.setdefault(ch)
                ch = MISSING_MARK if fonts.has(MISSING_MARK) else "?"
        if spans and spans[-1][1] == font:
            spans[-1] = (spans[-1][0] + ch, font)
        else:
            spans.append((ch, font))
    return spans


def font_spans(text: str, fonts: Fonts, bold: bool = False) -> list[tuple[str, str]]:
    """(segment, registered font name) pieces of ``text``, each drawn in its own font: Latin
    runs in the Latin font (with the built-in CID font), what the main font lacks in a font
    for rare characters, characters no font has as □ (recorded in ``fonts.missing``)."""
    main = fonts.bold if bold else fonts.regular
    latin = fonts.latin_bold if bold else fonts.latin
    spans: list[tuple[str, str]] = []
    for seg, is_latin in font_runs(text, fonts):
        for piece, font in [(seg, latin)] if is_latin else _main_or_rare(seg, fonts, main):
            if spans and spans[-1][1] == font:
                spans[-1] = (spans[-1][0] + piece, font)
            else:
                spans.append((piece, font))
    return spans


def missing_codes(chars: Iterable[str]) -> str:
    """Characters no font has, by code point for the footer note: "U+20000, U+30EDE"."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in chars)


# --- Drawing -----------------------------------------------------------------------------------


def markup(text: str, fonts: Fonts, bold: bool = False) -> str:
    """Paragraph markup of ``text`` (in a style whose font is the main one, bold if ``bold``)
    with its pieces in other fonts (Latin runs, rare characters) in <font> spans."""
    main = fonts.bold if bold else fonts.regular
    return "".join(
        escape(seg) if font == main else f'<font name="{font}">{escape(seg)}</font>'
        for seg, font in font_spans(text, fonts, bold)
    )


def text_width(text: str, fonts: Fonts, size: float, bold: bool = False) -> float:
    return sum(
        pdfmetrics.stringWidth(seg, font, size) for seg, font in font_spans(text, fonts, bold)
    )


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    fonts: Fonts,
    size: float,
    right: bool = False,
    bold: bool = False,
) -> None:
    """Draw one line in mixed fonts; ``right``: ``x`` is where it ends."""
    spans = font_spans(fonts.clean(text), fonts, bold)
    if right:
        x -= sum(pdfmetrics.stringWidth(seg, font, size) for seg, font in spans)
    for seg, font in spans:
        canvas.setFont(font, size)
        canvas.drawString(x, y, seg)
        x += pdfmetrics.stringWidth(seg, font, size)


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """reportlab's ToUnicode CMap of a font subset, with characters beyond U+FFFF written
    as UTF-16 (a surrogate pair, "<D840DC00>"), as the PDF reference asks: reportlab writes
    "<20000>", and readers then extract 𠀀 as nothing or as a wrong character."""
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ]  # fmt: skip
    return "\n".join(lines)


if "<20000>" in ttfonts.makeToUnicodeCMap("probe", [0x20000]):  # not yet fixed in reportlab
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap


# --- What the writers return -------------------------------------------------------------------

if TYPE_CHECKING:
    _PathBase = Path
else:
    _PathBase = type(Path())  # Python 3.11 cannot subclass Path itself


class WrittenPdf(_PathBase):
    """The path of a written PDF, with the characters it could not show (none: ``()``)."""

    missing_glyphs: tuple[str, ...] = ()


def written_pdf(path: Path, fonts: Fonts) -> WrittenPdf:
    written = WrittenPdf(path)
    written.missing_glyphs = fonts.missing_glyphs
    return written
