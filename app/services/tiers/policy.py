"""The tier policy as versioned data: headquarters saves a new version with an effective date;
the version in force on a date is the latest one not after it. Saving never touches members'
tiers: the next upgrade check or review applies it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.db.models import MemberTier, TierPolicyVersion
from app.domain import tiers as rules
from app.domain.errors import ValidationError
from app.domain.inputs import MAX_NOTE, check_date, clean_text
from app.domain.points import add_months
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention


@dataclass(frozen=True)
class PolicyVersion:
    id: int | None  # None: the built-in example policy (nothing saved yet)
    effective_from: date | None
    policy: rules.TierPolicy
    note: str | None
    created_by: str | None
    created_at: datetime | None


BUILT_IN = PolicyVersion(None, None, rules.DEFAULT_POLICY, None, None, None)


def policy_in_force(uow: UnitOfWork, on: date) -> rules.TierPolicy:
    return version_in_force(uow, on).policy


def version_in_force(uow: UnitOfWork, on: date) -> PolicyVersion:
    row = uow.session.scalars(
        select(TierPolicyVersion)
        .where(TierPolicyVersion.effective_from <= on)
        .order_by(TierPolicyVersion.effective_from.desc())
        .limit(1)
    ).first()
    return _version(row) if row is not None else BUILT_IN


def _version(row: TierPolicyVersion) -> PolicyVersion:
    policy = rules.policy_from_dict(json.loads(row.policy))
    return PolicyVersion(
        row.id, row.effective_from, policy, row.note, row.created_by, row.created_at
    )


def current_policy(db: Database, actor: Actor) -> PolicyVersion:
    """The version in force today (the built-in example while none is saved)."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        return version_in_force(uow, programme_today(uow))


def list_versions(db: Database, actor: Actor) -> list[PolicyVersion]:
    """Every saved version, the newest effective date first."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        rows = uow.session.scalars(
            select(TierPolicyVersion).order_by(TierPolicyVersion.effective_from.desc())
        )
        return [_version(row) for row in rows]


@retry_on_contention
def save_policy(
    db: Database, actor: Actor, policy: rules.TierPolicy, effective_from: date, note: str = ""
) -> PolicyVersion:
    """A new policy version from ``effective_from`` (today or later, after the last one).

    Members keep their tiers: the version applies to upgrades checked and reviews run from
    its effective date. A tier that members hold cannot disappear from the policy.
    """
    require(actor, Permission.CONFIGURE_PROGRAMME)
    policy = rules.check_policy(policy)
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        today = programme_today(uow)
        check_date(effective_from, "effective_from", today, add_months(today, 60))
        latest = uow.session.scalars(
            select(TierPolicyVersion)
            .order_by(TierPolicyVersion.effective_from.desc())
            .limit(1)
            .with_for_update()
        ).first()
        if latest is not None and effective_from <= latest.effective_from:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The new version must take effect after {date}, the last one."
                ),
                field="effective_from", date=latest.effective_from.isoformat(),
            )  # fmt: skip
        _refuse_dropping_held_tiers(uow, policy)
        row = TierPolicyVersion(
            effective_from=effective_from, policy=json.dumps(rules.policy_to_dict(policy)),
            note=note or None, created_by=actor.username, created_at=uow.now(),
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit.record(
            uow, actor, "tier_policy", row.id, "create",
            after={"effective_from": effective_from.isoformat(), **rules.policy_to_dict(policy)},
        )  # fmt: skip
        uow.commit()
        return _version(row)


def held_tier_codes(uow: UnitOfWork) -> set[str]:
    """The tiers some member holds now, or keeps as a floor."""
    held = uow.session.scalars(select(MemberTier.tier_code).distinct())
    floors = uow.session.scalars(
        select(MemberTier.floor_code).where(MemberTier.floor_code.is_not(None)).distinct()
    )
    return {*held, *(code for code in floors if code)}


def _refuse_dropping_held_tiers(uow: UnitOfWork, policy: rules.TierPolicy) -> None:
    dropped = sorted(held_tier_codes(uow) - {tier.code for tier in policy.tiers})
    if dropped:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Members hold the tier {code}; keep it in the policy (rename it if "
                "needed) until no member holds it.",
            ),
            field="tiers", code=", ".join(dropped),
        )  # fmt: skip
