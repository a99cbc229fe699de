"""Tiers through real widgets: a clerk files a manual tier from the member's Tier tab, a
supervisor approves it from the Approvals detail pane and the tab shows the new tier; an
upgrade reads with tier names in Approvals; the paid-tier dialog checks its fee; the member
list filters by tier; an earning rule counts a share as qualifying points."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTabWidget,
)

from app.domain.roles import Role
from app.services import approvals, points
from app.services.approvals import RequestFilter
from app.services.tiers import ManualTierInput, member_tier, request_manual_tier
from app.ui.shared.i18n import format_date
from tests.gui.helpers import child, click, open_dialog, table_rows, type_into, visible
from tests.gui.test_approvals_gui import approvals_page, choose
from tests.gui.test_members_gui import members_page, register, result_numbers
from tests.gui.test_points_page import open_page, open_tab

TODAY = date(2026, 3, 1)


def open_tier_tab(qtbot, window):
    """Open the first member of the list and click its Tier tab."""
    page = members_page(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = open_dialog(qtbot, "member_view")
    tabs = child(view, "tabs", QTabWidget)
    qtbot.waitUntil(tabs.isEnabled)
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "Tier && history")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    tab = tabs.currentWidget()
    assert tab.objectName() == "tier_tab"
    qtbot.waitUntil(lambda: child(tab, "request_manual_tier", QPushButton).isEnabled())
    return view, tab


def pick(qtbot, combo: QComboBox, steps: int) -> None:
    """Move through a closed combo with the arrow keys, as with the keyboard at the counter."""
    combo.setFocus()
    key = Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, key)


def spend(db, people, member_id: int, yuan: int, document: str) -> None:
    data = points.ServiceInput(member_id, None, document, TODAY, yuan * 100)
    points.record_service(db, people.clerk, data)


def test_a_manual_tier_is_requested_approved_and_shown(qtbot, db, people, open_window):
    ref = register(db, people.clerk)
    view, tab = open_tier_tab(qtbot, open_window(Role.CLERK))
    assert child(tab, "tier_badge", QLabel).text() == "银卡"
    assert "held for life" in child(tab, "tier_validity", QLabel).text()
    reach = child(tab, "reach_bar", QProgressBar)
    assert (reach.value(), reach.maximum(), reach.text()) == (0, 30, "0 / 30")
    assert child(tab, "reach_text", QLabel).text() == "30 more points reach 金卡."
    assert not child(tab, "retain_bar", QProgressBar).isVisible()  # the base is for life

    click(qtbot, tab, "request_manual_tier")
    dialog = open_dialog(qtbot, "manual_tier_dialog")
    tier = child(dialog, "tier", QComboBox)
    assert tier.currentText() == "金卡"  # the next tier up, to start with
    pick(qtbot, tier, 1)
    assert tier.currentData() == "platinum"
    ok = child(dialog, "ok", QPushButton)
    assert not ok.isEnabled()  # the note is required
    type_into(qtbot, dialog, "note", "Repair went wrong twice")
    qtbot.waitUntil(ok.isEnabled)
    click(qtbot, dialog, "ok")
    message = child(view, "message", QLabel)
    qtbot.waitUntil(lambda: "a supervisor will decide" in message.text())
    pending = child(tab, "tier_pending", QLabel)
    qtbot.waitUntil(lambda: "Manual tier, 白金卡 kept until" in pending.text())
    assert child(tab, "tier_badge", QLabel).text() == "银卡"  # nothing changed yet

    click(qtbot, tab, "request_manual_tier")  # a second one is refused, visibly, input kept
    again = open_dialog(qtbot, "manual_tier_dialog")
    type_into(qtbot, again, "note", "Asked twice")
    click(qtbot, again, "ok")
    error = child(again, "error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "A request of this kind already waits for this member."
    assert visible("manual_tier_dialog") is again
    assert child(again, "note", QLineEdit).text() == "Asked twice"
    assert child(again, "ok", QPushButton).isEnabled()  # ready for another try
    click(qtbot, again, "cancel")
    view.close()

    window = open_window(Role.SUPERVISOR)
    page, table = approvals_page(qtbot, window)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    until = format_date(date(2027, 2, 28))  # a validity period from today, to start with
    assert table.item(0, 1).text() == "Manual tier"
    assert table.item(0, 4).text() == f"白金卡 kept until {until} · Service recovery"
    choose(qtbot, table, 0)
    detail = child(page, "request_detail")
    current = child(detail, "tier_current", QLabel)
    qtbot.waitUntil(lambda: "银卡" in current.text() and current.isVisible())
    assert "白金卡" in child(detail, "tier_requested", QLabel).text()
    assert child(detail, "tier_reason", QLabel).text() == "Service recovery"
    assert child(detail, "tier_until", QLabel).text() == until
    assert child(detail, "tier_validity", QLabel).text() == "for life (the base tier)"
    heading = child(detail, "detail_heading", QLabel).text()
    assert "Note: Repair went wrong twice" in heading and "platinum" not in heading
    click(qtbot, detail, "approve")
    qtbot.waitUntil(lambda: "Approved" in child(page, "message", QLabel).text())
    assert member_tier(db, people.clerk, ref.id).tier.code == "platinum"

    view, tab = open_tier_tab(qtbot, open_window(Role.CLERK))
    qtbot.waitUntil(lambda: child(tab, "tier_badge", QLabel).text() == "白金卡")
    validity = child(tab, "tier_validity", QLabel).text()
    assert "Kept at least at" in validity and f"白金卡&nbsp;</span> until {until}" in validity
    assert not child(tab, "tier_pending", QLabel).isVisible()
    history = table_rows(child(tab, "tier_history", QTableWidget))
    assert history == [
        [format_date(TODAY), "银卡", "白金卡", "Manual tier", "0",
         format_date(date(2027, 2, 28)), "supervisor", "Service recovery"],
    ]  # fmt: skip
    assert child(tab, "retain_text", QLabel).text().startswith("80 more points keep 白金卡")
    assert child(tab, "reach_text", QLabel).text() == "300 more points reach 钻石卡."


def test_an_upgrade_reads_with_tier_names_in_approvals(qtbot, db, people, open_window):
    ref = register(db, people.clerk)
    spend(db, people, ref.id, 35_000, "RO-1")  # 35 qualifying points: 金卡 is due
    window = open_window(Role.SUPERVISOR)
    page, table = approvals_page(qtbot, window)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 1).text() == "Tier upgrade"
    assert table.item(0, 4).text() == "Up to 金卡 · 35 qualifying points"
    kinds = child(page, "kind_filter", QComboBox)
    assert {"Tier upgrade", "Manual tier", "Status match", "Paid tier"} <= {
        kinds.itemText(i) for i in range(kinds.count())
    }
    choose(qtbot, table, 0)
    detail = child(page, "request_detail")
    outcome = child(detail, "tier_outcome", QLabel)
    qtbot.waitUntil(lambda: outcome.isVisible() and "金卡" in outcome.text())
    assert "valid for 12 months from approval" in outcome.text()
    assert child(detail, "tier_points", QLabel).text() == "35 (since joining)"
    assert "reached at 30 qualifying points" in child(detail, "tier_requested", QLabel).text()
    assert not child(detail, "tier_reason", QLabel).isVisible()  # only for a manual tier
    click(qtbot, detail, "approve")
    qtbot.waitUntil(lambda: "Approved" in child(page, "message", QLabel).text())
    assert member_tier(db, people.clerk, ref.id).tier.code == "gold"


def test_the_paid_tier_dialog_checks_the_fee(qtbot, db, people, open_window):
    ref = register(db, people.clerk)
    view, tab = open_tier_tab(qtbot, open_window(Role.CLERK))
    click(qtbot, tab, "request_paid_tier")
    dialog = open_dialog(qtbot, "paid_tier_dialog")
    tier = child(dialog, "tier", QComboBox)
    assert [tier.itemText(i) for i in range(tier.count())] == ["金卡", "白金卡", "钻石卡"]
    ok = child(dialog, "ok", QPushButton)
    type_into(qtbot, dialog, "fee", "8oo")
    hint = child(dialog, "fee_hint", QLabel)
    assert hint.isVisible() and hint.text() == "Enter the fee in yuan, e.g. 800.00."
    type_into(qtbot, dialog, "receipt", "POS-77")
    type_into(qtbot, dialog, "note", "Annual fee paid at the counter")
    assert not ok.isEnabled()
    type_into(qtbot, dialog, "fee", "1,280.00")
    assert not hint.isVisible()
    qtbot.waitUntil(ok.isEnabled)
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: visible("paid_tier_dialog") is None)
    [request] = approvals.list_requests(db, people.admin, RequestFilter(kind="tier_paid"))
    assert request.payload == {
        "member_id": ref.id, "tier": "gold", "fee_fen": 128_000, "receipt": "POS-77",
    }  # fmt: skip
    pending = child(tab, "tier_pending", QLabel)
    qtbot.waitUntil(lambda: "金卡 for 12 months · fee ¥1,280.00 paid" in pending.text())


def test_the_member_list_filters_by_tier(qtbot, db, people, open_window):
    silver = register(db, people.clerk)
    gold = register(db, people.clerk, name="李四", mobile="13900139000")
    data = ManualTierInput(gold.id, "gold", "vip", date(2026, 12, 31), "VIP")
    approvals.approve(db, people.supervisor, request_manual_tier(db, people.clerk, data).id)
    page = members_page(qtbot, open_window(Role.CLERK))
    qtbot.waitUntil(lambda: len(result_numbers(page)) == 2)
    tiers = child(page, "tier_filter", QComboBox)
    qtbot.waitUntil(lambda: tiers.count() == 5)
    assert [tiers.itemText(i) for i in range(5)] == ["All", "银卡", "金卡", "白金卡", "钻石卡"]

    def shown_after(steps: int) -> list[str]:
        pick(qtbot, tiers, steps)
        qtbot.waitUntil(lambda: not page.model.loading)
        return result_numbers(page)

    assert shown_after(2) == [gold.member_number]  # 金卡
    assert shown_after(-1) == [silver.member_number]  # 银卡: no tier row is the base tier
    assert shown_after(2) == []  # 白金卡
    qtbot.waitUntil(lambda: child(page, "status", QLabel).text() == "No member matches.")
    assert sorted(shown_after(-3)) == sorted([silver.member_number, gold.member_number])


def test_a_rule_version_counts_a_share_as_qualifying_points(qtbot, db, people):
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Earning rules")
    table = child(tab, "rules_table", QTableWidget)
    # 8 rules, and the share and major-event versions with per-edition limits (0012)
    qtbot.waitUntil(lambda: table.rowCount() == 10)
    click(qtbot, tab, "new_rule_version")
    dialog = open_dialog(qtbot, "rule_dialog")
    share = child(dialog, "qualifying_permille", QDoubleSpinBox)
    assert share.value() == 100.0  # all the points count, unless a version says otherwise
    share.setFocus()
    share.selectAll()
    qtbot.keyClicks(share, "50")
    reads = child(dialog, "reads", QLabel)
    assert reads.text() == (
        "1 point per ¥1,000.00, rounded down; 50% of the points counts as qualifying points"
    )
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("rule_dialog") is None)
    qtbot.waitUntil(lambda: table.rowCount() == 11)
    new = next(row for row in table_rows(table) if row[0] == "Service" and row[1] == "2")
    assert new[4].endswith("; 50% of the points counts as qualifying points")
    [v2] = [
        v for v in points.list_rules(db, people.admin) if v.code == "service" and v.version == 2
    ]
    assert v2.params["qualifying_permille"] == 500


def test_the_status_match_table_preselects_the_tier(qtbot, db, people, open_window):
    from dataclasses import replace

    from app.domain.tiers import DEFAULT_POLICY, match_key
    from app.services.tiers import save_policy

    table = {match_key("Hilton Honors", "Gold"): "platinum"}
    save_policy(db, people.admin, replace(DEFAULT_POLICY, status_match=table), TODAY)
    register(db, people.clerk)
    view, tab = open_tier_tab(qtbot, open_window(Role.CLERK))
    click(qtbot, tab, "request_status_match")
    dialog = open_dialog(qtbot, "status_match_dialog")
    tier = child(dialog, "tier", QComboBox)
    assert tier.currentData() == "gold"  # the next tier up until the table says otherwise
    type_into(qtbot, dialog, "programme", "hilton honors")
    type_into(qtbot, dialog, "level", "Gold ")
    assert tier.currentData() == "platinum"
    assert child(dialog, "match_suggestion", QLabel).text() == "The match table gives 白金卡."
    type_into(qtbot, dialog, "level", "Diamond")
    assert child(dialog, "match_suggestion", QLabel).text() == ""
    click(qtbot, dialog, "cancel")
    view.close()
