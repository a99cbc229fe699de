"""The monthly report pack as a PDF, from a report built by hand (tests/adapters/report_sample):
its text read back with pdftotext: section titles and totals in Chinese, the red banner of a
failed check on the first page, the header row repeated where a long table runs over a page,
"第 x 页 / 共 y 页" on every page, the sign-off block."""

from __future__ import annotations

import re
import subprocess
from datetime import datetime

import pytest

from app.adapters.report_pdf import write_monthly_pdf
from app.adapters.report_pdf.document import write_pack_pdf
from app.adapters.statement_pdf.fonts import register_fonts
from app.adapters.statement_pdf.writing import PdfWriteError
from tests.adapters.report_sample import failing_report, sample_report
from tests.adapters.test_benefit_pdfs_matrix import need, pages

SECTION_TITLES = ("1. 会员", "2. 积分", "3. 积分健康度", "4. 等级", "5. 权益", "6. 异业合作",
                  "7. 审批", "8. 经销商对比", "9. 计划成本")  # fmt: skip


def page_texts(pdf) -> list[str]:
    done = subprocess.run([need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return done.stdout.split("\f")[:-1]


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "月报.pdf"
    result = write_monthly_pdf(sample_report(), path, "zh_CN", "星辰汽车会员计划",
                               datetime(2026, 12, 1, 9, 30))  # fmt: skip
    return result, page_texts(path)


def test_sections_and_totals_in_chinese(written):
    result, texts = written
    assert result.missing_glyphs == ()
    whole = "\n".join(texts)
    for title in SECTION_TITLES:
        assert title in whole
    first = texts[0]
    assert "会员忠诚度计划月度报告" in first and "星辰汽车会员计划" in first
    assert "范围：全网" in first and "报告月份：2026-11" in first and "张主管" in first
    assert "数据核对全部通过" in first
    # the key figures, as the sample's literals formatted by hand
    assert re.search(r"会员总数\s+1,250", first)
    assert re.search(r"期末积分余额\s+1,040,410|期末积分余额\s+1,040,500", first)
    assert "¥104,050.00" in first  # 10,405,000 fen of liability
    assert "¥3,450.00" in whole  # benefit cost 345,000 fen
    assert re.search(r"期末余额\s+1,040,500", whole)  # the points table's closing row
    assert re.search(r"合计\s+1,200\s+100.0%", whole)  # members by tier: 900 + 250 + 50
    assert "签字确认" in texts[-1] and "编制" in texts[-1] and "批准" in texts[-1]


def test_every_page_has_its_number_of_the_total_and_the_header(written):
    _result, texts = written
    total = len(texts)
    assert total >= 10  # the first page and a page per section at least
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 / 共 {total} 页" in text
        assert "全网 · 2026-11" in text  # the running header: scope and month
        assert "生成 2026-12-01 09:30 · 张主管" in text  # generated at and by


def test_the_header_row_repeats_when_the_dealer_ranking_runs_over(written):
    _result, texts = written
    holding = [t for t in texts if "测试经销商" in t]
    assert len(holding) >= 2  # 60 dealers: more than a page
    for text in holding:
        assert re.search(r"排名\s+编码\s+经销商\s+大区\s+新会员", text)
    assert "测试经销商060号店" in holding[-1]


def test_a_failed_check_is_on_the_first_page_in_red(tmp_path):
    path = tmp_path / "bad.pdf"
    write_monthly_pdf(failing_report(), path, "zh_CN", "星辰汽车会员计划")
    texts = page_texts(path)
    first = texts[0]
    assert "数据核对未通过" in first
    assert "积分恒等式" in first and "未通过" in first
    assert "1,040,500" in first and "1,040,410" in first and "差额" in first
    for text in texts:
        assert "数据核对未通过" in text  # every page's header says so
    passed = tmp_path / "good.pdf"
    write_monthly_pdf(sample_report(dealers=3), passed, "zh_CN", "星辰汽车会员计划")
    assert red_pixels(passed, tmp_path) == 0
    assert red_pixels(path, tmp_path) > 500  # the banner's frame and text


def red_pixels(path, tmp_path) -> int:
    """Strong red pixels of the first page rendered at 50 dpi."""
    from PIL import Image

    prefix = tmp_path / path.stem
    subprocess.run([need("pdftoppm"), "-r", "50", "-f", "1", "-l", "1", "-png", str(path),
                    str(prefix)], check=True)  # fmt: skip
    image = Image.open(next(tmp_path.glob(f"{path.stem}*.png"))).convert("RGB")
    data = image.tobytes()
    return sum(
        1 for i in range(0, len(data), 3) if data[i] > 150 and data[i + 1] < 80 and data[i + 2] < 80
    )


def test_english_and_page_count(tmp_path):
    path = tmp_path / "en.pdf"
    write_monthly_pdf(sample_report(dealers=3), path, "en", "Star loyalty")
    texts = page_texts(path)
    whole = "\n".join(texts)
    assert "Loyalty programme monthly report" in whole and "Sign-off" in whole
    assert f"Page 1 of {len(texts)}" in texts[0]
    assert pages(path)[0] == len(texts)


def test_an_unwritable_path_is_a_clear_error(tmp_path):
    from app.adapters.report_pack.build import build_pack

    pack = build_pack(sample_report(dealers=1), "zh_CN", "", "2026-12-01 09:30")
    with pytest.raises(PdfWriteError):
        write_pack_pdf(pack, tmp_path / "missing" / "x.pdf", register_fonts().for_document(),
                       "zh_CN")  # fmt: skip
