"""Headquarters' editor of a catalog item: what it is, its price and value, who may have it
and when, its stock, the dealers that honour its vouchers, and its picture."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import benefits as rules
from app.domain.errors import LoyaltyError
from app.domain.inputs import MAX_POINTS
from app.domain.roles import Actor, Permission
from app.services import benefits, staff, tiers
from app.services.benefits import ItemInput, ItemRow
from app.services.settings import get_settings
from app.services.shared.database import Database
from app.ui.benefits.labels import (
    CATEGORIES,
    CHANNELS,
    SOURCES,
    category_name,
    channel_name,
    limit_period_name,
    source_name,
    stock_text,
)
from app.ui.benefits.picture_box import PictureBox
from app.ui.shared.errors import message_for
from app.ui.shared.forms import OptionalDateEdit, yuan_to_fen
from app.ui.shared.i18n import format_int, format_yuan
from app.ui.shared.widgets import ErrorLabel, save_buttons, with_error_line
from app.ui.shared.worker import run_in_background

FIELD_ALIASES = {"tier": "eligible_tiers", "benefit_id": "code"}


@dataclass(frozen=True)
class Choices:
    """What the editor offers, loaded in a worker."""

    tiers: list[tuple[str, str]]  # (code, name)
    dealers: list[tuple[int, str]]  # (id, "code name")
    points_per_yuan: int
    picture: bytes | None


@dataclass(frozen=True)
class ItemPreset:
    """A new item decided in part before the editor opens (a partner's benefit, from the
    partner's screen): its source fixed, a default unit cost, and how it is saved."""

    source: str
    unit_cost_fen: int | None
    create: Callable[[ItemInput], ItemRow]  # run in the worker instead of create_item
    title: str = ""


def error_field(exc: BaseException) -> str | None:
    if not isinstance(exc, LoyaltyError):
        return None
    field = getattr(exc, "field", None) or exc.params.get("field")
    return FIELD_ALIASES.get(str(field), str(field)) if field else None


def spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setGroupSeparatorShown(True)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    box.setSuffix(suffix)
    box.setMinimumWidth(120)
    return box


def yuan_field() -> QLineEdit:
    field = QLineEdit()
    field.setAlignment(Qt.AlignmentFlag.AlignRight)
    field.setPlaceholderText("0.00")
    field.setMaxLength(16)
    field.setMaximumWidth(160)
    return field


def combo(codes, name) -> QComboBox:
    box = QComboBox()
    for code in codes:
        box.addItem(name(code), str(code))
    return box


class ItemDialog(QDialog):
    """``row`` None: a new draft; else the item to change (``read_only``: just to see)."""

    saved = Signal(object)  # the ItemRow saved

    def __init__(
        self,
        db: Database,
        actor: Actor,
        row: ItemRow | None,
        today: date,
        read_only: bool = False,
        parent: QWidget | None = None,
        preset: ItemPreset | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.row, self.today = db, actor, row, today
        self.preset = preset if row is None else None
        self.read_only = read_only
        self.points_per_yuan = 0
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.tier_boxes: dict[str, QCheckBox] = {}
        self._created: list[ItemRow] = []  # a new item saved by a save that then failed
        self.setObjectName("item_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self.preset is not None and self.preset.title:
            self.setWindowTitle(self.preset.title)
        elif row is None:
            self.setWindowTitle(self.tr("New benefit"))
        elif read_only:
            self.setWindowTitle(self.tr("Benefit {code}").format(code=row.code))
        else:
            self.setWindowTitle(self.tr("Edit benefit {code}").format(code=row.code))
        self.setMinimumWidth(940)
        left = QVBoxLayout()
        left.addWidget(self._what_box())
        left.addWidget(self._price_box())
        left.addWidget(self._picture_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._terms_box())
        right.addWidget(self._stock_box())
        right.addWidget(self._dealers_box(), 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.status = QLabel(self.tr("Loading…"))
        self.status.setObjectName("item_status")
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        if read_only:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("close")
            buttons.rejected.connect(self.reject)
            self.save = None
        else:
            buttons, self.save = save_buttons(self._submit, self.reject)
            self.save.setEnabled(False)  # until the tiers and dealers are known
        layout.addWidget(buttons)
        self._fill(row)
        self._load()

    # the form --------------------------------------------------------------------------------

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return with_error_line(name, widget, self.fields, self.errors)

    def _what_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The benefit"))
        self.code = QLineEdit()
        self.code.setMaxLength(rules.MAX_CODE_LENGTH)
        self.code.setPlaceholderText(self.tr("letters, digits, - or _; e.g. WASH-01"))
        self.name = QLineEdit()
        self.name.setMaxLength(rules.MAX_NAME)
        self.name.setPlaceholderText(self.tr("the name members see"))
        self.channel = combo(CHANNELS, channel_name)
        self.channel.currentIndexChanged.connect(lambda _i: self._channel_changed())
        self.source = combo(SOURCES, source_name)
        self.category = combo(CATEGORIES, category_name)
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("what the member gets and how to use it"))
        self.description.setFixedHeight(self.description.fontMetrics().lineSpacing() * 3 + 14)
        form = QFormLayout(box)
        form.addRow(self.tr("Code"), self._field("code", self.code))
        form.addRow(self.tr("Name"), self._field("name", self.name))
        form.addRow(self.tr("Channel"), self._field("channel", self.channel))
        form.addRow(self.tr("Source"), self._field("source", self.source))
        form.addRow(self.tr("Category"), self._field("category", self.category))
        form.addRow(self.tr("Description"), self._field("description", self.description))
        return box

    def _price_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Price and value"))
        self.face_value = yuan_field()
        self.face_value.textChanged.connect(lambda _text: self._show_default_price())
        self.unit_cost = yuan_field()
        self.unit_cost.setToolTip(self.tr("What one costs the programme (for the reports)"))
        self.points_price = spin(0, MAX_POINTS, self.tr(" points"))
        self.default_price = QCheckBox(self.tr("Default from the face value"))
        self.default_price.setObjectName("default_price")
        self.default_price.toggled.connect(lambda _on: self._show_default_price())
        self.price_hint = QLabel()
        self.price_hint.setObjectName("price_hint")
        self.price_hint.setStyleSheet("color: #555;")
        self.price_hint.setWordWrap(True)
        price_row = QWidget()
        line = QHBoxLayout(price_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.points_price)
        line.addWidget(self.default_price)
        line.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("Face value (¥)"), self._field("face_value_fen", self.face_value))
        form.addRow(self.tr("Unit cost (¥)"), self._field("unit_cost_fen", self.unit_cost))
        form.addRow(self.tr("Points price"), self._field("points_price", price_row))
        form.addRow("", self.price_hint)
        return box

    def _picture_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Picture"))
        self.picture = PictureBox()
        self.picture.set_editable(not self.read_only)
        column = QVBoxLayout(box)
        column.addWidget(self._field("picture", self.picture))
        self.picture.problem.connect(self.errors["picture"].show_message)
        return box

    def _terms_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who may have it, and when"))
        self.tiers_row = QWidget()
        self.tiers_layout = QGridLayout(self.tiers_row)
        self.tiers_layout.setContentsMargins(0, 0, 0, 0)
        tiers_hint = QLabel(self.tr("None ticked: every tier."))
        tiers_hint.setStyleSheet("color: #555;")
        tiers_column = QWidget()
        tiers_lines = QVBoxLayout(tiers_column)
        tiers_lines.setContentsMargins(0, 0, 0, 0)
        tiers_lines.addWidget(self.tiers_row)
        tiers_lines.addWidget(tiers_hint)
        self.valid_from = OptionalDateEdit(self.tr("no start"), self.today)
        self.valid_to = OptionalDateEdit(self.tr("no end"), self.today)
        self.limit = spin(0, rules.MAX_LIMIT)
        self.limit.setSpecialValueText(self.tr("No limit"))
        self.limit_period = combo(rules.LimitPeriod, limit_period_name)
        self.limit.valueChanged.connect(lambda v: self.limit_period.setEnabled(v > 0))
        limit_row = QWidget()
        line = QHBoxLayout(limit_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.limit)
        line.addWidget(self.limit_period)
        line.addStretch(1)
        self.voucher_days = spin(1, rules.MAX_VOUCHER_DAYS, self.tr(" days"))
        for widget in (self.valid_from, self.valid_to, self.voucher_days):
            widget.setMaximumWidth(170)
        self.voucher_days.setToolTip(self.tr("A voucher may be used this many days from its issue"))
        form = QFormLayout(box)
        form.addRow(self.tr("Tiers"), self._field("eligible_tiers", tiers_column))
        form.addRow(self.tr("Valid from"), self._field("valid_from", self.valid_from))
        form.addRow(self.tr("Valid until"), self._field("valid_to", self.valid_to))
        form.addRow(self.tr("Per member"), self._field("limit_per_member", limit_row))
        form.addRow(self.tr("Voucher validity"), self._field("voucher_days", self.voucher_days))
        return box

    def _stock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Stock"))
        self.stock = spin(0, rules.MAX_STOCK)
        self.unlimited = QCheckBox(self.tr("Unlimited"))
        self.unlimited.setObjectName("unlimited_stock")
        self.unlimited.toggled.connect(lambda on: self.stock.setEnabled(not on))
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.stock)
        line.addWidget(self.unlimited)
        line.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("In stock"), self._field("stock", row))
        if self.row is not None:
            self.stock.setEnabled(False)
            self.unlimited.setEnabled(False)
            hint = QLabel(self.tr("Change the stock with “Change stock…” in the catalog."))
            hint.setStyleSheet("color: #555;")
            hint.setWordWrap(True)
            form.addRow("", hint)
        return box

    def _dealers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Dealers that honour its vouchers"))
        self.all_dealers = QRadioButton(self.tr("Every dealer"))
        self.all_dealers.setObjectName("all_dealers")
        self.chosen_dealers = QRadioButton(self.tr("Only these dealers:"))
        self.chosen_dealers.setObjectName("chosen_dealers")
        self.all_dealers.setChecked(True)
        self.dealer_list = QListWidget()
        self.dealer_list.setEnabled(False)
        self.dealer_list.setMinimumHeight(90)
        self.chosen_dealers.toggled.connect(self.dealer_list.setEnabled)
        column = QVBoxLayout(box)
        column.addWidget(self.all_dealers)
        column.addWidget(self.chosen_dealers)
        column.addWidget(self._field("dealer_ids", self.dealer_list), 1)
        return box

    # filling in ------------------------------------------------------------------------------

    def _fill(self, row: ItemRow | None) -> None:
        self.voucher_days.setValue(rules.DEFAULT_VOUCHER_DAYS)
        self.default_price.setChecked(True)
        self.unlimited.setChecked(row is None)
        if row is None:
            self._apply_preset()
            self._channel_changed()
            return
        self.code.setText(row.code)
        self.code.setReadOnly(row.status != rules.ItemStatus.DRAFT)  # a listed code stays
        self.source.setEnabled(row.partner_id is None)  # a partner's benefit stays its own
        self.name.setText(row.name)
        self.description.setPlainText(row.description)
        for box, value in (
            (self.channel, row.channel),
            (self.source, row.source),
            (self.category, row.category),
            (self.limit_period, row.limit_period),
        ):
            box.setCurrentIndex(max(0, box.findData(value)))  # fmt: skip
        self.face_value.setText(f"{row.face_value_fen // 100}.{row.face_value_fen % 100:02d}")
        self.unit_cost.setText(f"{row.unit_cost_fen // 100}.{row.unit_cost_fen % 100:02d}")
        self.points_price.setValue(row.points_price)
        self.default_price.setChecked(not row.price_set)
        self.unlimited.setChecked(row.stock is None)
        self.stock.setValue(row.stock or 0)
        self.stock.setSpecialValueText(stock_text(None) if row.stock is None else "")
        self.limit.setValue(row.limit_per_member or 0)
        self.limit_period.setEnabled(bool(row.limit_per_member))
        self.valid_from.set_value(row.valid_from)
        self.valid_to.set_value(row.valid_to)
        self.voucher_days.setValue(row.voucher_days)
        self.chosen_dealers.setChecked(not row.all_dealers)
        self._channel_changed()

    def _apply_preset(self) -> None:
        if self.preset is None:
            return
        self.source.setCurrentIndex(max(0, self.source.findData(self.preset.source)))
        self.source.setEnabled(False)
        if self.preset.unit_cost_fen is not None:
            fen = self.preset.unit_cost_fen
            self.unit_cost.setText(f"{fen // 100}.{fen % 100:02d}")

    def _load(self) -> None:
        db, actor, row = self.db, self.actor, self.row

        def load() -> Choices:
            policy = tiers.current_policy(db, actor).policy
            dealers = []
            if actor.can(Permission.VIEW_DEALERS):
                dealers = [(d.id, f"{d.code}  {d.name}") for d in staff.list_dealers(db, actor)]
            picture = benefits.get_picture(db, actor, row.id) if row and row.has_picture else None
            ppy = get_settings(db).points_per_yuan
            return Choices([(t.code, t.name) for t in policy.tiers], dealers, ppy, picture)

        run_in_background(load, self._loaded, self._load_failed)

    def _loaded(self, choices: Choices) -> None:
        self.points_per_yuan = choices.points_per_yuan
        chosen = set(self.row.eligible_tiers) if self.row else set()
        for i, (code, name) in enumerate(choices.tiers):
            box = QCheckBox(name)
            box.setObjectName(f"tier_{code}")
            box.setChecked(code in chosen)
            self.tier_boxes[code] = box
            self.tiers_layout.addWidget(box, i // 4, i % 4)
        honoured = set(self.row.dealer_ids) if self.row else set()
        for dealer_id, text in choices.dealers:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, dealer_id)
            item.setCheckState(
                Qt.CheckState.Checked if dealer_id in honoured else Qt.CheckState.Unchecked
            )
            self.dealer_list.addItem(item)
        self.picture.show_picture(choices.picture)
        self._show_default_price()
        self.status.setText("")
        self.status.hide()
        if self.save is not None:
            self.save.setEnabled(True)
        else:
            self._make_read_only()

    def _load_failed(self, exc: BaseException) -> None:
        self.status.hide()
        self.error.show_message(message_for(exc))

    def _make_read_only(self) -> None:
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(True)
            elif isinstance(widget, QCheckBox | QRadioButton | QComboBox | QSpinBox):
                widget.setEnabled(False)
        self.dealer_list.setEnabled(True)  # to scroll; the ticks are not editable
        for i in range(self.dealer_list.count()):
            item = self.dealer_list.item(i)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)

    def _channel_changed(self) -> None:
        tier = self.channel.currentData() == rules.Channel.TIER
        self.points_price.setEnabled(not tier and not self.default_price.isChecked())
        self.default_price.setEnabled(not tier)
        self.limit.setEnabled(not tier)
        self.limit_period.setEnabled(not tier and self.limit.value() > 0)
        self._show_default_price()

    def _show_default_price(self) -> None:
        tier = self.channel.currentData() == rules.Channel.TIER
        self.points_price.setEnabled(not tier and not self.default_price.isChecked())
        if tier:
            self.price_hint.setText(
                self.tr("A tier benefit costs no points; its quantity per tier is set in the "
                        "tier benefit matrix.")
            )  # fmt: skip
            return
        try:
            fen = yuan_to_fen(self.face_value.text()) or 0
        except ValueError:
            fen = 0
        if not self.points_per_yuan:
            return
        price = rules.default_points_price(fen, self.points_per_yuan)
        if self.default_price.isChecked():
            self.points_price.setValue(min(price, MAX_POINTS))
            text = self.tr("{price} points: {value} at {rate} points a yuan.")
        else:
            text = self.tr("The default would be {price} points: {value} at {rate} points a yuan.")
        self.price_hint.setText(
            text.format(price=format_int(price), value=format_yuan(fen),
                        rate=format_int(self.points_per_yuan))
        )  # fmt: skip

    # saving ----------------------------------------------------------------------------------

    def _fen(self, name: str, field: QLineEdit) -> int | None:
        try:
            return yuan_to_fen(field.text()) or 0
        except ValueError:
            self.errors[name].show_message(self.tr("Enter an amount in yuan, e.g. 80.00."))
            field.setFocus()
            return None

    def edited(self) -> ItemInput | None:
        """The form as the service takes it; None (with the reason shown) if malformed."""
        face, cost = self._fen("face_value_fen", self.face_value), None
        if face is not None:
            cost = self._fen("unit_cost_fen", self.unit_cost)
        if face is None or cost is None:
            return None
        tier = self.channel.currentData() == rules.Channel.TIER
        dealers = []
        if self.chosen_dealers.isChecked():
            for i in range(self.dealer_list.count()):
                item = self.dealer_list.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    dealers.append(int(item.data(Qt.ItemDataRole.UserRole)))
            if not dealers:
                self.errors["dealer_ids"].show_message(self.tr("Tick at least one dealer."))
                return None
        return ItemInput(
            code=self.code.text(), name=self.name.text(), channel=self.channel.currentData(),
            source=self.source.currentData(), category=self.category.currentData(),
            face_value_fen=face, unit_cost_fen=cost,
            description=self.description.toPlainText(),
            points_price=None if self.default_price.isChecked() or tier
            else self.points_price.value(),
            stock=None if self.unlimited.isChecked() else self.stock.value(),
            limit_per_member=(self.limit.value() or None) if not tier else None,
            limit_period=self.limit_period.currentData(),
            eligible_tiers=tuple(c for c, box in self.tier_boxes.items() if box.isChecked()),
            valid_from=self.valid_from.value(), valid_to=self.valid_to.value(),
            voucher_days=self.voucher_days.value(), dealer_ids=tuple(dealers),
            partner_id=self.row.partner_id if self.row else None,  # kept through an edit
        )  # fmt: skip

    def _clear_errors(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()

    def _submit(self) -> None:
        self._clear_errors()
        data = self.edited()
        if data is None or self.save is None:
            return
        db, actor, row = self.db, self.actor, self.row
        picture, picture_changed = self.picture.content, self.picture.changed
        created = self._created
        preset = self.preset

        def save() -> ItemRow:
            if row is None:
                saved = preset.create(data) if preset else benefits.create_item(db, actor, data)
                created.append(saved)  # saving again after a failed picture updates it
            else:
                saved = benefits.update_item(db, actor, row.id, data)
            if picture_changed:
                benefits.set_picture(db, actor, saved.id, picture)
                saved = benefits.get_item(db, actor, saved.id)
            return saved

        self.save.setEnabled(False)
        run_in_background(save, self._saved, self._failed)

    def _saved(self, row: ItemRow) -> None:
        self.saved.emit(row)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if self.row is None and self._created:
            self.row = self._created[-1]
        if self.save is not None:
            self.save.setEnabled(True)
        field = error_field(exc)
        label = self.errors.get(field or "", self.error)
        label.show_message(message_for(exc))
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
