"""The benefit catalog: items, their pictures and honouring dealers, stock and delisting.

Headquarters edits items (MANAGE_BENEFITS). A draft is edited freely; listing goes through
Approvals (``listing``). A listed item's terms may still change (price, stock, validity,
limits…): each change is audited with its before and after. Stock only ever changes by a
relative update, so a restock and a redemption at the same moment never overwrite each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import delete, func, or_, select, update

from app.db.models import Benefit, BenefitDealer, BenefitPicture, Dealer, Partner
from app.domain import benefits as rules
from app.domain.errors import Conflict, NotFound, ValidationError
from app.domain.inputs import (
    EARLIEST_DATE,
    MAX_FEN,
    MAX_POINTS,
    check_date,
    check_int,
    clean_text,
)
from app.domain.partners import PartnerStatus
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention
from app.services.tiers.policy import policy_in_force

LATEST_DATE = date(2099, 12, 31)
# A partner's benefits come from a partner admitted through Approvals.
ADMITTED = {PartnerStatus.APPROVED, PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED}
PICTURE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


@dataclass(frozen=True)
class ItemInput:
    """An item as the editor hands it over. ``points_price`` None: from the face value at
    the points value; ``stock`` None: unlimited; ``dealer_ids`` empty: every dealer."""

    code: str
    name: str
    channel: str
    source: str
    category: str
    face_value_fen: int
    unit_cost_fen: int
    description: str = ""
    points_price: int | None = None
    stock: int | None = None
    limit_per_member: int | None = None
    limit_period: str = rules.LimitPeriod.TOTAL
    eligible_tiers: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    voucher_days: int = rules.DEFAULT_VOUCHER_DAYS
    dealer_ids: tuple[int, ...] = field(default_factory=tuple)
    partner_id: int | None = None  # the partner supplying it (source "partner")


@dataclass(frozen=True)
class ItemRow:
    id: int
    code: str
    name: str
    description: str
    channel: str
    source: str
    category: str
    points_price: int
    price_set: bool
    face_value_fen: int
    unit_cost_fen: int
    stock: int | None
    limit_per_member: int | None
    limit_period: str
    eligible_tiers: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    voucher_days: int
    all_dealers: bool
    dealer_ids: tuple[int, ...]
    status: str
    submitted: bool  # a listing request waits in Approvals
    has_picture: bool
    created_by: str
    updated_at: datetime
    listed_at: datetime | None
    partner_id: int | None = None

    @property
    def shown_status(self) -> str:
        """draft, submitted, listed or delisted: what the screens show."""
        return "submitted" if self.submitted else self.status


def tier_codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in text.split(",") if code)


# --- reading ------------------------------------------------------------------------------------


def item_row(
    uow: UnitOfWork, item: Benefit, submitted: bool | None = None, known: _Known | None = None
) -> ItemRow:
    """The item as the screens show it; ``known``: its dealers and pictures read for a whole
    list at once (else read here)."""
    from app.services.benefits.listing import pending_listing  # listing builds on this module

    known = known or _known(uow, [item.id])
    if submitted is None:
        submitted = pending_listing(uow, item.id) is not None
    return ItemRow(
        item.id, item.code, item.name, item.description, item.channel, item.source,
        item.category, item.points_price, item.price_set, item.face_value_fen,
        item.unit_cost_fen, item.stock, item.limit_per_member, item.limit_period,
        tier_codes(item.eligible_tiers), item.valid_from, item.valid_to, item.voucher_days,
        item.all_dealers, known.dealers.get(item.id, ()), item.status, submitted,
        item.id in known.pictures, item.created_by, item.updated_at, item.listed_at,
        item.partner_id,
    )  # fmt: skip


@dataclass(frozen=True)
class _Known:
    dealers: dict[int, tuple[int, ...]]
    pictures: set[int]


def _known(uow: UnitOfWork, ids: list[int] | None) -> _Known:
    """Honouring dealers and which items have pictures, for ``ids`` (None: every item)."""
    dealers_query = select(BenefitDealer.benefit_id, BenefitDealer.dealer_id).order_by(
        BenefitDealer.benefit_id, BenefitDealer.dealer_id
    )
    pictures_query = select(BenefitPicture.benefit_id)
    if ids is not None:
        dealers_query = dealers_query.where(BenefitDealer.benefit_id.in_(ids))
        pictures_query = pictures_query.where(BenefitPicture.benefit_id.in_(ids))
    dealers: dict[int, tuple[int, ...]] = {}
    for benefit_id, dealer_id in uow.session.execute(dealers_query):
        dealers[benefit_id] = (*dealers.get(benefit_id, ()), dealer_id)
    return _Known(dealers, set(uow.session.scalars(pictures_query)))


def load_item(uow: UnitOfWork, benefit_id: object, lock: bool = False) -> Benefit:
    if isinstance(benefit_id, bool) or not isinstance(benefit_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The benefit no longer exists."))
    item = uow.session.get(
        Benefit, benefit_id, with_for_update=FOR_CHANGE if lock else None, populate_existing=lock
    )
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The benefit no longer exists."))
    return item


def get_item(db: Database, actor: Actor, benefit_id: int) -> ItemRow:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        return item_row(uow, load_item(uow, benefit_id))


@dataclass(frozen=True)
class CatalogFilter:
    search: str = ""  # code or name
    channel: str | None = None
    status: str | None = None  # draft, submitted, listed, delisted


def list_items(db: Database, actor: Actor, filters: CatalogFilter | None = None) -> list[ItemRow]:
    """The catalog (a few thousand items at most), listed first, then by code."""
    require(actor, Permission.VIEW_MEMBERS)
    filters = filters or CatalogFilter()
    search = clean_text(filters.search, "search", 100)
    from app.services.benefits.listing import pending_listing_ids

    with db.reader(actor) as uow:
        query = select(Benefit).order_by(Benefit.status != "listed", Benefit.code)
        if search:
            pattern = f"%{search.lower()}%"
            query = query.where(
                or_(func.lower(Benefit.code).like(pattern), func.lower(Benefit.name).like(pattern))
            )
        if filters.channel:
            query = query.where(Benefit.channel == filters.channel)
        pending = pending_listing_ids(uow)
        known = _known(uow, None)
        rows = [item_row(uow, i, i.id in pending, known) for i in uow.session.scalars(query)]
    if filters.status:
        rows = [row for row in rows if row.shown_status == filters.status]
    return rows


# --- checking what the editor gave --------------------------------------------------------------


def _choice(value: object, allowed: type, field_name: str, message: str) -> str:
    if value not in {member.value for member in allowed}:  # type: ignore[attr-defined]
        raise ValidationError(message, field=field_name)
    return str(value)


def _optional_int(value: object, field_name: str, low: int, high: int) -> int | None:
    return None if value is None else check_int(value, field_name, low, high)


def _optional_date(value: object, field_name: str) -> date | None:
    return None if value is None else check_date(value, field_name, EARLIEST_DATE, LATEST_DATE)


def clean_item(uow: UnitOfWork, data: ItemInput) -> dict:
    """The item's columns from ``data``, every field checked; nothing is cut or coerced."""
    code = clean_text(data.code, "code", rules.MAX_CODE_LENGTH, required=True).upper()
    if not all(c.isascii() and (c.isalnum() or c in "-_") for c in code):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A code has letters, digits, dashes or underscores."),
            field="code",
        )
    values = {
        "code": code,
        "name": clean_text(data.name, "name", rules.MAX_NAME, required=True, no_formula=True),
        "description": clean_text(
            data.description, "description", rules.MAX_DESCRIPTION, multiline=True
        ),
        "channel": _choice(data.channel, rules.Channel, "channel",
                           QT_TRANSLATE_NOOP("Errors", "Choose a channel.")),
        "source": _choice(data.source, rules.Source, "source",
                          QT_TRANSLATE_NOOP("Errors", "Choose a source.")),
        "category": _choice(data.category, rules.Category, "category",
                            QT_TRANSLATE_NOOP("Errors", "Choose a category.")),
        "face_value_fen": check_int(data.face_value_fen, "face_value_fen", 0, MAX_FEN),
        "unit_cost_fen": check_int(data.unit_cost_fen, "unit_cost_fen", 0, MAX_FEN),
        "limit_per_member": _optional_int(
            data.limit_per_member, "limit_per_member", 1, rules.MAX_LIMIT
        ),
        "limit_period": _choice(data.limit_period, rules.LimitPeriod, "limit_period",
                                QT_TRANSLATE_NOOP("Errors", "Choose a period.")),
        "voucher_days": check_int(data.voucher_days, "voucher_days", 1, rules.MAX_VOUCHER_DAYS),
    }  # fmt: skip
    valid_from = values["valid_from"] = _optional_date(data.valid_from, "valid_from")
    valid_to = values["valid_to"] = _optional_date(data.valid_to, "valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The end date is before the start date."), field="valid_to"
        )
    values.update(_price(uow, data, values))
    values["eligible_tiers"] = _eligible_tiers(uow, data.eligible_tiers)
    values["partner_id"] = _partner_id(uow, data.partner_id, str(values["source"]))
    return values


