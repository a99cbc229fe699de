"""Importing service and purchase documents from a dealer system export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.points import documents_import as transaction_import
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled
from app.ui.shared.errors import message_for
from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language, format_int
from app.ui.shared.widgets import ErrorLabel
from app.ui.shared.worker import run_in_background, run_with_progress


class TransactionImportDialog(QDialog):
    """Choose the export, optionally check it, then post it with progress and cancel."""

    imported = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setObjectName("transaction_import_dialog")
        self.setWindowTitle(self.tr("Import service documents"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Record repair orders and invoices from a dealer system export (.xlsx) and "
                "post their points. A document earns once: importing the same file again, or "
                "after a cancel, skips what was recorded. A result workbook lists every row."
            )
        )
        intro.setWordWrap(True)
        template = QPushButton(self.tr("Save the template…"))
        template.setObjectName("template")
        template.clicked.connect(self._save_template)
        self.path = QLineEdit()
        self.path.setObjectName("file")
        self.path.setPlaceholderText(self.tr("the .xlsx file to import"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.check = buttons.addButton(
            self.tr("Check only"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.check.setObjectName("check")
        self.start = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.start.setObjectName("import")
        self.check.clicked.connect(lambda: self._run(dry_run=True))
        self.start.clicked.connect(lambda: self._run(dry_run=False))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(template)
        layout.addLayout(file_row)
        for widget in (self.error, self.result, buttons):
            layout.addWidget(widget)

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the template"), self.tr("documents-import-template.xlsx"), XLSX
        )
        if path:
            language = chosen_language()
            run_in_background(
                lambda: transaction_import.write_template(Path(path), language),
                lambda _: self.result.setText(self.tr("Template saved.")),
                self._failed,
            )

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", XLSX)
        if path:
            self.path.setText(path)

    def _run(self, dry_run: bool) -> None:
        self.error.clear_message()
        self.result.clear()
        if not self.path.text().strip():
            self.error.show_message(self.tr("Choose the file to import."))
            return
        source = Path(self.path.text().strip())
        report = source.with_name(source.stem + "-result.xlsx")
        db, actor = self.db, self.actor
        self._busy(True)
        run_with_progress(
            self,
            self.tr("Checking the file…") if dry_run else self.tr("Importing documents…"),
            lambda progress: transaction_import.import_transactions(
                db, actor, source, dry_run=dry_run, report=report, progress=progress
            ),
            lambda summary: self._done(summary, dry_run),
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        for button in (self.check, self.start):
            button.setEnabled(not busy)

    def _done(self, summary: transaction_import.TransactionSummary, dry_run: bool) -> None:
        self._busy(False)
        if dry_run:
            text = self.tr(
                "Checked {total} rows: {bad} have errors, {already} were recorded before. "
                "Nothing was posted."
            )
        else:
            text = self.tr(
                "{total} rows: {ok} imported ({points} points), {already} recorded before, "
                "{bad} with errors."
            )
        history = ""
        if summary.history:
            history = "\n" + self.tr(
                "{n} documents before the launch kept as history for initial points"
            ).format(n=format_int(summary.history))
        self.result.setText(
            text.format(
                total=format_int(summary.total),
                ok=format_int(summary.imported),
                points=format_int(summary.points),
                already=format_int(summary.already),
                bad=format_int(summary.rejected),
            )
            + history
            + "\n"
            + self.tr("Result workbook: {path}").format(path=summary.report)
        )
        if summary.imported:
            self.imported.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        message = message_for(exc)
        if isinstance(exc, Cancelled):  # rows done so far stay posted; a re-run skips them
            message = self.tr(
                "Cancelled. Rows imported before the cancel stay posted; importing the file "
                "again skips them."
            )
        self.error.show_message(message)
