"""Member import/export workbooks: template, hostile files, normalisation, results, export."""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.formula import ArrayFormula

from app.adapters import member_workbooks as mx
from app.adapters.workbooks.container import inspect_workbook
from app.adapters.workbooks.rows import HEADER_SEARCH_ROWS
from app.adapters.workbooks.sheet_reader import sheet_rows
from app.domain.validation import (
    PLATE_PROVINCES,
    complete_vin,
    make_member_number,
    resident_id_check_char,
)

TODAY = date(2026, 3, 1)
HEADERS_EN = [c.en for c in mx.COLUMNS]
ID_1990 = "11010519900307123" + resident_id_check_char("11010519900307123")  # male
ID_1985_F = "31010419850612002" + resident_id_check_char("31010419850612002")  # female
VIN_A = complete_vin("LB37624S", "KL012345")
VIN_B = complete_vin("LGXC16DF", "MB000777")


def valid_row(**changes: object) -> dict[str, object]:
    """Cells of a valid member, keyed by column; ``changes`` override cells."""
    row: dict[str, object] = {
        "name": "王芳",
        "mobile": "13912345678",
        "join_date": "2022-04-01",
        "dealer_code": "SH002",
        "privacy_consent": "是",
    }
    row.update(changes)
    return row


def write_rows(
    path: Path,
    rows: Sequence[dict[str, object]],
    headers: Sequence[str] | None = None,
    *,
    keys: Sequence[str] | None = None,
) -> Path:
    """An .xlsx built with openpyxl: a header row, then one row per dict."""
    keys = list(keys or [c.key for c in mx.COLUMNS])
    wb = Workbook()
    ws = wb.active
    ws.title = "会员"
    ws.append(list(headers) if headers else [mx.COLUMN_BY_KEY[k].en for k in keys])
    for row in rows:
        ws.append([row.get(k) for k in keys])
    wb.save(path)
    return path


def read(path: Path, **kwargs: object) -> mx.ParsedFile:
    return mx.read_members(path, today=TODAY, **kwargs)  # type: ignore[arg-type]


def only_row(parsed: mx.ParsedFile) -> mx.ParsedRow:
    assert parsed.file_errors == []
    assert len(parsed.rows) == 1
    return parsed.rows[0]


def messages(row: mx.ParsedRow) -> dict[str, str]:
    return {key: str(message) for key, message in row.errors}


XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Members" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    ),
}


def raw_xlsx(path: Path, rows_xml: bytes, dimension: str | None) -> Path:
    """A hand-made .xlsx whose sheet is ``rows_xml``: for huge or oddly sized sheets."""
    dim = f'<dimension ref="{dimension}"/>'.encode() if dimension else b""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + dim + b"<sheetData>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in XLSX_PARTS.items():
            zf.writestr(name, text)
        zf.writestr("xl/worksheets/sheet1.xml", head + rows_xml + b"</sheetData></worksheet>")
    return path


def inline_rows(rows: Sequence[Sequence[str]], first: int = 1) -> bytes:
    out = []
    for r, row in enumerate(rows, start=first):
        cells = "".join(
            f'<c r="{chr(65 + j)}{r}" t="inlineStr"><is><t>{v}</t></is></c>'
            for j, v in enumerate(row)
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out).encode()


MINIMAL_KEYS = ["name", "mobile", "join_date", "dealer_code", "privacy_consent"]
MINIMAL_HEADER = [mx.COLUMN_BY_KEY[k].en for k in MINIMAL_KEYS]


def minimal_row(i: int) -> list[str]:
    return ["王芳", f"139{i:08d}", "2022-04-01", "SH002", "yes"]


# --- Template ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_template_layout(tmp_path: Path, language: mx.Language) -> None:
    path = tmp_path / "template.xlsx"
    mx.write_template(path, language)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.title == ("会员" if language == "zh_CN" else "Members")
    headers = [c.value for c in ws[1]]
    assert headers == [c.header(language) for c in mx.COLUMNS]
    assert headers[3] == ("*手机号 / Mobile" if language == "zh_CN" else "*Mobile / 手机号")
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "C2"
    validated = {str(dv.sqref).split(":")[0] for dv in ws.data_validations.dataValidation}
    letters = {c.key: chr(65 + i) for i, c in enumerate(mx.COLUMNS)}
    for key in ("gender", "source_channel", "privacy_consent", "marketing_consent"):
        assert f"{letters[key]}2" in validated
    assert ws.column_dimensions[letters["join_date"]].number_format == "yyyy-mm-dd"
    assert ws.column_dimensions[letters["resident_id"]].number_format == "@"
    example = ws[2]
    assert str(example[0].value).startswith("示例" if language == "zh_CN" else "Example")
    assert example[1].font.i and example[1].font.color.rgb.endswith("808080")
    instructions = wb.worksheets[1]
    assert instructions.title == ("说明" if language == "zh_CN" else "Instructions")
    listed = [row[0] for row in instructions.iter_rows(min_row=2, values_only=True)]
    assert [c.header(language) for c in mx.COLUMNS] == listed[: len(mx.COLUMNS)]
    text = " ".join(str(v) for row in instructions.iter_rows(values_only=True) for v in row if v)
    assert "示例" in text and "Example" in text and "Text" in text


