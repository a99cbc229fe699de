"""Per-machine preferences (database URL, language, window layout) in QSettings.

The database URL is saved without its password: that goes to the operating system's
credential store (app/credentials.py), or, where there is none, is asked at each start.
An installer for all users presets the URL in the system-wide file (QSettings falls back to
it: %PROGRAMDATA%\\LoyaltyDesk\\LoyaltyDesk.ini on Windows); a user's own choice wins.
"""

from PySide6.QtCore import QSettings

DB_URL = "database/url"
ASK_PASSWORD = "database/ask_password"  # no credential store: ask for the password each start
LANGUAGE = "ui/language"  # "system", "zh_CN" or "en"
GEOMETRY = "ui/main_window_geometry"


def settings() -> QSettings:
    # INI files everywhere: readable, and tests can redirect them with QSettings.setPath.
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LoyaltyDesk", "LoyaltyDesk"
    )


def flag(key: str) -> bool:
    """A yes/no setting (INI files give back the text "true" or "false")."""
    return str(settings().value(key, "false")).lower() == "true"
