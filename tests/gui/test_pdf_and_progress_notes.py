"""Small GUI notes: the progress of an import whose total is unknown, and the warning about
characters missing from a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QProgressDialog, QWidget

from app.adapters.statement_pdf import WrittenPdf
from app.ui.shared.action_dialog import warn_missing_glyphs
from app.ui.shared.worker import _update_dialog


def test_an_unknown_total_shows_the_count_without_a_percentage(qtbot):
    dialog = QProgressDialog("Importing members…", None, 0, 0)
    qtbot.addWidget(dialog)
    update = _update_dialog(dialog)
    update((1_000, 0))
    assert dialog.maximum() == 0 and dialog.labelText() == "Read 1,000 rows"
    update((500, 2_000))  # the next phase knows its total: the bar and the label come back
    assert (dialog.maximum(), dialog.value()) == (2_000, 500)
    assert dialog.labelText() == "Importing members…"


def test_missing_characters_of_a_pdf_are_shown(qtbot, tmp_path):
    parent = QWidget()
    qtbot.addWidget(parent)
    assert warn_missing_glyphs(parent, tmp_path / "s.pdf") is None  # a plain path: nothing
    written = WrittenPdf(tmp_path / "s.pdf")
    assert warn_missing_glyphs(parent, written) is None
    written.missing_glyphs = ("\U00020000",)
    box = warn_missing_glyphs(parent, written)
    assert box is not None and box.objectName() == "missing_glyphs"
    assert "\U00020000 (U+20000)" in box.text() and "□" in box.text()
    box.close()
    assert isinstance(written, Path)
