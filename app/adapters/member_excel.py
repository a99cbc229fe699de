"""Bulk import of historical members (批量激活老用户) and member export as .xlsx files.

Pure file handling and validation, no database: ``read_members`` streams a workbook into
normalised rows with per-row errors; the import service checks them against the database and
writes them in batches; ``write_result`` gives the user their rows back with a status each.

What the import service can rely on:

- ``ParsedFile.file_errors`` not empty: the file as a whole must not be imported.
- ``ParsedRow.values`` holds every column key of ``COLUMNS``: dates are ``date``, booleans
  ``bool``, tags ``list[str]``, ``purchase_amount`` is integer **fen**, blanks are ``None``;
  gender and birthday are filled from the resident ID when left empty; ``source_channel``
  defaults to ``historical_import`` and ``marketing_consent`` to ``False``.
- The template's example row is skipped: any row whose first cell or member-number cell
  starts with "示例" or "Example" (its row number goes to ``ParsedFile.example_rows``).
- Duplicates *within the file* (mobile, resident ID, VIN, member number) are row errors
  naming the first row; duplicates against the database are the service's job.

Messages are English constant templates marked for translation (``ROW_ERRORS``,
``FILE_ERRORS``); each reported message is a :class:`Message`, a ``str`` that also keeps its
template and parameters so the UI can translate it and fill the parameters in.

Reading streams the sheet XML with ElementTree (``_SheetReader``) and gives the values
openpyxl's read-only mode would: openpyxl builds objects for every cell, which took half the
time of a 100,000-row import. Writing (result workbook, export) uses the small streaming .xlsx
writer below instead of openpyxl's write-only mode: without lxml, openpyxl's XML serialiser
needed 75 s for 100,000 rows of 22 cells on the development machine, this writer 5 s. The
template is small and uses openpyxl (data validation, styles).
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import shutil
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial
from pathlib import Path
from typing import IO, Literal
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    coordinate_to_tuple,
)
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601, to_excel
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from app.adapters.files import save_atomically
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import (
    InvalidValue,
    ResidentId,
    check_resident_id_matches,
    complete_vin,
    normalize_member_number,
    normalize_mobile,
    normalize_person_name,
    normalize_plate,
    normalize_text,
    normalize_vin,
    parse_resident_id,
    resident_id_check_char,
)

Language = Literal["zh_CN", "en"]
Kind = Literal["text", "code", "date", "choice", "bool", "tags", "money"]

MAX_ROWS = 200_000
HEADER_SEARCH_ROWS = 10  # title lines above the header row are tolerated
EXAMPLE_MARKERS = ("示例", "example")
DATA_SHEET_NAMES = ("会员", "members")
STATUS_ERROR = "error"  # rows with this status are highlighted in the result workbook
STATUS_NOT_PROCESSED = "not_processed"  # a valid row the service reported no outcome for
CHANNELS = ("dealer_counter", "app", "wechat", "event", "historical_import")
DEFAULT_CHANNEL = "historical_import"


# --- Messages ------------------------------------------------------------------------------


class Message(str):
    """English text of a file or row error that remembers its template and parameters."""

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Message:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self


class ExcelWriteError(LoyaltyError):
    """A workbook could not be written (typically: the file is open in Excel)."""


FILE_ERRORS: dict[str, str] = {
    "unreadable": QT_TRANSLATE_NOOP("Errors", "The file cannot be opened: {reason}"),
    "empty": QT_TRANSLATE_NOOP("Errors", "The file is empty (0 bytes)."),
    "xls": QT_TRANSLATE_NOOP(
        "Errors", "This is an old .xls file: open it in Excel and save as .xlsx."
    ),
    "encrypted": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is password-protected: open it in Excel, remove the password "
        "(File > Info > Protect Workbook) and save it again.",
    ),
    "text": QT_TRANSLATE_NOOP(
        "Errors",
        "This is a CSV or text file, not an Excel workbook: open it in Excel and save as .xlsx.",
    ),
    "html": QT_TRANSLATE_NOOP(
        "Errors",
        "This is a web page or XML file, not an Excel workbook: "
        "open it in Excel and save as .xlsx.",
    ),
    "ods": QT_TRANSLATE_NOOP(
        "Errors", "This is an OpenDocument spreadsheet (.ods): open it and save as .xlsx."
    ),
    "not_xlsx": QT_TRANSLATE_NOOP(
        "Errors", "This is not an Excel workbook (.xlsx): choose the filled-in template."
    ),
    "corrupt": QT_TRANSLATE_NOOP(
        "Errors",
        "The file is damaged or not a complete .xlsx file: open it in Excel and save it again.",
    ),
    "too_large": QT_TRANSLATE_NOOP(
        "Errors", "The file is too large to import ({size_mb:,} MB unpacked); split it."
    ),
    "no_sheet": QT_TRANSLATE_NOOP("Errors", "The workbook has no worksheet."),
    "no_header": QT_TRANSLATE_NOOP(
        "Errors",
        "No header row found: the first row must hold the column names of the template.",
    ),
    "missing_columns": QT_TRANSLATE_NOOP("Errors", "Required columns are missing: {columns}."),
    "duplicate_column": QT_TRANSLATE_NOOP(
        "Errors", "The column {column} appears twice (columns {first} and {second})."
    ),
    "no_rows": QT_TRANSLATE_NOOP("Errors", "The file has no data rows."),
    "too_many_rows": QT_TRANSLATE_NOOP(
        "Errors", "The file has more than {max_rows:,} rows; split it into smaller files."
    ),
}

ROW_ERRORS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("Errors", "This column is required."),
    "formula": QT_TRANSLATE_NOOP("Errors", "Formulas are not accepted; paste values."),
    "excel_error": QT_TRANSLATE_NOOP(
        "Errors", "The cell holds the Excel error {value}; enter a value."
    ),
    "lost_digits": QT_TRANSLATE_NOOP(
        "Errors",
        "Excel stored this number as a number and dropped its last digits: "
        "format the column as Text and enter it again.",
    ),
    "date": QT_TRANSLATE_NOOP(
        "Errors", "{value} is not a date; write it like 2023-05-01 or 2023年5月1日."
    ),
    "date_impossible": QT_TRANSLATE_NOOP("Errors", "{value} is not a possible date."),
    "date_future": QT_TRANSLATE_NOOP("Errors", "The date {value} is in the future."),
    "date_too_old": QT_TRANSLATE_NOOP("Errors", "The date {value} is before 1900."),
    "gender": QT_TRANSLATE_NOOP("Errors", "Write the gender as 男 or 女 (male or female)."),
    "boolean": QT_TRANSLATE_NOOP("Errors", "Write 是 or 否 (yes or no), not {value}."),
    "privacy": QT_TRANSLATE_NOOP("Errors", "Privacy consent is required to store a member."),
    "channel": QT_TRANSLATE_NOOP(
        "Errors",
        "Unknown source channel {value}; use 经销商门店, APP, 微信, 活动 or 历史导入.",
    ),
    "text_too_long": QT_TRANSLATE_NOOP("Errors", "At most {max} characters are allowed."),
    "dealer_code": QT_TRANSLATE_NOOP(
        "Errors", "A dealer code has at most 20 letters, digits, '-' or '_'."
    ),
    "tag_too_long": QT_TRANSLATE_NOOP(
        "Errors", "The tag {tag} is too long; a tag has at most {max} characters."
    ),
    "too_many_tags": QT_TRANSLATE_NOOP("Errors", "At most {max} tags are allowed."),
    "money": QT_TRANSLATE_NOOP("Errors", "{value} is not an amount in yuan."),
    "money_decimals": QT_TRANSLATE_NOOP("Errors", "The amount {value} has more than 2 decimals."),
    "money_negative": QT_TRANSLATE_NOOP("Errors", "The amount {value} is negative."),
    "money_too_large": QT_TRANSLATE_NOOP("Errors", "The amount {value} is implausibly large."),
    "model_required": QT_TRANSLATE_NOOP("Errors", "Enter the vehicle model for the VIN."),
    "vin_required": QT_TRANSLATE_NOOP(
        "Errors", "Vehicle details need the vehicle's VIN in the same row."
    ),
    "duplicate_mobile": QT_TRANSLATE_NOOP("Errors", "Same mobile number as row {row}."),
    "duplicate_resident_id": QT_TRANSLATE_NOOP("Errors", "Same ID card number as row {row}."),
    "duplicate_vin": QT_TRANSLATE_NOOP("Errors", "Same VIN as row {row}."),
    "duplicate_member_number": QT_TRANSLATE_NOOP("Errors", "Same member number as row {row}."),
}


# --- Column spec ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of the import template, the import parser and the export."""

    key: str
    zh: str
    en: str
    required: bool
    kind: Kind
    width: int = 12
    meaning_zh: str = ""
    meaning_en: str = ""
    formats_zh: str = ""
    formats_en: str = ""

    def header(self, language: Language = "zh_CN") -> str:
        """The template's header text, e.g. "*手机号 / Mobile" (required ones start with *)."""
        first, second = (self.zh, self.en) if language == "zh_CN" else (self.en, self.zh)
        return ("*" if self.required else "") + f"{first} / {second}"