def _partner_id(uow: UnitOfWork, partner_id: object, source: str) -> int | None:
    """A partner's benefit names an admitted partner; other sources name none."""
    if partner_id is None:
        return None
    if source != rules.Source.PARTNER:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Only a partner benefit names a partner."),
            field="partner_id",
        )
    if isinstance(partner_id, bool) or not isinstance(partner_id, int):
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The partner no longer exists."))
    status = uow.session.scalar(select(Partner.status).where(Partner.id == partner_id))
    if status is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The partner no longer exists."))
    if status not in ADMITTED:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "Only an admitted or active partner supplies benefits."),
            field="partner_id",
        )
    return partner_id


def _price(uow: UnitOfWork, data: ItemInput, values: dict) -> dict:
    if data.points_price is not None:
        return {"points_price": check_int(data.points_price, "points_price", 0, MAX_POINTS),
                "price_set": True}  # fmt: skip
    if values["channel"] == rules.Channel.TIER:
        return {"points_price": 0, "price_set": True}  # an entitlement costs no points
    per_yuan = read_settings(uow).points_per_yuan
    price = rules.default_points_price(values["face_value_fen"], per_yuan)
    if price > MAX_POINTS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
            field="points_price", low=0, high=MAX_POINTS,
        )  # fmt: skip
    return {"points_price": price, "price_set": False}


