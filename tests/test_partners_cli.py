"""``loyalty partners settlement`` and ``compare`` end to end, and the export service behind
them (what it audits), on SQLite and PostgreSQL.

A partner is admitted through Approvals (assessed and scored by the admin, approved by a
second headquarters admin), supplies a spa voucher listed in the catalog at a unit cost of
¥120.00, and has a monthly rebate of 5% above ¥100.00. A member redeems three vouchers on the
fixtures' clock (2026-03-01) and one is written off: March 2026 bills 3 × ¥120.00 = ¥360.00,
less the ¥18.00 rebate, ¥342.00 payable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest
from openpyxl import load_workbook
from stdnum.cn import uscc

from app.domain.errors import NotFound, PermissionDenied, ValidationError
from app.domain.partners import FACTORS, SERVICE_PROCESSES
from app.domain.roles import Role
from app.services import approvals, benefits, staff
from app.services.benefits import ItemInput, RedeemInput
from app.services.partners import admission, cooperation, evaluation, registry, requests
from app.services.partners.exports import export_settlement, print_comparison
from app.services.shared import audit
from app.services.staff import auth
from tests.adapters.test_benefit_pdfs_matrix import pdf_text
from tests.conftest import PASSWORD
from tests.test_benefits import give_points
from tests.test_cli import run
from tests.test_members import register

MONTH = "2026-03"  # the fixtures' clock: 2026-03-01
UNIT_COST = 12_000


def credit_code(n: int) -> str:
    base = f"9111000010000{n:04d}"
    return base + uscc.calc_check_digit(base)


def partner_input(code: str, name: str, n: int, industry: str = "travel"):
    return registry.PartnerInput(
        code=code, name=name, credit_code=credit_code(n), legal_person=True,
        legal_representative="王五", registered_capital_fen=1_000_000_000,
        founded_on=date(2015, 6, 1), industry=industry, vat_special_invoice=True,
    )  # fmt: skip


def checklist() -> admission.ChecklistInput:
    return admission.ChecklistInput(
        service_processes=dict.fromkeys(SERVICE_PROCESSES, True),
        service_evidence="服务流程手册 2025 版", credit_sound=True,
        credit_evidence="2025 年审计报告", vat_invoice=True, vat_evidence="专票样张",
    )  # fmt: skip


def hq_approver(db, people):
    """A second headquarters admin: decides what the first prepared."""
    staff.save_user(db, people.admin, staff.UserInput("hq2", "HQ Two", Role.ADMIN, None),
                    initial_password=PASSWORD)  # fmt: skip
    actor = auth.sign_in(db, "hq2", PASSWORD)
    if actor.must_change_password:
        actor = auth.change_password(db, actor, PASSWORD, "Other-pass-2")
    return actor


@dataclass
class Partners:
    db: object
    people: object
    approver: object
    spa: int  # the admitted partner
    benefit: int
    member: int

    def admit(self, code: str, name: str, n: int, score: int) -> int:
        db, admin = self.db, self.people.admin
        partner = registry.create_partner(db, admin, partner_input(code, name, n))
        registry.change_status(db, admin, partner.id, "evaluating", "开始评估")
        admission.assess_admission(db, admin, partner.id, checklist())
        evaluation.evaluate(db, admin, partner.id, dict.fromkeys((f.value for f in FACTORS), score))
        request = requests.submit_admission(db, admin, partner.id, "准入申请", "本地仅两家酒店")
        approvals.approve(db, self.approver, request.id, "同意")
        return partner.id

    def cli(self, capsys, *argv: str) -> tuple[int, str, str]:
        return run(capsys, "--db", self.db.url, "--as", "admin", "partners", *argv)


def _listed_benefit(db, admin, approver, partner_id: int) -> int:
    item = ItemInput(
        code="SPA", name="温泉水疗体验", channel="redemption", source="partner",
        category="custom", face_value_fen=20_000, unit_cost_fen=UNIT_COST, stock=10,
    )  # fmt: skip
    row = cooperation.create_partner_benefit(db, admin, partner_id, item)
    request = benefits.submit_for_listing(db, admin, row.id, "上架")
    approvals.approve(db, approver, request.id, "ok")
    return row.id


def _rebate(db, admin, partner_id: int) -> None:
    terms = {"target_fen": 10_000, "rebate_permille": 50, "rebate_period": "month"}
    cooperation.save_mode(db, admin, partner_id, cooperation.ModeInput(
        "rebate", terms, date(2026, 1, 1), date(2026, 12, 31), UNIT_COST,
    ))  # fmt: skip


@pytest.fixture
def partners(db, people, monkeypatch) -> Partners:
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    shop = Partners(db, people, hq_approver(db, people), 0, 0, 0)
    shop.spa = shop.admit("SPA01", "北京悦榕庄温泉酒店有限公司", 1, 4)
    shop.benefit = _listed_benefit(db, people.admin, shop.approver, shop.spa)
    _rebate(db, people.admin, shop.spa)
    shop.member = register(db, people.clerk).id
    give_points(db, shop.member, 10_000)
    vouchers = [
        benefits.redeem(db, people.clerk, RedeemInput(shop.member, shop.benefit, f"r{i}"))
        for i in range(3)
    ]
    benefits.write_off(db, people.clerk, vouchers[0].code)
    return shop


def audit_entries(db, key: str) -> list[dict]:
    with db.reader() as uow:
        history = audit.record_history(uow, "partner", key)
    return [json.loads(h.after) for h in history if h.action == "export"]


# --- settlement ---------------------------------------------------------------------------------


def test_settlement_writes_the_workbook_and_the_pdf(partners, capsys, tmp_path):
    xlsx, pdf = tmp_path / "结算.xlsx", tmp_path / "settlement.pdf"
    code, out, err = partners.cli(capsys, "settlement", "--month", MONTH, "--partner", "spa01",
                                  "--xlsx", str(xlsx), "--pdf", str(pdf))  # fmt: skip
    assert code == 0, err
    assert "settlement of 2026-03: 1 partners, total payable ¥342.00" in out
    assert str(xlsx) in out and str(pdf) in out

    summary = load_workbook(xlsx).worksheets[0]
    rows = list(summary.iter_rows(values_only=True))
    assert rows[1][1:] == (
        "SPA01",
        "北京悦榕庄温泉酒店有限公司",
        credit_code(1),
        3,
        1,
        360,
        18,
        342,
    )
    text = pdf_text(pdf)
    assert "异业合作结算单" in text and "北京悦榕庄温泉酒店有限公司" in text
    assert "¥360.00" in text and "¥342.00" in text and "SPA" in text

    (entry,) = audit_entries(partners.db, "SPA01")
    assert entry["month"] == MONTH and entry["files"] == ["xlsx", "pdf"]
    assert (entry["amount_fen"], entry["rebate_fen"], entry["total_fen"]) == (36_000, 1_800, 34_200)


def test_settlement_without_files_prints_a_summary(partners, capsys):
    code, out, err = partners.cli(capsys, "settlement", "--month", MONTH)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("code\tname")
    assert lines[1].split("\t") == [
        "SPA01", "北京悦榕庄温泉酒店有限公司", "3", "1", "¥360.00", "¥18.00", "¥342.00",
    ]  # fmt: skip
    assert "1 partners, total payable ¥342.00" in err
    assert audit_entries(partners.db, "export") == []  # nothing written, nothing audited

    code, out, _err = partners.cli(capsys, "settlement", "--month", "2026-04", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["month"] == "2026-04"
    assert [(p["code"], p["redemptions"], p["total_fen"]) for p in shown["partners"]] == [
        ("SPA01", 0, 0)
    ]


def test_all_partners_in_english(partners, capsys, tmp_path):
    pdf = tmp_path / "all.pdf"
    code, _out, err = partners.cli(capsys, "settlement", "--month", MONTH, "--pdf", str(pdf),
                                   "--lang", "en")  # fmt: skip
    assert code == 0, err
    text = pdf_text(pdf)
    assert "Partner settlement statement" in text and "Total payable" in text
    (entry,) = audit_entries(partners.db, "export")
    assert entry["partners"] == ["SPA01"] and entry["files"] == ["pdf"]

    xlsx = tmp_path / "all.xlsx"  # --lang before the command: the messages' and the file's
    before = ["--lang", "en", "--db", partners.db.url, "--as", "admin", "partners"]
    code, out, err = run(capsys, *before, "settlement", "--month", MONTH, "--xlsx", str(xlsx))
    assert code == 0 and "written to" in out, err
    assert load_workbook(xlsx).sheetnames == ["Summary", "Lines", "Rebates"]
    code, _out, _err = partners.cli(capsys, "settlement", "--month", MONTH, "--xlsx", str(xlsx))
    assert load_workbook(xlsx).sheetnames[0] == "结算汇总"  # Chinese by default


def test_bad_month_and_unknown_partner_are_clear_errors(partners, capsys, tmp_path):
    xlsx = tmp_path / "x.xlsx"
    code, out, err = partners.cli(capsys, "settlement", "--month", "2026-13", "--xlsx", str(xlsx))
    assert code == 1 and out == ""
    assert err.startswith("error: ") and "YYYY-MM" in err and "Traceback" not in err
    code, _out, err = partners.cli(capsys, "settlement", "--month", "March", "--partner", "NOPE")
    assert code == 1 and "YYYY-MM" in err  # the month first
    code, out, err = partners.cli(capsys, "settlement", "--month", MONTH, "--partner", "NOPE",
                                  "--xlsx", str(xlsx))  # fmt: skip
    assert code == 1 and out == "" and "No partner has the code NOPE" in err
    assert not xlsx.exists()
    with pytest.raises(SystemExit) as exited:  # argparse: a required argument
        partners.cli(capsys, "settlement", "--partner", "SPA01")
    assert exited.value.code == 2 and "--month" in capsys.readouterr().err


def test_an_unwritable_file_is_a_message_and_what_was_written_is_audited(
    partners, capsys, tmp_path
):
    xlsx, pdf = tmp_path / "ok.xlsx", tmp_path / "missing" / "no.pdf"
    code, _out, err = partners.cli(capsys, "settlement", "--month", MONTH, "--xlsx", str(xlsx),
                                   "--pdf", str(pdf))  # fmt: skip
    assert code == 1 and "Cannot write" in err and "Traceback" not in err
    assert xlsx.exists() and not pdf.exists()
    (entry,) = audit_entries(partners.db, "export")
    assert entry["files"] == ["xlsx"]


def test_the_service_refuses_what_the_command_line_refuses(partners, tmp_path):
    db, people = partners.db, partners.people
    with pytest.raises(ValidationError):
        export_settlement(db, people.admin, "26-03", None, tmp_path / "a.xlsx", None)
    with pytest.raises(NotFound):
        export_settlement(db, people.admin, MONTH, 999_999, tmp_path / "a.xlsx", None)
    assert not (tmp_path / "a.xlsx").exists()
    with pytest.raises(PermissionDenied):  # headquarters' figures
        export_settlement(db, people.clerk, MONTH, partners.spa, None, tmp_path / "c.pdf")
    result = export_settlement(db, people.auditor, MONTH, partners.spa, None, tmp_path / "c.pdf")
    assert (result.amount_fen, result.rebate_fen, result.total_fen) == (36_000, 1_800, 34_200)
    assert audit_entries(db, "SPA01")[0]["files"] == ["pdf"]


# --- comparison ---------------------------------------------------------------------------------


def test_compare_prints_the_industry_and_writes_its_pdf(partners, capsys, tmp_path):
    partners.admit("SPA02", "上海静安温泉会所", 2, 3)
    code, out, err = partners.cli(capsys, "compare", "--industry", "travel")
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert [(r[0], r[1], r[-2]) for r in rows] == [("1", "SPA01", "4.00"), ("2", "SPA02", "3.00")]
    assert "2 partners compared (at least 5)" in err

    pdf = tmp_path / "compare.pdf"
    code, out, err = partners.cli(capsys, "compare", "--industry", "travel", "--pdf", str(pdf))
    assert code == 0 and "comparison written to" in out, err
    text = pdf_text(pdf)
    assert "异业合作伙伴横比" in text and "上海静安温泉会所" in text
    assert "本地仅两家酒店" in text  # the recorded reason: fewer than five compared

    with pytest.raises(SystemExit) as exited:
        partners.cli(capsys, "compare", "--industry", "shipping")
    assert exited.value.code == 2 and "invalid choice" in capsys.readouterr().err


def test_print_comparison_needs_the_view_permission_only(partners, tmp_path):
    written = print_comparison(partners.db, partners.people.auditor, "travel", tmp_path / "a.pdf")
    assert written.exists() and written.missing_glyphs == ()
    with pytest.raises(ValidationError):
        print_comparison(partners.db, partners.people.auditor, "shipping", tmp_path / "b.pdf")
