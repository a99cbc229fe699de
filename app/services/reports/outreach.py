"""Outreach lists (营销触达名单): members to contact, four lists, each paged for the screen
and exported to Excel as a contact list.

- ``expiring``: points expiring soon, read through ``app.services.points.expiring`` (one row
  per member and expiry date, soonest first);
- ``at_risk``: tiers at risk, read through ``app.services.tiers.review.at_risk`` (validity
  ending within 60 days, points short of retaining);
- ``birthdays``: active members whose birthday falls in this month (programme time), by day;
- ``lapsed``: active members with no earn, redemption or service for more than the
  ``lifecycle_sleeping_days`` setting (sleeping, or lost past ``lifecycle_lost_days``), the
  longest silent first.

Who is listed: dealer staff see their own dealer's members, headquarters all; names and
mobiles are masked unless the user may see the member's personal data (VIEW_PERSONAL_DATA,
as the member list masks them).

Marketing consent (PIPL): these lists exist to contact members, so a member who has not
agreed to marketing is never a contact. The screen lists every member in scope, so the
counts agree with the reports, but marks them (``marketing_consent`` False) and withholds
their mobile (None, even for users who may see personal data); the Excel contact list
leaves them out altogether and says how many it left out. Every export is audited.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

from sqlalchemy import Select, extract, func, select, union_all

from app.db.models import Dealer, LedgerEntry, Member, ServiceOrder
from app.domain import validation as v
from app.domain.errors import ValidationError
from app.domain.inputs import check_int
from app.domain.members import MemberStatus
from app.domain.points import Currency
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.points.expiring import count_expiring_soon, expiring_soon
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import programme_today, sees_personal_data
from app.services.shared.uow import UnitOfWork
from app.services.tiers.review import at_risk

EXPIRING, AT_RISK, BIRTHDAYS, LAPSED = "expiring", "at_risk", "birthdays", "lapsed"
LISTS = (EXPIRING, AT_RISK, BIRTHDAYS, LAPSED)
AT_RISK_DAYS = 60  # validity ending within this many days, as the tiers screen starts
MAX_PAGE = 5_000
ACTIVITY_KINDS = ("earn", "redeem")  # ledger entries that count as the member's activity
SLEEPING, LOST = "sleeping", "lost"
PROGRESS_EVERY = 500
_CHUNK = 500
Language = Literal["zh_CN", "en"]


@dataclass(frozen=True)
class OutreachRow:
    """One member to contact; the fields after ``marketing_consent`` depend on the list."""

    member_id: int
    member_number: str
    name: str  # masked unless the user may see the member's personal data
    mobile: str | None  # masked likewise; None without a mobile or marketing consent
    dealer: str | None
    marketing_consent: bool
    key_date: date | None = None  # expires on | valid until | birthday this year | last active
    points: int | None = None  # points expiring | qualifying points missing to retain
    tier: str | None = None  # at risk: the tier held
    days: int | None = None  # lapsed: days since the last activity
    stage: str | None = None  # lapsed: "sleeping" or "lost"


@dataclass(frozen=True)
class ExportResult:
    rows: int  # members written to the contact list
    left_out: int  # members left out for want of marketing consent


def _check_list(kind: object) -> str:
    if kind not in LISTS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field="list")
    return str(kind)


def _require(actor: Actor) -> None:
    require(actor, Permission.VIEW_REPORTS)
    require(actor, Permission.VIEW_MEMBERS)


# --- the screen ---------------------------------------------------------------------------------


def outreach_list(
    db: Database, actor: Actor, kind: str, offset: int = 0, limit: int = 200
) -> list[OutreachRow]:
    """A page of the ``kind`` list (see the module's docstring), in a stable order."""
    _require(actor)
    kind = _check_list(kind)
    offset = check_int(offset, "offset", 0, 10**9)
    limit = check_int(limit, "limit", 1, MAX_PAGE)
    if kind == EXPIRING:
        return _with_consent(
            db, actor, _from_expiring(expiring_soon(db, actor, None, offset, limit))
        )
    if kind == AT_RISK:
        rows = at_risk(db, actor, AT_RISK_DAYS)[offset : offset + limit]
        return _with_consent(db, actor, _from_at_risk(rows))
    with db.reader(actor) as uow:
        context = _context(uow)
        query = _query(context, actor, kind).offset(offset).limit(limit)
        return [_row(context, actor, kind, found) for found in uow.session.execute(query)]


def count_outreach(db: Database, actor: Actor, kind: str) -> int:
    """How many members the ``kind`` list holds (consenting to marketing or not)."""
    _require(actor)
    kind = _check_list(kind)
    if kind == EXPIRING:
        return count_expiring_soon(db, actor)[0]
    if kind == AT_RISK:
        return len(at_risk(db, actor, AT_RISK_DAYS))
    with db.reader(actor) as uow:
        inner = _query(_context(uow), actor, kind).order_by(None).subquery()
        return int(uow.session.scalar(select(func.count()).select_from(inner)) or 0)


def _from_expiring(rows: Iterable) -> list[OutreachRow]:
    return [
        OutreachRow(
            r.member_id, r.member_number, r.name, r.mobile, r.dealer_name, True,
            key_date=r.expires_on, points=r.points,
        )
        for r in rows
    ]  # fmt: skip


def _from_at_risk(rows: Iterable) -> list[OutreachRow]:
    return [
        OutreachRow(
            r.member_id, r.member_number, r.name, r.mobile, r.dealer, True,
            key_date=r.valid_until, points=r.missing, tier=r.tier,
        )
        for r in rows
    ]  # fmt: skip


def _with_consent(db: Database, actor: Actor, rows: list[OutreachRow]) -> list[OutreachRow]:
    """The rows with each member's marketing consent; no mobile without it."""
    consents: dict[int, bool] = {}
    ids = sorted({row.member_id for row in rows})
    with db.reader(actor) as uow:
        for start in range(0, len(ids), _CHUNK):
            query = select(Member.id, Member.marketing_consent).where(
                Member.id.in_(ids[start : start + _CHUNK])
            )
            consents.update((i, bool(c)) for i, c in uow.session.execute(query))
    return [_consented(row, consents.get(row.member_id, False)) for row in rows]


def _consented(row: OutreachRow, consent: bool) -> OutreachRow:
    return replace(row, marketing_consent=consent, mobile=row.mobile if consent else None)


# --- birthdays and lapsed members: one query each ------------------------------------------------


def _scoped(query: Select, actor: Actor) -> Select:
    query = query.where(Member.status == MemberStatus.ACTIVE.value, Member.merged_into_id.is_(None))
    if not actor.is_headquarters:
        query = query.where(Member.dealer_id == actor.dealer_id)
    return query


_MEMBER_COLUMNS = (
    Member.id, Member.member_number, Member.name, Member.mobile, Member.dealer_id, Dealer.name,
    Member.marketing_consent,
)  # fmt: skip


@dataclass(frozen=True)
class _Context:
    today: date
    sleeping_days: int
    lost_days: int


def _context(uow: UnitOfWork) -> _Context:
    settings = read_settings(uow)
    return _Context(
        programme_today(uow),
        getattr(settings, "lifecycle_sleeping_days", 365),
        getattr(settings, "lifecycle_lost_days", 730),
    )


def _query(context: _Context, actor: Actor, kind: str) -> Select:
    if kind == BIRTHDAYS:
        return _birthdays_query(actor, context.today)
    return _lapsed_query(actor, context.today, context.sleeping_days)


def _birthdays_query(actor: Actor, today: date) -> Select:
    """Active members born in this month, by day of the month."""
    day = extract("day", Member.birthday)
    query = (
        select(*_MEMBER_COLUMNS, day)
        .outerjoin(Dealer, Dealer.id == Member.dealer_id)
        .where(Member.birthday.is_not(None), extract("month", Member.birthday) == today.month)
        .order_by(day, Member.id)
    )
    return _scoped(query, actor)


def last_activity_query(actor: Actor):
    """(member_id, last activity date) per member from one grouped query: the latest points
    earned or redeemed (ledger entries, by business date) and the latest service order.
    Members with no activity at all have no row. For dealer staff only their members."""
    entries = (
        select(LedgerEntry.member_id.label("member_id"), LedgerEntry.business_date.label("day"))
        .where(
            LedgerEntry.currency == Currency.POINTS.value,
            LedgerEntry.kind.in_(ACTIVITY_KINDS),
        )
    )  # fmt: skip
    services = select(
        ServiceOrder.member_id.label("member_id"), ServiceOrder.service_date.label("day")
    ).where(ServiceOrder.refunded_at.is_(None))
    if not actor.is_headquarters:
        own = select(Member.id).where(Member.dealer_id == actor.dealer_id)
        entries = entries.where(LedgerEntry.member_id.in_(own))
        services = services.where(ServiceOrder.member_id.in_(own))
    both = union_all(entries, services).subquery("activity")
    return (
        select(both.c.member_id, func.max(both.c.day).label("last_day"))
        .group_by(both.c.member_id)
        .subquery("last_activity")
    )


def _lapsed_query(actor: Actor, today: date, sleeping_days: int) -> Select:
    """Active members whose last activity (or, with none, joining: as the monthly report's
    lifecycle stages count) is more than ``sleeping_days`` ago: the longest silent first."""
    activity = last_activity_query(actor)
    last = func.coalesce(activity.c.last_day, Member.join_date)
    query = (
        select(*_MEMBER_COLUMNS, last.label("last_active"))
        .outerjoin(Dealer, Dealer.id == Member.dealer_id)
        .outerjoin(activity, activity.c.member_id == Member.id)
        .where(last < today - timedelta(days=sleeping_days))
        .order_by(last, Member.id)
    )
    return _scoped(query, actor)


def _row(context: _Context, actor: Actor, kind: str, found) -> OutreachRow:
    member_id, number, name, mobile, dealer_id, dealer, consent, extra = found
    full = sees_personal_data(actor, dealer_id)
    shown_name = name if full else v.mask_name(name)
    shown_mobile = (mobile if full else v.mask_mobile(mobile)) if mobile and consent else None
    row = OutreachRow(member_id, number, shown_name, shown_mobile, dealer, bool(consent))
    if kind == BIRTHDAYS:
        return replace(row, key_date=_this_year(context.today, int(extra)))
    last = extra if isinstance(extra, date) else date.fromisoformat(str(extra))
    days = (context.today - last).days
    lost = days > context.lost_days
    return replace(row, key_date=last, days=days, stage=LOST if lost else SLEEPING)


def _this_year(today: date, day: int) -> date:
    """The birthday's date this month; 29 February is kept on the 28th in common years."""
    while True:
        try:
            return today.replace(day=day)
        except ValueError:
            day -= 1


# --- the contact list in Excel -------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # an OutreachRow field
    zh: str
    en: str
    width: int


_PERSON = (
    Column("member_number", "会员号", "Member number", 15),
    Column("name", "姓名", "Name", 12),
    Column("mobile", "手机号", "Mobile", 15),
    Column("dealer", "经销商", "Dealer", 28),
)
COLUMNS: dict[str, tuple[Column, ...]] = {
    EXPIRING: (*_PERSON, Column("points", "到期积分", "Points expiring", 12),
               Column("key_date", "到期日", "Expires on", 12)),
    AT_RISK: (*_PERSON, Column("tier", "当前等级", "Tier", 10),
              Column("key_date", "有效期至", "Valid until", 12),
              Column("points", "保级还差", "Points needed to retain", 14)),
    BIRTHDAYS: (*_PERSON, Column("key_date", "生日", "Birthday", 12)),
    LAPSED: (*_PERSON, Column("key_date", "最近活跃日", "Last active", 12),
             Column("days", "未活跃天数", "Days inactive", 12),
             Column("stage", "生命周期", "Lifecycle stage", 12)),
}  # fmt: skip
SHEETS = {
    EXPIRING: ("积分即将到期", "Points expiring"),
    AT_RISK: ("保级预警", "Tiers at risk"),
    BIRTHDAYS: ("本月生日", "Birthdays this month"),
    LAPSED: ("沉睡会员", "Lapsed members"),
}
STAGES = {SLEEPING: ("睡眠", "Sleeping"), LOST: ("流失", "Lost")}


def export_outreach(
    db: Database,
    actor: Actor,
    kind: str,
    path: Path,
    language: Language = "zh_CN",
    progress: Progress | None = None,
) -> ExportResult:
    """The ``kind`` list as an .xlsx contact list: only members who agreed to marketing,
    masked as the screen masks them. ``progress`` hears every few hundred rows and may
    cancel (nothing is written then). The export is written to the audit trail."""
    _require(actor)
    kind = _check_list(kind)
    total = count_outreach(db, actor, kind) if progress else 0
    counts = {"written": 0, "left_out": 0}

    def contacts(rows: Iterable[OutreachRow]) -> Iterator[OutreachRow]:
        for seen, row in enumerate(rows, start=1):
            if progress is not None and seen % PROGRESS_EVERY == 0:
                progress.report(seen, total)
            if not row.marketing_consent:
                counts["left_out"] += 1
                continue
            counts["written"] += 1
            yield row

    _write(_all_rows(db, actor, kind), contacts, kind, Path(path), language)
    result = ExportResult(counts["written"], counts["left_out"])
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "member", "export", "export",
            after={"list": f"outreach_{kind}", "rows": result.rows,
                   "left_out_no_marketing_consent": result.left_out},
        )  # fmt: skip
        uow.commit()
    return result


