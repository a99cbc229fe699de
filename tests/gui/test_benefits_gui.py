"""The benefits page through real widgets: a new item in the catalog, submitted for listing and
listed by another administrator; a matrix cell changed and the matrix printed; the orders
filtered and exported; vouchers written off at the counter, a second time refused; who sees
what."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QWidget,
)

from app.domain import benefits as rules
from app.domain.roles import Role
from app.services import approvals, benefits
from app.services.approvals import RequestFilter
from app.services.benefits import RedeemInput
from app.services.shared import audit
from app.ui.benefits.benefits_page import BenefitsPage
from tests.gui.helpers import (
    child,
    click,
    click_tab,
    open_dialog,
    set_spin,
    show_page,
    type_into,
    type_text,
    visible,
    wait_for,
)
from tests.test_benefits import give_points, item, second_admin
from tests.test_members import register

TIMEZONE = "Asia/Shanghai"


def open_page(qtbot, db, actor) -> BenefitsPage:
    return show_page(qtbot, BenefitsPage(db, actor, TIMEZONE), "page_benefits", 1200, 760)


def view_rows(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def row_of(view: QTableView, column: int, text: str) -> int:
    rows = view_rows(view)
    return next(r for r, row in enumerate(rows) if row[column] == text)


def click_row(qtbot, view: QTableView, r: int) -> None:
    rect = view.visualRect(view.model().index(r, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def double_click(qtbot, viewport: QWidget, pos) -> None:
    """What a real double-click delivers: press, release, double-click, release (the views
    activate on the last release)."""
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(viewport, left, pos=pos)
    qtbot.mouseRelease(viewport, left, pos=pos)
    qtbot.mouseDClick(viewport, left, pos=pos)
    qtbot.mouseRelease(viewport, left, pos=pos)


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Pick an entry with the keyboard, as a person tabbing through the filters would."""
    combo.setFocus()
    target = combo.findText(text)
    assert target >= 0, f"{text} is not offered"
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(target):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def save_as(monkeypatch, target: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))


@pytest.fixture
def listed(db, people):
    """A listed car wash (¥80, 800 points) and a member with 2,000 points."""
    row = benefits.create_item(db, people.admin, item())
    request = benefits.submit_for_listing(db, people.admin, row.id, "新品上架")
    approvals.approve(db, second_admin(db, people), request.id, "ok")
    member = register(db, people.clerk)
    give_points(db, member.id, 2_000)
    return row.id, member


# --- the catalog ---------------------------------------------------------------------------------


def test_a_new_item_is_created_submitted_and_listed(qtbot, db, people):
    page = open_page(qtbot, db, people.admin)
    assert page.tab_titles() == ["Catalog", "Tier benefit matrix", "Orders", "Voucher expiry"]
    tab = page.catalog
    table = child(tab, "catalog_table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 8)  # the seeded tier benefits
    assert child(tab, "catalog_status", QLabel).text() == "8 benefits"

    click(qtbot, tab, "new_item")
    dialog = open_dialog(qtbot, "item_dialog")
    save = child(dialog, "save", QPushButton)
    qtbot.waitUntil(save.isEnabled)  # the tiers and dealers are loaded
    type_into(qtbot, dialog, "code", "wash")
    type_into(qtbot, dialog, "face_value_fen", "80")
    hint = child(dialog, "price_hint", QLabel)
    assert hint.text() == "800 points: ¥80.00 at 10 points a yuan."
    type_into(qtbot, dialog, "unit_cost_fen", "30.5")
    qtbot.mouseClick(child(dialog, "unlimited_stock", QCheckBox), Qt.MouseButton.LeftButton)
    set_spin(qtbot, child(dialog, "stock", QWidget).findChild(QSpinBox), "5")
    gold = child(dialog, "tier_gold", QCheckBox)
    qtbot.waitUntil(lambda: gold.isVisible() and gold.width() > 20)  # laid out once loaded
    qtbot.mouseClick(gold, Qt.MouseButton.LeftButton)
    assert gold.isChecked()
    click(qtbot, dialog, "save")  # no name yet: said next to the field
    name_error = child(dialog, "name_error", QLabel)
    qtbot.waitUntil(name_error.isVisible)
    assert name_error.text()
    name = child(dialog, "name", QLineEdit)
    name.setFocus()
    type_text(qtbot, name, "精致洗车")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("item_dialog") is None)

    qtbot.waitUntil(lambda: any(r[0] == "WASH" for r in view_rows(table)))
    r = row_of(table, 0, "WASH")
    assert view_rows(table)[r][1:8] == [
        "精致洗车", "Points redemption", "Vehicle service", "800", "¥80.00", "5", "Draft",
    ]  # fmt: skip
    saved = next(i for i in benefits.list_items(db, people.admin) if i.code == "WASH")
    assert (saved.unit_cost_fen, saved.eligible_tiers, saved.price_set) == (3_050, ("gold",), False)

    click_row(qtbot, table, r)
    click(qtbot, tab, "submit_item")
    submit = open_dialog(qtbot, "submit_dialog")
    type_into(qtbot, submit, "note", "新品上架")
    click(qtbot, submit, "ok")
    message = child(tab, "catalog_message", QLabel)
    qtbot.waitUntil(lambda: "waits in Approvals" in message.text())
    qtbot.waitUntil(lambda: view_rows(table)[row_of(table, 0, "WASH")][7] == "Awaiting approval")
    click_row(qtbot, table, row_of(table, 0, "WASH"))
    assert not child(tab, "edit_item", QPushButton).isEnabled()  # the approver sees it as filed

    approver = second_admin(db, people)
    [request] = approvals.list_requests(db, approver, RequestFilter(kind=benefits.LISTING))
    approvals.approve(db, approver, request.id, "ok")
    qtbot.waitUntil(lambda: view_rows(table)[row_of(table, 0, "WASH")][7] == "Listed")


