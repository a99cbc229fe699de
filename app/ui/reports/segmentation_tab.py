"""Value segmentation (会员价值细分): pick a quarterly run, see its 3×3 grid (emotional value
Y down, material value X across; the members without data apart), click a cell for its
members (exportable), and the 9×9 migration against the previous run. "Run segmentation…"
previews the latest quarter end, asks, and commits it in batches with progress and cancel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import segmentation
from app.services.runs import RunRow
from app.services.segmentation import Grid, SegmentationRun, SegmentMember
from app.services.settings import get_settings
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled
from app.services.shared.scope import today_in
from app.ui.reports.segmentation_labels import cell_name, cell_text, level_name
from app.ui.runs.confirm import confirm_run
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.worker import run_in_background, run_with_progress
from app.ui.tiers.member_lists import export_list, show_exported

SHOWN = 500  # members listed on screen; the export has them all
CELL_COLOURS = {1: "#d8efe0", 2: "#e6f4ea", 3: "#f1f8f3", 4: "#eaf1fb", 5: "#f3f6fb",
                6: "#f8f9fb", 7: "#fdf3e6", 8: "#fdf7ef", 9: "#fbeaea"}  # fmt: skip


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


class SegmentationTab(QWidget):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("segmentation_tab")
        self.db, self.actor = db, actor
        self.runs: list[SegmentationRun] = []
        self.grid_data: Grid | None = None
        self.listed: tuple[int, int | None] | None = None  # (run id, cell) listed
        self.progress = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._controls())
        self.weights = QLabel()
        self.weights.setObjectName("segmentation_weights")
        self.weights.setWordWrap(True)
        self.weights.setStyleSheet("color: #5f6b7a")
        layout.addWidget(self.weights)
        middle = QHBoxLayout()
        middle.addWidget(self._grid_box(), 1)
        middle.addWidget(self._members_box(), 1)
        layout.addLayout(middle, 3)
        layout.addWidget(self._migration_box(), 2)
        self.reload()

    # building ------------------------------------------------------------------------------

    def _controls(self) -> QHBoxLayout:
        self.run_picker = QComboBox()
        self.run_picker.setObjectName("segmentation_run")
        self.run_picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.run_picker.currentIndexChanged.connect(self._run_chosen)
        self.run_button = QPushButton(self.tr("Run segmentation…"))
        self.run_button.setObjectName("run_segmentation")
        self.run_button.setToolTip(
            self.tr("Score the members as of the latest quarter end (headquarters only)")
        )
        self.run_button.setVisible(self._may_run())
        self.run_button.clicked.connect(self._preview)
        self.status = QLabel()
        self.status.setObjectName("segmentation_status")
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Quarter")))
        row.addWidget(self.run_picker)
        row.addWidget(self.run_button)
        row.addWidget(self.status, 1)
        self.weights_button = QPushButton(self.tr("Weights…"))
        self.weights_button.setObjectName("segmentation_weights_button")
        self.weights_button.setToolTip(self.tr("A new version of the weights from a date on"))
        self.weights_button.setVisible(self.actor.can(Permission.CONFIGURE_PROGRAMME))
        self.weights_button.clicked.connect(self._edit_weights)
        row.addWidget(self.weights_button)
        return row

    def _edit_weights(self) -> None:
        from app.ui.reports.segmentation_weights_dialog import SegmentationWeightsDialog

        db, actor = self.db, self.actor
        run_in_background(  # the programme's today: a settings read, off the GUI thread
            lambda: today_in(db, get_settings(db).timezone),
            lambda today: SegmentationWeightsDialog(db, actor, today, self).open(),
            self._failed,
            owner=self,
        )

    def _grid_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Value segments (click a cell for its members)"))
        self.grid = QTableWidget(3, 3)
        self.grid.setObjectName("segmentation_grid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setHorizontalHeaderLabels(
            [self.tr("Material {level}").format(level=level_name(i)) for i in range(3)]
        )
        self.grid.setVerticalHeaderLabels(
            [self.tr("Emotional {level}").format(level=level_name(i)) for i in range(3)]
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.cellClicked.connect(lambda r, c: self.show_cell(r * 3 + c + 1))
        self.no_data = QPushButton()
        self.no_data.setObjectName("segmentation_no_data")
        self.no_data.setToolTip(
            self.tr("Members with no points, service, complaint or purchase in the window: "
                    "not scored, so not counted as low")
        )  # fmt: skip
        self.no_data.clicked.connect(lambda: self.show_cell(None))
        self.no_data.setEnabled(False)
        layout = QVBoxLayout(box)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.no_data, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def _members_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Members"))
        self.members_title = QLabel(self.tr("Click a cell to list its members."))
        self.members_title.setObjectName("segmentation_members_title")
        self.members_title.setWordWrap(True)
        headers = [self.tr("Member number"), self.tr("Name"), self.tr("Mobile"),
                   self.tr("Dealer"), self.tr("Y"), self.tr("X")]  # fmt: skip
        self.members_model = RowsModel(headers, self._member_cells, frozenset({4, 5}))
        self.members = RowsView("segmentation_members", self.members_model, 3)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("export_segment")
        self.export_button.setToolTip(self.tr("The cell's members (all of them) as an .xlsx file"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self._export)
        top = QHBoxLayout()
        top.addWidget(self.members_title, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(self.members, 1)
        return box

    def _migration_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Migration from the previous quarter (rows: before; % of row)"))
        self.migration_title = QLabel()
        self.migration_title.setObjectName("segmentation_migration_title")
        self.migration = QTableWidget(10, 11)
        self.migration.setObjectName("segmentation_migration")
        self.migration.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        numbers = [str(cell) for cell in range(1, 10)]
        self.migration.setHorizontalHeaderLabels([*numbers, self.tr("Left"), self.tr("Total")])
        self.migration.setVerticalHeaderLabels([*numbers, self.tr("New")])
        for i in range(9):
            for item in (self.migration.horizontalHeaderItem(i),
                         self.migration.verticalHeaderItem(i)):  # fmt: skip
                item.setToolTip(cell_text(i + 1))
        self.migration.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(box)
        layout.addWidget(self.migration_title)
        layout.addWidget(self.migration, 1)
        return box

    def _may_run(self) -> bool:
        return self.actor.can(Permission.RUN_TIER_REVIEW) and self.actor.is_headquarters

    # loading -------------------------------------------------------------------------------

    def reload(self, select_as_of: date | None = None) -> None:
        db, actor = self.db, self.actor
        run_in_background(
            lambda: segmentation.segmentation_runs(db, actor),
            lambda runs: self._fill_runs(runs, select_as_of),
            self._failed,
        )

    def _fill_runs(self, runs: list[SegmentationRun], select_as_of: date | None) -> None:
        self.runs = runs
        self.run_picker.blockSignals(True)
        self.run_picker.clear()
        for run in runs:
            self.run_picker.addItem(format_date(run.as_of), run.id)
        chosen = next((i for i, r in enumerate(runs) if r.as_of == select_as_of), 0)
        self.run_picker.setCurrentIndex(chosen if runs else -1)
        self.run_picker.blockSignals(False)
        if not runs:
            self.status.setText(self.tr("No segmentation has been run yet."))
            return
        self._run_chosen()

    def _run_chosen(self, *_args) -> None:
        run_id = self.run_picker.currentData()
        if run_id is None:
            return
        db, actor = self.db, self.actor

        def load():
            grid = segmentation.cells(db, actor, run_id)
            before = segmentation.previous_run(db, actor, run_id)
            moves = segmentation.migration(db, actor, run_id, before.id) if before else None
            return grid, before, moves

        run_in_background(load, self._show, self._failed)

    def _show(self, loaded) -> None:
        grid, before, moves = loaded
        self.grid_data = grid
        self._show_weights(grid.run)
        for cell in range(1, 10):
            item = QTableWidgetItem(
                f"{cell_text(cell)}\n{format_int(grid.counts[cell])} · "
                f"{_percent(grid.percent(cell))}"
            )
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setBackground(_brush(CELL_COLOURS[cell]))
            item.setData(Qt.ItemDataRole.UserRole, cell)
            self.grid.setItem((cell - 1) // 3, (cell - 1) % 3, item)
        self.no_data.setText(self.tr("No data: {n} members").format(n=format_int(grid.no_data)))
        self.no_data.setEnabled(True)
        self.status.setText(
            self.tr("As of {date}: {n} members scored.").format(
                date=format_date(grid.run.as_of), n=format_int(grid.scored)
            )
        )
        self._show_migration(before, moves)

    def _show_weights(self, run: SegmentationRun) -> None:
        weights = run.weights.get("weights", {})
        parts = " · ".join(f"{name} {weights[name]:g}" for name in sorted(weights))
        self.weights.setText(
            self.tr("Window {start} to {end}; weights used: {weights}").format(
                start=format_date(run.window_start), end=format_date(run.as_of), weights=parts
            )
        )

    def _show_migration(self, before: SegmentationRun | None, moves) -> None:
        self.migration.clearContents()
        if before is None or moves is None:
            self.migration_title.setText(self.tr("No earlier quarter to compare with."))
            return
        self.migration_title.setText(
            self.tr("{before} → {now}").format(
                before=format_date(before.as_of), now=format_date(self.grid_data.run.as_of)
            )
        )
        for row in range(1, 10):
            for column in range(1, 10):
                count = moves.counts[row - 1][column - 1]
                self._migration_item(row - 1, column - 1, count, moves.share(row, column))
            self._migration_item(row - 1, 9, moves.left[row - 1], moves.left_share(row))
            self._migration_item(row - 1, 10, moves.row_total(row), None)
        for column in range(9):
            self._migration_item(9, column, moves.new[column], None)
        self._migration_item(9, 10, sum(moves.new), None)

    def _migration_item(self, row: int, column: int, count: int, share: float | None) -> None:
        text = format_int(count) if share is None else f"{format_int(count)} ({_percent(share)})"
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row == column and row < 9:
            item.setBackground(_brush("#eef3fb"))  # stayed in the same cell
        self.migration.setItem(row, column, item)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # a cell's members ----------------------------------------------------------------------

    def show_cell(self, cell: int | None) -> None:
        if self.grid_data is None:
            return
        run_id = self.grid_data.run.id
        self.listed = (run_id, cell)
        db, actor = self.db, self.actor

        def load():
            total = segmentation.count_in_cell(db, actor, run_id, cell)
            return total, segmentation.members_in_cell(db, actor, run_id, cell, limit=SHOWN)

        self.members_title.setText(self.tr("Loading…"))
        run_in_background(load, lambda found: self._show_members(cell, *found), self._failed)

    def _show_members(self, cell: int | None, total: int, rows: list[SegmentMember]) -> None:
        self.members_model.set_rows(rows)
        name = cell_text(cell)
        if total > len(rows):
            text = self.tr("{cell}: the first {shown} of {total} members; the export has them all.")
        else:
            text = self.tr("{cell}: {total} members")
        self.members_title.setText(
            text.format(cell=name, shown=format_int(len(rows)), total=format_int(total))
        )
        self.export_button.setEnabled(total > 0)

    def _member_cells(self, row: SegmentMember) -> tuple[str, ...]:
        def score(value: float | None) -> str:
            return "—" if value is None else f"{value:.3f}"

        return (row.member_number, row.name, row.mobile or "", row.dealer or "",
                score(row.y), score(row.x))  # fmt: skip

    def _export(self) -> None:
        if self.listed is None or self.grid_data is None:
            return
        run_id, cell = self.listed
        as_of = self.grid_data.run.as_of
        db, actor = self.db, self.actor
        default = f"segment-{as_of.isoformat()}-{cell or 'no-data'}.xlsx"
        started = export_list(
            self, self.tr("Export the cell's members"), default,
            self.tr("Exporting the members of {cell}…").format(cell=cell_name(cell)),
            lambda path, language: segmentation.export_cell(
                db, actor, run_id, cell, path, language
            ),
            self._exported, self._failed,
        )  # fmt: skip
        if started:
            self.export_button.setEnabled(False)

    def _exported(self, path: str, count: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(show_exported(self, self.tr("Export"), path, count))

    # running -------------------------------------------------------------------------------

    def _preview(self) -> None:
        db, actor = self.db, self.actor
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Counting…"))

        def preview():
            return segmentation.preview_segmentation(db, actor, segmentation.due_quarter_end(db))

        run_in_background(preview, self._ask, self._run_failed)

    def _ask(self, preview: RunRow) -> None:
        self.run_button.setEnabled(True)
        if preview.status == "committed":
            self.status.setText(
                self.tr("The segmentation as of {date} was run before.").format(
                    date=format_date(preview.as_of)
                )
            )
            self.reload(preview.as_of)
            return
        self.status.setText("")
        counts = preview.preview
        scored = counts.get("members", 0) - counts.get(segmentation.NO_DATA, 0)
        question = self.tr(
            "Score the members as of {date}?\n\n{scored} members have data in the window and "
            "will be placed in the nine cells; {none} have none and are kept apart. Each batch "
            "is saved as it finishes: if you cancel, running it again finishes the rest."
        ).format(
            date=format_date(preview.as_of), scored=format_int(scored),
            none=format_int(counts.get(segmentation.NO_DATA, 0)),
        )  # fmt: skip
        confirm_run(
            self, "confirm_segmentation", self.tr("Run segmentation"), question,
            self.tr("Run segmentation"), lambda: self.commit(preview.as_of),
        )  # fmt: skip

    def commit(self, as_of: date) -> None:
        db, actor = self.db, self.actor
        self.run_button.setEnabled(False)
        self.progress = run_with_progress(
            self,
            self.tr("Scoring the members as of {date}…").format(date=format_date(as_of)),
            lambda progress: segmentation.commit_segmentation(db, actor, as_of, progress),
            self._committed,
            self._run_failed,
        )
        self.progress.setObjectName("segmentation_progress")

    def _committed(self, run: RunRow) -> None:
        self.run_button.setEnabled(True)
        self.status.setText(
            self.tr("Segmentation as of {date} is done.").format(date=format_date(run.as_of))
        )
        self.reload(run.as_of)

    def _run_failed(self, exc: BaseException) -> None:
        self.run_button.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.status.setText(
                self.tr("Cancelled. The batches done are kept; run it again to finish.")
            )
        else:
            self.status.setText(message_for(exc))


def _brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))
