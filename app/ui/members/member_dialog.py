"""Registering and editing a member: every field, checked as you type and again on save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation as v
from app.domain.errors import ValidationError
from app.domain.roles import Actor
from app.services import members, staff
from app.services.members import (
    DuplicateMember,
    FormInvalid,
    MemberDetail,
    MemberInput,
    MemberRef,
    VehicleInput,
)
from app.services.shared.database import Database
from app.ui.members.labels import (
    channel_label,
    duplicate_text,
    gender_label,
    income_label,
    validation_text,
)
from app.ui.members.live_checks import watch
from app.ui.members.vehicles_editor import VehiclesEditor
from app.ui.shared import regions
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, OptionalDateEdit, split_list, to_date, to_qdate
from app.ui.shared.widgets import ErrorLabel, with_error_line
from app.ui.shared.worker import run_in_background

MEMBER_FIELDS = (
    "name",
    "mobile",
    "gender",
    "resident_id",
    "birthday",
    "province",
    "city",
    "join_date",
    "dealer",
    "source_channel",
    "referrer",
    "tags",
    "interests",
    "income_band",
    "privacy_consent",
)


class MemberDialog(QDialog):
    """New member (``detail`` None) or edit of an existing one."""

    saved = Signal(int, str)  # member id, member number
    open_member = Signal(int)  # the duplicate's "Open member": whoever opened the form opens it

    def __init__(
        self,
        db: Database,
        actor: Actor,
        today: date,
        detail: MemberDetail | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.today, self.detail = db, actor, today, detail
        self.setObjectName("member_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self._duplicate_id: int | None = None
        self._discard_armed = False
        title = (
            self.tr("New member")
            if detail is None
            else self.tr("Edit member {number}").format(number=detail.member_number)
        )
        self.setWindowTitle(title)
        self._build_fields()
        self._build_layout(title)
        self._watch_fields()
        if detail is not None:
            self._fill(detail)
        if actor.is_headquarters:
            self._load_dealers()
        self._apply_tab_order()
        self._initial_state = self._state()
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.name.setFocus()

    # building --------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.name = QLineEdit()
        self.mobile = QLineEdit()
        self.mobile.setPlaceholderText(self.tr("11 digits"))
        self.gender = QComboBox()
        for code in (None, "male", "female"):
            self.gender.addItem(gender_label(code) or self.tr("not given"), code)
        self.resident_id = QLineEdit()
        self.resident_id.setPlaceholderText(self.tr("18 characters; optional"))
        self.birthday = OptionalDateEdit(self.tr("not given"), date(1990, 1, 1))
        self.birthday.setMaximumDate(to_qdate(self.today))
        self.province = QComboBox()
        self.province.addItem(self.tr("not given"), None)
        for name in regions.provinces():
            self.province.addItem(name, name)
        self.city = QComboBox()
        self.province.currentIndexChanged.connect(lambda _i: self._fill_cities())
        self._fill_cities()
        self.join_date = QDateEdit(to_qdate(self.today))
        self.join_date.setDisplayFormat(DATE_FORMAT)
        self.join_date.setCalendarPopup(True)
        self.join_date.setMaximumDate(to_qdate(self.today))
        self.dealer = self._dealer_field()
        self.source_channel = QComboBox()
        for code in members.CHANNELS:
            self.source_channel.addItem(channel_label(code), code)
        self.referrer = QLineEdit()
        self.referrer.setPlaceholderText(self.tr("member number; optional"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("separated by commas"))
        self.interests = QLineEdit()
        self.interests.setPlaceholderText(self.tr("separated by commas"))
        self.income_band = QComboBox()
        self.income_band.addItem(self.tr("not given"), None)
        for code in members.INCOME_BANDS:
            self.income_band.addItem(income_label(code), code)
        self.privacy_consent = QCheckBox(
            self.tr("The member agrees to the privacy notice (required)")
        )
        self.marketing_consent = QCheckBox(self.tr("The member agrees to receive marketing"))
        self.pre_registered = QCheckBox(self.tr("Pre-register only (activate later)"))
        self.pre_registered.setObjectName("pre_registered")
        self.marketing_consent.setObjectName("marketing_consent")

    def _dealer_field(self) -> QWidget:
        if self.actor.is_headquarters:
            combo = QComboBox()
            combo.addItem(self.tr("No dealer (headquarters)"), None)
            return combo
        return QLabel(self.actor.dealer_name or "")

    def _field(self, key: str, widget: QWidget) -> QWidget:
        return with_error_line(key, widget, self.fields, self.errors)

    def _form(self, title: str, rows: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        # Labels stay level with their field when a message opens underneath it.
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        for label, key in rows:
            form.addRow(label, self._field(key, getattr(self, key)))
        return box

    def _build_layout(self, title: str) -> None:
        personal = self._form(
            self.tr("Personal data"),
            [
                (self.tr("Name"), "name"),
                (self.tr("Mobile"), "mobile"),
                (self.tr("Gender"), "gender"),
                (self.tr("ID number"), "resident_id"),
                (self.tr("Birthday"), "birthday"),
                (self.tr("Province"), "province"),
                (self.tr("City"), "city"),
            ],
        )
        membership = self._form(
            self.tr("Membership"),
            [
                (self.tr("Join date"), "join_date"),
                (self.tr("Dealer"), "dealer"),
                (self.tr("Source channel"), "source_channel"),
                (self.tr("Referrer"), "referrer"),
                (self.tr("Tags"), "tags"),
                (self.tr("Interests"), "interests"),
                (self.tr("Income band"), "income_band"),
            ],
        )
        columns = QHBoxLayout()
        columns.addWidget(personal, 1)
        columns.addWidget(membership, 1)
        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(QLabel(f"<h3>{title}</h3>"))
        body.addLayout(columns)
        body.addWidget(self._consents())
        body.addWidget(self._vehicles_box())
        body.addStretch(1)
        # Messages under the fields make the form taller: it scrolls instead of squeezing.
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self._bottom())
        self.setMinimumWidth(900)
        self.resize(1000, 660 if self.detail is None else 440)

    def _consents(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.detail is None:
            layout.addWidget(self._field("privacy_consent", self.privacy_consent))
        else:
            self.privacy_consent.setChecked(True)  # given at registration; kept on edits
            self.privacy_consent.hide()
        row = QHBoxLayout()
        row.addWidget(self.marketing_consent)
        row.addWidget(self.pre_registered)
        row.addStretch(1)
        self.pre_registered.setVisible(self.detail is None)
        layout.addLayout(row)
        return box

    def _vehicles_box(self) -> QWidget:
        box = QGroupBox(self.tr("Vehicles"))
        self.vehicles = VehiclesEditor(parent=box)
        self.vehicles.rows_changed.connect(self._apply_tab_order)
        self.add_vehicle = QPushButton(self.tr("Add vehicle"))
        self.add_vehicle.setObjectName("add_vehicle")
        self.add_vehicle.setAutoDefault(False)
        self.add_vehicle.clicked.connect(self.vehicles.add_row)
        layout = QVBoxLayout(box)
        layout.addWidget(self.vehicles)
        row = QHBoxLayout()
        row.addWidget(self.add_vehicle)
        row.addStretch(1)
        layout.addLayout(row)
        box.setVisible(self.detail is None)  # later vehicles are added in the 360 view
        return box

    def _bottom(self) -> QWidget:
        self.form_error = ErrorLabel()
        self.form_error.setObjectName("error")
        self.open_duplicate = QPushButton()
        self.open_duplicate.setObjectName("open_duplicate")
        self.open_duplicate.hide()
        self.open_duplicate.clicked.connect(self._open_duplicate)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.open_duplicate)
        row.addStretch(1)
        for button in (self.open_duplicate, self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter must not save a half-filled form
            row.addWidget(button)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form_error)
        layout.addLayout(row)
        return box

    def _watch_fields(self) -> None:
        watch(self.name, self.errors["name"], v.normalize_person_name)
        watch(self.mobile, self.errors["mobile"], v.normalize_mobile)
        watch(self.resident_id, self.errors["resident_id"], self._check_resident_id)
        watch(self.referrer, self.errors["referrer"], v.normalize_member_number)

    def _check_resident_id(self, text: str) -> None:
        """A valid ID number also gives the birthday and gender: fill them in when empty."""
        rid = v.parse_resident_id(text, today=self.today)
        if self.birthday.value() is None:
            self.birthday.set_value(rid.birthday)
        if self.gender.currentData() is None:
            self.gender.setCurrentIndex(self.gender.findData(rid.gender))
        v.check_resident_id_matches(rid, self.birthday.value(), self.gender.currentData())

    def _apply_tab_order(self) -> None:
        chain = self._tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _tab_chain(self) -> list[QWidget]:
        fields = [self.fields[key] for key in MEMBER_FIELDS if key in self.fields]
        consents = [self.marketing_consent, self.pre_registered]
        buttons = [self.open_duplicate, self.save_button, self.cancel_button]
        chain = [*fields, *consents, *self.vehicles.tab_chain(), self.add_vehicle, *buttons]
        return [w for w in chain if w.focusPolicy() != Qt.FocusPolicy.NoFocus]

    # filling ---------------------------------------------------------------------------------

    def _fill_cities(self, keep: str | None = None) -> None:
        self.city.clear()
        self.city.addItem(self.tr("not given"), None)
        for name in regions.cities(self.province.currentData()):
            self.city.addItem(name, name)
        _select(self.city, keep)

    def _fill(self, d: MemberDetail) -> None:
        self.name.setText(d.name)
        self.mobile.setText(d.mobile or "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(d.gender)))
        self.resident_id.setText(d.resident_id or "")
        self.birthday.set_value(_parse_birthday(d.birthday))
        _select(self.province, d.province)
        self._fill_cities(keep=d.city)
        self.join_date.setDate(to_qdate(d.join_date))
        self.source_channel.setCurrentIndex(max(0, self.source_channel.findData(d.source_channel)))
        self.referrer.setText(d.referrer_number or "")
        self.tags.setText(", ".join(d.tags))
        self.interests.setText(", ".join(d.interests))
        self.income_band.setCurrentIndex(max(0, self.income_band.findData(d.income_band)))
        self.marketing_consent.setChecked(d.marketing_consent)

    def _load_dealers(self) -> None:
        run_in_background(
            lambda: staff.list_dealers(self.db, self.actor, include_inactive=False),
            self._fill_dealers,
            lambda exc: self.form_error.show_message(message_for(exc)),
            owner=self,
        )

    def _fill_dealers(self, dealers: list[staff.DealerRow]) -> None:
        pristine = self._state() == self._initial_state
        for d in dealers:
            self.dealer.addItem(f"{d.code} {d.name}", d.id)
        if self.detail is not None:
            self.dealer.setCurrentIndex(max(0, self.dealer.findData(self.detail.dealer_id)))
        if pristine:  # filling the list is not an edit by the user
            self._initial_state = self._state()

    # saving ----------------------------------------------------------------------------------

    def member_input(self) -> MemberInput:
        return MemberInput(
            name=self.name.text(),
            mobile=self.mobile.text(),
            gender=self.gender.currentData(),
            province=self.province.currentData(),
            city=self.city.currentData(),
            birthday=self.birthday.value(),
            resident_id=self.resident_id.text() or None,
            join_date=to_date(self.join_date.date()),
            dealer_id=self._dealer_id(),
            source_channel=self.source_channel.currentData(),
            interests=split_list(self.interests.text()),
            tags=split_list(self.tags.text()),
            income_band=self.income_band.currentData(),
            referrer_number=self.referrer.text() or None,
            privacy_consent=self.privacy_consent.isChecked(),
            marketing_consent=self.marketing_consent.isChecked(),
            pre_registered=self.pre_registered.isChecked(),
        )

    def _dealer_id(self) -> int | None:
        if isinstance(self.dealer, QComboBox):
            return self.dealer.currentData()
        return self.actor.dealer_id

    def save(self) -> None:
        if not self.save_button.isEnabled():  # a save is already running
            return
        self._clear_errors()
        vehicles, amount_errors = self.vehicles.inputs()
        if amount_errors:
            self._show_field_errors(amount_errors)
            return
        self.save_button.setEnabled(False)
        run_in_background(self._save_work(self.member_input(), vehicles), self._saved, self._failed)

    def _save_work(self, data: MemberInput, vehicles: list[VehicleInput]) -> Callable:
        db, actor = self.db, self.actor
        if self.detail is None:
            return lambda: members.register_member(db, actor, data, vehicles)
        ref = MemberRef(self.detail.id, self.detail.member_number)

        def update() -> MemberRef:
            members.update_member(db, actor, ref.id, data)
            return ref

        return update

    def _saved(self, ref: MemberRef) -> None:
        self.saved.emit(ref.id, ref.member_number)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, FormInvalid):
            self._show_field_errors(exc.errors)
        elif isinstance(exc, DuplicateMember):
            self._show_duplicate(exc)
        elif isinstance(exc, ValidationError) and exc.field in self.errors:
            self._show_field_errors({exc.field: ("", message_for(exc))})
        else:
            self.form_error.show_message(message_for(exc))

    def _show_field_errors(self, errors: dict[str, tuple[str, str]]) -> None:
        """Each message next to its field; the first bad field (in tab order) gets the focus."""
        unplaced = []
        for key, (code, english) in errors.items():
            label = self.errors.get(key) or self.vehicles.error_label(key)
            text = validation_text(code, english)
            if label is None:
                unplaced.append(text)
            else:
                label.show_message(text)
        summary = QCoreApplication.translate("Errors", "Please correct the highlighted fields.")
        self.form_error.show_message("\n".join([summary, *unplaced]))
        for widget in self._tab_chain():
            if widget.objectName() in errors:
                self._focus(widget)
                break

    def _show_duplicate(self, exc: DuplicateMember) -> None:
        text = duplicate_text(exc)
        self.form_error.show_message(text)
        if exc.field in self.errors:
            self.errors[exc.field].show_message(text)
            self._focus(self.fields[exc.field])
        self._duplicate_id = exc.member_id
        self.open_duplicate.setText(
            self.tr("Open member {number}").format(number=exc.member_number)
        )
        self.open_duplicate.show()

    def _focus(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(widget)

    def _open_duplicate(self) -> None:
        if self._duplicate_id is not None:
            self.open_member.emit(self._duplicate_id)

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.vehicles.clear_errors()
        self.form_error.clear_message()
        self.open_duplicate.hide()

    # keyboard and closing --------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Enter moves to the next field, like Tab; Space presses a button, Ctrl+S saves."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _state(self) -> tuple:
        values = []
        for widget in (*self.fields.values(), self.marketing_consent, self.pre_registered):
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QComboBox):
                values.append(widget.currentData())
            elif isinstance(widget, QDateEdit):
                values.append(widget.date())
            elif isinstance(widget, QAbstractButton):
                values.append(widget.isChecked())
        return (*values, self.vehicles.state())

    def reject(self) -> None:
        """Esc or Cancel on a form with entries asks once, inline; the second time closes."""
        if self._state() != self._initial_state and not self._discard_armed:
            self._discard_armed = True
            self.form_error.show_message(
                self.tr("Not saved yet. Press Esc or Cancel again to discard what you entered.")
            )
            return
        super().reject()


def _select(combo: QComboBox, value: str | None) -> None:
    """Select ``value``, adding it first when the list lacks it (an older or free-text entry)."""
    if not value:
        combo.setCurrentIndex(0)
        return
    if combo.findData(value) < 0:
        combo.addItem(value, value)
    combo.setCurrentIndex(combo.findData(value))


def _parse_birthday(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:  # "****" for masked data: such users cannot edit anyway
        return None