_DATE_ZH = "日期单元格，或文本 2023-05-01、2023/5/1、2023.5.1、20230501、2023年5月1日"
_DATE_EN = "a date cell, or text 2023-05-01, 2023/5/1, 2023.5.1, 20230501, 2023年5月1日"
_BOOL_ZH = "是/否、yes/no、Y/N、true/false、1/0"
_TEXT_ID_ZH = "；请把此列设为文本格式"
_TEXT_ID_EN = "; format the column as Text"

COLUMNS: tuple[Column, ...] = (
    Column(
        "member_number", "会员编号", "Member number", False, "code", 15,
        "已有的会员编号；留空则导入时自动分配", "Existing member number; empty = assigned",
        "11 位数字（含校验位）" + _TEXT_ID_ZH, "11 digits including the check digit" + _TEXT_ID_EN,
    ),
    Column(
        "name", "姓名", "Name", True, "text", 12, "会员姓名", "The member's name",
        "中文或英文字母，少数民族姓名以 · 分隔，最多 40 字",
        "Chinese or Latin letters, · between parts of minority names, at most 40 characters",
    ),
    Column(
        "gender", "性别", "Gender", False, "choice", 8,
        "留空时取自身份证号", "Taken from the resident ID when empty",
        "男/女、male/female、M/F", "男/女, male/female, M/F",
    ),
    Column(
        "mobile", "手机号", "Mobile", True, "code", 15,
        "中国大陆手机号，文件内不可重复", "Mainland China mobile number; unique in the file",
        "11 位数字，可带 +86" + _TEXT_ID_ZH, "11 digits, +86 allowed" + _TEXT_ID_EN,
    ),
    Column(
        "province", "省份", "Province", False, "text", 10, "会员所在省份", "The member's province",
        "文本，最多 40 字", "text, at most 40 characters",
    ),
    Column(
        "city", "城市", "City", False, "text", 10, "会员所在城市", "The member's city",
        "文本，最多 40 字", "text, at most 40 characters",
    ),
    Column(
        "birthday", "出生日期", "Birthday", False, "date", 12,
        "留空时取自身份证号；两者都填时必须一致",
        "Taken from the resident ID when empty; must match it when both are given",
        _DATE_ZH, _DATE_EN,
    ),
    Column(
        "resident_id", "身份证号", "Resident ID", False, "code", 21,
        "18 位居民身份证号，文件内不可重复",
        "18-character resident identity card number; unique in the file",
        "17 位数字加一位数字或 X" + _TEXT_ID_ZH + "（否则 Excel 会丢掉末尾数字）",
        "17 digits and a digit or X" + _TEXT_ID_EN + " (Excel drops the last digits otherwise)",
    ),
    Column(
        "join_date", "入会日期", "Join date", True, "date", 12,
        "成为会员的日期，不能晚于导入当天", "When the customer joined; not after today",
        _DATE_ZH, _DATE_EN,
    ),
    Column(
        "dealer_code", "经销商代码", "Dealer code", True, "code", 12,
        "会员所属经销商的代码", "Code of the member's dealer",
        "字母、数字、- 或 _，最多 20 位，自动转为大写",
        "letters, digits, - or _, at most 20; upper-cased",
    ),
    Column(
        "source_channel", "来源渠道", "Source channel", False, "choice", 12,
        "会员来源；留空为“历史导入”", "Where the member came from; empty = historical import",
        "经销商门店、APP、微信、活动、历史导入",
        "dealer_counter, app, wechat, event, historical_import (or the Chinese labels)",
    ),
    Column(
        "tags", "标签", "Tags", False, "tags", 16, "会员标签", "Member tags",
        "多个标签以逗号、顿号或分号分隔，每个最多 40 字",
        "several tags separated by commas, 、 or semicolons; at most 40 characters each",
    ),
    Column(
        "privacy_consent", "隐私授权", "Privacy consent", True, "bool", 10,
        "会员同意保存其个人信息；必须为“是”",
        "The member agreed to the storage of personal data; must be yes",
        _BOOL_ZH, "yes/no, Y/N, true/false, 1/0, 是/否",
    ),
    Column(
        "marketing_consent", "营销授权", "Marketing consent", False, "bool", 10,
        "会员同意接收营销信息；留空为“否”", "The member accepts marketing messages; empty = no",
        _BOOL_ZH, "yes/no, Y/N, true/false, 1/0, 是/否",
    ),
    Column(
        "vin", "车架号(VIN)", "VIN", False, "code", 20,
        "车辆识别代号；车辆信息需要 VIN，文件内不可重复",
        "Vehicle identification number; needed for any vehicle details; unique in the file",
        "17 位字母或数字（无 I、O、Q），第 9 位校验位须正确",
        "17 letters or digits (no I, O, Q) with a correct check digit in position 9",
    ),
    Column(
        "vehicle_model", "车型", "Vehicle model", False, "text", 16,
        "填写 VIN 时必填", "Required when a VIN is given",
        "文本，最多 60 字", "text, at most 60 characters",
    ),
    Column(
        "plate", "车牌号", "Plate", False, "code", 11, "车牌号", "Licence plate",
        "如 粤B12345、粤BD12345（新能源）", "e.g. 粤B12345, 粤BD12345 (new-energy)",
    ),
    Column(
        "purchase_date", "购车日期", "Purchase date", False, "date", 12,
        "购车日期", "Date of purchase", _DATE_ZH, _DATE_EN,
    ),
    Column(
        "purchase_amount", "购车金额(元)", "Purchase amount (yuan)", False, "money", 14,
        "成交价，单位为元", "Price paid, in yuan",
        "数字，最多两位小数，可带 ¥ 和千分位逗号，不能为负",
        "a number with at most 2 decimals; ¥ and thousands separators allowed; not negative",
    ),
)  # fmt: skip

COLUMN_BY_KEY: dict[str, Column] = {c.key: c for c in COLUMNS}
_COLUMN_ORDER = {c.key: i for i, c in enumerate(COLUMNS)}

# Header names seen in older exports; matched like the template's own headers.
_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "member_number": ("会员号", "会员卡号", "member no", "membernumber"),
    "name": ("会员姓名", "客户姓名"),
    "mobile": ("手机", "手机号码", "mobile number", "phone"),
    "resident_id": ("身份证", "身份证号码", "id number", "id card"),
    "join_date": ("入会时间", "注册日期"),
    "vin": ("车架号", "vin码", "车辆识别代号"),
    "plate": ("车牌", "plate number"),
    "purchase_amount": ("购车金额", "purchase amount"),
}

_GENDERS = {"男": "male", "男性": "male", "male": "male", "m": "male"} | {
    "女": "female",
    "女性": "female",
    "female": "female",
    "f": "female",
}
CHANNEL_LABELS_ZH = {
    "dealer_counter": "经销商门店",
    "app": "APP",
    "wechat": "微信",
    "event": "活动",
    "historical_import": "历史导入",
}
_CHANNELS_BY_TEXT = {c: c for c in CHANNELS} | {
    label.casefold(): code for code, label in CHANNEL_LABELS_ZH.items()
}
_TRUE = frozenset({"是", "yes", "y", "true", "1"})
_FALSE = frozenset({"否", "no", "n", "false", "0"})
_UNIQUE_KEYS = ("member_number", "mobile", "resident_id", "vin")
_VEHICLE_DETAILS = ("vehicle_model", "plate", "purchase_date", "purchase_amount")
_TEXT_LIMITS = {"province": 40, "city": 40, "vehicle_model": 60}
MAX_TAGS, MAX_TAG_LENGTH = 20, 40
MAX_AMOUNT_YUAN = Decimal(100_000_000)  # a typo guard: no car costs 100 million yuan


# --- Parsed data ---------------------------------------------------------------------------


@dataclass(slots=True)
class ParsedRow:
    row_number: int  # as shown in Excel
    values: dict[str, object]  # every column key → normalised value or None
    errors: list[tuple[str, str]]  # (column key, English message)
    raw: list[object]  # the cells as read, trailing blanks removed

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)  # unknown headers, as written
    headers: list[str] = field(default_factory=list)  # the header row, as written
    header_row: int = 0
    example_rows: list[int] = field(default_factory=list)
    sheet_name: str = ""

    @property
    def error_rows(self) -> int:
        return sum(1 for r in self.rows if r.errors)


