"""The main window through real widgets: navigation per role, admin pages, settings, audit, lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QTableWidget

from app.domain.roles import Role
from app.services import settings as programme
from app.services import staff
from app.ui.shared import prefs
from tests.conftest import PASSWORD, PG_ADMIN_URL
from tests.gui.helpers import child, click, click_nav, nav_titles, type_into, wait_for

ALL_AREAS = [
    "Members",
    "Points",
    "Approvals",
    "Tiers",
    "Benefits",
    "Partners",
    "Campaigns",
    "Reports",
    "Dealers",
    "Staff users",
    "Audit trail",
    "Settings",
]


def test_admin_sees_every_area_and_unbuilt_ones_say_so(qtbot, open_window):
    window = open_window(Role.ADMIN)
    assert nav_titles(window) == ALL_AREAS
    for title in ["Campaigns"]:
        click_nav(qtbot, window, title)
        page = window.pages.currentWidget()
        assert child(page, "not_built", QLabel).text().startswith("This area is not built yet.")
    for title, name in [
        ("Members", "page_members"),
        ("Points", "page_points"),
        ("Approvals", "page_approvals"),
        ("Tiers", "page_tiers"),
        ("Benefits", "page_benefits"),
        ("Partners", "page_partners"),
        ("Reports", "page_reports"),
        ("Dealers", "page_dealers"),
        ("Staff users", "page_users"),
        ("Audit trail", "page_audit"),
        ("Settings", "page_settings"),
    ]:
        click_nav(qtbot, window, title)
        assert window.pages.currentWidget().objectName() == name


@pytest.mark.parametrize(
    "role, hidden",
    [
        (
            Role.CLERK,
            {"Approvals", "Campaigns", "Reports", "Staff users", "Audit trail"},
        ),
        (Role.SUPERVISOR, {"Audit trail"}),
        (Role.AUDITOR, {"Approvals"}),
    ],
)
def test_navigation_follows_the_role(open_window, role, hidden):
    window = open_window(role)
    assert set(ALL_AREAS) - set(nav_titles(window)) == hidden


def test_approvals_badge(open_window):
    window = open_window(Role.SUPERVISOR)
    window.set_pending_approvals(3)
    assert "Approvals  (3)" in nav_titles(window)


def test_partners_badge_counts_overdue_complaints(qtbot, db, people, clock, open_window):
    from datetime import timedelta

    from app.db.models import Partner
    from app.services.partners import complaints, registry
    from tests.partner_support import partner_input

    partner_id = registry.create_partner(db, people.admin, partner_input(1)).id
    with db.uow() as uow:  # an active partner (its approvals are not the point here)
        uow.session.get(Partner, partner_id).status = "active"
        uow.commit()
    received = clock.now - timedelta(hours=25)  # the plan was due an hour ago
    data = complaints.ComplaintInput(partner_id, "member", "体检报告延误", received)
    complaints.record_complaint(db, people.clerk, data)
    window = open_window(Role.CLERK)
    qtbot.waitUntil(lambda: "Partners  (1)" in nav_titles(window))


def test_admin_creates_and_edits_a_dealer(qtbot, db, people, open_window):
    window = open_window(Role.ADMIN)
    click_nav(qtbot, window, "Dealers")
    page = window.pages.currentWidget()
    table = child(page, "table", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 1)
    type_into(qtbot, page, "code", "bad code!")
    type_into(qtbot, page, "name", "上海浦东服务中心")
    click(qtbot, page, "save")
    error = child(page, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "dealer code" in error.text()
    assert window.focusWidget() is child(page, "code")  # focus moves to the faulty field

    type_into(qtbot, page, "code", "sha01")
    type_into(qtbot, page, "region", "华东")
    type_into(qtbot, page, "province", "上海市")
    type_into(qtbot, page, "city", "上海市")
    click(qtbot, page, "save")
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    assert [d.code for d in staff.list_dealers(db, people.admin)] == ["BJA01", "SHA01"]

    table.selectRow(1)
    assert child(page, "code").text() == "SHA01"
    type_into(qtbot, page, "name", "上海浦东中心")
    click(qtbot, page, "save")
    qtbot.waitUntil(lambda: staff.list_dealers(db, people.admin)[1].name == "上海浦东中心")


def test_supervisor_sees_dealers_read_only(qtbot, open_window):
    window = open_window(Role.SUPERVISOR)
    click_nav(qtbot, window, "Dealers")
    page = window.pages.currentWidget()
    assert not page.form_box.isVisible()


def test_admin_creates_a_user_with_a_one_time_password(qtbot, db, people, open_window):
    window = open_window(Role.ADMIN)
    click_nav(qtbot, window, "Staff users")
    page = window.pages.currentWidget()
    table = child(page, "table", QTableWidget)
    qtbot.waitUntil(lambda: table.rowCount() == 4)
    dealer_box = child(page, "dealer", QComboBox)
    qtbot.waitUntil(lambda: dealer_box.count() == 2)
    type_into(qtbot, page, "username", "clerk2")
    type_into(qtbot, page, "display_name", "王芳")
    child(page, "role", QComboBox).setCurrentIndex(0)  # Clerk
    type_into(qtbot, page, "password", "First-pass-1")
    click(qtbot, page, "save")
    error = child(page, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "belong to a dealer" in error.text()
    dealer_box.setCurrentIndex(1)
    click(qtbot, page, "save")
    qtbot.waitUntil(lambda: table.rowCount() == 5)
    from app.services.staff import auth

    assert auth.sign_in(db, "clerk2", "First-pass-1").must_change_password


def test_settings_test_connection_and_save(qtbot, open_window):
    window = open_window(Role.CLERK)
    click_nav(qtbot, window, "Settings")
    page = window.pages.currentWidget()
    assert not child(page, "save_programme").isEnabled()  # programme settings: admins only
    click(qtbot, page, "change_connection")
    dialog = wait_for(qtbot, "connection_dialog")
    click(qtbot, dialog, "shared")
    type_into(qtbot, dialog, "host", "127.0.0.1")
    port = child(dialog, "port")
    port.selectAll()
    qtbot.keyClicks(port, "9")
    type_into(qtbot, dialog, "database", "postgres")
    type_into(qtbot, dialog, "user", "postgres")
    click(qtbot, dialog, "test")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible(), timeout=15_000)
    assert "Cannot open the database PostgreSQL 127.0.0.1:9/postgres" in error.text()

    port.selectAll()
    qtbot.keyClicks(port, str(_pg_port()))
    click(qtbot, dialog, "test")
    result = child(dialog, "result", QLabel)
    qtbot.waitUntil(
        lambda: (
            result.text().startswith(("Connected", ""))
            and not error.isVisible()
            and child(dialog, "test").isEnabled()
        ),
        timeout=15_000,
    )
    if not result.text().startswith("Connected: PostgreSQL"):
        pytest.skip(f"no PostgreSQL at {PG_ADMIN_URL}: {error.text()}")
    click(qtbot, dialog, "save")
    saved = prefs.settings().value(prefs.DB_URL)
    assert saved == f"postgresql+psycopg://postgres@127.0.0.1:{_pg_port()}/postgres"


def _pg_port() -> int:
    from urllib.parse import urlsplit

    return urlsplit(PG_ADMIN_URL.replace("+psycopg", "")).port or 5432


def test_admin_changes_programme_settings(qtbot, db, open_window):
    window = open_window(Role.ADMIN)
    click_nav(qtbot, window, "Settings")
    page = window.pages.currentWidget()
    qtbot.waitUntil(lambda: child(page, "timezone").text() == "Asia/Shanghai")
    type_into(qtbot, page, "timezone", "Mars/Olympus")
    click(qtbot, page, "save_programme")
    error = child(page, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "Unknown time zone" in error.text()
    type_into(qtbot, page, "timezone", "Asia/Urumqi")
    click(qtbot, page, "save_programme")
    qtbot.waitUntil(lambda: child(page, "saved", QLabel).text() == "Saved.")
    assert programme.get_settings(db).timezone == "Asia/Urumqi"


def test_language_choice_is_saved_for_this_computer(qtbot, open_window):
    window = open_window(Role.CLERK)
    click_nav(qtbot, window, "Settings")
    combo = child(window.pages.currentWidget(), "language", QComboBox)
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert prefs.settings().value(prefs.LANGUAGE) == "zh_CN"


def test_audit_viewer_lists_and_filters(qtbot, db, people, open_window):
    window = open_window(Role.AUDITOR)
    click_nav(qtbot, window, "Audit trail")
    page = window.pages.currentWidget()
    table = child(page, "audit_table", QTableView)
    qtbot.waitUntil(lambda: table.model().rowCount() > 5)
    entity = child(page, "entity_filter", QComboBox)
    entity.setCurrentIndex(entity.findData("dealer"))
    click(qtbot, page, "apply")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert table.model().index(0, 2).data() == "Dealer"
    assert table.model().index(0, 4).data() == "Created"
    assert table.model().index(0, 1).data() == "admin"
    table.selectRow(0)
    assert "BJA01" in child(page, "detail").toPlainText()
    click(qtbot, page, "verify")
    status = child(page, "status", QLabel)
    qtbot.waitUntil(lambda: "intact" in status.text())


def test_idle_lock_asks_for_the_password(qtbot, open_window):
    window = open_window(Role.CLERK)
    window.idle.set_interval_ms(100)
    dialog = wait_for(qtbot, "unlock_dialog")
    assert not window.centralWidget().isVisible()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc does not get past the lock
    assert dialog.isVisible()
    type_into(qtbot, dialog, "password", "wrong-pass-1")
    click(qtbot, dialog, "ok")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    type_into(qtbot, dialog, "password", PASSWORD)
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: window.centralWidget().isVisible())
    assert not dialog.isVisible()


def test_keyboard_activity_postpones_the_lock(qtbot, open_window):
    window = open_window(Role.CLERK)
    window.idle.set_interval_ms(400)
    for _ in range(6):
        qtbot.wait(100)
        qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window._lock_dialog is None
    qtbot.waitUntil(lambda: window._lock_dialog is not None)
