"""The partners area through real widgets: a partner onboarded from candidate to active
(registered, evaluated, admitted and activated through Approvals by another headquarters
administrator); an industry's candidates compared in a table and a radar chart, with the
shortlist warning when too few are; a failed admission overridden by headquarters shown in
red with its reason; a clerk who reads the area but cannot act in it; and the partner
settings changed by an administrator."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QWidget,
)
from stdnum.cn import uscc

from app.domain.errors import PermissionDenied
from app.domain.partners import Factor
from app.domain.roles import Role
from app.services import approvals, benefits, settings, staff
from app.services.approvals import RequestFilter
from app.services.partners import admission, evaluation, registry, requests
from app.services.partners.admission import ChecklistInput
from app.services.partners.registry import PartnerInput
from app.services.staff import auth
from app.ui.approvals.approvals_page import ApprovalsPage
from app.ui.partners.partners_page import PartnersPage
from app.ui.partners.radar_chart import RadarChart
from app.ui.settings.settings_page import SettingsPage
from tests.conftest import PASSWORD
from tests.gui.helpers import (
    child,
    click,
    click_nav,
    click_tab,
    open_dialog,
    set_spin,
    show_page,
    type_into,
    type_text,
    visible,
    wait_for,
)
from tests.gui.test_benefits_gui import choose, click_row, view_rows

RED = QColor("#b00020")
PASSING = ChecklistInput(
    service_processes={"consulting": True, "enquiry": True, "after_sales": True,
                       "complaints": True},
    service_evidence="服务流程手册 v3", credit_sound=True, credit_evidence="征信报告 2026-02",
    vat_invoice=True, vat_evidence="专票样张",
)  # fmt: skip


def credit_code(n: int) -> str:
    """A valid unified social credit code, different for each ``n``."""
    base = f"91310000{n:09d}"
    return base + uscc.calc_check_digit(base)


def partner_input(code: str, n: int, industry: str = "dining", capital_fen: int = 800_000_000):
    return PartnerInput(
        code=code, name=f"{code} 有限公司", credit_code=credit_code(n), legal_person=True,
        legal_representative="张三", registered_capital_fen=capital_fen,
        founded_on=date(2015, 6, 1), industry=industry, vat_special_invoice=True,
    )  # fmt: skip


def scores(value: int, **changed: int) -> dict[str, int]:
    return {factor.value: changed.get(factor.value, value) for factor in Factor}


def scored_candidate(db, actor, code: str, n: int, industry: str, given: dict[str, int]):
    row = registry.create_partner(db, actor, partner_input(code, n, industry))
    registry.change_status(db, actor, row.id, "evaluating", "初选")
    evaluation.evaluate(db, actor, row.id, given)
    return row


def second_admin(db, people):
    """Another headquarters administrator, to decide what the first one prepared."""
    staff.save_user(db, people.admin, staff.UserInput("hq2", "HQ Two", Role.ADMIN, None),
                    initial_password="Temp-pass-1")  # fmt: skip
    actor = auth.sign_in(db, "hq2", "Temp-pass-1")
    return auth.change_password(db, actor, "Temp-pass-1", PASSWORD)


def open_partners(qtbot, db, actor) -> PartnersPage:
    return show_page(qtbot, PartnersPage(db, actor), "page_partners", 1400, 900)


def select_partner(qtbot, page: PartnersPage, code: str) -> QWidget:
    """Click the partner's row; the panel once it shows that partner."""
    table = child(page, "partner_table", QTableView)
    qtbot.waitUntil(lambda: any(r[0] == code for r in view_rows(table)))
    click_row(qtbot, table, next(i for i, r in enumerate(view_rows(table)) if r[0] == code))
    panel = child(page, "partner_panel")
    heading = child(panel, "partner_heading", QLabel)
    qtbot.waitUntil(lambda: code in heading.text())
    return panel


def status_of(panel: QWidget) -> str:
    return child(panel, "partner_status", QLabel).text()


def type_plain(qtbot, parent: QWidget, name: str, text: str) -> None:
    box = child(parent, name, QPlainTextEdit)
    box.setFocus()
    type_text(qtbot, box, text)


