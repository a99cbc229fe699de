"""The member view's header card, on every tab: who the member is (number, name as the
service masks it, status, tier), the points they may use, what expires next, and the
counter's main actions on function keys (F2 record a service, F3 use points, F4 redeem a
benefit, F5 request an adjustment)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from app.domain.members import NEEDS_REASON, POSTABLE
from app.domain.roles import Actor, Permission
from app.domain.tiers import Tier
from app.services.members import MemberDetail
from app.services.points import AccountSummary
from app.services.segmentation import MemberCell
from app.ui.members.labels import status_label
from app.ui.reports.segmentation_labels import cell_text
from app.ui.shared.i18n import format_date, format_int, format_yuan
from app.ui.tiers.member_labels import badge_style

STATUS_COLOURS = {
    "pre_registered": "#0b5cad",
    "active": "#1b7f3b",
    "frozen": "#b35c00",
    "closed": "#6c757d",
}
CARD_STYLE = (
    "QFrame#member_header { background: #f6f8fb; border: 1px solid #d5dbe3; border-radius: 6px; }"
)
MUTED = "#5f6b7a"


def escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class EmptyNote(QObject):
    """Says in words that a table is empty: a grey line in the middle of its viewport,
    shown while the table has no rows (and there is something to say)."""

    def __init__(self, table: QAbstractItemView, text: str = ""):
        super().__init__(table)
        self.table = table
        self.label = QLabel(text, table.viewport())
        self.label.setObjectName(f"{table.objectName()}_empty")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(f"color: {MUTED}; padding: 12px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.refresh)
        self.refresh()

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.refresh()

    def refresh(self, *_args) -> None:
        if not isValid(self.table) or not isValid(self.label):
            return  # the table's model empties itself while the table is being deleted
        empty = self.table.model().rowCount() == 0 and bool(self.label.text())
        self.label.setGeometry(self.table.viewport().rect())
        self.label.setVisible(empty)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self.table.viewport().rect())
        return False


class MemberHeader(QFrame):
    """Filled in three steps as the view's loads arrive: the member, the points, the tier."""

    record_service = Signal()
    use_points = Signal()
    redeem = Signal()
    request_adjustment = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("member_header")
        self.setStyleSheet(CARD_STYLE)
        self.actor = actor
        self.status: str | None = None
        self.summary: AccountSummary | None = None
        self.title = self._label("header", self.tr("Loading…"))
        self.tier = self._label("header_tier", "")
        self.tier.hide()
        self.details = self._label("header_details", "")
        self.segment = self._label("header_segment", "")
        self.segment.hide()
        self.points = self._label("header_points", "")
        self.expiry = self._label("header_expiry", "")
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(8)
        top.addWidget(self.tier, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addSpacing(8)
        top.addWidget(self.segment, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        grid.addLayout(top, 0, 0)
        grid.addWidget(self.points, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.details, 1, 0)
        grid.addWidget(self.expiry, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addLayout(self._buttons(), 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def _label(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _buttons(self) -> QHBoxLayout:
        can = self.actor.can
        self.actions: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 4, 0, 0)
        row.setSpacing(8)
        for name, text, tip, key, signal, allowed in (
            ("record_service", self.tr("Record service…"),
             self.tr("Record a repair order or invoice; it earns points"), "F2",
             self.record_service, can(Permission.POST_POINTS)),
            ("use_points", self.tr("Use points…"),
             self.tr("Deduct points against the labour or parts of a repair order"), "F3",
             self.use_points, can(Permission.POST_POINTS)),
            ("redeem_benefit", self.tr("Redeem a benefit…"),
             self.tr("Choose a benefit to redeem for a voucher"), "F4",
             self.redeem, can(Permission.USE_BENEFITS)),
            ("request_adjustment", self.tr("Request adjustment…"),
             self.tr("A manual credit or debit, decided by a supervisor"), "F5",
             self.request_adjustment, can(Permission.REQUEST_ADJUSTMENT)),
        ):  # fmt: skip
            button = QPushButton(f"{text}  {key}")
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.setShortcut(QKeySequence(key))  # the window's: works on every tab
            button.setToolTip(self.tr("{action} ({key})").format(action=tip, key=key))
            button.setVisible(allowed)
            button.setEnabled(False)  # until the points are loaded
            button.clicked.connect(signal)
            self.actions[name] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    # filling in ------------------------------------------------------------------------------

    def show_detail(self, d: MemberDetail) -> None:
        self.status = d.status
        colour = STATUS_COLOURS.get(d.status, "#000")
        status = (
            f"<span style='color:white; background-color:{colour}; font-weight:bold'>"
            f"&nbsp;{escaped(status_label(d.status))}&nbsp;</span>"
        )
        if d.status_reason and d.status in NEEDS_REASON:
            status += f" <span style='color:{MUTED}'>({escaped(d.status_reason)})</span>"
        self.title.setText(
            f"<span style='font-size:16pt; font-weight:bold'>{escaped(d.member_number)}</span>"
            f"&nbsp;&nbsp;<span style='font-size:14pt'>{escaped(d.name or '—')}</span>"
            f"&nbsp;&nbsp;{status}"
        )
        self.details.setText(
            f"<span style='color:{MUTED}'>"
            + escaped(
                self.tr("Dealer: {dealer} · Joined {date}").format(
                    dealer=d.dealer_name or "—", date=format_date(d.join_date)
                )
            )
            + "</span>"
        )
        self._update_actions()

    def show_points(self, s: AccountSummary) -> None:
        self.summary = s
        self.points.setText(
            self.tr("Available points {points} (worth {value})").format(
                points=f"<span style='font-size:16pt; font-weight:bold'>"
                f"{format_int(s.available)}</span>",
                value=format_yuan(s.value_fen),
            )
        )
        if s.next_expiry is not None and s.next_expiry_points:
            expiry = self.tr("{points} points expire on {date}").format(
                points=format_int(s.next_expiry_points), date=format_date(s.next_expiry)
            )
            self.expiry.setText(f"<span style='color:#b35c00'>{escaped(expiry)}</span>")
        else:
            text = self.tr("No points due to expire")
            self.expiry.setText(f"<span style='color:{MUTED}'>{escaped(text)}</span>")
        self.status = s.status
        self._update_actions()

    def show_tier(self, tier: Tier) -> None:
        self.tier.setText(tier.name)
        self.tier.setStyleSheet(badge_style(tier))
        self.tier.setToolTip(self.tr("Tier"))
        self.tier.show()

    def show_segment(self, found: MemberCell | None) -> None:
        """The value segment in the latest quarterly run (nothing before the first run)."""
        if found is None:
            self.segment.hide()
            return
        text = self.tr("Value segment: {cell}").format(cell=cell_text(found.cell))
        self.segment.setText(f"<span style='color:{MUTED}'>{escaped(text)}</span>")
        self.segment.setToolTip(
            self.tr("Quarterly run as of {date}").format(date=format_date(found.as_of))
        )
        self.segment.show()

    def show_failure(self, message: str) -> None:
        self.title.setText(escaped(message))

    def _update_actions(self) -> None:
        postable = self.summary is not None and self.status in POSTABLE
        for button in self.actions.values():
            button.setEnabled(postable)
