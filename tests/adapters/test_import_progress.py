"""The import's progress: the data rows the sheet's <dimension> promises, else 0 (unknown),
never a total smaller than the rows already read."""

from __future__ import annotations

import re
import zipfile
from datetime import date

from openpyxl import Workbook

from app.adapters import member_workbooks as mx

KEYS = [c.key for c in mx.COLUMNS]


def members_file(path, rows: int, title: bool = False):
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(["会员导入"])
    ws.append([mx.COLUMN_BY_KEY[k].en for k in KEYS])
    for n in range(rows):
        ws.append(["", "王芳", "", f"139{n:08d}", "", "", "", "", "2024-04-01", "BJA01"])
    wb.save(path)
    return path


def with_dimension(path, ref: str | None):
    """The same file with its <dimension> replaced (None: removed)."""
    out = path.with_name(f"{path.stem}-{ref or 'none'}.xlsx".replace(":", ""))
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                new = f'<dimension ref="{ref}"/>' if ref else ""
                data = re.sub(rb"<dimension [^>]*/>", new.encode(), data)
            dst.writestr(item, data)
    return out


def steps(path) -> list[tuple[int, int]]:
    seen: list[tuple[int, int]] = []
    mx.read_members(path, today=date(2026, 1, 1), progress=lambda *step: seen.append(step))
    return seen


def test_the_total_is_the_data_rows_below_the_header(tmp_path):
    path = members_file(tmp_path / "m.xlsx", 2_500, title=True)
    assert steps(path) == [(1_000, 2_500), (2_000, 2_500)]


def test_an_unknown_or_stale_dimension_gives_no_total(tmp_path):
    path = members_file(tmp_path / "m.xlsx", 2_100)
    for ref in (None, "A1", "A1:J1500"):  # missing, a bare A1, fewer rows than the sheet has
        got = steps(with_dimension(path, ref))
        assert got == (
            [(1_000, 0), (2_000, 0)] if ref != "A1:J1500" else [(1_000, 1_499), (2_000, 0)]
        ), ref
