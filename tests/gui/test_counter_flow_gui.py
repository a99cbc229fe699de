"""The counter in three keystrokes, through real widgets and real keys: Ctrl+F from anywhere,
the mobile, Enter opens the member; F2 records a service, F3 uses points (confirmed, with a
receipt to sign), F4 goes to the benefits; the header card on every tab; the entries table
one row per posting; lists that are empty say so; the sign-in dialog keeps its shape."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTabWidget,
)

from app.domain.roles import Role
from app.services import points
from app.services.points import ServiceInput
from tests.gui.helpers import child, click_nav, open_dialog, table_rows, type_text, visible
from tests.gui.test_members_gui import members_page, register

MOBILE = "13800138000"


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed wherever the focus is in ``window``."""
    qtbot.keyClick(window.focusWidget() or window, key, modifier)


def earn(db, people, member_id: int, yuan: int, document: str = "RO-1") -> None:
    points.record_service(
        db, people.clerk, ServiceInput(member_id, None, document, db.clock().date(), yuan * 100)
    )


def find_and_open(qtbot, window, text: str):
    """Ctrl+F, the text, Enter: the member view, loaded and active."""
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.page("members")
    assert window.pages.currentWidget() is page and window.focusWidget() is page.search
    type_text(qtbot, page.search, text)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    view = open_dialog(qtbot, "member_view")
    qtbot.waitUntil(lambda: child(view, "record_service", QPushButton).isEnabled())
    return page, view


def test_find_by_mobile_and_record_a_service_without_the_mouse(qtbot, db, people, open_window):
    ref = register(db, people.clerk, mobile=MOBILE)
    register(db, people.clerk, name="李四", mobile="13900000001")
    window = open_window(Role.CLERK)
    members_page(qtbot, window)
    click_nav(qtbot, window, "Points")  # somewhere else in the window
    window.activateWindow()
    page, view = find_and_open(qtbot, window, MOBILE)
    header = child(view, "member_header")
    assert ref.member_number in child(header, "header", QLabel).text()
    assert "(worth ¥0.00)" in child(header, "header_points", QLabel).text()
    assert "F2" in child(view, "record_service", QPushButton).text()

    press(qtbot, view, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, "record_service_dialog")
    assert dialog.focusWidget().objectName() == "document_no"
    type_text(qtbot, dialog.focusWidget(), "RO-1280")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget().objectName() == "amount"
    type_text(qtbot, dialog.focusWidget(), "¥1,280")
    press(qtbot, dialog, Qt.Key.Key_Return)  # before the preview arrived: posts once shown
    qtbot.waitUntil(lambda: visible("record_service_dialog") is None)

    orders = points.list_service_orders(db, people.clerk, ref.id)
    assert [(o.document_no, o.amount_fen, o.points) for o in orders] == [("RO-1280", 128_000, 1)]
    points_label = child(header, "header_points", QLabel)
    qtbot.waitUntil(lambda: "(worth ¥0.10)" in points_label.text())  # 1 point, 10 per yuan
    assert "1</span>" in points_label.text()
    assert "1 points expire on 2027-12-31" in child(header, "header_expiry", QLabel).text()
    assert child(view, "message", QLabel).text() == "Recorded: 1 points."

    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    press(qtbot, view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # the next customer
    qtbot.waitUntil(lambda: visible("member_view") is None)
    assert window.focusWidget() is page.search
    assert page.search.selectedText() == MOBILE


def test_enter_opens_the_first_of_several_and_the_arrows_move(qtbot, db, people, open_window):
    register(db, people.clerk, name="张三", mobile="13800138000")
    second = register(db, people.clerk, name="张四", mobile="13800138001")
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    count = child(page, "result_count", QLabel)
    qtbot.waitUntil(lambda: count.text() == "2 members")
    page, view = find_and_open(qtbot, window, "张")
    assert view.detail.name == "张三"  # the first one
    view.close()

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # into the list
    assert window.focusWidget() is page.table and page.table.currentIndex().row() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # through it
    assert page.table.currentIndex().row() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = open_dialog(qtbot, "member_view")
    qtbot.waitUntil(lambda: view.detail is not None)
    assert view.detail.member_number == second.member_number
    view.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.table, Qt.Key.Key_Up)  # past the first row: back in the search box
    assert window.focusWidget() is page.search