def test_template_round_trip_skips_example_row(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    mx.write_template(template)
    wb = load_workbook(template)
    ws = wb.worksheets[0]
    ws.append(["", "李娜", "女", "13900001111", "广东省", "深圳市", None, None, "2021-03-04"])
    ws["J3"], ws["M3"], ws["K3"] = "sz002", "是", "微信"
    ws.append([None, "Ma Li", None, 13900002222, None, None, None, ID_1985_F, date(2020, 1, 2)])
    ws["J4"], ws["M4"], ws["N4"] = "SZ002", "Y", "是"
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)

    parsed = read(filled)

    assert parsed.file_errors == []
    assert parsed.example_rows == [2]
    assert [r.row_number for r in parsed.rows] == [3, 4]
    first, second = parsed.rows
    assert first.errors == [] and second.errors == []
    assert first.values["gender"] == "female" and first.values["source_channel"] == "wechat"
    assert first.values["dealer_code"] == "SZ002"
    assert second.values["mobile"] == "13900002222"
    assert second.values["birthday"] == date(1985, 6, 12)  # from the resident ID
    assert second.values["marketing_consent"] is True
    assert second.values["source_channel"] == "historical_import"


def test_template_example_row_is_a_valid_member(tmp_path: Path) -> None:
    template = tmp_path / "template.xlsx"
    mx.write_template(template, "en")
    assert read(template).file_errors == ["The file has no data rows."]
    wb = load_workbook(template)
    wb.worksheets[0]["A2"] = None  # without the marker it is an ordinary row
    wb.save(template)
    row = only_row(read(template))
    assert row.errors == []
    expected = mx.example_member()
    assert row.values == expected | {"member_number": None}


# --- Hostile files ---------------------------------------------------------------------------


def _ole(tail: bytes = b"") -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"W\x00o\x00r\x00k\x00" + tail