# --- Reading: container checks -------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Password-protected .xlsx files are OLE containers holding this stream (MS-OFFCRYPTO).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MAX_PART_BYTES = 1 << 30  # unpacked size of one part; guards against zip bombs
_MAX_STRINGS_BYTES = 256 << 20  # the whole shared-string table is kept in memory
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_VALUE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v|is|f)[\s>]")


class _Rejected(Exception):
    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.message = Message(FILE_ERRORS[key], **params)


@dataclass
class _SheetInfo:
    name: str
    part: str  # the worksheet XML in the zip
    strings: str | None  # the shared-string table, if the workbook has one
    styles: str | None  # its number formats tell which number cells are dates
    epoch: datetime  # serial 0 of the workbook's date system
    rows_hint: int = 0  # rows according to the <dimension>, 0 if unknown


def _inspect(path: Path, max_rows: int) -> _SheetInfo:
    """Check the container cheaply and find the data sheet; raise _Rejected on any problem."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise _Rejected("unreadable", reason=exc.strerror or str(exc)) from None
    if size == 0:
        raise _Rejected("empty")
    if head.startswith(_OLE_MAGIC):
        raise _Rejected("encrypted" if _contains(path, _ENCRYPTED_STREAM) else "xls")
    if not head.startswith(b"PK"):
        raise _Rejected(_non_zip_kind(head))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_zip(zf)
            return _sheet_info(zf, max_rows)
    except _Rejected:
        raise
    except Exception:  # zipfile/zlib/XML raise many kinds on damaged files
        raise _Rejected("corrupt") from None


def _contains(path: Path, needle: bytes) -> bool:
    """Scan a file in chunks (the OLE directory may sit anywhere in it)."""
    tail = b""
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            if needle in tail + chunk:
                return True
            tail = chunk[-len(needle) :]
    return False


def _non_zip_kind(head: bytes) -> str:
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if text.startswith(b"<"):
        return "html"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        return "text"
    if b"\x00" not in head:
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
                return "text"
            except UnicodeDecodeError:
                continue
    return "not_xlsx"


def _check_zip(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if any(i.flag_bits & 0x1 for i in infos):
        raise _Rejected("encrypted")
    if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
        raise _Rejected("ods")
    if not any(n.startswith("xl/") for n in names):
        raise _Rejected("not_xlsx")
    for info in infos:
        limit = _MAX_STRINGS_BYTES if info.filename.endswith("sharedStrings.xml") else None
        if info.file_size > (limit or _MAX_PART_BYTES):
            raise _Rejected("too_large", size_mb=info.file_size >> 20)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _part(folder: str, target: str) -> str:
    """A relationship's target as a zip member name."""
    path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    return posixpath.normpath(path)


def _workbook_parts(zf: zipfile.ZipFile) -> tuple[list[tuple[str, str]], dict[str, str], bool]:
    """(sheet name, part) of every worksheet in workbook order, the workbook's other parts by
    relationship ("sharedStrings", "styles", ...) and whether it uses the 1904 date system."""
    book = "xl/workbook.xml"  # where the package relationships nearly always point
    if "_rels/.rels" in zf.namelist():
        for rel in ET.fromstring(zf.read("_rels/.rels")):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = _part("", rel.get("Target", ""))
    folder, name = posixpath.split(book)
    workbook = ET.fromstring(zf.read(book))
    worksheets: dict[str | None, str] = {}
    parts: dict[str, str] = {}
    for rel in ET.fromstring(zf.read(posixpath.join(folder, "_rels", f"{name}.rels"))):
        kind, target = rel.get("Type", "").rpartition("/")[2], _part(folder, rel.get("Target", ""))
        if kind == "worksheet":
            worksheets[rel.get("Id")] = target
        else:
            parts.setdefault(kind, target)
    sheets, date1904 = [], False
    for element in workbook.iter():
        tag = _local(element.tag)
        if tag == "workbookPr":  # read as openpyxl does: only these spellings are false
            date1904 = element.get("date1904") not in (None, "", "false", "f", "0")
        elif tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
            if rid in worksheets:
                sheets.append((element.get("name", ""), worksheets[rid]))
    return sheets, parts, date1904


def choose_sheet(names: Sequence[str]) -> int:
    """Index of the data sheet: the one named 会员/Members, else the first."""
    for i, name in enumerate(names):
        if normalize_text(name).casefold() in DATA_SHEET_NAMES:
            return i
    return 0


def _sheet_info(zf: zipfile.ZipFile, max_rows: int) -> _SheetInfo:
    sheets, parts, date1904 = _workbook_parts(zf)
    if not sheets:
        raise _Rejected("no_sheet")
    name, part = sheets[choose_sheet([n for n, _ in sheets])]
    limit = max_rows + HEADER_SEARCH_ROWS
    rows = _dimension_rows(zf, part)
    # A small <dimension> lets a normal file through at once (streaming still counts). A
    # missing or huge one is verified: formatted empty rows below the data inflate it.
    if (rows is None or rows > limit) and _count_filled_rows(zf, part, limit) > limit:
        raise _Rejected("too_many_rows", max_rows=max_rows)
    epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
    return _SheetInfo(name, part, parts.get("sharedStrings"), parts.get("styles"), epoch, rows or 0)


def _dimension_rows(zf: zipfile.ZipFile, part: str) -> int | None:
    """Rows spanned by the sheet's <dimension>, read from the start of the part only."""
    with zf.open(part) as src:
        for _event, element in ET.iterparse(src, events=("start",)):
            tag = _local(element.tag)
            if tag == "dimension":
                numbers = [int(n) for n in re.findall(r"[0-9]+", element.get("ref", ""))]
                return numbers[-1] - numbers[0] + 1 if numbers else None
            if tag == "sheetData":
                return None
    return None


def _count_filled_rows(zf: zipfile.ZipFile, part: str, limit: int) -> int:
    """Rows holding a value (<v>, <is> or <f>), from the raw XML without parsing it.

    An upper bound of the rows the parser keeps (a cell of spaces counts here); it stops
    once past ``limit``, so a sheet of a million rows is judged in about a second.
    """
    count, opened, filled = 0, False, False
    tail, pos = b"", 0
    with zf.open(part) as src:
        while chunk := src.read(1 << 20):
            buf = tail + chunk
            for m in _ROW_START.finditer(buf):
                if m.end() <= len(tail):
                    continue  # counted with the previous chunk
                filled = filled or _VALUE_TAG.search(buf, pos, m.start()) is not None
                count += opened and filled
                opened, filled, pos = True, False, m.start()
            filled = filled or _VALUE_TAG.search(buf, pos) is not None
            if count > limit:
                return count
            keep = min(len(buf), 32)  # a tag may straddle two chunks
            tail, pos = buf[-keep:], max(pos - (len(buf) - keep), 0)
    return count + (opened and filled)


# --- Reading: the sheet XML -------------------------------------------------------------------

_SML = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"  # the only one openpyxl reads
_ROW, _SHEET_DATA, _SI = _SML + "row", _SML + "sheetData", _SML + "si"
_V, _F, _IS, _T, _RUN = _SML + "v", _SML + "f", _SML + "is", _SML + "t", _SML + "r"
# Built-in number formats Excel fills in by locale, all dates or times in Chinese (31 is
# yyyy"年"m"月"d"日"); openpyxl does not know them and would read these cells as numbers.
_LOCALE_DATE_FORMATS = frozenset((*range(27, 37), *range(50, 59)))


