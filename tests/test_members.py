"""Members and vehicles through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from app.db.models import Member, Vehicle
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.roles import Role
from app.domain.validation import complete_vin, is_valid_member_number
from app.services import members, staff
from app.services.members import (
    DuplicateMember,
    FormInvalid,
    MemberFilter,
    MemberInput,
    VehicleInput,
)

VIN1 = complete_vin("LVXDA2B4", "SA000001")
VIN2 = complete_vin("LVXDA2B4", "SA000002")
ID_ZHANG = "11010519491231002X"  # the GB 11643 sample: born 1949-12-31, female


def zhang(**changes) -> MemberInput:
    values = dict(
        name="张三",
        mobile="138 0013 8000",
        gender="female",
        province="北京市",
        city="北京市",
        resident_id=ID_ZHANG,
        privacy_consent=True,
        tags=("试驾",),
    )
    values.update(changes)
    return MemberInput(**values)


@pytest.fixture
def other_dealer(db, people):
    return staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )


def register(db, actor, data=None, vehicles=()):
    return members.register_member(db, actor, data or zhang(), vehicles)


def test_register_member_with_vehicle(db, people):
    ref = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "星途 S7", "京A·12345")])
    assert is_valid_member_number(ref.member_number)
    detail = members.get_member(db, people.clerk, ref.id)
    assert (detail.name, detail.mobile, detail.resident_id) == ("张三", "13800138000", ID_ZHANG)
    assert detail.birthday == "1949-12-31"  # taken from the ID number
    assert detail.dealer_id == people.dealer_id and detail.status == "active"
    assert detail.privacy_consent_by == "clerk" and detail.tags == ["试驾"]
    assert [(x.vin, x.plate) for x in detail.vehicles] == [(VIN1, "京A12345")]
    created = detail.history[0]
    assert created.action == "create"
    assert "138****8000" in created.after and "13800138000" not in created.after


def test_all_field_errors_come_at_once_and_nothing_is_saved(db, people):
    bad = zhang(name="张3", mobile="12345", resident_id="110105194912310021", privacy_consent=False)
    with pytest.raises(FormInvalid) as error:
        register(db, people.clerk, bad, [VehicleInput("LVXDA2B4OSA00000", "", None)])
    assert set(error.value.errors) == {
        "name",
        "mobile",
        "resident_id",
        "privacy_consent",
        "vehicle0.vin",
        "vehicle0.model",
    }
    with pytest.raises(FormInvalid) as vehicle_error:
        register(db, people.clerk, zhang(), [VehicleInput("LVXDA2B4OSA00000", "")])
    assert set(vehicle_error.value.errors) == {"vehicle0.vin", "vehicle0.model"}
    with db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Member)) == 0


def test_birthday_and_gender_must_match_the_id(db, people):
    with pytest.raises(FormInvalid) as error:
        register(db, people.clerk, zhang(birthday=date(1950, 1, 1), gender="male"))
    assert error.value.errors["resident_id"][0] in {"id_birthday_mismatch", "id_gender_mismatch"}


@pytest.mark.parametrize(
    "field, changes, vehicles",
    [
        ("mobile", {"resident_id": None}, []),
        ("resident_id", {"mobile": "13900139000"}, []),
        ("vin", {"mobile": "13900139000", "resident_id": None}, [VehicleInput(VIN1, "S7")]),
    ],
)
def test_duplicates_are_refused_naming_the_member(db, people, field, changes, vehicles):
    first = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "S7")])
    with pytest.raises(DuplicateMember) as duplicate:
        register(db, people.clerk, zhang(**changes), vehicles)
    assert duplicate.value.field == field
    assert duplicate.value.member_number == first.member_number


def test_clerk_registers_for_own_dealer_only(db, people, other_dealer):
    ref = register(db, people.clerk, zhang(dealer_id=other_dealer.id))
    assert members.get_member(db, people.admin, ref.id).dealer_id == people.dealer_id
    with pytest.raises(PermissionDenied):
        register(db, people.auditor)


@pytest.fixture
def population(db, people, other_dealer):
    """Two members at the clerk's dealer, one at another dealer."""
    a = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "S7", "京A12345")])
    b = register(db, people.clerk, zhang(name="张伟", mobile="13912345678", resident_id=None))
    c = register(
        db,
        people.admin,
        zhang(name="欧阳娜娜", mobile="13700001234", resident_id=None, dealer_id=other_dealer.id),
        [VehicleInput(VIN2, "L6", "沪B88888")],
    )
    return a, b, c


