"""The monthly report pack as a workbook, from a report built by hand
(tests/adapters/report_sample): read back with openpyxl (figures, number formats, frozen
panes, filters, charts, sheet names) and opened by LibreOffice headless, each sheet converted
to CSV and its figures compared with the sample's literals.

The LibreOffice test skips only when ``soffice`` is missing and CI is not set; under CI it
must run (.ci/run installs libreoffice-calc-nogui)."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from app.adapters.report_workbook import write_monthly_workbook
from app.adapters.workbooks.writer import ExcelWriteError
from tests.adapters.report_sample import failing_report, sample_report

SHEETS = ["汇总", "1 会员", "2 积分", "3 积分健康度", "4 等级", "5 权益", "6 异业合作", "7 审批",
          "8 经销商对比", "9 计划成本"]  # fmt: skip


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "月报.xlsx"
    write_monthly_workbook(sample_report(), path, "zh_CN")
    return path


def rows_of(ws) -> list[list[object]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def find_row(ws, first: str):
    """The cells of the row whose first cell is ``first``."""
    for row in ws.iter_rows():
        if row[0].value == first:
            return row
    raise AssertionError(f"no row {first!r} in {ws.title}")


def test_sheets_formats_and_figures(workbook_path):
    wb = load_workbook(workbook_path)
    assert wb.sheetnames == SHEETS
    assert all(len(name) <= 31 and not set(name) & set("[]:*?/\\") for name in wb.sheetnames)
    summary = wb["汇总"]
    assert summary["A1"].value == "会员忠诚度计划月度报告" and summary["A1"].font.bold
    members = find_row(summary, "会员总数")
    assert members[1].value == 1_250 and members[1].number_format == "#,##0"
    liability = find_row(summary, "未兑换积分负债")
    assert Decimal(str(liability[1].value)) == Decimal("104050")  # 10,405,000 fen
    assert liability[1].number_format == '"¥"#,##0.00'
    accumulation = find_row(summary, "积分累积率")
    assert accumulation[1].value == pytest.approx(0.7) and accumulation[1].number_format == "0.0%"
    points = wb["2 积分"]
    closing = find_row(points, "期末余额")
    assert closing[1].value == 1_040_500 and closing[1].font.bold
    assert find_row(points, "− 兑换")[1].value == 7_500  # text starting with − stays text
    benefits = wb["5 权益"]
    wash = find_row(benefits, "WASH")
    assert [c.value for c in wash[:5]] == ["WASH", "免费洗车", 40, 4_000, 35]
    assert Decimal(str(wash[5].value)) == Decimal("1050") and wash[5].number_format.startswith(
        '"¥"'
    )


def test_headers_panes_filters_and_charts(workbook_path):
    wb = load_workbook(workbook_path)
    dealers = wb["8 经销商对比"]
    header = find_row(dealers, "排名")
    assert all(cell.font.bold for cell in header if cell.value)
    assert dealers.freeze_panes == f"A{header[0].row + 1}"
    assert dealers.auto_filter.ref == f"A{header[0].row}:H{header[0].row + 60}"
    assert dealers.column_dimensions["C"].width >= 16  # the dealer's name fits
    for name in SHEETS[1:]:
        ws = wb[name]
        assert ws.freeze_panes and ws.auto_filter.ref, name
        assert not ws.merged_cells.ranges, name
    charts = {name: len(wb[name]._charts) for name in SHEETS}
    assert charts["1 会员"] == 2 and charts["8 经销商对比"] == 1 and charts["9 计划成本"] == 0
    kinds = {type(chart).__name__ for ws in wb for chart in ws._charts}
    assert {"BarChart", "PieChart"} <= kinds


def test_a_failed_check_is_red_on_the_summary(tmp_path):
    path = write_monthly_workbook(failing_report(), tmp_path / "bad.xlsx", "zh_CN")
    summary = load_workbook(path)["汇总"]
    banner = [c for row in summary.iter_rows() for c in row if c.value and "未通过" in str(c.value)]
    assert banner and banner[0].font.color.rgb.endswith("C00000")
    check = find_row(summary, "积分恒等式：期初 + 获得 − 抵扣 − 兑换 − 过期 ± 调整 − 冲正 = 期末")
    assert check[2].value == "未通过" and "1,040,410" in check[1].value


def test_text_starting_like_a_formula_stays_text(tmp_path):
    import dataclasses

    from app.services.reports.model import LabelledCount

    report = sample_report(dealers=1)
    members = dataclasses.replace(
        report.members, by_province=(LabelledCount("=1+1", '=HYPERLINK("x")', 3),)
    )
    path = write_monthly_workbook(dataclasses.replace(report, members=members),
                                  tmp_path / "f.xlsx", "en")  # fmt: skip
    ws = load_workbook(path)["1 Members"]
    cell = find_row(ws, '=HYPERLINK("x")')[0]
    assert cell.data_type == "s" and cell.quotePrefix


def test_an_unwritable_path_is_a_clear_error(tmp_path):
    with pytest.raises(ExcelWriteError):
        write_monthly_workbook(sample_report(dealers=1), tmp_path / "no" / "x.xlsx")


# --- LibreOffice ---------------------------------------------------------------------------------


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) must be installed under CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def libreoffice_csv(path, out_dir) -> dict[str, list[list[str]]]:
    """Each sheet as LibreOffice reads it, converted to CSV (UTF-8, every sheet)."""
    profile = out_dir / "profile"
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(out_dir), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    sheets = {}
    for name in SHEETS:
        with open(out_dir / f"{path.stem}-{name}.csv", encoding="utf-8", newline="") as f:
            sheets[name] = list(csv.reader(f))
    return sheets


def csv_row(rows: list[list[str]], first: str) -> list[str]:
    return next(row for row in rows if row and row[0] == first)


def test_libreoffice_opens_it_with_the_same_figures(workbook_path, tmp_path):
    sheets = libreoffice_csv(workbook_path, tmp_path)
    summary = sheets["汇总"]
    assert csv_row(summary, "会员总数")[1] == "1250"
    assert csv_row(summary, "期末积分余额")[1] == "1040500"
    assert csv_row(summary, "未兑换积分负债")[1] == "104050"
    points = sheets["2 积分"]
    assert csv_row(points, "期初余额")[1] == "1000000"
    assert csv_row(points, "+ 本月获得合计")[1] == "52000"
    assert csv_row(points, "期末余额")[1] == "1040500"
    benefits = sheets["5 权益"]
    assert csv_row(benefits, "WASH")[:6] == ["WASH", "免费洗车", "40", "4000", "35", "1050"]
    assert csv_row(benefits, "合计")[2:6] == ["50", "7500", "43", "3450"]
    dealers = sheets["8 经销商对比"]
    assert csv_row(dealers, "60")[1:5] == ["D060", "测试经销商060号店", "华南", "940"]
    assert csv_row(dealers, "合计")[4] == str(sum(1000 - i for i in range(1, 61)))
