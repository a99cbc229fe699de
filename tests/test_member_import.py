"""Importing historical members from Excel, and the export, through the services."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.adapters import member_workbooks as mx
from app.db.models import ImportJob, Member, Vehicle
from app.domain.errors import PermissionDenied
from app.domain.validation import complete_vin, is_valid_member_number
from app.services import members
from app.services.members import MemberFilter
from app.services.members import workbooks as member_import
from app.services.members.workbooks import FileRejected
from app.services.shared.progress import Cancelled, Progress

KEYS = [c.key for c in mx.COLUMNS]


def row(n: int, **changes) -> dict:
    values = {
        "name": f"王{'芳伟磊静'[n % 4]}",
        "mobile": f"139{n:08d}",
        "join_date": "2024-04-01",
        "dealer_code": "BJA01",
        "privacy_consent": "是",
        "vin": complete_vin("LVXDA2B4", f"SB{n:06d}"),
        "vehicle_model": "星途 S7",
    }
    values.update(changes)
    return values


def workbook(path, rows) -> str:
    wb = Workbook()
    ws = wb.active
    ws.append([mx.COLUMN_BY_KEY[k].en for k in KEYS])
    for values in rows:
        ws.append([values.get(k) for k in KEYS])
    wb.save(path)
    return path


def count(db, model=Member) -> int:
    with db.reader() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_messy_file_imports_valid_rows_and_reports_the_rest(db, people, tmp_path):
    rows = [
        row(1, mobile=" １３９ ０００００００１ ", join_date="2024年4月1日", tags="试驾、老带新"),
        row(2, mobile=13900000002.0, purchase_amount="¥12,345.60"),
        row(3, mobile="12345"),  # invalid mobile
        row(4, dealer_code="NOPE"),  # unknown dealer
        row(5, mobile="13900000001"),  # same mobile as row 2 of the sheet
    ]
    report = tmp_path / "result.xlsx"
    summary = member_import.import_members(
        db, people.clerk, workbook(tmp_path / "in.xlsx", rows), report=report
    )
    assert (summary.status, summary.total, summary.imported, summary.rejected) == (
        "completed",
        5,
        2,
        3,
    )
    found = members.search(db, people.admin, MemberFilter(text="13900000001"))
    assert len(found) == 1 and is_valid_member_number(found[0].member_number)
    detail = members.get_member(db, people.admin, found[0].id)
    assert detail.tags == ["老带新", "试驾"] and detail.privacy_consent_by == "clerk"
    with db.reader() as uow:
        amount = uow.session.scalar(
            select(Vehicle.purchase_amount_fen).where(
                Vehicle.vin == complete_vin("LVXDA2B4", "SB000002")
            )
        )
    assert amount == 1_234_560
    sheet = load_workbook(report, read_only=True).worksheets[0]
    statuses = [r for r in sheet.iter_rows(values_only=True)]
    assert len(statuses) == 6
    assert sum(1 for r in statuses[1:] if "error" in r) == 3


def test_duplicates_against_the_database(db, people, tmp_path):
    member_import.import_members(db, people.clerk, workbook(tmp_path / "a.xlsx", [row(1)]))
    summary = member_import.import_members(
        db,
        people.clerk,
        workbook(
            tmp_path / "b.xlsx", [row(1, vin=None, vehicle_model=None), row(2, vin=row(1)["vin"])]
        ),
    )
    assert (summary.imported, summary.rejected) == (0, 2)
    assert count(db) == 1


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(db, people, tmp_path):
    path = workbook(tmp_path / "in.xlsx", [row(1), row(2, mobile="bad")])
    summary = member_import.import_members(db, people.clerk, path, mode="all_or_nothing")
    assert (summary.status, summary.imported) == ("rejected", 0)
    assert count(db) == 0
    good = workbook(tmp_path / "good.xlsx", [row(1), row(2)])
    summary = member_import.import_members(db, people.clerk, good, mode="all_or_nothing")
    assert (summary.status, summary.imported) == ("completed", 2) and count(db) == 2


def test_all_or_nothing_cancel_keeps_nothing(db, people, tmp_path, monkeypatch):
    monkeypatch.setattr(member_import, "BATCH", 2)
    path = workbook(tmp_path / "in.xlsx", [row(n) for n in range(1, 6)])
    progress = Progress(lambda done, total, what: progress.cancel() if what == "import" else None)
    with pytest.raises(Cancelled):
        member_import.import_members(
            db, people.clerk, path, mode="all_or_nothing", progress=progress
        )
    assert count(db) == 0 and count(db, ImportJob) == 0


def test_cancelled_import_keeps_whole_batches_and_resumes(db, people, tmp_path, monkeypatch):
    monkeypatch.setattr(member_import, "BATCH", 2)
    path = workbook(tmp_path / "in.xlsx", [row(n) for n in range(1, 6)])
    progress = Progress(lambda done, total, what: progress.cancel() if what == "import" else None)
    with pytest.raises(Cancelled):
        member_import.import_members(db, people.clerk, path, progress=progress)
    assert count(db) == 2  # exactly the first batch
    summary = member_import.import_members(db, people.clerk, path)
    assert (summary.resumed_from_row, summary.imported, summary.total) == (3, 5, 5)
    assert count(db) == 5 and count(db, Vehicle) == 5


def test_dry_run_writes_nothing(db, people, tmp_path):
    summary = member_import.import_members(
        db, people.clerk, workbook(tmp_path / "in.xlsx", [row(1)]), dry_run=True
    )
    assert summary.status == "dry_run" and count(db) == 0


def test_clerk_imports_only_own_dealer_and_auditor_not_at_all(db, people, tmp_path):
    from app.services import staff

    staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海", "华东", "上海市", "上海市")
    )
    path = workbook(tmp_path / "in.xlsx", [row(1, dealer_code="SHA01")])
    assert member_import.import_members(db, people.clerk, path).rejected == 1
    assert member_import.import_members(db, people.admin, path).imported == 1
    with pytest.raises(PermissionDenied):
        member_import.import_members(db, people.auditor, path)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"name,mobile\n", "not an Excel"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".xls"),
    ],
)
def test_hostile_files_are_rejected(db, people, tmp_path, content, message):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(FileRejected) as rejected:
        member_import.import_members(db, people.clerk, path)
    assert message.lower() in str(rejected.value).lower()


def test_export_is_masked_for_roles_without_personal_data(db, people, tmp_path):
    member_import.import_members(db, people.clerk, workbook(tmp_path / "in.xlsx", [row(1), row(2)]))
    for actor, mobile in ((people.admin, "13900000001"), (people.auditor, "139****0001")):
        out = tmp_path / f"{actor.username}.xlsx"
        assert member_import.export_members(db, actor, MemberFilter(), out) == 2
        cells = [
            c
            for r in load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True)
            for c in r
        ]
        assert mobile in cells


def test_imported_owners_get_the_enrolment_tier_of_their_model(db, people, tmp_path):
    from dataclasses import replace
    from datetime import date

    from app.domain.tiers import DEFAULT_POLICY
    from app.services.tiers import member_tier, save_policy

    policy = replace(DEFAULT_POLICY, enrolment_by_series={"星途 S7": "gold"})
    save_policy(db, people.admin, policy, date(2026, 3, 1))
    rows = [row(1), row(2, vehicle_model="揽月"), row(3, vin=None, vehicle_model=None)]
    summary = member_import.import_members(db, people.clerk, workbook(tmp_path / "t.xlsx", rows))
    assert summary.imported == 3
    tiers = {}
    for found in members.search(db, people.admin, MemberFilter()):
        view = member_tier(db, people.admin, found.id)
        tiers[found.mobile] = (view.tier.code, [h.reason for h in view.history])
    assert tiers == {
        "13900000001": ("gold", ["enrolment"]),
        "13900000002": ("silver", []),
        "13900000003": ("silver", []),
    }