class _SheetReader:
    """The rows of one worksheet as openpyxl's read-only ``iter_rows(values_only=True)``
    gives them, as (Excel row number, values): shared and inline strings, numbers, booleans,
    error texts, formulas as "=..." text, dates by cell style, None in gaps."""

    def __init__(self, zf: zipfile.ZipFile, info: _SheetInfo):
        self.zf, self.info = zf, info
        self.columns: dict[str, int] = {}  # column letters → index, per distinct letters

    def __iter__(self) -> Iterator[tuple[int, list[object]]]:
        # Loaded here rather than in __init__ so that _numbered_rows sees their failures too.
        self.strings = _shared_strings(self.zf, self.info.strings)
        self.dates, self.durations = _date_styles(self.zf, self.info.styles)
        # openpyxl's own code: it turns a shared formula into each cell's text ("=A2+1").
        self.formula = WorkSheetParser(None, []).parse_formula
        number = last = 0
        with self.zf.open(self.info.part) as src:
            for row in _complete_rows(src):
                r = row.get("r")
                number = _row_number(r) if r else number + 1
                if number > last:  # like openpyxl: a row out of order is skipped
                    last = number
                    yield number, self._values(row)

    def _values(self, row: ET.Element) -> list[object]:
        values: list[object] = []
        column = 0
        for cell in row:
            ref = cell.get("r")
            column = self._column(ref) if ref else column + 1  # no r: the next column
            value = self._value(cell)
            if column == len(values) + 1:
                values.append(value)
            elif column > len(values):
                values += [None] * (column - len(values) - 1) + [value]
            else:
                values[column - 1] = value
        del values[column:]  # openpyxl ends a row at the column of its last cell
        return values

    def _column(self, ref: str) -> int:
        letters = ref.rstrip("0123456789")
        column = self.columns.get(letters)
        if column is None:
            column = self.columns[letters] = coordinate_to_tuple(ref)[1]
        return column

    def _value(self, cell: ET.Element) -> object:
        """openpyxl's WorkSheetParser.parse_cell with data_only=False, values only."""
        kind = cell.get("t", "n")
        if cell.find(_F) is not None:
            return self.formula(cell)
        if kind == "inlineStr":
            node = cell.find(_IS)
            return None if node is None else _text(node)
        value = cell.findtext(_V) or None
        if value is None:
            return None
        if kind == "n":
            number = float(value) if "." in value or "E" in value or "e" in value else int(value)
            style = int(cell.get("s") or 0)  # no s: style 0, which may be a date too
            if style in self.dates:
                return _serial_date(number, self.info.epoch, style in self.durations)
            return number
        if kind == "s":
            return self.strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "e": the error text, "str": a formula's cached text


def _complete_rows(src: IO[bytes]) -> Iterator[ET.Element]:
    """Each <row> element once it is fully parsed; rows already seen are dropped from the tree
    so memory stays flat. Only "start" events: they hand over <sheetData> for the clearing,
    and a row is complete when the next one starts (or the sheet ends)."""
    pending = sheet_data = None
    for _event, element in ET.iterparse(src, events=("start",)):
        if element.tag == _ROW:
            if pending is not None:
                yield pending
            if sheet_data is not None:
                sheet_data.clear()
            pending = element
        elif element.tag == _SHEET_DATA:
            sheet_data = element
    if pending is not None:
        yield pending


def _row_number(text: str) -> int:
    """A row's r attribute; openpyxl also accepts a whole float such as "2.0"."""
    number = float(text)
    if not number.is_integer():
        raise ValueError(f"{text} is not a row number")
    return int(number)


def _text(node: ET.Element) -> str:
    """The text of an <si> or <is>: its <t>, then the <t> of each rich-text run <r>."""
    text = node.findtext(_T) or ""
    runs = node.findall(_RUN)
    return text + "".join(run.findtext(_T) or "" for run in runs) if runs else text


def _shared_strings(zf: zipfile.ZipFile, part: str | None) -> list[str]:
    strings: list[str] = []
    if part is None:
        return strings
    with zf.open(part) as src:
        for _event, element in ET.iterparse(src):
            if element.tag == _SI:
                # As openpyxl: "_x005F_" becomes "_", other "_xHHHH_" escapes stay as written.
                strings.append(_text(element).replace("x005F_", ""))
                element.clear()
    return strings


def _date_styles(zf: zipfile.ZipFile, part: str | None) -> tuple[set[int], set[int]]:
    """Cell styles (indexes into cellXfs) whose number format shows a date or time, and those
    of them showing a duration ([h]:mm), from the styles part as openpyxl reads it."""
    dates: set[int] = set()
    durations: set[int] = set()
    if part is None:
        return dates, durations
    styles = ET.fromstring(zf.read(part))
    numfmts = styles.iterfind(f"{_SML}numFmts/{_SML}numFmt")
    custom = {int(f.get("numFmtId", "")): f.get("formatCode") for f in numfmts}
    for index, xf in enumerate(styles.iterfind(f"{_SML}cellXfs/{_SML}xf")):
        fmt = int(xf.get("numFmtId", 0))
        code = custom.get(fmt, BUILTIN_FORMATS.get(fmt))
        if is_date_format(code) or fmt in _LOCALE_DATE_FORMATS and fmt not in custom:
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    return dates, durations


@lru_cache(maxsize=1 << 14)  # dates repeat down a column; shared objects also save memory
def _serial_date(serial: float, epoch: datetime, duration: bool) -> object:
    try:
        return from_excel(serial, epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return "#VALUE!"  # as openpyxl: a date style on a number no date can have


# --- Reading: cell conversion ---------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, message: Message):
        super().__init__(message)
        self.message = message


def _fail(key: str, **params: object) -> _CellError:
    return _CellError(Message(ROW_ERRORS[key], **params))


def _domain_error(exc: InvalidValue) -> _CellError:
    return _CellError(Message(str(exc)))  # the domain's own English sentence is the template


@dataclass(frozen=True)
class _Context:
    today: date
    epoch: datetime


def _prelude(value: object) -> object:
    """Blank → None; formulas and Excel errors rejected; text normalised (NFKC, spaces)."""
    if value is None:
        return None
    if isinstance(value, ArrayFormula | DataTableFormula):
        raise _fail("formula")
    if isinstance(value, str):
        text = normalize_text(value)
        text = value if text == value else text  # reuse the raw object: rows stay in memory
        if text.startswith("="):  # read with data_only=False: a formula cell reads "=..."
            raise _fail("formula")
        if text in ERROR_CODES:
            raise _fail("excel_error", value=text)
        return text or None
    return value


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _code_text(value: object) -> str:
    """A code typed into a number cell is fine while Excel kept every digit (15 significant)."""
    if isinstance(value, float) and abs(value) >= 1e15:
        raise _fail("lost_digits")
    return _as_text(value)


def _domain(normalise: Callable[[str], object], text: str) -> object:
    try:
        return normalise(text)
    except InvalidValue as exc:
        raise _domain_error(exc) from None


def _member_number(value: object, ctx: _Context) -> object:
    whole = isinstance(value, int) or isinstance(value, float) and value.is_integer()
    if whole and not isinstance(value, bool) and 0 <= value < 10**11:  # type: ignore[operator]
        value = f"{int(value):011d}"  # type: ignore[call-overload]  # Excel drops leading 0s
    return _domain(normalize_member_number, _code_text(value))


def _resident_id(value: object, ctx: _Context) -> ResidentId:
    try:
        return parse_resident_id(_code_text(value), today=ctx.today)
    except InvalidValue as exc:
        raise _domain_error(exc) from None


def _limited_text(limit: int, value: object, ctx: _Context) -> str:
    text = _as_text(value)
    if len(text) > limit:
        raise _fail("text_too_long", max=limit)
    return text


_DEALER_CODE_RE = re.compile(r"[A-Z0-9_-]{1,20}")


def _dealer_code(value: object, ctx: _Context) -> str:
    code = _as_text(value).replace(" ", "").upper()
    if not _DEALER_CODE_RE.fullmatch(code):
        raise _fail("dealer_code")
    return code


def _gender(value: object, ctx: _Context) -> str:
    gender = _GENDERS.get(_as_text(value).casefold())
    if gender is None:
        raise _fail("gender")
    return gender


def _channel(value: object, ctx: _Context) -> str:
    text = _as_text(value)
    channel = _CHANNELS_BY_TEXT.get(text.casefold().replace(" ", "_"))
    if channel is None:
        raise _fail("channel", value=text)
    return channel


def _boolean(value: object, ctx: _Context) -> bool:
    if isinstance(value, bool):
        return value
    text = _as_text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _fail("boolean", value=_as_text(value))


_TAG_SEPARATORS = re.compile(r"[,;、]")  # after NFKC, full-width ，and ；are ASCII


def _tags(value: object, ctx: _Context) -> list[str]:
    tags = list(dict.fromkeys(t.strip() for t in _TAG_SEPARATORS.split(_as_text(value))))
    tags = [t for t in tags if t]
    for tag in tags:
        if len(tag) > MAX_TAG_LENGTH:
            raise _fail("tag_too_long", tag=tag, max=MAX_TAG_LENGTH)
    if len(tags) > MAX_TAGS:
        raise _fail("too_many_tags", max=MAX_TAGS)
    return tags


_DATE_TEXT = re.compile(
    r"([0-9]{4})(?:[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?|([0-9]{2})([0-9]{2}))"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)?"
)
_SERIAL_RANGE = (1, 109_575)  # Excel serials for 1900-01-01 .. 2199-12-31


def _date(value: object, ctx: _Context) -> date:
    day = _to_date(value, ctx)
    if day < date(1900, 1, 1):
        raise _fail("date_too_old", value=day.isoformat())
    if day > ctx.today:
        raise _fail("date_future", value=day.isoformat())
    return day


