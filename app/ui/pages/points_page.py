"""Points at headquarters: points about to expire (for reminders), the versioned earning
rules, and the expiry run and ledger check. Every service call runs in a worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.points import add_months
from app.domain.roles import Actor, Permission
from app.services import points
from app.services import settings as programme
from app.services.points import EVENTS, RULE_CODES, SPEND_KINDS, ExpiringRow, RuleVersion, ledger
from app.services.points.ledger import Discrepancy
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled
from app.ui.errors import message_for
from app.ui.i18n import format_date, format_int, format_yuan
from app.ui.labels import guard_problems_text
from app.ui.member_dialog import DATE_FORMAT, to_date, to_qdate, yuan_to_fen
from app.ui.paged_model import PagedTableModel
from app.ui.pages.reasons_tab import ReasonsTab
from app.ui.points_labels import source_label
from app.ui.transaction_import_dialog import TransactionImportDialog
from app.ui.widgets import ErrorLabel, text_field
from app.ui.worker import run_in_background, run_with_progress

XLSX = "Excel (*.xlsx)"
RELOAD_DELAY_MS = 300  # wait until the months box stops changing
NO_CAP = 0  # a cap of 0 in the dialog means "no limit"
CAPS = ("cap_per_day", "cap_per_month", "cap_per_year")
NOTE_COLUMN = 5  # in the rules table
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def business_today(db: Database, timezone: str) -> date:
    """Today in the programme's time zone (the database clock, so tests can move it)."""
    return db.clock().astimezone(ZoneInfo(timezone)).date()


# --- readable labels -------------------------------------------------------------------------


def rule_name(code: str) -> str:
    return source_label(code)


def rounding_name(code: str) -> str:
    return {
        "floor": QCoreApplication.translate("PointsRules", "rounded down"),
        "round_half_up": QCoreApplication.translate("PointsRules", "rounded half up"),
    }.get(code, code)


def rule_parameters(code: str, params: dict) -> str:
    """A version's figures as a sentence, e.g. "1 point per ¥1,000.00, rounded down"."""
    if code in SPEND_KINDS:
        count, unit = params.get("points_per_unit", 0), format_yuan(params.get("unit_fen", 0))
        template = (
            QCoreApplication.translate("PointsRules", "1 point per {unit}")
            if count == 1
            else QCoreApplication.translate("PointsRules", "{points} points per {unit}")
        )
        base = template.format(points=format_int(count), unit=unit)
        return QCoreApplication.translate("PointsRules", "{base}, {rounding}").format(
            base=base, rounding=rounding_name(params.get("rounding", "floor"))
        )
    count = params.get("points", 0)
    template = (
        QCoreApplication.translate("PointsRules", "1 point each time")
        if count == 1
        else QCoreApplication.translate("PointsRules", "{points} points each time")
    )
    parts = [template.format(points=format_int(count))]
    for key, text in (
        ("cap_per_day", QCoreApplication.translate("PointsRules", "at most {n} a day")),
        ("cap_per_month", QCoreApplication.translate("PointsRules", "at most {n} a month")),
        ("cap_per_year", QCoreApplication.translate("PointsRules", "at most {n} a year")),
    ):
        if params.get(key) is not None:
            parts.append(text.format(n=format_int(params[key])))
    if code == "new_binding":
        parts.append(
            QCoreApplication.translate(
                "PointsRules", "once per member, within {n} months of the launch"
            ).format(n=format_int(params.get("window_months", 3)))
        )
    return QCoreApplication.translate("PointsRules", "; ").join(parts)


def _check_ledger(db: Database, actor: Actor, progress) -> tuple[list[Discrepancy], list]:
    """The discrepancies, then the database guards that are missing, off or altered."""
    found = points.verify_ledger(db, actor, progress)  # checks the permission
    with db.reader() as uow:
        return found, ledger.guard_report(uow)


def problem_name(code: str) -> str:
    """The ledger check's problem codes (app.services.points.ledger.verify)."""
    return {
        "balance": QCoreApplication.translate(
            "PointsRules", "Points balance differs from the entries"
        ),
        "qualifying": QCoreApplication.translate(
            "PointsRules", "Qualifying points differ from the entries"
        ),
        "lot_sum": QCoreApplication.translate("PointsRules", "Lots do not add up to the balance"),
        "lots": QCoreApplication.translate(
            "PointsRules", "A lot's remaining points differ from what was taken from it"
        ),
        "held": QCoreApplication.translate(
            "PointsRules", "Points on hold differ from the open holds"
        ),
    }.get(code, code)