def approve_in(qtbot, page: ApprovalsPage, summary: str) -> None:
    """Select the waiting request whose summary starts with ``summary`` and approve it."""
    table = child(page, "requests", QTableWidget)

    def row_of() -> int | None:
        for r in range(table.rowCount()):
            if table.item(r, 4).text().startswith(summary) and table.item(r, 7).text() == "Pending":
                return r
        return None

    qtbot.waitUntil(lambda: row_of() is not None)
    rect = table.visualRect(table.model().index(row_of(), 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = child(page, "partner_detail")
    qtbot.waitUntil(detail.isVisible)
    qtbot.waitUntil(lambda: child(page, "approve", QPushButton).isEnabled())
    click(qtbot, page, "approve")
    qtbot.waitUntil(lambda: "Approved" in child(page, "message", QLabel).text())


# --- onboarding ------------------------------------------------------------------------------


def register_in_dialog(qtbot, page: PartnersPage) -> None:
    click(qtbot, page, "new_partner")
    dialog = open_dialog(qtbot, "partner_dialog")
    type_into(qtbot, dialog, "code", "spa01")
    type_into(qtbot, dialog, "name", "Lotus Spa")
    type_into(qtbot, dialog, "credit_code", credit_code(7))
    type_into(qtbot, dialog, "legal_representative", "Li Si")
    type_into(qtbot, dialog, "registered_capital_fen", "6,000,000")
    founded = child(dialog, "founded_on")
    founded.setFocus()
    qtbot.keyClicks(founded, "20180315")
    assert founded.value() == date(2018, 3, 15)
    choose(qtbot, child(dialog, "industry", QComboBox), "Leisure and entertainment")
    assert child(dialog, "legal_person", QCheckBox).isChecked()  # the usual case, ticked
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("partner_dialog") is None)


def assess_in_dialog(qtbot, page: PartnersPage) -> None:
    click(qtbot, page, "assess_admission")
    dialog = open_dialog(qtbot, "admission_dialog")
    capital = child(dialog, "data_check_capital", QLabel)
    qtbot.waitUntil(lambda: capital.text().startswith("Passes"))
    assert "¥6,000,000.00" in capital.text()
    for name in ("process_consulting", "process_enquiry", "process_after_sales",
                 "process_complaints", "credit_sound", "vat_invoice"):  # fmt: skip
        box = child(dialog, name, QCheckBox)
        if not box.isChecked():
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog, "service_evidence", "Service manual v2")
    type_into(qtbot, dialog, "credit_evidence", "Credit report 2026-02")
    type_into(qtbot, dialog, "vat_evidence", "Sample invoice")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("admission_dialog") is None)


def score_in_dialog(qtbot, page: PartnersPage) -> None:
    click(qtbot, page, "score_partner")
    dialog = open_dialog(qtbot, "evaluation_dialog")
    total = child(dialog, "weighted_total", QLabel)
    qtbot.waitUntil(lambda: total.text() == "Weighted total: 3.00 of 5")  # all at 3, equal
    assert child(dialog, "weight_brand_value", QLabel).text() == "14.3%"
    set_spin(qtbot, child(dialog, "score_brand_value", QSpinBox), "5")
    set_spin(qtbot, child(dialog, "score_reputation", QSpinBox), "4")
    assert total.text() == "Weighted total: 3.43 of 5"  # (5 + 4 + 5 × 3) / 7, live
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("evaluation_dialog") is None)


def add_mode_in_dialog(qtbot, page: PartnersPage) -> None:
    click(qtbot, page, "add_mode")
    dialog = open_dialog(qtbot, "mode_dialog")
    choose(qtbot, child(dialog, "mode", QComboBox), "Member discount")
    rate = child(dialog, "discount_permille", QDoubleSpinBox)
    assert rate.isVisible() and not child(dialog, "committed_volume").isVisible()
    rate.setFocus()
    rate.selectAll()
    qtbot.keyClicks(rate, "85")
    assert child(dialog, "discount_hint", QLabel).text() == "15% off"
    type_into(qtbot, dialog, "unit_cost_fen", "40")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("mode_dialog") is None)


def ok_with_reason(qtbot, dialog_name: str, reason: str, field: str = "reason") -> None:
    dialog = open_dialog(qtbot, dialog_name)
    type_plain(qtbot, dialog, field, reason)
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: visible(dialog_name) is None)


