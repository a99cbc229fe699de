"""Members: one search box for every key a customer may give at the counter, filters, and a
list that fetches 100 rows at a time as it scrolls (built for a million members)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QDate,
    QEvent,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import members, staff
from app.services.members import MemberFilter, MemberRow
from app.services.members.search import COUNT_CAP, count_members
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.services.tiers import PolicyVersion, current_policy
from app.ui.members.labels import gender_label, status_label
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.member_header import EmptyNote
from app.ui.members.member_import_dialog import MemberImportDialog, export_members
from app.ui.members.member_view import MemberView
from app.ui.reports.segmentation_labels import cell_text
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import DATE_FORMAT, to_date
from app.ui.shared.i18n import format_date, format_int
from app.ui.shared.paged_model import PagedTableModel
from app.ui.shared.worker import run_in_background

PAGE = 100
SEARCH_DELAY_MS = 300  # wait until the user stops typing
NO_LIMIT = QDate(2000, 1, 1)  # shown as "Any" in the joined from/to filters
SORTABLE = {0: "member_number", 6: "join_date"}  # column → sort key the service pages on
MASKED_COLOUR = QColor("#7a7a7a")


class MembersModel(PagedTableModel):
    """Search results; rows with hidden personal data are shown grey and italic."""

    page_size = PAGE

    def __init__(self, db: Database, actor: Actor, parent=None):
        super().__init__([], parent)
        self.db, self.actor = db, actor
        self.filter, self.sort = MemberFilter(), "member_number"
        self.headers = [
            self.tr("Member number"),
            self.tr("Name"),
            self.tr("Mobile"),
            self.tr("Gender"),
            self.tr("Dealer"),
            self.tr("Status"),
            self.tr("Join date"),
        ]

    def reload(self, flt: MemberFilter, sort: str) -> None:
        self.filter, self.sort = flt, sort
        self.restart()

    def page_after(self, last_row: MemberRow | None):
        db, actor, flt, sort, size = self.db, self.actor, self.filter, self.sort, self.page_size
        after = members.sort_key(last_row, sort) if last_row else None
        return lambda: members.search(db, actor, flt, after=after, limit=size, sort=sort)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            return self.tr("Click to sort") if section in SORTABLE else None
        return super().headerData(section, orientation, role)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if not row.masked or role == Qt.ItemDataRole.DisplayRole:
            return super().data(index, role)
        if role == Qt.ItemDataRole.ForegroundRole:
            return MASKED_COLOUR
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Personal data hidden; open the member to see more.")
        return None

    def cells(self, row: MemberRow) -> tuple[str, ...]:
        return (
            row.member_number,
            row.name,
            row.mobile or "",
            gender_label(row.gender),
            row.dealer_name or "",
            status_label(row.status),
            format_date(row.join_date),
        )


class MembersPage(QWidget):
    def __init__(self, db: Database, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.timezone = db, actor, timezone
        self.sort = "member_number"
        self._select_when_loaded: str | None = None
        self._open_when_loaded = False  # Enter pressed while the search was running
        self._count_generation = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_search)
        self.model = MembersModel(db, actor, self)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.failed.connect(self._search_failed)

        layout = QVBoxLayout(self)
        layout.addLayout(self._title_row())
        layout.addLayout(self._search_row())
        layout.addLayout(self._filter_row())
        layout.addWidget(self._results(), 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        layout.addWidget(self.status)
        self._shortcuts()
        self._load_choices()
        self.run_search()
        on_change(self, {Area.MEMBERS}, self._debounce.start)

    # layout ----------------------------------------------------------------------------------

    def _title_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("<h2>" + self.tr("Members") + "</h2>"))
        row.addStretch(1)
        export = QPushButton(self.tr("Export…"))
        export.setObjectName("export")
        export.clicked.connect(
            lambda: export_members(self, self.db, self.actor, self.current_filter())
        )
        row.addWidget(export)
        if self.actor.can(Permission.EDIT_MEMBERS):
            import_button = QPushButton(self.tr("Import…"))
            import_button.setObjectName("import")
            import_button.clicked.connect(self._import)
            row.addWidget(import_button)
            new = QPushButton(self.tr("New member…"))
            new.setObjectName("new_member")
            new.setToolTip(self.tr("Register a new member (Ctrl+N)"))
            new.clicked.connect(self.new_member)
            row.addWidget(new)
        return row

    def _search_row(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr(
                "Member number, mobile or its last 4 digits, VIN or its last 6, plate, "
                "ID number, name or its pinyin/initials  (Ctrl+F)"
            )
        )
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self.search.installEventFilter(self)
        self.search.setToolTip(
            self.tr("Enter opens the first member found; Down moves into the list.")
        )
        self.count = QLabel()
        self.count.setObjectName("result_count")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Search")))
        row.addWidget(self.search, 1)
        row.addWidget(self.count)
        return row

    def _filter_row(self) -> QHBoxLayout:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        self.status_filter.addItem(self.tr("All"), None)
        for code in members.STATUSES:
            self.status_filter.addItem(status_label(code), code)
        self.dealer_filter = QComboBox()
        self.dealer_filter.setObjectName("dealer_filter")
        self.dealer_filter.addItem(self.tr("All"), None)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tag_filter")
        self.tag_filter.addItem(self.tr("All"), None)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("tier_filter")
        self.tier_filter.addItem(self.tr("All"), None)
        self.segment_filter = QComboBox()
        self.segment_filter.setObjectName("segment_filter")
        self.segment_filter.addItem(self.tr("All"), None)
        for cell in (*range(1, 10), None):  # None: the members without data (0 in the filter)
            self.segment_filter.addItem(cell_text(cell), 0 if cell is None else cell)
        self.segment_filter.setToolTip(self.tr("The value segment in the latest quarterly run"))
        self.joined_from = self._date_filter("joined_from")
        self.joined_to = self._date_filter("joined_to")
        row = QHBoxLayout()
        filters = [(self.tr("Status"), self.status_filter)]
        if self.actor.is_headquarters:  # dealer staff only ever see their own dealer
            filters.append((self.tr("Dealer"), self.dealer_filter))
        filters += [
            (self.tr("Tier"), self.tier_filter),
            (self.tr("Tag"), self.tag_filter),
            (self.tr("Value segment"), self.segment_filter),
            (self.tr("Joined from"), self.joined_from),
            (self.tr("to"), self.joined_to),
        ]
        for label, widget in filters:
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        combos = (self.status_filter, self.dealer_filter, self.tier_filter, self.tag_filter)
        for combo in (*combos, self.segment_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        return row

    def _date_filter(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setMinimumDate(NO_LIMIT)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDisplayFormat(DATE_FORMAT)
        edit.setDate(NO_LIMIT)
        edit.setCalendarPopup(True)
        edit.dateChanged.connect(lambda _d: self._debounce.start())
        return edit

    def _results(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("results")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.activated.connect(lambda index: self.open_member(index.row()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the dealer's name
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sectionClicked.connect(self._header_clicked)
        for column, width in {0: 120, 1: 110, 2: 120, 3: 70, 5: 100, 6: 110}.items():
            self.table.setColumnWidth(column, width)
        self.table.installEventFilter(self)
        self.empty = EmptyNote(self.table)
        return self.table

    def _shortcuts(self) -> None:
        # Ctrl+F is the main window's (it finds the way back here from every area).
        if self.actor.can(Permission.EDIT_MEMBERS):
            new = QShortcut(QKeySequence.StandardKey.New, self)
            new.activated.connect(self.new_member)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        """Down in the search box moves into the results, as in a browser's address bar;
        Up on the first result goes back to the search box."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)
            return True
        on_first = self.table.currentIndex().row() <= 0
        if watched is self.table and key == Qt.Key.Key_Up and on_first:
            self.focus_search()
            return True
        return super().eventFilter(watched, event)

    # choices ---------------------------------------------------------------------------------

    def _load_choices(self) -> None:
        db, actor = self.db, self.actor
        run_in_background(lambda: members.tags_in_use(db, actor), self._fill_tags, self._failed)
        run_in_background(lambda: current_policy(db, actor), self._fill_tiers, self._failed)
        if actor.is_headquarters:
            run_in_background(
                lambda: staff.list_dealers(db, actor), self._fill_dealers, self._failed
            )

    def _fill_tags(self, tags: list[str]) -> None:
        _refill(self.tag_filter, [(tag, tag) for tag in tags])

    def _fill_tiers(self, version: PolicyVersion) -> None:
        _refill(self.tier_filter, [(tier.name, tier.code) for tier in version.policy.tiers])

    def _fill_dealers(self, dealers: list[staff.DealerRow]) -> None:
        _refill(self.dealer_filter, [(f"{d.code} {d.name}", d.id) for d in dealers])

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    # searching -------------------------------------------------------------------------------

    def current_filter(self) -> MemberFilter:
        return MemberFilter(
            text=self.search.text(),
            status=self.status_filter.currentData(),
            dealer_id=self.dealer_filter.currentData(),
            tag=self.tag_filter.currentData(),
            tier=self.tier_filter.currentData(),
            segment_cell=self.segment_filter.currentData(),
            joined_from=_filter_date(self.joined_from),
            joined_to=_filter_date(self.joined_to),
        )

    def run_search(self) -> None:
        self._debounce.stop()
        self.status.setText(self.tr("Searching…"))
        self.empty.set_text("")
        flt = self.current_filter()
        self.model.reload(flt, self.sort)
        self._count(flt)

    def _count(self, flt: MemberFilter) -> None:
        """The number of matches, in a worker of its own: the first page shows meanwhile."""
        self._count_generation += 1
        generation, db, actor = self._count_generation, self.db, self.actor
        self.count.setText("")
        run_in_background(
            lambda: count_members(db, actor, flt),
            lambda n: self._show_count(generation, n),
            lambda _exc: None,  # the list itself reports what went wrong
            owner=self,
        )

    def _show_count(self, generation: int, n: int) -> None:
        if generation != self._count_generation:
            return  # an older search's answer
        if n > COUNT_CAP:
            text = self.tr("More than {count} members").format(count=format_int(COUNT_CAP))
        elif n == 1:
            text = self.tr("1 member")
        else:
            text = self.tr("{count} members").format(count=format_int(n))
        self.count.setText(text)

    def _enter_in_search(self) -> None:
        """Enter opens the member found (the first of several) once the search has run."""
        current = self.current_filter() == self.model.filter
        if current and not self._debounce.isActive() and not self.model.loading:
            self._open_first()
            return
        self._open_when_loaded = True
        self.run_search()

    def _open_first(self) -> None:
        if self.model.rowCount():
            self.table.selectRow(0)
            self.open_member(0)

    def _header_clicked(self, column: int) -> None:
        # Only the two indexed sorts exist; other columns keep the current sort.
        if column in SORTABLE and SORTABLE[column] != self.sort:
            self.sort = SORTABLE[column]
            self.run_search()
        current = next(c for c, key in SORTABLE.items() if key == self.sort)
        self.table.horizontalHeader().setSortIndicator(current, Qt.SortOrder.AscendingOrder)

    def _page_loaded(self) -> None:
        self.status.setText(self._status_text())
        self.empty.set_text(self._empty_text())
        if self._open_when_loaded:
            self._open_when_loaded = False
            self._open_first()
        if self._select_when_loaded:
            self._select_number(self._select_when_loaded)
            self._select_when_loaded = None

    def _status_text(self) -> str:
        count = self.model.rowCount()
        if count == 0:
            return self.tr("No member matches.")
        parts = [self.tr("Members loaded: {n}").format(n=format_int(count))]
        if not self.model.exhausted:
            parts.append(self.tr("scroll down for more"))
        if any(row.masked for row in self.model.rows):
            parts.append(self.tr("grey rows: personal data hidden"))
        return self.tr("; ").join(parts)

    def _search_failed(self, exc: BaseException) -> None:
        self._open_when_loaded = False
        self.status.setText(message_for(exc))
        self.empty.set_text(message_for(exc))

    def _empty_text(self) -> str:
        if self.current_filter() == MemberFilter():
            return self.tr("No members yet: register the first one with New member….")
        if self.search.text().strip():
            return self.tr(
                "No member matches “{text}”. Check the number, or search by mobile, plate or name."
            ).format(text=self.search.text().strip())
        return self.tr("No members match these filters.")

    def _select_number(self, number: str) -> None:
        for row, member in enumerate(self.model.rows):
            if member.member_number == number:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # opening ---------------------------------------------------------------------------------

    def today(self) -> date:
        return today_in(self.db, self.timezone)

    def _import(self) -> None:
        dialog = MemberImportDialog(self.db, self.actor, self)
        dialog.setObjectName("import_dialog")
        dialog.open()

    def new_member(self) -> None:
        dialog = MemberDialog(self.db, self.actor, self.today(), parent=self)
        dialog.saved.connect(self._registered)
        dialog.open_member.connect(self.open_member_id)
        dialog.open()

    def _registered(self, _member_id: int, number: str) -> None:
        """Show the new member: its number in the search box, its row selected."""
        self.search.setText(number)
        self._select_when_loaded = number
        self.run_search()

    def open_member(self, row: int) -> None:
        self.open_member_id(self.model.rows[row].id)

    def open_member_id(self, member_id: int) -> None:
        view = MemberView(self.db, self.actor, member_id, self.today(), self)
        view.show()


def _refill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Replace all but the "All" entry without triggering a search per item."""
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for text, data in items:
        combo.addItem(text, data)
    combo.blockSignals(False)


def _filter_date(edit: QDateEdit):
    return None if edit.date() == NO_LIMIT else to_date(edit.date())
