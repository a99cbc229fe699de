"""The partner complaints, service levels and monthly settlement through real widgets: a
complaint the partner received is recorded in its dialog and its due time shown on the
programme's clock; a day later it shows overdue and is counted; the plan, a contact and the
resolution are recorded and the member compensated with points through Approvals; the
service levels of a month with known complaints; the settlement of a partner's vouchers,
exported to Excel."""

from __future__ import annotations

from datetime import UTC, date, datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QTableWidget,
)

from app.domain import partners as rules
from app.domain.roles import Role
from app.services import approvals, benefits, staff
from app.services.approvals import RequestFilter
from app.services.benefits import RedeemInput
from app.services.partners import admission, complaints, cooperation, evaluation, registry, requests
from app.services.partners.admission import ChecklistInput
from app.services.partners.complaints import ComplaintInput
from app.services.partners.registry import PartnerInput
from app.services.staff import auth
from app.ui.partners.complaints_tab import ComplaintsTab
from app.ui.partners.service_levels_tab import ServiceLevelsTab
from app.ui.partners.settlement_tab import SettlementTab
from tests.conftest import PASSWORD
from tests.gui.helpers import (
    child,
    click,
    open_dialog,
    set_spin,
    show_page,
    type_into,
    type_text,
    visible,
)
from tests.gui.test_benefits_gui import choose, click_row, save_as, view_rows
from tests.test_benefits import give_points, item
from tests.test_members import register

RECEIVED, PARTNER, STATUS, DUE, SOURCE, MEMBER, SUMMARY, PLAN, CONTACTS, COMPENSATION = range(10)


# --- setting up through the services ------------------------------------------------------------


def second_hq(db, people):
    """Another headquarters administrator: approvals are decided by someone else."""
    staff.save_user(db, people.admin, staff.UserInput("hq2", "HQ Two", Role.ADMIN, None),
                    initial_password=PASSWORD)  # fmt: skip
    return auth.sign_in(db, "hq2", PASSWORD)


def partner_input(code: str, name: str, credit_code: str) -> PartnerInput:
    return PartnerInput(
        code=code, name=name, credit_code=credit_code, legal_person=True,
        legal_representative="李四", registered_capital_fen=1_000_000_000,
        founded_on=date(2015, 6, 1), industry=rules.Industry.MEDICAL,
    )  # fmt: skip


def admitted_partner(db, people, approver, code="HEALTH", name="安心健康",
                     credit_code="91110108MA01ABCDEN") -> int:  # fmt: skip
    """A partner created, evaluated, assessed and scored by the admin, admitted by another
    headquarters administrator."""
    admin = people.admin
    partner = registry.create_partner(db, admin, partner_input(code, name, credit_code))
    registry.change_status(db, admin, partner.id, rules.PartnerStatus.EVALUATING, "开始评估")
    checklist = ChecklistInput(
        service_processes=dict.fromkeys(rules.SERVICE_PROCESSES, True),
        service_evidence="服务流程文件", credit_sound=True, credit_evidence="审计报告",
        vat_invoice=True, vat_evidence="专票样张",
    )  # fmt: skip
    admission.assess_admission(db, admin, partner.id, checklist)
    evaluation.evaluate(db, admin, partner.id, dict.fromkeys(rules.EQUAL_WEIGHTS, 4))
    request = requests.submit_admission(db, admin, partner.id, "准入", "本行业候选不足五家")
    approvals.approve(db, approver, request.id, "同意")
    return partner.id


@pytest.fixture
def hq2(db, people):
    return second_hq(db, people)


@pytest.fixture
def partner_id(db, people, hq2) -> int:
    return admitted_partner(db, people, hq2)


def complaint(db, actor, partner_id: int, **changes):
    values = dict(partner_id=partner_id, source=rules.ComplaintSource.MEMBER, summary="服务差",
                  received_at=db.clock())  # fmt: skip
    values.update(changes)
    return complaints.record_complaint(db, actor, ComplaintInput(**values))


def wait_rows(qtbot, view: QTableView, count: int) -> list[list[str]]:
    qtbot.waitUntil(lambda: view.model().rowCount() == count)
    return view_rows(view)


def open_tab(qtbot, tab, name: str):
    return show_page(qtbot, tab, name, 1280, 640)


# --- complaints ---------------------------------------------------------------------------------