def _flag_encrypted(data: bytes) -> bytes:
    """Set the "encrypted" bit in every zip header, as a zip password would."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            out[start + offset] |= 1
            start += 4
    return bytes(out)


def _zip_with(path: Path, files: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "The file is empty (0 bytes)."),
        (_ole(), "This is an old .xls file: open it in Excel and save as .xlsx."),
        (_ole("EncryptedPackage".encode("utf-16-le")), "password-protected"),
        ("姓名,手机号\n张三,13812345678\n".encode(), "This is a CSV or text file"),
        ("姓名\t手机号\n".encode("utf-16"), "This is a CSV or text file"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "web page"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not an Excel workbook"),
        (b"PK\x03\x04" + b"\x00garbage" * 50, "damaged"),
    ],
    ids=["empty", "xls", "encrypted", "csv", "utf16-text", "html", "png", "garbage-zip"],
)
def test_files_that_are_not_xlsx_are_rejected(tmp_path: Path, content: bytes, expected: str):
    path = tmp_path / "members.xlsx"
    path.write_bytes(content)
    parsed = read(path)
    assert parsed.rows == []
    assert len(parsed.file_errors) == 1
    assert expected in parsed.file_errors[0]


def test_truncated_and_zip_level_problems(tmp_path: Path) -> None:
    good = write_rows(tmp_path / "good.xlsx", [valid_row()]).read_bytes()
    cases = {
        "truncated": (good[: len(good) // 2], "damaged"),
        "zip-password": (_flag_encrypted(good), "password-protected"),
        "docx": (_zip_with(tmp_path / "d.zip", {"word/document.xml": b"<w/>"}), "not an Excel"),
        "ods": (
            _zip_with(
                tmp_path / "o.zip",
                {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"},
            ),
            "OpenDocument",
        ),
        "no-sheet-part": (
            _zip_with(tmp_path / "x.zip", {k: v.encode() for k, v in XLSX_PARTS.items()}),
            "damaged",
        ),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(data)
        parsed = read(path)
        assert parsed.rows == [], name
        assert len(parsed.file_errors) == 1 and expected in parsed.file_errors[0], name


def test_missing_file_and_misleading_extension(tmp_path: Path) -> None:
    missing = read(tmp_path / "nope.xlsx")
    assert missing.file_errors[0].startswith("The file cannot be opened")
    # A real workbook saved under .xls/.csv is judged by its content, not its name.
    renamed = write_rows(tmp_path / "members.xls", [valid_row()])
    assert only_row(read(renamed)).errors == []


def test_header_problems(tmp_path: Path) -> None:
    missing = write_rows(tmp_path / "m.xlsx", [valid_row()], keys=["name", "join_date"])
    assert read(missing).file_errors == [
        "Required columns are missing: 手机号 / Mobile, 经销商代码 / Dealer code, "
        "隐私授权 / Privacy consent."
    ]
    keys = [*MINIMAL_KEYS, "mobile"]
    dup = write_rows(
        tmp_path / "d.xlsx",
        [valid_row()],
        ["姓名", "手机号", *MINIMAL_HEADER[2:], "Mobile"],
        keys=keys,
    )
    assert read(dup).file_errors == ["The column 手机号 / Mobile appears twice (columns B and F)."]
    no_header = write_rows(tmp_path / "n.xlsx", [valid_row()] * 12, ["a", "b", "c"], keys=["x"])
    assert read(no_header).file_errors == [
        "No header row found: the first row must hold the column names of the template."
    ]


def test_unknown_columns_are_ignored_and_listed(tmp_path: Path) -> None:
    headers = ["备注", *MINIMAL_HEADER, "Points"]
    path = write_rows(
        tmp_path / "u.xlsx", [valid_row(x="hello")], headers, keys=["x", *MINIMAL_KEYS, "y"]
    )
    parsed = read(path)
    assert parsed.ignored_columns == ["备注", "Points"]
    assert only_row(parsed).errors == []


def test_header_forms_and_title_rows(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["2019 年老用户名单"])  # a title line above the header
    ws.append([])
    ws.append(
        ["姓名", "*手机号 / Mobile", "JOIN DATE", "dealer_code", "隐私授权(必填)", "手机号码 "]
    )
    ws.append(["王芳", "13912345678", "2022-04-01", "SH002", "是"])
    wb.save(tmp_path / "t.xlsx")
    parsed = read(tmp_path / "t.xlsx")
    assert parsed.header_row == 3
    assert parsed.file_errors == ["The column 手机号 / Mobile appears twice (columns B and F)."]
    ws.delete_cols(6)
    wb.save(tmp_path / "t.xlsx")
    parsed = read(tmp_path / "t.xlsx")
    assert only_row(parsed).row_number == 4


@pytest.mark.parametrize(
    "rows",
    [[], [["", None, "  "]], [["示例", "张伟"]]],
    ids=["header-only", "blank-rows", "example-only"],
)
def test_no_data_rows(tmp_path: Path, rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(MINIMAL_HEADER)
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "e.xlsx")
    assert read(tmp_path / "e.xlsx").file_errors == ["The file has no data rows."]


# --- Too many rows -----------------------------------------------------------------------------


def test_too_many_rows_without_dimension(tmp_path: Path) -> None:
    rows = [MINIMAL_HEADER] + [minimal_row(i) for i in range(30)]
    path = raw_xlsx(tmp_path / "many.xlsx", inline_rows(rows), dimension=None)
    parsed = read(path, max_rows=5)
    assert parsed.file_errors == ["The file has more than 5 rows; split it into smaller files."]


def test_understated_dimension_is_not_trusted(tmp_path: Path) -> None:
    rows = [MINIMAL_HEADER] + [minimal_row(i) for i in range(30)]
    path = raw_xlsx(tmp_path / "many.xlsx", inline_rows(rows), dimension="A1:E2")
    parsed = read(path, max_rows=25)
    assert parsed.file_errors == ["The file has more than 25 rows; split it into smaller files."]
    assert len(parsed.rows) == 25  # it streamed past the dimension and stopped at the limit
    assert len(read(path, max_rows=30).rows) == 30


def test_trailing_empty_rows_do_not_count(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(MINIMAL_HEADER)
    for i in range(3):
        ws.append(minimal_row(i))
    for r in range(5, 60):  # formatted but empty cells, as Excel leaves after deleting data
        ws.cell(row=r, column=1).number_format = "@"
    ws.cell(row=61, column=2, value="   ")  # spaces only: blank too
    wb.save(tmp_path / "t.xlsx")
    parsed = read(tmp_path / "t.xlsx", max_rows=3)
    assert parsed.file_errors == [] and len(parsed.rows) == 3


@pytest.fixture(scope="module")
def million_rows_xml() -> bytes:
    header = inline_rows([MINIMAL_HEADER])
    body = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (r, r) for r in range(2, 1_048_577)
    )
    return header + body


@pytest.mark.parametrize("dimension", ["A1:E1048576", None], ids=["dimension", "no-dimension"])
def test_full_sheet_of_rows_is_rejected_quickly(
    tmp_path: Path, million_rows_xml: bytes, dimension: str | None
) -> None:
    path = raw_xlsx(tmp_path / "huge.xlsx", million_rows_xml, dimension)
    started = time.perf_counter()
    parsed = read(path)
    elapsed = time.perf_counter() - started
    assert parsed.file_errors == [
        "The file has more than 200,000 rows; split it into smaller files."
    ]
    assert elapsed < 5, elapsed


# --- Reading the sheet XML: the values openpyxl's read-only mode gives ---------------------------

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def parts_xlsx(
    path: Path,
    rows_xml: str,
    strings: Sequence[str] = (),
    styles: str = "",
    date1904: bool = False,
) -> Path:
    """A hand-made .xlsx with a shared-string table (<si> bodies) and styles (the inside of
    <styleSheet>): openpyxl writes every string inline, so its files have neither."""
    parts = dict(XLSX_PARTS)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        "</Types>",
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        "</Relationships>",
        f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL}/styles" Target="/xl/styles.xml"/></Relationships>',
    )
    if date1904:
        parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
            "<sheets>", '<workbookPr date1904="1"/><sheets>'
        )
    sst = "".join(f"<si>{s}</si>" for s in strings)
    parts["xl/sharedStrings.xml"] = f"<sst {_NS}>{sst}</sst>"
    parts["xl/styles.xml"] = f"<styleSheet {_NS}>{styles}</styleSheet>"
    sheet = f"<worksheet {_NS}><sheetData>{rows_xml}</sheetData></worksheet>"
    parts["xl/worksheets/sheet1.xml"] = sheet
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in parts.items():
            zf.writestr(name, text)
    return path


def _comparable(value: object) -> object:
    """ArrayFormula has no ==: compare its attributes."""
    return (type(value), dict(value)) if isinstance(value, ArrayFormula) else value


def openpyxl_rows(path: Path) -> dict[int, list[object]]:
    """Rows with cells as openpyxl's read-only values_only iteration gives them, by number."""
    wb = load_workbook(path, read_only=True)
    ws = wb.worksheets[0]
    ws.reset_dimensions()
    rows = enumerate(ws.iter_rows(values_only=True), start=1)
    result = {n: [_comparable(v) for v in row] for n, row in rows if row}
    wb.close()
    return result


