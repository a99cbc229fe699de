"""Seed 003's points rules in the services (issue 16), on SQLite and PostgreSQL: shares per
edition and week, the yearly cap, major events once per event, weekly caps saved and
enforced, initial points from maintenance spend only, and the new-binding bonus."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app.adapters.statement_pdf.labels import describe, statement_labels
from app.db.models import LedgerEntry
from app.domain.errors import ValidationError
from app.services import points
from app.services.members import VehicleInput
from app.services.points import ServiceInput
from app.services.points import documents_import as transaction_import
from app.services.points.counter import EventRefused
from tests.test_members import VIN1, VIN2, register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's date, a Sunday; the launch is 2026-01-01
LAUNCH = date(2026, 1, 1)


@pytest.fixture
def member_id(db, people):
    return register(db, people.clerk).id


def share(db, people, member_id, uid, on=TODAY, edition=None):
    return points.record_event(db, people.clerk, member_id, "share", uid, on=on, edition=edition)


def balance(db, people, member_id):
    return points.account_summary(db, people.clerk, member_id).balance


def references(db, member_id, source):
    with db.reader() as uow:
        return uow.session.scalars(
            select(LedgerEntry.reference)
            .where(
                LedgerEntry.member_id == member_id,
                LedgerEntry.source == source,
                LedgerEntry.currency == "points",
            )
            .order_by(LedgerEntry.id)
        ).all()


# --- shares and major events -------------------------------------------------------------


def test_the_4th_share_of_a_week_is_accepted_and_the_5th_refused(db, people, member_id):
    earned = [share(db, people, member_id, f"s{i}").points for i in range(4)]
    assert earned == [2, 2, 2, 2]
    with pytest.raises(EventRefused) as refused:
        share(db, people, member_id, "s5")
    message = str(refused.value)
    assert "8 points per edition" in message and "2026-W09: 8" in message
    assert balance(db, people, member_id) == 8
    assert references(db, member_id, "share") == ["2026-W09"] * 4  # the edition is kept
    assert share(db, people, member_id, "s3").points == 2  # a retry is still harmless


@pytest.mark.parametrize(
    ("days", "accepted"),
    [
        # (date of the 4 first shares, date of the 5th): Sunday, then Sunday or next Monday
        ((date(2026, 2, 22), date(2026, 2, 22)), False),
        ((date(2026, 2, 16), date(2026, 2, 22)), False),  # Monday and Sunday: one week
        ((date(2026, 2, 22), date(2026, 2, 23)), True),  # Sunday and next Monday
    ],
)
def test_the_weekly_edition_runs_monday_to_sunday(db, people, member_id, days, accepted):
    first, fifth = days
    for i in range(4):
        share(db, people, member_id, f"w{i}", on=first)
    if accepted:
        assert share(db, people, member_id, "w5", on=fifth).edition == "2026-W09"
    else:
        with pytest.raises(EventRefused, match="2026-W08"):
            share(db, people, member_id, "w5", on=fifth)


def test_shares_with_edition_codes_stop_at_384_a_year(db, people, member_id):
    day = date(2026, 1, 1)
    for edition in range(48):  # 4*4*12 shares: 48 editions of 4
        for i in range(4):
            on = day + timedelta(days=edition)
            share(db, people, member_id, f"y{edition}-{i}", on=on, edition=f"ED-{edition}")
    assert balance(db, people, member_id) == 384
    with pytest.raises(EventRefused, match="384 points a year"):
        share(db, people, member_id, "y-last", edition="ED-NEW")
    # the cap is per calendar year: a share dated in 2025 counts in 2025
    assert share(db, people, member_id, "y-2025", on=date(2025, 12, 31)).points == 2


def test_a_major_event_earns_once_per_event_code(db, people, member_id):
    def major(uid, code):
        return points.record_event(db, people.clerk, member_id, "major_event", uid, edition=code)

    assert major("m1", "ev-2026-spring").points == 50
    with pytest.raises(EventRefused, match="per edition or event"):
        major("m2", "EV-2026-SPRING")  # the same code, whatever its case
    assert major("m3", "EV-2026-SUMMER").points == 50
    with pytest.raises(ValidationError) as missing:
        major("m4", None)
    assert missing.value.field == "edition"
    assert references(db, member_id, "major_event") == ["EV-2026-SPRING", "EV-2026-SUMMER"]


@pytest.mark.parametrize(
    ("code", "stored"),
    [
        ("  第12期  ", "第12期"),
        ("a" * 60, "A" * 60),  # at most 60 characters, kept whole
    ],
)
def test_edition_codes_are_kept_whole(db, people, member_id, code, stored):
    assert share(db, people, member_id, "c1", edition=code).edition == stored
    assert references(db, member_id, "share") == [stored]


@pytest.mark.parametrize(
    ("code", "why"),
    [
        ("a" * 61, "at most 60 characters"),
        ("ß" * 31, "at most 60 characters"),  # 62 once in upper case: refused, not cut
        ("EV\x00-1", "control characters"),
    ],
)
def test_bad_edition_codes_are_refused_not_cut(db, people, member_id, code, why):
    with pytest.raises(ValidationError, match=why):
        share(db, people, member_id, "c1", edition=code)
    assert balance(db, people, member_id) == 0


def test_edition_and_its_older_name_reference_must_agree(db, people, member_id):
    assert points.record_event(
        db, people.clerk, member_id, "share", "r1", reference="ed-1", edition="ED-1"
    ).edition == "ED-1"  # fmt: skip
    with pytest.raises(ValidationError, match="once"):
        points.record_event(
            db, people.clerk, member_id, "share", "r2", reference="ED-1", edition="ED-2"
        )


def test_a_weekly_cap_is_saved_and_enforced(db, people, member_id, clock):
    monday = TODAY + timedelta(days=1)
    saved = points.add_rule_version(
        db, people.admin, "share", monday,
        {"points": 2, "cap_per_week": 6, "cap_per_edition": 8, "cap_per_year": 384},
    )  # fmt: skip
    assert saved.params == {"points": 2, "cap_per_week": 6, "cap_per_edition": 8,
                            "cap_per_year": 384}  # fmt: skip
    [listed] = [r for r in points.list_rules(db, people.clerk) if r.id == saved.id]
    assert listed.params["cap_per_week"] == 6  # kept, not dropped
    clock.advance(days=1)
    for uid, code in (("k1", "A"), ("k2", "A"), ("k3", "B")):
        assert share(db, people, member_id, uid, on=monday, edition=code).points == 2
    with pytest.raises(EventRefused, match="6 points a week"):
        share(db, people, member_id, "k4", on=monday, edition="C")  # another edition, same week
    assert share(db, people, member_id, "k5", on=TODAY, edition="C").points == 2  # last week


@pytest.mark.parametrize(
    "params",
    [
        {"points": 2, "cap_per_week": 1},  # below one occurrence: it could never earn
        {"points": 2, "cap_per_edition": 0},
        {"points": 2, "cap_per_fortnight": 8},  # unknown: refused, never dropped
        {"points": 2, "cap_per_week": 2**40},
    ],
)
def test_caps_no_one_means_are_refused(db, people, params):
    with pytest.raises(ValidationError):
        points.add_rule_version(db, people.admin, "share", TODAY + timedelta(days=1), params)


def test_the_seeded_rules_cap_shares_and_major_events_per_edition(db, people):
    in_force = {r.code: r for r in points.list_rules(db, people.clerk) if r.version == 2}
    assert in_force["share"].params == {"points": 2, "cap_per_edition": 8, "cap_per_year": 384}
    assert in_force["major_event"].params == {
        "points": 50, "cap_per_edition": 50, "cap_per_year": 500,
    }  # fmt: skip


# --- initial points ------------------------------------------------------------------------


def document(member_id, number, day, yuan, kind="service"):
    return ServiceInput(member_id, None, number, day, yuan * 100, kind)


def test_two_maintenance_documents_of_1500_yuan_make_3_initial_points(db, people, member_id):
    for number in ("H-1", "H-2"):
        recorded = points.record_service(
            db, people.clerk, document(member_id, number, date(2025, 6, 1), 1500)
        )
        assert (recorded.points, recorded.history) == (0, True)  # no points of its own
    preview = points.preview_service(
        db, people.clerk, document(member_id, "H-3", date(2025, 12, 31), 1500)
    )
    assert (preview.points, preview.history) == (0, True)
    assert balance(db, people, member_id) == 0
    granted = points.grant_initial_points(db, people.admin)
    assert (granted.members, granted.points) == (1, 3)  # ¥3,000 summed, then converted
    assert balance(db, people, member_id) == 3
    after = points.record_service(db, people.clerk, document(member_id, "N-1", LAUNCH, 1500))
    assert (after.points, after.history) == (1, False)  # from the launch on: its own points
    assert points.verify_ledger(db, people.admin) == []


@pytest.mark.parametrize(
    ("documents", "expected"),
    [
        ([("purchase", date(2025, 6, 1), 200_000)], (0, 0)),  # a purchase: not maintenance
        ([("service", date(2025, 6, 1), 1500), ("purchase", date(2025, 7, 1), 200_000)], (1, 1)),
        ([("service", date(2025, 1, 1), 1000)], (1, 1)),
    ],
)
def test_initial_points_count_maintenance_only(db, people, member_id, documents, expected):
    for i, (kind, day, yuan) in enumerate(documents):
        recorded = points.record_service(
            db, people.clerk, document(member_id, f"D-{i}", day, yuan, kind)
        )
        assert recorded.points == 0
    granted = points.grant_initial_points(db, people.admin)
    assert (granted.members, granted.points) == expected


def test_documents_older_than_the_year_before_launch_are_refused(db, people, member_id):
    with pytest.raises(ValidationError, match="from 2025-01-01"):
        points.record_service(
            db, people.clerk, document(member_id, "OLD", date(2024, 12, 31), 5000)
        )


def workbook(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["会员号", "手机号", "经销商代码", "工单号", "类型", "日期", "金额(元)"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_pre_launch_history_is_imported_without_points(db, people, tmp_path):
    member = register(db, people.clerk)
    source = workbook(
        tmp_path / "history.xlsx",
        [
            [member.member_number, None, "BJA01", "H-1", "保养", date(2025, 3, 1), 1500],
            [member.member_number, None, "BJA01", "H-2", "维修", date(2025, 9, 9), 1500],
            [member.member_number, None, "BJA01", "P-1", "购车", date(2025, 5, 1), 150_000],
            [member.member_number, None, "BJA01", "N-1", "维修", date(2026, 2, 1), 2000],
        ],
    )
    dry = transaction_import.import_transactions(db, people.clerk, source, dry_run=True)
    assert (dry.imported, dry.points) == (0, 0)
    summary = transaction_import.import_transactions(db, people.clerk, source)
    assert (summary.imported, summary.history, summary.points) == (4, 3, 2)
    assert balance(db, people, member.id) == 2  # only the document after the launch
    again = transaction_import.import_transactions(db, people.clerk, source)
    assert (again.imported, again.already, again.points) == (0, 4, 0)
    granted = points.grant_initial_points(db, people.admin)
    assert (granted.members, granted.points) == (1, 3)
    assert balance(db, people, member.id) == 5


# --- the new-binding bonus ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "granted"),
    [
        (date(2026, 3, 31), True),  # launch + 3 months - 1 day
        (date(2026, 4, 1), False),  # launch + 3 months
    ],
)
def test_new_binding_bonus_window(db, people, clock, day, granted):
    member_id = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "星途 S7", None)]).id
    clock.now = clock.now.replace(month=day.month, day=day.day)
    if granted:
        result = points.record_event(db, people.clerk, member_id, "new_binding", "b1")
        assert result.points == 100
    else:
        with pytest.raises(EventRefused, match="2026-01-01 to 2026-03-31"):
            points.record_event(db, people.clerk, member_id, "new_binding", "b1")


def test_new_binding_bonus_needs_a_bound_vehicle(db, people, member_id):
    with pytest.raises(EventRefused, match="no bound vehicle"):
        points.record_event(db, people.clerk, member_id, "new_binding", "b1")
    other = register(
        db,
        people.clerk,
        zhang(mobile="13900139000", resident_id=None),
        [VehicleInput(VIN2, "星途 S7", None)],
    ).id
    assert points.record_event(db, people.clerk, other, "new_binding", "b2").points == 100
    assert balance(db, people, member_id) == 0


def test_the_binding_bonus_is_shown_under_initial_points():
    for locale, group in (("zh_CN", "初始积分"), ("en", "Initial points")):
        text = describe("earn", "new_binding", statement_labels(locale=locale))
        assert group in text
