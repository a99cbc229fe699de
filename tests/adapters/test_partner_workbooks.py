"""The settlement workbook read back with openpyxl: figures, totals, formats, filters and
frozen panes; text that looks like a formula stays text; LibreOffice opens it (when
installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from app.adapters.partner_workbooks import YUAN_FORMAT, write_settlement_workbook
from app.adapters.workbooks.writer import ExcelWriteError
from app.services.partners.settlement import (
    PartnerSettlement,
    Rebate,
    Settlement,
    SettlementLine,
)

SPA_LINES = (
    SettlementLine(1, "SPA", "温泉水疗体验", 12_000, 3, 1),
    SettlementLine(1, "SPA", "温泉水疗体验", 11_050, 2, 2),  # an older unit cost
    SettlementLine(2, "MASSAGE", "足疗体验券", 5_000, 10, 4),
)
REBATE = Rebate(7, "quarter", ("2026-01", "2026-02", "2026-03"), 600_000, 500_000, 50, 30_000)


def settlement() -> Settlement:
    spa = PartnerSettlement(1, "SPA01", "北京悦榕庄温泉酒店有限公司", "91110000100000001W",
                            "active", "2026-03", ("postpaid",), SPA_LINES, (REBATE,))  # fmt: skip
    idle = PartnerSettlement(2, "TRV02", "上海锦江国际旅行社", "91110000100000002U",
                             "suspended", "2026-03", (), ())  # fmt: skip
    return Settlement("2026-03", (spa, idle))


def rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def test_the_summary_sheet(tmp_path):
    path = write_settlement_workbook(settlement(), tmp_path / "结算.xlsx", "zh_CN")
    wb = load_workbook(path)
    assert wb.sheetnames == ["结算汇总", "结算明细", "返利"]
    ws = wb["结算汇总"]
    head, spa, idle, total = rows(ws)
    assert head == ("结算月份", "合作伙伴编码", "合作伙伴名称", "统一社会信用代码", "兑换数",
                    "核销数", "结算金额", "返利", "应付合计")  # fmt: skip
    # 3 × 120 + 2 × 110.50 + 10 × 50 = 1,081.00; less the 300.00 rebate
    assert spa == ("2026-03", "SPA01", "北京悦榕庄温泉酒店有限公司", "91110000100000001W", 15, 7,
                   1081, 300, 781)  # fmt: skip
    assert idle[1:] == ("TRV02", "上海锦江国际旅行社", "91110000100000002U", 0, 0, 0, 0, 0)
    assert total == ("合计", None, None, None, 15, 7, 1081, 300, 781)
    assert all(not isinstance(v, str) or not v.startswith("=") for v in total)  # values
    assert ws.freeze_panes == "D2" and ws.auto_filter.ref == "A1:I3"  # the totals below it
    assert all(cell.font.b for cell in ws[1]) and all(cell.font.b for cell in ws[4])
    assert [ws.cell(2, c).number_format for c in (7, 8, 9)] == [YUAN_FORMAT] * 3
    assert ws.cell(4, 9).number_format == YUAN_FORMAT and "¥" in YUAN_FORMAT
    assert ws.cell(2, 2).number_format == "@" and ws.cell(2, 5).number_format == "#,##0"
    assert ws.column_dimensions["C"].width >= 30


def test_the_lines_and_rebates_sheets(tmp_path):
    wb = load_workbook(write_settlement_workbook(settlement(), tmp_path / "s.xlsx"))
    lines = rows(wb["结算明细"])
    assert lines[0][3:] == ("权益编码", "权益名称", "单位成本", "兑换数", "核销数", "金额")
    assert [r[3:] for r in lines[1:]] == [
        ("SPA", "温泉水疗体验", 120, 3, 1, 360),
        ("SPA", "温泉水疗体验", 110.5, 2, 2, 221),
        ("MASSAGE", "足疗体验券", 50, 10, 4, 500),
    ]  # fmt: skip
    assert wb["结算明细"].cell(3, 6).number_format == YUAN_FORMAT
    assert wb["结算明细"].auto_filter.ref == "A1:I4"
    (head, rebate) = rows(wb["返利"])
    assert rebate[1:] == ("SPA01", "北京悦榕庄温泉酒店有限公司", "季度", "2026-01", "2026-03",
                          6000, 5000, 0.05, 300)  # fmt: skip
    assert wb["返利"].cell(2, 9).number_format == "0.0%"


def test_english_headers(tmp_path):
    wb = load_workbook(write_settlement_workbook(settlement(), tmp_path / "s.xlsx", "en"))
    assert wb.sheetnames == ["Summary", "Lines", "Rebates"]
    assert rows(wb["Summary"])[0][4:] == (
        "Redemptions", "Write-offs", "Amount", "Rebate", "Total payable",
    )  # fmt: skip
    assert rows(wb["Summary"])[-1][0] == "Total"
    assert rows(wb["Rebates"])[1][3] == "Quarterly"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    formula = '=HYPERLINK("http://x","点我")'
    spa = replace(settlement().partners[0], partner_name=formula)
    path = write_settlement_workbook(Settlement("2026-03", (spa,)), tmp_path / "s.xlsx")
    cell = load_workbook(path)["结算汇总"].cell(2, 3)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (formula, "s", True)
    assert not load_workbook(path)["结算汇总"].cell(2, 2).quotePrefix  # ordinary text


def test_nothing_to_settle_is_a_header_and_a_zero_total(tmp_path):
    wb = load_workbook(write_settlement_workbook(Settlement("2026-03", ()), tmp_path / "s.xlsx"))
    assert rows(wb["结算汇总"])[1] == ("合计", None, None, None, 0, 0, 0, 0, 0)
    assert len(rows(wb["结算明细"])) == 1


def test_an_unwritable_file_is_an_error(tmp_path):
    with pytest.raises(ExcelWriteError):
        write_settlement_workbook(settlement(), tmp_path / "missing" / "s.xlsx")


def test_libreoffice_reads_the_figures(tmp_path):
    """The summary sheet as LibreOffice reads it (UTF-8 CSV, the figures as formatted)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) must be installed under CI")
        pytest.skip("LibreOffice (soffice) is not installed: the conversion check needs it")
    path = write_settlement_workbook(settlement(), tmp_path / "s.xlsx")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true",
         "--outdir", str(tmp_path / "out"), str(path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    text = (tmp_path / "out" / "s.csv").read_text(encoding="utf-8")
    assert "SPA01" in text and "上海" in text  # Chinese read back as Chinese
    assert "¥1,081.00" in text and "¥781.00" in text