def _table(object_name: str, headers: list[str], stretch: int) -> QTableWidget:
    """A read-only table sized to its contents; the ``stretch`` column takes the rest."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: set[int] = frozenset()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if c in right:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)


# --- the page --------------------------------------------------------------------------------


class PointsPage(QWidget):
    """Tabs for what the signed-in role may use; the others are not shown at all."""

    def __init__(self, db: Database, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.timezone = db, actor, timezone
        self.tabs = QTabWidget()
        self.tabs.setObjectName("points_tabs")
        self.expiring: ExpiringTab | None = None
        self.rules = RulesTab(db, actor, self.today)
        self.rules.setObjectName("rules_tab")
        self.checks: ChecksTab | None = None
        if actor.can(Permission.VIEW_MEMBERS):
            self.expiring = ExpiringTab(db, actor, self.today)
            self.expiring.setObjectName("expiring_tab")
            self.tabs.addTab(self.expiring, self.tr("Expiring soon"))
        self.tabs.addTab(self.rules, self.tr("Earning rules"))
        if actor.can(Permission.CONFIGURE_PROGRAMME):
            self.reasons = ReasonsTab(db, actor)
            self.reasons.setObjectName("reasons_tab")
            self.tabs.addTab(self.reasons, self.tr("Adjustment reasons"))
        if actor.can(Permission.CONFIGURE_PROGRAMME) or actor.can(Permission.VIEW_AUDIT):
            self.checks = ChecksTab(db, actor, self.today)
            self.checks.setObjectName("checks_tab")
            title = (
                self.tr("Expiry and checks")
                if actor.can(Permission.CONFIGURE_PROGRAMME)
                else self.tr("Ledger check")
            )
            self.tabs.addTab(self.checks, title)
            if self.expiring is not None:
                self.checks.expired.connect(self.expiring.reload)
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>" + self.tr("Points") + "</h2>"))
        header.addStretch(1)
        if actor.can(Permission.POST_POINTS):
            import_documents = QPushButton(self.tr("Import service documents…"))
            import_documents.setObjectName("import_documents")
            import_documents.clicked.connect(self._import_documents)
            header.addWidget(import_documents)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def _import_documents(self) -> None:
        dialog = TransactionImportDialog(self.db, self.actor, self)
        if self.expiring is not None:
            dialog.imported.connect(self.expiring.reload)
        dialog.open()

    def today(self) -> date:
        return business_today(self.db, self.timezone)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]


# --- expiring soon ---------------------------------------------------------------------------


class ExpiringModel(PagedTableModel):
    """One row per member and expiry date, soonest first, fetched a page at a time."""

    page_size = 200
    POINTS_COLUMN = 4

    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__([], parent)
        self.db, self.actor, self.months = db, actor, 2
        self.headers = [
            self.tr("Member number"),
            self.tr("Name"),
            self.tr("Mobile"),
            self.tr("Dealer"),
            self.tr("Points"),
            self.tr("Expires on"),
        ]

    def page_after(self, last_row: ExpiringRow | None):
        db, actor, months, size = self.db, self.actor, self.months, self.page_size
        offset = len(self.rows)  # the service pages by offset; the list is sorted stably
        return lambda: points.expiring_soon(db, actor, months, offset=offset, limit=size)

    def cells(self, row: ExpiringRow) -> tuple[str, ...]:
        return (
            row.member_number,
            row.name,
            row.mobile or "",
            row.dealer_name or "",
            format_int(row.points),
            format_date(row.expires_on),
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.POINTS_COLUMN:
            return RIGHT
        return super().data(index, role)


class ExpiringTab(QWidget):
    """Who loses points soon: a count, the list and an Excel file for SMS or phone reminders."""

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self._counting = 0  # answers to an older months value are dropped
        self.export_path: str | None = None
        self.progress = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(RELOAD_DELAY_MS)
        self._debounce.timeout.connect(self.reload)
        self.months = QSpinBox()
        self.months.setObjectName("months")
        self.months.setRange(1, 12)
        self.months.setValue(programme.ProgrammeSettings().expiring_soon_months)
        self.months.setSuffix(self.tr(" months"))
        self.months.setEnabled(False)  # until the programme's default is known
        self.months.valueChanged.connect(lambda _v: self._debounce.start())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("refresh_expiring")
        refresh.clicked.connect(self.reload)
        self.export = QPushButton(self.tr("Export to Excel…"))
        self.export.setObjectName("export_expiring")
        self.export.setToolTip(self.tr("The whole list as an .xlsx file, for SMS or phone calls"))
        self.export.clicked.connect(self._export)
        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("expiring_summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = ExpiringModel(db, actor, self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(lambda exc: self.status.setText(message_for(exc)))
        self.table = QTableView()
        self.table.setObjectName("expiring_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setToolTip(self.tr("Double-click or press Enter to open the member"))
        self.table.activated.connect(lambda index: self.open_member(index.row()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the dealer's name
        for column, width in {0: 130, 1: 110, 2: 120, 4: 90, 5: 110}.items():
            self.table.setColumnWidth(column, width)
        self.status = QLabel()
        self.status.setObjectName("expiring_status")

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Points expiring within")))
        controls.addWidget(self.months)
        controls.addStretch(1)
        controls.addWidget(refresh)
        controls.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        run_in_background(lambda: programme.get_settings(db), self._settings, self._no_settings)

    def _settings(self, values: programme.ProgrammeSettings) -> None:
        self.months.blockSignals(True)
        self.months.setValue(values.expiring_soon_months)
        self.months.blockSignals(False)
        self.months.setEnabled(True)
        self.reload()

    def _no_settings(self, exc: BaseException) -> None:
        self.months.setEnabled(True)
        self.status.setText(message_for(exc))
        self.reload()

    def reload(self) -> None:
        self._debounce.stop()
        months = self.months.value()
        self._counting += 1
        generation, end = self._counting, add_months(self.today(), months)
        self.summary.setText(self.tr("Counting…"))
        self.status.setText(self.tr("Loading…"))
        self.model.months = months
        self.model.restart()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: points.count_expiring_soon(db, actor, months),
            lambda counted: self._counted(generation, end, counted),
            lambda exc: self._count_failed(generation, exc),
            owner=self,
        )

    def _counted(self, generation: int, end: date, counted: tuple[int, int]) -> None:
        if generation != self._counting:
            return
        members, total = counted
        if not members:
            template = self.tr("No points expire by {date}.")
        elif members == 1:
            template = self.tr("1 member, {points} points expiring by {date}")
        else:
            template = self.tr("{members} members, {points} points expiring by {date}")
        self.summary.setText(
            template.format(
                members=format_int(members), points=format_int(total), date=format_date(end)
            )
        )

    def _count_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._counting:
            self.summary.setText(message_for(exc))

    def _page_loaded(self) -> None:
        count = self.model.rowCount()
        if not count:
            self.status.setText("")
            return
        text = self.tr("Rows loaded: {n}").format(n=format_int(count))
        if not self.model.exhausted:
            text += self.tr("; ") + self.tr("scroll down for more")
        self.status.setText(text)

    def open_member(self, row: int) -> None:
        from app.ui.member_view import MemberView  # a big module: loaded when first needed

        view = MemberView(self.db, self.actor, self.model.rows[row].member_id, self.today(), self)
        view.changed.connect(self.reload)
        view.show()

    # export ----------------------------------------------------------------------------------

    def _export(self) -> None:
        stamp = self.today().strftime("%Y%m%d")
        default = self.tr("points-expiring_{date}.xlsx").format(date=stamp)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default, XLSX)
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        db, actor, months, headers = self.db, self.actor, self.months.value(), self.model.headers
        self.export.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))
        title = self.tr("Expiring points")
        self.progress = run_with_progress(
            self,
            self.tr("Exporting the members with points expiring…"),
            lambda _progress: points.export_expiring(
                db, actor, Path(path), months, list(headers), title
            ),
            lambda count: self._exported(path, count),
            self._export_failed,
            cancellable=False,
        )

    def _exported(self, path: str, count: int) -> None:
        self.export.setEnabled(True)
        self.export_path = path
        text = self.tr("{n} rows exported to {path}").format(n=format_int(count), path=path)
        self.status.setText(text)
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Export to Excel"), text, parent=self
        )
        box.setObjectName("export_done")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _export_failed(self, exc: BaseException) -> None:
        self.export.setEnabled(True)
        self.status.setText(message_for(exc))


# --- earning rules ---------------------------------------------------------------------------


def _in_force_ids(versions: list[RuleVersion], today: date) -> set[int]:
    """The version of each rule that applies today."""
    current: dict[str, RuleVersion] = {}
    for v in versions:
        best = current.get(v.code)
        if v.effective_from <= today and (best is None or v.effective_from > best.effective_from):
            current[v.code] = v
    return {v.id for v in current.values()}


def _rule_order(version: RuleVersion) -> tuple[int, int]:
    known = RULE_CODES.index(version.code) if version.code in RULE_CODES else len(RULE_CODES)
    return known, -version.version


class RulesTab(QWidget):
    """Every version of every rule; administrators add versions that start on a later date."""

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.versions: list[RuleVersion] = []
        self._message = ""  # shown once the table is refreshed
        intro = QLabel(
            self.tr(
                "A change is a new version in force from its date. Points already posted keep "
                "the version they were earned under."
            )
        )
        intro.setWordWrap(True)
        self.new_button: QPushButton | None = None
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        if actor.can(Permission.CONFIGURE_PROGRAMME):
            self.new_button = QPushButton(self.tr("New version…"))
            self.new_button.setObjectName("new_rule_version")
            self.new_button.clicked.connect(self.new_version)
            top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        self.table = _table(
            "rules_table",
            [
                self.tr("Rule"),
                self.tr("Version"),
                self.tr("Effective from"),
                self.tr("Status"),
                self.tr("Parameters"),
                self.tr("Note"),
                self.tr("Created by"),
            ],
            stretch=4,  # the parameters
        )
        self.table.horizontalHeader().setSectionResizeMode(
            NOTE_COLUMN, QHeaderView.ResizeMode.Interactive
        )
        self.status = QLabel()
        self.status.setObjectName("rules_status")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.reload()

    def reload(self) -> None:
        db, actor = self.db, self.actor
        run_in_background(lambda: points.list_rules(db, actor), self._show, self._failed)

    def _show(self, versions: list[RuleVersion]) -> None:
        self.versions = sorted(versions, key=_rule_order)
        today = self.today()
        current = _in_force_ids(self.versions, today)
        rows = []
        for v in self.versions:
            if v.id in current:
                state = self.tr("In force")
            elif v.effective_from > today:
                state = self.tr("Scheduled")
            else:
                state = self.tr("Replaced")
            rows.append(
                [
                    rule_name(v.code),
                    format_int(v.version),
                    self.tr("from the start") if v.version == 1 and v.effective_from.year <= 2000
                    else format_date(v.effective_from),
                    state,
                    rule_parameters(v.code, v.params),
                    v.note or "",
                    v.created_by,
                ]
            )  # fmt: skip
        _fill(self.table, rows, right={1})
        self.table.resizeColumnToContents(NOTE_COLUMN)  # long notes: see the tooltip
        self.table.setColumnWidth(NOTE_COLUMN, min(self.table.columnWidth(NOTE_COLUMN), 240))
        self.status.setText(self._message)
        self._message = ""

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    def new_version(self, code: str | None = None) -> None:
        selected = self.table.selectionModel().selectedRows()
        if code is None and selected:
            code = self.versions[selected[0].row()].code
        dialog = RuleVersionDialog(self.db, self.actor, self.versions, self.today(), code, self)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, version: RuleVersion) -> None:
        self._message = self.tr("Version {version} of {rule} saved; in force from {date}.").format(
            version=version.version,
            rule=rule_name(version.code),
            date=format_date(version.effective_from),
        )
        self.reload()


class RuleVersionDialog(QDialog):
    """A new version of one rule, filled in with the latest version's figures."""

    saved = Signal(object)  # the new RuleVersion

    def __init__(
        self,
        db: Database,
        actor: Actor,
        versions: list[RuleVersion],
        today: date,
        code: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.versions, self.today = db, actor, versions, today
        self.setObjectName("rule_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New version of an earning rule"))
        self.setMinimumWidth(520)
        self.errors: dict[str, ErrorLabel] = {}
        self.fields: dict[str, QWidget] = {}

        self.code = QComboBox()
        for rule in RULE_CODES:
            self.code.addItem(rule_name(rule), rule)
        self.effective_from = QDateEdit()
        self.effective_from.setDisplayFormat(DATE_FORMAT)
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setMinimumDate(to_qdate(today))
        self.note = text_field("note", self.tr("why the rule changes (optional)"))
        self.note.setMaxLength(200)

        self.errors["params"] = ErrorLabel()
        self.errors["params"].setObjectName("params_error")
        self.reads = QLabel()
        self.reads.setObjectName("reads")
        self.reads.setWordWrap(True)
        self.reads.setStyleSheet("font-weight: bold;")
        self.form = QFormLayout()
        self.form.addRow(self.tr("Rule"), self._field("code", self.code))
        self.form.addRow(
            self.tr("In force from"), self._field("effective_from", self.effective_from)
        )
        self.form.addRow(self._spend_box())
        self.form.addRow(self._event_box())
        self.form.addRow(self.errors["params"])
        self.form.addRow(self.tr("The new version"), self.reads)
        self.form.addRow(self.tr("Note"), self._field("note", self.note))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save.setObjectName("save")
        self.save.setText(self.tr("Save version"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("cancel")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.code.currentIndexChanged.connect(self._code_changed)
        self.code.setCurrentIndex(max(0, self.code.findData(code or RULE_CODES[0])))
        self._code_changed()

    def _field(self, name: str, widget: QWidget) -> QWidget:
        """The input with its own error line beneath it (hidden while there is none)."""
        widget.setObjectName(name)
        error = ErrorLabel()
        error.setObjectName(f"{name}_error")
        self.fields[name], self.errors[name] = widget, error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        return box

    def _count(self, low: int, high: int, special: str = "") -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setGroupSeparatorShown(True)
        spin.setMinimumWidth(130)
        if special:
            spin.setSpecialValueText(special)
        spin.valueChanged.connect(self._update_reads)
        return spin

    @staticmethod
    def _compact_form(box: QGroupBox) -> QFormLayout:
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        return form

    def _spend_box(self) -> QGroupBox:
        self.spend_box = QGroupBox(self.tr("Points for spending"))
        self.spend_box.setObjectName("spend_box")
        self.points_per_unit = self._count(1, 1_000_000)
        self.unit_yuan = QLineEdit()
        self.unit_yuan.setPlaceholderText(self.tr("e.g. 1000 or 0.50"))
        self.unit_yuan.setMinimumWidth(130)
        self.unit_yuan.textChanged.connect(self._update_reads)
        self.rounding = QComboBox()
        for code in ("floor", "round_half_up"):
            self.rounding.addItem(rounding_name(code), code)
        self.rounding.currentIndexChanged.connect(self._update_reads)
        form = self._compact_form(self.spend_box)
        form.addRow(self.tr("Points earned"), self._field("points_per_unit", self.points_per_unit))
        form.addRow(self.tr("For every (yuan)"), self._field("unit_yuan", self.unit_yuan))
        form.addRow(self.tr("Part of a unit"), self._field("rounding", self.rounding))
        return self.spend_box

    def _event_box(self) -> QGroupBox:
        self.event_box = QGroupBox(self.tr("Points per occurrence"))
        self.event_box.setObjectName("event_box")
        no_limit = self.tr("No limit")
        self.points = self._count(1, 1_000_000)
        self.caps = {key: self._count(NO_CAP, 10_000_000, no_limit) for key in CAPS}
        self.window_months = self._count(1, 60)
        self.window_months.setSuffix(self.tr(" months"))
        form = self._compact_form(self.event_box)
        self.event_form = form
        form.addRow(self.tr("Points each time"), self._field("points", self.points))
        for key, label in zip(
            CAPS,
            (
                self.tr("At most, per day"),
                self.tr("At most, per month"),
                self.tr("At most, per year"),
            ),
            strict=True,
        ):
            form.addRow(label, self._field(key, self.caps[key]))
        form.addRow(
            self.tr("Within, after the launch"),
            self._field("window_months", self.window_months),
        )
        hint = QLabel(self.tr("Limits count points; 0 means no limit."))
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        return self.event_box

    def latest(self, code: str) -> RuleVersion | None:
        same = [v for v in self.versions if v.code == code]
        return max(same, key=lambda v: v.version, default=None)

    def _code_changed(self, *_args) -> None:
        code = self.code.currentData()
        spend = code in SPEND_KINDS
        self.form.setRowVisible(self.spend_box, spend)
        self.form.setRowVisible(self.event_box, code in EVENTS)
        self.event_form.setRowVisible(
            self.fields["window_months"].parentWidget(), code == "new_binding"
        )
        self._clear_errors()
        latest = self.latest(code)
        earliest = self.today
        if latest is not None:
            earliest = max(earliest, latest.effective_from + timedelta(days=1))
        self.effective_from.setDate(to_qdate(max(earliest, self.today + timedelta(days=1))))
        params = latest.params if latest else {}
        if spend:
            self.points_per_unit.setValue(params.get("points_per_unit", 1))
            unit = params.get("unit_fen", 100_000)
            self.unit_yuan.setText(
                str(unit // 100) if unit % 100 == 0 else f"{unit // 100}.{unit % 100:02d}"
            )
            self.rounding.setCurrentIndex(max(0, self.rounding.findData(params.get("rounding"))))
        else:
            self.points.setValue(params.get("points", 1))
            for key in CAPS:
                self.caps[key].setValue(params.get(key) or NO_CAP)
            self.window_months.setValue(params.get("window_months", 3))
        self._update_reads()
        self.adjustSize()

    def _update_reads(self, *_args) -> None:
        """The figures as the rules table will show them, while they are typed."""
        if not hasattr(self, "reads") or not hasattr(self, "window_months"):
            return  # still building the dialog
        params = self.params(show_errors=False)
        code = self.code.currentData()
        self.reads.setText(rule_parameters(code, params) if params else "")

    def _clear_errors(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()

    def _show_error(self, field: str | None, text: str) -> None:
        label = self.errors.get(field or "", self.error)
        label.show_message(text)
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()

    def params(self, show_errors: bool = True) -> dict | None:
        """The figures for the service, or None (after saying why, if asked to)."""
        code = self.code.currentData()
        if code in SPEND_KINDS:
            try:
                unit_fen = yuan_to_fen(self.unit_yuan.text())
            except ValueError:
                unit_fen = -1
            if unit_fen is None or unit_fen <= 0:
                if not show_errors:
                    return None
                self._show_error(
                    "unit_yuan",
                    self.tr("Enter the amount in yuan that earns the points, e.g. 1000 or 0.50."),
                )
                return None
            return {
                "points_per_unit": self.points_per_unit.value(),
                "unit_fen": unit_fen,
                "rounding": self.rounding.currentData(),
            }
        params: dict = {"points": self.points.value()}
        for key in CAPS:
            if self.caps[key].value() != NO_CAP:
                params[key] = self.caps[key].value()
        if code == "new_binding":
            params["window_months"] = self.window_months.value()
        return params

    def _submit(self) -> None:
        self._clear_errors()
        params = self.params()
        if params is None:
            return
        db, actor, code = self.db, self.actor, self.code.currentData()
        effective_from, note = to_date(self.effective_from.date()), self.note.text()
        self.save.setEnabled(False)
        run_in_background(
            lambda: points.add_rule_version(db, actor, code, effective_from, params, note),
            self._saved,
            self._failed,
        )

    def _saved(self, version: RuleVersion) -> None:
        self.saved.emit(version)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        field = exc.field if isinstance(exc, ValidationError) else None
        self._show_error(field, message_for(exc))


# --- expiry run and ledger check -------------------------------------------------------------


class ChecksTab(QWidget):
    """The expiry run (administrators) and the ledger check (administrators and auditors)."""

    expired = Signal()

    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.progress = None
        self.check_group: QGroupBox | None = None
        self.column = QVBoxLayout(self)
        if actor.can(Permission.CONFIGURE_PROGRAMME):
            self.column.addWidget(self._expiry_box())
            self.column.addWidget(self._initial_box())
        if actor.can(Permission.VIEW_AUDIT):
            self.check_group = self._check_box()
            self.column.addWidget(self.check_group)
        self.column.addStretch(1)  # given to the discrepancies while they are shown

    def _expiry_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Expiry run"))
        intro = QLabel(
            self.tr(
                "Removes from the members' balances the points whose last valid day is before "
                "the chosen date, with an expiry entry for each. It normally runs every night; "
                "run it here to catch up. Running it twice for the same date changes nothing."
            )
        )
        intro.setWordWrap(True)
        self.as_of = QDateEdit()
        self.as_of.setObjectName("expiry_as_of")
        self.as_of.setDisplayFormat(DATE_FORMAT)
        self.as_of.setCalendarPopup(True)
        today = to_qdate(self.today())
        self.as_of.setMaximumDate(today)
        self.as_of.setDate(today)
        self.run_expiry = QPushButton(self.tr("Run expiry…"))
        self.run_expiry.setObjectName("run_expiry")
        self.run_expiry.clicked.connect(self._confirm_expiry)
        self.expiry_result = QLabel()
        self.expiry_result.setObjectName("expiry_result")
        self.expiry_result.setWordWrap(True)
        self.expiry_result.hide()
        self.expiry_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Expire points as of")))
        row.addWidget(self.as_of)
        row.addWidget(self.run_expiry)
        row.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addLayout(row)
        column.addWidget(self.expiry_result)
        return box

    def _initial_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Initial points"))
        intro = QLabel(
            self.tr(
                "Members with service records in the year before the launch get that spend "
                "converted into points at the service rule, once. Documents that already "
                "earned points do not count; running it again only grants the members not done yet."
            )
        )
        intro.setWordWrap(True)
        self.grant_initial = QPushButton(self.tr("Grant initial points…"))
        self.grant_initial.setObjectName("grant_initial")
        self.grant_initial.clicked.connect(self._grant_initial)
        self.initial_result = QLabel()
        self.initial_result.setObjectName("initial_result")
        self.initial_result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.grant_initial)
        row.addWidget(self.initial_result, 1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addLayout(row)
        return box

    def _grant_initial(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Grant initial points"),
            self.tr("Convert last year's service spend into points for every member now?"),
            parent=self,
        )
        box.setObjectName("confirm_initial")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        run = box.addButton(self.tr("Grant points"), QMessageBox.ButtonRole.AcceptRole)
        run.setObjectName("confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(cancel)
        box.buttonClicked.connect(lambda button: button is run and self._run_initial())
        box.open()

    def _run_initial(self) -> None:
        db, actor = self.db, self.actor
        self.grant_initial.setEnabled(False)
        self.progress = run_with_progress(
            self,
            self.tr("Granting initial points…"),
            lambda progress: points.grant_initial_points(db, actor, progress),
            self._granted,
            self._grant_failed,
        )

    def _granted(self, result: points.InitialPoints) -> None:
        self.grant_initial.setEnabled(True)
        template = (
            self.tr("Granted before: {points} points to {members} members; nothing changed now.")
            if result.repeated
            else self.tr("{points} points granted to {members} members.")
        )
        self.initial_result.setText(
            template.format(points=format_int(result.points), members=format_int(result.members))
        )
        self.expired.emit()  # balances changed: refresh the expiring list too

    def _grant_failed(self, exc: BaseException) -> None:
        self.grant_initial.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.initial_result.setText(
                self.tr("Cancelled. Members done so far keep their points; run it again to finish.")
            )
        else:
            self.initial_result.setText(message_for(exc))

    def _check_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ledger check"))
        intro = QLabel(
            self.tr(
                "Recomputes every member's balance, lots and holds from the ledger entries and "
                "lists anything that disagrees. It only reads; nothing is changed."
            )
        )
        intro.setWordWrap(True)
        self.check = QPushButton(self.tr("Check ledger"))
        self.check.setObjectName("check_ledger")
        self.check.clicked.connect(self._check)
        self.check_result = QLabel()
        self.check_result.setObjectName("check_result")
        self.check_result.setWordWrap(True)
        self.discrepancies = _table(
            "discrepancies",
            [self.tr("Member number"), self.tr("Problem"), self.tr("Expected"), self.tr("Found")],
            stretch=1,
        )
        self.discrepancies.hide()
        row = QHBoxLayout()
        row.addWidget(self.check)
        row.addWidget(self.check_result, 1)
        column = QVBoxLayout(box)
        column.addWidget(intro)
        column.addLayout(row)
        column.addWidget(self.discrepancies, 1)
        return box

    def _show_discrepancies(self, shown: bool) -> None:
        self.discrepancies.setVisible(shown)
        self.column.setStretchFactor(self.check_group, 1 if shown else 0)
        self.column.setStretch(self.column.count() - 1, 0 if shown else 1)

    def _say(self, text: str) -> None:
        self.expiry_result.setText(text)
        self.expiry_result.setVisible(bool(text))

    # expiry ----------------------------------------------------------------------------------

    def _confirm_expiry(self) -> None:
        as_of = to_date(self.as_of.date())
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Run expiry"),
            self.tr(
                "Expire all points whose last valid day is before {date}?\n\n"
                "Their balances go down by those points and an expiry entry is posted for "
                "each; this cannot be undone. The run works through the members in batches: "
                "if you cancel it, the batches done stay expired and running it again "
                "finishes the rest."
            ).format(date=format_date(as_of)),
            parent=self,
        )
        box.setObjectName("confirm_expiry")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        run = box.addButton(self.tr("Expire points"), QMessageBox.ButtonRole.AcceptRole)
        run.setObjectName("confirm")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(cancel)
        box.buttonClicked.connect(lambda button: button is run and self.expire(as_of))
        box.open()

    def expire(self, as_of: date) -> None:
        db, actor = self.db, self.actor
        self.run_expiry.setEnabled(False)
        self._say(self.tr("Expiring points…"))
        self.progress = run_with_progress(
            self,
            self.tr("Expiring points as of {date}…").format(date=format_date(as_of)),
            lambda progress: points.expire_points(db, actor, as_of, progress),
            self._expired,
            self._expiry_failed,
        )
        self.progress.setObjectName("expiry_progress")

    def _expired(self, result: points.ExpiryResult) -> None:
        self.run_expiry.setEnabled(True)
        if result.repeated:
            template = self.tr(
                "The expiry as of {date} was run before ({lots} lots, {points} points); "
                "nothing changed now."
            )
        elif result.lots == 1:
            template = self.tr("1 lot, {points} points expired as of {date}.")
        else:
            template = self.tr("{lots} lots, {points} points expired as of {date}.")
        self._say(
            template.format(
                lots=format_int(result.lots),
                points=format_int(result.points),
                date=format_date(result.as_of),
            )
        )
        self.expired.emit()

    def _expiry_failed(self, exc: BaseException) -> None:
        self.run_expiry.setEnabled(True)
        if isinstance(exc, Cancelled):
            self._say(
                self.tr(
                    "Cancelled. The batches already done stay expired; run the expiry again "
                    "to finish."
                )
            )
            self.expired.emit()
        else:
            self._say(message_for(exc))

    # check -----------------------------------------------------------------------------------

    def _check(self) -> None:
        db, actor = self.db, self.actor
        self.check.setEnabled(False)
        self._show_discrepancies(False)
        self.check_result.setStyleSheet("")
        self.check_result.setText(self.tr("Checking the ledger…"))
        self.progress = run_with_progress(
            self,
            self.tr("Checking the ledger…"),
            lambda progress: _check_ledger(db, actor, progress),
            self._checked,
            self._check_failed,
        )
        self.progress.setObjectName("check_progress")

    def _checked(self, result: tuple[list[Discrepancy], list]) -> None:
        found, unguarded = result
        self.check.setEnabled(True)
        if not found and not unguarded:
            self.check_result.setText(
                self.tr("The ledger is consistent: every balance, lot and hold matches.")
            )
            return
        lines = []
        if unguarded:
            text = self.tr(
                "The database guards that keep the ledger append-only are not intact: {guards}."
            )
            lines.append(text.format(guards=guard_problems_text(unguarded)))
        if found:
            lines.append(
                self.tr(
                    "{n} discrepancies found. Keep this list for the system administrator."
                ).format(n=format_int(len(found)))
            )
        self.check_result.setText("\n".join(lines))
        self.check_result.setStyleSheet("color: #b00020;")
        if not found:
            return
        _fill(
            self.discrepancies,
            [
                [d.member_number, problem_name(d.problem), format_int(d.expected),
                 format_int(d.found)]
                for d in found
            ],
            right={2, 3},
        )  # fmt: skip
        self._show_discrepancies(True)

    def _check_failed(self, exc: BaseException) -> None:
        self.check.setEnabled(True)
        self.check_result.setText(message_for(exc))