def test_the_catalog_filters_and_is_read_only_without_the_right(qtbot, db, people, listed):
    page = open_page(qtbot, db, people.auditor)
    assert page.tab_titles() == ["Catalog", "Tier benefit matrix", "Orders"]
    tab = page.catalog
    assert tab.findChild(QPushButton, "new_item") is None
    table = child(tab, "catalog_table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() == 9)
    choose(qtbot, child(tab, "catalog_channel", QComboBox), "Points redemption")
    qtbot.waitUntil(lambda: [r[0] for r in view_rows(table)] == ["WASH"])
    rect = table.visualRect(table.model().index(0, 1))
    double_click(qtbot, table.viewport(), rect.center())
    dialog = open_dialog(qtbot, "item_dialog")  # to see, not to change
    assert dialog.windowTitle() == "Benefit WASH"
    assert dialog.findChild(QPushButton, "save") is None
    qtbot.waitUntil(lambda: child(dialog, "name", QLineEdit).isReadOnly())
    click(qtbot, dialog, "close")
    choose(qtbot, child(tab, "catalog_status_filter", QComboBox), "Draft")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0)
    type_into(qtbot, tab, "catalog_search", "nothing-like-this")
    status = child(tab, "catalog_status", QLabel)
    qtbot.waitUntil(lambda: status.text() == "No benefit matches the search and filters.")


# --- the matrix --------------------------------------------------------------------------------


