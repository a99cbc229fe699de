"""A benefit's picture in the item editor: a preview, choose a PNG or JPEG file, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.benefits import MAX_PICTURE_BYTES

PREVIEW_WIDTH, PREVIEW_HEIGHT = 200, 130
PICTURE_FILES = "PNG / JPEG (*.png *.jpg *.jpeg)"
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")


class PictureBox(QWidget):
    """``content``: the picture's bytes (None: none); ``changed`` tells whether the user chose
    or removed one since ``show_picture``. ``problem`` carries what is wrong with a file."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.content: bytes | None = None
        self.changed = False
        self.preview = QLabel()
        self.preview.setObjectName("picture_preview")
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #bbb; background: #fafafa; color: #777;")
        self.choose = QPushButton(self.tr("Choose picture…"))
        self.choose.setObjectName("choose_picture")
        self.choose.setToolTip(self.tr("A PNG or JPEG file of at most 1 MB"))
        self.choose.clicked.connect(self._choose)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setObjectName("remove_picture")
        self.remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addLayout(buttons)
        row.addStretch(1)
        self.show_picture(None)

    def show_picture(self, content: bytes | None, changed: bool = False) -> None:
        self.content, self.changed = content, changed
        pixmap = QPixmap()
        if content is not None and pixmap.loadFromData(content):
            self.preview.setPixmap(
                pixmap.scaled(
                    PREVIEW_WIDTH - 4, PREVIEW_HEIGHT - 4,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )  # fmt: skip
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No picture"))
        self.remove.setEnabled(content is not None)

    def set_editable(self, editable: bool) -> None:
        self.choose.setVisible(editable)
        self.remove.setVisible(editable)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a picture"), "", PICTURE_FILES)
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        try:
            size = path.stat().st_size
            content = path.read_bytes() if size <= MAX_PICTURE_BYTES else b""
        except OSError as exc:
            self.problem.emit(
                self.tr("Cannot read {path} ({reason}).").format(path=path, reason=exc.strerror)
            )
            return
        if not content or not content.startswith(MAGIC):
            self.problem.emit(self.tr("A picture is a PNG or JPEG file of at most 1 MB."))
            return
        self.problem.emit("")
        self.show_picture(content, changed=True)

    def _remove(self) -> None:
        self.show_picture(None, changed=True)
