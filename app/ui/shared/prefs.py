"""Per-machine preferences (database URL, language, window layout) in QSettings."""

from PySide6.QtCore import QSettings

DB_URL = "database/url"
LANGUAGE = "ui/language"  # "system", "zh_CN" or "en"
GEOMETRY = "ui/main_window_geometry"


def settings() -> QSettings:
    # INI files everywhere: readable, and tests can redirect them with QSettings.setPath.
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "LoyaltyDesk", "LoyaltyDesk"
    )
