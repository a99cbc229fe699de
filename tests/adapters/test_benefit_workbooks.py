"""The benefit orders workbook: headers in either language, codes and member numbers as text
in the Text format, yuan as numbers, dates as dates, names of channels and statuses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from app.adapters.benefit_workbooks import ORDER_COLUMNS, write_orders
from app.adapters.workbooks.writer import ExcelWriteError


@dataclass(frozen=True)
class Row:
    voucher_id: int = 1
    code: str = "7KQ2M9XD3HPTW8RF"
    issued_on: date = date(2026, 3, 1)
    member_number: str = "00000000170"
    member_name: str = "张*"
    benefit_code: str = "0012"
    benefit_name: str = "精致洗车"
    channel: str = "redemption"
    points: int = 800
    face_value_fen: int = 8_050
    unit_cost_fen: int = 3_000
    status: str = "used"
    expires_on: date = date(2026, 5, 29)
    issued_dealer: str | None = "北京东区服务中心"
    used_on: date | None = date(2026, 3, 2)
    used_dealer: str | None = "上海浦东服务中心"
    issued_by: str = "clerk"


def read(path):
    sheet = openpyxl.load_workbook(path).active
    return sheet, [[c.value for c in row] for row in sheet.iter_rows()]


def test_headers_and_cells_in_chinese(tmp_path):
    path = tmp_path / "orders.xlsx"
    seen = []
    count = write_orders([Row(), Row(voucher_id=2, status="issued", used_on=None,
                                    used_dealer=None, issued_dealer=None)],
                         path, "zh_CN", seen.append)  # fmt: skip
    assert count == 2 and seen == [1, 2]
    sheet, rows = read(path)
    assert sheet.title == "兑换记录"
    assert rows[0] == [
        "兑换日期", "券码", "会员号", "姓名", "权益编码", "权益名称", "渠道", "积分", "面值（元）",
        "单位成本（元）", "状态", "有效期至", "兑换经销商", "核销日期", "核销经销商", "经办人",
    ]  # fmt: skip
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["券码"] == "7KQ2-M9XD-3HPT-W8RF"
    assert first["会员号"] == "00000000170" and first["权益编码"] == "0012"
    assert (first["渠道"], first["状态"]) == ("积分兑换", "已核销")
    assert Decimal(str(first["面值（元）"])) == Decimal("80.50")
    assert first["兑换日期"].date() == date(2026, 3, 1)
    second = dict(zip(rows[0], rows[2], strict=True))
    assert (second["状态"], second["核销日期"], second["兑换经销商"]) == ("未使用", None, "总部")
    for column in ("B", "C", "E"):  # code, member number, benefit code
        assert sheet[f"{column}2"].number_format == "@"
        assert sheet[f"{column}2"].data_type == "s"
    assert sheet["I2"].number_format == "#,##0.00"
    assert sheet["A2"].number_format == "yyyy-mm-dd"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:P3"


def test_english_headers(tmp_path):
    path = tmp_path / "orders.xlsx"
    write_orders([Row(channel="tier", status="expired")], path, "en")
    sheet, rows = read(path)
    assert sheet.title == "Benefit orders"
    assert rows[0] == [c.en for c in ORDER_COLUMNS]
    assert rows[1][6] == "Tier benefit" and rows[1][10] == "Expired"


def test_an_empty_list_still_has_its_headers(tmp_path):
    path = tmp_path / "orders.xlsx"
    assert write_orders([], path) == 0
    _sheet, rows = read(path)
    assert len(rows) == 1 and rows[0][1] == "券码"


def test_an_unwritable_file_is_a_clear_error(tmp_path):
    with pytest.raises(ExcelWriteError):
        write_orders([Row()], tmp_path / "missing" / "orders.xlsx")