def reader_rows(path: Path) -> dict[int, list[object]]:
    with path.open("rb") as f:
        info = inspect_workbook(
            path, mx.MAX_ROWS, title_rows=HEADER_SEARCH_ROWS, preferred_sheets=mx.DATA_SHEET_NAMES
        )
        rows = list(sheet_rows(f, info))
    numbers = [n for n, _ in rows]
    assert numbers == sorted(set(numbers))
    return {n: [_comparable(v) for v in row] for n, row in rows if row}


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_reader_matches_openpyxl_on_an_openpyxl_file(tmp_path: Path, date1904: bool) -> None:
    wb = Workbook()
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.append(["text", " spaced ", "", None, 12, 12.5, -3, 1e20, 0.1 + 0.2, True, False])
    ws.append([date(2023, 5, 1), datetime(2023, 5, 1, 9, 30), datetime(2000, 1, 1, 8, 15).time()])
    ws.append(["=SUM(E1:F1)", "#N/A", "#DIV/0!", 45047, timedelta(hours=30, minutes=5)])
    ws["F3"] = ArrayFormula("F3", "=CONCAT(A1:B1)")
    ws.append([CellRichText(TextBlock(InlineFont(b=True), "粗体"), " 普通"), "王芳"])
    formats = ["mm-dd-yy", "d-mmm-yy", "h:mm", "mm:ss", "[h]:mm:ss", 'yyyy"年"m"月"d"日"',
               "[$-804]yyyy/m/d hh:mm", '"Day" 0.0', "0.00", "#,##0.00", "@"]  # fmt: skip
    for column, number_format in enumerate(formats, start=1):
        ws.cell(row=5, column=column, value=45047.75).number_format = number_format
    ws["A8"], ws["D8"], ws["Z8"] = "gap", "after a gap", 26  # columns B, C, E..Y missing
    ws["B9"].number_format = "@"  # a styled cell without a value
    ws["C12"] = "after empty rows"
    wb.save(tmp_path / "o.xlsx")

    ours = reader_rows(tmp_path / "o.xlsx")
    assert ours == openpyxl_rows(tmp_path / "o.xlsx")
    epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    assert ours[2][:2] == [datetime(2023, 5, 1), datetime(2023, 5, 1, 9, 30)]
    assert ours[3][3] == 45047 and ours[3][4] == timedelta(hours=30, minutes=5)
    day = [epoch + timedelta(days=45047.75)]
    assert ours[5] == day * 4 + [timedelta(days=45047.75)] + day * 2 + [45047.75] * 4
    assert ours[4] == ["粗体 普通", "王芳"]
    assert ours[8] == ["gap", None, None, "after a gap", *[None] * 21, 26]
    assert ours[9] == [None, None] and 10 not in ours


STYLES = (
    '<numFmts><numFmt numFmtId="164" '
    'formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="165" formatCode="&quot;Day&quot; 0.0"/></numFmts>'
    "<cellXfs>"
    + "".join(f'<xf numFmtId="{n}"/>' for n in (0, 14, 164, 46, 165, 31, 2))
    + "</cellXfs>"
)
# openpyxl warns about STYLES: it has no named style "Normal" (not needed here).
NO_DEFAULT_STYLE = pytest.mark.filterwarnings("ignore:Workbook contains no default style")
STRINGS = [
    "<t>plain</t>",
    '<r><rPr><b/></rPr><t>bold</t></r><r><t xml:space="preserve"> and plain</t></r>',
    '<t>王芳</t><rPh sb="0" eb="2"><t>wáng fāng</t></rPh>',  # a reading aid, not text
    "<t>a_x005F_x0041_b</t>",
    "<t/>",
]
ROWS = (
    '<row r="1">'
    + "".join(f'<c r="{c}1" t="s"><v>{i}</v></c>' for i, c in enumerate("ABDEF"))
    + '</row><row r="2"><c r="A2" t="inlineStr"><is><r><t>rich </t></r><r><rPr><i/></rPr>'
    '<t>inline</t></r></is></c><c r="B2" t="inlineStr"/><c r="C2" t="str"><f>"a"&amp;"b"</f>'
    '<v>ab</v></c><c r="D2" t="e"><v>#REF!</v></c><c r="E2" t="b"><v>1</v></c><c r="F2" t="b">'
    '<v>0</v></c><c r="G2" t="d"><v>2023-05-01T09:30:00</v></c><c r="H2" t="str"><v>as text</v>'
    "</c></row>"
    '<row><c t="inlineStr"><is><t>no r</t></is></c><c><v>7</v></c><c r="E3"><v>2.5</v></c>'
    "<c><v>1E3</v></c></row>"  # row 3, its cells A, B, E, F
    '<row r="5"><c r="A5"><f t="shared" ref="A5:A6" si="0">B5+1</f><v>8</v></c>'
    '<c r="B5" s="1"><v>45047</v></c><c r="C5" s="2"><v>45047.75</v></c>'
    '<c r="D5" s="3"><v>1.5</v></c><c r="E5" s="4"><v>45047</v></c><c r="F5" s="6"><v>3</v></c>'
    '<c r="G5" s="1"><v>1E10</v></c></row>'
    '<row r="6"><c r="A6"><f t="shared" si="0"/><v>9</v></c><c r="B6"><v></v></c>'
    '<c r="C6" s="1"/></row>'
    '<row r="4"><c r="A4" t="inlineStr"><is><t>out of order: skipped</t></is></c></row>'
    '<row r="8" spans="1:3"/>'
    '<row r="9.0"><c r="C9"><v>3</v></c><c r="A9"><v>1</v></c></row>'  # a row ends at A
)


