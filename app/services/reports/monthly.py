"""The monthly report pack's data (issue 15): one call gathers sections 1-9 for a month
and a scope with grouped queries; the Excel and PDF writers and the Reports screen read
the resulting :class:`~app.services.reports.model.MonthlyReport`."""

from __future__ import annotations

from app.domain.partners import month_range
from app.domain.roles import Actor, Permission, require
from app.services.reports import activity_sections, cost_section, members_section
from app.services.reports.model import MonthlyReport
from app.services.reports.points_section import health_section, points_section
from app.services.reports.report_scope import Coverage, resolve_scope
from app.services.settings.programme import read_settings
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.uow import UnitOfWork
from app.services.tiers.policy import policy_in_force

STEPS = 9  # progress steps: one per section


def monthly_report(
    db: Database,
    actor: Actor,
    month: str,
    dealer_id: int | None = None,
    region: str | None = None,
    progress: Progress | None = None,
) -> MonthlyReport:
    """The month's report for the network, a region or a dealer (dealer staff: their own
    dealer only). A failed check (the points identity...) is in ``checks``, never raised."""
    require(actor, Permission.VIEW_REPORTS)
    first, last = month_range(month)
    step = _stepper(progress)
    with db.reader(actor) as uow:
        settings = read_settings(uow)
        coverage = resolve_scope(uow, actor, month, first, last, dealer_id, region)
        generated_at = uow.now()
        sections = _ledger_sections(uow, coverage, settings, step)
    partners = cost_section.partners_section(db, actor, coverage)
    step("partners")
    return MonthlyReport(
        scope=coverage.scope,
        generated_at=generated_at,
        generated_by=actor.username,
        partners=partners,
        programme_name=settings.programme_name,
        **sections,
    )


def _stepper(progress: Progress | None):
    done = [0]

    def step(name: str) -> None:
        done[0] += 1
        if progress is not None:
            progress.report(done[0], STEPS, name)

    return step


def _tier_labels(uow: UnitOfWork, coverage: Coverage) -> dict[str, str]:
    """Tier code → name, lowest tier first, from the policy in force at the month's end."""
    policy = policy_in_force(uow, coverage.scope.last_day)
    return {tier.code: tier.name for tier in policy.tiers}


def _ledger_sections(uow: UnitOfWork, coverage: Coverage, settings, step) -> dict:
    labels = _tier_labels(uow, coverage)
    limits = members_section.thresholds(settings)
    tally = members_section.stage_tally(uow, coverage, limits, next(iter(labels), ""))
    members = members_section.members_section(uow, coverage, settings, tally, labels)
    step("members")
    points, checks = points_section(uow, coverage, settings)
    step("points")
    active = tally.at_end()["active"]
    health = health_section(uow, coverage, settings, points, active)
    step("health")
    tiers = activity_sections.tiers_section(uow, coverage, tally, labels)
    step("tiers")
    benefits = activity_sections.benefits_section(uow, coverage)
    step("benefits")
    approvals = activity_sections.approvals_section(uow, coverage, settings.timezone)
    step("approvals")
    dealers = activity_sections.dealers_section(uow, coverage)
    step("dealers")
    open_members = members.total - members.closed_total
    cost = cost_section.cost_section(uow, coverage, settings, points, open_members)
    step("cost")
    return {
        "members": members,
        "points": points,
        "health": health,
        "tiers": tiers,
        "benefits": benefits,
        "approvals": approvals,
        "dealers": dealers,
        "cost": cost,
        "checks": tuple(checks),
    }
