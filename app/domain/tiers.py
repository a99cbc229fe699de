"""Pure rules of member tiers (seed 003, RULES.md section 1): the tier policy, validity,
immediate upgrades, and the review at the end of validity (retain, downgrade).

Tiers are data: a policy version lists them with their thresholds in qualifying points
(成长值). Rank 1 is the lowest; the lowest tier is the base tier, held for life and never
reviewed. Other tiers are held for ``validity_months`` counted from the upgrade.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from app.domain.errors import ValidationError
from app.domain.points import PERMILLE, add_months
from app.domain.text import QT_TRANSLATE_NOOP

CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,19}$")
MAX_TIERS = 12
MAX_THRESHOLD = 100_000_000
MAX_MULTIPLIER = 10 * PERMILLE


class UpgradeBasis(StrEnum):
    PERIOD = "period"  # qualifying points since the current tier period started (default)
    LIFETIME = "lifetime"  # all qualifying points the member ever kept


class ChangeReason(StrEnum):
    ENROLMENT = "enrolment"
    UPGRADE = "upgrade"
    RETAIN = "retain"
    DOWNGRADE = "downgrade"
    MATCH = "match"  # status match with another programme
    MANUAL = "manual"
    PAID = "paid"
    MERGE = "merge"  # a duplicate record's higher tier carried to the member kept


class Outcome(StrEnum):
    UPGRADE = "upgrade"
    RETAIN = "retain"
    DOWNGRADE = "downgrade"


@dataclass(frozen=True)
class Tier:
    code: str
    name: str
    rank: int  # 1 = lowest
    reach_points: int  # qualifying points in a period that reach this tier
    retain_points: int  # qualifying points in a period that keep it at the end of validity
    multiplier_permille: int = PERMILLE  # applied to points earned by spending
    colour: str = "#9e9e9e"


@dataclass(frozen=True)
class TierPolicy:
    tiers: tuple[Tier, ...]
    validity_months: int = 12
    downgrade_max_steps: int = 0  # 0: down to the tier the points meet; 1: one step per review
    grace_days: int = 0  # the tier is kept this long after validity ends; points still count
    upgrade_basis: UpgradeBasis = UpgradeBasis.PERIOD
    enrolment_by_series: dict[str, str] = field(default_factory=dict)  # model series -> tier
    # Status match (seed 002): "programme / level" in another programme -> the tier it
    # suggests here; a person still chooses the tier granted.
    status_match: dict[str, str] = field(default_factory=dict)

    @property
    def base(self) -> Tier:
        return self.tiers[0]

    def tier(self, code: str) -> Tier:
        for tier in self.tiers:
            if tier.code == code:
                return tier
        raise KeyError(code)

    def has(self, code: str) -> bool:
        return any(tier.code == code for tier in self.tiers)


# Seed 003 names four cards and gives no thresholds: these figures are examples for
# headquarters to replace (the distribution report helps), marked as such in the screen.
# At the default earning rule (1 point per 1,000 yuan) 30 points are a year of regular
# service plus a few interactions; a car purchase reaches 白金卡 or more at once.
DEFAULT_POLICY = TierPolicy(
    tiers=(
        Tier("silver", "银卡", 1, 0, 0, PERMILLE, "#9e9e9e"),
        Tier("gold", "金卡", 2, 30, 20, 1_100, "#c9a227"),
        Tier("platinum", "白金卡", 3, 100, 80, 1_200, "#6d8fa8"),
        Tier("diamond", "钻石卡", 4, 300, 240, 1_500, "#4a4a8a"),
    )
)


def _invalid(message: str, field_name: str, **values: object) -> ValidationError:
    return ValidationError(message, field=field_name, **values)


def check_policy(policy: TierPolicy) -> TierPolicy:
    """``policy`` with its tiers ordered by rank, or a refusal naming the first problem."""
    tiers = tuple(sorted(policy.tiers, key=lambda t: t.rank))
    if not 1 <= len(tiers) <= MAX_TIERS:
        raise _invalid(
            QT_TRANSLATE_NOOP("Errors", "A tier policy has 1 to {max} tiers."), "tiers",
            max=MAX_TIERS,
        )  # fmt: skip
    for tier in tiers:
        _check_tier(tier)
    for name, values in (
        ("code", [t.code for t in tiers]),
        ("name", [t.name for t in tiers]),
        ("rank", [t.rank for t in tiers]),
    ):
        if len(set(values)) != len(values):
            raise _invalid(
                QT_TRANSLATE_NOOP("Errors", "Each tier needs its own code, name and rank."), name
            )
    if tiers[0].reach_points != 0 or tiers[0].retain_points != 0:
        raise _invalid(
            QT_TRANSLATE_NOOP("Errors", "The base tier (the lowest) needs no points."),
            "reach_points",
        )
    for lower, higher in zip(tiers, tiers[1:], strict=False):
        if higher.reach_points <= lower.reach_points:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "Errors", "{tier} must need more points to reach than {lower}."
                ),
                "reach_points", tier=higher.name, lower=lower.name,
            )  # fmt: skip
    _check_settings(policy, tiers)
    return replace(
        policy,
        tiers=tiers,
        enrolment_by_series=dict(policy.enrolment_by_series),
        status_match=dict(policy.status_match),
    )


def _check_tier(tier: Tier) -> None:
    if not CODE_PATTERN.fullmatch(tier.code):
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Tier code {code}: use 1 to 20 lower-case letters, digits or _, "
                "starting with a letter.",
            ),
            "code", code=tier.code,
        )  # fmt: skip
    if not tier.name.strip() or len(tier.name) > 20:
        raise _invalid(
            QT_TRANSLATE_NOOP("Errors", "Tier names have 1 to 20 characters."), "name"
        )
    for name, value, top in (
        ("rank", tier.rank, MAX_TIERS * 10),
        ("reach_points", tier.reach_points, MAX_THRESHOLD),
        ("retain_points", tier.retain_points, MAX_THRESHOLD),
        ("multiplier_permille", tier.multiplier_permille, MAX_MULTIPLIER),
    ):
        if type(value) is not int or not 0 <= value <= top:
            raise _invalid(
                QT_TRANSLATE_NOOP("Errors", "{tier}: enter a whole number from 0 to {max}."),
                name, tier=tier.name, max=top,
            )  # fmt: skip
    if tier.retain_points > tier.reach_points:
        raise _invalid(
            QT_TRANSLATE_NOOP(
                "Errors", "{tier}: keeping the tier cannot need more points than reaching it."
            ),
            "retain_points", tier=tier.name,
        )  # fmt: skip
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", tier.colour):
        raise _invalid(
            QT_TRANSLATE_NOOP("Errors", "{tier}: the colour is written #RRGGBB."), "colour",
            tier=tier.name,
        )  # fmt: skip


def _check_settings(policy: TierPolicy, tiers: tuple[Tier, ...]) -> None:
    for name, value, low, high in (
        ("validity_months", policy.validity_months, 1, 60),
        ("downgrade_max_steps", policy.downgrade_max_steps, 0, MAX_TIERS),
        ("grace_days", policy.grace_days, 0, 366),
    ):
        if type(value) is not int or not low <= value <= high:
            raise _invalid(
                QT_TRANSLATE_NOOP("Errors", "Enter a whole number from {low} to {high}."),
                name, low=low, high=high,
            )  # fmt: skip
    codes = {t.code for t in tiers}
    for series, code in policy.enrolment_by_series.items():
        if not series.strip() or series != series.strip() or code not in codes:
            raise _invalid(
                QT_TRANSLATE_NOOP("Errors", "Enrolment tier for {series}: no such tier."),
                "enrolment_by_series", series=series,
            )  # fmt: skip
    for key, code in policy.status_match.items():
        if key != match_key(*key.split(" / ", 1)) or " / " not in key or code not in codes:
            raise _invalid(
                QT_TRANSLATE_NOOP("Errors", "Status match for {level}: no such tier."),
                "status_match", level=key,
            )  # fmt: skip


# --- validity -------------------------------------------------------------------------------


def validity_end(valid_from: date, months: int) -> date:
    """Last day of a tier held from ``valid_from`` for ``months``: the day before the same
    day ``months`` later, or, where that month is too short for the day (from 29 Feb, or
    31 Jan for one month), that month's last day."""
    if months < 1:
        raise ValueError(f"months must be >= 1, got {months}")
    anniversary = add_months(valid_from, months)
    if anniversary.day < valid_from.day:  # the day does not exist in that month
        return anniversary
    return anniversary - timedelta(days=1)