def _all_rows(db: Database, actor: Actor, kind: str) -> Callable[[], Iterator[OutreachRow]]:
    """Every row of the list: the birthdays and lapsed members streamed from one query."""

    def rows() -> Iterator[OutreachRow]:
        if kind == EXPIRING:
            yield from _with_consent(
                db, actor, _from_expiring(expiring_soon(db, actor, limit=None))
            )
            return
        if kind == AT_RISK:
            yield from _with_consent(db, actor, _from_at_risk(at_risk(db, actor, AT_RISK_DAYS)))
            return
        with db.reader(actor) as uow:
            context = _context(uow)
            query = _query(context, actor, kind).execution_options(yield_per=2_000)
            for found in uow.session.execute(query):
                yield _row(context, actor, kind, found)

    return rows


def _write(
    rows: Callable[[], Iterator[OutreachRow]],
    contacts: Callable[[Iterable[OutreachRow]], Iterator[OutreachRow]],
    kind: str,
    path: Path,
    language: Language,
) -> None:
    from app.adapters.workbooks.writer import (  # the writer: on first use
        DATE_STYLE,
        HEADER_STYLE,
        PLAIN_STYLE,
        TEXT_STYLE,
        XlsxBook,
    )

    zh = language == "zh_CN"
    columns = COLUMNS[kind]
    book = XlsxBook()
    sheet = book.add_sheet(SHEETS[kind][0 if zh else 1], [c.width + 2 for c in columns], "A2")
    sheet.autofilter = True
    sheet.append([c.zh if zh else c.en for c in columns], HEADER_STYLE)
    styles = [_style(c.key, TEXT_STYLE, DATE_STYLE, PLAIN_STYLE) for c in columns]
    for row in contacts(rows()):
        sheet.append([_cell(row, c.key, zh) for c in columns], styles)
    book.save(path)


def _style(key: str, text: int, day: int, plain: int) -> int:
    if key in ("member_number", "mobile"):
        return text  # leading zeros stay when edited
    return day if key == "key_date" else plain


def _cell(row: OutreachRow, key: str, zh: bool) -> object:
    value = getattr(row, key)
    if key == "stage" and value in STAGES:
        return STAGES[value][0 if zh else 1]
    return value


def column_keys(kind: str) -> Sequence[str]:
    """The fields the ``kind`` list shows, in order (the screen shows the same columns)."""
    return [c.key for c in COLUMNS[_check_list(kind)]]
