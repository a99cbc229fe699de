"""``loyalty-desk --self-test``: does this installation work? For IT after installing, and for
CI on the wheel and the PyInstaller bundle.

Each check prints one line; the exit code is 0 when all passed and 1 otherwise, the last line
naming what failed. The database is never changed: an SQLite file is checked on a temporary
copy, a PostgreSQL database only connected to (see services.shared.database).
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from app import __version__
from app.bundled import i18n_dir, icon_file
from app.config import log_path
from app.domain.roles import Actor, Role

translate = QCoreApplication.translate


def _translations() -> str:
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    ours, qt = QTranslator(), QTranslator()
    if not ours.load(chinese, "loyalty", "_", str(i18n_dir())):
        raise RuntimeError(
            translate("SelfTest", "loyalty_zh_CN.qm not found in {folder}").format(
                folder=i18n_dir()
            )
        )
    if ours.translate("MainWindow", "Members") in ("", "Members"):
        raise RuntimeError(
            translate("SelfTest", "loyalty_zh_CN.qm does not translate the navigation")
        )
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not qt.load(chinese, "qtbase", "_", qt_folder):
        raise RuntimeError(
            translate(
                "SelfTest", "Qt's own Chinese (qtbase_zh_CN.qm) not found in {folder}"
            ).format(folder=qt_folder)
        )
    return translate("SelfTest", "Chinese for Loyalty Desk and for Qt's own dialogs")


def _fonts() -> str:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not families:
        raise RuntimeError(translate("SelfTest", "no font for Chinese text is installed"))
    return translate("SelfTest", "{count} font families for Chinese text, e.g. {family}").format(
        count=len(families), family=families[0]
    )


def _icon() -> str:
    if QIcon(str(icon_file())).isNull():
        raise RuntimeError(
            translate("SelfTest", "the application icon {path} does not load").format(
                path=icon_file()
            )
        )
    return str(icon_file())


def _postgresql_driver() -> str:
    from app.services.shared.database import postgresql_driver

    return postgresql_driver()


class _DatabaseCheck:
    """Opens the database to check (and later the main window on it); closes it at the end."""

    def __init__(self, url: str, folder: Path):
        self.url, self.folder, self.db = url, folder, None

    def open(self) -> str:
        from app.services.shared.database import open_for_self_test, schema_revision

        self.db, how, where = open_for_self_test(self.url, self.folder)
        revision = schema_revision(self.db)
        return {
            "copy": translate("SelfTest", "{where}: a copy upgraded to schema {revision}"),
            "new": translate(
                "SelfTest",
                "{where} does not exist yet: a new database created at schema {revision}",
            ),
            "checked": translate(
                "SelfTest",
                "{where}: connected, schema not newer than this version; migrations ran on a "
                "temporary database to schema {revision}",
            ),
        }[how].format(where=where, revision=revision)

    def main_window(self) -> str:
        from app.services.settings import get_settings
        from app.ui.shell.main_window import MainWindow

        if self.db is None:
            raise RuntimeError(translate("SelfTest", "skipped: no database"))
        actor = Actor(0, "self-test", "Self-test", Role.AUDITOR)
        window = MainWindow(self.db, actor, get_settings(self.db), demo_mode=False)
        window._signing_out = True  # closing it must not quit the application
        window.show()
        QApplication.processEvents()
        title = window.windowTitle()
        window.close()
        QThreadPool.globalInstance().waitForDone(30_000)  # pages load in workers
        return title

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def run_self_test(url: str) -> int:
    out = _console()
    out.write(f"Loyalty Desk {__version__} self-test ({sys.executable})\n")
    with tempfile.TemporaryDirectory(prefix="loyalty-self-test-") as folder:
        database = _DatabaseCheck(url, Path(folder))
        checks: list[tuple[str, Callable[[], str]]] = [
            (translate("SelfTest", "translations"), _translations),
            (translate("SelfTest", "fonts"), _fonts),
            (translate("SelfTest", "icon"), _icon),
            (translate("SelfTest", "PostgreSQL driver"), _postgresql_driver),
            (translate("SelfTest", "database and migrations"), database.open),
            (translate("SelfTest", "main window"), database.main_window),
        ]
        try:
            failed = [name for name, check in checks if not _run(out, name, check)]
        finally:
            database.close()
    out.write(translate("SelfTest", "log folder: {folder}").format(folder=log_path().parent) + "\n")
    if failed:
        out.write(
            translate("SelfTest", "self-test FAILED: {names}").format(names=", ".join(failed))
            + "\n"
        )
    else:
        out.write(translate("SelfTest", "self-test passed") + "\n")
    out.flush()
    return 1 if failed else 0


def _run(out, name: str, check: Callable[[], str]) -> bool:
    try:
        detail = check()
    except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check
        out.write(f"FAILED  {name}: {type(exc).__name__}: {exc}\n")
        return False
    out.write(f"ok      {name}: {detail}\n")
    return True


def _console():
    """Where to print. The Windows bundle is a windowed program without a console of its own:
    it borrows the one it was started from (cmd, PowerShell), if any."""
    if sys.stdout is not None:
        return sys.stdout
    if os.name == "nt":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            return open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - open until exit
    return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the exit code still tells
