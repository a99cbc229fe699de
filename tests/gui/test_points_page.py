"""The points page through real widgets: points expiring soon and their export, earning rule
versions, the expiry run and the ledger check; and the points settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from app.domain.roles import Role
from app.services import points, runs
from app.services import settings as programme
from app.services.points import ServiceInput, adjustments
from app.ui.points.points_page import PointsPage
from app.ui.shared.i18n import format_date
from tests.gui.helpers import (
    child,
    click,
    click_nav,
    click_tab,
    open_dialog,
    set_spin,
    show_page,
    table_rows,
    type_into,
    visible,
    wait_for,
)
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's date in Asia/Shanghai
TIMEZONE = "Asia/Shanghai"


def open_page(qtbot, db, actor) -> PointsPage:
    return show_page(qtbot, PointsPage(db, actor, TIMEZONE), "page_points", 1100, 700)


def open_tab(qtbot, page: PointsPage, title: str) -> QWidget:
    return click_tab(qtbot, page, "points_tabs", title)


@pytest.fixture
def member(db, people, clock):
    """张三 earned 30 points on 2026-03-01; they expire on 2027-12-31 (fixed cycle, 2 years)."""
    ref = register(db, people.clerk)
    points.record_service(db, people.clerk, ServiceInput(ref.id, None, "RO-1", TODAY, 30_000 * 100))
    return ref


def test_expiring_soon_lists_the_member_and_exports_the_list(
    qtbot, db, people, clock, member, tmp_path, monkeypatch
):
    clock.now = clock.now.replace(year=2027, month=11, day=15)
    page = open_page(qtbot, db, people.clerk)
    assert page.tab_titles() == ["Expiring soon", "Earning rules"]  # no expiry run, no check
    tab = page.expiring
    summary = child(tab, "expiring_summary", QLabel)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and "expiring by" in summary.text())
    assert child(tab, "months", QSpinBox).value() == 2  # the programme's default
    assert summary.text() == f"1 member, 30 points expiring by {format_date(date(2028, 1, 15))}"
    cells = [tab.model.index(0, c).data() for c in range(6)]
    assert cells == [
        member.member_number, "张三", "13800138000", "北京东区服务中心", "30",
        format_date(date(2027, 12, 31)),
    ]  # fmt: skip

    set_spin(qtbot, child(tab, "months", QSpinBox), "1")  # to 2027-12-15: nothing expires yet
    qtbot.waitUntil(lambda: summary.text().startswith("No points expire"), timeout=5_000)
    qtbot.waitUntil(lambda: not tab.model.loading and tab.model.rowCount() == 0)
    set_spin(qtbot, child(tab, "months", QSpinBox), "3")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1 and "1 member" in summary.text())

    target = tmp_path / "reminders.xlsx"
    asked = []

    def save_as(parent, title, default, file_filter):
        asked.append(default)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    click(qtbot, tab, "export_expiring")
    done = wait_for(qtbot, "export_done")
    assert asked == ["points-expiring_20271115.xlsx"]
    assert isinstance(done, QMessageBox) and "1 rows exported to" in done.text()
    sheet = openpyxl.load_workbook(target).active
    header, data = sheet.iter_rows(values_only=True)
    assert header == ("Member number", "Name", "Mobile", "Dealer", "Points", "Expires on")
    assert data[:5] == (member.member_number, "张三", "13800138000", "北京东区服务中心", 30)
    assert data[5].date() == date(2027, 12, 31)
    assert f"1 rows exported to {target}" in child(tab, "expiring_status", QLabel).text()


def test_admin_adds_a_rule_version_and_sees_it_in_the_table(qtbot, db, people):
    page = open_page(qtbot, db, people.admin)
    assert page.tab_titles() == [
        "Expiring soon",
        "Earning rules",
        "Adjustment reasons",
        "Expiry and checks",
        "Runs",
    ]
    tab = open_tab(qtbot, page, "Earning rules")
    table = child(tab, "rules_table", QTableWidget)
    # Version 1 of every rule, and (migration 0012, issue 16) version 2 of share and major
    # event with seed 003's limit per edition.
    qtbot.waitUntil(lambda: table.rowCount() == 10)
    rows = table_rows(table)
    assert rows[0][:5] == [
        "Service", "1", "from the start", "In force", "1 point per ¥1,000.00, rounded down",
    ]  # fmt: skip
    share = next(row for row in rows if row[0] == "Share" and row[3] == "In force")
    assert share[1:3] == ["2", "from the start"]
    assert share[4] == "2 points each time; at most 8 per edition or event; at most 384 a year"

    click(qtbot, tab, "new_rule_version")
    dialog = open_dialog(qtbot, "rule_dialog")
    rule = child(dialog, "code", QComboBox)
    rule.setFocus()
    qtbot.keyClicks(rule, "Share")  # keyboard search in the list
    assert rule.currentData() == "share"
    assert child(dialog, "points", QSpinBox).value() == 2  # filled in from the latest version
    assert child(dialog, "effective_from", QDateEdit).date() == QDate(2026, 3, 2)
    assert not child(dialog, "spend_box").isVisible()
    set_spin(qtbot, child(dialog, "points", QSpinBox), "3")
    set_spin(qtbot, child(dialog, "cap_per_year", QSpinBox), "500")
    type_into(qtbot, dialog, "note", "Spring campaign")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("rule_dialog") is None)
    qtbot.waitUntil(lambda: table.rowCount() == 11)
    new = next(row for row in table_rows(table) if row[0] == "Share" and row[1] == "3")
    assert new[2:] == [
        format_date(date(2026, 3, 2)), "Scheduled",
        "3 points each time; at most 8 per edition or event; at most 500 a year",
        "Spring campaign", "admin",
    ]  # fmt: skip
    assert "Version 3 of Share saved" in child(tab, "rules_status", QLabel).text()
    [v3] = [v for v in points.list_rules(db, people.admin) if v.code == "share" and v.version == 3]
    assert v3.params == {"points": 3, "cap_per_edition": 8, "cap_per_year": 500}


def test_rule_dialog_shows_errors_next_to_the_fields(qtbot, db, people):
    points.add_rule_version(db, people.admin, "service", date(2026, 3, 2), {
        "points_per_unit": 2, "unit_fen": 100_000, "rounding": "floor",
    })  # fmt: skip
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Earning rules")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 11)  # 10 seeded (0006, 0012) + 1
    click(qtbot, tab, "new_rule_version")
    dialog = open_dialog(qtbot, "rule_dialog")
    assert child(dialog, "code", QComboBox).currentData() == "service"
    assert child(dialog, "points_per_unit", QSpinBox).value() == 2
    assert not child(dialog, "event_box").isVisible()

    type_into(qtbot, dialog, "unit_yuan", "abc")
    click(qtbot, dialog, "save")
    unit_error = child(dialog, "unit_yuan_error", QLabel)
    assert unit_error.isVisible() and "amount in yuan" in unit_error.text()
    assert dialog.focusWidget() is child(dialog, "unit_yuan")

    type_into(qtbot, dialog, "unit_yuan", "500")
    when = child(dialog, "effective_from", QDateEdit)
    assert when.date() == QDate(2026, 3, 3)  # the day after the last version
    when.setFocus()
    when.setCurrentSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(when, Qt.Key.Key_Down)  # back to 2 March, the last version's day
    assert when.date() == QDate(2026, 3, 2)
    click(qtbot, dialog, "save")
    date_error = child(dialog, "effective_from_error", QLabel)
    qtbot.waitUntil(date_error.isVisible)
    assert date_error.text() == "The new version must take effect after 2026-03-02, the last one."
    assert not unit_error.isVisible()
    assert child(dialog, "save", QPushButton).isEnabled()  # ready for another try
    # nothing saved: 10 seeded (0006, and 0012 for issue 16) and the 1 added above
    assert len(points.list_rules(db, people.admin)) == 11


def test_expiry_run_with_progress_lowers_the_balance(qtbot, db, people, clock, member):
    clock.now = clock.now.replace(year=2028, month=1, day=2)
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Expiry and checks")
    assert child(tab, "expiry_as_of", QDateEdit).date() == QDate(2028, 1, 2)
    assert child(tab, "expiry_as_of", QDateEdit).maximumDate() == QDate(2028, 1, 2)
    click(qtbot, tab, "run_expiry")
    box = open_dialog(qtbot, "confirm_expiry")
    assert "before " + format_date(date(2028, 1, 2)) in box.text()
    click(qtbot, box, "confirm")
    assert isinstance(tab.progress, QProgressDialog)
    assert tab.progress.labelText().startswith("Expiring points as of")
    assert tab.progress.findChild(QPushButton) is not None  # the batches can be cancelled
    result = child(tab, "expiry_result", QLabel)
    qtbot.waitUntil(lambda: result.text().endswith(f"as of {format_date(date(2028, 1, 2))}."))
    assert result.text().startswith("1 lot, 30 points expired")
    assert points.account_summary(db, people.admin, member.id).balance == 0
    summary = child(page.expiring, "expiring_summary", QLabel)
    qtbot.waitUntil(lambda: summary.text().startswith("No points expire"))  # refreshed


def test_cancelling_the_confirmation_expires_nothing(qtbot, db, people, clock, member):
    clock.now = clock.now.replace(year=2028, month=1, day=2)
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Expiry and checks")
    click(qtbot, tab, "run_expiry")
    box = open_dialog(qtbot, "confirm_expiry")
    click(qtbot, box, "cancel")
    qtbot.waitUntil(lambda: visible("confirm_expiry") is None)
    assert tab.progress is None
    assert points.account_summary(db, people.admin, member.id).balance == 30


def test_auditor_checks_the_ledger_and_sees_discrepancies(qtbot, db, people, member):
    page = open_page(qtbot, db, people.auditor)
    assert page.tab_titles() == ["Expiring soon", "Earning rules", "Ledger check", "Runs"]
    tab = open_tab(qtbot, page, "Ledger check")
    assert tab.findChild(QPushButton, "run_expiry") is None  # administrators only
    assert page.rules.findChild(QPushButton, "new_rule_version") is None
    result = child(tab, "check_result", QLabel)
    click(qtbot, tab, "check_ledger")
    qtbot.waitUntil(lambda: result.text().startswith("The ledger is consistent"))
    assert not child(tab, "discrepancies", QTableWidget).isVisible()

    from app.db.models import PointsAccount  # break the cached balance behind its back

    with db.uow() as uow:
        uow.session.get(PointsAccount, member.id).balance += 5
        uow.commit()
    click(qtbot, tab, "check_ledger")
    table = child(tab, "discrepancies", QTableWidget)
    qtbot.waitUntil(table.isVisible)
    assert result.text().startswith("2 discrepancies found")
    assert table_rows(table) == [
        [member.member_number, "Points balance differs from the entries", "30", "35"],
        [member.member_number, "Lots do not add up to the balance", "35", "30"],
    ]


def test_the_ledger_check_names_a_dropped_guard(qtbot, db, people, member):
    with db.engine.begin() as connection:  # as a database owner could
        connection.exec_driver_sql("DROP TRIGGER lot_allocations_no_update")
    tab = open_tab(qtbot, open_page(qtbot, db, people.auditor), "Ledger check")
    result = child(tab, "check_result", QLabel)
    click(qtbot, tab, "check_ledger")
    qtbot.waitUntil(lambda: "not intact" in result.text())
    assert result.text() == (
        "The database guards that keep the ledger append-only are not intact: "
        "lot_allocations_no_update (missing)."
    )
    assert not child(tab, "discrepancies", QTableWidget).isVisible()


def test_admin_saves_points_settings(qtbot, db, open_window):
    window = open_window(Role.ADMIN)
    click_nav(qtbot, window, "Settings")
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: child(page, "timezone").text() == "Asia/Shanghai")
    mode = child(page, "expiry_mode", QComboBox)
    years, months = child(page, "expiry_years", QSpinBox), child(page, "expiry_months", QSpinBox)
    month_end = child(page, "expiry_round_to_month_end", QCheckBox)
    assert mode.currentData() == "fixed_cycle" and years.value() == 2
    assert years.isEnabled() and not months.isEnabled() and not month_end.isEnabled()
    mode.setFocus()
    qtbot.keyClick(mode, Qt.Key.Key_Down)
    assert mode.currentData() == "rolling"
    assert not years.isEnabled() and months.isEnabled() and month_end.isEnabled()
    set_spin(qtbot, months, "18")
    qtbot.mouseClick(month_end, Qt.MouseButton.LeftButton, pos=month_end.rect().center())
    set_spin(qtbot, child(page, "expiring_soon_months", QSpinBox), "3")
    set_spin(qtbot, child(page, "points_per_yuan", QSpinBox), "20")
    click(qtbot, page, "save_programme")
    qtbot.waitUntil(lambda: child(page, "saved", QLabel).text() == "Saved.")
    saved = programme.get_settings(db)
    assert (saved.expiry_mode, saved.expiry_months, saved.expiry_round_to_month_end) == (
        "rolling", 18, False,
    )  # fmt: skip
    assert (saved.expiring_soon_months, saved.points_per_yuan) == (3, 20)
    assert saved.launch_date == "2026-01-01"  # untouched fields keep their values


def test_points_settings_are_read_only_for_others(qtbot, open_window):
    window = open_window(Role.SUPERVISOR)
    click_nav(qtbot, window, "Settings")
    page = window.pages.currentWidget()
    for name in ("points_per_yuan", "expiry_mode", "expiry_years", "launch_date"):
        assert not child(page, name).isEnabled(), name


def test_admin_grants_initial_points_once(qtbot, db, people, member):
    from app.db.models import ServiceOrder

    with db.uow() as uow:  # a service record from before the launch on 2026-01-01
        uow.session.add(
            ServiceOrder(dealer_id=people.dealer_id, document_no="H1", kind="service",
                         member_id=member.id, service_date=date(2025, 6, 1), amount_fen=88_000_00)
        )  # fmt: skip
        uow.commit()
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Expiry and checks")
    result = child(tab, "initial_result", QLabel)
    for expected in (
        "88 points granted to 1 members.",
        "Granted before: 88 points to 1 members; nothing changed now.",
    ):
        click(qtbot, tab, "grant_initial")
        click(qtbot, open_dialog(qtbot, "confirm_initial"), "confirm")
        qtbot.waitUntil(lambda expected=expected: result.text() == expected)
    assert points.account_summary(db, people.admin, member.id).balance == 30 + 88


def test_admin_adds_and_retires_an_adjustment_reason(qtbot, db, people):
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Adjustment reasons")
    table = child(tab, "reasons_table", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 5)  # the seeded reasons
    type_into(qtbot, tab, "reason_code", "bad code!")
    type_into(qtbot, tab, "reason_label", "召回补偿")
    click(qtbot, tab, "save_reason")
    error = child(tab, "reason_error", QLabel)
    qtbot.waitUntil(lambda: "letters, digits" in error.text())
    type_into(qtbot, tab, "reason_code", "recall")
    click(qtbot, tab, "save_reason")
    qtbot.waitUntil(lambda: table.rowCount() == 6)
    assert "recall" in [r.code for r in adjustments.list_reasons(db, people.clerk)]


def test_an_interrupted_expiry_run_is_finished_from_the_runs_tab(qtbot, db, people, clock, member):
    from app.services.points import batch_jobs
    from app.services.shared.progress import Cancelled, Progress

    other = register(db, people.clerk, zhang(mobile="13900139000", resident_id=None))
    points.record_service(db, people.clerk, ServiceInput(other.id, None, "RO-2", TODAY, 40_000_00))
    clock.now = clock.now.replace(year=2028, month=1, day=2)  # both lots ended on 2027-12-31
    small = replace(batch_jobs.EXPIRY_RUN, batch_size=1)  # one member per batch
    stop = Progress(lambda done, _total, _m: done >= 1 and stop.cancel())
    try:
        runs.commit(db, people.admin, small, date(2028, 1, 2), progress=stop)
    except Cancelled:
        pass
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Runs")
    table = child(tab, "runs", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert [table.item(0, c).text() for c in (0, 2, 3, 4)] == [
        "Points expiry", "Cancelled", "2 lots · 70 points", "1 lots · 30 points",
    ]  # fmt: skip
    assert not child(tab, "resume_run", QPushButton).isEnabled()  # nothing chosen yet
    table.selectRow(0)
    click(qtbot, tab, "resume_run")
    qtbot.waitUntil(lambda: child(tab, "runs_message", QLabel).text() == "The run is done.")
    qtbot.waitUntil(lambda: table.item(0, 2).text() == "Done")
    assert table.item(0, 4).text() == "2 lots · 70 points"
    assert points.account_summary(db, people.admin, other.id).balance == 0
