"""Excel files of the tier lists: the review's members and the at-risk call list, read back
with openpyxl; masked as the screens mask them, refused to those who may not see them, and
recorded in the audit trail."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import openpyxl
import pytest

from app.domain.errors import PermissionDenied
from app.services import points, settings
from app.services.points import ServiceInput
from app.services.shared import audit
from app.services.shared.audit import AuditFilter
from app.services.tiers import exports
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)


def spend(db, people, member_id, yuan, on=TODAY):
    data = ServiceInput(member_id, None, f"RO-{member_id}-{on}-{yuan}", on, yuan * 100)
    return points.record_service(db, people.clerk, data)


def sheet_rows(path):
    sheet = openpyxl.load_workbook(path).active
    return sheet.title, list(sheet.iter_rows(values_only=True))


@pytest.fixture
def due(db, people, clock):
    """Two 金卡 members whose validity ended on 2027-02-28: one retains, one falls short."""
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    kept = register(db, people.clerk)
    short = register(db, people.clerk, replace(zhang(name="李四"), mobile="13900139000",
                                                resident_id=None))  # fmt: skip
    for member in (kept, short):
        spend(db, people, member.id, 30_000)
    clock.advance(days=200)
    spend(db, people, kept.id, 20_000, on=TODAY + timedelta(days=200))
    spend(db, people, short.id, 5_000, on=TODAY + timedelta(days=200))
    clock.advance(days=200)
    return kept, short


def test_the_review_export_lists_the_members_in_chinese(db, people, due, tmp_path):
    kept, short = due
    path = tmp_path / "review.xlsx"
    count = exports.export_review(db, people.supervisor, path, date(2027, 3, 1))
    assert count == 2
    title, rows = sheet_rows(path)
    assert title == "等级评审"
    assert rows[0] == (
        "会员号", "姓名", "手机号", "经销商", "原等级", "新等级", "评审结果", "本期成长值",
        "保级差额", "原有效期至",
    )  # fmt: skip
    body = {row[0]: row for row in rows[1:]}
    assert body[kept.member_number][1:9] == (
        "张三", "13800138000", "北京东区服务中心", "金卡", "金卡", "保级", 20, 0,
    )  # fmt: skip
    assert body[short.member_number][4:9] == ("金卡", "银卡", "降级", 5, 15)
    assert body[short.member_number][9].date() == date(2027, 2, 28)


def test_the_review_export_takes_one_outcome_and_english(db, people, due, tmp_path):
    path = tmp_path / "down.xlsx"
    count = exports.export_review(
        db, people.admin, path, date(2027, 3, 1), outcome="downgrade", language="en"
    )
    title, rows = sheet_rows(path)
    assert (count, title, len(rows)) == (1, "Tier review", 2)
    assert rows[0][:3] == ("Member number", "Name", "Mobile")
    assert rows[1][4:7] == ("金卡", "银卡", "Downgrade")


def test_only_reviewers_export_the_review(db, people, due, tmp_path):
    for actor in (people.clerk, people.auditor):
        with pytest.raises(PermissionDenied):
            exports.export_review(db, actor, tmp_path / "x.xlsx", date(2027, 3, 1))
    assert not (tmp_path / "x.xlsx").exists()


def test_the_call_list_is_masked_for_who_may_not_see_personal_data(db, people, clock, tmp_path):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    member = register(db, people.clerk)
    spend(db, people, member.id, 30_000)  # 金卡 until 2027-02-28; 20 points retain it
    clock.advance(days=340)  # 2027-02-04: validity ends in 24 days
    path = tmp_path / "calls.xlsx"
    assert exports.export_at_risk(db, people.clerk, path, 60) == 1
    title, rows = sheet_rows(path)
    assert title == "保级预警"
    assert rows[0] == (
        "会员号", "姓名", "手机号", "经销商", "当前等级", "有效期至", "本期成长值", "保级还差",
    )  # fmt: skip
    assert rows[1][:5] == (member.member_number, "张三", "13800138000", "北京东区服务中心", "金卡")
    assert rows[1][5].date() == date(2027, 2, 28) and rows[1][6:] == (0, 20)

    masked = tmp_path / "masked.xlsx"
    assert exports.export_at_risk(db, people.auditor, masked, 60, language="en") == 1
    _title, rows = sheet_rows(masked)
    assert rows[0][4] == "Tier"
    assert rows[1][1] != "张三" and "*" in rows[1][2]
    assert exports.export_at_risk(db, people.clerk, tmp_path / "none.xlsx", 10) == 0

    flt = AuditFilter(entity="member")
    exported = [e for e in audit.list_entries(db, people.admin, flt, None) if e.action == "export"]
    assert [e.username for e in exported] == ["clerk", "auditor", "clerk"]