def test_a_partner_is_onboarded_from_candidate_to_active(qtbot, db, people):
    hq2 = second_admin(db, people)
    page = open_partners(qtbot, db, people.admin)
    assert page.tab_titles() == [
        "Registry",
        "Comparison",
        "Complaints",
        "Service levels",
        "Settlement",
    ]
    register_in_dialog(qtbot, page)
    panel = select_partner(qtbot, page, "SPA01")
    assert status_of(panel).startswith("Candidate since 2026-03-01")
    assert child(panel, "record_capital", QLabel).text() == "¥6,000,000.00"
    assert not child(panel, "assess_admission", QPushButton).isVisible()  # not evaluated yet

    click(qtbot, panel, "start_evaluation")
    ok_with_reason(qtbot, "status_dialog", "Members ask for spa benefits")
    qtbot.waitUntil(lambda: status_of(panel).startswith("Under evaluation"))
    assess_in_dialog(qtbot, page)
    summary = child(panel, "admission_summary", QLabel)
    qtbot.waitUntil(lambda: "all checks passed" in summary.text())
    assert child(panel, "admission_checks", QTableWidget).rowCount() == 6
    score_in_dialog(qtbot, page)
    score = child(panel, "score_summary", QLabel)
    qtbot.waitUntil(lambda: score.text().startswith("Weighted total 3.43 of 5 · rank 1 of 1"))

    click(qtbot, panel, "request_admission")
    dialog = open_dialog(qtbot, "request_admission_dialog")
    assert "Only 1 partners" in child(dialog, "shortlist_warning", QLabel).text()
    type_into(qtbot, dialog, "note", "Admit the spa")
    assert not child(dialog, "ok", QPushButton).isEnabled()  # the shortlist reason is needed
    ok_with_reason(
        qtbot, "request_admission_dialog", "Only one spa chain in the city", "shortlist_reason"
    )
    qtbot.waitUntil(lambda: "admission request waiting" in status_of(panel))

    approvals_page = show_page(qtbot, ApprovalsPage(db, hq2), "page_approvals", 1300, 800)
    approve_in(qtbot, approvals_page, "Admit SPA01")
    qtbot.waitUntil(lambda: status_of(panel).startswith("Admitted"))
    assert child(panel, "record_shortlist", QLabel).text() == "Only one spa chain in the city"

    add_mode_in_dialog(qtbot, page)
    modes = child(panel, "partner_modes", QTableWidget)
    qtbot.waitUntil(lambda: modes.rowCount() == 1)
    assert modes.item(0, 0).text() == "Member discount"
    assert "15% off" in modes.item(0, 1).text()
    assert modes.item(0, 3).text() == "¥40.00"
    click(qtbot, panel, "request_activation")
    dialog = open_dialog(qtbot, "request_activation_dialog")
    assert dialog.findChild(QPlainTextEdit, "shortlist_reason") is None  # admitted already
    type_into(qtbot, dialog, "note", "Contract signed")
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: "activation request waiting" in status_of(panel))

    approve_in(qtbot, approvals_page, "Activate SPA01")
    qtbot.waitUntil(lambda: status_of(panel).startswith("Active since 2026-03-01"))
    partner_id = registry.find_partner_id(db, people.admin, "SPA01")
    assert registry.get_partner(db, people.admin, partner_id).status == "active"
    history = child(panel, "status_history", QTableWidget)
    assert [history.item(r, 2).text() for r in range(history.rowCount())] == [
        "Active",
        "Admitted",
        "Under evaluation",
        "Candidate",
    ]  # the newest first
    assert history.item(0, 4).text() == "hq2"
    create_benefit_in_dialog(qtbot, panel)
    assert benefits.get_item(db, people.admin, item_id(db, people.admin)).partner_id == partner_id


def item_id(db, actor) -> int:
    return next(i.id for i in benefits.list_items(db, actor) if i.code == "SPA-01")


