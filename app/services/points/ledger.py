"""The points ledger engine: posting entries, lots, holds, reversal and expiry.

Everything here runs inside the caller's unit of work and checks no permissions (the use
cases in ``app.services.points`` and ``app.services.points.adjustments`` do). The rules:

- entries are append-only (database triggers refuse UPDATE and DELETE);
- each entry carries a caller-supplied ``entry_uid``: the same uid twice posts once, the
  same uid with different content is refused;
- the account row caches balance, held and qualifying points and is locked (FOR UPDATE on
  PostgreSQL; SQLite writers are serialised by BEGIN IMMEDIATE) before any posting, so two
  desktops can never overdraw a member;
- credits of redeemable points are lots with an expiry; debits consume lots soonest-expiry
  first (``app.domain.points.allocate_debit``) and record what they took per lot.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

from sqlalchemy import BigInteger, and_, bindparam, func, insert, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql import ARRAY

from app.db.models import (
    LedgerEntry,
    LotAllocation,
    Member,
    PointHold,
    PointLot,
    PointsAccount,
)
from app.domain import points as rules
from app.domain.errors import Conflict, LoyaltyError, NotFound, ValidationError
from app.domain.inputs import MAX_STORED_UID, derived_uid
from app.domain.members import MemberStatus
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.settings.programme import ProgrammeSettings, expiry_policy
from app.services.shared.uow import UnitOfWork
from app.services.tiers import upgrades

POINTS, QUALIFYING = rules.Currency.POINTS, rules.Currency.QUALIFYING
CURRENCIES = tuple(rules.Currency)
KINDS = tuple(rules.EntryKind)
ACTIVE = rules.HoldStatus.ACTIVE


class NotEnoughPoints(LoyaltyError):
    def __init__(self, available: int, requested: int):
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Errors", "Not enough points: {available} available, {requested} requested."
            ),
            available=available,
            requested=requested,
        )
        self.available, self.requested = available, requested


@dataclass(frozen=True)
class Posting:
    """One entry to post. ``amount`` is signed: credits > 0, debits < 0."""

    entry_uid: str
    member_id: int
    currency: str
    kind: str
    source: str
    amount: int
    business_date: date
    actor: str
    dealer_id: int | None = None
    channel: str | None = None
    reference: str | None = None
    service_order_id: int | None = None
    rule_id: int | None = None
    reverses_id: int | None = None
    note: str | None = None
    shortfall: int = 0

    def fingerprint(self) -> str:
        """Hash of what the entry says (not who sent it or when) to recognise a retry."""
        content = asdict(self)
        for volatile in ("entry_uid", "actor", "note", "business_date"):
            content.pop(volatile)
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


# --- accounts -------------------------------------------------------------------------------


def lock_account(uow: UnitOfWork, member_id: int) -> PointsAccount:
    """The member's account row, created if missing, locked until the transaction ends."""
    session = uow.session
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(PointsAccount).values(member_id=member_id).on_conflict_do_nothing())
    return session.scalars(
        select(PointsAccount)
        .where(PointsAccount.member_id == member_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()


def release_timed_out_holds(uow: UnitOfWork, member_id: int | None = None) -> int:
    """Release active holds past their time-out (for one member, or all); returns the count.

    For one member the account must already be locked by the caller; for all members each
    affected account is locked here, in member order so concurrent sweeps cannot deadlock.
    """
    session = uow.session
    query = select(PointHold).where(PointHold.status == ACTIVE, PointHold.expires_at <= uow.now())
    if member_id is not None:
        query = query.where(PointHold.member_id == member_id)
    holds = list(session.scalars(query.order_by(PointHold.member_id, PointHold.id)))
    for hold in holds:
        account = lock_account(uow, hold.member_id) if member_id is None else None
        account = account or session.get_one(PointsAccount, hold.member_id)
        account.held -= hold.points
        hold.status, hold.settled_at = rules.HoldStatus.TIMED_OUT, uow.now()
    session.flush()
    return len(holds)


def usable_lots(uow: UnitOfWork, member_id: int, as_of: date) -> list[rules.Lot]:
    rows = uow.session.execute(
        select(PointLot.id, PointLot.remaining, PointLot.expires_on, PointLot.earned_on).where(
            PointLot.member_id == member_id,
            PointLot.remaining > 0,
            (PointLot.expires_on >= as_of) | PointLot.expires_on.is_(None),
        )
    )
    return rules.usable_lots([rules.Lot(str(r[0]), r[1], r[2], r[3]) for r in rows], as_of)


def available_points(uow: UnitOfWork, account: PointsAccount, as_of: date) -> int:
    return rules.available_balance(usable_lots(uow, account.member_id, as_of), account.held, as_of)


# --- posting --------------------------------------------------------------------------------


def find_retry(uow: UnitOfWork, posting: Posting) -> LedgerEntry | None:
    """The entry already posted under this uid, or None; a different content is an error."""
    existing = uow.session.scalars(
        select(LedgerEntry).where(LedgerEntry.entry_uid == posting.entry_uid)
    ).one_or_none()
    if existing is not None and existing.fingerprint != posting.fingerprint():
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Request {uid} was already used for a different posting; nothing was posted.",
            ),
            uid=posting.entry_uid,
        )
    return existing


