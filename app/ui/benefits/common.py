"""What the benefit tabs share: a read-only list (model and view), the text of a matrix cell,
and telling the user where a file went, with a button that opens its folder."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.benefits import Entitlement, QuotaPeriod
from app.ui.shared.i18n import format_int, format_yuan

UNSET_BACKGROUND = "#fff3cd"
UNSET_TEXT = "#664d03"
MUTED = "#777777"
ERROR_COLOUR = "#b00020"
OK_COLOUR = "#1b7a3a"


def _decimal(value: Decimal) -> str:
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def discount_text(permille: int) -> str:
    """900 (pay 90%) → "10% off"; in Chinese "9折": Chinese names the share paid, English
    the share taken off, so the figure itself differs (as in the matrix PDF)."""
    if QLocale().language() == QLocale.Language.Chinese:  # the language installed
        return f"{_decimal(Decimal(permille) / 100)}折"
    percent = _decimal(Decimal(1000 - permille) / 10)
    return QCoreApplication.translate("BenefitMatrix", "{percent}% off").format(percent=percent)


def quantity_text(cell: Entitlement) -> str:
    if cell.quantity is None:
        return QCoreApplication.translate("BenefitMatrix", "Not set")
    if cell.quantity == 0:
        return QCoreApplication.translate("BenefitMatrix", "Not included")
    if cell.period == QuotaPeriod.YEAR:
        text = QCoreApplication.translate("BenefitMatrix", "{n}× per year")
    else:
        text = QCoreApplication.translate("BenefitMatrix", "{n}× per validity period")
    return text.format(n=format_int(cell.quantity))


def cell_text(cell: Entitlement) -> str:
    """ "2× per validity period · ¥200.00", "1× per year · 10% off", "Not set"."""
    parts = [quantity_text(cell)]
    if cell.quantity:
        if cell.value_fen is not None:
            parts.append(format_yuan(cell.value_fen))
        if cell.discount_permille is not None:
            parts.append(discount_text(cell.discount_permille))
    return " · ".join(parts)


def open_folder(path: str | Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def offer_folder(parent: QWidget, title: str, text: str, path: str | Path) -> QMessageBox:
    """An information box saying where the file went, with "Open folder" (named for tests)."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("file_saved")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    folder = box.addButton(
        QCoreApplication.translate("BenefitFiles", "Open folder"),
        QMessageBox.ButtonRole.ActionRole,
    )
    folder.setObjectName("open_folder")
    close = box.addButton(QMessageBox.StandardButton.Close)
    close.setObjectName("close")
    box.setDefaultButton(close)
    folder.clicked.connect(lambda: open_folder(path))
    box.open()
    return box
