"""Importing historical members from Excel, and exporting the current list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor
from app.services.members import MemberFilter
from app.services.members import workbooks as member_import
from app.services.shared.database import Database
from app.ui.shared.errors import message_for, show_error
from app.ui.shared.forms import XLSX
from app.ui.shared.i18n import chosen_language, format_int
from app.ui.shared.widgets import ErrorLabel
from app.ui.shared.worker import run_in_background, run_with_progress


class MemberImportDialog(QDialog):
    """Choose a file and a mode, optionally check first; the import runs with progress."""

    imported = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(self.tr("Import members from Excel"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Bring in historical members from an .xlsx file made from the template. Every "
                "row is checked first; a result workbook lists the outcome of each row."
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
        self.valid_rows = QRadioButton(
            self.tr("Import the valid rows (saved in batches; importing the file again resumes)")
        )
        self.valid_rows.setObjectName("valid_rows")
        self.valid_rows.setChecked(True)
        self.all_or_nothing = QRadioButton(
            self.tr("All or nothing: import only if every row is valid")
        )
        self.all_or_nothing.setObjectName("all_or_nothing")
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
        for widget in (intro, template):
            layout.addWidget(widget)
        layout.addLayout(file_row)
        for widget in (self.valid_rows, self.all_or_nothing, self.error, self.result, buttons):
            layout.addWidget(widget)

    def _save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the template"), self.tr("member-import-template.xlsx"), XLSX
        )
        if path:
            language = chosen_language()
            run_in_background(
                lambda: member_import.write_template(Path(path), language),
                lambda _: self.result.setText(self.tr("Template saved.")),
                self._failed,
            )

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import members"), "", XLSX)
        if path:
            self.path.setText(path)

    def _run(self, dry_run: bool) -> None:
        self.error.clear_message()
        self.result.clear()
        source = Path(self.path.text().strip())
        if not self.path.text().strip():
            self.error.show_message(self.tr("Choose the file to import."))
            return
        report = source.with_name(source.stem + "-result.xlsx")
        mode = "all_or_nothing" if self.all_or_nothing.isChecked() else "valid_rows"
        self._busy(True)
        run_with_progress(
            self,
            self.tr("Importing members…") if not dry_run else self.tr("Checking the file…"),
            lambda progress: member_import.import_members(
                self.db,
                self.actor,
                source,
                mode=mode,
                dry_run=dry_run,
                report=report,
                progress=progress,
            ),
            self._done,
            self._failed,
        )

    def _busy(self, busy: bool) -> None:
        for button in (self.check, self.start):
            button.setEnabled(not busy)

    def _done(self, summary: member_import.ImportSummary) -> None:
        self._busy(False)
        text = {
            "dry_run": self.tr(
                "Checked {total} rows: {ok} can be imported, {bad} have errors. Nothing was saved."
            ),
            "rejected": self.tr(
                "Nothing was imported: {bad} of {total} rows have errors (all or nothing)."
            ),
            "completed": self.tr("Imported {ok} of {total} rows; {bad} rows have errors."),
        }[summary.status]
        ok = summary.imported if summary.status == "completed" else summary.total - summary.rejected
        self.result.setText(
            text.format(
                total=format_int(summary.total), ok=format_int(ok), bad=format_int(summary.rejected)
            )
            + "\n"
            + self.tr("Result workbook: {path}").format(path=summary.report)
        )
        if summary.status == "completed":
            self.imported.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.show_message(message_for(exc))


def export_members(parent: QWidget, db: Database, actor: Actor, flt: MemberFilter) -> None:
    """Export what the list shows (masked as the list is), with progress and cancel."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("MemberExport", "Export members"),
        QCoreApplication.translate("MemberExport", "members.xlsx"),
        XLSX,
    )
    if not path:
        return
    language = chosen_language()

    def exported(count: int) -> None:
        text = QCoreApplication.translate("MemberExport", "{n} members exported to {path}")
        QMessageBox.information(
            parent,
            QCoreApplication.translate("MemberExport", "Export members"),
            text.format(n=format_int(count), path=path),
        )

    run_with_progress(
        parent,
        QCoreApplication.translate("MemberExport", "Exporting members…"),
        lambda progress: member_import.export_members(
            db, actor, flt, Path(path), progress, language
        ),
        exported,
        lambda exc: show_error(parent, exc),
    )