@NO_DEFAULT_STYLE
@pytest.mark.filterwarnings("ignore:Cell G5 is marked as a date")  # openpyxl's, for 1E10
@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_reader_matches_openpyxl_on_shared_strings_and_odd_xml(
    tmp_path: Path, date1904: bool
) -> None:
    path = parts_xlsx(tmp_path / "p.xlsx", ROWS, STRINGS, STYLES, date1904)
    ours = reader_rows(path)
    assert ours == openpyxl_rows(path)
    epoch = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    assert ours[1] == ["plain", "bold and plain", None, "王芳", "a_x0041_b", ""]
    assert ours[2] == ["rich inline", None, '="a"&"b"', "#REF!", True, False,
                       datetime(2023, 5, 1, 9, 30), "as text"]  # fmt: skip
    assert ours[3] == ["no r", 7, None, None, 2.5, 1000.0]
    assert ours[5] == ["=B5+1", epoch + timedelta(days=45047),
                       epoch + timedelta(days=45047.75), timedelta(hours=36), 45047, 3,
                       "#VALUE!"]  # fmt: skip
    assert ours[6] == ["=B6+1", None, None] and ours[9] == [1] and 4 not in ours


@NO_DEFAULT_STYLE
def test_chinese_built_in_date_formats_are_dates(tmp_path: Path) -> None:
    """Built-in format 31 is yyyy"年"m"月"d"日" in Chinese Excel; openpyxl reads a number."""
    rows = '<row r="1"><c r="A1" s="5"><v>45047</v></c><c r="B1" s="6"><v>45047</v></c></row>'
    path = parts_xlsx(tmp_path / "c.xlsx", rows, styles=STYLES)
    assert reader_rows(path) == {1: [datetime(2023, 5, 1), 45047]}
    assert openpyxl_rows(path) == {1: [45047, 45047]}


def test_shared_strings_dates_and_1904_through_read_members(tmp_path: Path) -> None:
    strings = [f"<t>{h}</t>" for h in [*MINIMAL_HEADER, "Birthday"]] + ["<t>王芳</t>", "<t>是</t>"]
    header = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(6))
    row = (
        '<row r="2"><c r="A2" t="s"><v>6</v></c><c r="B2" t="inlineStr"><is><t>13912345678</t>'
        '</is></c><c r="C2" s="5"><v>{join}</v></c><c r="D2" t="inlineStr"><is><t>SH002</t></is>'
        '</c><c r="E2" t="s"><v>7</v></c><c r="F2" s="1"><v>{birthday}</v></c></row>'
    )
    for date1904, offset in ((False, 0), (True, 1462)):  # the 1904 system counts 1462 days less
        serials = {"join": 44652 - offset, "birthday": 32939 - offset}  # 2022-04-01, 1990-03-07
        rows = f'<row r="1">{header}</row>' + row.format(**serials)
        path = parts_xlsx(tmp_path / f"m{offset}.xlsx", rows, strings, STYLES, date1904)
        values = only_row(read(path)).values
        assert values["name"] == "王芳" and values["privacy_consent"] is True
        assert values["join_date"] == date(2022, 4, 1)
        assert values["birthday"] == date(1990, 3, 7)


# --- Cells -------------------------------------------------------------------------------------


def test_formulas_are_rejected(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(MINIMAL_HEADER + ["Tags"])
    ws.append(["王芳", '="139"&"12345678"', "2022-04-01", "SH002", "yes", "=1"])
    ws.append(["王芳", "13912345679", "2022-04-01", "SH002", "yes"])
    ws["B3"] = ArrayFormula("B3", "=CONCAT(A1:A2)")
    wb.save(tmp_path / "f.xlsx")
    first, second = read(tmp_path / "f.xlsx").rows
    assert messages(first) == {
        "mobile": "Formulas are not accepted; paste values.",
        "tags": "Formulas are not accepted; paste values.",
    }
    assert messages(second) == {"mobile": "Formulas are not accepted; paste values."}


@pytest.mark.parametrize(
    "cell",
    [
        date(2023, 5, 1),
        datetime(2023, 5, 1, 9, 30),
        45047,  # Excel serial number
        45047.0,
        20230501,
        "2023-05-01",
        "2023/5/1",
        "2023.5.1",
        "20230501",
        "2023年5月1日",
        "２０２３年５月１日",
        " 2023 - 05 - 01 ",
        "2023-05-01 00:00:00",
    ],
)
def test_date_forms(cell: object) -> None:
    assert mx.convert_cell("join_date", cell, today=TODAY) == date(2023, 5, 1)


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("2023-02-30", "2023-02-30 is not a possible date."),
        ("2023/13/1", "2023/13/1 is not a possible date."),
        ("01/05/2023", "01/05/2023 is not a date; write it like 2023-05-01 or 2023年5月1日."),
        ("next week", "next week is not a date; write it like 2023-05-01 or 2023年5月1日."),
        ("2026-03-02", "The date 2026-03-02 is in the future."),
        ("1899-12-31", "The date 1899-12-31 is before 1900."),
        (True, "True is not a date; write it like 2023-05-01 or 2023年5月1日."),
        ("#N/A", "The cell holds the Excel error #N/A; enter a value."),
    ],
)
def test_bad_dates(cell: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        mx.convert_cell("join_date", cell, today=TODAY)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("cell", "fen"),
    [
        ("12,345.60", 1_234_560),
        ("¥12345.6", 1_234_560),
        ("￥１２，３４５．６０", 1_234_560),
        ("12345.6元", 1_234_560),
        ("RMB 100", 10_000),
        (12345.6, 1_234_560),
        (0.30000000000000004, 30),  # noise from a pasted calculation
        (158800, 15_880_000),
        ("0", 0),
    ],
)
def test_money_forms(cell: object, fen: int) -> None:
    assert mx.convert_cell("purchase_amount", cell, today=TODAY) == fen


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("-5", "The amount -5 is negative."),
        (-5.5, "The amount -5.5 is negative."),
        ("12.345", "The amount 12.345 has more than 2 decimals."),
        ("1,23.4", "1,23.4 is not an amount in yuan."),
        ("abc", "abc is not an amount in yuan."),
        ("NaN", "NaN is not an amount in yuan."),
        ("200000000", "The amount 200000000 is implausibly large."),
    ],
)
def test_bad_money(cell: object, message: str) -> None:
    with pytest.raises(ValueError) as info:
        mx.convert_cell("purchase_amount", cell, today=TODAY)
    assert str(info.value) == message


