"""The partner PDFs read back with poppler: the comparison (A4 landscape: table, overridden
admission in red, radar legend, the shortlist note) and the settlement statements (A4
portrait: one per partner numbered on its own, the lines' header repeated on every page,
rebate and totals, the summary page)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from app.adapters.partner_pdfs.common import permille_text, yuan
from app.adapters.partner_pdfs.comparison_pdf import weights_text, write_comparison
from app.adapters.partner_pdfs.settlement_pdf import LABELS, rebate_text, write_settlement
from app.adapters.statement_pdf.fonts import register_fonts
from app.adapters.statement_pdf.writing import PdfWriteError
from app.domain.partners import FACTORS
from app.services.partners.evaluation import ComparedPartner, Comparison
from app.services.partners.settlement import (
    PartnerSettlement,
    Rebate,
    Settlement,
    SettlementLine,
)
from tests.adapters.test_benefit_pdfs_matrix import need, pages, pdf_text

PRINTED = datetime(2026, 4, 1, 9, 30)
NAMES = ["北京悦榕庄温泉酒店有限公司", "上海锦江国际旅行社", "携程商旅", "华住酒店集团", "首旅如家"]


def page_texts(pdf: Path) -> list[str]:
    return pdf_text(pdf).split("\f")[:-1]  # pdftotext ends every page with a form feed


def squeezed(text: str) -> str:
    """Without spaces: the layout mode spaces out some runs ("第 1 页" or "第1页")."""
    return "".join(text.split())


def a4(pdf: Path) -> tuple[int, bool]:
    """The page count, and whether the pages are A4 landscape (else portrait)."""
    count, size = pages(pdf)
    width, _x, height = size.split()[:3]
    assert "(A4)" in size
    return count, float(width) > float(height)


def red_pixels(pdf: Path, tmp_path: Path) -> int:
    """Strong red pixels on the first page (the override's text)."""
    prefix = tmp_path / "page"
    subprocess.run([need("pdftoppm"), "-r", "60", "-f", "1", "-l", "1", "-png", str(pdf),
                    str(prefix)], check=True)  # fmt: skip
    (png,) = tmp_path.glob("page*.png")
    data = Image.open(png).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 150 and g < 70 and b < 70)


# --- comparison ---------------------------------------------------------------------------------


def compared(count: int, overridden: int | None = None) -> Comparison:
    partners = tuple(
        ComparedPartner(
            i + 1, f"P{i + 1:03d}", NAMES[i % len(NAMES)], "evaluating",
            {f.value: (i + j) % 5 + 1 for j, f in enumerate(FACTORS)}, 450 - 40 * i, i + 1,
            i != overridden, i == overridden,
        )
        for i in range(count)
    )  # fmt: skip
    return Comparison("travel", partners, 5, {f.value: 1 for f in FACTORS})


def test_comparison_in_chinese_with_an_override_in_red(tmp_path):
    pdf = tmp_path / "横比.pdf"
    written = write_comparison(compared(5, overridden=1), pdf, "zh_CN", programme="Loyalty Desk",
                               printed_at=PRINTED)  # fmt: skip
    assert written == pdf and written.missing_glyphs == ()
    assert a4(pdf) == (2, True)  # landscape, the radar on page 2
    first, second = page_texts(pdf)
    assert "会员管理台" in first and "异业合作伙伴横比" in first
    assert "行业：旅游出行" in first and "参与横比 5 家" in first
    assert "现行权重：品牌价值 1 (14%)" in first and "（等权）" in first
    for name in NAMES[1:]:
        assert name in first
    assert "北京悦榕庄温泉酒店有限" in first  # wrapped in its cell
    assert "总部特批准入" in first and "4.50" in first and "2.90" in first
    assert "少于初选名单" not in first  # five compared: enough
    assert "评估雷达图" in second and "1. 北京悦榕庄温泉酒店有限公司 (4.50)" in second
    assert "行业地位" in second  # the spokes
    assert "第2页/共2页" in squeezed(second) and "打印时间2026-04-0109:30" in squeezed(second)
    assert red_pixels(pdf, tmp_path) > 20