def numbers(rows):
    return [r.member_number for r in rows]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("张", "ab"),
        ("张三", "a"),
        ("zs", "a"),
        ("zhang", "ab"),
        ("zw", "b"),
        ("ZHANGW", "b"),
        ("8000", "a"),
        ("13800138000", "a"),
        ("+86 138-0013-8000", "a"),
        (VIN1, "a"),
        (VIN1[-6:], "a"),
        ("京a 12345", "a"),
        (ID_ZHANG.lower(), "a"),
        ("欧阳", "c"),
        ("oynn", "c"),
        ("1234", "c"),
        ("李", ""),
        ("%", ""),
    ],
)
def test_search_by_each_key_as_admin(db, people, population, text, expected):
    by_letter = dict(zip("abc", population, strict=True))
    rows = members.search(db, people.admin, MemberFilter(text=text))
    assert numbers(rows) == sorted(by_letter[k].member_number for k in expected)


def test_search_by_member_number_and_a_mistyped_one(db, people, population):
    a = population[0]
    assert numbers(members.search(db, people.admin, MemberFilter(text=a.member_number))) == [
        a.member_number
    ]
    typo = a.member_number[:-1] + str((int(a.member_number[-1]) + 1) % 10)
    assert members.search(db, people.admin, MemberFilter(text=typo)) == []


def test_clerk_sees_own_dealer_and_walk_ins_masked(db, people, population):
    a, b, c = population
    assert numbers(members.search(db, people.clerk, MemberFilter())) == sorted(
        [a.member_number, b.member_number]
    )
    assert members.search(db, people.clerk, MemberFilter(text="欧阳")) == []  # not by name
    for text in (c.member_number, "13700001234", VIN2):
        [row] = members.search(db, people.clerk, MemberFilter(text=text))
        assert (row.member_number, row.masked) == (c.member_number, True)
        assert row.mobile == "137****1234" and row.name == "欧阳**"
    detail = members.get_member(db, people.clerk, c.id)
    assert detail.masked and detail.resident_id is None and not detail.can_edit
    with pytest.raises(PermissionDenied):
        members.update_member(db, people.clerk, c.id, zhang(resident_id=None))


@pytest.mark.parametrize(
    "role, masked",
    [(Role.ADMIN, False), (Role.AUDITOR, True), (Role.SUPERVISOR, False), (Role.CLERK, False)],
)
def test_masking_per_role(db, people, population, role, masked):
    a = population[0]
    detail = members.get_member(db, people.by_role(role), a.id)
    assert detail.masked is masked
    assert detail.mobile == ("138****8000" if masked else "13800138000")
    assert detail.resident_id == ("1" + "*" * 16 + "X" if masked else ID_ZHANG)


def test_another_dealers_member_is_masked_on_every_path(db, people, population):
    c = population[2]  # enrolled at another dealer: a walk-in for this clerk
    found = members.search(db, people.clerk, MemberFilter(text="13700001234"))
    assert [(r.name, r.mobile, r.masked) for r in found] == [("欧阳**", "137****1234", True)]
    detail = members.get_member(db, people.clerk, c.id)
    assert (detail.name, detail.mobile, detail.masked) == ("欧阳**", "137****1234", True)
    assert detail.vehicles[0].plate == "沪B***"