def review_due_on(valid_until: date, grace_days: int) -> date:
    """The last day the tier is still held: the end of validity plus the grace period."""
    return valid_until + timedelta(days=grace_days)


# --- upgrades -------------------------------------------------------------------------------


def highest_reached(policy: TierPolicy, points: int) -> Tier:
    """The highest tier whose reach threshold ``points`` meet (at least the base)."""
    met = [t for t in policy.tiers if points >= t.reach_points]
    return met[-1] if met else policy.base


def upgrade_target(policy: TierPolicy, current: Tier, points: int) -> Tier | None:
    """The tier an immediate upgrade goes to (skipping tiers to the highest met), or None."""
    target = highest_reached(policy, points)
    return target if target.rank > current.rank else None


# --- the review at the end of validity ------------------------------------------------------


@dataclass(frozen=True)
class Floor:
    """A tier the member keeps until ``until`` whatever the points (manual or paid)."""

    tier: Tier
    until: date


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    tier: Tier
    points: int  # qualifying points of the period the decision is based on
    missing: int  # points the member lacked to keep the current tier (0 if kept)


def review(
    policy: TierPolicy, current: Tier, points: int, effective: date, floor: Floor | None = None
) -> Decision:
    """What happens to a member whose validity ended with ``points`` in the period.

    A higher tier reached → upgrade; the current tier's retain threshold met → retain;
    otherwise down to the highest tier whose retain threshold the points meet (never below
    the base, at most ``downgrade_max_steps`` ranks if set, never below a floor in force on
    ``effective``, the day the new period starts).
    """
    reached = upgrade_target(policy, current, points)
    if reached is not None:
        return Decision(Outcome.UPGRADE, reached, points, 0)
    missing = max(0, current.retain_points - points)
    if missing == 0:
        return Decision(Outcome.RETAIN, current, points, 0)
    kept = [t for t in policy.tiers if t.rank <= current.rank and points >= t.retain_points]
    target = kept[-1] if kept else policy.base
    if policy.downgrade_max_steps:
        allowed = [t for t in policy.tiers if t.rank < current.rank]
        lowest_allowed = allowed[-policy.downgrade_max_steps :][0] if allowed else current
        target = max(target, lowest_allowed, key=lambda t: t.rank)
    if floor is not None and floor.until >= effective and floor.tier.rank > target.rank:
        target = floor.tier
    if target.rank >= current.rank:
        return Decision(Outcome.RETAIN, current, points, 0)
    return Decision(Outcome.DOWNGRADE, target, points, missing)