def _to_date(value: object, ctx: _Context) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
            return from_excel(value, ctx.epoch).date()
        if isinstance(value, int) or value.is_integer():
            return _date_from_text(str(int(value)))  # 20230501 typed as a number
    if isinstance(value, str):
        return _date_from_text(re.sub(r"\s*([-/.年月日])\s*", r"\1", value))
    raise _fail("date", value=_as_text(value))


def _date_from_text(text: str) -> date:
    match = _DATE_TEXT.fullmatch(text)
    if not match:
        raise _fail("date", value=text)
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day)
    except ValueError:
        raise _fail("date_impossible", value=text) from None


_MONEY_TEXT = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]*)(?:\.[0-9]+)?")
_CURRENCY = re.compile(r"^(?:¥|rmb|cny)|元$", re.IGNORECASE)  # NFKC turns ￥ into ¥
_CENT = Decimal("0.01")


def _fen(value: object, ctx: _Context) -> int:
    text = _as_text(value)
    amount = _float_amount(value) if isinstance(value, float) else _text_amount(value, text)
    if amount < 0:
        raise _fail("money_negative", value=text)
    if amount > MAX_AMOUNT_YUAN:
        raise _fail("money_too_large", value=text)
    if amount != amount.quantize(_CENT):
        raise _fail("money_decimals", value=text)
    return int(amount * 100)


def _float_amount(value: float) -> Decimal:
    if not math.isfinite(value):
        raise _fail("money", value=str(value))
    amount = Decimal(repr(value))
    cents = amount.quantize(_CENT)
    # A pasted calculation may carry binary noise (0.30000000000000004): round it away.
    return cents if abs(amount - cents) < Decimal("1e-6") else amount


