"""Start-up through real widgets: first admin, sign-in (good, wrong, locked), forced change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTableWidget

from app.config import sqlite_url
from app.services import staff
from app.services.shared.database import open_database
from app.services.staff import auth
from app.ui.shell.main import AppController
from tests.conftest import PASSWORD
from tests.gui.helpers import child, click, type_into, visible, wait_for


@pytest.fixture
def start(qtbot):
    controllers = []

    def start_app(url: str) -> AppController:
        controller = AppController(url)
        controller.start()
        controllers.append(controller)
        return controller

    yield start_app
    for controller in controllers:
        if controller.window:
            controller.window._signing_out = True
            controller.window.close()
        if controller.opened:
            controller.opened.db.close()


def sign_in(qtbot, username: str, password: str):
    dialog = wait_for(qtbot, "sign_in")
    type_into(qtbot, dialog, "username", username)
    type_into(qtbot, dialog, "password", password)
    click(qtbot, dialog, "ok")
    return dialog


def test_first_start_creates_the_admin_then_opens_the_main_window(qtbot, tmp_path, start):
    controller = start(sqlite_url(tmp_path / "new.sqlite3"))
    dialog = wait_for(qtbot, "first_admin")
    type_into(qtbot, dialog, "username", "boss")
    type_into(qtbot, dialog, "display_name", "Head Office")
    type_into(qtbot, dialog, "password", "Strong-pass-1")
    type_into(qtbot, dialog, "repeat", "Strong-pass-2")
    click(qtbot, dialog, "ok")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "differ" in error.text()

    type_into(qtbot, dialog, "password", "short")
    type_into(qtbot, dialog, "repeat", "short")
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: "at least 8" in error.text())

    type_into(qtbot, dialog, "password", "Strong-pass-1")
    type_into(qtbot, dialog, "repeat", "Strong-pass-1")
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    status = child(controller.window, "status_user", QLabel).text()
    assert "Head Office (boss)" in status
    assert "Administrator" in child(controller.window, "status_role", QLabel).text()
    assert "Headquarters" in child(controller.window, "status_dealer", QLabel).text()
    assert "new.sqlite3" in child(controller.window, "status_database", QLabel).text()
    assert not auth.needs_first_admin(controller.opened.db)


def test_sign_in_good_wrong_and_locked(qtbot, db, people, start):
    controller = start(db.url)
    dialog = sign_in(qtbot, "clerk", "wrong-pass-1")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    assert error.text() == "Wrong user name or password."
    assert child(dialog, "password").text() == ""  # cleared for the next try

    for _ in range(4):
        sign_in(qtbot, "clerk", "wrong-pass-1")
        qtbot.waitUntil(lambda: child(dialog, "ok").isEnabled())
    assert "locked" in error.text() and "15 minutes" in error.text()

    sign_in(qtbot, "clerk", PASSWORD)  # even the right password, while locked
    qtbot.waitUntil(lambda: child(dialog, "ok").isEnabled())
    assert "locked" in error.text()
    assert controller.window is None

    sign_in(qtbot, "supervisor", PASSWORD)
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    assert "Supervisor" in child(controller.window, "status_role", QLabel).text()
    assert "北京东区服务中心" in child(controller.window, "status_dealer", QLabel).text()


def test_reset_password_forces_a_change_at_sign_in(qtbot, db, people, start):
    staff.reset_password(db, people.admin, people.clerk.user_id, "Temp-pass-2")
    controller = start(db.url)
    sign_in(qtbot, "clerk", "Temp-pass-2")
    dialog = wait_for(qtbot, "change_password")
    type_into(qtbot, dialog, "current_password", "Temp-pass-2")
    type_into(qtbot, dialog, "new_password", "Own-pass-33")
    type_into(qtbot, dialog, "repeat", "Own-pass-33")
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    assert auth.sign_in(db, "clerk", "Own-pass-33").must_change_password is False


def test_demo_database_shows_banner_and_demo_accounts(qtbot, tmp_path, start):
    from app.services import demo

    url = sqlite_url(tmp_path / "demo.sqlite3")
    seeded = open_database(url)
    demo.build_demo(seeded, members=20)
    seeded.close()
    controller = start(url)
    dialog = wait_for(qtbot, "sign_in")  # at once; the accounts once the database is open
    qtbot.waitUntil(lambda: dialog.findChild(QTableWidget, "demo_table") is not None)
    table = child(dialog, "demo_table")
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "admin",
        "auditor",
        "sup.bja01",
        "clerk.bja01",
    ]
    rect = table.visualItemRect(table.item(3, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert child(dialog, "username").text() == "clerk.bja01"
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    banner = child(controller.window, "demo_banner", QLabel)
    assert banner.isVisible() and "DEMO" in banner.text()


def test_plain_database_has_no_demo_banner(qtbot, db, people, start):
    controller = start(db.url)
    dialog = sign_in(qtbot, "admin", PASSWORD)
    assert dialog.findChild(QLabel, "demo_table") is None
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible())
    assert controller.window.findChild(QLabel, "demo_banner") is None


def test_unreachable_database_offers_to_change_the_connection(qtbot, start, tmp_path):
    start("postgresql+psycopg://nobody@127.0.0.1:9/loyalty")
    box = wait_for(qtbot, "open_failed")
    assert isinstance(box, QMessageBox)
    assert "Cannot open the database PostgreSQL 127.0.0.1:9/loyalty" in box.text()
    change = next(b for b in box.buttons() if b.text() == "Change connection…")
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    dialog = wait_for(qtbot, "connection_dialog")
    assert child(dialog, "port").value() == 9
    click(qtbot, dialog, "embedded")
    type_into(qtbot, dialog, "sqlite_path", str(tmp_path / "local.sqlite3"))
    click(qtbot, dialog, "save")
    wait_for(qtbot, "first_admin")
    assert visible("open_failed") is None


def test_start_up_work_waits_until_the_window_is_on_screen(qtbot):
    """The database worker and the log set-up start once the first window has painted."""
    from PySide6.QtWidgets import QWidget

    from app.ui.shell.main import when_on_screen

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    handle = window.windowHandle()
    ran = []
    when_on_screen(window, lambda: ran.append(handle.isExposed()))
    assert ran == []  # not before the event loop has shown the window
    qtbot.waitUntil(lambda: bool(ran), timeout=5_000)
    assert ran == [True]


def test_start_up_work_runs_anyway_when_the_window_never_shows(qtbot):
    from PySide6.QtWidgets import QWidget

    from app.ui.shell.main import when_on_screen

    hidden = QWidget()
    qtbot.addWidget(hidden)
    hidden.winId()  # a native window that is never exposed
    ran = []
    when_on_screen(hidden, lambda: ran.append("hidden"))
    when_on_screen(None, lambda: ran.append("no window"))
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=5_000)
    assert ran == ["no window", "hidden"]