def create_benefit_in_dialog(qtbot, panel: QWidget) -> None:
    """The partner's benefit, from its panel: the catalog's editor, the source fixed to
    partner and the unit cost taken from the current cooperation mode."""
    click(qtbot, panel, "new_partner_benefit")
    dialog = open_dialog(qtbot, "item_dialog")
    save = child(dialog, "save", QPushButton)
    qtbot.waitUntil(save.isEnabled)
    source = child(dialog, "source", QComboBox)
    assert source.currentText() == "Partner" and not source.isEnabled()
    assert child(dialog, "unit_cost_fen", QLineEdit).text() == "40.00"
    type_into(qtbot, dialog, "code", "spa-01")
    type_into(qtbot, dialog, "name", "Spa day")
    type_into(qtbot, dialog, "face_value_fen", "300")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("item_dialog") is None)
    table = child(panel, "partner_benefits", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert [table.item(0, c).text() for c in range(4)] == ["SPA-01", "Spa day", "Draft", "¥40.00"]


# --- the comparison --------------------------------------------------------------------------


@pytest.fixture
def industries(db, people):
    """Five scored dining candidates (totals 5.00 down to 1.00) and four travel ones."""
    for i, value in enumerate((3, 5, 1, 4, 2)):
        scored_candidate(db, people.admin, f"DINE{i}", 100 + i, "dining", scores(value))
    for i in range(4):
        scored_candidate(db, people.admin, f"TRIP{i}", 200 + i, "travel", scores(2 + i % 3))


def test_an_industrys_candidates_are_compared_in_a_table_and_a_radar_chart(
    qtbot, db, people, industries, tmp_path, monkeypatch
):
    page = open_partners(qtbot, db, people.auditor)
    tab = click_tab(qtbot, page, "partner_tabs", "Comparison")
    assert tab.objectName() == "comparison_tab"
    choose(qtbot, child(tab, "comparison_industry", QComboBox), "Dining")
    table = child(tab, "comparison_table", QTableWidget)
    radar = child(tab, "radar_chart", RadarChart)
    qtbot.waitUntil(lambda: table.rowCount() == 5)
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(5)]
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
    assert [row[1].split()[0] for row in rows] == ["DINE1", "DINE3", "DINE0", "DINE4", "DINE2"]
    assert [row[9] for row in rows] == ["5.00", "4.00", "3.00", "2.00", "1.00"]
    assert rows[0][2:9] == ["5"] * 7  # the seven factor scores
    assert len(radar.series_names()) == 5
    assert radar.series_names()[0] == "DINE1 DINE1 有限公司"
    assert len(radar.polar.series()[0].points()) == 8  # seven axes, the line closed
    assert not child(tab, "shortlist_warning", QLabel).isVisible()
    target = tmp_path / "dining.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, tab, "print_comparison")
    wait_for(qtbot, "file_saved")
    assert target.read_bytes().startswith(b"%PDF")
    assert child(tab, "comparison_status", QLabel).text().endswith("dining.pdf")

    choose(qtbot, child(tab, "comparison_industry", QComboBox), "Travel")
    qtbot.waitUntil(lambda: table.rowCount() == 4)
    warning = child(tab, "shortlist_warning", QLabel)
    assert warning.isVisible()
    assert warning.text().startswith("Only 4 partners of Travel are compared")
    assert len(radar.series_names()) == 4


# --- an override -----------------------------------------------------------------------------