def _eligible_tiers(uow: UnitOfWork, codes: object) -> str:
    if not isinstance(codes, tuple | list) or not all(isinstance(c, str) for c in codes):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a tier."), field="eligible_tiers")
    policy = policy_in_force(uow, programme_today(uow))
    unknown = [code for code in codes if not policy.has(code)]
    if unknown:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown tier: {tier}."), field="eligible_tiers",
            tier=unknown[0],
        )  # fmt: skip
    return ",".join(tier.code for tier in policy.tiers if tier.code in set(codes))


def _dealer_ids(uow: UnitOfWork, ids: object) -> tuple[int, ...]:
    if not isinstance(ids, tuple | list) or not all(
        isinstance(i, int) and not isinstance(i, bool) for i in ids
    ):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a dealer."), field="dealer_ids")
    wanted = set(ids)
    known = set(uow.session.scalars(select(Dealer.id).where(Dealer.id.in_(wanted))))
    if wanted - known:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "The dealer no longer exists."))
    return tuple(sorted(wanted))


# --- writing ------------------------------------------------------------------------------------


def _audit_view(item: Benefit, dealer_ids: tuple[int, ...]) -> dict:
    return {
        "code": item.code, "name": item.name, "channel": item.channel, "source": item.source,
        "category": item.category, "points_price": item.points_price,
        "face_value_fen": item.face_value_fen, "unit_cost_fen": item.unit_cost_fen,
        "stock": item.stock, "limit_per_member": item.limit_per_member,
        "limit_period": item.limit_period, "eligible_tiers": item.eligible_tiers,
        "valid_from": item.valid_from.isoformat() if item.valid_from else None,
        "valid_to": item.valid_to.isoformat() if item.valid_to else None,
        "voucher_days": item.voucher_days, "dealers": list(dealer_ids) or "all",
        "status": item.status, "description": item.description,
        "partner_id": item.partner_id,
    }  # fmt: skip


