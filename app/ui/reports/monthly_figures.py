"""The monthly report's key figures on screen, section by section, and the texts of its
scope, lifecycle stages and failed checks. Each figure is a label named ``figure_<key>``."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QWidget

from app.ui.shared.i18n import format_int, format_yuan


def stage_name(code: str) -> str:
    names = {
        "active": QCoreApplication.translate("Lifecycle", "Active"),
        "silent": QCoreApplication.translate("Lifecycle", "Silent"),
        "sleeping": QCoreApplication.translate("Lifecycle", "Sleeping"),
        "lost": QCoreApplication.translate("Lifecycle", "Lost"),
    }
    return names.get(code, code)


def scope_text(scope) -> str:
    if scope.kind == "region":
        return QCoreApplication.translate("MonthlyReport", "Region {name}").format(name=scope.name)
    if scope.kind == "dealer":
        return QCoreApplication.translate("MonthlyReport", "Dealer {name}").format(name=scope.name)
    return QCoreApplication.translate("MonthlyReport", "Whole network")


def check_text(check) -> str:
    """A failed check in words (its message, translated, says what disagrees and by how
    much), with the two figures compared."""
    message = QCoreApplication.translate("Errors", check.message)
    try:
        message = message.format(difference=format_int(check.expected - check.actual))
    except (KeyError, IndexError, ValueError):
        pass  # a message with other placeholders is shown as it is
    figures = QCoreApplication.translate("MonthlyReport", "expected {expected}, found {actual}")
    figures = figures.format(expected=format_int(check.expected), actual=format_int(check.actual))
    return f"{message} ({figures})"


def percent_text(value: Fraction | None) -> str:
    return "—" if value is None else f"{float(value) * 100:.1f}%"


def rate_text(rate) -> str:
    """ "12.5% (reference 40.0%)"; "—" when there is nothing to divide by."""
    text = percent_text(rate.value)
    if rate.reference is not None:
        text += " " + QCoreApplication.translate("MonthlyReport", "(reference {value})").format(
            value=percent_text(rate.reference)
        )
    return text


class FiguresPanel(QWidget):
    """Four boxes: members, points, points health, benefits and cost."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        boxes = [
            (self.tr("Members"), [
                ("members_total", self.tr("Members")), ("members_new", self.tr("New")),
                ("members_activated", self.tr("Activated")), ("members_closed", self.tr("Closed")),
            ]),
            (self.tr("Points"), [
                ("points_opening", self.tr("Opening balance")),
                ("points_earned", self.tr("Earned")),
                ("points_offset", self.tr("Offset at the counter")),
                ("points_redeemed", self.tr("Redeemed")), ("points_expired", self.tr("Expired")),
                ("points_adjusted", self.tr("Adjusted")), ("points_reversed", self.tr("Reversed")),
                ("points_closing", self.tr("Closing balance")),
                ("points_liability", self.tr("Outstanding liability")),
            ]),
            (self.tr("Points health"), [
                ("health_redemption", self.tr("Redemption rate")),
                ("health_accumulation", self.tr("Accumulation rate")),
                ("health_expired", self.tr("Points expired")),
            ]),
            (self.tr("Benefits and cost"), [
                ("benefits_redemptions", self.tr("Redemptions")),
                ("benefits_write_offs", self.tr("Write-offs")),
                ("benefits_cost", self.tr("Benefit cost")),
                ("cost_total", self.tr("Programme cost")),
                ("cost_per_member", self.tr("Cost per member")),
                ("cost_share", self.tr("Cost as a share of revenue")),
            ]),
        ]  # fmt: skip
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (title, figures) in enumerate(boxes):
            grid.addWidget(self._box(title, figures), 0, column, Qt.AlignmentFlag.AlignTop)

    def _box(self, title: str, figures: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for key, label in figures:
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.labels[key] = value
            form.addRow(label, value)
        return box

    def figure(self, key: str) -> str:
        return self.labels[key].text()

    def show_report(self, report) -> None:
        members, points, health = report.members, report.points, report.health
        benefits, cost = report.benefits, report.cost
        values = {
            "members_total": format_int(members.total),
            "members_new": format_int(members.new),
            "members_activated": format_int(members.activated),
            "members_closed": format_int(members.closed),
            "points_opening": format_int(points.opening),
            "points_earned": format_int(points.earned),
            "points_offset": format_int(points.offset),
            "points_redeemed": format_int(points.redeemed),
            "points_expired": format_int(points.expired),
            "points_adjusted": format_int(points.adjusted),
            "points_reversed": format_int(points.reversed),
            "points_closing": format_int(points.closing),
            "points_liability": format_yuan(points.liability_fen),
            "health_redemption": rate_text(health.redemption),
            "health_accumulation": rate_text(health.accumulation),
            "health_expired": format_int(health.expired_points),
            "benefits_redemptions": format_int(benefits.redemptions),
            "benefits_write_offs": format_int(benefits.write_offs),
            "benefits_cost": format_yuan(benefits.cost_fen),
            "cost_total": format_yuan(cost.cost_fen),
            "cost_per_member": (
                "—" if cost.cost_per_member_fen is None else format_yuan(cost.cost_per_member_fen)
            ),
            "cost_share": rate_text(cost.cost_share_of_revenue),
        }
        for key, text in values.items():
            self.labels[key].setText(text)
        bad = not points.identity_ok
        self.labels["points_closing"].setStyleSheet("color:#b00020;" if bad else "")