def post(
    uow: UnitOfWork,
    settings: ProgrammeSettings,
    posting: Posting,
    allocation: list[tuple[int, int]] | None = None,
) -> LedgerEntry:
    """Post one entry (idempotent on ``entry_uid``) and keep account and lots in step.

    A points debit takes ``allocation`` [(lot_id, points)] if given (reversals put points
    back into the lots they came from), else the soonest-expiring usable lots; it is
    refused if it exceeds the available balance (usable lots minus holds).
    """
    _check_posting(posting)
    # Lock first: a concurrent request with the same uid waits here, then finds the entry.
    account = lock_account(uow, posting.member_id)
    retry = find_retry(uow, posting)
    if retry is not None:
        return retry
    release_timed_out_holds(uow, posting.member_id)
    if posting.currency == QUALIFYING:
        if account.qualifying + posting.amount < 0:
            raise NotEnoughPoints(account.qualifying, -posting.amount)
        account.qualifying += posting.amount
        entry = _insert_entry(uow, posting)
        if posting.amount > 0:  # points that may reach a higher tier: upgrade at once
            upgrades.check_upgrade(uow, posting.member_id, posting.actor)
        return entry
    if posting.amount < 0 and allocation is None:
        lots = usable_lots(uow, posting.member_id, posting.business_date)
        available = rules.available_balance(lots, account.held, posting.business_date)
        if -posting.amount > available:
            raise NotEnoughPoints(available, -posting.amount)
        allocation = [
            (int(lot_id), taken)
            for lot_id, taken in rules.allocate_debit(lots, -posting.amount, posting.business_date)
        ]
    entry = _insert_entry(uow, posting)
    if posting.amount > 0 and allocation is None:
        _open_lot(uow, settings, account, entry)
    elif allocation:
        _take_from_lots(uow, entry, allocation)
    account.balance += posting.amount
    uow.session.flush()
    return entry


def _check_posting(posting: Posting) -> None:
    if posting.currency not in CURRENCIES or posting.kind not in KINDS:
        raise ValueError(f"bad posting {posting}")
    if posting.amount == 0 and posting.kind != "reverse":
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The number of points cannot be 0."))
    if not posting.entry_uid or len(posting.entry_uid) > MAX_STORED_UID:
        # Refused, never cut short: two requests must not end up sharing one entry.
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A request id has 1 to {max} letters, digits, dots, dashes or underscores.",
            ),
            field="request_uid",
            max=MAX_STORED_UID,
        )


