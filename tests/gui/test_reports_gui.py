"""The Reports area through real widgets: who sees it, the monthly report's figures (against
values worked out by hand from the postings below), a failed check shown in red at the top,
the exports in a worker with the folder offered, and the outreach lists and their Excel
contact list."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QSpinBox, QTableView, QTabWidget

from app.db.models import PointsAccount
from app.domain.roles import Role
from app.services import settings
from app.services.reports.model import (
    MonthlyReport,
    PointsSection,
    ReportCheck,
    ReportScope,
)
from app.ui.reports import monthly_tab
from app.ui.settings.settings_page import SettingsPage
from tests.gui.helpers import child, click, click_nav, nav_titles, set_spin, show_page, wait_for
from tests.test_report_outreach import add_entry, add_member
from tests.test_report_outreach import data as data  # noqa: F401 - the outreach dataset


def reports_page(qtbot, open_window, role=Role.SUPERVISOR):
    window = open_window(role)
    click_nav(qtbot, window, "Reports")
    page = window.pages.currentWidget()
    assert page.objectName() == "page_reports"
    return window, page


def save_as(monkeypatch, path):
    """The save dialog answers ``path``, as if the user had chosen it."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )


def test_supervisors_see_reports_and_clerks_do_not(qtbot, open_window):
    window, page = reports_page(qtbot, open_window)
    tabs = child(page, "report_tabs", QTabWidget)
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["Monthly report", "Outreach lists", "Value segmentation"]
    scope = child(page, "report_scope", QComboBox)
    assert not scope.isEnabled() and scope.currentText() == "Dealer"  # their own dealer only
    assert child(page, "report_month").date().toString("yyyy-MM") == "2026-02"  # last month
    assert "Reports" not in nav_titles(open_window(Role.CLERK))


@pytest.fixture
def february(db, people):
    """Postings of the people's dealer, by hand: January earns 200 (the opening balance);
    February earns 100 + 50, offsets 30 at the counter (labour), redeems 20 for a benefit;
    so the closing balance is 200 + 150 - 30 - 20 = 300. Two members joined before
    February, one during it."""
    own = people.dealer_id
    with db.uow(people.admin) as uow:
        old = add_member(uow, "M101", "张三", "13800000101", own, joined=date(2025, 6, 1))
        other = add_member(uow, "M102", "李四", "13800000102", own, joined=date(2025, 7, 1))
        new = add_member(uow, "M103", "王五", "13800000103", own, joined=date(2026, 2, 10))
        add_entry(uow, old, date(2026, 1, 15), amount=200)
        add_entry(uow, old, date(2026, 2, 3), amount=100)
        add_entry(uow, new, date(2026, 2, 12), amount=50)
        add_entry(uow, old, date(2026, 2, 20), kind="redeem", amount=30, source="labour")
        add_entry(uow, old, date(2026, 2, 21), kind="redeem", amount=20, source="benefit")
        add_entry(uow, other, date(2026, 3, 1), amount=999)  # after the month: not counted
        for member, balance in ((old, 250), (other, 999), (new, 50)):
            uow.session.add(PointsAccount(member_id=member, balance=balance))
        uow.commit()


def test_the_monthly_report_shows_the_months_figures(qtbot, open_window, february):
    _window, page = reports_page(qtbot, open_window)
    tab = page.monthly
    click(qtbot, tab, "show_report")
    qtbot.waitUntil(lambda: tab.report is not None, timeout=20_000)
    expected = {
        "members_total": "3", "members_new": "1", "points_opening": "200",
        "points_earned": "150", "points_offset": "30", "points_redeemed": "20",
        "points_expired": "0", "points_closing": "300",
    }  # fmt: skip
    assert {key: tab.figures.figure(key) for key in expected} == expected
    assert not child(tab, "failed_checks", QLabel).isVisible()
    assert "Dealer 北京东区服务中心" in child(tab, "report_title", QLabel).text()
    assert dict(tab.points_chart.values) == {"Earned": 150, "Offset": 30, "Redeemed": 20,
                                             "Expired": 0}  # fmt: skip
    assert sum(count for _stage, count in tab.stages_chart.values) == 3


def _report_with_failed_identity(actor) -> MonthlyReport:
    scope = ReportScope(
        "dealer", "北京东区服务中心", "2026-02", date(2026, 2, 1), date(2026, 2, 28),
        dealer_id=actor.dealer_id,
    )  # fmt: skip
    points = replace(PointsSection(), opening=200, earned_other=150, closing=310)
    points = replace(points, identity_ok=False, identity_difference=-40)
    message = (
        "The points do not add up: opening + earned − offset − redeemed − expired ± adjusted − "
        "reversed differs from the closing balance by {difference}."
    )
    check = ReportCheck("points_identity", message, 310, 350)
    return MonthlyReport(
        scope, datetime(2026, 3, 1, tzinfo=UTC), actor.username, points=points, checks=(check,)
    )


