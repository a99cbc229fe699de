"""The versioned earning rules and the editor for a new version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
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
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError
from app.domain.inputs import MAX_POINTS
from app.domain.points import PERMILLE
from app.domain.roles import Actor, Permission
from app.services import points
from app.services.points import EVENTS, RULE_CODES, SPEND_KINDS, RuleVersion
from app.services.points.earning_rules import EVENT_CAPS, MAX_QUALIFYING_PERMILLE, WINDOW_MONTHS
from app.services.shared.database import Database
from app.ui.points.labels import source_label
from app.ui.shared.errors import message_for
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate, yuan_to_fen
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.widgets import ErrorLabel, save_buttons, text_field, with_error_line
from app.ui.shared.worker import run_in_background

NO_CAP = 0  # a cap of 0 in the dialog means "no limit"


# Every cap the service keeps (and enforces): a limit typed here is never dropped on the way.
CAPS = EVENT_CAPS


NOTE_COLUMN = 5  # in the rules table
QUALIFYING = "qualifying_permille"  # the share of a rule's points that counts toward tiers


def share_text(permille: int) -> str:
    """500 → "50%", 333 → "33.3%", 1500 → "150%" (exact: no float)."""
    whole, tenth = divmod(permille, 10)
    number = QLocale().toString(whole)
    return (number + QLocale().decimalPoint() + str(tenth) if tenth else number) + "%"


def qualifying_text(params: dict) -> str | None:
    """The share counted as qualifying points (成长值), said only where it is not all."""
    permille = params.get(QUALIFYING, PERMILLE)
    if permille == PERMILLE:
        return None
    if permille == 0:
        return QCoreApplication.translate("PointsRules", "no qualifying points")
    return QCoreApplication.translate(
        "PointsRules", "{share} of the points counts as qualifying points"
    ).format(share=share_text(permille))


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
        text = QCoreApplication.translate("PointsRules", "{base}, {rounding}").format(
            base=base, rounding=rounding_name(params.get("rounding", "floor"))
        )
        share = qualifying_text(params)
        return text if share is None else QCoreApplication.translate("PointsRules", "; ").join(
            [text, share]
        )  # fmt: skip
    count = params.get("points", 0)
    template = (
        QCoreApplication.translate("PointsRules", "1 point each time")
        if count == 1
        else QCoreApplication.translate("PointsRules", "{points} points each time")
    )
    parts = [template.format(points=format_int(count))]
    for key in CAPS:
        if params.get(key) is not None:
            parts.append(cap_text(key).format(n=format_int(params[key])))
    if code == "new_binding":
        parts.append(
            QCoreApplication.translate(
                "PointsRules", "once per member, within {n} months of the launch"
            ).format(n=format_int(params.get("window_months", 3)))
        )
    share = qualifying_text(params)
    if share is not None:
        parts.append(share)
    return QCoreApplication.translate("PointsRules", "; ").join(parts)


def cap_text(key: str) -> str:
    """A cap in the rule's sentence, "{n}" to fill in (weeks run Monday to Sunday)."""
    return {
        "cap_per_day": QCoreApplication.translate("PointsRules", "at most {n} a day"),
        "cap_per_week": QCoreApplication.translate("PointsRules", "at most {n} a week"),
        "cap_per_edition": QCoreApplication.translate(
            "PointsRules", "at most {n} per edition or event"
        ),
        "cap_per_month": QCoreApplication.translate("PointsRules", "at most {n} a month"),
        "cap_per_year": QCoreApplication.translate("PointsRules", "at most {n} a year"),
    }[key]


def cap_field_label(key: str) -> str:
    return {
        "cap_per_day": QCoreApplication.translate("PointsRules", "At most, per day"),
        "cap_per_week": QCoreApplication.translate("PointsRules", "At most, per week (Mon–Sun)"),
        "cap_per_edition": QCoreApplication.translate(
            "PointsRules", "At most, per edition or event"
        ),
        "cap_per_month": QCoreApplication.translate("PointsRules", "At most, per month"),
        "cap_per_year": QCoreApplication.translate("PointsRules", "At most, per year"),
    }[key]


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


