"""The member 360 view: profile, vehicles, history and the status actions for one member.

Everything is loaded in a worker (get_member) and reloaded after each action, so the view
always shows what the database holds. Areas of later work say so plainly in their tabs.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation as v
from app.domain.members import NEEDS_REASON, MemberStatus
from app.domain.roles import Actor
from app.services import members, segmentation
from app.services.members import FormInvalid, MemberDetail, MemberFilter
from app.services.shared.changes import Area
from app.services.shared.database import Database
from app.ui.approvals.member_approvals_tab import MemberApprovalsTab
from app.ui.audit.audit_page import action_label
from app.ui.audit.changes import change_lines
from app.ui.benefits.member_benefits_tab import MemberBenefitsTab
from app.ui.members.labels import (
    channel_label,
    error_text,
    gender_label,
    income_label,
    status_label,
    validation_text,
)
from app.ui.members.live_checks import watch
from app.ui.members.member_dialog import MemberDialog
from app.ui.members.member_header import EmptyNote, MemberHeader
from app.ui.members.vehicles_editor import VehiclesEditor
from app.ui.points.member_points_tab import PointsTab
from app.ui.shared.action_dialog import ActionDialog
from app.ui.shared.errors import message_for
from app.ui.shared.events import on_change
from app.ui.shared.forms import DATE_FORMAT, to_date, to_qdate
from app.ui.shared.i18n import format_date, format_datetime, format_yuan
from app.ui.shared.tables import fill_table, make_table
from app.ui.shared.worker import run_in_background
from app.ui.tiers.member_tier_tab import MemberTierTab, tier_names


def _or_dash(text: str | None) -> str:
    return text if text else "—"


def merge_by_number(db: Database, actor: Actor, keep_id: int, number: str, reason: str) -> None:
    """Find the other member by its number, then merge it into ``keep_id`` (runs in a worker)."""
    normalized = v.normalize_member_number(number)
    rows = members.search(db, actor, MemberFilter(text=normalized), limit=5)
    other = next((row for row in rows if row.member_number == normalized), None)
    if other is None:
        raise v.InvalidValue("member_number", "member_unknown", "No member has this number.")
    members.merge_members(db, actor, keep_id, other.id, reason)


class ProfileTab(QScrollArea):
    """All member fields in two columns; personal data masked unless the user may see it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        columns = QHBoxLayout(body)
        self.left, self.right = QFormLayout(), QFormLayout()
        columns.addLayout(self.left, 1)
        columns.addSpacing(24)
        columns.addLayout(self.right, 1)
        self.setWidget(body)

    def show_detail(self, d: MemberDetail) -> None:
        for form in (self.left, self.right):
            while form.rowCount():
                form.removeRow(0)
        for form, rows in ((self.left, self._personal(d)), (self.right, self._membership(d))):
            for key, label, value in rows:
                form.addRow(label, self._value(key, value))

    def _personal(self, d: MemberDetail) -> list[tuple[str, str, str | None]]:
        hidden = self.tr("(hidden)") if d.masked else None  # withheld, not missing
        return [
            ("member_number", self.tr("Member number"), d.member_number),
            ("name", self.tr("Name"), d.name),
            ("gender", self.tr("Gender"), gender_label(d.gender)),
            ("mobile", self.tr("Mobile"), d.mobile),
            ("resident_id", self.tr("ID number"), d.resident_id),
            ("birthday", self.tr("Birthday"), d.birthday),
            ("province", self.tr("Province"), d.province),
            ("city", self.tr("City"), hidden or d.city),
            ("income_band", self.tr("Income band"), hidden or income_label(d.income_band)),
            ("interests", self.tr("Interests"), ", ".join(d.interests)),
        ]

    def _membership(self, d: MemberDetail) -> list[tuple[str, str, str | None]]:
        consent = self.tr("{time} by {user}").format(
            time=format_datetime(d.privacy_consent_at), user=d.privacy_consent_by or "—"
        )
        return [
            ("status", self.tr("Status"), status_label(d.status)),
            ("status_reason", self.tr("Status reason"), d.status_reason),
            ("join_date", self.tr("Join date"), format_date(d.join_date)),
            ("activated_on", self.tr("Activated on"), format_date(d.activated_on)),
            ("dealer", self.tr("Dealer"), d.dealer_name),
            ("source_channel", self.tr("Source channel"), channel_label(d.source_channel)),
            ("referrer", self.tr("Referrer"), d.referrer_number),
            ("tags", self.tr("Tags"), ", ".join(d.tags)),
            ("privacy_consent", self.tr("Privacy consent"), consent),
            (
                "marketing_consent",
                self.tr("Marketing consent"),
                self.tr("Yes") if d.marketing_consent else self.tr("No"),
            ),
            ("service_orders", self.tr("Service orders"), str(d.service_orders)),
        ]

    def _value(self, key: str, value: str | None) -> QWidget:
        label = QLabel(_or_dash(value))
        label.setObjectName(f"value_{key}")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label


class VehiclesTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.current = make_table(
            "vehicles",
            [
                self.tr("VIN"),
                self.tr("Model"),
                self.tr("Plate"),
                self.tr("Purchase date"),
                self.tr("Dealer"),
                self.tr("Amount"),
            ],
        )
        self.previous = make_table(
            "previous_vehicles",
            [self.tr("VIN"), self.tr("Now with member"), self.tr("Owned from"), self.tr("Until")],
        )
        self.add_vehicle = QPushButton(self.tr("Add vehicle…"))
        self.add_vehicle.setObjectName("add_vehicle")
        self.transfer_in = QPushButton(self.tr("Transfer in…"))
        self.transfer_in.setObjectName("transfer_in")
        self.transfer_in.setToolTip(
            self.tr("A second-hand vehicle bought from another member: move it here by its VIN.")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_vehicle)
        buttons.addWidget(self.transfer_in)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.current, 2)
        layout.addWidget(QLabel(self.tr("Vehicles this member owned before")))
        layout.addWidget(self.previous, 1)
        self.current_empty = EmptyNote(self.current)
        self.previous_empty = EmptyNote(self.previous)

    def show_detail(self, d: MemberDetail) -> None:
        fill_table(
            self.current,
            [
                [
                    x.vin,
                    x.model,
                    x.plate or "",
                    format_date(x.purchase_date),
                    x.dealer_name or "",
                    format_yuan(x.purchase_amount_fen) if x.purchase_amount_fen is not None else "",
                ]
                for x in d.vehicles
            ],
        )
        fill_table(
            self.previous,
            [
                [p.vin, p.member_number, format_date(p.owned_from), format_date(p.owned_until)]
                for p in d.previous_vehicles
            ],
        )
        for button in (self.add_vehicle, self.transfer_in):
            button.setVisible(d.can_edit)
        self.current_empty.set_text(self.tr("No vehicles are registered for this member."))
        self.previous_empty.set_text(
            self.tr("None: this member has not sold or passed on a vehicle.")
        )


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = make_table(
            "history", [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Changes")]
        )
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.note)

    def show_detail(self, d: MemberDetail) -> None:
        fill_table(
            self.table,
            [
                [
                    format_datetime(h.at),
                    h.username,
                    action_label(h.action),
                    "\n".join(change_lines(h)),
                ]
                for h in d.history
            ],
        )
        if d.history:
            self.note.setText(self.tr("Newest first; at most the last 200 changes."))
        elif d.masked:
            self.note.setText(self.tr("The history of another dealer's member is not shown."))
        else:
            self.note.setText(self.tr("No changes have been recorded for this member yet."))


def _coming(text: str) -> QWidget:
    label = QLabel(text)
    label.setObjectName("not_built")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setMargin(12)
    return label


