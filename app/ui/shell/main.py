"""``loyalty-desk``: start-up (database, first admin, sign-in) and the main window."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app import __version__
from app.config import demo_db_path, resolve_db_url, sqlite_url
from app.domain.roles import Actor
from app.services import demo
from app.services.settings import ProgrammeSettings, get_settings
from app.services.shared.database import Database, open_database
from app.services.staff import auth
from app.ui.settings.connection_dialog import ConnectionDialog
from app.ui.shared import prefs
from app.ui.shared.errors import install_excepthook, message_for, setup_logging
from app.ui.shared.i18n import chosen_language, install_translators
from app.ui.shared.worker import GuiThreadGarbageCollector, run_in_background, run_with_progress
from app.ui.shell.login import ChangePasswordDialog, FirstAdminDialog, SignInDialog
from app.ui.shell.main_window import MainWindow

DEMO_MEMBERS = 2_000


@dataclass(frozen=True)
class Opened:
    db: Database
    needs_first_admin: bool
    demo_mode: bool


def _open(url: str) -> Opened:
    db = open_database(url)
    return Opened(db, auth.needs_first_admin(db), db.is_demo())


class AppController(QObject):
    """Walks through start-up: open the database, set up or sign in, then the main window."""

    def __init__(self, url: str, build_demo: bool = False):
        super().__init__()
        self.url, self.build_demo = url, build_demo
        self.opened: Opened | None = None
        self.window: MainWindow | None = None
        self.dialog = None  # the dialog currently shown (kept referenced)

    def start(self) -> None:
        if self.build_demo and not demo_db_path().exists():
            self._build_demo()
        else:
            self._open_database()

    def _build_demo(self) -> None:
        def build(progress):
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

    def _open_database(self) -> None:
        busy = QProgressDialog(self.tr("Opening the database…"), None, 0, 0)
        busy.setObjectName("opening")
        busy.setMinimumDuration(300)
        self.dialog = busy
        url = self.url

        def opened(result: Opened) -> None:
            busy.close()
            self.opened = result
            self._first_admin() if result.needs_first_admin else self.show_sign_in()

        def failed(exc: BaseException) -> None:
            busy.close()
            self._open_failed(exc)

        run_in_background(lambda: _open(url), opened, failed)

    def _open_failed(self, exc: BaseException) -> None:
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
        dialog = ConnectionDialog(self.url)
        dialog.setObjectName("connection_dialog")

        def accepted() -> None:
            self.url = dialog.chosen_url
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

    def show_sign_in(self) -> None:
        dialog = SignInDialog(self.opened.db, self.opened.demo_mode)
        dialog.setObjectName("sign_in")
        dialog.signed_in.connect(self._signed_in)
        dialog.change_connection.connect(self.change_connection)
        dialog.rejected.connect(lambda: None if self._changing(dialog) else QApplication.quit())
        self.dialog = dialog
        dialog.open()

    def _changing(self, dialog: SignInDialog) -> bool:
        return self.dialog is not dialog  # the sign-in was replaced by the connection dialog

    def _signed_in(self, actor: Actor) -> None:
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
        self.dialog = None
        self.window = MainWindow(self.opened.db, actor, programme, self.opened.demo_mode)
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
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Loyalty Desk")
    app.setOrganizationName("LoyaltyDesk")
    app.setQuitOnLastWindowClosed(False)  # dialogs come and go between the steps
    setup_logging()
    install_excepthook()
    app.garbage_collector = GuiThreadGarbageCollector(parent=app)
    install_translators(args.lang or chosen_language())
    if args.demo and not args.db:
        url = sqlite_url(demo_db_path())
    else:
        url = resolve_db_url(args.db, prefs.settings().value(prefs.DB_URL))
    controller = AppController(url, build_demo=args.demo and not args.db)
    controller.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
