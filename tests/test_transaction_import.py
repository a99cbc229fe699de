"""Importing service documents from a dealer export, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import PermissionDenied
from app.services import points
from app.services.members.workbooks import FileRejected
from app.services.points import documents_import as transaction_import
from tests.test_members import register, zhang

HEADER = ["会员号", "手机号", "经销商代码", "工单号", "类型", "日期", "金额(元)"]


def workbook(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_posts_valid_rows_reports_the_rest_and_is_safe_to_repeat(db, people, tmp_path):
    first = register(db, people.clerk)
    second = register(db, people.clerk, zhang(mobile="13900139000", resident_id=None))
    source = workbook(
        tmp_path / "dms.xlsx",
        [
            [first.member_number, None, "BJA01", "RO-1", "维修", date(2026, 2, 20), 12_345.6],
            [None, "13900139000", "bja01", "RO-2", "service", date(2026, 2, 21), "3,000.00"],
            ["00000000999", None, "BJA01", "RO-3", "维修", date(2026, 2, 21), 100],  # no member
            [first.member_number, None, "XX99", "RO-4", "维修", date(2026, 2, 21), 100],
            [first.member_number, None, "BJA01", "RO-5", "维修", date(2026, 2, 21), -5],
        ],
    )
    report = tmp_path / "result.xlsx"
    summary = transaction_import.import_transactions(db, people.clerk, source, report=report)
    assert (summary.total, summary.imported, summary.rejected, summary.points) == (5, 2, 3, 15)
    assert points.account_summary(db, people.clerk, first.id).balance == 12
    assert points.account_summary(db, people.clerk, second.id).balance == 3
    result = [r for r in load_workbook(report).active.iter_rows(values_only=True)]
    statuses = [r[-2] for r in result[1:]]
    assert statuses[:2] == ["imported", "imported"] and statuses[2:].count("error") == 3

    again = transaction_import.import_transactions(db, people.clerk, source)
    assert (again.imported, again.already, again.points) == (0, 2, 0)
    assert points.account_summary(db, people.clerk, first.id).balance == 12
    assert points.verify_ledger(db, people.admin) == []


def test_dry_run_posts_nothing(db, people, tmp_path):
    member = register(db, people.clerk)
    source = workbook(
        tmp_path / "dms.xlsx",
        [[member.member_number, None, "BJA01", "RO-1", "维修", date(2026, 2, 20), 5000]],
    )
    summary = transaction_import.import_transactions(db, people.clerk, source, dry_run=True)
    assert summary.imported == 0
    assert points.account_summary(db, people.clerk, member.id).balance == 0


def test_a_file_that_is_not_a_transactions_export_is_refused(db, people, tmp_path):
    bad = tmp_path / "other.xlsx"
    book = Workbook()
    book.active.append(["姓名", "地址"])
    book.save(bad)
    with pytest.raises(FileRejected):
        transaction_import.import_transactions(db, people.clerk, bad)
    with pytest.raises(PermissionDenied):
        transaction_import.import_transactions(db, people.auditor, bad)
