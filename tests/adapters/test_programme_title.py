"""Documents print the programme's name; the untouched default "Loyalty Desk" shows as the
product's Chinese name 会员管理台 on Chinese documents, a name the programme chose as it is."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.adapters import statement_pdf as sp
from app.adapters.benefit_pdfs.matrix_pdf import write_matrix
from app.adapters.benefit_pdfs.voucher_slip import write_voucher_slip
from app.adapters.points_receipt_pdf import write_points_receipt
from app.adapters.statement_pdf.labels import programme_title
from app.services.settings.programme import ProgrammeSettings
from tests.adapters.test_benefit_pdfs_matrix import Matrix, pdf_text
from tests.adapters.test_points_receipt_pdf import Receipt
from tests.adapters.test_statement_pdf import Stmt, text_of
from tests.adapters.test_voucher_slip import Slip


@pytest.mark.parametrize(
    ("name", "language", "shown"),
    [
        ("Loyalty Desk", "zh_CN", "会员管理台"),
        (" Loyalty Desk ", "zh", "会员管理台"),
        ("Loyalty Desk", "en", "Loyalty Desk"),
        ("星辰汽车车主俱乐部", "zh_CN", "星辰汽车车主俱乐部"),
        ("Star Club", "zh_CN", "Star Club"),
        ("loyalty desk", "zh_CN", "loyalty desk"),  # named so on purpose: kept
        ("", "zh_CN", ""),
        (None, "en", ""),
    ],
)
def test_programme_title(name, language, shown):
    assert programme_title(name, language) == shown


def test_the_default_is_the_settings_default():
    assert ProgrammeSettings().programme_name == "Loyalty Desk"


def squeezed(text: str) -> str:
    return "".join(text.split())  # CJK text comes back from pdftotext with spaces of its own


def test_a_chinese_statement_shows_the_chinese_name_for_the_default(tmp_path):
    default = sp.write_statement(Stmt(programme_name="Loyalty Desk"), tmp_path / "d.pdf")
    assert "会员管理台" in squeezed(text_of(default))
    assert "Loyalty Desk" not in text_of(default)
    english = sp.write_statement(
        Stmt(programme_name="Loyalty Desk"), tmp_path / "e.pdf", None, "en"
    )
    assert "Loyalty Desk" in text_of(english)
    named = sp.write_statement(Stmt(programme_name="星辰汽车车主俱乐部"), tmp_path / "n.pdf")
    text = squeezed(text_of(named))
    assert "星辰汽车车主俱乐部" in text and "会员管理台" not in text


def test_the_receipt_slip_and_matrix_too(tmp_path):
    receipt = write_points_receipt(
        replace(Receipt(), programme_name="Loyalty Desk"), tmp_path / "r.pdf"
    )
    slip = write_voucher_slip(replace(Slip(), programme_name="Loyalty Desk"), tmp_path / "s.pdf")
    matrix = write_matrix(Matrix([]), tmp_path / "m.pdf", "zh_CN", programme="Loyalty Desk")
    for pdf in (receipt, slip, matrix):
        text = squeezed(pdf_text(pdf))
        assert "会员管理台" in text and "LoyaltyDesk" not in text, pdf.name
    named = write_voucher_slip(replace(Slip(), programme_name="Star Club"), tmp_path / "n.pdf")
    assert "Star Club" in pdf_text(named)