def next_period(
    policy: TierPolicy, decision: Decision, effective: date
) -> tuple[date, date | None]:
    """(valid_from, valid_until) after a review decision taking effect on ``effective``; the
    base tier has no end."""
    if decision.tier.rank == policy.base.rank:
        return effective, None
    return effective, validity_end(effective, policy.validity_months)


# --- progress, for the member's tier tab and the at-risk list -------------------------------


@dataclass(frozen=True)
class Progress:
    points: int
    to_retain: int  # points still needed to keep the tier (0: kept; base: 0)
    next_tier: Tier | None
    to_next: int  # points still needed to reach the next tier (0 if none)


def progress(policy: TierPolicy, current: Tier, points: int) -> Progress:
    higher = [t for t in policy.tiers if t.rank > current.rank]
    next_tier = higher[0] if higher else None
    to_retain = 0 if current.rank == policy.base.rank else max(0, current.retain_points - points)
    to_next = max(0, next_tier.reach_points - points) if next_tier else 0
    return Progress(points, to_retain, next_tier, to_next)


def enrolment_tier(policy: TierPolicy, series: str | None) -> Tier:
    """The tier a new member starts on: by the model series bought, else the base."""
    code = policy.enrolment_by_series.get((series or "").strip())
    return policy.tier(code) if code else policy.base


