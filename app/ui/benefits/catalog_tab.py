"""The benefit catalog: every item with its price, value, stock and status; headquarters
create and edit items, submit them for listing (decided in Approvals), delist them and
change their stock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import benefits as rules
from app.domain.roles import Actor, Permission
from app.services import benefits
from app.services.benefits import CatalogFilter, ItemRow
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.benefits.common import ERROR_COLOUR, MUTED, OK_COLOUR
from app.ui.benefits.item_dialog import ItemDialog
from app.ui.benefits.labels import (
    CHANNELS,
    ITEM_STATUSES,
    category_name,
    channel_name,
    item_status_name,
    stock_text,
)
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.shared.paged_model import RowsModel, RowsView
from app.ui.shared.widgets import action_button
from app.ui.shared.worker import run_in_background

CODE, NAME, CHANNEL, CATEGORY, PRICE, VALUE, STOCK, STATUS, VALID = range(9)
STATUS_COLOURS = {"listed": OK_COLOUR, "submitted": "#8a5a00", "delisted": MUTED}
SEARCH_DELAY_MS = 300


def valid_text(start: date | None, end: date | None) -> str:
    """The days an item may be redeemed, in words when open on a side."""
    if start is None and end is None:
        return ""
    if end is None:
        return QCoreApplication.translate("CatalogTab", "from {date}").format(
            date=format_date(start)
        )
    if start is None:
        return QCoreApplication.translate("CatalogTab", "until {date}").format(
            date=format_date(end)
        )
    return f"{format_date(start)} – {format_date(end)}"


class CatalogTab(QWidget):
    def __init__(self, db: Database, actor: Actor, today: Callable[[], date], parent=None):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.manager = actor.can(Permission.MANAGE_BENEFITS)
        self._generation = 0
        self._message = ""
        self.search = QLineEdit()
        self.search.setObjectName("catalog_search")
        self.search.setPlaceholderText(self.tr("Search by code or name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.channel = QComboBox()
        self.channel.setObjectName("catalog_channel")
        self.channel.addItem(self.tr("All channels"), None)
        for code in CHANNELS:
            self.channel.addItem(channel_name(code), str(code))
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("catalog_status_filter")
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in ITEM_STATUSES:
            self.status_filter.addItem(item_status_name(code), code)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.channel.currentIndexChanged.connect(lambda _i: self.reload())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())

        self.model = RowsModel(
            [self.tr("Code"), self.tr("Name"), self.tr("Channel"), self.tr("Category"),
             self.tr("Points price"), self.tr("Face value"), self.tr("Stock"),
             self.tr("Status"), self.tr("Valid")],
            self._cells, right=frozenset({PRICE, VALUE, STOCK}),
        )  # fmt: skip
        self.model.colours = self._colour
        self.table = RowsView("catalog_table", self.model, NAME)
        self.table.activated.connect(lambda index: self.open_item(index.row()))
        self.table.setToolTip(
            self.tr("Double-click or press Enter to edit the benefit")
            if self.manager
            else self.tr("Double-click or press Enter to see the benefit")
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("catalog_status")
        self.status.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("catalog_message")
        self.message.setWordWrap(True)
        self.message.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.channel)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        self.buttons: dict[str, QPushButton] = {}
        if self.manager:
            layout.addLayout(self._action_buttons())
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        on_change(self, {Area.BENEFITS, Area.APPROVALS}, self.reload)
        self._update_buttons()
        self.reload()

    def _action_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, text, tip, slot in (
            ("new_item", self.tr("New benefit…"),
             self.tr("Add a benefit to the catalog as a draft"), self.new_item),
            ("edit_item", self.tr("Edit…"), self.tr("Change the selected benefit"),
             self.edit_selected),
            ("submit_item", self.tr("Submit for listing…"),
             self.tr("Ask another administrator to list the benefit (in Approvals)"),
             self.submit_selected),
            ("delist_item", self.tr("Delist…"),
             self.tr("Take the benefit off the catalog; vouchers already issued stay valid"),
             self.delist_selected),
            ("add_stock", self.tr("Change stock…"), self.tr("Add or take out stock"),
             self.change_stock_selected),
        ):  # fmt: skip
            self.buttons[name] = action_button(name, text, tip, slot)
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        return row

    # the list --------------------------------------------------------------------------------

    def filters(self) -> CatalogFilter:
        return CatalogFilter(
            self.search.text().strip(), self.channel.currentData(), self.status_filter.currentData()
        )

    def reload(self) -> None:
        self._generation += 1
        generation, filters = self._generation, self.filters()
        db, actor = self.db, self.actor
        run_in_background(
            lambda: benefits.list_items(db, actor, filters),
            lambda rows: self._show(generation, rows),
            self._failed,
        )

    def _show(self, generation: int, rows: list[ItemRow]) -> None:
        if generation != self._generation:
            return  # an older search answered late
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:
            for r, row in enumerate(rows):
                if row.id == selected.id:
                    self.table.selectRow(r)
        filtered = any((self.filters().search, self.filters().channel, self.filters().status))
        if rows:
            self.status.setText(self.tr("{n} benefits").format(n=format_int(len(rows))))
        elif filtered:
            self.status.setText(self.tr("No benefit matches the search and filters."))
        else:
            self.status.setText(self.tr("The catalog is empty: no benefits yet."))
        self._update_buttons()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(message_for(exc))

    def _cells(self, row: ItemRow) -> list[str]:
        tier = row.channel == rules.Channel.TIER
        return [
            row.code, row.name, channel_name(row.channel), category_name(row.category),
            "—" if tier else format_int(row.points_price),
            "—" if tier and not row.face_value_fen else format_yuan(row.face_value_fen),
            stock_text(row.stock),
            item_status_name(row.shown_status), valid_text(row.valid_from, row.valid_to),
        ]  # fmt: skip

    def _colour(self, row: ItemRow, column: int) -> str | None:
        if column == STATUS:
            return STATUS_COLOURS.get(row.shown_status)
        if column == STOCK and row.stock == 0:
            return ERROR_COLOUR
        return None

    def selected(self) -> ItemRow | None:
        r = self.table.current_row()
        return self.model.rows[r] if r is not None and r < len(self.model.rows) else None

    def _update_buttons(self) -> None:
        if not self.buttons:
            return
        row = self.selected()
        shown = row.shown_status if row else None
        self.buttons["edit_item"].setEnabled(row is not None and shown != "submitted")
        self.buttons["submit_item"].setEnabled(shown in ("draft", "delisted"))
        self.buttons["delist_item"].setEnabled(shown == "listed")
        self.buttons["add_stock"].setEnabled(row is not None)

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # the actions -----------------------------------------------------------------------------

    def open_item(self, r: int) -> None:
        if 0 <= r < len(self.model.rows):
            self._open_dialog(self.model.rows[r])

    def new_item(self) -> None:
        self._open_dialog(None)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open_dialog(row)

    def _open_dialog(self, row: ItemRow | None) -> None:
        read_only = not self.manager or (row is not None and row.shown_status == "submitted")
        dialog = ItemDialog(self.db, self.actor, row, self.today(), read_only, self)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, row: ItemRow) -> None:
        self.say(self.tr("Benefit {code} saved.").format(code=row.code))
        self.reload()

    def submit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ActionDialog(
            self, "submit_dialog",
            self.tr("Submit {name} for listing").format(name=row.name),
            self.tr("Another administrator lists it in Approvals. Until they decide, the "
                    "benefit cannot be changed."),
            self.tr("Submit"),
        )  # fmt: skip
        note = QLineEdit()
        note.setMaxLength(500)
        note.setPlaceholderText(self.tr("what the approver should know"))
        dialog.add_row(self.tr("Note"), note, "note")
        dialog.require(lambda: bool(note.text().strip()), note.textChanged)
        db, actor, benefit_id = self.db, self.actor, row.id

        def submit():
            text = note.text()
            return lambda: benefits.submit_for_listing(db, actor, benefit_id, text)

        dialog.work = submit
        dialog.succeeded.connect(
            lambda _request: self._done(
                self.tr("{name} was submitted for listing; it waits in Approvals.").format(
                    name=row.name
                )
            )
        )
        dialog.open()

    def delist_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ActionDialog(
            self, "delist_dialog", self.tr("Delist {name}").format(name=row.name),
            self.tr("Members can no longer redeem it. Vouchers already issued stay valid."),
            self.tr("Delist"),
        )  # fmt: skip
        note = QLineEdit()
        note.setMaxLength(500)
        note.setPlaceholderText(self.tr("why (optional)"))
        dialog.add_row(self.tr("Note"), note, "note")
        db, actor, benefit_id = self.db, self.actor, row.id

        def delist():
            text = note.text()
            return lambda: benefits.delist_item(db, actor, benefit_id, text)

        dialog.work = delist
        dialog.succeeded.connect(
            lambda item: self._done(self.tr("{name} was delisted.").format(name=item.name))
        )
        dialog.open()

    def change_stock_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ActionDialog(
            self, "stock_dialog", self.tr("Change the stock of {name}").format(name=row.name),
            self.tr("In stock now: {stock}. Add with a positive number, take out with a "
                    "negative one.").format(stock=stock_text(row.stock)),
            self.tr("Save"),
        )  # fmt: skip
        change = QSpinBox()
        change.setRange(-rules.MAX_STOCK, rules.MAX_STOCK)
        change.setGroupSeparatorShown(True)
        change.setAlignment(Qt.AlignmentFlag.AlignRight)
        unlimited = QCheckBox(self.tr("Unlimited stock"))
        unlimited.setChecked(row.stock is None)
        unlimited.toggled.connect(lambda on: change.setEnabled(not on))
        change.setEnabled(row.stock is not None)
        note = QLineEdit()
        note.setMaxLength(500)
        note.setPlaceholderText(self.tr("e.g. delivery note number"))
        dialog.add_row(self.tr("Change by"), change, "stock_change")
        dialog.add_row("", unlimited, "unlimited")
        dialog.add_row(self.tr("Note"), note, "note")

        def changed() -> bool:
            return unlimited.isChecked() != (row.stock is None) or (
                not unlimited.isChecked() and change.value() != 0
            )

        dialog.require(changed, change.valueChanged)
        dialog.require(changed, unlimited.toggled)
        db, actor, benefit_id = self.db, self.actor, row.id

        def work():
            delta = None if unlimited.isChecked() else change.value()
            text = note.text()
            return lambda: benefits.change_stock(db, actor, benefit_id, delta, text)

        dialog.work = work
        dialog.succeeded.connect(
            lambda item: self._done(
                self.tr("{name}: {stock} in stock.").format(
                    name=item.name, stock=stock_text(item.stock)
                )
            )
        )
        dialog.open()

    def _done(self, text: str) -> None:
        self.say(text)
        self.reload()
