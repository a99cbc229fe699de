"""Text that spreadsheets would run as a formula (= + - @ at the start): refused in the free-text
columns of a member import and in administrators' names, written as quoted text by every
export (see ``app.domain.validation.starts_like_formula``)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from app.adapters.workbooks.writer import XlsxBook
from app.db.models import Member
from app.domain.errors import ValidationError
from app.domain.members import FormInvalid
from app.services import benefits, members, staff
from app.services.benefits import ItemInput
from app.services.members import MemberFilter, MemberInput
from app.services.members import workbooks as member_import
from tests.test_member_import import row, workbook

PROVINCE = "@SUM(1+1)"
MODEL = "-cmd|'/C calc'!A0"


def _report_rows(path) -> list[tuple]:
    return list(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))


def test_import_refuses_free_text_starting_like_a_formula(db, people, tmp_path):
    rows = [
        row(1, province=PROVINCE),
        row(2, vehicle_model=MODEL),
        row(3, city="+1 城"),
        row(4, tags='VIP、=HYPERLINK("http://x")'),
        row(5, mobile="+86 139 0000 0005", province="广东省", vehicle_model="星途 S7-2"),
    ]
    report = tmp_path / "result.xlsx"
    summary = member_import.import_members(
        db, people.clerk, workbook(tmp_path / "in.xlsx", rows), report=report
    )
    assert (summary.total, summary.imported, summary.rejected) == (5, 1, 4)
    text = "\n".join(str(c) for r in _report_rows(report) for c in r if c is not None)
    for column in ("Province", "Vehicle model", "City", "Tags"):
        assert f"{column}: The text must not start with =, +, - or @" in text, text
    assert "Tags: The text must not start with =" in text  # one tag of the cell
    found = members.search(db, people.admin, MemberFilter(text="13900000005"))
    assert len(found) == 1  # "+86…" is a mobile, not free text: imported
    assert not members.search(db, people.admin, MemberFilter(text="13900000001"))


def test_export_writes_such_text_as_quoted_text_not_a_formula(db, people, tmp_path):
    member_import.import_members(db, people.clerk, workbook(tmp_path / "in.xlsx", [row(1)]))
    with db.uow() as uow:  # stored some other way (before the rule, or by another program)
        uow.session.execute(update(Member).values(name=PROVINCE))
        uow.commit()
    out = tmp_path / "export.xlsx"
    assert member_import.export_members(db, people.admin, MemberFilter(), out) == 1
    cells = {c.value: c for r in load_workbook(out).worksheets[0].iter_rows() for c in r}
    assert cells[PROVINCE].data_type == "s" and cells[PROVINCE].quotePrefix
    assert not cells["13900000001"].quotePrefix  # ordinary text as before


def test_the_import_report_quotes_the_refused_cells(db, people, tmp_path):
    report = tmp_path / "result.xlsx"
    path = workbook(tmp_path / "in.xlsx", [row(1, province=PROVINCE, vehicle_model=MODEL)])
    member_import.import_members(db, people.clerk, path, report=report)
    cells = {c.value: c for r in load_workbook(report).worksheets[0].iter_rows() for c in r}
    for value in (PROVINCE, MODEL):
        assert cells[value].data_type == "s" and cells[value].quotePrefix, value


def test_xlsx_writer_quotes_only_text_starting_like_a_formula(tmp_path):
    book = XlsxBook()
    sheet = book.add_sheet("s", [10] * 6, freeze=None)
    sheet.append([MODEL, " @x", "＝1", "- 客户要求", "张三", -5])
    book.save(tmp_path / "w.xlsx")
    got = [
        (c.value, c.data_type, c.quotePrefix) for c in load_workbook(tmp_path / "w.xlsx").active[1]
    ]
    assert got == [
        (MODEL, "s", True), (" @x", "s", True), ("＝1", "s", True), ("- 客户要求", "s", True),
        ("张三", "s", False), (-5, "n", False),
    ]  # fmt: skip


@pytest.mark.parametrize("field", ["name", "region", "province", "city"])
def test_dealer_texts_follow_the_rule(db, people, field):
    values = {"code": "GZ01", "name": "广州店", "region": "华南", "province": "广东省",
              "city": "广州市"}  # fmt: skip
    values[field] = '=HYPERLINK("http://evil","点我")'
    with pytest.raises(ValidationError) as caught:
        staff.save_dealer(db, people.admin, staff.DealerInput(**values))
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: the text must not start with =, +, - or @")


def test_staff_display_names_follow_the_rule(db, people):
    from app.domain.roles import Role

    data = staff.UserInput("mallory", "+Mallory", Role.CLERK, people.dealer_id)
    with pytest.raises(ValidationError) as caught:
        staff.save_user(db, people.admin, data, initial_password="Temp-pass-1")
    assert caught.value.field == "display_name"
    assert "display name: the text must not start" in str(caught.value)


def test_the_member_form_and_the_catalog_refuse_formula_like_text(db, people):
    with pytest.raises(FormInvalid):
        members.register_member(
            db, people.clerk,
            MemberInput("王五", "13900000099", province="@SUM(1+1)", privacy_consent=True),
        )  # fmt: skip
    with pytest.raises(ValidationError):
        benefits.create_item(
            db, people.admin, ItemInput("X1", "=1+1", "redemption", "dealer", "custom", 100, 50)
        )