def match_key(programme: str, level: str = "") -> str:
    """The status-match table's key: ``programme / level``, trimmed and case-folded."""
    return f"{programme.strip().casefold()} / {level.strip().casefold()}"


def suggested_match(policy: TierPolicy, programme: str, level: str) -> Tier | None:
    """The tier the status-match table suggests for a level in another programme."""
    code = policy.status_match.get(match_key(programme, level))
    return policy.tier(code) if code else None


# --- the mappings as headquarters type them: one "key = tier name" per line ---------------


def mapping_from_text(text: str, tiers: tuple[Tier, ...], field: str) -> dict[str, str]:
    """``{key: tier code}`` from lines like ``星途 S7 = 金卡`` (enrolment by model series) or
    ``Hilton Honors / Gold = 白金卡`` (``field == "status_match"``: keys become
    ``match_key``'s form). A tier is named by its name or code; blank lines are skipped."""
    by_name = {t.name: t.code for t in tiers} | {t.code: t.code for t in tiers}
    mapping: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        key, _sep, name = line.rpartition("=")
        key, name = key.strip(), name.strip()
        if field == "status_match" and "/" in key:
            key = match_key(*key.split("/", 1))
        elif field == "status_match":
            key = ""
        if not key or name not in by_name or key in mapping:
            raise _invalid(
                QT_TRANSLATE_NOOP(
                    "Errors", "Line {line}: write it as “what = tier name”, once per line."
                ),
                field, line=number,
            )  # fmt: skip
        mapping[key] = by_name[name]
    return mapping


def mapping_to_text(mapping: dict[str, str], tiers: tuple[Tier, ...]) -> str:
    names = {t.code: t.name for t in tiers}
    return "\n".join(f"{key} = {names.get(code, code)}" for key, code in sorted(mapping.items()))


# --- stored form ----------------------------------------------------------------------------


def policy_to_dict(policy: TierPolicy) -> dict:
    return {
        "tiers": [
            {"code": t.code, "name": t.name, "rank": t.rank, "reach_points": t.reach_points,
             "retain_points": t.retain_points, "multiplier_permille": t.multiplier_permille,
             "colour": t.colour}
            for t in policy.tiers
        ],
        "validity_months": policy.validity_months,
        "downgrade_max_steps": policy.downgrade_max_steps,
        "grace_days": policy.grace_days,
        "upgrade_basis": policy.upgrade_basis.value,
        "enrolment_by_series": dict(sorted(policy.enrolment_by_series.items())),
        "status_match": dict(sorted(policy.status_match.items())),
    }  # fmt: skip


def policy_from_dict(data: dict) -> TierPolicy:
    """A policy from its stored form, checked (a refusal for anything malformed)."""
    try:
        tiers = tuple(Tier(**tier) for tier in data["tiers"])
        policy = TierPolicy(
            tiers=tiers,
            validity_months=data.get("validity_months", 12),
            downgrade_max_steps=data.get("downgrade_max_steps", 0),
            grace_days=data.get("grace_days", 0),
            upgrade_basis=UpgradeBasis(data.get("upgrade_basis", UpgradeBasis.PERIOD)),
            enrolment_by_series=dict(data.get("enrolment_by_series", {})),
            status_match=dict(data.get("status_match", {})),
        )
        return check_policy(policy)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _invalid(
            QT_TRANSLATE_NOOP("Errors", "The tier policy is malformed."), "tiers"
        ) from exc
