"""The weighted evaluation (评估): seven factors scored 1–5 with versioned weights, the
weighted total, the rank within the industry and the side-by-side comparison (横比) of an
industry's candidates, which the seed wants to hold at least five."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.db.models import Partner, PartnerEvaluation, PartnerWeights
from app.domain import partners as rules
from app.domain.errors import Conflict, ValidationError
from app.domain.inputs import MAX_NOTE, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.partners.registry import load_partner, partner_rows, refuse_while_waiting
from app.services.settings.programme import read_settings
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork, retry_on_contention
from app.services.shared.versions import save_version, version_in_force


@dataclass(frozen=True)
class WeightsRow:
    id: int | None  # None: the default equal weights (no version saved yet)
    effective_from: date | None
    weights: dict[str, int]
    note: str
    created_by: str


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    partner_id: int
    evaluated_on: date
    scores: dict[str, int]
    weights: dict[str, int]
    total_hundredths: int
    note: str
    evaluated_by: str
    created_at: datetime


def _weights_row(row: PartnerWeights | None) -> WeightsRow:
    if row is None:
        return WeightsRow(None, None, dict(rules.EQUAL_WEIGHTS), "", "")
    return WeightsRow(row.id, row.effective_from, dict(row.weights), row.note, row.created_by)


def weights_in_force(uow: UnitOfWork, on: date) -> PartnerWeights | None:
    return version_in_force(uow, PartnerWeights, on)


def current_weights(db: Database, actor: Actor) -> WeightsRow:
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        return _weights_row(weights_in_force(uow, programme_today(uow)))


def weight_versions(db: Database, actor: Actor) -> list[WeightsRow]:
    """Every saved version, the newest first."""
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        query = select(PartnerWeights).order_by(PartnerWeights.effective_from.desc())
        return [_weights_row(row) for row in uow.session.scalars(query)]


@retry_on_contention
def save_weights(
    db: Database, actor: Actor, effective_from: date, weights: dict[str, int], note: str
) -> WeightsRow:
    """A new version from ``effective_from`` (today or later; a version not yet in force
    may be replaced). Scores already given keep the weights they were given with."""
    require(actor, Permission.MANAGE_PARTNERS)
    cleaned = rules.check_weights(weights)
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        row = save_version(uow, actor, PartnerWeights, "partner_weights", effective_from,
                           cleaned, note)  # fmt: skip
        uow.commit()
        return _weights_row(row)


def evaluation_row(row: PartnerEvaluation) -> EvaluationRow:
    return EvaluationRow(
        row.id, row.partner_id, row.evaluated_on, dict(row.scores), dict(row.weights),
        row.total_hundredths, row.note, row.evaluated_by, row.created_at,
    )  # fmt: skip


@retry_on_contention
def evaluate(
    db: Database, actor: Actor, partner_id: int, scores: dict[str, int], note: str = ""
) -> EvaluationRow:
    """Score a partner under evaluation with the weights in force today."""
    require(actor, Permission.MANAGE_PARTNERS)
    cleaned = rules.check_scores(scores)
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    with db.uow(actor) as uow:
        partner = load_partner(uow, partner_id, lock=True)
        refuse_while_waiting(uow, partner.id)
        if partner.status != rules.PartnerStatus.EVALUATING:
            raise Conflict(QT_TRANSLATE_NOOP("Errors", "Start the partner's evaluation first."))
        today = programme_today(uow)
        version = weights_in_force(uow, today)
        weights = dict(version.weights) if version else dict(rules.EQUAL_WEIGHTS)
        total = rules.total_hundredths(rules.weighted_total(cleaned, weights))
        row = PartnerEvaluation(
            partner_id=partner.id, evaluated_on=today, scores=cleaned, weights=weights,
            weights_id=version.id if version else None, total_hundredths=total, note=note,
            evaluated_by_id=actor.user_id, evaluated_by=actor.username, created_at=uow.now(),
        )  # fmt: skip
        uow.session.add(row)
        uow.session.flush()
        audit.record(uow, actor, "partner", partner.code, "evaluation",
                     after={"scores": cleaned, "weights": weights, "total": total})  # fmt: skip
        uow.commit()
        return evaluation_row(row)


def evaluations_of(db: Database, actor: Actor, partner_id: int) -> list[EvaluationRow]:
    require(actor, Permission.VIEW_PARTNERS)
    with db.reader(actor) as uow:
        load_partner(uow, partner_id)
        query = (
            select(PartnerEvaluation)
            .where(PartnerEvaluation.partner_id == partner_id)
            .order_by(PartnerEvaluation.id.desc())
        )
        return [evaluation_row(row) for row in uow.session.scalars(query)]


# --- the comparison (横比) -------------------------------------------------------------------


@dataclass(frozen=True)
class ComparedPartner:
    partner_id: int
    code: str
    name: str
    status: str
    scores: dict[str, int]
    total_hundredths: int
    rank: int  # within the industry, 1 the best
    admission_passed: bool | None
    overridden: bool


@dataclass(frozen=True)
class Comparison:
    industry: str
    partners: tuple[ComparedPartner, ...]  # best first
    shortlist_min: int  # the setting (the seed's 5)
    weights: dict[str, int]  # in force today

    @property
    def enough(self) -> bool:
        return len(self.partners) >= self.shortlist_min


def compared_partners(uow: UnitOfWork, industry: str) -> list[ComparedPartner]:
    """The industry's partners that have a score (terminated ones left out), ranked."""
    partners = list(uow.session.scalars(
        select(Partner).where(Partner.industry == industry,
                              Partner.status != rules.PartnerStatus.TERMINATED)
    ))  # fmt: skip
    rows = [row for row in partner_rows(uow, partners) if row.score_hundredths is not None]
    latest = _latest_scores(uow, [row.id for row in rows])
    ranks = rules.ranks({row.id: row.score_hundredths or 0 for row in rows})
    compared = [
        ComparedPartner(row.id, row.code, row.name, row.status, latest[row.id],
                        row.score_hundredths or 0, ranks[row.id], row.admission_passed,
                        row.overridden)
        for row in rows
    ]  # fmt: skip
    return sorted(compared, key=lambda c: (c.rank, c.code))


def _latest_scores(uow: UnitOfWork, ids: list[int]) -> dict[int, dict[str, int]]:
    scores: dict[int, dict[str, int]] = {}
    query = (
        select(PartnerEvaluation.partner_id, PartnerEvaluation.scores)
        .where(PartnerEvaluation.partner_id.in_(ids))
        .order_by(PartnerEvaluation.id)
    )
    for partner_id, given in uow.session.execute(query):
        scores[partner_id] = dict(given)  # the newest wins
    return scores


def compare(db: Database, actor: Actor, industry: str) -> Comparison:
    require(actor, Permission.VIEW_PARTNERS)
    if industry not in {i.value for i in rules.Industry}:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose an industry."), field="industry")
    with db.reader(actor) as uow:
        version = weights_in_force(uow, programme_today(uow))
        return Comparison(
            industry, tuple(compared_partners(uow, industry)),
            read_settings(uow).partner_shortlist_min, _weights_row(version).weights,
        )  # fmt: skip