def test_a_matrix_cell_is_set_in_its_dialog_and_the_matrix_printed(
    qtbot, db, people, tmp_path, monkeypatch
):
    page = open_page(qtbot, db, people.admin)
    tab = click_tab(qtbot, page, "benefits_tabs", "Tier benefit matrix")
    table = child(tab, "matrix_table", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 8)
    unset = child(tab, "matrix_unset", QLabel)
    assert unset.text() == "32 cells not set yet"
    r = next(r for r in range(8) if table.item(r, 0).text() == "道路救援")
    column = next(c for c in range(table.columnCount())
                  if table.horizontalHeaderItem(c).text() == "金卡")  # fmt: skip
    assert table.item(r, column).text() == "Not set"

    rect = table.visualItemRect(table.item(r, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, "cell_dialog")
    set_spin(qtbot, child(dialog, "quantity", QSpinBox), "2")
    choose(qtbot, child(dialog, "period", QComboBox), "per calendar year")
    type_into(qtbot, dialog, "value_fen", "200")
    set_spin(qtbot, child(dialog, "discount_permille", QDoubleSpinBox), "10")
    click(qtbot, dialog, "save")  # a value and a discount: said next to the discount
    error = child(dialog, "discount_permille_error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "Give a value or a discount, not both."
    set_spin(qtbot, child(dialog, "discount_permille", QDoubleSpinBox), "0")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("cell_dialog") is None)
    qtbot.waitUntil(lambda: table.item(r, column).text() == "2× per year · ¥200.00")
    assert unset.text() == "31 cells not set yet"
    matrix = benefits.read_matrix(db, people.admin)
    cell = matrix.cell(matrix.items[r].id, "gold")
    assert cell == rules.Entitlement(2, rules.QuotaPeriod.YEAR, 20_000)

    target = tmp_path / "matrix.pdf"
    save_as(monkeypatch, target)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    click(qtbot, tab, "print_matrix")
    saved = wait_for(qtbot, "file_saved")
    assert target.read_bytes().startswith(b"%PDF")
    click(qtbot, saved, "open_folder")
    assert opened == [str(tmp_path)]

    rect = table.visualItemRect(table.item(0, 1))  # a double-click opens a cell too
    double_click(qtbot, table.viewport(), rect.center())
    click(qtbot, open_dialog(qtbot, "cell_dialog"), "cancel")


def test_the_matrix_cannot_be_changed_without_the_right(qtbot, db, people):
    page = open_page(qtbot, db, people.clerk)
    tab = click_tab(qtbot, page, "benefits_tabs", "Tier benefit matrix")
    table = child(tab, "matrix_table", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 8)
    rect = table.visualItemRect(table.item(0, 1))
    double_click(qtbot, table.viewport(), rect.center())
    qtbot.wait(100)
    assert visible("cell_dialog") is None


# --- orders --------------------------------------------------------------------------------------


def test_orders_filter_and_export(qtbot, db, people, listed, tmp_path, monkeypatch):
    benefit_id, member = listed
    first = benefits.redeem(db, people.clerk, RedeemInput(member.id, benefit_id))
    benefits.redeem(db, people.clerk, RedeemInput(member.id, benefit_id))
    benefits.write_off(db, people.clerk, first.code)
    page = open_page(qtbot, db, people.admin)
    tab = click_tab(qtbot, page, "benefits_tabs", "Orders")
    table = child(tab, "orders_table", QTableView)
    count = child(tab, "orders_count", QLabel)
    qtbot.waitUntil(lambda: count.text() == "Showing 2 of 2 orders")
    rows = view_rows(table)
    assert rows[1] == [
        "2026-03-01", rules.format_code(first.code), f"{member.member_number}  张三", "精致洗车",
        "800", "¥80.00", "Written off", "北京东区服务中心", "2026-03-01 · 北京东区服务中心",
    ]  # fmt: skip

    choose(qtbot, child(tab, "orders_status", QComboBox), "Written off")
    qtbot.waitUntil(lambda: count.text() == "Showing 1 of 1 orders")
    assert view_rows(table)[0][1] == rules.format_code(first.code)
    type_into(qtbot, tab, "orders_member", "99999999999")
    qtbot.waitUntil(lambda: count.text() == "No orders match the filters.")
    assert not child(tab, "export_orders", QPushButton).isEnabled()
    click(qtbot, tab, "orders_clear")
    qtbot.waitUntil(lambda: count.text() == "Showing 2 of 2 orders")
    type_into(qtbot, tab, "orders_member", member.member_number)
    qtbot.keyClick(child(tab, "orders_member", QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: count.text() == "Showing 2 of 2 orders")

    target = tmp_path / "orders.xlsx"
    save_as(monkeypatch, target)
    click(qtbot, tab, "export_orders")
    saved = wait_for(qtbot, "file_saved")
    assert "2 orders exported to" in saved.text()
    sheet = openpyxl.load_workbook(target).active
    assert [c.value for c in sheet[1]][:3] == ["Redeemed on", "Voucher code", "Member number"]
    assert sheet["C2"].value == member.member_number and sheet["C2"].number_format == "@"
    assert sheet.max_row == 3
    with db.reader() as uow:
        [entry] = audit.record_history(uow, "member", "export")
    assert json.loads(entry.after) == {
        "list": "benefit_orders", "rows": 2, "member": member.member_number,
    }  # fmt: skip


# --- write-off ---------------------------------------------------------------------------------


def test_a_voucher_is_written_off_by_its_code_and_only_once(qtbot, db, people, listed):
    benefit_id, member = listed
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member.id, benefit_id))
    page = open_page(qtbot, db, people.clerk)
    assert page.tab_titles() == ["Catalog", "Tier benefit matrix", "Orders", "Write-off"]
    tab = page.tabs.currentWidget()
    assert tab is page.write_off  # the counter's everyday task is open first
    assert page.catalog.findChild(QPushButton, "new_item") is None
    field = child(tab, "voucher_code", QLineEdit)
    message = child(tab, "write_off_message", QLabel)

    field.setFocus()
    qtbot.keyClicks(field, rules.format_code(voucher.code).lower())  # as typed by hand
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: child(tab, "voucher_card", QWidget).isVisible())
    assert child(tab, "card_benefit", QLabel).text() == "精致洗车  ·  Points redemption"
    assert child(tab, "card_member", QLabel).text().startswith(member.member_number)
    assert child(tab, "card_status", QLabel).text() == "Not used"
    assert child(tab, "write_off", QPushButton).isEnabled()
    assert message.text() == "Press Enter again or click “Write off” to use this voucher."

    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: message.text().startswith("Written off:"))
    assert message.text() == f"Written off: 精致洗车 for member {member.member_number}."
    assert field.text() == "" and field.hasFocus()
    assert benefits.get_voucher(db, people.clerk, voucher.id).status == "used"

    qtbot.keyClicks(field, voucher.code)  # a scanner: the code and Enter
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: message.text().startswith("This voucher was already used"))
    assert "北京东区服务中心" in message.text()
    assert "#b00020" in message.styleSheet()
    assert not child(tab, "write_off", QPushButton).isEnabled()
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter again only looks it up again
    qtbot.waitUntil(child(tab, "look_up_voucher", QPushButton).isEnabled)
    assert benefits.get_voucher(db, people.clerk, voucher.id).status == "used"

    mistyped = voucher.code[1] + voucher.code[0] + voucher.code[2:]
    if mistyped != voucher.code:
        qtbot.keyClicks(field, mistyped)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: message.text().startswith("This is not a valid voucher code"))
        assert not child(tab, "voucher_card", QWidget).isVisible()


def test_the_benefits_area_opens_from_the_navigation(qtbot, open_window):
    from tests.gui.helpers import click_nav

    window = open_window(Role.SUPERVISOR)
    click_nav(qtbot, window, "Benefits")
    page = window.pages.currentWidget()
    assert page.objectName() == "page_benefits"
    assert page.tab_titles() == ["Catalog", "Tier benefit matrix", "Orders", "Write-off"]
