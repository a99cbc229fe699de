"""Issue 16 through real widgets: the event dialog with its edition or event code, and a
weekly cap typed in the rule editor, saved and read back."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSpinBox, QWidget

from app.services import points
from app.ui.points.event_dialog import EventPointsDialog, awarded_text
from tests.gui.helpers import child, click, open_dialog, set_spin, type_into, visible
from tests.gui.test_points_page import open_page, open_tab
from tests.test_members import register

TODAY = date(2026, 3, 1)  # the fake clock's date (a Sunday)


PARENTS: list[QWidget] = []  # kept alive: a dialog goes with its parent


def open_event_dialog(qtbot, db, people, member_id):
    parent = QWidget()
    PARENTS.append(parent)
    qtbot.addWidget(parent)
    parent.show()
    dialog = EventPointsDialog(parent, db, people.clerk, member_id, TODAY)
    results = []
    dialog.succeeded.connect(results.append)
    dialog.open()
    return open_dialog(qtbot, "event_dialog"), results


def choose(dialog, code: str) -> None:
    combo = child(dialog, "event", QComboBox)
    combo.setCurrentIndex(combo.findData(code))


def test_a_share_counts_in_its_week_unless_a_code_is_given(qtbot, db, people):
    member = register(db, people.clerk)
    dialog, results = open_event_dialog(qtbot, db, people, member.id)
    choose(dialog, "share")
    hint = child(dialog, "edition_hint", QLabel).text()
    assert "2026-W09" in hint
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: len(results) == 1)
    assert (results[0].points, results[0].edition) == (2, "2026-W09")
    assert awarded_text(results[0]) == "2 event points awarded (edition 2026-W09)."


def test_a_major_event_needs_its_code_and_earns_once(qtbot, db, people):
    member = register(db, people.clerk)
    for attempt in range(2):
        dialog, results = open_event_dialog(qtbot, db, people, member.id)
        choose(dialog, "major_event")
        ok = child(dialog, "ok", QPushButton)
        assert not ok.isEnabled()  # the event code first
        assert "Required" in child(dialog, "edition_hint", QLabel).text()
        type_into(qtbot, dialog, "edition", "ev-spring")
        assert ok.isEnabled()
        click(qtbot, dialog, "ok")
        if attempt == 0:
            qtbot.waitUntil(lambda results=results: len(results) == 1)
            assert results[0].edition == "EV-SPRING"
        else:  # the same event again: refused in the dialog, saying why
            error = child(dialog, "error", QLabel)
            qtbot.waitUntil(lambda error=error: "per edition or event" in error.text())
            assert "EV-SPRING: 50" in error.text()
            dialog.close()
    assert points.account_summary(db, people.clerk, member.id).balance == 50


def test_a_long_code_is_refused_not_cut(qtbot, db, people):
    member = register(db, people.clerk)
    dialog, results = open_event_dialog(qtbot, db, people, member.id)
    choose(dialog, "share")
    type_into(qtbot, dialog, "edition", "E" * 61)
    click(qtbot, dialog, "ok")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(lambda: "at most 60 characters" in error.text())
    assert results == []


def test_a_weekly_cap_typed_in_the_editor_is_saved(qtbot, db, people):
    page = open_page(qtbot, db, people.admin)
    tab = open_tab(qtbot, page, "Earning rules")
    qtbot.waitUntil(lambda: tab.table.rowCount() == 10)
    tab.new_version("share")
    dialog = open_dialog(qtbot, "rule_dialog")
    assert child(dialog, "cap_per_edition", QSpinBox).value() == 8  # from version 2
    set_spin(qtbot, child(dialog, "cap_per_week", QSpinBox), "6")
    assert "at most 6 a week" in child(dialog, "reads", QLabel).text()
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("rule_dialog") is None)
    [v3] = [v for v in points.list_rules(db, people.admin) if v.code == "share" and v.version == 3]
    assert v3.params == {"points": 2, "cap_per_week": 6, "cap_per_edition": 8, "cap_per_year": 384}
