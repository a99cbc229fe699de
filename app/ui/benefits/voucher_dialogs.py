"""A voucher's dialogs at the counter: its details, cancelling it (with a reason: points and
stock go back) and saving its slip (权益兑换券) as a PDF, then opening it or its folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import format_code
from app.domain.roles import Actor
from app.services import benefits
from app.services.benefits import VoucherRow
from app.services.benefits.slips import voucher_slip
from app.services.shared.database import Database
from app.ui.benefits.common import discount_text
from app.ui.benefits.labels import channel_name, voucher_status_name
from app.ui.shared.action_dialog import ActionDialog, warn_missing_glyphs
from app.ui.shared.errors import message_for, show_error
from app.ui.shared.i18n import format_date, format_datetime, format_int, format_yuan
from app.ui.shared.worker import run_in_background


def code_font(point_size: int) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


def slip_language() -> str:
    """The slip's language: Chinese when the app runs in Chinese, else English."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def points_text(points: int) -> str:
    if points == 0:
        return QCoreApplication.translate("VoucherDialogs", "Free")
    return format_int(points)


# --- the slip -----------------------------------------------------------------------------------


class SlipSavedBox(QMessageBox):
    """Saved: open the PDF, open its folder, or close. Not modal: the counter goes on."""

    def __init__(self, parent: QWidget, path: Path):
        super().__init__(parent)
        self.setObjectName("slip_saved")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Voucher slip"))
        self.setText(self.tr("The slip was saved:\n{path}").format(path=path))
        self.path = path
        self.open_pdf = self.addButton(self.tr("Open PDF"), QMessageBox.ButtonRole.AcceptRole)
        self.open_pdf.setObjectName("open_pdf")
        self.open_folder = self.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        self.open_folder.setObjectName("open_folder")
        close = self.addButton(QMessageBox.StandardButton.Close)
        close.setObjectName("close")
        self.setDefaultButton(self.open_pdf)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button) -> None:
        if button is self.open_pdf:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        elif button is self.open_folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))


def save_slip(
    parent: QWidget, db: Database, actor: Actor, voucher_id: int, code: str,
    saved: Callable[[Path], None] | None = None,
) -> None:  # fmt: skip
    """Ask where to save the voucher's slip (named after its code), write it in a worker and
    offer to open it."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = QCoreApplication.translate("VoucherDialogs", "voucher-{code}.pdf").format(
        code=format_code(code)
    )
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("VoucherDialogs", "Save the voucher slip"),
        str(Path(folder) / name),
        "PDF (*.pdf)",
    )
    if not chosen:
        return
    path, language = Path(chosen), slip_language()

    def done(written: Path) -> None:
        if saved is not None:
            saved(written)
        SlipSavedBox(parent, written).open()
        warn_missing_glyphs(parent, written)  # rare characters no font has, if any

    run_in_background(
        lambda: voucher_slip(db, actor, voucher_id, path, language),
        done,
        lambda exc: show_error(parent, exc),
        owner=parent,
    )


# --- cancelling ---------------------------------------------------------------------------------


class CancelVoucherDialog(ActionDialog):
    """Cancel an unused voucher with a reason; the member gets the points back and the item
    goes back into stock."""

    def __init__(
        self, parent: QWidget, db: Database, actor: Actor, voucher_id: int, code: str, points: int
    ):
        super().__init__(
            parent,
            "cancel_voucher_dialog",
            self.tr("Cancel voucher {code}").format(code=format_code(code)),
            (self.tr("The voucher becomes void and can no longer be written off. "
                     "{points} points go back to the member and the item goes back into stock.")
             if points else
             self.tr("The voucher becomes void and can no longer be written off. "
                     "It cost no points; the item goes back into stock.")
             ).format(points=format_int(points)),
            self.tr("Cancel voucher"),
        )  # fmt: skip
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.add_row(self.tr("Reason"), self.reason, "reason")
        self.require(lambda: bool(self.reason.text().strip()), self.reason.textChanged)

        def work():
            note = self.reason.text()
            return lambda: benefits.cancel_voucher(db, actor, voucher_id, note)

        self.work = work
        self.reason.setFocus()


# --- details ------------------------------------------------------------------------------------


class VoucherDetailDialog(QDialog):
    """Everything about one voucher, loaded in a worker; Esc closes it."""

    def __init__(self, parent: QWidget, db: Database, actor: Actor, voucher_id: int):
        super().__init__(parent)
        self.setObjectName("voucher_detail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Voucher"))
        self.setMinimumWidth(480)
        self.code = QLabel(self.tr("Loading…"))
        self.code.setObjectName("voucher_code")
        self.code.setFont(code_font(18))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.code)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        run_in_background(
            lambda: benefits.get_voucher(db, actor, voucher_id), self._show, self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        self.code.setText(message_for(exc))

    def _show(self, v: VoucherRow) -> None:
        self.code.setText(format_code(v.code))
        for key, caption, text in self._rows(v):
            if not text:
                continue
            value = QLabel(text)
            value.setObjectName(f"voucher_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(caption, value)

    def _rows(self, v: VoucherRow) -> list[tuple[str, str, str]]:
        by = self.tr("{time} by {user}")
        used = by.format(time=format_datetime(v.used_at), user=v.used_by) if v.used_at else ""
        if used and v.used_dealer:
            used += f" · {v.used_dealer}"
        closed = (
            by.format(time=format_datetime(v.closed_at), user=v.closed_by) if v.closed_at else ""
        )
        if closed and v.close_note:
            closed += f" · {v.close_note}"
        issued = by.format(time=format_datetime(v.issued_at), user=v.issued_by)
        return [
            ("benefit", self.tr("Benefit"), v.benefit_name),
            ("channel", self.tr("Type"), channel_name(v.channel)),
            ("status", self.tr("Status"), voucher_status_name(v.status)),
            ("value", self.tr("Value"), format_yuan(v.face_value_fen) if v.face_value_fen else ""),
            ("discount", self.tr("Discount"),
             discount_text(v.discount_permille) if v.discount_permille else ""),
            ("points", self.tr("Points"), points_text(v.points)),
            ("member", self.tr("Member"), f"{v.member_number} {v.member_name}"),
            ("issued", self.tr("Issued"), f"{issued} · {v.issued_dealer or '—'}"),
            ("expires", self.tr("Valid until"), format_date(v.expires_on)),
            ("honoured", self.tr("Honoured at"),
             "、".join(v.honoured_by) if v.honoured_by else self.tr("All dealers")),
            ("used", self.tr("Written off"), used),
            ("closed", self.tr("Cancelled"), closed),
        ]  # fmt: skip
