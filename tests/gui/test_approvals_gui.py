"""Approvals through real widgets: a clerk requests an adjustment at the counter, a supervisor
of another dealer cannot decide it, the supervisor of the clerk's dealer approves it from the
detail pane, and a requester cancels another request."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget

from app.domain.roles import Role
from app.services import approvals, points, settings, staff
from app.services.approvals import RequestFilter
from app.services.points.adjustments import AdjustmentInput, request_adjustment
from app.services.staff import auth
from app.ui.shell.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.gui.helpers import child, click, click_nav, nav_titles, open_dialog, type_into
from tests.gui.test_members_gui import register
from tests.gui.test_points_gui import open_points_tab


def approvals_page(qtbot, window):
    click_nav(qtbot, window, "Approvals")
    page = window.page("approvals")
    return page, child(page, "requests", QTableWidget)


def choose(qtbot, table: QTableWidget, row: int) -> None:
    """Click the row, as a supervisor would."""
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def other_dealers_supervisor(qtbot, db, people):
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    row = staff.UserInput("sup.sha", "Supervisor SHA", Role.SUPERVISOR, other.id)
    staff.save_user(db, people.admin, row, initial_password="Temp-pass-1")
    actor = auth.change_password(
        db, auth.sign_in(db, "sup.sha", "Temp-pass-1"), "Temp-pass-1", PASSWORD
    )
    window = MainWindow(db, actor, settings.get_settings(db), demo_mode=False)
    window._signing_out = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_clerks_request_is_decided_by_the_supervisor_of_the_dealer(
    qtbot, db, people, open_window
):
    ref = register(db, people.clerk)
    view, summary = open_points_tab(qtbot, open_window(Role.CLERK))
    click(qtbot, view, "request_adjustment")
    dialog = open_dialog(qtbot, "adjustment_dialog")
    ok = child(dialog, "ok", QPushButton)
    amount = child(dialog, "amount", QSpinBox)
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "200")
    assert not ok.isEnabled()  # the note is required
    type_into(qtbot, dialog, "note", "Late repair, goodwill")
    type_into(qtbot, dialog, "reference", "RO-9")
    qtbot.waitUntil(ok.isEnabled)
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: "a supervisor will decide" in child(view, "message", QLabel).text())
    assert "Available: 0 points" in summary.text()  # nothing posted yet
    view.close()

    stranger = other_dealers_supervisor(qtbot, db, people)
    page, table = approvals_page(qtbot, stranger)
    qtbot.waitUntil(lambda: child(page, "list_status", QLabel).text() == "No requests match.")
    assert table.rowCount() == 0  # another dealer's request is not even listed
    assert "Approvals" in nav_titles(stranger)  # and no count: nothing for them to decide

    window = open_window(Role.SUPERVISOR)
    qtbot.waitUntil(lambda: "Approvals  (1)" in nav_titles(window))
    page, table = approvals_page(qtbot, window)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    assert table.item(0, 4).text() == "+200 Points · Complaint"  # the first reason
    assert table.isColumnHidden(6)  # dealer staff see only their own dealer's requests
    choose(qtbot, table, 0)
    detail = child(page, "request_detail")
    balance = child(detail, "balance", QLabel)
    qtbot.waitUntil(lambda: "after approval: 200" in balance.text())
    assert "Points now: 0" in balance.text()
    assert "Reference: RO-9" in child(detail, "detail_heading", QLabel).text()
    assert not child(detail, "reject", QPushButton).isEnabled()  # a rejection needs a note
    type_into(qtbot, detail, "decision_note", "checked the repair order")
    click(qtbot, detail, "approve")
    qtbot.waitUntil(lambda: "Approved" in child(page, "message", QLabel).text())
    qtbot.waitUntil(lambda: table.rowCount() == 0)  # the pending queue is empty now
    qtbot.waitUntil(lambda: "Approvals" in nav_titles(window))
    assert points.account_summary(db, people.clerk, ref.id).balance == 200
    decided = approvals.list_requests(db, people.admin, RequestFilter(status="approved"))[0]
    assert (decided.decided_by, decided.decision_note) == ("supervisor", "checked the repair order")

    page, table = approvals_page(qtbot, open_window(Role.ADMIN))
    assert table.horizontalHeaderItem(6).text() == "Dealer"
    assert not table.isColumnHidden(6)  # headquarters sees every dealer's


def test_a_requester_cancels_their_own_request_and_cannot_approve_it(
    qtbot, db, people, open_window
):
    ref = register(db, people.clerk)
    for amount in (50, 70):
        request_adjustment(
            db, people.supervisor, AdjustmentInput(ref.id, amount, "goodwill", "mine")
        )
    window = open_window(Role.SUPERVISOR)
    page, table = approvals_page(qtbot, window)
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    choose(qtbot, table, 0)
    detail = child(page, "request_detail")
    qtbot.waitUntil(lambda: child(detail, "cancel_request", QPushButton).isVisible())
    assert not child(detail, "approve", QPushButton).isEnabled()  # nobody decides their own
    type_into(qtbot, detail, "decision_note", "asked twice by mistake")
    click(qtbot, detail, "cancel_request")
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    status = child(page, "status_filter", QComboBox)
    status.setCurrentIndex(status.findData("cancelled"))
    qtbot.waitUntil(lambda: table.rowCount() == 1 and table.item(0, 7).text() == "Cancelled")
    assert approvals.pending_count(db, people.admin) == 1  # the other one still waits
    left = approvals.list_requests(db, people.admin)
    assert [r.payload["amount"] for r in left] == [50]
    assert child(page, "requester_filter", QLineEdit).placeholderText()