def test_messy_file_normalises(tmp_path: Path) -> None:
    keys = [c.key for c in mx.COLUMNS]
    messy = {
        "member_number": int(make_member_number(42)),  # a number cell: leading zeros lost
        "name": "  张　 三 ",
        "gender": " M ",
        "mobile": 1.3812345678e10,  # typed as a number and shown in scientific notation
        "province": "广东省 ",
        "city": "\u3000深圳市",
        "birthday": "１９９０年３月７日",
        "resident_id": ID_1990.lower().replace("9", "９"),
        "join_date": 43466,  # Excel serial for 2019-01-01 in a General cell
        "dealer_code": " gz-001 ",
        "source_channel": "经销商门店",
        "tags": "老客户，试驾；VIP、老客户",
        "privacy_consent": "ＹＥＳ",
        "marketing_consent": 1,
        "vin": VIN_A.lower()[:8] + "-" + VIN_A.lower()[8:],
        "vehicle_model": "  SUV   2.0T ",
        "plate": "京n·12345",
        "purchase_date": "2019.1.1",
        "purchase_amount": "￥１２，３４５．６０",
    }
    path = write_rows(tmp_path / "messy.xlsx", [messy], keys=keys)
    row = only_row(read(path))
    assert row.errors == []
    assert row.values == {
        "member_number": make_member_number(42),
        "name": "张三",
        "gender": "male",
        "mobile": "13812345678",
        "province": "广东省",
        "city": "深圳市",
        "birthday": date(1990, 3, 7),
        "resident_id": ID_1990,
        "join_date": date(2019, 1, 1),
        "dealer_code": "GZ-001",
        "source_channel": "dealer_counter",
        "tags": ["老客户", "试驾", "VIP"],
        "privacy_consent": True,
        "marketing_consent": True,
        "vin": VIN_A,
        "vehicle_model": "SUV 2.0T",
        "plate": "京N12345",
        "purchase_date": date(2019, 1, 1),
        "purchase_amount": 1_234_560,
    }
    assert row.raw[3] == 1.3812345678e10  # raw keeps what the file held


def test_id_number_that_excel_turned_into_a_float(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "f.xlsx", [valid_row(resident_id=float(ID_1990))])
    assert messages(only_row(read(path))) == {
        "resident_id": "Excel stored this number as a number and dropped its last digits: "
        "format the column as Text and enter it again."
    }
    # openpyxl, like Excel, writes an 18-digit int as a float; other writers keep it exact.
    assert mx.convert_cell("resident_id", int(ID_1990), today=TODAY) == ID_1990


def test_row_rules(tmp_path: Path) -> None:
    rows = [
        valid_row(privacy_consent="否"),
        valid_row(privacy_consent=None, mobile="13900000002"),
        valid_row(privacy_consent="maybe", mobile="13900000003"),
        valid_row(name=None, join_date=None, mobile="13900000004"),
        valid_row(resident_id=ID_1990, gender="女", mobile="13900000005"),
        valid_row(resident_id=ID_1990[:-1] + "0", mobile="13900000006"),
        valid_row(vin=VIN_B, mobile="13900000007"),
        valid_row(plate="粤B12345", mobile="13900000008"),
        valid_row(gender="unknown", source_channel="抖音", mobile="13900000009"),
        valid_row(tags="x" * 41, mobile="13900000010", dealer_code="SH 00#"),
    ]
    parsed = read(write_rows(tmp_path / "r.xlsx", rows))
    got = [messages(r) for r in parsed.rows]
    assert got[0] == {"privacy_consent": "Privacy consent is required to store a member."}
    assert got[1] == got[0]
    assert got[2] == {"privacy_consent": "Write 是 or 否 (yes or no), not maybe."}
    assert got[3] == {"name": "This column is required.", "join_date": "This column is required."}
    assert got[4] == {
        "resident_id": "The gender does not match the gender encoded in the ID card number."
    }
    assert "check character" in got[5]["resident_id"]
    assert got[6] == {"vehicle_model": "Enter the vehicle model for the VIN."}
    assert got[7] == {"vin": "Vehicle details need the vehicle's VIN in the same row."}
    assert got[8] == {
        "gender": "Write the gender as 男 or 女 (male or female).",
        "source_channel": "Unknown source channel 抖音; "
        "use 经销商门店, APP, 微信, 活动 or 历史导入.",
    }
    assert set(got[9]) == {"tags", "dealer_code"}
    # Messages keep their template and parameters for translation.
    message = parsed.rows[8].errors[1][1]
    assert isinstance(message, mx.Message) and message.params == {"value": "抖音"}
    assert message.template in mx.ROW_ERRORS.values()