def test_filters_and_keyset_paging(db, people, population):
    a, b, c = population
    assert numbers(members.search(db, people.admin, MemberFilter(tag="试驾"))) == sorted(
        x.member_number for x in population
    )
    first = members.search(db, people.admin, MemberFilter(), limit=2)
    rest = members.search(
        db,
        people.admin,
        MemberFilter(),
        after=members.sort_key(first[-1], "member_number"),
        limit=2,
    )
    assert numbers(first + rest) == sorted(x.member_number for x in population)
    members.change_status(db, people.admin, b.id, "frozen", "suspected fraud")
    assert numbers(members.search(db, people.admin, MemberFilter(status="frozen"))) == [
        b.member_number
    ]
    by_join = members.search(db, people.admin, MemberFilter(), sort="join_date", limit=1)
    more = members.search(
        db,
        people.admin,
        MemberFilter(),
        sort="join_date",
        after=members.sort_key(by_join[0], "join_date"),
    )
    assert len(by_join + more) == 3


def test_status_rules_and_closing_anonymises(db, people, population):
    a = population[0]
    with pytest.raises(ValidationError):
        members.change_status(db, people.clerk, a.id, "frozen", "")
    members.change_status(db, people.clerk, a.id, "frozen", "lost card")
    members.change_status(db, people.clerk, a.id, "active")
    members.change_status(db, people.clerk, a.id, "closed", "member's request (PIPL)")
    detail = members.get_member(db, people.admin, a.id)
    assert (detail.name, detail.mobile, detail.resident_id, detail.birthday) == (
        "已注销会员",
        None,
        None,
        None,
    )
    assert [x.plate for x in detail.vehicles] == [None] and detail.tags == []
    assert detail.member_number == a.member_number and detail.service_orders == 0
    with pytest.raises(ValidationError):
        members.change_status(db, people.clerk, a.id, "active")
    assert members.search(db, people.admin, MemberFilter(text="13800138000")) == []
    register(db, people.clerk)  # the mobile and ID number are free again


def test_pre_registered_member_is_activated_with_a_date(db, people, clock):
    ref = register(db, people.clerk, zhang(pre_registered=True))
    assert members.get_member(db, people.clerk, ref.id).activated_on is None
    clock.advance(days=10)
    members.change_status(db, people.clerk, ref.id, "active")
    assert members.get_member(db, people.clerk, ref.id).activated_on == date(2026, 3, 11)


def test_vehicle_transfer_keeps_the_history(db, people, population):
    a, b, _c = population
    members.transfer_vehicle(db, people.clerk, VIN1, b.id, date(2026, 2, 1))
    assert [x.vin for x in members.get_member(db, people.clerk, b.id).vehicles] == [VIN1]
    seller = members.get_member(db, people.clerk, a.id)
    assert seller.vehicles == []
    assert [(p.vin, p.member_number, p.owned_until) for p in seller.previous_vehicles] == [
        (VIN1, b.member_number, date(2026, 2, 1))
    ]
    with pytest.raises(ValidationError):
        members.transfer_vehicle(db, people.clerk, VIN1, b.id, date(2026, 2, 2))


def test_merge_moves_everything_and_needs_a_supervisor(db, people, population):
    a, b, _c = population
    with pytest.raises(PermissionDenied):
        members.merge_members(db, people.clerk, a.id, b.id, "same person")
    members.merge_members(db, people.supervisor, b.id, a.id, "same person, two records")
    kept = members.get_member(db, people.supervisor, b.id)
    gone = members.get_member(db, people.supervisor, a.id)
    assert [x.vin for x in kept.vehicles] == [VIN1]
    assert kept.resident_id == ID_ZHANG  # taken over, b had none
    assert gone.status == "closed" and gone.mobile is None
    with db.reader() as uow:
        assert uow.session.scalar(select(Vehicle.member_id).where(Vehicle.vin == VIN1)) == b.id


def test_update_member_audits_changes(db, people, population):
    a = population[0]
    members.update_member(
        db, people.clerk, a.id, zhang(city="海淀区", tags=("高价值",), marketing_consent=True)
    )
    detail = members.get_member(db, people.clerk, a.id)
    assert (detail.city, detail.tags, detail.marketing_consent) == ("海淀区", ["高价值"], True)
    change = detail.history[0]
    assert change.action == "update"
    assert json.loads(change.after) == {
        "city": "海淀区",
        "marketing_consent": True,
        "tags": ["高价值"],
    }
