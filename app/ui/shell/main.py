"""``loyalty-desk``: start-up (database, first admin, sign-in) and the main window.

The sign-in window is on screen before the database libraries load. SQLAlchemy, Alembic,
the models and the services were most of a cold start, so they are imported by the worker
that opens the database, and this module (like the sign-in dialog) imports them only
inside functions that run after that.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from app import __version__, credentials
from app.bundled import icon_file
from app.config import demo_db_path, resolve_db_url, sqlite_url
from app.ui.shared import prefs
from app.ui.shared.errors import install_excepthook, message_for, setup_logging
from app.ui.shared.i18n import chosen_language, install_translators
from app.ui.shared.worker import GuiThreadGarbageCollector, run_in_background, run_with_progress
from app.ui.shell.login import ChangePasswordDialog, FirstAdminDialog, SignInDialog

# Start-up time: the sign-in window is on screen sooner without what it does not show (the
# roles, dataclasses, message boxes and input dialogs are imported where they are used).
if TYPE_CHECKING:
    from app.domain.roles import Actor, Role
    from app.services.settings import ProgrammeSettings
    from app.services.shared.database import Database
    from app.ui.shell.main_window import MainWindow

DEMO_MEMBERS = 2_000
# What the window must not wait for (bench/startup.py and the tests check it stays so).
DATABASE_MODULES = ("sqlalchemy", "alembic", "app.db", "app.services.shared.database")
# What waits for a window to be on screen checks this often, and runs after the wait anyway.
ON_SCREEN_POLL_MS = 10
ON_SCREEN_WAIT_S = 0.5


class Opened(NamedTuple):
    db: Database
    needs_first_admin: bool
    demo_accounts: list[tuple[str, Role]]  # a demo database's sign-ins, else empty
    demo_password: str
    password_moved: bool  # the saved URL's password went to the credential store


def _open(url: str, saved_with_password: bool) -> Opened:
    """In a worker: load the database libraries and open (and upgrade) the database."""
    from app.services import demo
    from app.services.shared.database import open_database
    from app.services.staff import auth

    db = open_database(credentials.fill_password(url))
    moved = saved_with_password and _move_password_to_store(url)
    accounts = demo.demo_sign_ins() if db.is_demo() else []
    return Opened(db, auth.needs_first_admin(db), accounts, demo.DEMO_PASSWORD, moved)


def _move_password_to_store(url: str) -> bool:
    """Settings written by older versions held the password; it belongs in the store."""
    try:
        credentials.save_password(url)
    except credentials.NoCredentialStore:
        return False
    return True


def when_on_screen(window: QWidget | None, work: Callable[[], None]) -> None:
    """Call ``work`` once ``window`` is on screen, or after ON_SCREEN_WAIT_S regardless (say,
    a window started minimized). Started earlier, the database worker's imports and the log
    file's set-up hold the first paint back: the worker competes with the GUI thread for
    the interpreter. Qt paints a window as it is exposed, so exposed means painted. Polled,
    because a Python event filter or paintEvent override would itself cost PySide
    milliseconds of type set-up before the first paint."""
    handle = window.windowHandle() if window is not None else None
    waited = 0.0

    def check() -> None:
        nonlocal waited
        waited += ON_SCREEN_POLL_MS / 1000
        if isValid(handle) and not handle.isExposed() and waited < ON_SCREEN_WAIT_S:
            QTimer.singleShot(ON_SCREEN_POLL_MS, check)
        else:
            work()

    if handle is None:
        QTimer.singleShot(0, work)
    else:
        QTimer.singleShot(ON_SCREEN_POLL_MS, check)


class AppController(QObject):
    """Walks through start-up: the sign-in window at once, the database opened meanwhile,
    set up or sign in, then the main window."""

    def __init__(self, url: str, build_demo: bool = False, saved: bool = False):
        super().__init__()
        self.url, self.build_demo = url, build_demo
        self.saved = saved  # the URL came from the settings file (not --db or the environment)
        self.ask_password = (
            saved and prefs.flag(prefs.ASK_PASSWORD) and not credentials.split_password(url)[1]
        )
        self.opened: Opened | None = None
        self.window: MainWindow | None = None
        self.dialog = None  # the dialog currently shown (kept referenced)

    def start(self) -> None:
        if self.build_demo and not demo_db_path().exists():
            self._build_demo()
        elif self.ask_password:
            self._ask_password()
        else:
            self._open_database()

    def _build_demo(self) -> None:
        def build(progress):
            from app.services import demo
            from app.services.shared.database import open_database

            db = open_database(self.url)
            try:
                demo.build_demo(db, DEMO_MEMBERS, progress=progress)
            finally:
                db.close()

        self.dialog = run_with_progress(
            None,
            self.tr("Building the demo database…"),
            build,
            lambda _: self._open_database(),
            self._open_failed,
            cancellable=False,
        )

    def _ask_password(self) -> None:
        """No credential store on this computer: the password is asked at each start."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        dialog = QInputDialog()
        dialog.setObjectName("password_prompt")
        dialog.setWindowTitle(self.tr("Loyalty Desk"))
        dialog.setLabelText(
            self.tr(
                "Password for {url}\n(this computer has no password store, so it is not saved)"
            ).format(url=credentials.split_password(self.url)[0])
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)

        def given(password: str) -> None:
            self.url = credentials.with_password(self.url, password)
            self.ask_password = False
            self._open_database()

        dialog.textValueSelected.connect(given)
        dialog.rejected.connect(QApplication.quit)
        self.dialog = dialog
        dialog.open()

    def _open_database(self) -> None:
        sign_in = self._sign_in_dialog()
        url = self.url
        saved_with_password = self.saved and bool(credentials.split_password(url)[1])

        def opened(result: Opened) -> None:
            self.opened = result
            if result.password_moved:
                prefs.settings().setValue(prefs.DB_URL, credentials.split_password(url)[0])
            if result.needs_first_admin:
                sign_in.close()
                self._first_admin()
            else:
                sign_in.database_ready(result.db, result.demo_accounts, result.demo_password)

        def failed(exc: BaseException) -> None:
            sign_in.close()
            self._open_failed(exc)

        # After the window is up: the worker's imports compete with it for the interpreter.
        when_on_screen(
            sign_in,
            lambda: run_in_background(lambda: _open(url, saved_with_password), opened, failed),
        )

    def _open_failed(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Loyalty Desk"), message_for(exc))
        box.setObjectName("open_failed")
        change = box.addButton(self.tr("Change connection…"), QMessageBox.ButtonRole.AcceptRole)
        retry = box.addButton(self.tr("Retry"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)

        def chosen(_button) -> None:
            clicked = box.clickedButton()
            if clicked is change:
                self.change_connection()
            elif clicked is retry:
                self._open_database()
            else:
                QApplication.quit()

        box.buttonClicked.connect(chosen)
        self.dialog = box
        box.open()

    def change_connection(self) -> None:
        from app.ui.settings.connection_dialog import ConnectionDialog

        dialog = ConnectionDialog(self.url)
        dialog.setObjectName("connection_dialog")

        def accepted() -> None:
            self.url, self.saved = dialog.chosen_url, False
            self._close_database()
            self._open_database()

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(self.show_sign_in if self.opened else QApplication.quit)
        self.dialog = dialog
        dialog.open()

    def _close_database(self) -> None:
        if self.opened:
            self.opened.db.close()
            self.opened = None

    def _first_admin(self) -> None:
        dialog = FirstAdminDialog(self.opened.db)
        dialog.setObjectName("first_admin")
        dialog.created.connect(self._signed_in)
        dialog.rejected.connect(QApplication.quit)
        self.dialog = dialog
        dialog.open()

    def _sign_in_dialog(self) -> SignInDialog:
        dialog = SignInDialog()
        dialog.setObjectName("sign_in")
        dialog.signed_in.connect(self._signed_in)
        dialog.change_connection.connect(self.change_connection)
        dialog.rejected.connect(lambda: None if self._changing(dialog) else QApplication.quit())
        self.dialog = dialog
        dialog.open()
        return dialog

    def show_sign_in(self) -> None:
        """Sign in again (after signing out) to the database already open."""
        dialog = self._sign_in_dialog()
        opened = self.opened
        dialog.database_ready(opened.db, opened.demo_accounts, opened.demo_password)

    def _changing(self, dialog: SignInDialog) -> bool:
        return self.dialog is not dialog  # the sign-in was replaced by the connection dialog

    def _signed_in(self, actor: Actor) -> None:
        from app.services.settings import get_settings

        if actor.must_change_password:
            dialog = ChangePasswordDialog(self.opened.db, actor, forced=True)
            dialog.setObjectName("change_password")
            dialog.changed.connect(self._signed_in)
            dialog.rejected.connect(self.show_sign_in)
            self.dialog = dialog
            dialog.open()
            return
        db = self.opened.db
        run_in_background(
            lambda: get_settings(db), lambda s: self._show_main(actor, s), self._open_failed
        )

    def _show_main(self, actor: Actor, programme: ProgrammeSettings) -> None:
        from app.ui.shell.main_window import MainWindow

        self.dialog = None
        demo_mode = bool(self.opened.demo_accounts)
        self.window = MainWindow(self.opened.db, actor, programme, demo_mode)
        self.window.signed_out.connect(self.show_sign_in)
        self.window.show()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="loyalty-desk", description="Loyalty Desk")
    parser.add_argument("--version", action="version", version=f"loyalty-desk {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument(
        "--demo", action="store_true", help="open (and on first use build) the demo database"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language for this run")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (database on a temporary copy, window offscreen, "
        "translations, fonts), print what was checked and exit; non-zero if anything failed",
    )
    # bench/startup.py: once the first window is up, print the database modules loaded by
    # then and quit (the bench times it from outside, interpreter start included).
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed to check
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Loyalty Desk")
    app.setOrganizationName("LoyaltyDesk")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_file())))
    app.setQuitOnLastWindowClosed(False)  # dialogs come and go between the steps
    install_excepthook()
    app.garbage_collector = GuiThreadGarbageCollector(parent=app)
    install_translators(args.lang or chosen_language())
    saved_url = prefs.settings().value(prefs.DB_URL)
    if args.demo and not args.db:
        url = sqlite_url(demo_db_path())
    else:
        url = resolve_db_url(args.db, saved_url)
    if args.self_test:
        from app.ui.shell.self_test import run_self_test

        setup_logging()
        return run_self_test(url)
    saved = bool(saved_url) and url == saved_url
    controller = AppController(url, build_demo=args.demo and not args.db, saved=saved)
    controller.start()
    when_on_screen(controller.dialog, setup_logging)  # first thing once the window is up
    if args.startup_probe:
        return _report_startup(app)
    return app.exec()


def _report_startup(app: QApplication) -> int:
    """The first window is shown: let it paint, as bench/startup.py's bare window does."""
    import json

    loaded = [name for name in DATABASE_MODULES if name in sys.modules]
    app.processEvents()
    print(json.dumps({"shown": True, "database_modules_loaded": loaded}), flush=True)
    os._exit(0)  # at once: the worker opening the database may be half-way through an import


if __name__ == "__main__":
    sys.exit(main())