def test_without_an_override_nothing_is_red(tmp_path):
    pdf = tmp_path / "plain.pdf"
    write_comparison(compared(5), pdf, "zh_CN")
    assert "总部特批" not in pdf_text(pdf)
    assert red_pixels(pdf, tmp_path) == 0


def test_too_few_compared_prints_the_recorded_reasons(tmp_path):
    pdf = tmp_path / "few.pdf"
    reasons = [("携程商旅（P003）", "本地仅三家具备资质的旅行社。")]
    write_comparison(compared(3), pdf, "zh_CN", reasons=reasons)
    text = pdf_text(pdf)
    assert "本行业仅 3 家参与横比，少于初选名单要求的 5 家。" in text
    assert "携程商旅（P003）：本地仅三家具备资质的旅行社。" in text
    write_comparison(compared(2), pdf, "zh_CN")
    assert "尚未记录原因" in pdf_text(pdf)


def test_comparison_in_english_and_with_nobody_scored(tmp_path):
    pdf = tmp_path / "en.pdf"
    write_comparison(compared(2, overridden=0), pdf, "en", programme="Loyalty Desk")
    text = pdf_text(pdf)
    assert "Partner comparison" in text and "Industry: Travel" in text
    assert "Failed · HQ override" in text and "Resource" in text
    assert "Only 2 partners of this industry were compared" in text
    assert "Loyalty Desk" in text
    write_comparison(Comparison("dining", (), 5, {f.value: 1 for f in FACTORS}), pdf, "zh_CN")
    assert pages(pdf)[0] == 1 and "本行业还没有已评分的合作伙伴。" in pdf_text(pdf)


def test_weights_text_gives_each_share():
    weights = {f.value: 1 for f in FACTORS} | {"brand_value": 4}
    text = weights_text(weights, "en")
    assert text.startswith("Brand value 4 (40%) · Member equivalents 1 (10%)")
    assert "(equal)" not in text


def test_characters_no_font_has_are_named(tmp_path):
    pdf = tmp_path / "rare.pdf"
    comparison = compared(1)
    odd = replace(comparison.partners[0], name="悦榕\U000f0001庄")
    written = write_comparison(replace(comparison, partners=(odd,)), pdf, "zh_CN")
    assert written.missing_glyphs == ("\U000f0001",)
    assert "U+F0001" in pdf_text(pdf)


# --- settlement ---------------------------------------------------------------------------------


def line(i: int) -> SettlementLine:
    return SettlementLine(i, f"SPA{i:03d}", f"温泉水疗体验券 {i} 号", 3_000 + 150 * i, 5 + i, i % 4)


def statement(code: str, name: str, lines: tuple, rebates: tuple = ()) -> PartnerSettlement:
    return PartnerSettlement(1, code, name, "91110000100000001W", "active", "2026-03",
                             ("postpaid",), lines, rebates)  # fmt: skip


QUARTER = Rebate(1, "quarter", ("2026-01", "2026-02", "2026-03"), 6_000_000, 5_000_000, 50,
                 300_000)  # fmt: skip


def test_one_partner_statement(tmp_path):
    pdf = tmp_path / "结算单.pdf"
    spa = statement("SPA01", NAMES[0], (line(0), line(1)), (QUARTER,))
    written = write_settlement(Settlement("2026-03", (spa,)), pdf, "zh_CN",
                               programme="Loyalty Desk", printed_at=PRINTED)  # fmt: skip
    assert written.missing_glyphs == ()
    assert a4(pdf) == (1, False)  # portrait, no summary page
    text = pdf_text(pdf)
    assert "异业合作结算单" in text and "北京悦榕庄温泉酒店有限公司（SPA01）" in text
    assert "91110000100000001W" in text and "后付" in text
    assert "2026-03（2026-03-01 至 2026-03-31）" in text
    assert "¥30.00" in text and "¥31.50" in text  # unit costs
    assert "¥150.00" in text and "¥189.00" in text and "¥339.00" in text  # 5 × 30, 6 × 31.50
    assert "返利（季度，2026-01 至 2026-03，3/3 个月）" in text and "返利比例 5%" in text
    minus = register_fonts().minus  # a real minus sign when the font has one
    assert f"{minus}¥3,000.00" in text  # the rebate, deducted
    assert "应付合计" in text and f"{minus}¥2,661.00" in text  # 339 − 3,000
    assert "制表人" in text and "复核人" in text and "合作伙伴确认（盖章）" in text
    assert "第1页/共1页" in squeezed(text) and "生成时间2026-04-0109:30" in squeezed(text)
    assert "异业合作结算汇总" not in text