def test_a_partner_received_complaint_is_recorded_and_shows_overdue_a_day_later(
    qtbot, db, people, partner_id, clock
):
    member = register(db, people.clerk)
    tab = open_tab(qtbot, ComplaintsTab(db, people.clerk), "complaints_tab")
    count = child(tab, "complaints_count", QLabel)
    qtbot.waitUntil(lambda: count.text() == "No complaints recorded.")
    record = child(tab, "record_complaint", QPushButton)
    qtbot.waitUntil(record.isEnabled)
    table = child(tab, "complaints_table", QTableView)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, "record_complaint_dialog")
    partner = child(dialog, "partner", QComboBox)
    qtbot.waitUntil(lambda: partner.count() == 2)
    choose(qtbot, partner, "安心健康 (HEALTH)")
    choose(qtbot, child(dialog, "source", QComboBox), "Received by the partner")
    type_into(qtbot, dialog, "member_number", member.member_number)
    received = child(dialog, "received_at", QDateTimeEdit)  # the clock: 2026-03-01 10:00 Beijing
    assert received.text() == "2026-03-01 10:00"
    received.setFocus()
    received.setSelectedSection(QDateTimeEdit.Section.HourSection)
    qtbot.keyClicks(received, "0830")
    assert received.text() == "2026-03-01 08:30"
    hint = child(dialog, "due_hint", QLabel)
    assert hint.text() == (
        "Handling plan due by 2026-03-02 08:30. It must reach operations by 2026-03-02 08:30."
    )
    summary = child(dialog, "summary", QPlainTextEdit)
    summary.setFocus()
    type_text(qtbot, summary, "体检预约被取消")
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: visible("record_complaint_dialog") is None)

    [row] = wait_rows(qtbot, table, 1)
    assert row[RECEIVED] == "2026-03-01 08:30"  # Beijing time, whatever this computer's zone
    assert row[DUE] == "2026-03-02 08:30 / 2026-03-02 08:30"  # plan due / report due
    assert (row[PARTNER], row[SOURCE], row[MEMBER], row[STATUS]) == (
        "安心健康 (HEALTH)", "Received by the partner", member.member_number, "Open",
    )  # fmt: skip
    [saved] = complaints.list_complaints(db, people.clerk)
    assert saved.received_at == datetime(2026, 3, 1, 0, 30, tzinfo=UTC)
    assert saved.reported_at == datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # now: in time
    message = child(tab, "complaints_message", QLabel)
    assert "due by 2026-03-02 08:30" in message.text()
    overdue = child(tab, "complaints_overdue", QLabel)
    assert overdue.text() == ""

    clock.advance(hours=25)  # 2026-03-02 11:00 Beijing: no plan yet
    click(qtbot, tab, "complaints_refresh")
    qtbot.waitUntil(lambda: view_rows(table)[0][STATUS] == "Open · Overdue: plan")
    assert overdue.text() == "⚠ 1 overdue"
    model = table.model()
    background = model.index(0, SUMMARY).data(Qt.ItemDataRole.BackgroundRole)
    assert background is not None and background.color().name() == "#fde8ea"
    assert model.index(0, STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    overdue_only = child(tab, "complaints_overdue_only", QCheckBox)
    qtbot.mouseClick(overdue_only, Qt.MouseButton.LeftButton)
    assert overdue_only.isChecked()
    assert len(wait_rows(qtbot, table, 1)) == 1


def test_an_unknown_member_number_is_refused_in_the_dialog(qtbot, db, people, partner_id):
    register(db, people.clerk)  # 00000000013; 00000000021 is valid but nobody's
    tab = open_tab(qtbot, ComplaintsTab(db, people.clerk), "complaints_tab")
    qtbot.waitUntil(child(tab, "record_complaint", QPushButton).isEnabled)
    click(qtbot, tab, "record_complaint")
    dialog = open_dialog(qtbot, "record_complaint_dialog")
    partner = child(dialog, "partner", QComboBox)
    qtbot.waitUntil(lambda: partner.count() == 2)
    choose(qtbot, partner, "安心健康 (HEALTH)")
    type_into(qtbot, dialog, "member_number", "00000000021")
    summary = child(dialog, "summary", QPlainTextEdit)
    summary.setFocus()
    type_text(qtbot, summary, "投诉")
    assert not child(dialog, "reported_at", QDateTimeEdit).isVisible()  # a member's own
    click(qtbot, dialog, "ok")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "No member has this number."
    assert complaints.list_complaints(db, people.clerk) == []


def test_plan_contact_resolution_and_points_compensation(qtbot, db, people, partner_id, clock):
    member = register(db, people.clerk)
    complaint(db, people.clerk, partner_id, member_id=member.id)
    clock.advance(hours=2)
    tab = open_tab(qtbot, ComplaintsTab(db, people.clerk), "complaints_tab")
    table = child(tab, "complaints_table", QTableView)
    wait_rows(qtbot, table, 1)
    for name in ("complaint_plan", "complaint_contact", "resolve_complaint"):
        assert not child(tab, name, QPushButton).isEnabled()  # nothing selected yet
    click_row(qtbot, table, 0)
    assert not child(tab, "resolve_complaint", QPushButton).isEnabled()  # no contact yet

    click(qtbot, tab, "complaint_plan")
    plan_dialog = open_dialog(qtbot, "plan_dialog")
    plan = child(plan_dialog, "plan", QPlainTextEdit)
    plan.setFocus()
    type_text(qtbot, plan, "当天改约并致歉")
    click(qtbot, plan_dialog, "ok")
    qtbot.waitUntil(lambda: view_rows(table)[0][PLAN] == "当天改约并致歉")

    click(qtbot, tab, "complaint_contact")
    qtbot.waitUntil(lambda: view_rows(table)[0][CONTACTS] == "1")
    click(qtbot, tab, "resolve_complaint")
    resolve = open_dialog(qtbot, "resolve_dialog")
    assert not child(resolve, "ok", QPushButton).isEnabled()
    text = child(resolve, "resolution", QPlainTextEdit)
    text.setFocus()
    type_text(qtbot, text, "已重新预约")
    qtbot.mouseClick(child(resolve, "partner_caused_yes", QRadioButton), Qt.MouseButton.LeftButton)
    type_into(qtbot, resolve, "compensation_yuan", "50")
    click(qtbot, resolve, "ok")
    qtbot.waitUntil(lambda: view_rows(table)[0][STATUS] == "Resolved")
    assert view_rows(table)[0][COMPENSATION] == "¥50.00"
    assert not child(tab, "complaint_contact", QPushButton).isEnabled()

    click(qtbot, tab, "compensate_complaint")
    compensate = open_dialog(qtbot, "compensation_dialog")
    set_spin(qtbot, child(compensate, "points", QSpinBox), "200")
    type_into(qtbot, compensate, "note", "体检被取消的补偿")
    click(qtbot, compensate, "ok")
    message = child(tab, "complaints_message", QLabel)
    qtbot.waitUntil(lambda: "wait in Approvals" in message.text())
    qtbot.waitUntil(lambda: view_rows(table)[0][COMPENSATION] == "¥50.00 · 200 points (Pending)")
    assert not child(tab, "compensate_complaint", QPushButton).isEnabled()  # one at a time
    [request] = approvals.list_requests(db, people.admin, RequestFilter(kind="points_adjustment"))
    assert (request.status, request.subject_id, request.payload["amount"]) == (
        "pending", member.id, 200,
    )  # fmt: skip
    assert request.payload["reason_code"] == "complaint"
    [saved] = complaints.list_complaints(db, people.clerk)
    assert (saved.adjustment_id, saved.partner_caused, saved.compensation_fen) == (
        request.id, True, 5_000,
    )  # fmt: skip

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter opens the details
    details = open_dialog(qtbot, "complaint_detail")
    assert child(details, "detail_resolution", QLabel).text() == "已重新预约"
    assert child(details, "detail_received", QLabel).text() == "2026-03-01 10:00"


def test_an_auditor_sees_the_complaints_but_may_not_handle_them(qtbot, db, people, partner_id):
    complaint(db, people.clerk, partner_id)
    tab = open_tab(qtbot, ComplaintsTab(db, people.auditor), "complaints_tab")
    table = child(tab, "complaints_table", QTableView)
    wait_rows(qtbot, table, 1)
    click_row(qtbot, table, 0)
    for name in ("record_complaint", "complaint_plan", "complaint_contact", "resolve_complaint",
                 "compensate_complaint"):  # fmt: skip
        assert not child(tab, name, QPushButton).isEnabled()


# --- service levels -----------------------------------------------------------------------------


def test_service_levels_show_the_rates_and_the_missed_target(qtbot, db, people, partner_id, hq2):
    other = admitted_partner(db, people, hq2, "DINE", "好味餐饮", "91310000MA1K2B3C4Y")
    clerk = people.clerk
    first = complaint(db, clerk, partner_id)
    second = complaint(db, clerk, partner_id)
    third = complaint(db, clerk, other)
    for row, contacts in ((first, 1), (second, 2), (third, 1)):
        for _ in range(contacts):
            complaints.record_contact(db, clerk, row.id)
        complaints.resolve_complaint(db, clerk, row.id, "已处理", False)
    complaint(db, clerk, other)  # still open
    tab = open_tab(qtbot, ServiceLevelsTab(db, people.admin), "service_levels_tab")
    table = child(tab, "service_levels_table", QTableView)
    rows = wait_rows(qtbot, table, 2)
    assert child(tab, "service_levels_month", QDateTimeEdit).text() == "2026-03"
    assert rows == [
        ["好味餐饮 (DINE)", "2", "0", "0", "1", "50.0% · missed", "50.0% · missed"],
        ["安心健康 (HEALTH)", "2", "0", "0", "0", "50.0% · missed", "100.0% · met"],
    ]
    model = table.model()
    assert model.index(1, 6).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#1b7a3a"
    assert model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#b00020"
    summary = child(tab, "service_levels_summary", QLabel)
    assert summary.text() == "2026-03: 2 partners with complaints; 2 missed a target."

    month = child(tab, "service_levels_month", QDateTimeEdit)
    month.setFocus()
    month.setSelectedSection(QDateTimeEdit.Section.MonthSection)
    qtbot.keyClick(month, Qt.Key.Key_Down)  # February: nothing received
    qtbot.waitUntil(lambda: summary.text() == "No complaints received in 2026-02.")
    assert table.model().rowCount() == 0


# --- settlement ---------------------------------------------------------------------------------


@pytest.fixture
def redeemed(db, people, partner_id, hq2):
    """The partner's health check (unit cost ¥120) listed, redeemed twice by a member in
    March 2026 and one voucher written off."""
    data = item(code="CHECKUP", name="体检套餐", face_value_fen=30_000, unit_cost_fen=12_000)
    benefit = cooperation.create_partner_benefit(db, people.admin, partner_id, data)
    request = benefits.submit_for_listing(db, people.admin, benefit.id, "新品上架")
    approvals.approve(db, hq2, request.id, "ok")
    member = register(db, people.clerk)
    give_points(db, member.id, 10_000)
    first = benefits.redeem(db, people.clerk, RedeemInput(member.id, benefit.id))
    benefits.redeem(db, people.clerk, RedeemInput(member.id, benefit.id))
    benefits.write_off(db, people.clerk, first.code)
    return benefit.id


def test_the_settlement_shows_the_partners_lines_and_exports_to_excel(
    qtbot, db, people, redeemed, tmp_path, monkeypatch
):
    tab = open_tab(qtbot, SettlementTab(db, people.admin), "settlement_tab")
    total = child(tab, "settlement_total", QLabel)
    month = child(tab, "settlement_month", QDateTimeEdit)
    qtbot.waitUntil(lambda: total.text().startswith("2026-02"))
    assert month.text() == "2026-02"  # last month by default
    month.setFocus()
    month.setSelectedSection(QDateTimeEdit.Section.MonthSection)
    qtbot.keyClick(month, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: total.text().startswith("2026-03"))
    table = child(tab, "settlement_table", QTableWidget)
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert rows == [
        ["安心健康 (HEALTH) · Admitted", "", "", "", ""],
        ["体检套餐 (CHECKUP)", "¥120.00", "2", "1", "¥240.00"],
        ["Total HEALTH", "", "2", "1", "¥240.00"],
        ["All partners", "", "2", "1", "¥240.00"],
    ]
    assert total.text() == (
        "2026-03: billed ¥240.00, rebates ¥0.00, to settle ¥240.00; partners: 1."
    )
    choose(qtbot, child(tab, "settlement_partner", QComboBox), "安心健康 (HEALTH)")
    qtbot.waitUntil(lambda: table.rowCount() == 4)

    target = tmp_path / "settlement.xlsx"
    save_as(monkeypatch, target)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    click(qtbot, tab, "export_settlement_xlsx")
    saved = open_dialog(qtbot, "file_saved")
    click(qtbot, saved, "open_folder")
    assert opened == [str(tmp_path)]
    assert str(target) in child(tab, "settlement_message", QLabel).text()
    lines = openpyxl.load_workbook(target).worksheets[1]  # one row per benefit
    [line] = [row for row in lines.iter_rows(values_only=True) if "CHECKUP" in row]
    assert line[-4:] == (120, 2, 1, 240)  # unit cost, redemptions, write-offs, amount in yuan
