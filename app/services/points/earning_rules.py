"""Earning rules as versioned data with effective dates: each posting records the version
it used, and a change only applies from its effective date."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.db.models import (
    EarningRule,
)
from app.domain import points as rules
from app.domain.errors import NotFound, ValidationError
from app.domain.inputs import (
    MAX_FEN,
    MAX_NOTE,
    MAX_POINTS,
    check_date,
    check_int,
    clean_text,
)
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention

SPEND_KINDS = ("service", "purchase")


EVENTS = ("sign_in", "share", "major_event", "birthday", "referral", "new_binding")


RULE_CODES = SPEND_KINDS + EVENTS

# How much of a rule's points count toward tiers (seed 003: tune the share of interaction
# points), in permille of the points before the tier multiplier; 1000 unless a version says.
MAX_QUALIFYING_PERMILLE = 5 * rules.PERMILLE


@dataclass(frozen=True)
class RuleVersion:
    id: int
    code: str
    version: int
    effective_from: date
    params: dict
    note: str | None
    created_by: str
    created_at: datetime


def list_rules(db: Database, actor: Actor) -> list[RuleVersion]:
    """Every version of every earning rule, newest version first within a code."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        rows = uow.session.scalars(
            select(EarningRule).order_by(EarningRule.code, EarningRule.version.desc())
        )
        return [_rule_version(r) for r in rows]


def _rule_version(row: EarningRule) -> RuleVersion:
    return RuleVersion(
        row.id,
        row.code,
        row.version,
        row.effective_from,
        json.loads(row.params),
        row.note,
        row.created_by,
        row.created_at,
    )


# Each figure a rule may hold, with the range a person could mean (2**70 points is a typo).
_PARAM_RANGES = {
    "spend": {
        "points_per_unit": (0, 100_000),
        "unit_fen": (1, MAX_FEN),
        "qualifying_permille": (0, MAX_QUALIFYING_PERMILLE),
    },
    "event": {
        "points": (1, 100_000),
        "qualifying_permille": (0, MAX_QUALIFYING_PERMILLE),
        "cap_per_day": (0, MAX_POINTS),
        "cap_per_week": (0, MAX_POINTS),
        "cap_per_edition": (0, MAX_POINTS),
        "cap_per_month": (0, MAX_POINTS),
        "cap_per_year": (0, MAX_POINTS),
    },
}

# The caps an event rule may hold, each read back by ``event_rule`` and enforced by the
# counter: a figure saved is a figure applied, never dropped on the way.
EVENT_CAPS = tuple(f"cap_per_{period}" for period in rules.CAP_PERIODS)
WINDOW_MONTHS = (1, 36)  # the new-binding window, in months after the launch


ROUNDINGS = ("floor", "round_half_up")


@retry_on_contention
def add_rule_version(
    db: Database, actor: Actor, code: str, effective_from: date, params: dict, note: str = ""
) -> RuleVersion:
    """A new version of an earning rule, in force from ``effective_from`` (today or later).

    Points already posted are never touched: each entry records the rule version it used.
    """
    require(actor, Permission.CONFIGURE_PROGRAMME)
    if code not in RULE_CODES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown earning rule."), field="code")
    params = _clean_params(code, params)
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        today = programme_today(uow)
        if isinstance(effective_from, date) and effective_from < today:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "A rule change cannot take effect in the past."),
                field="effective_from",
            )
        check_date(effective_from, "effective_from", today, rules.add_months(today, 60))
        session = uow.session
        latest = session.scalars(
            select(EarningRule)
            .where(EarningRule.code == code)
            .order_by(EarningRule.version.desc())
            .with_for_update(key_share=True)
        ).first()
        if latest is not None and effective_from <= latest.effective_from:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The new version must take effect after {date}, the last one."
                ),
                field="effective_from",
                date=latest.effective_from.isoformat(),
            )
        row = EarningRule(
            code=code,
            version=(latest.version + 1) if latest else 1,
            effective_from=effective_from,
            params=json.dumps(params, sort_keys=True),
            note=note or None,
            created_by=actor.username,
            created_at=uow.now(),
        )
        session.add(row)
        session.flush()
        audit.record(uow, actor, "earning_rule", row.id, "create", after=_rule_audit(row))
        uow.commit()
        return _rule_version(row)


def _rule_audit(row: EarningRule) -> dict:
    return {
        "code": row.code,
        "version": row.version,
        "effective_from": row.effective_from.isoformat(),
        "params": json.loads(row.params),
    }


def _clean_params(code: str, params: object) -> dict:
    """The rule's figures, each a whole number in its range; anything else is refused."""
    kind = "spend" if code in SPEND_KINDS else "event"
    ranges = dict(_PARAM_RANGES[kind])
    if code == "new_binding":
        ranges["window_months"] = WINDOW_MONTHS
    given = {k: v for k, v in params.items() if v is not None} if isinstance(params, dict) else {}
    unknown = set(given) - set(ranges) - ({"rounding"} if kind == "spend" else set())
    required = ("points_per_unit", "unit_fen") if kind == "spend" else ("points",)
    if not isinstance(params, dict) or unknown or any(key not in given for key in required):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Check the rule's figures: whole numbers, points >= 1."),
            field="params",
        )
    clean = {key: check_int(given[key], key, *ranges[key]) for key in ranges if key in given}
    if kind == "event":
        _check_caps(clean)
    if kind == "spend":
        clean["rounding"] = given.get("rounding", "floor")
        if clean["rounding"] not in ROUNDINGS:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Choose a rounding."), field="rounding"
            )
    return clean


def _check_caps(clean: dict) -> None:
    """A cap below one occurrence's points would refuse every occurrence: a typo, not a
    rule (leave a cap out for no limit)."""
    for key in EVENT_CAPS:
        if key in clean and clean[key] < clean["points"]:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "A limit counts points: it must be at least the {points} points of one "
                    "occurrence, or left empty for no limit.",
                ),
                field=key,
                points=clean["points"],
            )


def rule_in_force(uow: UnitOfWork, code: str, on: date) -> EarningRule:
    rule = uow.session.scalars(
        select(EarningRule)
        .where(EarningRule.code == code, EarningRule.effective_from <= on)
        .order_by(EarningRule.effective_from.desc())
        .limit(1)
    ).first()
    if rule is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "No earning rule {code} is in force on {date}."),
            code=code,
            date=on.isoformat(),
        )
    return rule


def spend_rule(row: EarningRule) -> rules.SpendRule:
    p = json.loads(row.params)
    return rules.SpendRule(p["points_per_unit"], p["unit_fen"], p.get("rounding", "floor"))


def qualifying_points(row: EarningRule, points: int) -> int:
    """The qualifying points (成长值) earned with ``points`` under this rule version."""
    share = json.loads(row.params).get("qualifying_permille", rules.PERMILLE)
    return rules.apply_multiplier(points, share)


def event_rule(row: EarningRule) -> rules.EventRule:
    """The version's figures as the domain rule: every cap ``_clean_params`` accepts."""
    p = json.loads(row.params)
    caps = {key: p.get(key) for key in EVENT_CAPS}
    return rules.EventRule(row.code, p["points"], **caps)
