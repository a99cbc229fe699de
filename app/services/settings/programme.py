"""Programme settings shared by every desktop (stored in the database)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from app.db.models import ProgrammeSetting
from app.domain.errors import ValidationError
from app.domain.inputs import check_int, clean_text
from app.domain.points import ExpiryPolicy, FixedCycle, Rolling
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.uow import UnitOfWork, retry_on_contention


@dataclass(frozen=True)
class ProgrammeSettings:
    programme_name: str = "Loyalty Desk"
    timezone: str = "Asia/Shanghai"
    idle_lock_minutes: int = 15
    # Points (issue 4). Expiry: "fixed_cycle" (to the end of the N-th natural year from a
    # cycle's first credit) or "rolling" (N months per lot, optionally to the month's end).
    points_per_yuan: int = 10
    expiry_mode: str = "fixed_cycle"
    expiry_years: int = 2
    expiry_months: int = 24
    expiry_round_to_month_end: bool = True
    expiring_soon_months: int = 2
    hold_timeout_minutes: int = 30
    adjustment_direct_limit: int = 0  # a supervisor's own adjustment up to this posts at once
    adjustment_lapse_days: int = 14
    launch_date: str = "2026-01-01"  # ISO date; new-binding bonus window starts here
    # Tiers (issue 12): an upgrade due when qualifying points are posted waits for approval
    # unless this says to apply it at once; tier requests lapse like adjustments.
    tier_upgrade_auto: bool = False
    tier_request_lapse_days: int = 14
    # Partners (issue 14): the admission thresholds of seed 003, the shortlist size of a
    # comparison, the contract renewal reminder and the complaint service limits.
    partner_min_capital_fen: int = 500_000_000
    partner_min_years: int = 3
    partner_shortlist_min: int = 5
    partner_renewal_days: int = 60
    partner_request_lapse_days: int = 14
    complaint_plan_hours: int = 24
    complaint_report_hours: int = 24
    # Segmentation (issue 15): the trailing window the variables are measured over.
    segmentation_window_months: int = 12
    # Reports (issue 15): lifecycle stage thresholds in days since the last activity
    # (RULES.md S6), the health reference lines (O1) and the cost sheet's forecast (O2).
    lifecycle_silent_days: int = 180
    lifecycle_sleeping_days: int = 365
    lifecycle_lost_days: int = 730
    health_accumulation_reference_pct: int = 80
    health_redemption_reference_pct: int = 40
    cost_forecast_redemption_pct: int = 20
    cost_activity_rate_signin_pct: int = 70
    cost_activity_rate_share_pct: int = 55
    cost_activity_rate_event_pct: int = 85


def read_settings(uow: UnitOfWork) -> ProgrammeSettings:
    stored = {
        row.key: json.loads(row.value) for row in uow.session.scalars(select(ProgrammeSetting))
    }
    known = {f.name for f in fields(ProgrammeSettings)}
    return ProgrammeSettings(**{k: v for k, v in stored.items() if k in known})


def get_settings(db: Database) -> ProgrammeSettings:
    with db.reader() as uow:
        return read_settings(uow)


def _validate(new: ProgrammeSettings) -> ProgrammeSettings:
    """``new`` with its texts cleaned; every value of the wrong type or range refused."""
    for f in fields(ProgrammeSettings):
        if type(getattr(new, f.name)) is not type(f.default):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field=f.name)
    new = replace(new, programme_name=clean_text(new.programme_name, "programme_name", 100))
    try:
        ZoneInfo(new.timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown time zone: {zone}."),
            field="timezone",
            zone=new.timezone,
        ) from exc
    if not 1 <= new.idle_lock_minutes <= 240:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The idle lock must be between 1 and 240 minutes."),
            field="idle_lock_minutes",
        )
    _validate_points(new)
    if not new.programme_name:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This field is required."), field="programme_name"
        )
    return new


_POINTS_RANGES = {
    "points_per_yuan": (1, 10_000),
    "expiry_years": (1, 10),
    "expiry_months": (1, 120),
    "expiring_soon_months": (1, 12),
    "hold_timeout_minutes": (1, 7 * 24 * 60),
    "adjustment_direct_limit": (0, 10_000_000),
    "adjustment_lapse_days": (1, 365),
    "tier_request_lapse_days": (1, 365),
    "partner_min_capital_fen": (0, 100_000_000_000_00),
    "partner_min_years": (0, 50),
    "partner_shortlist_min": (1, 50),
    "partner_renewal_days": (1, 365),
    "partner_request_lapse_days": (1, 365),
    "complaint_plan_hours": (1, 720),
    "complaint_report_hours": (1, 720),
    "segmentation_window_months": (1, 60),
    "lifecycle_silent_days": (1, 3650),
    "lifecycle_sleeping_days": (2, 3650),
    "lifecycle_lost_days": (3, 3650),
    "health_accumulation_reference_pct": (0, 100),
    "health_redemption_reference_pct": (0, 100),
    "cost_forecast_redemption_pct": (0, 100),
    "cost_activity_rate_signin_pct": (0, 100),
    "cost_activity_rate_share_pct": (0, 100),
    "cost_activity_rate_event_pct": (0, 100),
}


def _validate_points(new: ProgrammeSettings) -> None:
    for name, (low, high) in _POINTS_RANGES.items():
        check_int(getattr(new, name), name, low, high)
    if not new.lifecycle_silent_days < new.lifecycle_sleeping_days < new.lifecycle_lost_days:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "The lifecycle thresholds must grow: silent, then sleeping, then lost."
            ),
            field="lifecycle_sleeping_days",
        )
    if new.expiry_mode not in ("fixed_cycle", "rolling"):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose an expiry policy."), field="expiry_mode"
        )
    try:
        date.fromisoformat(new.launch_date)
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Enter a valid date."), field="launch_date"
        ) from exc


def expiry_policy(settings: ProgrammeSettings) -> ExpiryPolicy:
    if settings.expiry_mode == "rolling":
        return Rolling(settings.expiry_months, settings.expiry_round_to_month_end)
    return FixedCycle(settings.expiry_years)


@retry_on_contention
def update_settings(db: Database, actor: Actor, **changes: Any) -> ProgrammeSettings:
    require(actor, Permission.CONFIGURE_PROGRAMME)
    with db.uow(actor) as uow:
        current = read_settings(uow)
        unknown = set(changes) - {f.name for f in fields(ProgrammeSettings)}
        if unknown:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "Unknown setting: {key}."), key=sorted(unknown)[0]
            )
        new = _validate(replace(current, **changes))
        before, after = audit.changes(asdict(current), asdict(new))
        for key, value in after.items():
            write_setting(uow, actor.username, key, value)
            audit.record(
                uow, actor, "programme_setting", key, "update", {key: before[key]}, {key: value}
            )
        uow.commit()
        return new


def write_setting(uow: UnitOfWork, username: str, key: str, value: object) -> None:
    row = uow.session.get(ProgrammeSetting, key)
    if row is None:
        row = ProgrammeSetting(key=key)
        uow.session.add(row)
    row.value, row.updated_at, row.updated_by = json.dumps(value), uow.now(), username
