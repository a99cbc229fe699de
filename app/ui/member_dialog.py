"""Registering and editing a member: every field, the vehicles, messages next to each field.

The fields are checked as the user types with the domain's own validation functions, so the
rules are the service's; Save runs the service in a worker and puts its errors next to the
same fields. Enter moves to the next field: only Ctrl+S or the Save button saves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
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
from app.domain.text import QT_TRANSLATE_NOOP
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
from app.ui import regions
from app.ui.errors import message_for
from app.ui.widgets import ErrorLabel
from app.ui.worker import run_in_background

# --- translated names for the codes the member services use ----------------------------------


def status_label(code: str) -> str:
    labels = {
        "pre_registered": QCoreApplication.translate("MemberLabels", "Pre-registered"),
        "active": QCoreApplication.translate("MemberLabels", "Active"),
        "frozen": QCoreApplication.translate("MemberLabels", "Frozen"),
        "closed": QCoreApplication.translate("MemberLabels", "Closed"),
    }
    return labels.get(code, code)


def gender_label(code: str | None) -> str:
    labels = {
        "male": QCoreApplication.translate("MemberLabels", "Male"),
        "female": QCoreApplication.translate("MemberLabels", "Female"),
    }
    return labels.get(code or "", code or "")


def channel_label(code: str) -> str:
    labels = {
        "dealer_counter": QCoreApplication.translate("MemberLabels", "Dealer counter"),
        "app": QCoreApplication.translate("MemberLabels", "Brand app"),
        "wechat": QCoreApplication.translate("MemberLabels", "WeChat"),
        "event": QCoreApplication.translate("MemberLabels", "Event"),
        "historical_import": QCoreApplication.translate("MemberLabels", "Historical import"),
    }
    return labels.get(code, code)


def income_label(code: str | None) -> str:
    labels = {
        "under_100k": QCoreApplication.translate("MemberLabels", "Under 100,000 yuan a year"),
        "100k_300k": QCoreApplication.translate("MemberLabels", "100,000–300,000 yuan a year"),
        "300k_600k": QCoreApplication.translate("MemberLabels", "300,000–600,000 yuan a year"),
        "600k_1m": QCoreApplication.translate("MemberLabels", "600,000–1,000,000 yuan a year"),
        "over_1m": QCoreApplication.translate("MemberLabels", "Over 1,000,000 yuan a year"),
    }
    return labels.get(code or "", code or "")


def duplicate_text(exc: DuplicateMember) -> str:
    """The service names the field in English; here it is named in the user's language."""
    what = {
        "mobile": QCoreApplication.translate("MemberLabels", "mobile number"),
        "resident_id": QCoreApplication.translate("MemberLabels", "ID number"),
        "vin": QCoreApplication.translate("MemberLabels", "VIN"),
    }.get(exc.field, exc.field)
    return QCoreApplication.translate(
        "MemberLabels", "This {what} already belongs to member {number}."
    ).format(what=what, number=exc.member_number)