def _insert_entry(uow: UnitOfWork, posting: Posting) -> LedgerEntry:
    fields = asdict(posting)
    entry = LedgerEntry(**fields, fingerprint=posting.fingerprint(), posted_at=uow.now())
    uow.session.add(entry)
    uow.session.flush()
    return entry


def _open_lot(
    uow: UnitOfWork, settings: ProgrammeSettings, account: PointsAccount, entry: LedgerEntry
) -> None:
    member = uow.session.get_one(Member, entry.member_id)
    expires_on = None
    if member.status != MemberStatus.PRE_REGISTERED:  # validity starts at activation
        expires_on = _expiry_for(settings, account, entry.business_date, member.activated_on)
    uow.session.add(
        PointLot(
            member_id=entry.member_id,
            entry_id=entry.id,
            earned_on=entry.business_date,
            expires_on=expires_on,
            original=entry.amount,
            remaining=entry.amount,
        )
    )


def _expiry_for(
    settings: ProgrammeSettings,
    account: PointsAccount,
    earned_on: date,
    validity_start: date | None,
) -> date:
    policy = expiry_policy(settings)
    if isinstance(policy, rules.FixedCycle):
        start = earned_on if validity_start is None else max(earned_on, validity_start)
        if rules.starts_new_cycle(policy, account.cycle_start, start):
            account.cycle_start = start
    return rules.lot_expiry(policy, earned_on, account.cycle_start, validity_start)


def _take_from_lots(uow: UnitOfWork, entry: LedgerEntry, allocation: list[tuple[int, int]]):
    for lot_id, points in allocation:
        uow.session.add(LotAllocation(entry_id=entry.id, lot_id=lot_id, points=points))
        uow.session.execute(
            update(PointLot)
            .where(PointLot.id == lot_id)
            .values(remaining=PointLot.remaining - points)
        )


def start_validity(uow: UnitOfWork, settings: ProgrammeSettings, member_id: int, on: date):
    """A pre-registered member was activated: their lots' validity starts ``on``."""
    account = uow.session.get(PointsAccount, member_id)
    if account is None:
        return
    account = lock_account(uow, member_id)
    lots = uow.session.scalars(
        select(PointLot)
        .where(PointLot.member_id == member_id, PointLot.expires_on.is_(None))
        .order_by(PointLot.earned_on, PointLot.id)
    )
    for lot in lots:
        lot.expires_on = _expiry_for(settings, account, lot.earned_on, on)
    uow.session.flush()


def transfer_all(
    uow: UnitOfWork, settings: ProgrammeSettings, from_id: int, to_id: int, actor: str, on: date
) -> int:
    """Move a merged-away member's usable points, lot by lot keeping each lot's expiry, and
    their qualifying points to the surviving member; returns the points moved."""
    for member_id in sorted((from_id, to_id)):  # one lock order: no deadlock
        lock_account(uow, member_id)
    source = uow.session.get_one(PointsAccount, from_id)
    release_timed_out_holds(uow, from_id)
    if source.held:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors", "The member has points on hold; finish or cancel the redemption first."
            )
        )
    moved = 0
    for lot in usable_lots(uow, from_id, on):
        tag = f"merge:{from_id}:{lot.lot_id}"
        out = Posting(f"{tag}:out", from_id, POINTS, "adjust", "merge", -lot.remaining, on, actor)
        post(uow, settings, out, allocation=[(int(lot.lot_id), lot.remaining)])
        credit = post(uow, settings, replace(out, entry_uid=f"{tag}:in", member_id=to_id,
                                             amount=lot.remaining))  # fmt: skip
        uow.session.execute(
            update(PointLot).where(PointLot.entry_id == credit.id).values(expires_on=lot.expires_on)
        )
        moved += lot.remaining
    if source.qualifying:
        tag = f"merge:{from_id}:qualifying"
        out = Posting(
            f"{tag}:out", from_id, QUALIFYING, "adjust", "merge", -source.qualifying, on, actor
        )
        post(uow, settings, out)
        post(uow, settings, replace(out, entry_uid=f"{tag}:in", member_id=to_id,
                                    amount=-out.amount))  # fmt: skip
    return moved


