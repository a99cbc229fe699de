"""Cheap checks of an .xlsx container before any row is read, and where its data sheet is.

Users pick whatever file is at hand: an old .xls, a password-protected workbook (an OLE
container), a CSV renamed to .xlsx, a web page saved as .xls, an .ods, a zip bomb, a sheet
of a million formatted empty rows. Each is turned into one file error here, from the file's
first bytes, the zip directory and the start of the sheet XML, so nothing big is parsed for it.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH

from app.adapters.workbooks.messages import FILE_ERRORS, Message
from app.domain.validation import normalize_text

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Password-protected .xlsx files are OLE containers holding this stream (MS-OFFCRYPTO).
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_MAX_PART_BYTES = 1 << 30  # unpacked size of one part; guards against zip bombs
_MAX_STRINGS_BYTES = 256 << 20  # the whole shared-string table is kept in memory
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_VALUE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v|is|f)[\s>]")


class WorkbookRejected(Exception):
    """The file cannot be imported; ``message`` says why (one of FILE_ERRORS)."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.message = Message(FILE_ERRORS[key], **params)


@dataclass
class SheetInfo:
    name: str
    part: str  # the worksheet XML in the zip
    strings: str | None  # the shared-string table, if the workbook has one
    styles: str | None  # its number formats tell which number cells are dates
    epoch: datetime  # serial 0 of the workbook's date system
    rows_hint: int = 0  # rows according to the <dimension>, 0 if unknown
    last_row: int = 0  # the last row according to the <dimension>, 0 if unknown


def inspect_workbook(
    path: Path, max_rows: int, *, title_rows: int, preferred_sheets: Sequence[str]
) -> SheetInfo:
    """Check the container cheaply and find the data sheet; raise WorkbookRejected on any
    problem. ``title_rows``: lines above the header allowed on top of ``max_rows`` data rows;
    the data sheet is the first one named like ``preferred_sheets``, else the first."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError as exc:
        raise WorkbookRejected("unreadable", reason=exc.strerror or str(exc)) from None
    if size == 0:
        raise WorkbookRejected("empty")
    if head.startswith(_OLE_MAGIC):
        raise WorkbookRejected("encrypted" if _contains(path, _ENCRYPTED_STREAM) else "xls")
    if not head.startswith(b"PK"):
        raise WorkbookRejected(_non_zip_kind(head))
    try:
        with zipfile.ZipFile(path) as zf:
            _check_zip(zf)
            return _sheet_info(zf, max_rows, max_rows + title_rows, preferred_sheets)
    except WorkbookRejected:
        raise
    except Exception:  # zipfile/zlib/XML raise many kinds on damaged files
        raise WorkbookRejected("corrupt") from None


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
        raise WorkbookRejected("encrypted")
    if "mimetype" in names and b"opendocument" in zf.read("mimetype")[:100]:
        raise WorkbookRejected("ods")
    if not any(n.startswith("xl/") for n in names):
        raise WorkbookRejected("not_xlsx")
    for info in infos:
        limit = _MAX_STRINGS_BYTES if info.filename.endswith("sharedStrings.xml") else None
        if info.file_size > (limit or _MAX_PART_BYTES):
            raise WorkbookRejected("too_large", size_mb=info.file_size >> 20)


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


def choose_sheet(names: Sequence[str], preferred: Sequence[str]) -> int:
    """Index of the data sheet: the first named like one of ``preferred``, else the first."""
    for i, name in enumerate(names):
        if normalize_text(name).casefold() in preferred:
            return i
    return 0


def _sheet_info(
    zf: zipfile.ZipFile, max_rows: int, row_limit: int, preferred: Sequence[str]
) -> SheetInfo:
    sheets, parts, date1904 = _workbook_parts(zf)
    if not sheets:
        raise WorkbookRejected("no_sheet")
    name, part = sheets[choose_sheet([n for n, _ in sheets], preferred)]
    span = _dimension_span(zf, part)
    rows = span[1] - span[0] + 1 if span else None
    # A small <dimension> lets a normal file through at once (streaming still counts). A
    # missing or huge one is verified: formatted empty rows below the data inflate it.
    if (rows is None or rows > row_limit) and _count_filled_rows(zf, part, row_limit) > row_limit:
        raise WorkbookRejected("too_many_rows", max_rows=max_rows)
    epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
    return SheetInfo(
        name, part, parts.get("sharedStrings"), parts.get("styles"), epoch, rows or 0,
        span[1] if span else 0,
    )  # fmt: skip


def _dimension_span(zf: zipfile.ZipFile, part: str) -> tuple[int, int] | None:
    """First and last row of the sheet's <dimension>, read from the start of the part only."""
    with zf.open(part) as src:
        for _event, element in ET.iterparse(src, events=("start",)):
            tag = _local(element.tag)
            if tag == "dimension":
                numbers = [int(n) for n in re.findall(r"[0-9]+", element.get("ref", ""))]
                return (numbers[0], numbers[-1]) if numbers else None
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