def test_a_failed_check_is_shown_in_red_at_the_top(qtbot, open_window, people, monkeypatch):
    asked = []

    def fake(db, actor, month, dealer_id, region, progress):
        asked.append((month, dealer_id, region))
        return _report_with_failed_identity(actor)

    monkeypatch.setattr(monthly_tab, "build_report", fake)
    _window, page = reports_page(qtbot, open_window)
    tab = page.monthly
    click(qtbot, tab, "show_report")
    banner = child(tab, "failed_checks", QLabel)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert asked == [("2026-02", people.dealer_id, None)]
    assert "The points do not add up" in banner.text()
    assert "closing balance by -40. (expected 310, found 350)" in banner.text()
    assert "b00020" in banner.styleSheet()
    assert banner.y() < child(tab, "report_body").y()  # above the figures
    assert tab.figures.figure("points_closing") == "310"


def test_the_monthly_export_runs_in_a_worker_and_offers_the_folder(
    qtbot, open_window, people, monkeypatch, tmp_path
):
    written = []

    def fake(db, actor, month, dealer_id, region, xlsx, pdf, language, progress):
        progress.report(1, 2)
        (xlsx or pdf).write_bytes(b"report")
        written.append((month, dealer_id, region, xlsx, pdf, language))
        return xlsx or pdf

    monkeypatch.setattr(monthly_tab, "export_report", fake)
    _window, page = reports_page(qtbot, open_window)
    tab = page.monthly
    save_as(monkeypatch, tmp_path / "february")
    click(qtbot, tab, "export_pdf")
    box = wait_for(qtbot, "file_saved")
    assert written == [("2026-02", people.dealer_id, None, None, tmp_path / "february.pdf", "en")]
    assert (tmp_path / "february.pdf").read_bytes() == b"report"
    assert str(tmp_path / "february.pdf") in box.text()
    box.close()
    save_as(monkeypatch, tmp_path / "february.xlsx")
    click(qtbot, tab, "export_xlsx")
    qtbot.waitUntil(lambda: len(written) == 2, timeout=10_000)
    assert written[1][3:5] == (tmp_path / "february.xlsx", None)


def test_the_real_export_writes_both_files(qtbot, open_window, february, monkeypatch, tmp_path):
    pytest.importorskip("app.services.reports.exports")
    _window, page = reports_page(qtbot, open_window)
    tab = page.monthly
    for name, button in (("pack.xlsx", "export_xlsx"), ("pack.pdf", "export_pdf")):
        save_as(monkeypatch, tmp_path / name)
        click(qtbot, tab, button)
        button_widget = child(tab, button)
        qtbot.waitUntil(button_widget.isEnabled, timeout=60_000)  # done, or failed
        assert tab.export_path == str(tmp_path / name), child(tab, "report_status").text()
        assert (tmp_path / name).stat().st_size > 0
        wait_for(qtbot, "file_saved").close()


def test_outreach_lists_show_and_export(qtbot, open_window, data, monkeypatch, tmp_path):  # noqa: F811
    _window, page = reports_page(qtbot, open_window)
    child(page, "report_tabs", QTabWidget).setCurrentIndex(1)
    tab = page.outreach
    table = child(tab, "outreach_table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 2, timeout=10_000)  # expiring: C, A
    chooser = child(tab, "outreach_list", QComboBox)
    chooser.setFocus()
    for _ in range(3):  # expiring → at risk → birthdays → lapsed
        qtbot.keyClick(chooser, Qt.Key.Key_Down)
    assert chooser.currentText() == "Lapsed members"
    model = table.model()
    qtbot.waitUntil(lambda: model.kind == "lapsed" and model.rowCount() == 4, timeout=10_000)
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(4)]
    assert [row[0] for row in cells] == ["M007", "M001", "M003", "M005"]
    assert cells[0][1:5] == ["孙八", "13800000007", "北京东区服务中心", "Yes"]
    assert cells[0][5:] == ["2023-01-01", "1,155", "Lost"]
    assert cells[2][2:5] == ["withheld", "北京东区服务中心", "No"]  # no marketing consent
    qtbot.waitUntil(lambda: child(tab, "outreach_summary", QLabel).text() == "Members: 4")

    save_as(monkeypatch, tmp_path / "lapsed")
    click(qtbot, tab, "export_outreach")
    box = wait_for(qtbot, "file_saved")
    assert "3 members written" in box.text() and "1 members without" in box.text()
    rows = list(openpyxl.load_workbook(tmp_path / "lapsed.xlsx").active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["M007", "M001", "M005"]


def test_an_administrator_changes_the_report_settings(qtbot, db, people):
    page = show_page(qtbot, SettingsPage(db, people.admin), "page_settings", 1200, 1200)
    silent = child(page, "lifecycle_silent_days", QSpinBox)
    qtbot.waitUntil(lambda: silent.value() == 180)
    set_spin(qtbot, silent, "90")
    set_spin(qtbot, child(page, "cost_forecast_redemption_pct", QSpinBox), "30")
    click(qtbot, page, "save_programme")
    qtbot.waitUntil(lambda: child(page, "saved", QLabel).text() == "Saved.")
    saved = settings.get_settings(db)
    assert (saved.lifecycle_silent_days, saved.cost_forecast_redemption_pct) == (90, 30)

    set_spin(qtbot, silent, "400")  # beyond 'sleeping' (365): the stages must grow
    click(qtbot, page, "save_programme")
    error = child(page, "error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert error.text().startswith("Sleeping after")
    assert settings.get_settings(db).lifecycle_silent_days == 90
