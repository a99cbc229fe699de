"""Rare characters in names (CJK Extension B and later: 𠀀明, 张𰻞) in the PDFs: set in a
font that has them, or printed as □ and named in the footer and the writers' return value."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from app.adapters import statement_pdf as sp
from app.adapters.benefit_pdfs import matrix_pdf, voucher_slip
from app.adapters.statement_pdf import fonts as spf
from tests.adapters.test_benefit_pdfs_matrix import Item, seeded
from tests.adapters.test_statement_pdf import Entry, Stmt, entries, need, text_of
from tests.adapters.test_voucher_slip import Slip

EXT_B, EXT_G = "\U00020000", "\U00030ede"  # 𠀀 (Extension B), 𰻞 (Extension G, biáng)
NAMES = f"{EXT_B}明 张{EXT_G}"
RARE_FONT_DIRS = [
    Path("/usr/share/fonts/truetype/babelstone"),  # fonts-babelstone-han: B to H
    Path("/usr/share/fonts/truetype/hanazono"),  # fonts-hanazono: B to F
]


@pytest.fixture
def no_rare_fonts(tmp_path) -> sp.Fonts:
    """The built-in CID font alone: no font of the system has Extension B or G."""
    return sp.register_fonts((tmp_path / "none",), latin_files=())


def pdf_fonts(pdf: Path) -> str:
    return subprocess.run([need("pdffonts"), str(pdf)], capture_output=True, text=True).stdout


def test_characters_no_font_has_print_as_a_mark_named_in_the_footer(tmp_path, no_rare_fonts):
    stmt = Stmt(entries(3) + [Entry(date(2025, 5, 1), "earn", "service", 5, "R", f"{EXT_B}记")],
                name=NAMES)  # fmt: skip
    written = sp.write_statement(stmt, tmp_path / "s.pdf", fonts=no_rare_fonts)
    assert isinstance(written, Path) and written == tmp_path / "s.pdf"
    assert written.missing_glyphs == (EXT_B, EXT_G)  # each once, in order of appearance
    text = text_of(written)
    assert "□明 张□" in text and "□记" in text  # not dropped silently
    assert "以下字符无法显示：U+20000, U+30EDE" in text
    english = sp.write_statement(stmt, tmp_path / "en.pdf", locale="en", fonts=no_rare_fonts)
    assert "These characters cannot be shown (no font has them): U+20000, U+30EDE" in text_of(
        english
    )
    assert no_rare_fonts.missing is None  # the shared fonts record nothing themselves


def test_a_statement_without_rare_characters_has_no_note(tmp_path, no_rare_fonts):
    written = sp.write_statement(Stmt(entries(3)), tmp_path / "s.pdf", fonts=no_rare_fonts)
    assert written.missing_glyphs == ()
    assert "以下字符" not in text_of(written)


def test_a_font_with_the_rare_characters_is_used(tmp_path):
    found = [d for d in RARE_FONT_DIRS if d.is_dir()]
    if not found:
        pytest.skip("no font with CJK Extension B (fonts-babelstone-han, fonts-hanazono)")
    fonts = sp.register_fonts((Path("/usr/share/fonts"),))
    written = sp.write_statement(Stmt(entries(3), name=f"{EXT_B}明"), tmp_path / "s.pdf",
                                 fonts=fonts)  # fmt: skip
    assert written.missing_glyphs == ()
    text = text_of(written)
    assert f"{EXT_B}明" in text and "以下字符" not in text  # extracted too (ToUnicode fixed)
    assert any(name in pdf_fonts(written) for name in ("BabelStoneHan", "HanaMin"))


def test_font_spans_split_by_the_font_that_has_each_character(tmp_path):
    rare = next((d / f for d in RARE_FONT_DIRS for f in ("BabelStoneHan.ttf", "HanaMinA.ttf")
                 if (d / f).is_file()), None)  # fmt: skip
    if rare is None:
        pytest.skip("no font with CJK Extension B")
    base = sp.register_fonts((tmp_path / "none",), latin_files=())
    fonts = replace(base, rare=spf.RareFonts([(rare, 0)])).for_document()
    spans = spf.font_spans(f"AB{EXT_B}明", fonts)
    assert [seg for seg, _font in spans] == ["AB", EXT_B, "明"]
    assert spans[0][1] == "Helvetica" and spans[2][1] == sp.FALLBACK_FONT
    assert spans[1][1].startswith("LoyaltyRare-") and fonts.missing_glyphs == ()
    widths = [pdfmetrics.stringWidth(seg, font, 10) for seg, font in spans]
    assert spf.text_width(f"AB{EXT_B}明", fonts, 10) == sum(widths)
    assert f'<font name="{spans[1][1]}">{EXT_B}</font>' in spf.markup(f"AB{EXT_B}明", fonts)


def test_invisible_marks_a_font_lacks_are_dropped_not_reported(no_rare_fonts):
    fonts = no_rare_fonts.for_document()
    variation = "\U000e0100"  # an ideographic variation selector after 明
    assert spf.font_spans(f"明{variation}", fonts) == [("明", sp.FALLBACK_FONT)]
    assert fonts.missing_glyphs == ()
    assert spf.font_spans("A\n明", fonts)[-1] == ("\n明", sp.FALLBACK_FONT)  # controls pass


def test_the_matrix_and_the_slip_report_them_too(tmp_path, no_rare_fonts):
    matrix = seeded()
    matrix.items.append(Item(99, f"{EXT_B}记洗车", 100))
    written = matrix_pdf.write_matrix(matrix, tmp_path / "m.pdf", fonts=no_rare_fonts)
    assert written.missing_glyphs == (EXT_B,)
    assert "以下字符无法显示：U+20000" in text_of(written)
    slip = Slip(member_name=f"张{EXT_G}", benefit_name=f"{EXT_B}记洗车")
    written = voucher_slip.write_voucher_slip(slip, tmp_path / "v.pdf", fonts=no_rare_fonts)
    assert written.missing_glyphs == (EXT_B, EXT_G)
    assert "以下字符无法显示：U+20000, U+30EDE" in text_of(written)
    assert "张□" in text_of(written)
