"""Help → About: what support asks for first (version, schema, where the data and logs are)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.bundled import icon_file
from app.config import log_path
from app.ui.shared.worker import run_in_background

if TYPE_CHECKING:
    from app.services.shared.database import Database


class AboutDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Loyalty Desk"))
        self.setMinimumWidth(460)
        heading = QLabel(
            "<h2>" + self.tr("Loyalty Desk") + "</h2>"
            + self.tr("Member loyalty programme back-office.")
        )  # fmt: skip
        heading.setObjectName("heading")
        logo = QLabel()
        logo.setPixmap(QIcon(str(icon_file())).pixmap(64, 64))
        self.log_folder = log_path().parent
        rows = (
            ("version", self.tr("Version"), __version__),
            ("schema", self.tr("Schema revision"), self.tr("reading…")),
            ("database", self.tr("Database"), db.description),
            ("log_folder", self.tr("Log folder"), str(self.log_folder)),
        )
        form = QFormLayout()
        labels = {}
        for name, caption, value in rows:
            label = labels[name] = QLabel(value)
            label.setObjectName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(caption, label)
        self.schema = labels["schema"]
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_logs = QPushButton(self.tr("Open log folder"))
        open_logs.setObjectName("open_logs")
        open_logs.clicked.connect(self._open_log_folder)
        buttons.addButton(open_logs, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addLayout(form)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self._read_schema(db)

    def _read_schema(self, db: Database) -> None:
        from app.services.shared.database import schema_revision

        unknown = self.tr("unknown")
        run_in_background(
            lambda: schema_revision(db),
            lambda revision: self.schema.setText(revision or unknown),
            lambda _exc: self.schema.setText(unknown),  # the rest of the dialog still helps
            owner=self,
        )

    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_folder)))