# --- reversal -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reversal:
    entry_id: int
    reversed_points: int
    shortfall: int  # points already spent that could not be taken back


def reverse(
    uow: UnitOfWork,
    settings: ProgrammeSettings,
    original: LedgerEntry,
    entry_uid: str,
    actor: str,
    on: date,
    note: str | None = None,
) -> Reversal:
    """Post the correcting entry for ``original`` (refund, cancelled redemption, mistake).

    A credit is taken back from its own lot first, then from the member's other usable
    points, never below zero: whatever is missing is recorded as ``shortfall`` on the
    entry. A debit puts its points back into the lots it took them from.
    """
    if original.kind in ("reverse", "expire"):
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This entry cannot be reversed."))
    posting = Posting(
        entry_uid=entry_uid,
        member_id=original.member_id,
        currency=original.currency,
        kind="reverse",
        source=original.source,
        amount=0,  # worked out below; the uid check comes first so a retry is free
        business_date=on,
        actor=actor,
        dealer_id=original.dealer_id,
        reference=original.reference,
        service_order_id=original.service_order_id,
        reverses_id=original.id,
        note=note,
    )
    account = lock_account(uow, original.member_id)  # before the checks: see post()
    retry = uow.session.scalars(
        select(LedgerEntry).where(LedgerEntry.entry_uid == entry_uid)
    ).one_or_none()
    if retry is not None:
        if retry.reverses_id != original.id:
            find_retry(uow, posting)  # raises: the uid belongs to another posting
        return Reversal(retry.id, abs(retry.amount), retry.shortfall)
    already = uow.session.scalar(
        select(LedgerEntry.id).where(LedgerEntry.reverses_id == original.id)
    )
    if already is not None:
        raise Conflict(QT_TRANSLATE_NOOP("Errors", "This entry has already been reversed."))
    release_timed_out_holds(uow, original.member_id)
    if original.amount < 0:
        return _reverse_debit(uow, settings, original, posting)
    if original.currency == QUALIFYING:
        taken = min(original.amount, account.qualifying)
        return _post_reversal(uow, settings, posting, -taken, original.amount - taken, [])
    allocation = _claw_back(uow, account, original, on)
    taken = sum(points for _, points in allocation)
    return _post_reversal(uow, settings, posting, -taken, original.amount - taken, allocation)


def _post_reversal(uow, settings, posting: Posting, amount: int, shortfall: int, allocation):
    posting = Posting(**{**asdict(posting), "amount": amount, "shortfall": shortfall})
    entry = post(uow, settings, posting, allocation=allocation)
    return Reversal(entry.id, abs(amount), shortfall)


def _reverse_debit(uow, settings, original: LedgerEntry, posting: Posting) -> Reversal:
    if original.currency == QUALIFYING:
        return _post_reversal(uow, settings, posting, -original.amount, 0, [])
    taken = uow.session.execute(
        select(LotAllocation.lot_id, LotAllocation.points, PointLot.expires_on)
        .join(PointLot, PointLot.id == LotAllocation.lot_id)
        .where(LotAllocation.entry_id == original.id)
    ).all()
    # Points go back into their lots with their old expiry. Lots that have ended meanwhile
    # do not come back to life: those points stay lost (recorded as the shortfall), so a lot
    # expires at most once and the expiry run's entry ids stay unique.
    allocation = [
        (lot_id, -points)  # negative: put back
        for lot_id, points, expires_on in taken
        if expires_on is None or expires_on >= posting.business_date
    ]
    returned = -sum(points for _, points in allocation)
    return _post_reversal(uow, settings, posting, returned, -original.amount - returned, allocation)