def _code_taken(uow: UnitOfWork, code: str, own_id: int | None) -> None:
    other = uow.session.scalar(select(Benefit.id).where(Benefit.code == code))
    if other is not None and other != own_id:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "Another benefit already has the code {code}."),
            field="code", code=code,
        )  # fmt: skip


def _set_dealers(uow: UnitOfWork, item: Benefit, dealer_ids: tuple[int, ...]) -> None:
    uow.session.execute(delete(BenefitDealer).where(BenefitDealer.benefit_id == item.id))
    uow.session.add_all(BenefitDealer(benefit_id=item.id, dealer_id=d) for d in dealer_ids)
    item.all_dealers = not dealer_ids


@retry_on_contention
def create_item(db: Database, actor: Actor, data: ItemInput) -> ItemRow:
    """A new draft item."""
    require(actor, Permission.MANAGE_BENEFITS)
    with db.uow(actor) as uow:
        values = clean_item(uow, data)
        stock = _optional_int(data.stock, "stock", 0, rules.MAX_STOCK)
        dealer_ids = _dealer_ids(uow, data.dealer_ids)
        _code_taken(uow, values["code"], None)
        now = uow.now()
        item = Benefit(**values, stock=stock, status=rules.ItemStatus.DRAFT,
                       created_by=actor.username, created_at=now, updated_at=now)  # fmt: skip
        uow.session.add(item)
        uow.session.flush()
        _set_dealers(uow, item, dealer_ids)
        audit.record(uow, actor, "benefit", item.code, "create",
                     after=_audit_view(item, dealer_ids))  # fmt: skip
        uow.commit()
        return item_row(uow, item, False)


@retry_on_contention
def update_item(db: Database, actor: Actor, benefit_id: int, data: ItemInput) -> ItemRow:
    """Change an item's terms (its stock changes only through ``change_stock``). A draft or
    delisted item, or a listed one (audited field by field); not while a listing request for
    it waits: the approver must see what they approve."""
    require(actor, Permission.MANAGE_BENEFITS)
    from app.services.benefits.listing import pending_listing

    with db.uow(actor) as uow:
        item = load_item(uow, benefit_id, lock=True)
        if pending_listing(uow, item.id) is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "A listing request for this benefit waits; withdraw it first."
                )
            )
        values = clean_item(uow, data)
        dealer_ids = _dealer_ids(uow, data.dealer_ids)
        _code_taken(uow, values["code"], item.id)
        if item.status != rules.ItemStatus.DRAFT and values["code"] != item.code:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "A listed benefit's code cannot change."),
                field="code",
            )
        before = _audit_view(item, _current_dealers(uow, item.id))
        for key, value in values.items():
            setattr(item, key, value)
        _set_dealers(uow, item, dealer_ids)
        item.updated_at = uow.now()
        uow.session.flush()
        old, new = audit.changes(before, _audit_view(item, dealer_ids))
        if new:
            audit.record(uow, actor, "benefit", item.code, "update", before=old, after=new)
        uow.commit()
        return item_row(uow, item, False)


