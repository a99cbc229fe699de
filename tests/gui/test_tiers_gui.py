"""The tiers page through real widgets: the review's preview, export and commit with progress;
a new policy version; the at-risk call list; finishing an interrupted review; who sees what."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QWidget,
)

from app.domain.roles import Role
from app.services import points, runs, settings
from app.services.points import ServiceInput
from app.services.tiers import list_versions, member_tier
from app.services.tiers import review as tier_review
from app.ui.shared import prefs
from app.ui.shared.i18n import format_date
from app.ui.tiers.tiers_page import TiersPage
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
    type_text,
    visible,
    wait_for,
)
from tests.test_members import register, zhang

TODAY = date(2026, 3, 1)  # the fake clock's date in Asia/Shanghai
TIMEZONE = "Asia/Shanghai"
REVIEW_DAY = TODAY + timedelta(days=400)  # 2027-04-05: validity ended on 2027-02-28


def open_page(qtbot, db, actor) -> TiersPage:
    return show_page(qtbot, TiersPage(db, actor, TIMEZONE), "page_tiers", 1200, 760)


def open_tab(qtbot, page: TiersPage, title: str) -> QWidget:
    return click_tab(qtbot, page, "tiers_tabs", title)


def view_rows(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def spend(db, people, member_id, yuan, on=TODAY):
    data = ServiceInput(member_id, None, f"RO-{member_id}-{on}-{yuan}", on, yuan * 100)
    return points.record_service(db, people.clerk, data)


def tier_code(db, people, member_id) -> str:
    return member_tier(db, people.admin, member_id).tier.code


def save_as(monkeypatch, target):
    asked = []

    def ask(parent, title, default, file_filter):
        asked.append(default)
        return str(target), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return asked


@pytest.fixture
def due(db, people, clock):
    """Three 金卡 members from 2026-03-01 to 2027-02-28 and what they earned meanwhile: 20
    points (retain), 10 (downgrade) and 100 (an upgrade waiting for approval: the review
    upgrades). The clock ends on 2027-04-05."""
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    kept = register(db, people.clerk)
    short = register(db, people.clerk, replace(zhang(name="李四"), mobile="13900139000",
                                                resident_id=None))  # fmt: skip
    up = register(db, people.clerk, replace(zhang(name="王五"), mobile="13700137000",
                                             resident_id=None))  # fmt: skip
    for member in (kept, short, up):
        spend(db, people, member.id, 30_000)
    settings.update_settings(db, people.admin, tier_upgrade_auto=False)
    clock.advance(days=200)
    later = TODAY + timedelta(days=200)
    for member, yuan in ((kept, 20_000), (short, 10_000), (up, 100_000)):
        spend(db, people, member.id, yuan, on=later)
    clock.advance(days=200)
    return kept, short, up


def test_preview_export_and_commit_the_review(qtbot, db, people, due, tmp_path, monkeypatch):
    kept, short, up = due
    prefs.settings().setValue(prefs.LANGUAGE, "zh_CN")  # the export's headers follow it
    page = open_page(qtbot, db, people.supervisor)
    assert page.tab_titles() == ["Tier policy", "Tier review", "Tiers at risk", "Review history"]
    tab = open_tab(qtbot, page, "Tier review")
    as_of = child(tab, "review_as_of", QDateEdit)
    assert as_of.date() == QDate(2027, 4, 5) and as_of.maximumDate() == QDate(2027, 4, 5)
    assert not child(tab, "commit_review", QPushButton).isEnabled()  # preview first
    assert not child(tab, "export_review", QPushButton).isEnabled()

    click(qtbot, tab, "preview_review")
    state = child(tab, "review_state", QLabel)
    qtbot.waitUntil(lambda: state.text().startswith("Preview as of"))
    counts = {
        code: child(tab, f"count_{code}", QLabel).text()
        for code in ("upgrade", "retain", "downgrade")
    }
    for code, text in counts.items():
        assert ">1</div>" in text, (code, text)
    assert table_rows(child(tab, "breakdown_table", QTableWidget)) == [
        ["Downgrade", "金卡", "银卡", "北京东区服务中心", "1"],
        ["Retain", "金卡", "金卡", "北京东区服务中心", "1"],
        ["Upgrade", "金卡", "白金卡", "北京东区服务中心", "1"],
    ]
    members = child(tab, "review_members", QTableView)
    rows = {row[0]: row for row in view_rows(members)}
    assert rows[short.member_number] == [
        short.member_number, "李四", "13900139000", "北京东区服务中心", "金卡", "银卡",
        "Downgrade", "10", "10", format_date(date(2027, 2, 28)),
    ]  # fmt: skip
    assert rows[kept.member_number][6:9] == ["Retain", "20", ""]
    assert rows[up.member_number][5:8] == ["白金卡", "Upgrade", "100"]
    assert child(tab, "review_members_status", QLabel).text() == "3 members"

    only = child(tab, "outcome_filter", QComboBox)  # the keyboard picks "Downgrade"
    only.setFocus()
    qtbot.keyClicks(only, "Downgrade")
    qtbot.waitUntil(lambda: members.model().rowCount() == 1)
    assert view_rows(members)[0][0] == short.member_number

    target = tmp_path / "review.xlsx"
    asked = save_as(monkeypatch, target)
    click(qtbot, tab, "export_review")
    done = wait_for(qtbot, "export_done")
    assert asked == ["tier-review_20270405.xlsx"]
    assert isinstance(done, QMessageBox) and "1 rows exported to" in done.text()
    done.close()
    header, *data = openpyxl.load_workbook(target).active.iter_rows(values_only=True)
    assert header[:7] == ("会员号", "姓名", "手机号", "经销商", "原等级", "新等级", "评审结果")
    assert [row[:2] + row[4:9] for row in data] == [
        (short.member_number, "李四", "金卡", "银卡", "降级", 10, 10),
    ]

    click(qtbot, tab, "commit_review")
    box = open_dialog(qtbot, "confirm_review")
    assert "Upgrade 1 · Retain 1 · Downgrade 1" in box.text()
    click(qtbot, box, "confirm")
    assert isinstance(tab.progress, QProgressDialog)
    assert tab.progress.findChild(QPushButton) is not None  # the batches can be cancelled
    result = child(tab, "review_result", QLabel)
    qtbot.waitUntil(lambda: "is committed" in result.text())
    assert result.text() == (
        f"The review as of {format_date(REVIEW_DAY)} is committed: "
        "Upgrade 1 · Retain 1 · Downgrade 1."
    )
    assert [tier_code(db, people, m.id) for m in (kept, short, up)] == [
        "gold", "silver", "platinum",
    ]  # fmt: skip
    qtbot.waitUntil(lambda: state.text().startswith("Committed on"))
    qtbot.waitUntil(lambda: members.model().rowCount() == 0)  # nobody left is due
    assert ">1</div>" in child(tab, "count_downgrade", QLabel).text()  # what was done

    click(qtbot, tab, "commit_review")  # again: nothing to confirm, nothing changes
    qtbot.waitUntil(lambda: "committed before" in result.text())
    assert visible("confirm_review") is None
    assert tier_code(db, people, short.id) == "silver"

    history = open_tab(qtbot, page, "Review history")
    table = child(history, "runs", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.item(0, 2).text() == "Done")


def test_cancelling_the_confirmation_changes_no_tier(qtbot, db, people, due):
    kept, short, _up = due
    tab = open_tab(qtbot, open_page(qtbot, db, people.admin), "Tier review")
    click(qtbot, tab, "preview_review")
    qtbot.waitUntil(lambda: child(tab, "commit_review", QPushButton).isEnabled())
    click(qtbot, tab, "commit_review")
    click(qtbot, open_dialog(qtbot, "confirm_review"), "cancel")
    qtbot.waitUntil(lambda: visible("confirm_review") is None)
    assert tab.progress is None
    assert tier_code(db, people, short.id) == "gold"


def test_an_interrupted_review_is_finished_from_the_history(qtbot, db, people, due):
    from app.services.shared.progress import Cancelled, Progress

    kept, short, up = due
    small = replace(tier_review.TIER_REVIEW, batch_size=1)  # one member per batch
    stop = Progress(lambda done, _total, _m: done >= 1 and stop.cancel())
    with pytest.raises(Cancelled):
        runs.commit(db, people.admin, small, REVIEW_DAY, progress=stop)
    assert tier_code(db, people, short.id) == "gold"  # the second member was not reached
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Review history")
    table = child(tab, "runs", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 2).text() == "Cancelled"
    table.selectRow(0)
    click(qtbot, tab, "resume_run")
    qtbot.waitUntil(lambda: child(tab, "runs_message", QLabel).text() == "The run is done.")
    assert [tier_code(db, people, m.id) for m in (kept, short, up)] == [
        "gold", "silver", "platinum",
    ]  # fmt: skip


def test_a_clerk_sees_the_policy_and_the_call_list_only(qtbot, open_window):
    window = open_window(Role.CLERK)
    click_nav(qtbot, window, "Tiers")
    page = window.pages.currentWidget()
    assert page.objectName() == "page_tiers"
    assert page.tab_titles() == ["Tier policy", "Tiers at risk"]
    assert page.findChild(QWidget, "review_tab") is None
    policy = page.policy
    assert policy.findChild(QPushButton, "new_policy_version") is None  # read-only
    assert policy.findChild(QWidget, "reaching_table") is None  # no reports for clerks
    qtbot.waitUntil(lambda: child(policy, "tiers_table", QTableWidget).rowCount() == 4)


def test_the_policy_tab_shows_the_example_and_the_distribution(qtbot, db, people):
    member = register(db, people.clerk)
    spend(db, people, member.id, 35_000)  # 35 qualifying points: reaches 金卡 (30)
    tab = open_tab(qtbot, open_page(qtbot, db, people.supervisor), "Tier policy")
    table = child(tab, "tiers_table", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 4)
    assert table_rows(table) == [
        ["银卡", "", "0", "0", "×1", "For life"],
        ["金卡", "", "30", "20", "×1.1", "12 months"],
        ["白金卡", "", "100", "80", "×1.2", "12 months"],
        ["钻石卡", "", "300", "240", "×1.5", "12 months"],
    ]
    assert table.item(1, 1).toolTip() == "#c9a227"  # the swatch
    assert child(tab, "policy_example", QLabel).isVisible()
    assert child(tab, "policy_source", QLabel).text() == "<b>Built-in example policy</b>"
    assert "A person sets the thresholds" in child(tab, "advisory", QLabel).text()
    reaching = child(tab, "reaching_table", QTableWidget)
    qtbot.waitUntil(lambda: reaching.rowCount() == 4)
    assert [row[:3] for row in table_rows(reaching)] == [
        ["银卡", "0", "1"], ["金卡", "30", "1"], ["白金卡", "100", "0"], ["钻石卡", "300", "0"],
    ]  # fmt: skip
    assert child(tab, "p50", QLabel).text() == "35"


def test_admin_saves_a_new_policy_version(qtbot, db, people):
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Tier policy")
    button = child(tab, "new_policy_version", QPushButton)
    qtbot.waitUntil(button.isEnabled)
    click(qtbot, tab, "new_policy_version")
    dialog = open_dialog(qtbot, "policy_dialog")
    assert child(dialog, "effective_from", QDateEdit).date() == QDate(2026, 3, 2)  # tomorrow
    assert not child(dialog, "reach_0", QSpinBox).isEnabled()  # the base tier needs none
    assert dialog.findChild(QWidget, "remove_0") is None

    set_spin(qtbot, child(dialog, "retain_1", QSpinBox), "50")  # above the reach: refused
    click(qtbot, dialog, "save")
    error = child(dialog, "tiers_error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "金卡: keeping the tier cannot need more points than reaching it."
    assert list_versions(db, people.admin) == []

    set_spin(qtbot, child(dialog, "reach_1", QSpinBox), "40")
    set_spin(qtbot, child(dialog, "retain_1", QSpinBox), "25")
    click(qtbot, dialog, "remove_3")  # 钻石卡 goes …
    click(qtbot, dialog, "add_tier")  # … and 黑卡 comes, above 白金卡
    assert child(dialog, "reach_3", QSpinBox).value() == 200  # twice the highest
    name = child(dialog, "name_3")
    assert dialog.focusWidget() is name
    type_text(qtbot, name, "黑卡")
    set_spin(qtbot, child(dialog, "reach_3", QSpinBox), "500")
    set_spin(qtbot, child(dialog, "retain_3", QSpinBox), "400")
    set_spin(qtbot, child(dialog, "grace_days", QSpinBox), "30")
    type_into(qtbot, dialog, "note", "2027 thresholds")
    matches = child(dialog, "status_match", QPlainTextEdit)
    matches.setFocus()
    type_text(qtbot, matches, "Hilton Honors = 黑卡")  # no level: refused, naming the line
    click(qtbot, dialog, "save")
    match_error = child(dialog, "status_match_error", QLabel)
    qtbot.waitUntil(match_error.isVisible)
    assert match_error.text() == "Line 1: write it as “what = tier name”, once per line."
    assert list_versions(db, people.admin) == []
    matches.setFocus()
    qtbot.keyClick(matches, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, matches, "Hilton Honors / Gold = 黑卡")
    enrolment = child(dialog, "enrolment_by_series", QPlainTextEdit)
    enrolment.setFocus()
    type_text(qtbot, enrolment, "星途 S7 = 金卡")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("policy_dialog") is None)

    [saved] = list_versions(db, people.admin)
    policy = saved.policy
    assert [(t.code, t.name, t.rank, t.reach_points, t.retain_points) for t in policy.tiers] == [
        ("silver", "银卡", 1, 0, 0), ("gold", "金卡", 2, 40, 25),
        ("platinum", "白金卡", 3, 100, 80), ("tier4", "黑卡", 4, 500, 400),
    ]  # fmt: skip
    assert policy.status_match == {"hilton honors / gold": "tier4"}
    assert policy.enrolment_by_series == {"星途 S7": "gold"}
    assert (policy.grace_days, saved.effective_from, saved.note) == (
        30, date(2026, 3, 2), "2027 thresholds",
    )  # fmt: skip
    versions = child(tab, "versions_table", QTableWidget)
    qtbot.waitUntil(lambda: table_rows(versions)[0][1] == "Scheduled")
    assert table_rows(versions)[0][0] == format_date(date(2026, 3, 2))
    status = child(tab, "policy_status", QLabel)
    qtbot.waitUntil(lambda: "in force from" in status.text())


def test_the_at_risk_list_opens_the_member_and_exports_calls(
    qtbot, db, people, clock, tmp_path, monkeypatch
):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    member = register(db, people.clerk)
    spend(db, people, member.id, 30_000)  # 金卡 until 2027-02-28; 20 more retain it
    clock.advance(days=340)  # 2027-02-04: validity ends in 24 days
    page = open_page(qtbot, db, people.clerk)
    tab = open_tab(qtbot, page, "Tiers at risk")
    table = child(tab, "at_risk_table", QTableView)
    summary = child(tab, "at_risk_summary", QLabel)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert summary.text() == f"1 member may lose their tier by {format_date(date(2027, 4, 5))}."
    assert view_rows(table) == [[
        member.member_number, "张三", "13800138000", "北京东区服务中心", "金卡",
        format_date(date(2027, 2, 28)), "0", "20",
    ]]  # fmt: skip

    set_spin(qtbot, child(tab, "at_risk_days", QSpinBox), "10")  # ends after 10 days: none
    qtbot.waitUntil(lambda: table.model().rowCount() == 0, timeout=5_000)
    assert summary.text().startswith("No member is short")
    set_spin(qtbot, child(tab, "at_risk_days", QSpinBox), "60")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1, timeout=5_000)

    table.setFocus()
    table.selectRow(0)
    with qtbot.waitSignal(page.member_requested) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [member.id]

    target = tmp_path / "calls.xlsx"
    asked = save_as(monkeypatch, target)
    click(qtbot, tab, "export_at_risk")
    wait_for(qtbot, "export_done")
    assert asked == ["tier-call-list_20270204.xlsx"]
    header, data = openpyxl.load_workbook(target).active.iter_rows(values_only=True)
    assert data[:5] == (member.member_number, "张三", "13800138000", "北京东区服务中心", "金卡")
    assert data[6:] == (0, 20)
    assert f"1 rows exported to {target}" in child(tab, "at_risk_status", QLabel).text()


def test_the_main_window_opens_the_member_from_the_call_list(qtbot, db, people, clock, open_window):
    settings.update_settings(db, people.admin, tier_upgrade_auto=True)
    member = register(db, people.clerk)
    spend(db, people, member.id, 30_000)
    clock.advance(days=340)
    window = open_window(Role.CLERK)
    click_nav(qtbot, window, "Tiers")
    page = window.pages.currentWidget()
    tab = open_tab(qtbot, page, "Tiers at risk")
    table = child(tab, "at_risk_table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    rect = table.visualRect(table.model().index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = wait_for(qtbot, "member_view")
    assert isinstance(view, QDialog)