def test_duplicates_within_the_file(tmp_path: Path) -> None:
    number = make_member_number(7)
    rows = [
        valid_row(mobile="13800000001", resident_id=ID_1990, vin=VIN_A, vehicle_model="X"),
        valid_row(mobile="13800000002", member_number=number),
        valid_row(mobile="+86 138 0000 0001"),
        valid_row(mobile="13800000004", resident_id=ID_1990.lower(), member_number=number),
        valid_row(mobile="13800000005", vin=VIN_A.lower(), vehicle_model="X"),
    ]
    parsed = read(write_rows(tmp_path / "d.xlsx", rows))
    got = [messages(r) for r in parsed.rows]
    assert got[:2] == [{}, {}]
    assert got[2] == {"mobile": "Same mobile number as row 2."}
    assert got[3] == {
        "member_number": "Same member number as row 3.",
        "resident_id": "Same ID card number as row 2.",
    }
    assert got[4] == {"vin": "Same VIN as row 2."}


def test_progress_is_reported_and_can_cancel(tmp_path: Path) -> None:
    rows = [MINIMAL_HEADER] + [minimal_row(i) for i in range(2500)]
    path = raw_xlsx(tmp_path / "p.xlsx", inline_rows(rows), dimension="A1:E2501")
    seen: list[tuple[int, int]] = []
    read(path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1000, 2500), (2000, 2500)]  # the data rows below the header

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        read(path, progress=cancel)


# --- Result workbook and export ------------------------------------------------------------------


def test_result_workbook(tmp_path: Path) -> None:
    rows = [
        valid_row(mobile="13800000001", join_date=date(2020, 1, 2)),
        valid_row(mobile="13800000002", name=None, tags="=1"),
        valid_row(mobile="13800000003"),
        valid_row(mobile="13800000004"),
    ]
    parsed = read(write_rows(tmp_path / "in.xlsx", rows))
    outcomes = {2: ("imported", ""), 4: ("error", "Mobile already belongs to member 1")}
    mx.write_result(tmp_path / "out.xlsx", parsed, outcomes)

    wb = load_workbook(tmp_path / "out.xlsx")
    results, summary = wb.worksheets
    table = list(results.iter_rows(values_only=True))
    assert table[0][0] == "行号 / Row"
    assert table[0][-2:] == ("状态 / Status", "原因 / Reason")
    assert list(table[0][1:-2]) == HEADERS_EN
    assert [r[0] for r in table[1:]] == [2, 3, 4, 5]
    assert [r[-2] for r in table[1:]] == ["imported", "error", "error", "not_processed"]
    assert table[2][-1] == (
        "Name: This column is required.; Tags: Formulas are not accepted; paste values."
    )
    assert table[3][-1] == "Mobile already belongs to member 1"
    assert table[1][9] == datetime(2020, 1, 2)  # dates stay dates
    assert table[2][12] == "=1"  # a rejected formula comes back as text, not as a formula
    assert results["B3"].fill.fgColor.rgb == "FFFFC7CE"
    assert results["B2"].fill.fill_type is None
    assert results.freeze_panes == "B2"
    counts = dict(summary.iter_rows(min_row=2, values_only=True))
    assert counts["数据行 / Data rows"] == 4
    assert counts["状态 / Status: error"] == 2
    assert counts["状态 / Status: imported"] == 1


def test_result_workbook_for_a_rejected_file(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"")
    mx.write_result(tmp_path / "out.xlsx", read(path), {})
    summary = load_workbook(tmp_path / "out.xlsx").worksheets[1]
    assert ("文件错误 / File error", "The file is empty (0 bytes).") in list(
        summary.iter_rows(values_only=True)
    )


def test_export_writes_dates_money_and_reimports(tmp_path: Path) -> None:
    member = mx.example_member() | {"member_number": make_member_number(1)}
    member["name"] = "  spaces  & <xml> _x0041_ \x01"  # text that must survive XML escaping
    rows = [
        member,
        mx.example_member() | {"purchase_amount": Decimal("99.5"), "mobile": "13800000009"},
    ]
    count = mx.write_members_export(tmp_path / "export.xlsx", iter(rows))
    assert count == 2
    ws = load_workbook(tmp_path / "export.xlsx").worksheets[0]
    assert [c.value for c in ws[1]] == [c.header() for c in mx.COLUMNS]
    join = ws.cell(row=2, column=9)
    assert join.value == datetime(2019, 6, 15) and join.number_format == "yyyy-mm-dd"
    amount = ws.cell(row=2, column=19)
    assert amount.value == 158800 and amount.number_format == "#,##0.00"
    assert ws.cell(row=3, column=19).value == 99.5
    # Excel decodes "_xHHHH_" in text, so a literal one is escaped (openpyxl does not decode).
    assert ws.cell(row=2, column=2).value == "  spaces  & <xml> _x005F_x0041_ "
    assert ws.cell(row=2, column=13).value == "是"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:S3"

    clean = mx.write_members_export(tmp_path / "again.xlsx", [rows[1] | {"name": "赵敏"}])
    assert clean == 1
    again = only_row(read(tmp_path / "again.xlsx"))
    assert again.errors == []
    assert again.values["purchase_amount"] == 9950


def test_write_error_is_reported(tmp_path: Path) -> None:
    with pytest.raises(mx.ExcelWriteError, match="Cannot write"):
        mx.write_template(tmp_path / "missing-folder" / "t.xlsx")
    assert not list(tmp_path.iterdir())


