"""The value segmentation tab with real widgets: run the quarter from the tab (preview,
confirm, progress), read the grid, open a cell's members and export them; the migration
matrix against the previous quarter; the member header's segment line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QTableWidget

from app.services import segmentation
from app.services.segmentation import MemberCell
from app.ui.members.member_header import MemberHeader
from app.ui.reports.segmentation_tab import SegmentationTab
from tests.gui.helpers import child, click, open_dialog, show_page, visible, wait_for
from tests.test_segmentation import AS_OF, NEXT, population  # noqa: F401 - a fixture


def open_tab(qtbot, db, actor) -> SegmentationTab:
    return show_page(qtbot, SegmentationTab(db, actor), "segmentation_tab", 1200, 800)


def grid_text(tab, cell: int) -> str:
    grid = child(tab, "segmentation_grid", QTableWidget)
    item = grid.item((cell - 1) // 3, (cell - 1) % 3)
    return item.text() if item else ""


def test_run_from_the_tab_then_open_a_cell(qtbot, db, people, population, tmp_path, monkeypatch):  # noqa: F811
    tab = open_tab(qtbot, db, people.admin)
    status = child(tab, "segmentation_status")
    qtbot.waitUntil(lambda: "No segmentation" in status.text())
    click(qtbot, tab, "run_segmentation")
    box = open_dialog(qtbot, "confirm_segmentation")
    assert "4 members have data" in box.text() and "2 have none" in box.text()
    click(qtbot, box, "confirm")
    qtbot.waitUntil(lambda: "4 members scored" in status.text(), timeout=15_000)
    assert grid_text(tab, 2).endswith("1 · 25.0%")
    assert grid_text(tab, 9).startswith("Low emotional · low material (9)")
    assert grid_text(tab, 1).endswith("0 · 0.0%")
    assert child(tab, "segmentation_no_data", QPushButton).text() == "No data: 2 members"
    title = child(tab, "segmentation_migration_title")
    assert title.text() == "No earlier quarter to compare with."

    grid = child(tab, "segmentation_grid", QTableWidget)
    cell_9 = grid.visualRect(grid.model().index(2, 2)).center()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=cell_9)
    members = child(tab, "segmentation_members")
    qtbot.waitUntil(lambda: members.model().rowCount() == 1)
    assert members.model().index(0, 4).data() == "0.650"
    assert "(9): 1 members" in child(tab, "segmentation_members_title").text()

    target = tmp_path / "cell9.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(target), "Excel (*.xlsx)"))
    click(qtbot, tab, "export_segment")
    wait_for(qtbot, "export_done")
    assert target.exists()

    click(qtbot, tab, "segmentation_no_data")
    qtbot.waitUntil(lambda: members.model().rowCount() == 2)


def test_the_migration_against_the_previous_quarter(qtbot, db, people, population, clock):  # noqa: F811
    segmentation.commit_segmentation(db, people.admin, AS_OF)
    clock.advance(days=31)
    segmentation.commit_segmentation(db, people.admin, NEXT)
    tab = open_tab(qtbot, db, people.auditor)
    title = child(tab, "segmentation_migration_title")
    qtbot.waitUntil(lambda: "→" in title.text())
    assert not child(tab, "run_segmentation", QPushButton).isVisible()  # auditors only read
    table = child(tab, "segmentation_migration", QTableWidget)
    # every row's total is what the previous quarter had in that cell (the hand values:
    # one member each in cells 2, 6, 7 and 9), and its shares (moves and left) make 100%
    totals = [table.item(r, 10).text() for r in range(9)]
    assert totals == ["0", "1", "0", "0", "0", "1", "1", "0", "1"]
    for row in (1, 5, 6, 8):
        shares = [table.item(row, c).text() for c in range(10)]
        percents = [float(s.split("(")[1].rstrip("%)")) for s in shares if "(" in s]
        assert sum(percents) == 100.0
    assert visible("confirm_segmentation") is None


def test_the_member_header_names_the_segment(qtbot, people):
    header = MemberHeader(people.admin)
    qtbot.addWidget(header)
    header.show()
    header.show_segment(MemberCell(1, AS_OF, 2))
    label = child(header, "header_segment")
    assert label.isVisible() and "High emotional · middle material (2)" in label.text()
    header.show_segment(MemberCell(1, AS_OF, None))
    assert "No data" in label.text()
    header.show_segment(None)
    assert not label.isVisible()


def test_an_administrator_saves_new_weights_from_tomorrow(qtbot, db, people):
    from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox

    from app.services import segmentation
    from app.services.segmentation.weights import weights_in_force
    from app.ui.reports.segmentation_tab import SegmentationTab
    from tests.gui.helpers import child, click, show_page, visible, wait_for

    tab = show_page(qtbot, SegmentationTab(db, people.admin), "segmentation_tab", 1200, 800)
    click(qtbot, tab, "segmentation_weights_button")
    dialog = wait_for(qtbot, "segmentation_weights_dialog")
    y1 = child(dialog, "weight_Y1", QDoubleSpinBox)
    qtbot.waitUntil(lambda: abs(y1.value() - 0.35) < 1e-9)
    assert child(dialog, "fewer_Y4", QCheckBox).isChecked()  # fewer complaints score higher
    y1.selectAll()
    qtbot.keyClicks(y1, "0.5")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: visible("segmentation_weights_dialog") is None)
    with db.reader() as uow:
        tomorrow = weights_in_force(uow, db.clock().date().replace(year=2099))
    assert tomorrow.weights.weights["Y1"] == 0.5 and tomorrow.weights.fewer_is_better("Y4")
    assert segmentation.current_weights(db, people.admin).weights.weights["Y1"] == 0.35
