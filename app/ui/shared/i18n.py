"""Translations and locale-aware formatting of dates, numbers and yuan amounts."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTranslator

from app.bundled import i18n_dir
from app.ui.shared import prefs

I18N_DIR = i18n_dir()
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []


def chosen_language() -> str:
    """The saved choice, or Chinese on a Chinese system and English elsewhere."""
    saved = prefs.settings().value(prefs.LANGUAGE, "system")
    if saved in LANGUAGES:
        return saved
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(language: str) -> None:
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = (
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if language == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    QLocale.setDefault(locale)
    if language == "en":
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for directory, name in ((I18N_DIR, "loyalty"), (qt_dir, "qtbase")):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", str(directory)):
            app.installTranslator(translator)
            _installed.append(translator)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# One date format on every screen, the one the date fields take (2026-03-01): it reads the
# same in Chinese and English, and a date typed is shown back as it was typed.
DISPLAY_DATE = "yyyy-MM-dd"


def format_datetime(value: datetime | None) -> str:
    """A UTC timestamp shown in this computer's local time: 2026-03-01 10:00."""
    if value is None:
        return ""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp())).toLocalTime()
    return qdt.toString(f"{DISPLAY_DATE} HH:mm")


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QDate(value.year, value.month, value.day).toString(DISPLAY_DATE)


def format_int(value: int) -> str:
    return QLocale().toString(value)


def format_yuan(fen: int) -> str:
    """Exact: integer fen formatted without passing through a float."""
    locale = QLocale()
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{locale.toString(yuan)}{locale.decimalPoint()}{cents:02d}"


def display_text(value: object) -> str:
    """A table cell's text: dates, times and counts in the one format every screen uses
    (2026-03-01, 2026-03-01 10:00, 12,800), whatever the locale's own short format is;
    text as it is; None as nothing."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value)
    return str(value)
