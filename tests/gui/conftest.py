"""GUI fixtures: real widgets on the offscreen platform, per-test QSettings, English text."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QApplication

from app.config import sqlite_url
from app.domain.roles import Role
from app.services.shared.database import open_database
from app.ui.shared.i18n import install_translators
from app.ui.shared.worker import GuiThreadGarbageCollector

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _gui_thread_garbage_collection(qapp):
    """As in the app: cycles are collected on the GUI thread only (see the worker module)."""
    collector = GuiThreadGarbageCollector(parent=qapp)
    yield
    collector.timer.stop()
    collector.deleteLater()
    QThreadPool.globalInstance().waitForDone(10_000)  # no worker may outlive the test
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path, qapp):
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    install_translators("en")
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


@pytest.fixture
def sqlite_db(tmp_path, clock, sqlite_template):
    import shutil

    path = tmp_path / "gui.sqlite3"
    shutil.copy(sqlite_template, path)
    db = open_database(sqlite_url(path), clock=clock)
    yield db
    db.close()


@pytest.fixture
def db(sqlite_db):
    """GUI flows run on SQLite; the services below them are tested on both databases."""
    return sqlite_db


@pytest.fixture
def open_window(qtbot, db, people):
    """A main window for a role, shown and active (the offscreen platform has no window
    manager to activate it)."""
    from app.services import settings as programme
    from app.ui.shell.main_window import MainWindow

    windows = []  # kept alive until the test ends

    def make(role: Role) -> MainWindow:
        window = MainWindow(db, people.by_role(role), programme.get_settings(db), demo_mode=False)
        window._signing_out = True  # closing in teardown must not quit the test's QApplication
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    return make
