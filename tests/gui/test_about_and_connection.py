"""Help → About shows what support asks for; a PostgreSQL password goes to the credential
store (or, with none, is asked at each start) and never into the settings file."""

from __future__ import annotations

from pathlib import Path

import keyring
from PySide6.QtWidgets import QLabel, QLineEdit

from app import __version__
from app.config import log_path
from app.db import migrate
from app.domain.roles import Role
from app.ui.settings.connection_dialog import ConnectionDialog
from app.ui.shared import prefs
from app.ui.shell.main import AppController
from tests.gui.helpers import child, click, type_into, wait_for
from tests.test_credentials import MemoryKeyring

PG = "postgresql+psycopg://clerk@db.example:5432/loyalty"


def test_about_shows_version_schema_database_and_log_folder(qtbot, db, open_window, tmp_path):
    window = open_window(Role.CLERK)
    window.menuBar().actions()[-1].menu().actions()[0].trigger()  # Help → About
    dialog = wait_for(qtbot, "about_dialog")
    assert child(dialog, "version", QLabel).text() == __version__
    schema = child(dialog, "schema", QLabel)
    qtbot.waitUntil(lambda: schema.text() == migrate.head_revision())
    assert child(dialog, "database", QLabel).text() == db.description
    assert child(dialog, "log_folder", QLabel).text() == str(log_path().parent)
    dialog.grab().save(str(tmp_path / "about.png"))  # renders offscreen without errors
    assert (tmp_path / "about.png").stat().st_size > 0


def _fill_pg_form(qtbot, dialog, password: str) -> None:
    click(qtbot, dialog, "shared")
    type_into(qtbot, dialog, "host", "db.example")
    type_into(qtbot, dialog, "database", "loyalty")
    type_into(qtbot, dialog, "user", "clerk")
    type_into(qtbot, dialog, "password", password)


def test_saved_password_goes_to_the_credential_store(qtbot, tmp_path):
    store = MemoryKeyring()
    keyring.set_keyring(store)
    dialog = ConnectionDialog(f"sqlite+pysqlite:///{tmp_path / 'x.sqlite3'}")
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "no_password_store") is None
    _fill_pg_form(qtbot, dialog, "Secret-1")
    click(qtbot, dialog, "save")
    assert prefs.settings().value(prefs.DB_URL) == PG  # no password in the file
    assert not prefs.flag(prefs.ASK_PASSWORD)
    assert store.saved == {("LoyaltyDesk", PG): "Secret-1"}
    assert dialog.chosen_url == PG.replace("clerk@", "clerk:Secret-1@")
    assert "Secret-1" not in Path(prefs.settings().fileName()).read_text()

    again = ConnectionDialog(PG)  # opened later: the password comes from the store
    qtbot.addWidget(again)
    assert child(again, "password", QLineEdit).text() == "Secret-1"


def test_without_a_store_the_password_is_not_saved_and_asked_at_start(qtbot, tmp_path):
    dialog = ConnectionDialog(f"sqlite+pysqlite:///{tmp_path / 'x.sqlite3'}")
    qtbot.addWidget(dialog)
    dialog.show()
    assert child(dialog, "no_password_store", QLabel).isVisible()
    _fill_pg_form(qtbot, dialog, "Secret-1")
    click(qtbot, dialog, "save")
    assert prefs.settings().value(prefs.DB_URL) == PG
    assert prefs.flag(prefs.ASK_PASSWORD)
    assert "Secret-1" not in Path(prefs.settings().fileName()).read_text()

    controller = AppController(PG, saved=True)
    controller.start()
    prompt = wait_for(qtbot, "password_prompt")
    assert "no password store" in prompt.labelText()
    prompt.setTextValue("Secret-1")
    prompt.accept()
    assert controller.url == PG.replace("clerk@", "clerk:Secret-1@")
    sign_in = wait_for(qtbot, "sign_in")  # then the usual start: sign-in, database opening
    wait_for(qtbot, "open_failed", timeout=30_000)  # db.example is not a real server
    assert not sign_in.isVisible()
