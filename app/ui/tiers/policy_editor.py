"""Headquarters' editor for a new tier policy version: a copy of the latest one to change."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import tiers as rules
from app.domain.errors import ValidationError
from app.domain.inputs import MAX_NOTE
from app.domain.points import add_months
from app.domain.roles import Actor
from app.services import tiers
from app.services.shared.database import Database
from app.services.tiers import PolicyVersion
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.widgets import ErrorLabel, save_buttons, text_field, with_error_line
from app.ui.shared.worker import run_in_background
from app.ui.tiers.labels import basis_label

TIER_FIELDS = {
    "tiers", "code", "name", "rank", "reach_points", "retain_points", "multiplier_permille",
    "colour",
}  # fmt: skip
NEW_TIER_COLOUR = "#9e9e9e"
NAME, COLOUR, REACH, RETAIN, MULTIPLIER, REMOVE = range(6)
WIDTHS = {COLOUR: 64, REACH: 170, RETAIN: 170, MULTIPLIER: 100, REMOVE: 70}


@dataclass
class TierRow:
    """The widgets of one tier in the editor table."""

    code: str  # kept from the saved tier, or made up for a new one
    name: QLineEdit
    colour: QPushButton
    reach: QSpinBox
    retain: QSpinBox
    multiplier: QDoubleSpinBox
    remove: QToolButton | None  # None: the base tier stays

    def tier(self) -> rules.Tier:
        return rules.Tier(
            code=self.code,
            name=self.name.text().strip(),
            rank=0,  # set by the order of the reach thresholds
            reach_points=self.reach.value(),
            retain_points=self.retain.value(),
            multiplier_permille=round(self.multiplier.value() * 1000),
            colour=self.colour.property("colour"),
        )


def swatch_style(colour: str) -> str:
    return f"background: {colour}; border: 1px solid #777; border-radius: 3px;"


class PolicyDialog(QDialog):
    """Tiers, thresholds and review settings of ``base``, to save as a version in force from a
    later date. Tiers are ranked by the points needed to reach them."""

    saved = Signal(object)  # the new PolicyVersion

    def __init__(
        self,
        db: Database,
        actor: Actor,
        base: PolicyVersion,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.today = db, actor, today
        self.policy = base.policy
        self.setObjectName("policy_dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("New tier policy version"))
        self.setMinimumWidth(820)
        self.rows: list[TierRow] = []
        self.errors: dict[str, ErrorLabel] = {}
        self.fields: dict[str, QWidget] = {}
        precise = any(t.multiplier_permille % 10 for t in self.policy.tiers)
        self.decimals = 3 if precise else 2

        intro = QLabel(
            self.tr(
                "A copy of the latest version: change it and save it as a new version in force "
                "from its date. Members keep their tiers; upgrades and reviews from that date "
                "apply the new version. Tiers are ranked by the points needed to reach them; "
                "the lowest is the base tier, held for life."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("edit_tiers")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Colour"),
             self.tr("Reach (qualifying points)"), self.tr("Retain (qualifying points)"),
             self.tr("Earn multiplier"), ""]
        )  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in WIDTHS.items():
            self.table.setColumnWidth(column, width)
        for tier in sorted(self.policy.tiers, key=lambda t: t.rank):
            self._add_row(tier, existing=True)
        self.add_tier = QPushButton(self.tr("Add tier"))
        self.add_tier.setObjectName("add_tier")
        self.add_tier.clicked.connect(self._new_tier)
        tiers_error = ErrorLabel()
        tiers_error.setObjectName("tiers_error")
        self.errors["tiers"] = tiers_error
        tier_buttons = QHBoxLayout()
        tier_buttons.addWidget(self.add_tier)
        tier_buttons.addStretch(1)
        tiers_box = QGroupBox(self.tr("Tiers"))
        tiers_column = QVBoxLayout(tiers_box)
        tiers_column.addWidget(self.table, 1)
        tiers_column.addLayout(tier_buttons)
        tiers_column.addWidget(tiers_error)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(tiers_box, 1)
        settings = QHBoxLayout()
        settings.addWidget(self._settings_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._version_box())
        right.addWidget(self._mappings_box(), 1)
        settings.addLayout(right, 1)
        layout.addLayout(settings)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons, self.save = save_buttons(self._submit, self.reject, self.tr("Save version"))
        layout.addWidget(buttons)
        self._fit_table()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_table()  # rows have their real heights only once the dialog is polished
        self.adjustSize()

    # the tiers -------------------------------------------------------------------------------

    def _add_row(self, tier: rules.Tier, existing: bool) -> TierRow:
        r = self.table.rowCount()
        base = existing and tier.rank == min(t.rank for t in self.policy.tiers)
        self.table.insertRow(r)
        name = QLineEdit(tier.name)
        name.setMaxLength(20)
        name.setPlaceholderText(self.tr("the name members see"))
        name.setToolTip(self.tr("Tier code {code}; members keep their tier when it is renamed.")
                        .format(code=tier.code))  # fmt: skip
        colour = QPushButton()
        colour.setFixedSize(44, 22)
        colour.clicked.connect(lambda: self._pick_colour(colour))
        self._set_colour(colour, tier.colour)
        reach, retain = self._points(tier.reach_points), self._points(tier.retain_points)
        if base:
            for spin in (reach, retain):
                spin.setEnabled(False)
                spin.setToolTip(self.tr("The base tier needs no points."))
        multiplier = QDoubleSpinBox()
        multiplier.setPrefix("×")
        multiplier.setDecimals(self.decimals)
        multiplier.setRange(0, rules.MAX_MULTIPLIER / 1000)
        multiplier.setSingleStep(0.05)
        multiplier.setValue(tier.multiplier_permille / 1000)
        multiplier.setAlignment(Qt.AlignmentFlag.AlignRight)
        multiplier.setToolTip(self.tr("Points earned by spending are multiplied by this."))
        remove = None
        if not base:
            remove = QToolButton()
            remove.setText(self.tr("Remove"))
            remove.clicked.connect(lambda: self._remove(remove))
        row = TierRow(tier.code, name, colour, reach, retain, multiplier, remove)
        for column, widget in (
            (NAME, name), (COLOUR, self._centred(colour)), (REACH, reach),
            (RETAIN, retain), (MULTIPLIER, multiplier),
        ):  # fmt: skip
            self.table.setCellWidget(r, column, widget)
        if remove is not None:
            self.table.setCellWidget(r, REMOVE, remove)
        self.rows.append(row)
        self._name_rows()
        return row

    @staticmethod
    def _centred(widget: QWidget) -> QWidget:
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(4, 2, 4, 2)
        line.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
        return holder

    def _points(self, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(0, rules.MAX_THRESHOLD)
        spin.setGroupSeparatorShown(True)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setValue(value)
        return spin

    def _name_rows(self) -> None:
        """Object names by row (name_0, reach_2, remove_3 …), renewed after each change."""
        for r, row in enumerate(self.rows):
            for name, widget in (
                ("name", row.name), ("colour", row.colour),
                ("reach", row.reach), ("retain", row.retain), ("multiplier", row.multiplier),
                ("remove", row.remove),
            ):  # fmt: skip
                if widget is not None:
                    widget.setObjectName(f"{name}_{r}")

    def _fit_table(self) -> None:
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + 4
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(min(max(height, 120), 420))  # beyond that it scrolls
        self.add_tier.setEnabled(len(self.rows) < rules.MAX_TIERS)

    def _new_tier(self) -> None:
        highest = max((row.tier() for row in self.rows), key=lambda t: t.reach_points)
        codes = {row.code for row in self.rows}
        number = len(self.rows) + 1
        while f"tier{number}" in codes:
            number += 1
        reach = highest.reach_points * 2 or 100
        tier = rules.Tier(
            f"tier{number}", "", 0, reach, reach * 4 // 5, highest.multiplier_permille,
            NEW_TIER_COLOUR,
        )  # fmt: skip
        row = self._add_row(tier, existing=False)
        self._fit_table()
        row.name.setFocus()

    def _remove(self, button: QToolButton) -> None:
        index = next(i for i, row in enumerate(self.rows) if row.remove is button)
        for widget in vars(self.rows[index]).values():  # deleted later: free the names now
            if isinstance(widget, QWidget):
                widget.setObjectName("")
        self.table.removeRow(index)
        del self.rows[index]
        self._name_rows()
        self._fit_table()

    def _pick_colour(self, button: QPushButton) -> None:
        chosen = QColorDialog.getColor(QColor(button.property("colour")), self)
        if chosen.isValid():
            self._set_colour(button, chosen.name())

    def _set_colour(self, button: QPushButton, colour: str) -> None:
        button.setProperty("colour", colour)
        button.setStyleSheet(swatch_style(colour))
        button.setToolTip(self.tr("Colour {colour}: click to choose").format(colour=colour))

    # settings and the version ----------------------------------------------------------------

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Validity and review"))
        policy = self.policy
        self.validity = QSpinBox()
        self.validity.setRange(1, 60)
        self.validity.setSuffix(self.tr(" months"))
        self.validity.setValue(policy.validity_months)
        self.steps = QSpinBox()
        self.steps.setRange(0, rules.MAX_TIERS)
        self.steps.setSpecialValueText(self.tr("No limit"))
        self.steps.setValue(policy.downgrade_max_steps)
        self.steps.setToolTip(
            self.tr("At most this many tiers down in one review; no limit: to the tier the "
                    "points retain.")
        )  # fmt: skip
        self.grace = QSpinBox()
        self.grace.setRange(0, 366)
        self.grace.setSuffix(self.tr(" days"))
        self.grace.setSpecialValueText(self.tr("None"))
        self.grace.setValue(policy.grace_days)
        self.grace.setToolTip(
            self.tr("The tier is kept this long after its validity ends; points posted in "
                    "that time still count.")
        )  # fmt: skip
        self.basis = QComboBox()
        for basis in rules.UpgradeBasis:
            self.basis.addItem(basis_label(basis.value), basis.value)
        self.basis.setCurrentIndex(max(0, self.basis.findData(policy.upgrade_basis.value)))
        form = QFormLayout(box)
        form.addRow(self.tr("Tier validity"), self._field("validity_months", self.validity))
        form.addRow(self.tr("Downgrade limit"), self._field("downgrade_max_steps", self.steps))
        form.addRow(self.tr("Grace period"), self._field("grace_days", self.grace))
        form.addRow(self.tr("Upgrades count"), self._field("upgrade_basis", self.basis))
        return box

    def _mappings_box(self) -> QGroupBox:
        """Enrolment tiers by model series (seed 003) and the status match table (seed 002),
        one "what = tier name" per line."""
        box = QGroupBox(self.tr("Enrolment tier and status match"))
        self.enrolment = self._mapping(
            "enrolment_by_series", self.policy.enrolment_by_series,
            self.tr("one model series per line, e.g. 星途 S7 = 金卡"),
        )  # fmt: skip
        self.matches = self._mapping(
            "status_match", self.policy.status_match,
            self.tr("one level of another programme per line, e.g. Hilton Honors / Gold = 白金卡"),
        )  # fmt: skip
        form = QFormLayout(box)
        form.addRow(
            self.tr("Enrolment tier by model"), self._field("enrolment_by_series", self.enrolment)
        )
        form.addRow(self.tr("Status match table"), self._field("status_match", self.matches))
        return box

    def _mapping(self, name: str, mapping: dict[str, str], hint: str) -> QPlainTextEdit:
        editor = QPlainTextEdit(rules.mapping_to_text(mapping, self.policy.tiers))
        editor.setPlaceholderText(hint)
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 3 + 12)
        return editor

    def _version_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The new version"))
        self.effective_from = QDateEdit()
        self.effective_from.setDisplayFormat(DATE_FORMAT)
        self.effective_from.setCalendarPopup(True)
        self.effective_from.setMinimumDate(to_qdate(self.today))
        self.effective_from.setMaximumDate(to_qdate(add_months(self.today, 60)))
        self.effective_from.setDate(to_qdate(self.today + timedelta(days=1)))
        self.note = text_field("note", self.tr("why the policy changes (optional)"))
        self.note.setMaxLength(MAX_NOTE)
        form = QFormLayout(box)
        form.addRow(self.tr("In force from"), self._field("effective_from", self.effective_from))
        form.addRow(self.tr("Note"), self._field("note", self.note))
        return box

    def set_earliest(self, earliest: date) -> None:
        """The day after the latest saved version (versions follow each other)."""
        start = max(earliest, self.today + timedelta(days=1))
        self.effective_from.setDate(to_qdate(start))

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return with_error_line(name, widget, self.fields, self.errors)

    # saving ----------------------------------------------------------------------------------

    def edited_policy(self) -> rules.TierPolicy:
        ordered = sorted((row.tier() for row in self.rows), key=lambda t: t.reach_points)
        ranked = tuple(replace(tier, rank=rank) for rank, tier in enumerate(ordered, start=1))
        return replace(
            self.policy,
            tiers=ranked,
            validity_months=self.validity.value(),
            downgrade_max_steps=self.steps.value(),
            grace_days=self.grace.value(),
            upgrade_basis=rules.UpgradeBasis(self.basis.currentData()),
            enrolment_by_series=rules.mapping_from_text(
                self.enrolment.toPlainText(), ranked, "enrolment_by_series"
            ),
            status_match=rules.mapping_from_text(
                self.matches.toPlainText(), ranked, "status_match"
            ),
        )

    def _clear_errors(self) -> None:
        self.error.clear_message()
        for label in self.errors.values():
            label.clear_message()

    def _show_error(self, field: str | None, text: str) -> None:
        key = "tiers" if field in TIER_FIELDS else field or ""
        self.errors.get(key, self.error).show_message(text)
        widget = self.fields.get(key)
        if widget is not None:
            widget.setFocus()

    def _submit(self) -> None:
        self._clear_errors()
        try:
            policy = self.edited_policy()
        except ValidationError as exc:
            self._show_error(exc.field, message_for(exc))
            return
        db, actor = self.db, self.actor
        effective_from, note = to_date(self.effective_from.date()), self.note.text()
        self.save.setEnabled(False)
        run_in_background(
            lambda: tiers.save_policy(db, actor, policy, effective_from, note),
            self._saved,
            self._failed,
        )

    def _saved(self, version: PolicyVersion) -> None:
        self.saved.emit(version)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(True)
        field = exc.field if isinstance(exc, ValidationError) else None
        self._show_error(field, message_for(exc))
