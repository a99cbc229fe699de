"""Small dialogs and tables shared by the member view and the points screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.ui.members.labels import error_text
from app.ui.shared.widgets import ErrorLabel
from app.ui.shared.worker import run_in_background


class ActionDialog(QDialog):
    """A small form for one member action: OK runs it in a worker, errors stay in the dialog.

    ``work`` runs on the GUI thread when OK is pressed: it reads the fields and returns the
    callable for the worker, or None when the input is not ready (it then says why).
    """

    done = Signal()
    succeeded = Signal(object)  # the worker's result

    def __init__(
        self,
        parent: QWidget,
        object_name: str,
        title: str,
        explanation: str,
        ok_text: str,
    ):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.work: Callable[[], Callable[[], object] | None] = lambda: None
        self.show_failure: Callable[[BaseException], None] = self._show_failure
        self._conditions: list[Callable[[], bool]] = []
        text = QLabel(explanation)
        text.setWordWrap(True)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(ok_text)
        self.ok.setObjectName("ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_row(self, label: str, widget: QWidget, object_name: str) -> None:
        widget.setObjectName(object_name)
        self.form.addRow(label, widget)

    def require(self, condition: Callable[[], bool], signal) -> None:
        """OK stays disabled until every required condition holds."""
        self._conditions.append(condition)
        signal.connect(self._update_ok)
        self._update_ok()

    def _update_ok(self, *_args) -> None:
        self.ok.setEnabled(all(condition() for condition in self._conditions))

    def _submit(self) -> None:
        self.error.clear_message()
        job = self.work()
        if job is None:
            return
        self.ok.setEnabled(False)
        run_in_background(job, self._succeeded, self._failed)

    def _succeeded(self, result) -> None:
        self.done.emit()
        self.succeeded.emit(result)
        warn_missing_glyphs(self.parentWidget(), result)  # a PDF (the statement) lacking some
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._update_ok()
        self.show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        self.error.show_message(error_text(exc))


def warn_missing_glyphs(parent: QWidget | None, result: object) -> QMessageBox | None:
    """When ``result`` is a PDF written with characters no installed font has (the PDF
    writers' ``missing_glyphs``: printed as □ and named in the PDF's footer), say which in
    a warning box (not waited for); else nothing."""
    chars = getattr(result, "missing_glyphs", ())
    if not chars:
        return None
    listed = "  ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("PdfFonts", "Characters missing from the PDF"),
        QCoreApplication.translate(
            "PdfFonts",
            "The PDF was saved, but no font on this computer has these characters, so they "
            "are printed as □: {chars}\nInstall a font with rare Chinese characters "
            "(SimSun-ExtB on Windows) and print it again.",
        ).format(chars=listed),
        parent=parent,
    )
    box.setObjectName("missing_glyphs")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