class MemberView(QDialog):
    """One member at a glance; Esc closes it."""

    def __init__(
        self,
        db: Database,
        actor: Actor,
        member_id: int,
        today: date,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.member_id, self.today = db, actor, member_id, today
        self.detail: MemberDetail | None = None
        self.setObjectName("member_view")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Member"))
        self.resize(1000, 680)
        self.header = MemberHeader(actor)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self._action_buttons())
        layout.addWidget(self._tabs(), 1)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self._connect_header()
        QShortcut(QKeySequence.StandardKey.Find, self, self._find_member)
        self.reload()
        on_change(self, {Area.MEMBERS, Area.POINTS, Area.APPROVALS}, self.reload)

    # layout ----------------------------------------------------------------------------------

    def _action_buttons(self) -> QHBoxLayout:
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (
            ("edit", self.tr("Edit…"), self._edit),
            ("activate", self.tr("Activate…"), lambda: self._change_status("active")),
            ("freeze", self.tr("Freeze…"), lambda: self._change_status("frozen")),
            ("unfreeze", self.tr("Unfreeze…"), lambda: self._change_status("active")),
            ("close_member", self.tr("Close membership…"), lambda: self._change_status("closed")),
            ("merge", self.tr("Merge duplicate…"), self._merge),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.hide()
            button.clicked.connect(slot)
            self.buttons[name] = button
            if name == "close_member":
                row.addStretch(1)  # the lasting changes stand apart from the everyday ones
            row.addWidget(button)
        return row

    def _connect_header(self) -> None:
        """The card's counter actions open the Points and Benefits tabs' dialogs."""
        header = self.header
        header.record_service.connect(self.points.record_service)
        header.use_points.connect(self.points.use_points)
        header.request_adjustment.connect(self.points.request_adjustment)
        header.redeem.connect(self._redeem_benefit)
        self.points.loaded.connect(lambda data: header.show_points(data.summary))
        self.tier.loaded.connect(lambda data: header.show_tier(data.view.tier))

    def _redeem_benefit(self) -> None:
        """F4: the benefits the member may redeem, the first one chosen; Enter redeems it."""
        self.tabs.setCurrentWidget(self.benefits)
        offers = self.benefits.offers
        if offers.rowCount() and not offers.selectedIndexes():
            offers.selectRow(0)
        offers.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _find_member(self) -> None:
        """Ctrl+F: done with this member; back to the members search for the next one."""
        window = self.parentWidget().window() if self.parentWidget() else None
        self.close()
        find = getattr(window, "find_member", None)
        if callable(find):
            find()

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.profile = ProfileTab()
        self.vehicles = VehiclesTab()
        self.vehicles.add_vehicle.clicked.connect(self._add_vehicle)
        self.vehicles.transfer_in.clicked.connect(self._transfer_in)
        self.history = HistoryTab()
        later = self.tr("This tab arrives with later work:")
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.tabs.addTab(self.vehicles, self.tr("Vehicles"))
        self.points = PointsTab(self.db, self.actor, self.member_id, self.today)
        self.points.changed.connect(self._changed)
        self.approvals = MemberApprovalsTab()
        self.points.loaded.connect(
            lambda data: self.approvals.show_requests(data.requests, data.reasons)
        )
        self.tabs.addTab(self.points, self.tr("Points"))
        self.tier = MemberTierTab(self.db, self.actor, self.member_id, self.today)
        self.tier.changed.connect(self._changed)
        self.tier.loaded.connect(lambda data: self.approvals.set_tiers(tier_names(data.policy)))
        self.tabs.addTab(self.tier, self.tr("Tier && history"))
        self.benefits = MemberBenefitsTab(self.db, self.actor, self.member_id, self.today)
        self.benefits.changed.connect(self._changed)
        self.tabs.addTab(self.benefits, self.tr("Benefits && vouchers"))
        for title, text in (
            (self.tr("Campaigns"), self.tr("campaigns and tasks this member takes part in.")),
            (self.tr("Service notes"), self.tr("service visits and notes from the counter.")),
        ):
            self.tabs.addTab(_coming(f"{later} {text}"), title)
        self.tabs.insertTab(4, self.approvals, self.tr("Approvals"))
        self.tabs.addTab(self.history, self.tr("Audit trail"))
        self.tabs.setEnabled(False)
        return self.tabs

    # loading ---------------------------------------------------------------------------------

    def reload(self) -> None:
        db, actor, member_id = self.db, self.actor, self.member_id
        run_in_background(
            lambda: members.get_member(db, actor, member_id), self._show, self._load_failed
        )
        run_in_background(  # the value segment of the latest quarterly run, if any
            lambda: segmentation.member_cell(db, actor, member_id),
            self.header.show_segment, lambda _exc: None, owner=self.header,
        )  # fmt: skip
        self.points.reload()

    def _show(self, d: MemberDetail) -> None:
        self.detail = d
        self.setWindowTitle(self.tr("Member {number}").format(number=d.member_number))
        self.header.show_detail(d)
        self.profile.show_detail(d)
        self.vehicles.show_detail(d)
        self.history.show_detail(d)
        self._update_buttons(d)
        self.tabs.setEnabled(True)

    def _update_buttons(self, d: MemberDetail) -> None:
        """What the service offers this user for this member (the rules live there)."""
        visible = {
            "edit": d.can_edit,
            "activate": "activate" in d.status_actions,
            "freeze": "freeze" in d.status_actions,
            "unfreeze": "unfreeze" in d.status_actions,
            "close_member": "close" in d.status_actions,
            "merge": d.can_merge,
        }
        for name, button in self.buttons.items():
            button.setVisible(visible[name])

    def _load_failed(self, exc: BaseException) -> None:
        self.header.show_failure(self.tr("The member could not be loaded."))
        self.message.setText(message_for(exc))

    def _changed(self, message: str = "") -> None:
        self.message.setText(message)  # the view itself refreshes from the change signal

    # actions ---------------------------------------------------------------------------------

    def _edit(self) -> None:
        dialog = MemberDialog(self.db, self.actor, self.today, self.detail, self)
        dialog.saved.connect(lambda *_: self._changed(self.tr("Saved.")))
        dialog.open_member.connect(
            lambda member_id: MemberView(self.db, self.actor, member_id, self.today, self).show()
        )
        dialog.open()

    def _change_status(self, status: str) -> None:
        title, explanation, ok_text = self._status_texts(status)
        dialog = ActionDialog(self, "status_dialog", title, explanation, ok_text)
        reason = QLineEdit()
        dialog.add_row(self.tr("Reason"), reason, "reason")
        if status in NEEDS_REASON:
            dialog.require(lambda: bool(reason.text().strip()), reason.textChanged)
        if status == MemberStatus.CLOSED:
            confirm = QCheckBox(self.tr("Yes, erase this member's personal data now"))
            dialog.add_row("", confirm, "confirm")
            dialog.require(confirm.isChecked, confirm.toggled)
        db, actor, member_id = self.db, self.actor, self.member_id
        dialog.work = lambda: (
            lambda: members.change_status(db, actor, member_id, status, reason.text())
        )
        dialog.done.connect(lambda: self._changed(status_label(status)))
        dialog.open()

    def _status_texts(self, status: str) -> tuple[str, str, str]:
        d = self.detail
        if status == "frozen":
            return (
                self.tr("Freeze member"),
                self.tr(
                    "A frozen member cannot earn or use points until unfrozen. "
                    "Enter the reason (for example a lost card or suspected fraud)."
                ),
                self.tr("Freeze"),
            )
        if status == "closed":
            return (
                self.tr("Close membership"),
                self.tr(
                    "Closing is final. The member's personal data (name, mobile, ID number, "
                    "birthday, city, tags, plates) is erased as required by PIPL; the member "
                    "number, points ledger and statistics stay. Enter the reason."
                ),
                self.tr("Close and erase"),
            )
        if d is not None and d.status == "pre_registered":
            return (
                self.tr("Activate member"),
                self.tr("The points validity starts today. A reason is optional."),
                self.tr("Activate"),
            )
        return (
            self.tr("Unfreeze member"),
            self.tr("The member can earn and use points again. A reason is optional."),
            self.tr("Unfreeze"),
        )

    def _merge(self) -> None:
        number = self.detail.member_number
        dialog = ActionDialog(
            self,
            "merge_dialog",
            self.tr("Merge a duplicate into {number}").format(number=number),
            self.tr(
                "Member {number} is kept. The other member's vehicles, service records, "
                "referrals and tags move here; it is then closed and its personal data erased."
            ).format(number=number),
            self.tr("Merge"),
        )
        other, reason = QLineEdit(), QLineEdit()
        dialog.add_row(self.tr("Other member number"), other, "other_number")
        dialog.add_row(self.tr("Reason"), reason, "reason")
        for field in (other, reason):
            dialog.require(lambda field=field: bool(field.text().strip()), field.textChanged)
        db, actor, keep_id = self.db, self.actor, self.member_id
        dialog.work = lambda: (
            lambda: merge_by_number(db, actor, keep_id, other.text(), reason.text())
        )
        dialog.done.connect(lambda: self._changed(self.tr("Merged.")))
        dialog.open()

    def _transfer_in(self) -> None:
        dialog = ActionDialog(
            self,
            "transfer_dialog",
            self.tr("Transfer a vehicle in"),
            self.tr(
                "For a second-hand sale: the vehicle moves to this member and the seller is "
                "kept in its ownership history."
            ),
            self.tr("Transfer"),
        )
        vin = QLineEdit()
        vin.setPlaceholderText(self.tr("17 characters"))
        on = QDateEdit(to_qdate(self.today))
        on.setDisplayFormat(DATE_FORMAT)
        on.setCalendarPopup(True)
        on.setMaximumDate(to_qdate(self.today))
        dialog.add_row(self.tr("VIN"), vin, "vin")
        dialog.add_row(self.tr("Transfer date"), on, "transfer_date")
        watch(vin, dialog.error, v.normalize_vin)
        dialog.require(lambda: bool(vin.text().strip()), vin.textChanged)
        db, actor, member_id = self.db, self.actor, self.member_id
        dialog.work = lambda: (
            lambda: members.transfer_vehicle(db, actor, vin.text(), member_id, to_date(on.date()))
        )
        dialog.done.connect(lambda: self._changed(self.tr("Vehicle transferred.")))
        dialog.open()

    def _add_vehicle(self) -> None:
        dialog = ActionDialog(
            self,
            "vehicle_dialog",
            self.tr("Add vehicle"),
            self.tr("A vehicle the member bought new. A used one is moved with Transfer in…"),
            self.tr("Add"),
        )
        dialog.setMinimumWidth(760)
        editor = VehiclesEditor(removable=False)
        row = editor.add_row()
        dialog.form.addRow(editor)
        db, actor, member_id = self.db, self.actor, self.member_id

        def work():
            editor.clear_errors()
            vehicles, errors = editor.inputs()
            if errors:
                _show_vehicle_errors(editor, errors)
                return None
            return lambda: members.add_vehicle(db, actor, member_id, vehicles[0])

        def failed(exc: BaseException) -> None:
            if isinstance(exc, FormInvalid):
                _show_vehicle_errors(editor, {f"vehicle0.{k}": e for k, e in exc.errors.items()})
            else:
                dialog.error.show_message(error_text(exc))

        dialog.work, dialog.show_failure = work, failed
        dialog.done.connect(lambda: self._changed(self.tr("Vehicle added.")))
        dialog.open()
        row.vin.setFocus()


def _show_vehicle_errors(editor: VehiclesEditor, errors: dict[str, tuple[str, str]]) -> None:
    for key, (code, english) in errors.items():
        label = editor.error_label(key)
        if label is not None:
            label.show_message(validation_text(code, english))