def _text_amount(value: object, text: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise _fail("money", value=text)
    plain = _CURRENCY.sub("", text.replace(" ", "")).replace("¥", "")
    if isinstance(value, str) and (not plain or not _MONEY_TEXT.fullmatch(plain)):
        raise _fail("money", value=text)
    try:
        amount = Decimal(plain.replace(",", ""))
    except InvalidOperation:
        raise _fail("money", value=text) from None
    if not amount.is_finite():
        raise _fail("money", value=text)
    return amount


_Converter = Callable[[object, _Context], object]
_CONVERTERS: dict[str, _Converter] = {
    "member_number": _member_number,
    "name": lambda v, ctx: _domain(normalize_person_name, _as_text(v)),
    "gender": _gender,
    "mobile": lambda v, ctx: _domain(normalize_mobile, _code_text(v)),
    "province": partial(_limited_text, _TEXT_LIMITS["province"]),
    "city": partial(_limited_text, _TEXT_LIMITS["city"]),
    "birthday": _date,
    "resident_id": _resident_id,
    "join_date": _date,
    "dealer_code": _dealer_code,
    "source_channel": _channel,
    "tags": _tags,
    "privacy_consent": _boolean,
    "marketing_consent": _boolean,
    "vin": lambda v, ctx: _domain(normalize_vin, _code_text(v)),
    "vehicle_model": partial(_limited_text, _TEXT_LIMITS["vehicle_model"]),
    "plate": lambda v, ctx: _domain(normalize_plate, _code_text(v)),
    "purchase_date": _date,
    "purchase_amount": _fen,
}


def convert_cell(key: str, value: object, *, today: date, epoch: datetime | None = None) -> object:
    """Normalise one cell as the importer does; raises ValueError with the row message."""
    ctx = _Context(today, epoch or datetime(1899, 12, 30))
    try:
        cleaned = _prelude(value)
        result = None if cleaned is None else _CONVERTERS[key](cleaned, ctx)
    except _CellError as exc:
        raise ValueError(exc.message) from None
    return result.number if isinstance(result, ResidentId) else result


# --- Reading: rows ---------------------------------------------------------------------------


def _header_key(text: str) -> str:
    text = re.sub(r"\((?:必填|选填|required|optional)\)", "", normalize_text(text).casefold())
    return re.sub(r"[\s*_]", "", text)


def _header_lookup(names: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """Normalised header text → column key, from (key, every name it may have)."""
    return {_header_key(name): key for key, all_names in names for name in (key, *all_names)}


_HEADER_LOOKUP = _header_lookup(
    (col.key, (col.zh, col.en, *_HEADER_ALIASES.get(col.key, ()))) for col in COLUMNS
)


def _column_in(lookup: dict[str, str], text: object) -> str | None:
    """Column key for a header cell: Chinese, English or the template's "中文 / English"."""
    if text is None:
        return None
    raw = _as_text(text)
    key = lookup.get(_header_key(raw))
    if key is None and "/" in raw:
        found = {lookup.get(_header_key(part)) for part in raw.split("/")} - {None}
        key = found.pop() if len(found) == 1 else None
    return key


def column_for_header(text: object) -> str | None:
    return _column_in(_HEADER_LOOKUP, text)


def _is_blank(row: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _trimmed(row: Sequence[object]) -> list[object]:
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return list(row[:end])


class _Unreadable(Exception):
    pass


def _numbered_rows(f: IO[bytes], info: _SheetInfo) -> Iterator[tuple[int, list[object]]]:
    """(Excel row number, values) of the data sheet; its failures become _Unreadable."""
    try:
        with zipfile.ZipFile(f) as zf:
            yield from _SheetReader(zf, info)
    except Exception as exc:  # a damaged part shows up only while streaming it
        raise _Unreadable() from exc


ProgressCallback = Callable[[int, int], None]


class _RowReader:
    """Turns the stream of sheet rows into ParsedFile: header, then one ParsedRow per row."""

    def __init__(
        self, parsed: ParsedFile, ctx: _Context, max_rows: int, progress: ProgressCallback | None
    ):
        self.parsed, self.ctx, self.max_rows, self.progress = parsed, ctx, max_rows, progress
        self.positions: list[tuple[str, int]] | None = None  # (column key, cell index)
        self.member_index: int | None = None
        self.seen: dict[str, dict[object, int]] = {k: {} for k in _UNIQUE_KEYS}
        self.count = 0
        self.rows_hint = 0
        self.strings: dict[str, str] = {}  # one object per repeated short text ("是", "北京市")

    def feed(self, rows: Iterable[tuple[int, Sequence[object]]]) -> None:
        for number, row in rows:  # rows without cells may be missing: go by number
            if self.positions is None:
                if number > HEADER_SEARCH_ROWS:
                    break  # no header among the first rows
                self._take_header(number, row)
                if self.parsed.file_errors:
                    return
            elif not self._take_row(number, row):
                return
        if self.positions is None:
            self.parsed.file_errors.append(Message(FILE_ERRORS["no_header"]))
        elif self.count == 0:
            self.parsed.file_errors.append(Message(FILE_ERRORS["no_rows"]))

    def _take_header(self, number: int, row: Sequence[object]) -> bool:
        keys = [column_for_header(v) for v in row]
        if not any(keys):
            return False  # a title line above the header, or blank
        self.parsed.header_row = number
        self.parsed.headers = [_as_text(v) if v is not None else "" for v in _trimmed(row)]
        self.positions = []
        first_index: dict[str, int] = {}
        for index, key in enumerate(keys):
            if key is None:
                if row[index] is not None and str(row[index]).strip():
                    self.parsed.ignored_columns.append(_as_text(row[index]))
            elif key in first_index:
                self._duplicate_column(key, first_index[key], index)
            else:
                first_index[key] = index
                self.positions.append((key, index))
        missing = [c for c in COLUMNS if c.required and c.key not in first_index]
        if missing:
            names = ", ".join(f"{c.zh} / {c.en}" for c in missing)
            self.parsed.file_errors.append(Message(FILE_ERRORS["missing_columns"], columns=names))
        self.member_index = first_index.get("member_number")
        return True

    def _duplicate_column(self, key: str, first: int, second: int) -> None:
        col = COLUMN_BY_KEY[key]
        self.parsed.file_errors.append(
            Message(
                FILE_ERRORS["duplicate_column"],
                column=f"{col.zh} / {col.en}",
                first=get_column_letter(first + 1),
                second=get_column_letter(second + 1),
            )
        )

    def _take_row(self, number: int, row: Sequence[object]) -> bool:
        """False when reading must stop."""
        if _is_blank(row):
            return True
        if self._is_example(row):
            self.parsed.example_rows.append(number)
            return True
        if self.count >= self.max_rows:
            self.parsed.file_errors.append(
                Message(FILE_ERRORS["too_many_rows"], max_rows=self.max_rows)
            )
            return False
        self.count += 1
        self.parsed.rows.append(self._parse(number, row))
        if self.progress and self.count % 1000 == 0:
            self.progress(self.count, self.rows_hint)
        return True

    def _is_example(self, row: Sequence[object]) -> bool:
        for index in (0, self.member_index):
            cell = row[index] if index is not None and index < len(row) else None
            if isinstance(cell, str) and normalize_text(cell).casefold().startswith(
                EXAMPLE_MARKERS
            ):
                return True
        return False

    def _share(self, row: Sequence[object]) -> list[object]:
        """The row's cells, short strings replaced by one shared object each: rows are kept
        in memory and staff data repeats (the XML parser makes a new string per cell)."""
        strings, out = self.strings, _trimmed(row)
        for i, v in enumerate(out):
            if type(v) is str and len(v) <= 10 and len(strings) < 100_000:
                out[i] = strings.setdefault(v, v)
        return out

    def _parse(self, number: int, row: Sequence[object]) -> ParsedRow:
        cells = self._share(row)
        values: dict[str, object] = dict.fromkeys(COLUMN_BY_KEY)
        errors: list[tuple[str, str]] = []
        assert self.positions is not None
        for key, index in self.positions:
            try:
                cleaned = _prelude(cells[index] if index < len(cells) else None)
                if cleaned is not None:
                    values[key] = _CONVERTERS[key](cleaned, self.ctx)
            except _CellError as exc:
                errors.append((key, exc.message))
        _complete_row(values, errors)
        self._check_duplicates(number, values, errors)
        errors.sort(key=lambda error: _COLUMN_ORDER[error[0]])  # read left to right
        return ParsedRow(number, values, errors, cells)

    def _check_duplicates(
        self, number: int, values: dict[str, object], errors: list[tuple[str, str]]
    ) -> None:
        for key in _UNIQUE_KEYS:
            value = values[key]
            if value is None:
                continue
            first = self.seen[key].setdefault(value, number)
            if first != number:
                errors.append((key, Message(ROW_ERRORS[f"duplicate_{key}"], row=first)))


def _complete_row(values: dict[str, object], errors: list[tuple[str, str]]) -> None:
    """Rules across columns, required checks and defaults."""
    bad = {key for key, _ in errors}
    _apply_resident_id(values, errors, bad)
    for col in COLUMNS:
        missing = col.required and values[col.key] is None and col.key not in bad
        if missing and col.key != "privacy_consent":  # privacy has its own message below
            errors.append((col.key, Message(ROW_ERRORS["required"])))
    if values["privacy_consent"] is not True and "privacy_consent" not in bad:
        errors.append(("privacy_consent", Message(ROW_ERRORS["privacy"])))
    if values["vin"] is not None and values["vehicle_model"] is None and "vehicle_model" not in bad:
        errors.append(("vehicle_model", Message(ROW_ERRORS["model_required"])))
    vehicle_details = any(values[k] is not None for k in _VEHICLE_DETAILS)
    if values["vin"] is None and "vin" not in bad and vehicle_details:
        errors.append(("vin", Message(ROW_ERRORS["vin_required"])))
    values["source_channel"] = values["source_channel"] or DEFAULT_CHANNEL
    values["marketing_consent"] = bool(values["marketing_consent"])
    values["tags"] = values["tags"] or []


def _apply_resident_id(
    values: dict[str, object], errors: list[tuple[str, str]], bad: set[str]
) -> None:
    rid = values["resident_id"]
    if not isinstance(rid, ResidentId):
        return
    values["resident_id"] = rid.number
    if "birthday" in bad or "gender" in bad:
        return  # the typed value is wrong already; do not pile a mismatch on top
    birthday, gender = values["birthday"], values["gender"]
    try:
        check_resident_id_matches(rid, birthday, gender)  # type: ignore[arg-type]
    except InvalidValue as exc:
        errors.append(("resident_id", Message(str(exc))))
    values["birthday"] = birthday or rid.birthday
    values["gender"] = gender or rid.gender


def read_members(
    path: str | os.PathLike[str],
    *,
    today: date,
    max_rows: int = MAX_ROWS,
    progress: ProgressCallback | None = None,
) -> ParsedFile:
    """Read and validate a member import workbook, streaming; never raises for a bad file.

    ``progress(rows_read, rows_estimate)`` is called every 1,000 rows (estimate 0 when the
    sheet does not say); an exception it raises (a cancel) propagates.
    """
    parsed = ParsedFile()
    path = Path(path)
    try:
        info = _inspect(path, max_rows)
        with path.open("rb") as f:
            _read_sheet(f, info, parsed, today, max_rows, progress)
    except _Rejected as exc:
        parsed.file_errors.append(exc.message)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        parsed.file_errors.append(Message(FILE_ERRORS["unreadable"], reason=reason))
    return parsed


def _read_sheet(
    f: IO[bytes],
    info: _SheetInfo,
    parsed: ParsedFile,
    today: date,
    max_rows: int,
    progress: ProgressCallback | None,
) -> None:
    parsed.sheet_name = info.name
    reader = _RowReader(parsed, _Context(today, info.epoch), max_rows, progress)
    reader.rows_hint = info.rows_hint
    try:
        reader.feed(_numbered_rows(f, info))
    except _Unreadable:
        parsed.file_errors.append(Message(FILE_ERRORS["corrupt"]))


# --- Writing: a small streaming .xlsx writer -----------------------------------------------

_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Style ids in _STYLES_XML's cellXfs: plain, date, datetime, money; +_ERROR adds the red fill.
_PLAIN, _DATE, _DATETIME, _MONEY, _HEADER, _ERROR = 0, 1, 2, 3, 4, 5
_STYLES_XML = (
    _XML_DECL + f'<styleSheet xmlns="{_NS_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="4"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/></patternFill></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/></patternFill></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="9">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="3" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFill="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFill="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" '
    'applyFill="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")  # Excel would decode "_x0041_" as "A"
_MAX_CELL_TEXT = 32_767


_NEEDS_CLEANING = re.compile("[&<>_\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_STYLE_ATTR = ("", *(f' s="{i}"' for i in range(1, 9)))
_EXCEL_DAY_ZERO = date(1899, 12, 30)  # serial 0 in the 1900 date system, from 1900-03-01 on


@lru_cache(maxsize=1 << 16)
def _text_tail(text: str, style: int) -> str:
    """A text cell after its r="..."; cached because columns repeat their values."""
    if len(text) > _MAX_CELL_TEXT or _NEEDS_CLEANING.search(text):
        text = _EXCEL_ESCAPE.sub(r"_x005F_\1", _ILLEGAL_XML.sub("", text))[:_MAX_CELL_TEXT]
        text = escape(text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"{_STYLE_ATTR[style]}><is><t{space}>{text}</t></is></c>'


def _cell_xml(ref: str, value: object, style: int) -> str:
    """One cell; strings are always inline text, so "=..." never becomes a formula."""
    kind = type(value)
    if kind is str:  # the common cases first, by exact type
        return f'<c r="{ref}"{_text_tail(value, style)}' if value else _empty_cell(ref, style)
    if kind is int or kind is float and math.isfinite(value):  # type: ignore[arg-type]
        return f'<c r="{ref}"{_STYLE_ATTR[style]}><v>{value}</v></c>'
    if value is None:
        return _empty_cell(ref, style)
    return _other_cell(ref, value, style)


def _empty_cell(ref: str, style: int) -> str:
    return f'<c r="{ref}"{_STYLE_ATTR[style]}/>' if style else ""  # styled: keeps the fill


def _other_cell(ref: str, value: object, style: int) -> str:
    error = _ERROR if style >= _ERROR else 0
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"{_STYLE_ATTR[style]}><v>{int(value)}</v></c>'
    if isinstance(value, int | float | Decimal) and math.isfinite(value):
        return f'<c r="{ref}"{_STYLE_ATTR[style]}><v>{value}</v></c>'
    if isinstance(value, datetime):
        plain = value.replace(tzinfo=None)
        fmt = _DATE if plain.time() == time() else _DATETIME
        return f'<c r="{ref}" s="{fmt + error}"><v>{to_excel(plain)}</v></c>'
    if isinstance(value, date):
        serial = (value - _EXCEL_DAY_ZERO).days if value.year > 1900 else to_excel(value)
        return f'<c r="{ref}" s="{_DATE + error}"><v>{serial}</v></c>'
    if isinstance(value, ArrayFormula):
        value = value.text
    text = _as_text(value) if value is not None else ""
    return f'<c r="{ref}"{_text_tail(text, style)}' if text else _empty_cell(ref, style)


class _SheetWriter:
    """Rows go to a temporary file first so the sheet can start with its <dimension>."""

    def __init__(self, title: str, widths: Sequence[float], freeze: str | None):
        self.title, self.widths, self.freeze = title, list(widths), freeze
        self.autofilter = False
        self.rows = 0
        self.columns = 0
        self._body = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._pending: list[str] = []
        self._letters: list[str] = []

    def append(self, values: Sequence[object], styles: Sequence[int] | int = 0) -> None:
        self.rows += 1
        r = self.rows
        while len(self._letters) < len(values):
            self._letters.append(get_column_letter(len(self._letters) + 1))
        self.columns = max(self.columns, len(values))
        letters, rs = self._letters, str(r)
        if isinstance(styles, int):
            cells = [_cell_xml(letters[j] + rs, v, styles) for j, v in enumerate(values)]
        else:
            cells = [
                _cell_xml(letters[j] + rs, v, st)
                for j, (v, st) in enumerate(zip(values, styles, strict=True))
            ]
        self._pending.append(f'<row r="{r}">{"".join(cells)}</row>')
        if len(self._pending) >= 1000:
            self._flush()

    def _flush(self) -> None:
        self._body.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    @property
    def body_size(self) -> int:
        self._flush()
        return self._body.tell()

    @property
    def ref(self) -> str:
        return f"A1:{get_column_letter(max(self.columns, 1))}{max(self.rows, 1)}"

    def _head(self) -> str:
        pane = _pane_xml(self.freeze) if self.freeze else ""
        cols = "".join(
            f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(self.widths, start=1)
        )
        return (
            f'{_XML_DECL}<worksheet xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
            f'<dimension ref="{self.ref}"/>'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>"
        )

    def _tail(self) -> str:
        autofilter = f'<autoFilter ref="{self.ref}"/>' if self.autofilter and self.rows else ""
        return f"</sheetData>{autofilter}</worksheet>"

    def copy_to(self, out: IO[bytes]) -> None:
        self._flush()
        out.write(self._head().encode("utf-8"))
        self._body.seek(0)
        shutil.copyfileobj(self._body, out, 1 << 20)
        out.write(self._tail().encode("utf-8"))

    def close(self) -> None:
        self._body.close()


def _pane_xml(freeze: str) -> str:
    """Frozen rows above and columns left of ``freeze`` ("B2": one of each)."""
    letters, row = coordinate_from_string(freeze)
    x, y = column_index_from_string(letters) - 1, row - 1
    if not x and not y:
        return ""
    active = "bottomRight" if x and y else ("bottomLeft" if y else "topRight")
    split = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
    return (
        f'<pane{split} topLeftCell="{freeze}" activePane="{active}" state="frozen"/>'
        f'<selection pane="{active}"/>'
    )


class _XlsxBook:
    """Minimal workbook: inline strings, the styles above, one part per sheet."""

    def __init__(self) -> None:
        self.sheets: list[_SheetWriter] = []

    def add_sheet(
        self, title: str, widths: Sequence[float] = (), freeze: str | None = "A2"
    ) -> _SheetWriter:
        sheet = _SheetWriter(title, widths, freeze)
        self.sheets.append(sheet)
        return sheet

    def save(self, path: str | os.PathLike[str]) -> None:
        try:
            _save_atomically(Path(path), self._write)
        finally:
            for sheet in self.sheets:
                sheet.close()

    def _write(self, f: IO[bytes]) -> None:
        # Level 1: the sheet XML is repetitive, level 6 saves little and costs twice the time.
        with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            zf.writestr("[Content_Types].xml", self._content_types())
            zf.writestr("_rels/.rels", _ROOT_RELS)
            zf.writestr("xl/workbook.xml", self._workbook())
            zf.writestr("xl/_rels/workbook.xml.rels", self._workbook_rels())
            zf.writestr("xl/styles.xml", _STYLES_XML)
            for i, sheet in enumerate(self.sheets, start=1):
                # Zip64 only when needed: some older Excel versions complain about it.
                big = sheet.body_size > 1 << 30
                with zf.open(f"xl/worksheets/sheet{i}.xml", "w", force_zip64=big) as out:
                    sheet.copy_to(out)

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_CT}.worksheet+xml"/>'
            for i in range(1, len(self.sheets) + 1)
        )
        return (
            f'{_XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>'
            f"{sheets}</Types>"
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name={quoteattr(s.title)} sheetId="{i}" r:id="rId{i}"/>'
            for i, s in enumerate(self.sheets, start=1)
        )
        names = "".join(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape(_absolute_ref(s.title, s.ref))}</definedName>"
            for i, s in enumerate(self.sheets)
            if s.autofilter and s.rows
        )
        return (
            f'{_XML_DECL}<workbook xmlns="{_NS_MAIN}" xmlns:r="{_NS_REL}">'
            f"<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets>"
            + (f"<definedNames>{names}</definedNames>" if names else "")
            + "</workbook>"
        )

    def _workbook_rels(self) -> str:
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_NS_REL}/worksheet" '
            f'Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(self.sheets) + 1)
        )
        styles = (
            f'<Relationship Id="rId{len(self.sheets) + 1}" Type="{_NS_REL}/styles" '
            'Target="styles.xml"/>'
        )
        return f'{_XML_DECL}<Relationships xmlns="{_NS_PKG}">{rels}{styles}</Relationships>'


_ROOT_RELS = (
    f'{_XML_DECL}<Relationships xmlns="{_NS_PKG}">'
    f'<Relationship Id="rId1" Type="{_NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def _absolute_ref(title: str, ref: str) -> str:
    start, end = ref.split(":")
    dollar = partial(re.sub, r"([A-Z]+)([0-9]+)", r"$\1$\2")
    quoted = "'" + title.replace("'", "''") + "'"
    return f"{quoted}!{dollar(start)}:{dollar(end)}"


def _save_atomically(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    save_atomically(path, write, ExcelWriteError, _WRITE_FAILED)


_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Errors", "Cannot write {path} ({reason}); if it is open in Excel, close it and try again."
)


# --- Writing: result workbook ----------------------------------------------------------------

RESULT_SHEET, SUMMARY_SHEET = "结果 Results", "汇总 Summary"
_ROW_HEADER, _STATUS_HEADER, _REASON_HEADER = "行号 / Row", "状态 / Status", "原因 / Reason"


def row_reason(row: ParsedRow) -> str:
    """A row's parse errors as one line: "Mobile: ...; Join date: ..."."""
    return "; ".join(f"{COLUMN_BY_KEY[key].en}: {message}" for key, message in row.errors)


def write_result(
    path: str | os.PathLike[str], parsed: ParsedFile, outcomes: Mapping[int, tuple[str, str]]
) -> None:
    """The user's rows with 状态/Status and 原因/Reason, error rows red, and a summary sheet.

    ``outcomes`` maps row number → (status, reason) from the import service; rows with parse
    errors are "error" whatever it says, and rows it does not mention "not_processed".
    """
    width = max([len(parsed.headers), *(len(r.raw) for r in parsed.rows)])
    book = _XlsxBook()
    sheet = book.add_sheet(RESULT_SHEET, _result_widths(parsed.headers, width), freeze="B2")
    sheet.autofilter = True
    sheet.append(
        [_ROW_HEADER, *_padded(parsed.headers, width), _STATUS_HEADER, _REASON_HEADER], _HEADER
    )
    counts: Counter[str] = Counter()
    for row in parsed.rows:
        if row.errors:
            status, reason = STATUS_ERROR, row_reason(row)
        else:
            status, reason = outcomes.get(row.row_number, (STATUS_NOT_PROCESSED, ""))
        counts[status] += 1
        style = _ERROR if status == STATUS_ERROR else _PLAIN
        sheet.append([row.row_number, *_padded(row.raw, width), status, reason], style)
    _write_summary(book, parsed, counts)
    book.save(path)


def _padded(values: Sequence[object], width: int) -> list[object]:
    return [*values[:width], *([None] * (width - len(values)))]


def _result_widths(headers: Sequence[str], width: int) -> list[float]:
    widths: list[float] = [8]
    for i in range(width):
        key = column_for_header(headers[i]) if i < len(headers) else None
        widths.append(COLUMN_BY_KEY[key].width + 2 if key else 14)
    return [*widths, 14, 60]


def _write_summary(book: _XlsxBook, parsed: ParsedFile, counts: Counter[str]) -> None:
    sheet = book.add_sheet(SUMMARY_SHEET, (36, 80), freeze=None)
    sheet.append(["项目 / Item", "数量 / Count"], _HEADER)
    sheet.append(["数据行 / Data rows", len(parsed.rows)])
    for status, count in counts.most_common():
        sheet.append([f"{_STATUS_HEADER}: {status}", count])
    sheet.append(["跳过的示例行 / Example rows skipped", len(parsed.example_rows)])
    if parsed.ignored_columns:
        sheet.append(["忽略的列 / Ignored columns", ", ".join(parsed.ignored_columns)])
    for message in parsed.file_errors:
        sheet.append(["文件错误 / File error", str(message)], _ERROR)


# --- Writing: export -------------------------------------------------------------------------


def display_value(col: Column, value: object, language: Language = "zh_CN") -> object:
    """A normalised value as the template and the export show it (re-importable)."""
    zh = language == "zh_CN"
    if value is None:
        return None
    if col.kind == "bool":
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if col.key == "gender":
        return {"male": "男", "female": "女"}.get(str(value), value) if zh else value
    if col.key == "source_channel":
        return CHANNEL_LABELS_ZH.get(str(value), value) if zh else value
    if col.kind == "tags" and isinstance(value, list | tuple):
        return ("、" if zh else ", ").join(str(t) for t in value)
    if col.kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value).scaleb(-2)  # integer fen → yuan
    return value


def write_members_export(
    path: str | os.PathLike[str],
    rows: Iterable[Mapping[str, object]],
    columns: Sequence[Column] = COLUMNS,
    *,
    language: Language = "zh_CN",
    progress: Callable[[int], None] | None = None,
) -> int:
    """Stream rows (column key → normalised value) into an .xlsx; returns the rows written.

    Money columns take integer fen (as read_members gives) or a Decimal in yuan and show
    as numbers with 2 decimals; dates stay dates. The header is the template's, so an
    export can be imported again.
    """
    book = _XlsxBook()
    title = "会员" if language == "zh_CN" else "Members"
    sheet = book.add_sheet(title, [c.width + 2 for c in columns], freeze="A2")
    sheet.autofilter = True
    sheet.append([c.header(language) for c in columns], _HEADER)
    styles = [_MONEY if c.kind == "money" else _PLAIN for c in columns]
    plain = [c.kind in ("text", "code", "date") for c in columns]  # shown as stored
    count = 0
    for record in rows:
        values = [record.get(c.key) for c in columns]
        for i, col in enumerate(columns):
            if not plain[i] and values[i] is not None:
                values[i] = display_value(col, values[i], language)
        sheet.append(values, styles)
        count += 1
        if progress and count % 1000 == 0:
            progress(count)
    book.save(path)
    return count


# --- Writing: template -----------------------------------------------------------------------


def example_member() -> dict[str, object]:
    """A realistic, valid member for the template's example row."""
    first17 = "11010519900307" + "123"  # 北京市朝阳区, 1990-03-07, odd sequence digit: male
    return {
        "member_number": None,
        "name": "张伟",
        "gender": "male",
        "mobile": "13812345678",
        "province": "北京市",
        "city": "北京市",
        "birthday": date(1990, 3, 7),
        "resident_id": first17 + resident_id_check_char(first17),
        "join_date": date(2019, 6, 15),
        "dealer_code": "BJ001",
        "source_channel": "historical_import",
        "tags": ["老客户", "试驾"],
        "privacy_consent": True,
        "marketing_consent": False,
        "vin": complete_vin("LB37624S", "KL012345"),
        "vehicle_model": "SUV 2.0T 豪华版",
        "plate": "京N12345",
        "purchase_date": date(2019, 6, 15),
        "purchase_amount": 15_880_000,  # fen: 158,800.00 yuan
    }


_CHOICES: dict[str, dict[Language, tuple[str, ...]]] = {
    "gender": {"zh_CN": ("男", "女"), "en": ("male", "female")},
    "source_channel": {"zh_CN": tuple(CHANNEL_LABELS_ZH.values()), "en": CHANNELS},
    "privacy_consent": {"zh_CN": ("是", "否"), "en": ("yes", "no")},
    "marketing_consent": {"zh_CN": ("是", "否"), "en": ("yes", "no")},
}
_NOTES: tuple[tuple[str, str], ...] = (
    ("每行一个会员；第一行为表头，列名可用中文或英文，列的顺序不限。",
     "One member per row; the first row holds the column names, in Chinese or English, "
     "in any order."),
    ("带 * 的列必填。隐私授权必须为“是”，否则该行不能导入。",
     "Columns marked * are required. Privacy consent must be yes, or the row is rejected."),
    ("第一格（或会员编号）以“示例”或“Example”开头的行是示例，导入时跳过，可以删除。",
     "A row whose first cell (or member number) starts with 示例 or Example is an example "
     "and is skipped on import; you may delete it."),
    ("手机号、身份证号、会员编号、VIN 列请保持文本格式，否则 Excel 会改动数字。",
     "Keep the mobile, resident ID, member number and VIN columns formatted as Text, or Excel "
     "changes the numbers."),
    ("不接受公式：请“选择性粘贴 → 数值”。完全空白的行会被忽略。",
     "Formulas are not accepted: paste values. Completely empty rows are ignored."),
    (f"每个文件最多 {MAX_ROWS:,} 行；更多请拆分为几个文件。",
     f"At most {MAX_ROWS:,} rows per file; split larger lists into several files."),
    ("同一文件内手机号、身份证号、VIN、会员编号不能重复。",
     "Mobile, resident ID, VIN and member number must not repeat within the file."),
)  # fmt: skip
_GREY_ITALIC = Font(color="808080", italic=True)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")


def write_template(path: str | os.PathLike[str], language: Language = "zh_CN") -> None:
    """The import template: header, drop-downs, formats, an example row and instructions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "会员" if language == "zh_CN" else "Members"
    _template_columns(ws, language)
    _template_example(ws, language)
    _template_validations(ws, language)
    ws.freeze_panes = "C2"  # keep member number and name in view while scrolling right
    _instructions(wb.create_sheet("说明" if language == "zh_CN" else "Instructions"), language)
    _save_atomically(Path(path), wb.save)


def _template_columns(ws: object, language: Language) -> None:
    for i, col in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i, value=col.header(language))  # type: ignore[attr-defined]
        cell.font = Font(bold=True, color="C00000" if col.required else None)
        cell.fill = _HEADER_FILL
        dim = ws.column_dimensions[get_column_letter(i)]  # type: ignore[attr-defined]
        dim.width = col.width + 4
        # Column styles apply to what users type later: Text keeps IDs from becoming numbers.
        if col.kind == "date":
            dim.number_format = "yyyy-mm-dd"
        elif col.kind == "code":
            dim.number_format = "@"
        elif col.kind == "money":
            dim.number_format = "#,##0.00"


def _template_example(ws: object, language: Language) -> None:
    example = example_member()
    marker = "示例（导入时跳过）" if language == "zh_CN" else "Example (skipped on import)"
    for i, col in enumerate(COLUMNS, start=1):
        value = display_value(col, example[col.key], language)
        cell = ws.cell(row=2, column=i, value=value)  # type: ignore[attr-defined]
        cell.font = _GREY_ITALIC
        if col.kind == "date":
            cell.number_format = "yyyy-mm-dd"
        elif col.kind == "money":
            cell.number_format = "#,##0.00"
        elif col.kind == "code":
            cell.number_format = "@"
    ws.cell(row=2, column=1, value=marker)  # type: ignore[attr-defined]


def _template_validations(ws: object, language: Language) -> None:
    last = MAX_ROWS + 1
    for i, col in enumerate(COLUMNS, start=1):
        choices = _CHOICES.get(col.key)
        if not choices:
            continue
        dv = DataValidation(
            type="list",
            formula1='"' + ",".join(choices[language]) + '"',
            allow_blank=True,
            errorStyle="warning",  # other accepted spellings (M/F, Y/N, ...) stay possible
            showErrorMessage=True,
            error=col.formats_zh if language == "zh_CN" else col.formats_en,
        )
        letter = get_column_letter(i)
        dv.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(dv)  # type: ignore[attr-defined]


def _instructions(ws: object, language: Language) -> None:
    zh_first = language == "zh_CN"
    header = ["列 / Column", "必填 / Required", "说明", "Meaning", "格式", "Accepted formats"]
    rows: list[list[object]] = [list(header)]
    for col in COLUMNS:
        required = "是 / yes" if col.required else "否 / no"
        row: list[object] = [col.header(language), required, col.meaning_zh, col.meaning_en]
        rows.append(row + [col.formats_zh, col.formats_en])
    rows.append([])
    rows.extend([zh, en] if zh_first else [en, zh] for zh, en in _NOTES)
    wrap = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        ws.append(values)  # type: ignore[attr-defined]
    for cell in ws[1]:  # type: ignore[index]
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for cells in ws.iter_rows(min_row=2):  # type: ignore[attr-defined]
        for cell in cells:
            cell.alignment = wrap
    for letter, width in zip("ABCDEF", (30, 14, 36, 40, 36, 44), strict=True):
        ws.column_dimensions[letter].width = width  # type: ignore[attr-defined]
    ws.freeze_panes = "A2"  # type: ignore[attr-defined]