def test_an_overridden_failed_admission_shows_in_red_with_its_reason(qtbot, db, people):
    hq2 = second_admin(db, people)
    small = registry.create_partner(
        db,
        people.admin,
        partner_input("CAFE1", 300, capital_fen=100_000_000),  # ¥1,000,000
    )
    registry.change_status(db, people.admin, small.id, "evaluating", "本地口碑好")
    assessed = admission.assess_admission(db, people.admin, small.id, PASSING)
    assert not assessed.passed
    page = open_partners(qtbot, db, people.admin)
    panel = select_partner(qtbot, page, "CAFE1")
    qtbot.waitUntil(lambda: child(panel, "override_admission", QPushButton).isVisible())
    click(qtbot, panel, "override_admission")
    ok_with_reason(qtbot, "override_dialog", "唯一覆盖全城门店的咖啡品牌,资本金不足但经营稳定")

    note = child(panel, "override_note", QLabel)
    qtbot.waitUntil(note.isVisible)
    assert "唯一覆盖全城门店的咖啡品牌" in note.text()
    assert "#b00020" in note.styleSheet()
    checks = child(panel, "admission_checks", QTableWidget)
    capital_row = next(r for r in range(checks.rowCount())
                       if checks.item(r, 0).text() == "Registered capital")  # fmt: skip
    assert checks.item(capital_row, 1).text() == "Failed"
    assert checks.item(capital_row, 0).foreground().color() == RED
    assert checks.item(0, 0).foreground().color() != RED  # the passed ones are not
    assert not child(panel, "override_admission", QPushButton).isVisible()  # done once
    table = child(page, "partner_table", QTableView)
    qtbot.waitUntil(lambda: view_rows(table)[0][5] == "Failed, overridden")
    colour = table.model().index(0, 5).data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour == RED

    evaluation.evaluate(db, people.admin, small.id, scores(4))
    requests.submit_admission(db, people.admin, small.id, "请审批", "本市仅此一家")
    approvals_page = show_page(qtbot, ApprovalsPage(db, hq2), "page_approvals", 1300, 800)
    requests_table = child(approvals_page, "requests", QTableWidget)
    qtbot.waitUntil(lambda: requests_table.rowCount() == 1)
    rect = requests_table.visualRect(requests_table.model().index(0, 0))
    qtbot.mouseClick(requests_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = child(approvals_page, "partner_detail")
    qtbot.waitUntil(detail.isVisible)
    shown = child(detail, "override_note", QLabel)
    qtbot.waitUntil(lambda: "唯一覆盖全城门店的咖啡品牌" in shown.text())
    assert "#b00020" in shown.styleSheet()
    assert "本市仅此一家" in child(detail, "partner_shortlist", QLabel).text()
    pending = approvals.list_requests(db, hq2, RequestFilter(kind="partner_admission"))
    assert [r.status for r in pending] == ["pending"]


# --- a clerk ---------------------------------------------------------------------------------


def test_a_clerk_reads_the_area_without_management_buttons(qtbot, db, people, open_window):
    scored_candidate(db, people.admin, "WASH1", 400, "automotive", scores(4))
    window = open_window(Role.CLERK)
    click_nav(qtbot, window, "Partners")
    page = window.page("partners")
    assert page is not None and page.objectName() == "page_partners"
    panel = select_partner(qtbot, page, "WASH1")
    assert status_of(panel).startswith("Under evaluation")
    assert "4.00" in child(panel, "score_summary", QLabel).text()
    assert panel.findChildren(QPushButton) == []  # no New, Edit, Assess, Score… at all
    assert page.findChild(QPushButton, "edit_weights") is None
    partner_id = registry.find_partner_id(db, people.clerk, "WASH1")
    with pytest.raises(PermissionDenied):
        registry.create_partner(db, people.clerk, partner_input("WASH2", 401, "automotive"))
    with pytest.raises(PermissionDenied):
        registry.change_status(db, people.clerk, partner_id, "candidate", "no")
    with pytest.raises(PermissionDenied):
        admission.assess_admission(db, people.clerk, partner_id, PASSING)
    with pytest.raises(PermissionDenied):
        requests.submit_admission(db, people.clerk, partner_id, "please", "few")
    assert registry.get_partner(db, people.clerk, partner_id).status == "evaluating"


# --- the settings ----------------------------------------------------------------------------


def test_an_administrator_changes_the_partner_settings(qtbot, db, people):
    page = show_page(qtbot, SettingsPage(db, people.admin), "page_settings", 1200, 1000)
    capital = child(page, "partner_min_capital_fen", QLineEdit)
    qtbot.waitUntil(lambda: capital.text() == "5000000")
    type_into(qtbot, page, "partner_min_capital_fen", "3,000,000.50")
    set_spin(qtbot, child(page, "partner_shortlist_min", QSpinBox), "4")
    set_spin(qtbot, child(page, "complaint_plan_hours", QSpinBox), "12")
    click(qtbot, page, "save_programme")
    qtbot.waitUntil(lambda: child(page, "saved", QLabel).text() == "Saved.")
    saved = settings.get_settings(db)
    assert (saved.partner_min_capital_fen, saved.partner_shortlist_min) == (300_000_050, 4)
    assert saved.complaint_plan_hours == 12 and saved.partner_renewal_days == 60

    type_into(qtbot, page, "partner_min_capital_fen", "a lot")
    click(qtbot, page, "save_programme")
    error = child(page, "error", QLabel)
    assert error.isVisible() and error.text().startswith("Registered capital at least")
    assert settings.get_settings(db).partner_min_capital_fen == 300_000_050