def _current_dealers(uow: UnitOfWork, benefit_id: int) -> tuple[int, ...]:
    return tuple(
        uow.session.scalars(
            select(BenefitDealer.dealer_id)
            .where(BenefitDealer.benefit_id == benefit_id)
            .order_by(BenefitDealer.dealer_id)
        )
    )


@retry_on_contention
def change_stock(
    db: Database, actor: Actor, benefit_id: int, change: int | None, note: str = ""
) -> ItemRow:
    """Add (or with a negative ``change`` take out) stock; ``change`` None makes the stock
    unlimited. Refused if it would go below zero, e.g. after redemptions meanwhile."""
    require(actor, Permission.MANAGE_BENEFITS)
    if change is not None:
        check_int(change, "stock", -rules.MAX_STOCK, rules.MAX_STOCK)
    note = clean_text(note, "note", 500)
    with db.uow(actor) as uow:
        item = load_item(uow, benefit_id, lock=True)
        before = item.stock
        if change is None:
            item.stock = None
        else:
            if not 0 <= (before or 0) + change <= rules.MAX_STOCK:
                raise Conflict(
                    QT_TRANSLATE_NOOP(
                        "Errors", "Only {stock} left in stock; the stock cannot go below zero."
                    ),
                    field="stock", stock=before or 0,
                )  # fmt: skip
            uow.session.execute(
                update(Benefit).where(Benefit.id == item.id)
                .values(stock=func.coalesce(Benefit.stock, 0) + change)
            )  # fmt: skip
            uow.session.refresh(item)
        item.updated_at = uow.now()
        after = {"stock": item.stock, "note": note}
        audit.record(uow, actor, "benefit", item.code, "stock", {"stock": before}, after)
        uow.commit()
        return item_row(uow, item)


@retry_on_contention
def delist_item(db: Database, actor: Actor, benefit_id: int, note: str = "") -> ItemRow:
    """Take a listed item off the catalog; vouchers already issued stay valid."""
    require(actor, Permission.MANAGE_BENEFITS)
    note = clean_text(note, "note", 500)
    with db.uow(actor) as uow:
        item = load_item(uow, benefit_id, lock=True)
        if item.status != rules.ItemStatus.LISTED:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "Only a listed benefit can be delisted."))
        item.status, item.updated_at = rules.ItemStatus.DELISTED, uow.now()
        after = {"status": "delisted", "note": note}
        audit.record(uow, actor, "benefit", item.code, "delist", {"status": "listed"}, after)
        uow.commit()
        return item_row(uow, item)


@retry_on_contention
def set_picture(db: Database, actor: Actor, benefit_id: int, content: bytes | None) -> None:
    """A PNG or JPEG picture up to 1 MB; None removes it."""
    require(actor, Permission.MANAGE_BENEFITS)
    mime = None
    if content is not None:
        if not isinstance(content, bytes) or len(content) > rules.MAX_PICTURE_BYTES:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A picture is a PNG or JPEG file of at most 1 MB."),
                field="picture",
            )
        mime = next((m for magic, m in PICTURE_TYPES.items() if content.startswith(magic)), None)
        if mime is None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A picture is a PNG or JPEG file of at most 1 MB."),
                field="picture",
            )
    with db.uow(actor) as uow:
        item = load_item(uow, benefit_id, lock=True)
        uow.session.execute(delete(BenefitPicture).where(BenefitPicture.benefit_id == item.id))
        if content is not None and mime is not None:
            uow.session.add(BenefitPicture(benefit_id=item.id, mime=mime, content=content))
        item.updated_at = uow.now()
        audit.record(uow, actor, "benefit", item.code, "picture",
                     after={"bytes": len(content) if content else 0})  # fmt: skip
        uow.commit()


def get_picture(db: Database, actor: Actor, benefit_id: int) -> bytes | None:
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        picture = uow.session.get(BenefitPicture, benefit_id)
        return None if picture is None else bytes(picture.content)
