"""Outreach lists: expiring points, tiers at risk, birthdays this month and lapsed members,
against a small hand-built dataset (today 2026-03-01 in programme time): who is listed, in
which order, masked for whom, without the mobile of members who refused marketing, scoped
to the dealer for dealer staff; the Excel contact list leaves those members out and is
audited."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import openpyxl
import pytest

from app.db.models import LedgerEntry, Member, MemberTier, PointLot, ServiceOrder
from app.domain.errors import PermissionDenied, ValidationError
from app.services import staff
from app.services.reports import outreach
from app.services.shared import audit
from app.services.shared.audit import AuditFilter

NOW = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


def add_member(uow, number, name, mobile, dealer_id, *, birthday=None, consent=True,
            status="active", joined=date(2023, 1, 1)) -> int:  # fmt: skip
    member = Member(
        member_number=number, name=name, mobile=mobile, mobile_last4=mobile[-4:],
        dealer_id=dealer_id, birthday=birthday, join_date=joined, activated_on=joined,
        status=status, source_channel="counter", marketing_consent=consent, created_at=NOW,
    )  # fmt: skip
    uow.session.add(member)
    uow.session.flush()
    return member.id


def add_entry(uow, member_id, day, kind="earn", amount=100, currency="points", source=None):
    entry = LedgerEntry(
        entry_uid=uuid.uuid4().hex, fingerprint="x", member_id=member_id, currency=currency,
        kind=kind, source=source or ("service" if kind == "earn" else "adjustment"),
        amount=amount if kind != "redeem" else -amount, business_date=day, posted_at=NOW,
        actor="admin",
    )  # fmt: skip
    uow.session.add(entry)
    uow.session.flush()
    return entry.id


def _lot(uow, member_id, expires_on, points):
    entry_id = add_entry(
        uow, member_id, date(2025, 1, 1), kind="adjust", amount=points
    )  # no activity
    uow.session.add(
        PointLot(member_id=member_id, entry_id=entry_id, earned_on=date(2025, 1, 1),
                 expires_on=expires_on, original=points, remaining=points)
    )  # fmt: skip


def _gold(uow, member_id, valid_until, qualifying):
    uow.session.add(
        MemberTier(member_id=member_id, tier_code="gold", period_start=date(2025, 3, 1),
                   valid_until=valid_until, updated_at=NOW)
    )  # fmt: skip
    if qualifying:
        add_entry(uow, member_id, date(2025, 4, 1), amount=qualifying, currency="qualifying")


@pytest.fixture
def data(db, people):
    """Members of the people's dealer (A, C, E, F, G, D, H) and of another dealer (I)."""
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海西区服务中心", "华东", "上海市", "上海市")
    )
    own = people.dealer_id
    with db.uow(people.admin) as uow:
        ids = {
            "A": add_member(uow, "M001", "张三", "13800000001", own, birthday=date(1990, 3, 15)),
            "C": add_member(uow, "M003", "李四", "13800000003", own, birthday=date(1985, 3, 2),
                         consent=False, joined=date(2024, 6, 1)),
            "D": add_member(uow, "M004", "王五", "13800000004", own, joined=date(2026, 1, 1),
                         birthday=date(1990, 2, 28)),
            "E": add_member(uow, "M005", "赵六", "13800000005", own),
            "F": add_member(uow, "M006", "钱七", "13800000006", own),
            "G": add_member(uow, "M007", "孙八", "13800000007", own, birthday=date(2000, 3, 31)),
            "H": add_member(uow, "M008", "周九", "13800000008", own, status="closed",
                         birthday=date(1990, 3, 1)),
            "I": add_member(uow, "M009", "吴十", "13800000009", other.id,
                         birthday=date(1991, 3, 1)),
            "B": add_member(uow, "M002", "郑一", "13800000002", own),
        }  # fmt: skip
        add_entry(uow, ids["A"], date(2024, 1, 10))
        add_entry(uow, ids["B"], date(2024, 1, 10))
        uow.session.add(
            ServiceOrder(dealer_id=own, document_no="RO-1", kind="service", member_id=ids["B"],
                         service_date=date(2025, 6, 1), amount_fen=10_000)
        )  # fmt: skip
        add_entry(uow, ids["E"], date(2025, 2, 28), kind="redeem")  # 366 days ago: lapsed
        add_entry(uow, ids["F"], date(2025, 3, 1))  # 365 days ago: not yet
        add_entry(uow, ids["G"], date(2023, 1, 1))
        add_entry(uow, ids["G"], date(2025, 12, 1), kind="adjust")  # not activity
        add_entry(uow, ids["I"], date(2024, 5, 1))
        # expiring: C on 03-20 (50), A on 04-10 (100); A's 2027 lot is out of the window
        _lot(uow, ids["A"], date(2026, 4, 10), 100)
        _lot(uow, ids["A"], date(2027, 1, 1), 70)
        _lot(uow, ids["C"], date(2026, 3, 20), 50)
        _lot(uow, ids["I"], date(2026, 3, 25), 30)
        # at risk (gold retains at 20): A short 15, C short 20; E holds 25
        _gold(uow, ids["A"], date(2026, 3, 31), 5)
        _gold(uow, ids["C"], date(2026, 4, 15), 0)
        _gold(uow, ids["E"], date(2026, 3, 20), 25)
        uow.commit()
    return ids


def numbers(rows):
    return [row.member_number for row in rows]


