"""Bad input gets a clear error and changes nothing, the same on SQLite and PostgreSQL:
NUL characters, over-long texts, impossible dates and numbers (the hardening issue)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.db.engine import check_url, is_network_path
from app.db.models import AuditEntry, LedgerEntry, Member, ServiceOrder
from app.domain.errors import DatabaseConfigError, ValidationError
from app.services import (
    members,
    points,
    settings,
    staff,
)
from app.services.members import MemberFilter
from app.services.points import ServiceInput, UsePointsInput, adjustments
from app.services.points.adjustments import AdjustmentInput
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)  # the test clock's programme date


@pytest.fixture
def member_id(db, people):
    member = register(db, people.clerk)
    points.record_service(
        db, people.clerk, ServiceInput(member.id, None, "RO-1", TODAY, 100_000_00)
    )
    return member.id


def rows(db) -> tuple[int, ...]:
    with db.reader() as uow:
        count = lambda model: uow.session.scalar(select(func.count()).select_from(model))  # noqa: E731
        return tuple(count(m) for m in (LedgerEntry, ServiceOrder, Member, AuditEntry))


def refused(db, call) -> ValidationError:
    """The call is refused with a ValidationError (never a driver error) and writes nothing."""
    before = rows(db)
    with pytest.raises(ValidationError) as raised:
        call()
    assert str(raised.value) and raised.value.template  # a message for the user
    assert rows(db) == before
    return raised.value


def text_inputs(db, people, member_id):
    """Each text a service takes, as a function of the text given."""
    return {
        "document number": lambda t: points.record_service(
            db, people.clerk, ServiceInput(member_id, None, t, TODAY, 100_00)
        ),
        "repair-order reference": lambda t: points.use_points(
            db, people.clerk, UsePointsInput(member_id, 1, "labour", t)
        ),
        "adjustment note": lambda t: adjustments.request_adjustment(
            db, people.clerk, AdjustmentInput(member_id, 5, "goodwill", t)
        ),
        "adjustment reference": lambda t: adjustments.request_adjustment(
            db, people.clerk, AdjustmentInput(member_id, 5, "goodwill", "note", reference=t)
        ),
        "refund reason": lambda t: points.refund_service(db, people.clerk, 1, t),
        "event reference": lambda t: points.record_event(
            db, people.clerk, member_id, "sign_in", "ev1", reference=t
        ),
        "freeze reason": lambda t: members.change_status(db, people.clerk, member_id, "frozen", t),
        "member tag": lambda t: members.update_member(
            db, people.clerk, member_id, zhang(tags=(t,))
        ),
        "dealer name": lambda t: staff.save_dealer(
            db, people.admin, staff.DealerInput("SHA01", t, "华东", "上海市", "上海市")
        ),
        "rule note": lambda t: points.add_rule_version(
            db, people.admin, "sign_in", TODAY + timedelta(days=1), {"points": 1}, t
        ),
        "programme name": lambda t: settings.update_settings(db, people.admin, programme_name=t),
    }


LONGEST = {
    "document number": 40,
    "repair-order reference": 60,
    "adjustment note": 500,
    "adjustment reference": 60,
    "refund reason": 500,
    "event reference": 60,
    "freeze reason": 500,
    "member tag": 40,
    "dealer name": 100,
    "rule note": 500,
    "programme name": 100,
}


def test_nul_characters_are_refused_everywhere(db, people, member_id):
    for name, call in text_inputs(db, people, member_id).items():
        error = refused(db, lambda call=call: call("RO\x00-1"))
        assert "control characters" in str(error), name


def test_over_long_texts_are_refused_not_stored_or_cut(db, people, member_id):
    for name, call in text_inputs(db, people, member_id).items():
        error = refused(db, lambda call=call, name=name: call("长" * (LONGEST[name] + 1)))
        assert f"at most {LONGEST[name]} characters" in str(error), name


def test_event_dates_must_be_real_and_not_in_the_future(db, people, member_id):
    for when in (date(9999, 12, 31), TODAY + timedelta(days=1), date(1, 1, 1)):
        refused(
            db,
            lambda when=when: points.record_event(
                db, people.clerk, member_id, "sign_in", "ev-date", on=when
            ),
        )


def test_a_pasted_page_is_not_a_search(db, people, member_id):
    refused(db, lambda: members.search(db, people.clerk, MemberFilter(text="1" * 100_000)))
    assert members.search(db, people.clerk, MemberFilter(text="张" * 100)) == []


@pytest.mark.parametrize(
    "params",
    [
        {"points_per_unit": 2**70, "unit_fen": 100_000},
        {"points_per_unit": True, "unit_fen": 100_000},
        {"points_per_unit": "5", "unit_fen": 100_000},
        {"points_per_unit": 1.5, "unit_fen": 100_000},
        {"points_per_unit": 1, "unit_fen": 0},
        {"points_per_unit": 1, "unit_fen": 100_000, "bonus": 3},
        {"points_per_unit": 1, "unit_fen": 100_000, "rounding": "ceiling"},
        "1 per 1000",
    ],
)
def test_earning_rules_refuse_figures_no_one_means(db, people, params):
    refused(
        db,
        lambda: points.add_rule_version(db, people.admin, "service", TODAY, params),
    )


def test_booleans_are_not_numbers(db, people, member_id):
    refused(
        db,
        lambda: points.use_points(db, people.clerk, UsePointsInput(member_id, True, "labour", "R")),
    )
    refused(
        db,
        lambda: adjustments.request_adjustment(
            db, people.clerk, AdjustmentInput(member_id, True, "goodwill", "x")
        ),
    )
    refused(db, lambda: settings.update_settings(db, people.admin, idle_lock_minutes=True))
    refused(db, lambda: settings.update_settings(db, people.admin, no_such_setting=1))
    refused(
        db,
        lambda: points.record_service(
            db, people.clerk, ServiceInput(member_id, None, "RO-B", TODAY, True)
        ),
    )


MOUNTS = """\
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0
none /media/sf_share vboxsf rw 0 0
.host:/ /mnt/hgfs fuse.vmhgfs-fuse rw 0 0
vmhgfs /mnt/vmware vmhgfs rw 0 0
/dev/sda1 / ext4 rw 0 0
"""


@pytest.mark.parametrize(
    "path",
    [
        "/run/user/1000/gvfs/smb-share:server=nas,share=data/loyalty.sqlite3",
        "/media/sf_share/loyalty.sqlite3",
        "/mnt/hgfs/shared/loyalty.sqlite3",
        "/mnt/vmware/loyalty.sqlite3",
    ],
)
def test_desktop_and_virtual_machine_shares_are_network_paths(path):
    assert is_network_path(path, MOUNTS)
    assert not is_network_path("/home/clerk/loyalty.sqlite3", MOUNTS)


def test_a_file_uri_on_a_share_is_refused(monkeypatch):
    asked = []
    monkeypatch.setattr(
        "app.db.engine.is_network_path", lambda path, *a: asked.append(path) or True
    )
    with pytest.raises(DatabaseConfigError, match="PostgreSQL"):
        check_url("sqlite:///file:/mnt/nfs/loyalty.sqlite3?uri=true")
    assert asked == ["/mnt/nfs/loyalty.sqlite3"]
    with pytest.raises(DatabaseConfigError):
        check_url("sqlite:///file:memdb?mode=memory&uri=true")
