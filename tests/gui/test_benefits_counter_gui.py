"""Benefits at the counter through real widgets: a benefit is listed through the Approvals page
(the approver sees the item), a clerk opens the member's Benefits & vouchers tab, redeems it
with the keyboard, prints the slip, the voucher is written off at another dealer once, an
offer the member may not have says why and cannot be redeemed, and cancelling a voucher
gives the points back."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
)

from app.domain.benefits import format_code
from app.domain.errors import Conflict
from app.domain.roles import Role
from app.services import approvals, benefits, settings, staff
from app.services.benefits import RedeemInput
from app.services.staff import auth
from app.ui.shell.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.gui.helpers import (
    child,
    click,
    click_nav,
    open_dialog,
    table_rows,
    type_into,
    visible,
)
from tests.gui.test_approvals_gui import approvals_page, choose
from tests.gui.test_members_gui import members_page, register
from tests.test_benefits import give_points, item, second_admin

TITLE = "Benefits && vouchers"


def window_for(qtbot, db, actor) -> MainWindow:
    window = MainWindow(db, actor, settings.get_settings(db), demo_mode=False)
    window._signing_out = True  # closing in teardown must not quit the test's QApplication
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def other_dealers_clerk(db, people):
    dealer = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    staff.save_user(db, people.admin, staff.UserInput("clerk2", "Clerk Two", "clerk", dealer.id),
                    initial_password="Temp-pass-1")  # fmt: skip
    actor = auth.sign_in(db, "clerk2", "Temp-pass-1")
    return auth.change_password(db, actor, "Temp-pass-1", PASSWORD)


def listed(db, people, approver, **changes) -> int:
    row = benefits.create_item(db, people.admin, item(**changes))
    request = benefits.submit_for_listing(db, people.admin, row.id, "新品上架")
    approvals.approve(db, approver, request.id, "ok")
    return row.id


def open_benefits_tab(qtbot, window):
    """Open the first member of the list with the keyboard and click the benefits tab."""
    page = members_page(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = open_dialog(qtbot, "member_view")
    tabs = child(view, "tabs", QTabWidget)
    qtbot.waitUntil(tabs.isEnabled)
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.widget(i).objectName() == "benefits_tab")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    tab = tabs.currentWidget()
    assert tab.objectName() == "benefits_tab"
    return view, tab


def summary_of(tab) -> QLabel:
    return child(tab, "benefits_summary", QLabel)


def need(tool: str) -> str | None:
    return shutil.which(tool)


def approve_in_the_gui(qtbot, db, approver) -> None:
    """The second admin approves the listing from the Approvals page, seeing the item."""
    window = window_for(qtbot, db, approver)
    page, table = approvals_page(qtbot, window)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table_rows(table)[0][1] == "Benefit listing"
    assert table_rows(table)[0][4] == "List WASH 精致洗车"
    choose(qtbot, table, 0)
    detail = child(page, "request_detail")
    qtbot.waitUntil(lambda: child(detail, "benefit_code", QLabel).text() == "WASH")
    heading = child(detail, "detail_heading", QLabel).text()
    assert "Benefit WASH 精致洗车" in heading
    assert child(detail, "benefit_price", QLabel).text() == "800 points (from the value)"
    assert child(detail, "benefit_value", QLabel).text() == "¥80.00"
    assert child(detail, "benefit_stock", QLabel).text() == "5"
    assert child(detail, "benefit_dealers", QLabel).text() == "All dealers"
    assert "days from redemption" in child(detail, "benefit_voucher_days", QLabel).text()
    click(qtbot, detail, "approve")
    message = child(page, "message", QLabel)
    qtbot.waitUntil(lambda: message.text() == "Listing of WASH: Approved.")
    window.close()


def write_off_at_another_dealer(qtbot, db, people, code: str) -> None:
    """A clerk of another dealer types the code on the Benefits page's write-off tab: Enter
    looks it up, Enter again writes it off; the same code a second time is refused."""
    window = window_for(qtbot, db, other_dealers_clerk(db, people))
    click_nav(qtbot, window, "Benefits")
    tab = child(window.page("benefits"), "write_off_tab")
    field = child(tab, "voucher_code", QLineEdit)
    message = child(tab, "write_off_message", QLabel)
    type_into(qtbot, tab, "voucher_code", format_code(code).lower())
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: child(tab, "write_off", QPushButton).isEnabled())
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: message.text().startswith("Written off: 精致洗车"))
    type_into(qtbot, tab, "voucher_code", code)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "already used" in message.text())
    assert not child(tab, "write_off", QPushButton).isEnabled()
    with pytest.raises(Conflict, match="already used"):  # and the service says so too
        benefits.write_off(db, window.actor, code)
    window.close()


def test_list_redeem_print_write_off_and_cancel(qtbot, db, people, open_window, tmp_path,
                                                monkeypatch):  # fmt: skip
    approver = second_admin(db, people)
    wash = benefits.create_item(db, people.admin, item())
    benefits.submit_for_listing(db, people.admin, wash.id, "新品上架")
    approve_in_the_gui(qtbot, db, approver)
    assert benefits.get_item(db, people.admin, wash.id).status == "listed"
    listed(db, people, approver, code="SPA", name="车内臭氧消毒", points_price=5_000)
    member = register(db, people.clerk).id
    give_points(db, member, 2_000)

    view, tab = open_benefits_tab(qtbot, open_window(Role.CLERK))
    tabs = child(view, "tabs", QTabWidget)
    assert tabs.tabText(tabs.currentIndex()) == TITLE  # where the placeholder was
    offers = child(tab, "offers", QTableWidget)
    qtbot.waitUntil(lambda: offers.rowCount() > 2)  # with the tier benefits the seed lists
    assert "available 2,000 points (worth ¥200.00)" in summary_of(tab).text()
    rows = table_rows(offers)
    assert rows[0] == ["精致洗车", "Points redemption", "¥80.00", "800", "—", "5", "Available"]
    assert rows[-1][0] == "车内臭氧消毒"  # the ones the member may have come first
    assert rows[-1][6] == "Needs 5,000 points; the member has 2,000."
    unset = next(row for row in rows if row[0] == "道路救援")
    assert unset[1:4] == ["Tier benefit", "—", "Free"]
    assert unset[6] == "Headquarters has not set the quantity for the member's tier (银卡)."

    # The unavailable offer: its reason is shown, Enter does nothing, Redeem stays off.
    redeem = child(tab, "redeem", QPushButton)
    offers.setFocus()
    qtbot.keyClick(offers, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert offers.currentRow() == len(rows) - 1
    assert not redeem.isEnabled()
    assert "Cannot be redeemed now: Needs 5,000 points" in child(tab, "offer_note", QLabel).text()
    qtbot.keyClick(offers, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert visible("redeem_dialog") is None

    # Redeem the first with the keyboard: Ctrl+Home, Enter opens the dialog, Enter confirms.
    qtbot.keyClick(offers, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert offers.currentRow() == 0
    assert redeem.isEnabled()
    qtbot.keyClick(offers, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, "redeem_dialog")
    assert child(dialog, "redeem_balance", QLabel).text() == "2,000 → <b>1,200</b>"
    assert child(dialog, "redeem_expires", QLabel).text() == "2026-05-29 (90 days)"
    qtbot.waitUntil(lambda: child(dialog, "redeem_honoured", QLabel).text() == "All dealers")
    confirm = child(dialog, "confirm", QPushButton)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    if confirm.isVisible():  # a second press while the first is on its way redeems nothing more
        qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    code_label = child(dialog, "voucher_code", QLabel)
    qtbot.waitUntil(code_label.isVisible)
    voucher = benefits.list_orders(db, people.clerk).rows
    assert len(voucher) == 1
    code = voucher[0].code
    assert code_label.text() == format_code(code)

    # Print the slip: Enter on the done page; the PDF is saved where the file dialog says.
    target = tmp_path / "slip.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    saved = open_dialog(qtbot, "slip_saved")
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
    click(qtbot, saved, "open_pdf")
    assert [url.toLocalFile() for url in opened] == [str(target)]
    if need("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert format_code(code) in text and "精致洗车" in text
    click(qtbot, dialog, "close")

    vouchers = child(tab, "vouchers", QTableWidget)
    qtbot.waitUntil(lambda: vouchers.rowCount() == 1)
    qtbot.waitUntil(lambda: "available 1,200 points" in summary_of(tab).text())
    assert table_rows(vouchers)[0][:6] == [
        format_code(code), "精致洗车", "800", "Not used", "2026-03-01", "2026-05-29",
    ]  # fmt: skip
    assert "Redeemed 精致洗车" in child(view, "message", QLabel).text()

    # Written off at another dealer, once.
    write_off_at_another_dealer(qtbot, db, people, code)
    qtbot.waitUntil(lambda: table_rows(vouchers)[0][3] == "Written off")
    assert table_rows(vouchers)[0][6] == "2026-03-01 · 上海浦东服务中心"
    choose(qtbot, vouchers, 0)
    assert not child(tab, "cancel_voucher", QPushButton).isEnabled()
    assert not child(tab, "print_slip", QPushButton).isEnabled()
    qtbot.keyClick(vouchers, Qt.Key.Key_Return)  # Enter shows the voucher
    detail = open_dialog(qtbot, "voucher_detail")
    used = lambda: detail.findChild(QLabel, "voucher_used")  # noqa: E731
    qtbot.waitUntil(lambda: used() is not None)
    assert used().text().endswith("by clerk2 · 上海浦东服务中心")
    assert child(detail, "voucher_code", QLabel).text() == format_code(code)
    qtbot.keyClick(detail, Qt.Key.Key_Escape)

    # A second voucher, cancelled: its points come back.
    benefits.redeem(db, people.clerk, RedeemInput(member, wash.id))
    qtbot.waitUntil(lambda: vouchers.rowCount() == 2)
    qtbot.waitUntil(lambda: "available 400 points" in summary_of(tab).text())
    choose(qtbot, vouchers, 0)  # newest first
    click(qtbot, tab, "cancel_voucher")
    cancel = open_dialog(qtbot, "cancel_voucher_dialog")
    assert "800 points go back to the member" in cancel.findChild(QLabel).text()
    ok = child(cancel, "ok", QPushButton)
    assert not ok.isEnabled()  # a reason is required
    type_into(qtbot, cancel, "reason", "Member changed their mind")
    qtbot.waitUntil(ok.isEnabled)
    click(qtbot, cancel, "ok")
    qtbot.waitUntil(lambda: table_rows(vouchers)[0][3] == "Cancelled")
    qtbot.waitUntil(lambda: "available 1,200 points" in summary_of(tab).text())
    assert "cancelled; 800 points returned" in child(view, "message", QLabel).text()
    assert benefits.get_item(db, people.admin, wash.id).stock == 4  # one used, one back


def test_without_the_right_to_redeem_the_button_is_not_offered(qtbot, db, people, open_window):
    approver = second_admin(db, people)
    listed(db, people, approver)
    register(db, people.clerk)
    view, tab = open_benefits_tab(qtbot, open_window(Role.AUDITOR))
    offers = child(tab, "offers", QTableWidget)
    qtbot.waitUntil(lambda: offers.rowCount() > 0)
    assert table_rows(offers)[-1][6] == "Needs 800 points; the member has 0."
    assert not child(tab, "redeem", QPushButton).isVisible()
    assert not child(tab, "cancel_voucher", QPushButton).isVisible()


def test_a_refusal_at_confirm_time_is_said_in_words(qtbot, db, people, open_window):
    """The last one went while the dialog was open: the service refuses, the dialog says
    why and stays, and nothing was taken."""
    approver = second_admin(db, people)
    wash = listed(db, people, approver, stock=1)
    member = register(db, people.clerk).id
    give_points(db, member, 2_000)
    view, tab = open_benefits_tab(qtbot, open_window(Role.CLERK))
    offers = child(tab, "offers", QTableWidget)
    qtbot.waitUntil(lambda: offers.rowCount() > 0 and table_rows(offers)[0][0] == "精致洗车")
    redeem = child(tab, "redeem", QPushButton)
    assert redeem.isEnabled()  # the first offer is chosen to start with
    assert QKeySequence.mnemonic(redeem.text()) == QKeySequence("Alt+R")  # the accelerator
    redeem.setFocus()
    qtbot.keyClick(redeem, Qt.Key.Key_Space)
    dialog = open_dialog(qtbot, "redeem_dialog")
    benefits.change_stock(db, people.admin, wash, -1, "盘点")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "Out of stock."
    assert child(dialog, "confirm", QPushButton).isEnabled()  # another try is possible
    assert benefits.list_orders(db, people.clerk).total == 0
    qtbot.waitUntil(lambda: table_rows(offers)[-1][6] == "Out of stock.")
