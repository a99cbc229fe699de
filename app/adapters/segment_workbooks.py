"""The member list of a segmentation cell as an Excel workbook (streaming writer, header
frozen, with a filter). Headers in Chinese (``zh_CN``) or English; names and mobiles as the
service gave them (masked for users who may not see them); scores as numbers."""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from app.adapters.workbooks.writer import HEADER_STYLE, PLAIN_STYLE, XlsxBook
from app.domain.segmentation import cell_label

COLUMNS = (
    ("member_number", "会员号", "Member number", 15),
    ("name", "姓名", "Name", 12),
    ("mobile", "手机号", "Mobile", 15),
    ("dealer", "经销商", "Dealer", 28),
    ("cell", "价值细分", "Value segment", 22),
    ("y", "情感价值", "Emotional value (Y)", 14),
    ("x", "物质价值", "Material value (X)", 14),
)
SHEET = ("价值细分", "Value segments")
NO_DATA = ("无数据", "No data")


def write_segment_members(
    rows: Iterable[object], path: str | os.PathLike[str], language: str, as_of: date
) -> int:
    """One member a row; returns the rows written. Raises ExcelWriteError."""
    zh = language == "zh_CN"
    book = XlsxBook()
    title = f"{SHEET[0] if zh else SHEET[1]} {as_of.isoformat()}"
    sheet = book.add_sheet(title, [width + 2 for *_, width in COLUMNS], freeze="A2")
    sheet.autofilter = True
    sheet.append([zh_title if zh else en for _k, zh_title, en, _w in COLUMNS], HEADER_STYLE)
    count = 0
    for row in rows:
        values = []
        for key, *_ in COLUMNS:
            value = getattr(row, key)
            if key == "cell":
                value = (
                    f"{cell_label(value, language)} ({value})" if value else NO_DATA[0 if zh else 1]
                )
            values.append(value)
        sheet.append(values, PLAIN_STYLE)
        count += 1
    book.save(Path(path))
    return count