def _claw_back(
    uow: UnitOfWork, account: PointsAccount, original: LedgerEntry, on: date
) -> list[tuple[int, int]]:
    """Lots to take a reversed credit from: its own lot first, then soonest expiry."""
    own_lot = uow.session.scalars(select(PointLot).where(PointLot.entry_id == original.id)).one()
    lots = usable_lots(uow, original.member_id, on)
    own_usable = any(int(lot.lot_id) == own_lot.id for lot in lots)
    free = max(0, sum(lot.remaining for lot in lots) - account.held)  # usable, not reserved
    # What is left in its own lot always goes back, even if that lot has just ended (it is
    # about to expire anyway); only points taken from usable lots must leave the holds covered.
    from_own = min(own_lot.remaining, original.amount, free if own_usable else original.amount)
    if own_usable:
        free -= from_own
    rest = min(original.amount - from_own, free)
    allocation = [(own_lot.id, from_own)] if from_own else []
    others = [lot for lot in lots if int(lot.lot_id) != own_lot.id]
    if rest:
        allocation += [(int(i), n) for i, n in rules.allocate_debit(others, rest, on)]
    return allocation


# --- holds ----------------------------------------------------------------------------------


def place_hold(
    uow: UnitOfWork,
    hold_uid: str,
    member_id: int,
    points: int,
    purpose: str,
    reference: str | None,
    actor: str,
    timeout: timedelta,
    as_of: date,
    dealer_id: int | None = None,
) -> PointHold:
    """Reserve points for a pending redemption (idempotent on ``hold_uid``); ``dealer_id``:
    the dealer whose staff placed it, who alone (with headquarters) may settle it."""
    if points <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The number of points must be positive."))
    account = lock_account(uow, member_id)  # before the check: see post()
    existing = uow.session.scalars(
        select(PointHold).where(PointHold.hold_uid == hold_uid)
    ).one_or_none()
    if existing is not None:
        if (existing.member_id, existing.points) != (member_id, points):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Request {uid} was already used for a different posting; nothing was posted.",
                ),
                uid=hold_uid,
            )
        return existing
    release_timed_out_holds(uow, member_id)
    available = available_points(uow, account, as_of)
    if points > available:
        raise NotEnoughPoints(available, points)
    hold = PointHold(
        hold_uid=hold_uid,
        member_id=member_id,
        points=points,
        status=ACTIVE,
        purpose=purpose,
        reference=reference,
        created_by=actor,
        created_at=uow.now(),
        expires_at=uow.now() + timeout,
        dealer_id=dealer_id,
    )
    uow.session.add(hold)
    account.held += points
    uow.session.flush()
    return hold


def _locked_hold(uow: UnitOfWork, hold_uid: str) -> tuple[PointHold, PointsAccount]:
    hold = uow.session.scalars(
        select(PointHold).where(PointHold.hold_uid == hold_uid)
    ).one_or_none()
    if hold is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such points hold."))
    account = lock_account(uow, hold.member_id)
    uow.session.refresh(hold)
    release_timed_out_holds(uow, hold.member_id)
    return hold, account


def settle_hold(
    uow: UnitOfWork,
    settings: ProgrammeSettings,
    hold_uid: str,
    commit_points: bool,
    actor: str,
    on: date,
    source: str = "redemption",
) -> PointHold:
    """Post (``commit_points``) or release a hold. Settling twice the same way is a no-op."""
    hold, account = _locked_hold(uow, hold_uid)
    wanted = rules.HoldStatus.POSTED if commit_points else rules.HoldStatus.RELEASED
    if hold.status == wanted:
        return hold
    if hold.status != ACTIVE:
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "This points hold is no longer active."),
        )
    account.held -= hold.points
    hold.status, hold.settled_at = wanted, uow.now()
    if commit_points:
        entry = post(
            uow,
            settings,
            Posting(
                entry_uid=derived_uid("hold", hold.hold_uid),
                member_id=hold.member_id,
                currency=POINTS,
                kind="redeem",
                source=source,
                amount=-hold.points,
                business_date=on,
                actor=actor,
                reference=hold.reference,
            ),
        )
        hold.entry_id = entry.id
    uow.session.flush()
    return hold


