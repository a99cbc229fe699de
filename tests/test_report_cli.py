"""``loyalty report monthly`` end to end on SQLite and PostgreSQL, and the export service behind
it (what it audits).

Two members on the fixtures' clock (2026-03-01): 张三 of dealer BJA01 (华北) earns 500
points, 李四 of dealer SHA01 (华东) earns 300. March 2026: the network has 2 members, 800
points earned, opening 0, closing 800; BJA01 alone 1 member and 500 points; 华东 300.
"""

from __future__ import annotations

import dataclasses
import json

import pytest
from openpyxl import load_workbook

from app.domain.errors import PermissionDenied
from app.services import staff
from app.services.reports import exports
from app.services.reports.exports import export_monthly
from app.services.reports.model import ReportCheck
from app.services.shared import audit
from tests.adapters.test_benefit_pdfs_matrix import pdf_text
from tests.conftest import PASSWORD
from tests.test_benefits import give_points
from tests.test_cli import run
from tests.test_members import register, zhang

MONTH = "2026-03"


@pytest.fixture
def shop(db, people, monkeypatch):
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    zhang_id = register(db, people.clerk).id
    li = zhang(name="李四", mobile="139 0013 9000", resident_id=None, dealer_id=other.id)
    li_id = register(db, people.admin, li).id
    give_points(db, zhang_id, 500, "z1")
    give_points(db, li_id, 300, "l1")
    return db


def cli(db, capsys, user: str, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--db", db.url, "--as", user, "report", "monthly", *argv)


def as_json(out: str) -> dict:
    return json.loads(out)


def test_writes_the_workbook_and_the_pdf_and_audits_them(shop, capsys, tmp_path):
    xlsx, pdf = tmp_path / "月报.xlsx", tmp_path / "monthly.pdf"
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--xlsx", str(xlsx),
                         "--pdf", str(pdf))  # fmt: skip
    assert code == 0, err
    assert str(xlsx) in out and str(pdf) in out
    workbook = load_workbook(xlsx)
    assert len(workbook.sheetnames) == 10  # the summary and sections 1-9
    text = pdf_text(pdf)
    assert "会员忠诚度计划月度报告" in text and "签字确认" in text
    assert "800" in text  # the points earned
    with shop.reader() as uow:
        history = audit.record_history(uow, "report", "monthly:2026-03:network")
    entries = [json.loads(h.after) for h in history if h.action == "export"]
    assert entries and entries[0]["files"] == ["xlsx", "pdf"]
    assert entries[0]["closing_points"] == 800


def test_json_has_the_figures_of_the_network(shop, capsys):
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--json")
    assert code == 0, err
    data = as_json(out)
    assert data["scope"]["kind"] == "network"
    assert data["scope"]["first_day"] == "2026-03-01" and data["scope"]["last_day"] == "2026-03-31"
    assert data["members"]["total"] == 2 and data["members"]["new"] == 2
    points = data["points"]
    assert (points["opening"], points["earned"], points["closing"]) == (0, 800, 800)
    assert points["identity_ok"] is True and data["checks"] == []
    assert isinstance(points["liability_fen"], int)
    assert data["files"] == []


def test_a_dealer_and_a_region(shop, capsys):
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--dealer", "sha01", "--json")
    assert code == 0, err
    data = as_json(out)
    assert data["scope"]["dealer_code"] == "SHA01"
    assert (data["members"]["total"], data["points"]["earned"]) == (1, 300)
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--region", "华东", "--json")
    assert code == 0, err
    assert as_json(out)["points"]["earned"] == 300


def test_dealer_staff_see_only_their_dealer(shop, capsys, people):
    code, out, err = cli(shop, capsys, "supervisor", "--month", MONTH, "--json")
    assert code == 0, err
    data = as_json(out)
    assert data["scope"]["kind"] == "dealer" and data["scope"]["dealer_code"] == "BJA01"
    assert (data["members"]["total"], data["points"]["earned"]) == (1, 500)
    code, out, err = cli(shop, capsys, "supervisor", "--month", MONTH, "--dealer", "SHA01")
    assert code == 1 and "error:" in err and out == ""
    code, out, err = cli(shop, capsys, "supervisor", "--month", MONTH, "--region", "华东")
    assert code == 1 and "error:" in err
    with pytest.raises(PermissionDenied):
        export_monthly(shop, people.supervisor, MONTH, region="华东")


def test_bad_input_is_a_clear_error(shop, capsys, tmp_path):
    pdf = tmp_path / "never.pdf"
    code, out, err = cli(shop, capsys, "admin", "--month", "2026-13", "--pdf", str(pdf))
    assert code == 1 and "YYYY-MM" in err and not pdf.exists()
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--dealer", "NOPE")
    assert code == 1 and "NOPE" in err
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--region", "火星")
    assert code == 1 and "火星" in err
    code, out, err = cli(shop, capsys, "clerk", "--month", MONTH)
    assert code == 1 and "error:" in err  # a clerk may not see reports
    with pytest.raises(SystemExit) as exit_info:
        cli(shop, capsys, "admin", "--month", MONTH, "--dealer", "BJA01", "--region", "华北")
    assert exit_info.value.code == 2


def test_english_files_and_the_summary_line(shop, capsys, tmp_path):
    pdf = tmp_path / "monthly-en.pdf"
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--pdf", str(pdf), "--lang",
                         "en")  # fmt: skip
    assert code == 0, err
    text = pdf_text(pdf)
    assert "Loyalty programme monthly report" in text and "Sign-off" in text
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH)
    assert code == 0 and "2026-03" in out and "800" in out


def test_a_failed_check_is_exit_code_3_a_warning_and_in_the_files(
    shop, capsys, tmp_path, monkeypatch
):
    """The points identity cannot fail on a sound ledger: the report is spoilt on its way out
    of the data step (closing 90 points short), as a broken ledger would give it."""
    real = exports.monthly_report

    def spoilt(*args, **kwargs):
        report = real(*args, **kwargs)
        points = dataclasses.replace(report.points, closing=710, identity_ok=False,
                                     identity_difference=-90)  # fmt: skip
        check = ReportCheck("points_identity", "points identity does not hold", 800, 710)
        return dataclasses.replace(report, points=points, checks=(check,))

    monkeypatch.setattr(exports, "monthly_report", spoilt)
    pdf = tmp_path / "bad.pdf"
    code, out, err = cli(shop, capsys, "admin", "--month", MONTH, "--pdf", str(pdf), "--json")
    assert code == 3
    assert "points identity does not hold" in err
    data = as_json(out)
    assert data["points"]["identity_ok"] is False and data["checks"][0]["actual"] == 710
    first_page = pdf_text(pdf).split("\f")[0]
    assert "数据核对未通过" in first_page and "差额 -90" in first_page.replace("\u2212", "-")