def test_an_empty_search_says_so_and_counts_nothing(qtbot, db, people, open_window):
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    empty = child(page, "results_empty", QLabel)
    qtbot.waitUntil(lambda: empty.isVisible() and "No members yet" in empty.text())
    register(db, people.clerk)
    type_text(qtbot, page.search, "13912345678")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # nothing found: nothing opens
    qtbot.waitUntil(lambda: "No member matches “13912345678”" in empty.text())
    assert empty.isVisible() and visible("member_view") is None
    qtbot.waitUntil(lambda: child(page, "result_count", QLabel).text() == "0 members")


def test_use_points_asks_to_confirm_and_prints_the_receipt(
    qtbot, db, people, open_window, tmp_path, monkeypatch
):
    ref = register(db, people.clerk, mobile=MOBILE)
    earn(db, people, ref.id, 50_000)  # 50 points
    window = open_window(Role.CLERK)
    members_page(qtbot, window)
    _page, view = find_and_open(qtbot, window, ref.member_number)
    press(qtbot, view, Qt.Key.Key_F3)
    dialog = open_dialog(qtbot, "use_points_dialog")
    assert dialog.focusWidget() is child(dialog, "points", QSpinBox)
    qtbot.waitUntil(lambda: child(dialog, "value", QLabel).text() == "¥0.00")  # the rate
    type_text(qtbot, dialog.focusWidget(), "30")
    assert child(dialog, "value", QLabel).text() == "¥3.00"
    press(qtbot, dialog, Qt.Key.Key_Tab)  # Against: labour
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.focusWidget(), "ro-2")
    press(qtbot, dialog, Qt.Key.Key_Return)

    confirmation = child(dialog, "confirmation", QLabel)
    assert confirmation.isVisible()
    text = confirmation.text()
    assert "Deduct <b>30</b> points worth <b>¥3.00</b> (Against labour)" in text
    assert "repair order <b>RO-2</b>" in text and "Balance after: <b>20</b> points" in text
    assert child(dialog, "cancel", QPushButton).text() == "Back"
    assert points.account_summary(db, people.clerk, ref.id).available == 50  # not yet
    press(qtbot, dialog, Qt.Key.Key_Escape)  # Back to the form, nothing deducted
    assert not confirmation.isVisible() and dialog.isVisible()
    assert child(dialog, "points", QSpinBox).isEnabled()
    click_ok = child(dialog, "ok", QPushButton)
    qtbot.mouseClick(click_ok, Qt.MouseButton.LeftButton)
    assert confirmation.isVisible()
    press(qtbot, dialog, Qt.Key.Key_Return)  # confirmed
    qtbot.waitUntil(lambda: click_ok.text() == "Print receipt…")
    assert "Deducted 30 points (¥3.00)." in confirmation.text()
    assert points.account_summary(db, people.clerk, ref.id).available == 20
    header_points = child(view, "header_points", QLabel)
    qtbot.waitUntil(lambda: "(worth ¥2.00)" in header_points.text())

    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF"))
    )
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Receipt saved" in confirmation.text())
    assert target.exists()
    tool = shutil.which("pdftotext")
    if tool is not None:
        out = subprocess.run([tool, str(target), "-"], capture_output=True, text=True).stdout
        words = " ".join(out.split())
        for expected in ("Points deduction receipt", "RO-2", "Labour", "¥3.00", "Clerk"):
            assert expected in words, expected
        assert "Balance after 20 points" in words
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert visible("use_points_dialog") is None


def test_a_service_that_earns_nothing_says_so_before_posting(qtbot, db, people, open_window):
    ref = register(db, people.clerk, mobile=MOBILE)
    window = open_window(Role.CLERK)
    members_page(qtbot, window)
    _page, view = find_and_open(qtbot, window, MOBILE)
    press(qtbot, view, Qt.Key.Key_F2)
    dialog = open_dialog(qtbot, "record_service_dialog")
    type_text(qtbot, dialog.focusWidget(), "RO-500")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.focusWidget(), "500")
    preview = child(dialog, "preview", QLabel)
    qtbot.waitUntil(
        lambda: "Under the current rule this service earns no points." in preview.text()
    )
    assert child(dialog, "ok", QPushButton).isEnabled()  # it may still be recorded
    press(qtbot, dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visible("record_service_dialog") is None)
    message = child(view, "message", QLabel)
    qtbot.waitUntil(lambda: "it earns no points" in message.text())
    assert points.list_service_orders(db, people.clerk, ref.id)[0].points == 0