# --- Property: any valid row survives a trip through a file ---------------------------------------

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@st.composite
def members(draw: st.DrawFn) -> dict[str, object]:
    birthday = draw(st.dates(date(1930, 1, 1), date(2005, 12, 31)))
    gender = draw(st.sampled_from(["male", "female"]))
    first17 = (
        draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
        + birthday.strftime("%Y%m%d")
        + draw(st.from_regex(r"[0-9]{2}", fullmatch=True))
        + str(draw(st.sampled_from("13579" if gender == "male" else "02468")))
    )
    has_vin = draw(st.booleans())
    eight = st.text(VIN_CHARS, min_size=8, max_size=8)
    return {
        "member_number": draw(st.none() | st.integers(0, 10**10 - 1).map(make_member_number)),
        "name": draw(
            st.text(HAN, min_size=2, max_size=4)
            | st.from_regex(r"[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", fullmatch=True)
        ),
        "gender": gender,
        "mobile": draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)),
        "province": draw(st.none() | st.sampled_from(["广东省", "浙江省", "北京市"])),
        "city": draw(st.none() | st.sampled_from(["深圳市", "杭州市", "北京市"])),
        "birthday": birthday,
        "resident_id": draw(st.none() | st.just(first17 + resident_id_check_char(first17))),
        "join_date": draw(st.dates(date(2000, 1, 1), TODAY)),
        "dealer_code": draw(st.from_regex(r"[A-Z]{2}[0-9]{3}", fullmatch=True)),
        "source_channel": draw(st.sampled_from(mx.CHANNELS)),
        "tags": draw(st.lists(st.text(HAN, min_size=1, max_size=6), max_size=3, unique=True)),
        "privacy_consent": True,
        "marketing_consent": draw(st.booleans()),
        "vin": complete_vin(draw(eight), draw(eight)) if has_vin else None,
        "vehicle_model": draw(st.text(HAN, min_size=1, max_size=8)) if has_vin else None,
        "plate": draw(
            st.none()
            | st.builds(
                lambda p, rest: p + rest,
                st.sampled_from(PLATE_PROVINCES[:-2]),
                st.text(PLATE_CHARS.replace("I", "").replace("O", ""), min_size=6, max_size=6),
            ).filter(lambda p: p[1].isalpha())
        )
        if has_vin
        else None,
        "purchase_date": draw(st.none() | st.dates(date(2000, 1, 1), TODAY)) if has_vin else None,
        "purchase_amount": draw(st.none() | st.integers(0, 10**10)) if has_vin else None,
    }


def render(draw: st.DrawFn, member: dict[str, object]) -> dict[str, object]:
    """Write a member the many ways staff type it: numbers, text dates, Chinese labels."""
    cells: dict[str, object] = {}
    for col in mx.COLUMNS:
        value = member[col.key]
        if value is None:
            cells[col.key] = None
        elif col.kind == "date":
            assert isinstance(value, date)
            forms = [value, value.isoformat(), f"{value.year}/{value.month}/{value.day}",
                     f"{value.year}年{value.month}月{value.day}日", value.strftime("%Y%m%d"),
                     value.isoformat().translate(FULL_WIDTH)]  # fmt: skip
            cells[col.key] = draw(st.sampled_from(forms))
        elif col.kind == "bool":
            forms = ["是", "yes", "Y", "true", 1, True] if value else ["否", "no", "N", 0, False]
            cells[col.key] = draw(st.sampled_from(forms))
        elif col.kind == "money":
            assert isinstance(value, int)
            yuan = Decimal(value).scaleb(-2)
            forms = [f"{yuan:,.2f}", f"¥{yuan}", float(yuan), str(yuan).translate(FULL_WIDTH)]
            cells[col.key] = draw(st.sampled_from(forms))
        elif col.key in ("mobile", "member_number"):
            cells[col.key] = draw(st.sampled_from([value, int(str(value)), f" {value} "]))
        elif col.key == "gender" and member["resident_id"] and draw(st.booleans()):
            cells[col.key] = None  # the ID supplies it
        else:
            cells[col.key] = mx.display_value(col, value, draw(st.sampled_from(["zh_CN", "en"])))
    return cells


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), member=members())
def test_any_valid_member_survives_a_file(data: st.DataObject, member: dict[str, object]) -> None:
    cells = render(data.draw, member)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_rows(Path(tmp) / "m.xlsx", [cells], [c.header() for c in mx.COLUMNS])
        parsed = read(path)
    row = only_row(parsed)
    assert row.errors == []
    assert row.values == member


# --- Timing (opt-in: LOYALTY_BENCH=1) ------------------------------------------------------------


@pytest.mark.skipif(not os.environ.get("LOYALTY_BENCH"), reason="set LOYALTY_BENCH=1 to time")
def test_time_100k_rows(tmp_path: Path) -> None:
    base = mx.example_member()
    rows = (
        base
        | {"mobile": f"139{i:08d}", "resident_id": None, "vin": None, "vehicle_model": None}
        | {"plate": None, "purchase_date": None, "purchase_amount": None}
        for i in range(100_000)
    )
    path = tmp_path / "big.xlsx"
    started = time.perf_counter()
    mx.write_members_export(path, rows)
    export_s = time.perf_counter() - started
    started = time.perf_counter()
    parsed = read(path)
    parse_s = time.perf_counter() - started
    assert parsed.file_errors == [] and len(parsed.rows) == 100_000
    started = time.perf_counter()
    mx.write_result(tmp_path / "result.xlsx", parsed, {})
    result_s = time.perf_counter() - started
    print(
        f"\n100,000 rows: export {export_s:.1f} s, parse {parse_s:.1f} s, "
        f"result workbook {result_s:.1f} s ({path.stat().st_size / 1e6:.1f} MB input)"
    )