class PercentSpinBox(QDoubleSpinBox):
    """A percentage to one decimal, shown without a needless ".0" (100%, 33.3%)."""

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt API
        return share_text(round(value * 10))[:-1]  # the suffix adds the %


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
            + "\n"
            + self.tr(
                "All the points a rule earns count as qualifying points (toward tiers) unless "
                "its version says otherwise."
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
        self.table = make_table(
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
                    self.tr("from the start") if v.effective_from.year <= 2000
                    else format_date(v.effective_from),
                    state,
                    rule_parameters(v.code, v.params),
                    v.note or "",
                    v.created_by,
                ]
            )  # fmt: skip
        fill_table(self.table, rows, right={1})
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
        self.form.addRow(
            self.tr("Share counted as qualifying points"),
            self._field(QUALIFYING, self._share_box()),
        )
        self.form.addRow(self.errors["params"])
        self.form.addRow(self.tr("The new version"), self.reads)
        self.form.addRow(self.tr("Note"), self._field("note", self.note))
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        self.error = ErrorLabel()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons, self.save = save_buttons(self._submit, self.reject, self.tr("Save version"))
        layout.addWidget(buttons)

        self.code.currentIndexChanged.connect(self._code_changed)
        self.code.setCurrentIndex(max(0, self.code.findData(code or RULE_CODES[0])))
        self._code_changed()

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return with_error_line(name, widget, self.fields, self.errors)

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
        self.caps = {key: self._count(NO_CAP, MAX_POINTS, no_limit) for key in CAPS}
        self.window_months = self._count(*WINDOW_MONTHS)
        self.window_months.setSuffix(self.tr(" months"))
        form = self._compact_form(self.event_box)
        self.event_form = form
        form.addRow(self.tr("Points each time"), self._field("points", self.points))
        for key in CAPS:
            form.addRow(cap_field_label(key), self._field(key, self.caps[key]))
        form.addRow(
            self.tr("Within, after the launch"),
            self._field("window_months", self.window_months),
        )
        hint = QLabel(
            self.tr(
                "Limits count points; 0 means no limit. An edition (期) is the edition or "
                "event code given with the points; a share without one counts in its week."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        form.addRow("", hint)
        return self.event_box

    def _share_box(self) -> QDoubleSpinBox:
        """The share of the rule's points that counts toward tiers, in percent (0.1 steps:
        the service keeps permille)."""
        self.share = PercentSpinBox()
        self.share.setDecimals(1)
        self.share.setRange(0, MAX_QUALIFYING_PERMILLE / 10)
        self.share.setSingleStep(10)
        self.share.setSuffix("%")
        self.share.setValue(PERMILLE / 10)
        self.share.setMinimumWidth(130)
        self.share.setToolTip(
            self.tr(
                "How much of the points this rule earns also counts as qualifying points "
                "toward tiers: 100% all, 50% half, 0% none. The tier bonus never counts."
            )
        )
        self.share.valueChanged.connect(self._update_reads)
        return self.share

    def share_permille(self) -> int:
        return round(self.share.value() * 10)

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
        self.share.setValue(params.get(QUALIFYING, PERMILLE) / 10)
        self._update_reads()
        self.adjustSize()

    def _update_reads(self, *_args) -> None:
        """The figures as the rules table will show them, while they are typed."""
        if not all(hasattr(self, name) for name in ("reads", "window_months", "share")):
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
            return self._with_share({
                "points_per_unit": self.points_per_unit.value(),
                "unit_fen": unit_fen,
                "rounding": self.rounding.currentData(),
            })  # fmt: skip
        params: dict = {"points": self.points.value()}
        for key in CAPS:
            if self.caps[key].value() != NO_CAP:
                params[key] = self.caps[key].value()
        if code == "new_binding":
            params["window_months"] = self.window_months.value()
        return self._with_share(params)

    def _with_share(self, params: dict) -> dict:
        """The share only where it is not all the points (the rule's default)."""
        if self.share_permille() != PERMILLE:
            params[QUALIFYING] = self.share_permille()
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