def test_the_entries_table_shows_one_row_per_posting(qtbot, db, people, open_window):
    ref = register(db, people.clerk, mobile=MOBILE)
    earn(db, people, ref.id, 12_345)
    points.use_points(db, people.clerk, points.UsePointsInput(ref.id, 5, "parts", "RO-9"))
    window = open_window(Role.CLERK)
    members_page(qtbot, window)
    _page, view = find_and_open(qtbot, window, MOBILE)
    tabs = child(view, "tabs", QTabWidget)
    tabs.setCurrentIndex(2)
    entries = child(view, "entries", QTableWidget)
    qtbot.waitUntil(lambda: entries.rowCount() == 2)
    headers = [entries.horizontalHeaderItem(c).text() for c in range(entries.columnCount())]
    assert headers[3:5] == ["Points", "Qualifying points"]
    rows = table_rows(entries)
    assert [r[1:5] for r in rows] == [
        ["Used", "Against parts", "-5", ""],
        ["Earned", "Service", "+12", "+12"],
    ]
    assert {r[7] for r in rows} == {"Clerk"}  # the display name, not the login name
    assert not child(view, "entries_empty", QLabel).isVisible()
    widths = [entries.columnWidth(c) for c in range(entries.columnCount())]
    assert widths[8] >= max(widths[:8])  # the note takes the rest
    for column in range(8):  # the others fit their content
        assert widths[column] >= entries.horizontalHeader().sectionSizeHint(column) - 1


def test_a_new_member_s_lists_say_they_are_empty(qtbot, db, people, open_window):
    register(db, people.clerk, mobile=MOBILE)
    window = open_window(Role.CLERK)
    members_page(qtbot, window)
    _page, view = find_and_open(qtbot, window, MOBILE)
    tabs = child(view, "tabs", QTabWidget)
    tabs.setCurrentIndex(2)
    note = child(view, "entries_empty", QLabel)
    qtbot.waitUntil(note.isVisible)
    assert note.text() == "No points have been earned or used yet."
    tables = child(view, "points_tables", QTabWidget)
    for index, name, words in (
        (1, "lots_empty", "nothing can expire"),
        (2, "documents_empty", "No repair orders or invoices"),
    ):
        tables.setCurrentIndex(index)
        label = child(view, name, QLabel)
        assert label.isVisible() and words in label.text()
    tabs.setCurrentIndex(1)
    assert "No vehicles are registered" in child(view, "vehicles_empty", QLabel).text()
    assert child(view, "vehicles_empty", QLabel).isVisible()
    assert "No points due to expire" in child(view, "header_expiry", QLabel).text()


def test_f4_goes_to_the_benefits_with_the_first_offer_chosen(qtbot, db, people, open_window):
    register(db, people.clerk, mobile=MOBILE)
    window = open_window(Role.CLERK)
    members_page(qtbot, window)
    _page, view = find_and_open(qtbot, window, MOBILE)
    tier = child(view, "header_tier", QLabel)
    qtbot.waitUntil(lambda: tier.isVisible() and bool(tier.text()))
    offers = child(view, "offers", QTableWidget)
    press(qtbot, view, Qt.Key.Key_F4)  # the button's shortcut: it shows itself pressed first
    tabs = child(view, "tabs", QTabWidget)
    qtbot.waitUntil(lambda: tabs.currentWidget() is child(view, "benefits_tab"))
    assert view.focusWidget() is offers
    qtbot.waitUntil(lambda: offers.rowCount() > 0)
    qtbot.waitUntil(lambda: offers.currentRow() == 0 or bool(offers.selectedIndexes()))


@pytest.mark.parametrize("demo", [False, True])
def test_a_wrong_password_does_not_squeeze_the_sign_in_dialog(qtbot, db, people, demo):
    from app.domain.roles import Role as R
    from app.ui.shell.login import SignInDialog

    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.database_ready(db, [("clerk", R.CLERK), ("admin", R.ADMIN)] if demo else [], "x")
    dialog.show()
    qtbot.waitExposed(dialog)
    heights = {w.objectName(): w.height() for w in (dialog.username, dialog.password)}
    size = dialog.size()
    type_text(qtbot, dialog.username, "clerk")
    type_text(qtbot, dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert dialog.size() == size
    assert {w.objectName(): w.height() for w in (dialog.username, dialog.password)} == heights
    if demo:
        table = child(dialog, "demo_table", QTableWidget)
        assert table.height() == table.minimumHeight()  # every account still shown