# Messages for the validation codes of app.domain.validation and app.services.members.
VALIDATION_TEXTS = {
    "name_required": QT_TRANSLATE_NOOP("Validation", "Please enter the name."),
    "name_length": QT_TRANSLATE_NOOP("Validation", "The name must be at most 40 characters."),
    "name_digits": QT_TRANSLATE_NOOP("Validation", "A name must not contain digits."),
    "name_chars": QT_TRANSLATE_NOOP(
        "Validation",
        "A name may contain only letters, spaces, '·', hyphens, apostrophes and dots, "
        "and must start and end with a letter.",
    ),
    "mobile_required": QT_TRANSLATE_NOOP("Validation", "Please enter the mobile number."),
    "mobile_format": QT_TRANSLATE_NOOP(
        "Validation",
        "The mobile number must be 11 digits starting with 13 to 19 "
        "(an optional +86 prefix is allowed).",
    ),
    "resident_id_required": QT_TRANSLATE_NOOP("Validation", "Please enter the ID card number."),
    "id_length": QT_TRANSLATE_NOOP("Validation", "The ID card number must have 18 characters."),
    "id_format": QT_TRANSLATE_NOOP(
        "Validation", "The ID card number must be 17 digits followed by a digit or X."
    ),
    "id_checksum": QT_TRANSLATE_NOOP(
        "Validation",
        "The ID card number is not valid (check character mismatch); please re-check it.",
    ),
    "id_birthday": QT_TRANSLATE_NOOP(
        "Validation", "The birth date in the ID card number is not a possible date."
    ),
    "id_birthday_mismatch": QT_TRANSLATE_NOOP(
        "Validation", "The birthday does not match the birth date in the ID card number."
    ),
    "id_gender_mismatch": QT_TRANSLATE_NOOP(
        "Validation", "The gender does not match the gender encoded in the ID card number."
    ),
    "vin_required": QT_TRANSLATE_NOOP("Validation", "Please enter the VIN."),
    "vin_forbidden_letter": QT_TRANSLATE_NOOP(
        "Validation",
        "A VIN never contains the letters I, O or Q; they are probably the digits 1 and 0.",
    ),
    "vin_format": QT_TRANSLATE_NOOP("Validation", "A VIN may contain only digits and letters."),
    "vin_length": QT_TRANSLATE_NOOP("Validation", "A VIN must have exactly 17 characters."),
    "vin_check": QT_TRANSLATE_NOOP(
        "Validation",
        "The VIN is not valid (its 9th character, the check digit, does not match); "
        "please re-check it.",
    ),
    "plate_required": QT_TRANSLATE_NOOP("Validation", "Please enter the plate number."),
    "plate_province": QT_TRANSLATE_NOOP(
        "Validation", "The plate number must start with a province abbreviation such as 粤 or 京."
    ),
    "plate_forbidden_letter": QT_TRANSLATE_NOOP(
        "Validation",
        "Plate numbers never contain the letters I or O; they are probably 1 and 0.",
    ),
    "plate_format": QT_TRANSLATE_NOOP(
        "Validation",
        "The plate number must be a province abbreviation, a letter and 5 letters or digits "
        "(6 for new-energy plates, with D or F as 3rd or last character).",
    ),
    "member_number_required": QT_TRANSLATE_NOOP("Validation", "Please enter the member number."),
    "member_number_format": QT_TRANSLATE_NOOP("Validation", "The member number must be 11 digits."),
    "member_number_check": QT_TRANSLATE_NOOP(
        "Validation",
        "The member number is not valid (a digit is wrong or two digits are swapped).",
    ),
    "gender_choice": QT_TRANSLATE_NOOP("Validation", "Choose male or female."),
    "birthday_range": QT_TRANSLATE_NOOP("Validation", "The birthday must be a past date."),
    "join_date_future": QT_TRANSLATE_NOOP("Validation", "The join date cannot be in the future."),
    "channel_choice": QT_TRANSLATE_NOOP("Validation", "Choose a source channel."),
    "income_choice": QT_TRANSLATE_NOOP("Validation", "Choose an income band."),
    "privacy_consent_required": QT_TRANSLATE_NOOP(
        "Validation", "The member's privacy consent is required to store the record."
    ),
    "model_required": QT_TRANSLATE_NOOP("Validation", "Enter the vehicle model."),
    "amount_negative": QT_TRANSLATE_NOOP("Validation", "The amount cannot be negative."),
    "amount_format": QT_TRANSLATE_NOOP(
        "Validation", "Enter the amount in yuan, for example 158000 or 158000.50."
    ),
    "referrer_unknown": QT_TRANSLATE_NOOP("Validation", "No member has this number."),
    "member_unknown": QT_TRANSLATE_NOOP("Validation", "No member has this number."),
    "referrer_self": QT_TRANSLATE_NOOP("Validation", "A member cannot refer themselves."),
}


def validation_text(code: str, english: str) -> str:
    """The message for a validation code in the user's language; the English text otherwise."""
    source = VALIDATION_TEXTS.get(code)
    return QCoreApplication.translate("Validation", source) if source else english


def error_text(exc: BaseException) -> str:
    """Any failure of a member action as the user should read it."""
    if isinstance(exc, v.InvalidValue):
        return validation_text(exc.code, str(exc))
    if isinstance(exc, DuplicateMember):
        return duplicate_text(exc)
    return message_for(exc)


# --- small conversions -----------------------------------------------------------------------


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def split_list(text: str) -> tuple[str, ...]:
    """ "a, b，c、d" → ("a", "b", "c", "d"): staff type ASCII or Chinese commas alike."""
    return tuple(part.strip() for part in re.split(r"[,，、;；]", text) if part.strip())


def yuan_to_fen(text: str) -> int | None:
    """ "158,000.5" → 15800050 exactly (no float); None when empty; ValueError if malformed."""
    cleaned = re.sub(r"[,\s¥]", "", v.normalize_text(text))
    if not cleaned:
        return None
    if not re.fullmatch(r"[0-9]+(\.[0-9]{1,2})?", cleaned):
        raise ValueError(text)
    yuan, _, cents = cleaned.partition(".")
    return int(yuan) * 100 + int(cents.ljust(2, "0"))