def test_a_long_statement_repeats_its_header_and_numbers_each_partner(tmp_path):
    pdf = tmp_path / "all.pdf"
    long = statement("SPA01", NAMES[0], tuple(line(i) for i in range(70)))
    empty = statement("TRV02", NAMES[1], ())
    write_settlement(Settlement("2026-03", (long, empty)), pdf, "zh_CN")
    texts = page_texts(pdf)
    spa_pages = [t for t in texts if "北京悦榕庄温泉酒店有限公司（SPA01）" in t]
    assert len(spa_pages) >= 2
    for number, text in enumerate(spa_pages, start=1):
        assert "权益编码" in text and "单位成本" in text  # the header on every page
        assert f"第{number}页/共{len(spa_pages)}页" in squeezed(text)
    assert "SPA069" in spa_pages[-1] and "小计" in spa_pages[-1]
    (trv,) = [t for t in texts if "上海锦江国际旅行社（TRV02）" in t and "结算单" in t]
    assert "本月没有兑换。" in trv and "第1页/共1页" in squeezed(trv)
    summary = texts[-1]
    total = sum(line(i).amount_fen for i in range(70))
    assert "异业合作结算汇总" in summary and "2 家合作伙伴" in summary
    assert summary.count(yuan(total)) >= 2  # the partner's row and the total row


def test_settlement_in_english(tmp_path):
    pdf = tmp_path / "en.pdf"
    spa = statement("SPA01", NAMES[0], (line(2),), (replace(QUARTER, rebate_fen=0),))
    write_settlement(Settlement("2026-03", (spa,)), pdf, "en")
    text = pdf_text(pdf)
    assert "Partner settlement statement" in text and "Total payable" in text
    assert "Redemptions" in text and "Write-offs" in text and "Postpaid" in text
    assert "target not reached" in text and "Page 1 of 1" in text


def test_no_partner_to_settle_prints_the_summary_only(tmp_path):
    pdf = tmp_path / "none.pdf"
    write_settlement(Settlement("2026-03", ()), pdf, "zh_CN")
    assert pages(pdf)[0] == 1 and "本月没有需要结算的合作伙伴。" in pdf_text(pdf)


def test_a_file_that_cannot_be_written_is_an_error(tmp_path):
    with pytest.raises(PdfWriteError):
        write_settlement(Settlement("2026-03", ()), tmp_path / "missing" / "x.pdf")


def test_money_rates_and_rebate_texts():
    assert yuan(123_450) == "¥1,234.50" and yuan(5) == "¥0.05" and yuan(-1_800) == "\u2212¥18.00"
    assert (permille_text(50), permille_text(55), permille_text(1)) == ("5%", "5.5%", "0.1%")
    labels = LABELS["zh_CN"]
    pending = Rebate(1, "year", ("2026-01", "2026-02", "2026-03"), 100, 50, 50, 0)
    assert rebate_text(pending, labels).endswith("3/12 个月）：期间金额 ¥1.00，目标 ¥0.50，"
                                                 "返利比例 5%；期间未结束，期末结算")  # fmt: skip
    missed = Rebate(1, "month", ("2026-03",), 100, 500, 50, 0)
    assert rebate_text(missed, labels).endswith("；未达目标")
    reached = Rebate(1, "month", ("2026-03",), 1_000, 500, 50, 50)
    assert "未达目标" not in rebate_text(reached, labels)
