"""What an approver sees of a benefit listing request (商品上架) before deciding it: the item as
it will go on the catalog (code, name, channel, price, value, stock, limits, tiers, dates,
honouring dealers, description) and its picture, if it has one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.domain.roles import Actor, Permission
from app.services import benefits, staff
from app.services.approvals import RequestRow
from app.services.benefits import ItemRow
from app.services.shared.database import Database
from app.services.tiers import current_policy
from app.ui.benefits.labels import (
    category_name,
    channel_name,
    item_status_name,
    limit_period_name,
    source_name,
    stock_text,
)
from app.ui.shared.i18n import format_date, format_int, format_yuan

THUMBNAIL = 128  # pixels, the longer side


@dataclass(frozen=True)
class BenefitContext:
    item: ItemRow
    picture: bytes | None
    dealers: dict[int, str]  # id → name, of the item's honouring dealers
    tiers: dict[str, str]  # tier code → name


def load(db: Database, actor: Actor, row: RequestRow) -> BenefitContext:
    """Runs in a worker."""
    item = benefits.get_item(db, actor, row.payload["benefit_id"])
    picture = benefits.get_picture(db, actor, item.id) if item.has_picture else None
    dealers: dict[int, str] = {}
    if item.dealer_ids and actor.can(Permission.VIEW_DEALERS):
        dealers = {d.id: d.name for d in staff.list_dealers(db, actor)}
    tiers = {tier.code: tier.name for tier in current_policy(db, actor).policy.tiers}
    return BenefitContext(item, picture, dealers, tiers)


FIELDS = (
    "code", "name", "status", "channel", "source", "category", "price", "value", "cost", "stock",
    "limit", "tiers", "dates", "voucher_days", "dealers", "description",
)  # fmt: skip


class BenefitDetail(QScrollArea):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("benefit_detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        captions = {
            "code": self.tr("Code"),
            "name": self.tr("Name"),
            "status": self.tr("Status now"),
            "channel": self.tr("Type"),
            "source": self.tr("Supplied by"),
            "category": self.tr("Category"),
            "price": self.tr("Points price"),
            "value": self.tr("Value"),
            "cost": self.tr("Unit cost"),
            "stock": self.tr("Stock"),
            "limit": self.tr("Limit per member"),
            "tiers": self.tr("For tiers"),
            "dates": self.tr("Available"),
            "voucher_days": self.tr("Voucher validity"),
            "dealers": self.tr("Honoured at"),
            "description": self.tr("Description"),
        }
        for key in FIELDS:
            value = QLabel()
            value.setObjectName(f"benefit_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(captions[key], value)
        self.picture = QLabel()
        self.picture.setObjectName("benefit_picture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.picture)
        layout.addStretch(1)
        self.setWidget(body)

    def show_context(self, row: RequestRow, context: BenefitContext) -> None:
        item = context.item
        texts = {
            "code": item.code,
            "name": item.name,
            "status": item_status_name(item.shown_status),
            "channel": channel_name(item.channel),
            "source": source_name(item.source),
            "category": category_name(item.category),
            "price": self._price(item),
            "value": format_yuan(item.face_value_fen),
            "cost": format_yuan(item.unit_cost_fen),
            "stock": stock_text(item.stock),
            "limit": self._limit(item),
            "tiers": ", ".join(context.tiers.get(c, c) for c in item.eligible_tiers)
            or self.tr("Every tier"),
            "dates": self._dates(item),
            "voucher_days": self.tr("{days} days from redemption").format(
                days=format_int(item.voucher_days)
            ),
            "dealers": "、".join(context.dealers.get(i, str(i)) for i in item.dealer_ids)
            or self.tr("All dealers"),
            "description": item.description,
        }
        for key, label in self.values.items():
            text = texts.get(key) or ""
            label.setText(text)
            self.form.setRowVisible(label, bool(text))
        self._show_picture(context.picture)

    def _price(self, item: ItemRow) -> str:
        if item.channel == "tier":
            return self.tr("Free (a tier entitlement, counted against the tier's quantity)")
        if not item.price_set:
            return self.tr("{points} points (from the value)").format(
                points=format_int(item.points_price)
            )
        return self.tr("{points} points").format(points=format_int(item.points_price))

    def _limit(self, item: ItemRow) -> str:
        if item.channel == "tier":
            return self.tr("As the tier benefit matrix sets")
        if item.limit_per_member is None:
            return self.tr("No limit")
        return f"{format_int(item.limit_per_member)} {limit_period_name(item.limit_period)}"

    def _dates(self, item: ItemRow) -> str:
        start, end = item.valid_from, item.valid_to
        if start and end:
            return self.tr("{start} to {end}").format(
                start=format_date(start), end=format_date(end)
            )
        if start:
            return self.tr("From {start}, no end date").format(start=format_date(start))
        if end:
            return self.tr("Once listed, until {end}").format(end=format_date(end))
        return self.tr("Once listed, no end date")

    def _show_picture(self, content: bytes | None) -> None:
        pixmap = QPixmap()
        if content is None or not pixmap.loadFromData(content):
            self.picture.clear()
            self.picture.hide()
            return
        self.picture.setPixmap(
            pixmap.scaled(
                THUMBNAIL, THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )  # fmt: skip
        self.picture.show()