def test_lapsed_members_by_last_activity(db, people, data):
    rows = outreach.outreach_list(db, people.supervisor, "lapsed")
    # G last earned 2023-01-01 (the adjustment does not count), A 2024-01-10, C never
    # (activated 2024-06-01), E redeemed 2025-02-28; B served 2025-06-01, F 365 days ago,
    # D joined this year, H is closed, I belongs to another dealer
    assert numbers(rows) == ["M007", "M001", "M003", "M005"]
    assert [(r.key_date, r.days, r.stage) for r in rows] == [
        (date(2023, 1, 1), 1155, "lost"),
        (date(2024, 1, 10), 781, "lost"),
        (date(2024, 6, 1), 638, "sleeping"),
        (date(2025, 2, 28), 366, "sleeping"),
    ]
    assert outreach.count_outreach(db, people.supervisor, "lapsed") == 4
    everyone = outreach.outreach_list(db, people.auditor, "lapsed")
    assert numbers(everyone) == ["M007", "M001", "M009", "M003", "M005"]
    assert numbers(outreach.outreach_list(db, people.auditor, "lapsed", offset=1, limit=2)) == [
        "M001", "M009",
    ]  # fmt: skip


def test_birthdays_this_month_by_day(db, people, data):
    rows = outreach.outreach_list(db, people.supervisor, "birthdays")
    assert numbers(rows) == ["M003", "M001", "M007"]  # H is closed, D born in February
    assert [r.key_date for r in rows] == [date(2026, 3, 2), date(2026, 3, 15), date(2026, 3, 31)]
    assert numbers(outreach.outreach_list(db, people.auditor, "birthdays")) == [
        "M009", "M003", "M001", "M007",
    ]  # fmt: skip
    assert outreach.count_outreach(db, people.auditor, "birthdays") == 4


def test_expiring_and_at_risk_come_from_their_areas(db, people, data):
    expiring = outreach.outreach_list(db, people.supervisor, "expiring")
    assert [(r.member_number, r.points, r.key_date) for r in expiring] == [
        ("M003", 50, date(2026, 3, 20)), ("M001", 100, date(2026, 4, 10)),
    ]  # fmt: skip
    assert outreach.count_outreach(db, people.auditor, "expiring") == 3
    risky = outreach.outreach_list(db, people.supervisor, "at_risk")
    assert [(r.member_number, r.tier, r.points, r.key_date) for r in risky] == [
        ("M001", "金卡", 15, date(2026, 3, 31)), ("M003", "金卡", 20, date(2026, 4, 15)),
    ]  # fmt: skip
    assert numbers(outreach.outreach_list(db, people.supervisor, "at_risk", offset=1)) == ["M003"]


@pytest.mark.parametrize("kind", outreach.LISTS)
def test_masked_and_no_mobile_without_consent(db, people, data, kind):
    full = {r.member_number: r for r in outreach.outreach_list(db, people.supervisor, kind)}
    assert (full["M001"].name, full["M001"].mobile) == ("张三", "13800000001")
    assert full["M001"].marketing_consent and not full["M003"].marketing_consent
    assert (full["M003"].name, full["M003"].mobile) == ("李四", None)
    masked = {r.member_number: r for r in outreach.outreach_list(db, people.auditor, kind)}
    assert (masked["M001"].name, masked["M001"].mobile) == ("张*", "138****0001")
    assert masked["M003"].mobile is None


def test_export_leaves_out_members_without_consent_and_is_audited(db, people, data, tmp_path):
    path = tmp_path / "lapsed.xlsx"
    result = outreach.export_outreach(db, people.supervisor, "lapsed", path)
    assert (result.rows, result.left_out) == (3, 1)
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "沉睡会员"
    assert rows[0] == ("会员号", "姓名", "手机号", "经销商", "最近活跃日", "未活跃天数", "生命周期")
    assert [r[0] for r in rows[1:]] == ["M007", "M001", "M005"]
    assert rows[1][1:4] == ("孙八", "13800000007", "北京东区服务中心")
    assert (rows[1][4].date(), rows[1][5], rows[1][6]) == (date(2023, 1, 1), 1155, "流失")
    assert rows[3][6] == "睡眠"

    masked = tmp_path / "birthdays.xlsx"
    result = outreach.export_outreach(db, people.auditor, "birthdays", masked, language="en")
    assert (result.rows, result.left_out) == (3, 1)
    rows = list(openpyxl.load_workbook(masked).active.iter_rows(values_only=True))
    assert rows[0] == ("Member number", "Name", "Mobile", "Dealer", "Birthday")
    assert [(r[0], r[1], r[2]) for r in rows[1:]] == [
        ("M009", "吴*", "138****0009"), ("M001", "张*", "138****0001"),
        ("M007", "孙*", "138****0007"),
    ]  # fmt: skip
    for kind in ("expiring", "at_risk"):
        result = outreach.export_outreach(db, people.supervisor, kind, tmp_path / f"{kind}.xlsx")
        assert (result.rows, result.left_out) == (1, 1)

    newest_first = audit.list_entries(db, people.admin, AuditFilter(entity="member"), None)
    exported = [e for e in reversed(newest_first) if e.action == "export"]
    assert [e.username for e in exported] == ["supervisor", "auditor", "supervisor", "supervisor"]
    assert "outreach_lapsed" in exported[0].after and "13800000007" not in exported[0].after


def test_only_report_readers_and_known_lists(db, people, data, tmp_path):
    with pytest.raises(PermissionDenied):
        outreach.outreach_list(db, people.clerk, "lapsed")
    with pytest.raises(PermissionDenied):
        outreach.export_outreach(db, people.clerk, "lapsed", tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()
    with pytest.raises(ValidationError):
        outreach.outreach_list(db, people.supervisor, "everyone")
    with pytest.raises(ValidationError):
        outreach.outreach_list(db, people.supervisor, "lapsed", limit=0)
