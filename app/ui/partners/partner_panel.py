"""One partner in full: its record, status and since when, the latest admission assessment
check by check (a failed one admitted by headquarters shown in red with the reason), its
score and rank in the industry, its cooperation modes, its benefits and its status history;
and, for headquarters, the actions its status allows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import partners as rules
from app.domain.benefits import Source
from app.domain.inputs import new_request_uid
from app.domain.roles import Actor, Permission
from app.services.benefits import ItemInput, ItemRow
from app.services.partners import admission, cooperation, registry, requests
from app.services.partners.cooperation import ModeRow
from app.services.partners.registry import PartnerRow, StatusChangeRow
from app.services.settings import ProgrammeSettings, get_settings
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.common import ERROR_COLOUR
from app.ui.benefits.item_dialog import ItemDialog, ItemPreset
from app.ui.benefits.labels import item_status_name
from app.ui.partners.admission_dialog import AdmissionDialog
from app.ui.partners.evaluation_dialog import EvaluationDialog, weight_share
from app.ui.partners.labels import (
    factor_name,
    industry_name,
    mode_name,
    score_text,
    status_name,
)
from app.ui.partners.mode_dialog import ModeDialog
from app.ui.partners.partner_dialog import PartnerDialog
from app.ui.partners.partner_views import (
    AdmissionView,
    PartnerDetail,
    escaped,
    fill_modes,
    load_detail,
    modes_table,
    score_summary,
)
from app.ui.partners.status_dialog import reason_dialog, request_dialog
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_date, format_yuan
from app.ui.shared.tables import fill_table, make_table, set_empty_text
from app.ui.shared.widgets import action_button
from app.ui.shared.worker import run_in_background

S = rules.PartnerStatus
LIVE = frozenset(S) - {S.TERMINATED}
# The statuses each action is offered in (to headquarters with MANAGE_PARTNERS).
ACTION_STATUSES: dict[str, frozenset[S]] = {
    "edit_partner": LIVE,
    "start_evaluation": frozenset({S.CANDIDATE}),
    "back_to_candidate": frozenset({S.EVALUATING}),
    "assess_admission": frozenset({S.EVALUATING}),
    "override_admission": frozenset({S.EVALUATING}),
    "score_partner": frozenset({S.EVALUATING}),
    "request_admission": rules.ADMISSION_FROM,
    "add_mode": LIVE,
    "edit_mode": LIVE,
    "end_mode": LIVE,
    "request_activation": rules.ACTIVATION_FROM,
    "suspend_partner": frozenset({S.ACTIVE}),
    "terminate_partner": LIVE,
    "new_partner_benefit": frozenset({S.APPROVED, S.ACTIVE, S.SUSPENDED}),
}


# Not while a request for the partner waits in Approvals: what it rests on stays as asked.
WAIT_FIRST = (
    "start_evaluation", "back_to_candidate", "assess_admission", "override_admission",
    "score_partner", "request_admission", "request_activation", "suspend_partner",
    "terminate_partner",
)  # fmt: skip


def offered_actions(detail: PartnerDetail | None, actor: Actor) -> set[str]:
    """The actions shown for ``detail`` (None: nothing selected) to ``actor``."""
    if not actor.can(Permission.MANAGE_PARTNERS):
        return set()
    if detail is None:
        return {"new_partner"}
    status = detail.row.status
    shown = {"new_partner"} | {name for name, allowed in ACTION_STATUSES.items()
                               if status in allowed}  # fmt: skip
    latest = detail.admission
    failed = latest is not None and not latest.passed and latest.override_reason is None
    if not (failed and actor.is_headquarters):
        shown.discard("override_admission")
    return shown


# --- the panel ------------------------------------------------------------------------------------


class PartnerPanel(QWidget):
    changed = Signal(int)  # a partner (its id) was created or changed: the list reloads

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partner_panel")
        self.db, self.actor = db, actor
        self.detail: PartnerDetail | None = None
        self.partner_id: int | None = None
        self.buttons: dict[str, QPushButton] = {}
        self._generation = 0
        self.message = QLabel()
        self.message.setObjectName("partner_message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.heading = QLabel()
        self.heading.setObjectName("partner_heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_line = QLabel()
        self.status_line.setObjectName("partner_status")
        self.status_line.setWordWrap(True)
        body = QWidget()
        self.sections = QVBoxLayout(body)
        self.sections.setContentsMargins(0, 0, 4, 0)
        self.sections.addWidget(self.heading)
        self.sections.addWidget(self.status_line)
        for box in (self._record_box(), self._admission_box(), self._score_box(),
                    self._modes_box(), self._benefits_box(), self._history_box()):  # fmt: skip
            self.sections.addWidget(box)
        self.sections.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("partner_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._row_of(
            "new_partner", "edit_partner", "start_evaluation", "back_to_candidate",
            "request_admission", "request_activation", "suspend_partner", "terminate_partner",
        ))  # fmt: skip
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self.timezone = ProgrammeSettings().timezone
        run_in_background(lambda: get_settings(db), self._settings_loaded, self._failed)
        self.show_partner(None)

    # building --------------------------------------------------------------------------------

    def _button_texts(self) -> dict[str, tuple[str, str, Callable[[], None]]]:
        return {
            "new_partner": (self.tr("New partner…"), self.tr("Register a candidate partner"),
                            self.new_partner),
            "edit_partner": (self.tr("Edit…"), self.tr("Change the partner's record"),
                             self.edit_partner),
            "start_evaluation": (self.tr("Start evaluation…"),
                                 self.tr("Assess the admission checks and score the partner"),
                                 lambda: self.change_status(S.EVALUATING)),
            "back_to_candidate": (self.tr("Back to candidate…"),
                                  self.tr("Stop the evaluation for now"),
                                  lambda: self.change_status(S.CANDIDATE)),
            "request_admission": (self.tr("Request admission…"),
                                  self.tr("Another administrator admits it in Approvals"),
                                  self.request_admission),
            "request_activation": (self.tr("Request activation…"),
                                   self.tr("Another administrator activates it in Approvals"),
                                   self.request_activation),
            "suspend_partner": (self.tr("Suspend…"), self.tr("Stop the cooperation for now"),
                                lambda: self.change_status(S.SUSPENDED)),
            "terminate_partner": (self.tr("Terminate…"), self.tr("End the cooperation for good"),
                                  lambda: self.change_status(S.TERMINATED)),
            "assess_admission": (self.tr("Assess admission…"),
                                 self.tr("Record the six admission checks"),
                                 self.assess_admission),
            "override_admission": (self.tr("Override…"),
                                   self.tr("Headquarters admits it despite the failed checks"),
                                   self.override_admission),
            "score_partner": (self.tr("Score…"), self.tr("Score the seven evaluation factors"),
                              self.score_partner),
            "add_mode": (self.tr("Add cooperation mode…"), "", lambda: self.edit_mode(None)),
            "edit_mode": (self.tr("Edit cooperation mode…"), "", self.edit_selected_mode),
            "end_mode": (self.tr("End cooperation mode…"), "", self.end_selected_mode),
            "new_partner_benefit": (self.tr("New partner benefit…"),
                                    self.tr("A draft benefit in the catalog, supplied by this "
                                            "partner"), self.new_benefit),
        }  # fmt: skip

    def _row_of(self, *names: str) -> QHBoxLayout:
        row = QHBoxLayout()
        if not self.actor.can(Permission.MANAGE_PARTNERS):
            return row  # nothing to do here: no buttons at all
        texts = self._button_texts()
        for name in names:
            text, tip, slot = texts[name]
            self.buttons[name] = action_button(name, text, tip, slot)
            row.addWidget(self.buttons[name])
        row.addStretch(1)
        return row

    def _group(self, title: str, name: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        box.setObjectName(name)
        return box, QVBoxLayout(box)

    def _record_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Record"))
        box.setObjectName("record_box")
        self.record = QFormLayout(box)
        self.record_values: dict[str, QLabel] = {}
        for key, caption in (
            ("industry", self.tr("Industry")), ("credit_code", self.tr("Credit code")),
            ("legal", self.tr("Legal person")),
            ("representative", self.tr("Legal representative")),
            ("capital", self.tr("Registered capital")), ("founded", self.tr("Founded on")),
            ("contact", self.tr("Contact")), ("address", self.tr("Address")),
            ("vat", self.tr("VAT special invoices")), ("documents", self.tr("Documents")),
            ("notes", self.tr("Notes")), ("shortlist", self.tr("Shortlist reason")),
        ):  # fmt: skip
            value = QLabel()
            value.setObjectName(f"record_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.record_values[key] = value
            self.record.addRow(caption, value)
        return box

    def _admission_box(self) -> QGroupBox:
        box, column = self._group(self.tr("Admission checks"), "admission_box")
        self.admission_view = AdmissionView()
        column.addWidget(self.admission_view)
        column.addLayout(self._row_of("assess_admission", "override_admission"))
        return box

    def _score_box(self) -> QGroupBox:
        box, column = self._group(self.tr("Evaluation"), "score_box")
        self.score = QLabel()
        self.score.setObjectName("score_summary")
        self.score.setWordWrap(True)
        self.factors = make_table(
            "factor_scores", [self.tr("Factor"), self.tr("Score"), self.tr("Weight")], stretch=0
        )
        self.factors.setMinimumHeight(self.factors.verticalHeader().defaultSectionSize() * 8 + 8)
        column.addWidget(self.score)
        column.addWidget(self.factors)
        column.addLayout(self._row_of("score_partner"))
        return box

    def _modes_box(self) -> QGroupBox:
        box, column = self._group(self.tr("Cooperation modes"), "modes_box")
        self.modes = modes_table("partner_modes")
        self.modes.setMinimumHeight(120)
        self.modes.itemSelectionChanged.connect(self._update_buttons)
        column.addWidget(self.modes)
        column.addLayout(self._row_of("add_mode", "edit_mode", "end_mode"))
        return box

    def _benefits_box(self) -> QGroupBox:
        box, column = self._group(self.tr("Benefits from this partner"), "benefits_box")
        self.benefits = make_table("partner_benefits", [
            self.tr("Code"), self.tr("Name"), self.tr("Status"), self.tr("Unit cost"),
        ], stretch=1)  # fmt: skip
        self.benefits.setMinimumHeight(100)
        set_empty_text(self.benefits, self.tr("No benefits from this partner yet."))
        column.addWidget(self.benefits)
        column.addLayout(self._row_of("new_partner_benefit"))
        return box

    def _history_box(self) -> QGroupBox:
        box, column = self._group(self.tr("Status history"), "history_box")
        self.history = make_table("status_history", [
            self.tr("Date"), self.tr("From"), self.tr("To"), self.tr("Reason"), self.tr("By"),
        ], stretch=3)  # fmt: skip
        self.history.setMinimumHeight(120)
        column.addWidget(self.history)
        return box

    # showing ---------------------------------------------------------------------------------

    def show_partner(self, partner_id: int | None) -> None:
        """Load and show the partner (None: nothing selected)."""
        self.partner_id = partner_id
        self._generation += 1
        if partner_id is None:
            self.detail = None
            self._show(None)
            return
        generation, db, actor = self._generation, self.db, self.actor
        run_in_background(
            lambda: load_detail(db, actor, partner_id),
            lambda detail: self._loaded(generation, detail), self._failed,
        )  # fmt: skip

    def reload(self) -> None:
        self.show_partner(self.partner_id)

    def _loaded(self, generation: int, detail: PartnerDetail) -> None:
        if generation == self._generation:
            self.detail = detail
            self._show(detail)

    def _failed(self, exc: BaseException) -> None:
        self.say(message_for(exc), error=True)

    def _show(self, detail: PartnerDetail | None) -> None:
        for box in self.findChildren(QGroupBox):
            box.setVisible(detail is not None)
        if detail is None:
            self.heading.setText(self.tr("Choose a partner to see it here."))
            self.status_line.clear()
        else:
            self._show_record(detail.row)
            self.admission_view.show_admission(detail.admission)
            self._show_score(detail)
            fill_modes(self.modes, detail.modes, detail.today)
            self._show_benefits(detail.benefits)
            self._show_history(detail.history)
        self._update_buttons()

    def _show_record(self, row: PartnerRow) -> None:
        self.heading.setText(f"<h3>{escaped(row.code)} {escaped(row.name)}</h3>")
        status = self.tr("{status} since {date}").format(
            status=status_name(row.status), date=format_date(row.status_since)
        )
        if row.waiting_request == requests.ADMISSION:
            status += " · " + self.tr("admission request waiting in Approvals")
        elif row.waiting_request == requests.ACTIVATION:
            status += " · " + self.tr("activation request waiting in Approvals")
        self.status_line.setText(status)
        yes, no = self.tr("Yes"), self.tr("No")
        contact = " · ".join(
            p for p in (row.contact_name, row.contact_phone, row.contact_email) if p
        )
        texts = {
            "industry": industry_name(row.industry), "credit_code": row.credit_code,
            "legal": yes if row.legal_person else no,
            "representative": row.legal_representative,
            "capital": format_yuan(row.registered_capital_fen),
            "founded": format_date(row.founded_on), "contact": contact, "address": row.address,
            "vat": yes if row.vat_special_invoice else no, "documents": row.documents,
            "notes": row.notes, "shortlist": row.shortlist_reason or "",
        }  # fmt: skip
        for key, label in self.record_values.items():
            label.setText(texts[key])
            self.record.setRowVisible(label, bool(texts[key]))

    def _show_score(self, detail: PartnerDetail) -> None:
        latest = detail.evaluation
        self.score.setText(
            score_summary(latest.total_hundredths if latest else None, detail.rank,
                          detail.compared, detail.row.industry)
        )  # fmt: skip
        self.factors.setVisible(latest is not None)
        if latest is not None:
            fill_table(self.factors, [
                [factor_name(f), str(latest.scores.get(f.value, "")),
                 weight_share(latest.weights, f.value)] for f in rules.FACTORS
            ], right=frozenset({1, 2}))  # fmt: skip

    def _show_benefits(self, items: list[ItemRow]) -> None:
        fill_table(self.benefits, [
            [i.code, i.name, item_status_name(i.shown_status), format_yuan(i.unit_cost_fen)]
            for i in items
        ], right=frozenset({3}))  # fmt: skip

    def _show_history(self, changes: list[StatusChangeRow]) -> None:
        fill_table(self.history, [
            [format_date(c.effective_on), status_name(c.from_status) if c.from_status else "",
             status_name(c.to_status), c.reason, c.actor] for c in reversed(changes)
        ])  # fmt: skip

    def _update_buttons(self) -> None:
        shown = offered_actions(self.detail, self.actor)
        for name, button in self.buttons.items():
            button.setVisible(name in shown)
        waiting = self.detail is not None and self.detail.row.waiting_request is not None
        mode = self.selected_mode()
        enabled = {name: not waiting for name in WAIT_FIRST}  # the decision changes them
        enabled["edit_mode"] = enabled["end_mode"] = mode is not None and mode.active
        for name, on in enabled.items():
            if name in self.buttons:
                self.buttons[name].setEnabled(on)

    def selected_mode(self) -> ModeRow | None:
        rows = {index.row() for index in self.modes.selectedIndexes()}
        if self.detail is None or len(rows) != 1:
            return None
        r = rows.pop()
        return self.detail.modes[r] if r < len(self.detail.modes) else None

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _done(self, text: str) -> None:
        self.say(text)
        self.reload()
        if self.partner_id is not None:
            self.changed.emit(self.partner_id)

    # the actions -----------------------------------------------------------------------------

    def today(self) -> date:
        return self.detail.today if self.detail else today_in(self.db, self.timezone)

    def _settings_loaded(self, settings: ProgrammeSettings) -> None:
        self.timezone = settings.timezone

    def new_partner(self) -> None:
        dialog = PartnerDialog(self.db, self.actor, None, self.today(), self)
        dialog.saved.connect(self._created)
        dialog.open()

    def _created(self, row: PartnerRow) -> None:
        self.partner_id = row.id
        self._done(self.tr("Partner {code} registered as a candidate.").format(code=row.code))

    def edit_partner(self) -> None:
        if self.detail is None:
            return
        dialog = PartnerDialog(self.db, self.actor, self.detail.row, self.today(), self)
        dialog.saved.connect(
            lambda row: self._done(self.tr("Partner {code} saved.").format(code=row.code))
        )
        dialog.open()

    def change_status(self, to_status: S) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        titles = {
            S.EVALUATING: self.tr("Start the evaluation of {name}"),
            S.CANDIDATE: self.tr("Put {name} back to candidate"),
            S.SUSPENDED: self.tr("Suspend {name}"),
            S.TERMINATED: self.tr("Terminate {name}"),
        }
        explanations = {
            S.EVALUATING: self.tr("Then assess its admission checks and score it."),
            S.CANDIDATE: self.tr("Its assessments and scores stay on record."),
            S.SUSPENDED: self.tr("The cooperation pauses until it is activated again "
                                 "through Approvals."),
            S.TERMINATED: self.tr("The cooperation ends for good; the partner cannot be "
                                  "changed afterwards."),
        }  # fmt: skip
        db, actor, partner_id = self.db, self.actor, row.id
        dialog = reason_dialog(
            self, "status_dialog", titles[to_status].format(name=row.name),
            explanations[to_status], status_name(to_status),
            lambda reason: lambda: registry.change_status(db, actor, partner_id, to_status, reason),
        )  # fmt: skip
        dialog.succeeded.connect(lambda changed: self._done(
            self.tr("{name} is now: {status}.").format(name=changed.name,
                                                       status=status_name(changed.status))
        ))  # fmt: skip
        dialog.open()

    def assess_admission(self) -> None:
        if self.detail is None:
            return
        dialog = AdmissionDialog(self.db, self.actor, self.detail.row, self)
        dialog.assessed.connect(lambda row: self._done(
            self.tr("Admission assessed: all checks passed.") if row.passed
            else self.tr("Admission assessed: checks failed.")
        ))  # fmt: skip
        dialog.open()

    def override_admission(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        db, actor = self.db, self.actor
        dialog = reason_dialog(
            self, "override_dialog", self.tr("Override the failed admission of {name}").format(
                name=row.name),
            self.tr("Headquarters admits the partner despite the failed checks. The reason is "
                    "shown in red wherever the partner is shown, and audited."),
            self.tr("Override"),
            lambda reason: lambda: admission.override_admission(db, actor, row.id, reason),
            min_length=10,
        )  # fmt: skip
        dialog.succeeded.connect(lambda _row: self._done(self.tr("Admission overridden.")))
        dialog.open()

    def score_partner(self) -> None:
        if self.detail is None:
            return
        latest = self.detail.evaluation
        dialog = EvaluationDialog(
            self.db, self.actor, self.detail.row, latest.scores if latest else None, self
        )
        dialog.scored.connect(lambda row: self._done(
            self.tr("Scored: weighted total {total}.").format(
                total=score_text(row.total_hundredths))
        ))  # fmt: skip
        dialog.open()

    def request_admission(self) -> None:
        detail = self.detail
        if detail is None:
            return
        warning = ""
        if detail.compared < detail.shortlist_min:
            warning = self.tr(
                "Only {count} partners of {industry} are compared; the shortlist needs at "
                "least {minimum}. Record why admitting from fewer is justified."
            ).format(count=detail.compared, industry=industry_name(detail.row.industry),
                     minimum=detail.shortlist_min)  # fmt: skip
        db, actor, partner_id, uid = self.db, self.actor, detail.row.id, new_request_uid()
        dialog = request_dialog(
            self, "request_admission_dialog",
            self.tr("Request the admission of {name}").format(name=detail.row.name),
            self.tr("Another administrator, who neither assessed nor scored it, decides in "
                    "Approvals."),
            lambda note, reason: lambda: requests.submit_admission(
                db, actor, partner_id, note, reason, uid),
            warning,
        )  # fmt: skip
        dialog.succeeded.connect(
            lambda _r: self._done(self.tr("Admission requested; it waits in Approvals."))
        )
        dialog.open()

    def request_activation(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        db, actor, uid = self.db, self.actor, new_request_uid()
        dialog = request_dialog(
            self, "request_activation_dialog",
            self.tr("Request the activation of {name}").format(name=row.name),
            self.tr("It needs a cooperation mode whose contract has not ended. Another "
                    "administrator decides in Approvals."),
            lambda note, _reason: lambda: requests.submit_activation(db, actor, row.id, note, uid),
        )  # fmt: skip
        dialog.succeeded.connect(
            lambda _r: self._done(self.tr("Activation requested; it waits in Approvals."))
        )
        dialog.open()

    def edit_mode(self, mode: ModeRow | None) -> None:
        if self.detail is None:
            return
        dialog = ModeDialog(self.db, self.actor, self.detail.row, mode, self.today(), self)
        dialog.saved.connect(lambda row: self._done(
            self.tr("Cooperation mode saved: {mode}.").format(mode=mode_name(row.mode))
        ))  # fmt: skip
        dialog.open()

    def edit_selected_mode(self) -> None:
        mode = self.selected_mode()
        if mode is not None:
            self.edit_mode(mode)

    def end_selected_mode(self) -> None:
        mode = self.selected_mode()
        if mode is None or self.detail is None:
            return
        db, actor = self.db, self.actor
        dialog = reason_dialog(
            self, "end_mode_dialog", self.tr("End the cooperation mode {mode}").format(
                mode=mode_name(mode.mode)),
            self.tr("It stays on record; its benefits stay in the catalog until delisted."),
            self.tr("End mode"),
            lambda reason: lambda: cooperation.end_mode(db, actor, mode.id, reason),
        )  # fmt: skip
        dialog.succeeded.connect(lambda _row: self._done(self.tr("Cooperation mode ended.")))
        dialog.open()

    def new_benefit(self) -> None:
        if self.detail is None:
            return
        row = self.detail.row
        current = [m for m in self.detail.modes if m.active and m.contract_end >= self.today()]
        db, actor = self.db, self.actor

        def create(item: ItemInput) -> ItemRow:
            return cooperation.create_partner_benefit(db, actor, row.id, item)

        preset = ItemPreset(
            Source.PARTNER, current[0].unit_cost_fen if current else None, create,
            self.tr("New benefit from {name}").format(name=row.name),
        )  # fmt: skip
        dialog = ItemDialog(db, actor, None, self.today(), parent=self, preset=preset)
        dialog.saved.connect(lambda item: self._done(
            self.tr("Benefit {code} created as a draft in the catalog.").format(code=item.code)
        ))  # fmt: skip
        dialog.open()