# --- expiry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExpiryBatch:
    lots: int
    points: int


def expire_range(
    uow: UnitOfWork, as_of: date, first_member: int, last_member: int, actor: str
) -> ExpiryBatch:
    """Expire every lot of members ``first..last`` that ended before ``as_of``: one expiry
    entry per lot, set-based. Running it again for the same date finds nothing left."""
    session = uow.session
    due = and_(
        PointLot.remaining > 0,
        PointLot.expires_on < as_of,
        PointLot.member_id.between(first_member, last_member),
    )
    members = select(PointLot.member_id).where(due).distinct().scalar_subquery()
    locked = session.scalars(
        select(PointsAccount.member_id)
        .where(PointsAccount.member_id.in_(members))
        .order_by(PointsAccount.member_id)
        .with_for_update()
    ).all()
    if not locked:
        return ExpiryBatch(0, 0)
    if session.get_bind().dialect.name == "postgresql":
        # Each statement below re-reads what is due (READ COMMITTED): keep it to the members
        # locked above, or a lot another desktop makes due meanwhile would be expired without
        # its account. (SQLite writers are serialised: nothing changes during the run.)
        locked_ids = select(func.unnest(bindparam("locked", locked, ARRAY(BigInteger))))
        due = and_(due, PointLot.member_id.in_(locked_ids))  # a hashed semi-join, not ANY()
    uid = _expiry_uid(session, as_of)
    now = uow.now()
    session.execute(
        insert(LedgerEntry).from_select(
            [
                "entry_uid", "fingerprint", "member_id", "currency", "kind", "source",
                "amount", "shortfall", "business_date", "posted_at", "actor",
            ],
            select(
                uid, literal("expiry"), PointLot.member_id, literal(POINTS), literal("expire"),
                literal("expiry"), -PointLot.remaining, literal(0), literal(as_of),
                literal(now, LedgerEntry.posted_at.type), literal(actor),
            ).where(due),
        )
    )  # fmt: skip
    session.execute(
        insert(LotAllocation).from_select(
            ["entry_id", "lot_id", "points"],
            select(LedgerEntry.id, PointLot.id, PointLot.remaining)
            .join(LedgerEntry, LedgerEntry.entry_uid == uid)
            .where(due),
        )
    )
    totals = select(func.count(), func.coalesce(func.sum(PointLot.remaining), 0)).where(due)
    lots, points = session.execute(totals).one()
    per_member = (  # UPDATE … FROM one grouped pass, not a subquery per account
        select(PointLot.member_id, func.sum(PointLot.remaining).label("expiring"))
        .where(due)
        .group_by(PointLot.member_id)
        .subquery()
    )
    session.execute(
        update(PointsAccount)
        .where(PointsAccount.member_id == per_member.c.member_id)
        .values(balance=PointsAccount.balance - per_member.c.expiring)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(PointLot).where(due).values(remaining=0).execution_options(synchronize_session=False)
    )
    return ExpiryBatch(lots, int(points))


def _expiry_uid(session, as_of: date):
    """``expire:<lot id>:<date>`` built in SQL; unique, so a re-run cannot double-expire."""
    lot_id = func.cast(PointLot.id, LedgerEntry.entry_uid.type)
    return literal("expire:") + lot_id + literal(":" + as_of.isoformat())


def member_id_range(uow: UnitOfWork) -> tuple[int, int]:
    low, high = uow.session.execute(select(func.min(Member.id), func.max(Member.id))).one()
    return (low or 0, high or 0)


def get_entry(uow: UnitOfWork, entry_id: int) -> LedgerEntry:
    entry = uow.session.get(LedgerEntry, entry_id)
    if entry is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such ledger entry."))
    return entry
