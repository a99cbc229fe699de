"""Points workbooks: the expiring-soon list and the dealer transactions import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.adapters import document_workbooks as px
from app.adapters.workbooks import messages, results
from app.domain.validation import make_member_number

MEMBER = make_member_number(17)
TODAY = date(2026, 3, 1)
ZH = ["会员号", "手机号", "经销商代码", "工单号", "类型", "日期", "金额(元)"]
EN = ["Member number", "Mobile", "Dealer code", "Document number", "Kind", "Date", "Amount (yuan)"]


@dataclass(frozen=True)
class Expiring:
    member_id: int
    member_number: str
    name: str
    mobile: str | None
    dealer_name: str | None
    points: int
    expires_on: date


def workbook(path: Path, headers: Sequence[object], rows: Sequence[Sequence[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def templates(row: px.ParsedRow) -> dict[str, str]:
    return {key: message.template for key, message in row.errors}  # type: ignore[attr-defined]


# --- expiring soon ------------------------------------------------------------------------------


def test_expiring_list_round_trips_with_real_dates_and_numbers(tmp_path):
    rows = [
        Expiring(1, MEMBER, "张三", "138****5678", "北京朝阳店", 1_200, date(2026, 3, 31)),
        Expiring(2, make_member_number(18), "李四", None, None, 35, date(2026, 4, 30)),
    ]
    path = px.write_expiring(iter(rows), tmp_path / "expiring.xlsx")
    assert path == tmp_path / "expiring.xlsx"
    ws = load_workbook(path).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == px.EXPIRING_HEADERS
    assert values[1] == (MEMBER, "张三", "138****5678", "北京朝阳店", 1200,
                         datetime(2026, 3, 31))  # fmt: skip
    assert values[2][2:5] == (None, None, 35)
    assert ws["F2"].is_date and ws["F2"].number_format == "yyyy-mm-dd"
    assert ws["E2"].data_type == "n" and ws["A2"].data_type == "s"  # member numbers stay text
    assert ws.freeze_panes == "A2"


def test_expiring_list_takes_translated_headers_and_title(tmp_path):
    headers = ["会员号", "姓名", "手机号", "经销商", "积分", "到期日"]
    path = px.write_expiring([], tmp_path / "e.xlsx", headers, title="即将过期: 3/2026")
    wb = load_workbook(path)
    assert wb.sheetnames == ["即将过期  3 2026"]
    assert next(wb.active.iter_rows(values_only=True)) == tuple(headers)
    with pytest.raises(ValueError):
        px.write_expiring([], tmp_path / "x.xlsx", headers[:3])


# --- transactions import ------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [ZH, EN, [c.header() for c in px.TX_COLUMNS]])
def test_reads_chinese_english_and_template_headers(tmp_path, headers):
    path = workbook(
        tmp_path / "t.xlsx",
        headers,
        [
            [MEMBER, None, "bj001", "ro-2025-0001", "维修", "2025/3/1", "1,280.50"],
            [None, 13912345678, "SH002", 20250302001, "Purchase", date(2025, 3, 2), 158800],
            [None, "+86 139 1234 5679", "SH002", "INV-9", "保养", "2025年3月3日", 0.1],
        ],
    )
    parsed = px.read_transactions(path, today=TODAY)
    assert parsed.file_errors == [] and parsed.ignored_columns == []
    assert [r.errors for r in parsed.rows] == [[], [], []]
    first, second, third = (r.values for r in parsed.rows)
    assert first == {
        "member_number": MEMBER, "mobile": None, "dealer_code": "BJ001",
        "document_no": "RO-2025-0001", "kind": "service", "business_date": date(2025, 3, 1),
        "amount_fen": 128_050,
    }  # fmt: skip
    assert second["mobile"] == "13912345678" and second["document_no"] == "20250302001"
    assert second["kind"] == "purchase" and second["amount_fen"] == 15_880_000
    assert third["mobile"] == "13912345679" and third["amount_fen"] == 10
    assert third["business_date"] == date(2025, 3, 3) and third["kind"] == "service"
    assert [r.row_number for r in parsed.rows] == [2, 3, 4]


def test_reports_each_row_error_with_its_row_number(tmp_path):
    E, R = px.TX_ROW_ERRORS, messages.ROW_ERRORS  # noqa: N806
    rows = [
        [MEMBER, None, "BJ001", "RO-1", "维修", "2025-03-01", "100"],  # 2: fine
        [None, None, "BJ001", "RO-2", "维修", "2025-03-01", "100"],  # 3: no member
        [MEMBER, None, None, "RO-3", "维修", "2025-03-01", "100"],  # 4: no dealer
        [MEMBER, None, "BJ001", "RO-4", "维修", "2025-13-01", "100"],  # 5: impossible date
        [MEMBER, None, "BJ001", "RO-5", "维修", "yesterday", "100"],  # 6: not a date
        [MEMBER, None, "BJ001", "RO-6", "维修", "2025-03-01", "-5"],  # 7: negative
        [MEMBER, None, "BJ001", "RO-7", "维修", "2025-03-01", 0],  # 8: zero
        [MEMBER, None, "BJ001", "RO-8", "维修", "2025-03-01", "12.345"],  # 9: 3 decimals
        [MEMBER, None, "bj001", "ro-1", "维修", "2025-03-02", "50"],  # 10: same as row 2
        [MEMBER, None, "SH002", "RO-1", "维修", "2025-03-02", "50"],  # 11: other dealer: fine
        [MEMBER, None, "BJ001", "RO-9", "洗车", "2025-03-01", "100"],  # 12: unknown kind
        [MEMBER, None, "BJ001", "RO-10", "维修", "2026-03-02", "100"],  # 13: future
        ["1234", "12345", "BJ001", None, None, None, None],  # 14: bad ids, blanks
        [MEMBER, None, "BJ001", "RO-11", "维修", "2025-03-01", "abc"],  # 15: not an amount
    ]
    parsed = px.read_transactions(workbook(tmp_path / "t.xlsx", ZH, rows), today=TODAY)
    assert parsed.file_errors == []
    by_row = {r.row_number: templates(r) for r in parsed.rows}
    assert by_row[2] == {} and by_row[11] == {}
    assert by_row[3] == {"member_number": E["member_required"]}
    assert by_row[4] == {"dealer_code": R["required"]}
    assert by_row[5] == {"business_date": R["date_impossible"]}
    assert by_row[6] == {"business_date": R["date"]}
    assert by_row[7] == {"amount_fen": R["money_negative"]}
    assert by_row[8] == {"amount_fen": E["amount_zero"]}
    assert by_row[9] == {"amount_fen": R["money_decimals"]}
    assert by_row[10] == {"document_no": E["duplicate_document"]}
    assert str(dict(parsed.rows[8].errors)["document_no"]) == (
        "Same document number and dealer as row 2."
    )
    assert by_row[12] == {"kind": E["kind"]}
    assert by_row[13] == {"business_date": R["date_future"]}
    assert set(by_row[14]) == {"member_number", "mobile", "document_no", "kind",
                               "business_date", "amount_fen"}  # fmt: skip
    assert by_row[15] == {"amount_fen": R["money"]}
    assert parsed.error_rows == 12
    reason = px.tx_row_reason(parsed.rows[12])
    assert reason.startswith("Member number: ") and "; Document number: " in reason


def test_future_dates_are_only_checked_against_a_given_today(tmp_path):
    path = workbook(tmp_path / "t.xlsx", EN, [[MEMBER, None, "A1", "D1", "service",
                                              "2999-01-01", 1]])  # fmt: skip
    assert px.read_transactions(path).rows[0].errors == []


def test_file_errors(tmp_path):
    no_member = workbook(tmp_path / "a.xlsx", ZH[2:], [["BJ001", "RO-1", "维修", "2025-3-1", 1]])
    errors = px.read_transactions(no_member).file_errors
    assert [e.template for e in errors] == [px.TX_FILE_ERRORS["member_column"]]

    missing = workbook(tmp_path / "b.xlsx", ["手机号", "经销商代码", "日期"], [])
    (error,) = px.read_transactions(missing).file_errors
    assert error.template == messages.FILE_ERRORS["missing_columns"]
    assert "单据号 / Document number" in error and "金额(元) / Amount (yuan)" in error

    twice = workbook(tmp_path / "c.xlsx", [*ZH, "发票号"], [])
    assert "appears twice" in px.read_transactions(twice).file_errors[0]

    not_excel = tmp_path / "d.xlsx"
    not_excel.write_text("会员号,手机号\n", encoding="utf-8")
    assert px.read_transactions(not_excel).file_errors[0].template == messages.FILE_ERRORS["text"]

    empty = workbook(tmp_path / "e.xlsx", ZH, [])
    assert px.read_transactions(empty).file_errors[0].template == messages.FILE_ERRORS["no_rows"]


def test_title_lines_and_unknown_columns_are_tolerated(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["某某经销商 2025 年 3 月工单导出"])
    ws.append([*ZH, "备注"])
    ws.append([MEMBER, None, "BJ001", "RO-1", "维修", "2025-03-01", 88, "VIP"])
    wb.save(tmp_path / "t.xlsx")
    parsed = px.read_transactions(tmp_path / "t.xlsx")
    assert parsed.header_row == 2 and parsed.ignored_columns == ["备注"]
    assert parsed.rows[0].row_number == 3 and parsed.rows[0].values["amount_fen"] == 8800


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_template_reads_back_with_its_example_skipped(tmp_path, language):
    path = px.write_transactions_template(tmp_path / "template.xlsx", language)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    assert header == [c.header(language) for c in px.TX_COLUMNS]
    assert str(ws["A2"].value).startswith("示例" if language == "zh_CN" else "Example")
    assert ws["F2"].is_date and ws["G2"].number_format == "#,##0.00"
    parsed = px.read_transactions(path)
    assert parsed.example_rows == [2]
    assert [e.template for e in parsed.file_errors] == [messages.FILE_ERRORS["no_rows"]]

    ws.append([None, "13812345678", "BJ001", "RO-7", "购车" if language == "zh_CN" else "purchase",
               date(2025, 3, 1), 2000.5])  # fmt: skip
    wb.save(path)
    parsed = px.read_transactions(path)
    assert parsed.file_errors == [] and parsed.example_rows == [2]
    assert parsed.rows[0].values["kind"] == "purchase"
    assert parsed.rows[0].values["amount_fen"] == 200_050


def test_results_give_rows_back_with_status_and_reason(tmp_path):
    rows = [
        [MEMBER, None, "BJ001", "RO-1", "维修", "2025-03-01", "100", "extra"],
        [None, None, "BJ001", "RO-2", "维修", "2025-03-01", "100"],
        [MEMBER, None, "BJ001", "RO-3", "维修", "2025-03-01", "100"],
    ]
    parsed = px.read_transactions(workbook(tmp_path / "in.xlsx", ZH, rows))
    outcomes = {2: ("recorded", "12 points"), 3: ("recorded", "ignored: the row has errors")}
    out = px.write_transaction_results(
        tmp_path / "out.xlsx", px.transaction_outcomes(parsed, outcomes), parsed.headers
    )
    values = list(load_workbook(out).active.iter_rows(values_only=True))
    assert values[0] == (
        results.ROW_HEADER,
        *ZH,
        None,
        results.STATUS_HEADER,
        results.REASON_HEADER,
    )
    assert values[1][0] == 2 and values[1][-3:] == ("extra", "recorded", "12 points")
    assert values[2][0] == 3 and values[2][-2] == "error"
    assert values[2][-1] == "Member number: Enter the member number or the mobile."
    assert values[3][-2:] == (results.STATUS_NOT_PROCESSED, None)
    assert values[1][1] == MEMBER  # the cells as the user wrote them