# --- widgets ---------------------------------------------------------------------------------

DATE_FORMAT = "yyyy-MM-dd"  # typed digits only: 19850612


class OptionalDateEdit(QDateEdit):
    """A date that may stay empty: the minimum date means "none" and shows the special text.

    Typing a digit on the empty value starts a date (the year first, then month and day
    follow by themselves); opening the calendar starts at ``start``; Delete empties it.
    """

    NONE = QDate(1800, 1, 1)

    def __init__(self, none_text: str, start: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.start = to_qdate(start)
        self.setDisplayFormat(DATE_FORMAT)
        self.setMinimumDate(self.NONE)
        self.setSpecialValueText(none_text)
        self.setCalendarPopup(True)
        self.setDate(self.NONE)

    def value(self) -> date | None:
        return None if self.date() == self.NONE else to_date(self.date())

    def set_value(self, value: date | None) -> None:
        self.setDate(self.NONE if value is None else to_qdate(value))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        typed = event.text()
        opens_calendar = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_Delete:
            self.set_value(None)
            return
        if self.value() is None and (typed.isdigit() or opens_calendar):
            self.setDate(self.start)
            self.setSelectedSection(QDateEdit.Section.YearSection)
        elif typed in ("-", "/", ".") and self._after_separator():
            return  # the previous section was complete and moved on by itself
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.value() is None:  # the calendar should not open in the year 1800
            self.setDate(self.start)
        super().mousePressEvent(event)

    def _after_separator(self) -> bool:
        position = self.lineEdit().cursorPosition()
        return position > 0 and not self.text()[position - 1].isdigit()


# Codes that only mean "not finished yet" while the text is shorter than a complete value:
# they wait until the user leaves the field instead of flashing after every key.
_UNFINISHED = {
    "mobile_format": 11,
    "id_length": 18,
    "vin_length": 17,
    "plate_format": 7,
    "member_number_format": 11,
}


def _still_typing(code: str, text: str) -> bool:
    needed = _UNFINISHED.get(code)
    return needed is not None and len(re.sub(r"[\s\-·.]", "", text)) < needed


def watch(edit: QLineEdit, error: ErrorLabel, check: Callable[[str], object]) -> None:
    """Run ``check`` on every edit and show its complaint in ``error`` (empty is fine here)."""

    def run(finished: bool) -> None:
        text = edit.text()
        try:
            if text.strip():
                check(text)
        except v.InvalidValue as exc:
            if finished or not _still_typing(exc.code, text):
                error.show_message(validation_text(exc.code, str(exc)))
                return
        except ValueError:  # yuan_to_fen: not an amount in yuan
            error.show_message(validation_text("amount_format", ""))
            return
        error.clear_message()

    edit.textEdited.connect(lambda _text: run(False))
    edit.editingFinished.connect(lambda: run(True))


VEHICLE_FIELDS = ("vin", "model", "plate", "purchase_date", "purchase_amount")


class VehicleRow:
    """The widgets of one vehicle; they live in VehiclesEditor's grid."""

    def __init__(self):
        self.vin = QLineEdit()
        self.vin.setPlaceholderText(QCoreApplication.translate("VehiclesEditor", "17 characters"))
        self.model = QLineEdit()
        self.plate = QLineEdit()
        self.plate.setPlaceholderText(QCoreApplication.translate("VehiclesEditor", "e.g. 京A12345"))
        self.purchase_date = OptionalDateEdit(
            QCoreApplication.translate("VehiclesEditor", "not known"), date.today()
        )
        self.purchase_amount = QLineEdit()
        self.purchase_amount.setPlaceholderText(
            QCoreApplication.translate("VehiclesEditor", "e.g. 158000.00")
        )
        self.remove = QPushButton(QCoreApplication.translate("VehiclesEditor", "Remove"))
        self.remove.setAutoDefault(False)
        self.errors = {key: ErrorLabel() for key in VEHICLE_FIELDS}
        watch(self.vin, self.errors["vin"], v.normalize_vin)
        watch(self.plate, self.errors["plate"], v.normalize_plate)
        watch(self.purchase_amount, self.errors["purchase_amount"], yuan_to_fen)

    def fields(self) -> dict[str, QWidget]:
        return {key: getattr(self, key) for key in VEHICLE_FIELDS}

    def widgets(self) -> list[QWidget]:
        return [*self.fields().values(), self.remove]

    def name(self, index: int) -> None:
        for key, widget in self.fields().items():
            widget.setObjectName(f"vehicle{index}.{key}")
            self.errors[key].setObjectName(f"vehicle{index}.{key}_error")
        self.remove.setObjectName(f"vehicle{index}.remove")

    def to_input(self) -> VehicleInput:
        """Raises ValueError for an amount that is not a yuan amount. The service files the
        vehicle under the member's dealer."""
        return VehicleInput(
            vin=self.vin.text(),
            model=self.model.text(),
            plate=self.plate.text() or None,
            purchase_date=self.purchase_date.value(),
            purchase_amount_fen=yuan_to_fen(self.purchase_amount.text()),
        )

    def state(self) -> tuple:
        texts = (w.text() for w in (self.vin, self.model, self.plate, self.purchase_amount))
        return (*texts, self.purchase_date.value())


class VehiclesEditor(QWidget):
    """Rows of VIN, model, plate, purchase date and amount, each with its error messages."""

    rows_changed = Signal()

    def __init__(self, removable: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.removable = removable
        self.rows: list[VehicleRow] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(2)
        self.headers = [
            QLabel(self.tr("VIN")),
            QLabel(self.tr("Model")),
            QLabel(self.tr("Plate")),
            QLabel(self.tr("Purchase date")),
            QLabel(self.tr("Amount (yuan)")),
        ]
        for column, stretch in enumerate((5, 3, 2, 2, 2)):
            self.grid.setColumnStretch(column, stretch)
        self._layout_rows()

    def add_row(self) -> VehicleRow:
        row = VehicleRow()
        row.remove.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self._layout_rows()
        row.vin.setFocus()
        return row

    def remove_row(self, row: VehicleRow) -> None:
        self.rows.remove(row)
        for widget in (*row.widgets(), *row.errors.values()):
            widget.deleteLater()
        self._layout_rows()

    def _layout_rows(self) -> None:
        """Rebuild the grid (Qt grids cannot drop a row) and renumber the object names."""
        while self.grid.count():
            self.grid.takeAt(0)
        for column, header in enumerate(self.headers):
            header.setVisible(bool(self.rows))
            self.grid.addWidget(header, 0, column)
        width = len(VEHICLE_FIELDS) + 1
        for index, row in enumerate(self.rows):
            row.name(index)
            top = 1 + index * width  # the fields, then one full-width line per message
            for column, key in enumerate(VEHICLE_FIELDS):
                self.grid.addWidget(row.fields()[key], top, column)
                row.fields()[key].show()  # now, not after the layout's deferred show: focus
                self.grid.addWidget(row.errors[key], top + 1 + column, 0, 1, width)
            self.grid.addWidget(row.remove, top, len(VEHICLE_FIELDS))
            row.remove.setVisible(self.removable)
        self.rows_changed.emit()

    def inputs(self) -> tuple[list[VehicleInput], dict]:
        """The vehicles as service input, and errors for amounts that are not yuan amounts."""
        result, errors = [], {}
        for index, row in enumerate(self.rows):
            try:
                result.append(row.to_input())
            except ValueError:
                errors[f"vehicle{index}.purchase_amount"] = ("amount_format", "")
        return result, errors

    def error_label(self, key: str) -> ErrorLabel | None:
        """The label for a service error key such as "vehicle0.vin"."""
        match = re.fullmatch(r"vehicle(\d+)\.(\w+)", key)
        if not match or int(match.group(1)) >= len(self.rows):
            return None
        return self.rows[int(match.group(1))].errors.get(match.group(2))

    def tab_chain(self) -> list[QWidget]:
        return [w for row in self.rows for w in row.widgets() if w.isVisibleTo(self)]

    def clear_errors(self) -> None:
        for row in self.rows:
            for label in row.errors.values():
                label.clear_message()

    def state(self) -> tuple:
        return tuple(row.state() for row in self.rows)


# --- the dialog ------------------------------------------------------------------------------

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
        """The widget with its error label underneath, both named after the field."""
        widget.setObjectName(key)
        error = ErrorLabel()
        error.setObjectName(f"{key}_error")
        self.fields[key], self.errors[key] = widget, error
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(error)
        return box

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
        from app.ui.member_view import MemberView  # the view imports this module

        if self._duplicate_id is not None:
            MemberView(self.db, self.actor, self._duplicate_id, self.today, self).show()

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
