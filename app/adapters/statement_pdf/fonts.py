"""The statement's fonts: an embeddable CJK TrueType font, else the built-in CID font with a
Latin companion, and drawing text that mixes the two.

reportlab reads TrueType outlines only: the OpenType/CFF Noto CJK collections of Linux
distributions are tried but refused, so such a system gets the built-in font.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
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
    return _embedded_cjk(files, found) or _built_in_cjk(latin_files, found)


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
        minus = MINUS if ord(MINUS) in font.face.charToGlyph else "-"
        return Fonts(regular, bold, regular, bold, True, minus=minus)
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


def markup(text: str, fonts: Fonts, bold: bool = False) -> str:
    """Paragraph markup of ``text`` with its ASCII runs in the Latin font."""
    latin = fonts.latin_bold if bold else fonts.latin
    return "".join(
        f'<font name="{latin}">{escape(seg)}</font>' if is_latin else escape(seg)
        for seg, is_latin in font_runs(text, fonts)
    )


def text_width(text: str, fonts: Fonts, size: float, bold: bool = False) -> float:
    total = 0.0
    for seg, is_latin in font_runs(text, fonts):
        if is_latin:
            font = fonts.latin_bold if bold else fonts.latin
        else:
            font = fonts.bold if bold else fonts.regular
        total += pdfmetrics.stringWidth(seg, font, size)
    return total


def draw_text(
    canvas: Canvas, x: float, y: float, text: str, fonts: Fonts, size: float, right: bool = False
) -> None:
    """Draw one line in mixed fonts; ``right``: ``x`` is where it ends."""
    text = fonts.clean(text)
    if right:
        x -= text_width(text, fonts, size)
    for seg, is_latin in font_runs(text, fonts):
        font = fonts.latin if is_latin else fonts.regular
        canvas.setFont(font, size)
        canvas.drawString(x, y, seg)
        x += pdfmetrics.stringWidth(seg, font, size)
