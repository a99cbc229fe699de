"""The segmentation weights as versioned data (RULES.md §3 S3): a version is in force from
its date; none saved means the seed's weights. Every run copies the version it used into
its policy, so a later change never rewrites an old quarter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.db.models import SegmentationWeights
from app.domain import segmentation as rules
from app.domain.errors import ValidationError
from app.domain.inputs import MAX_NOTE, clean_text
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared.database import Database
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork
from app.services.shared.versions import save_version, version_in_force


@dataclass(frozen=True)
class WeightsRow:
    id: int | None  # None: the seed's weights (no version saved yet)
    effective_from: date | None
    weights: rules.Weights
    note: str
    created_by: str


def weights_in_force(uow: UnitOfWork, on: date) -> WeightsRow:
    row = version_in_force(uow, SegmentationWeights, on)
    if row is None:
        return WeightsRow(None, None, rules.Weights(), "", "")
    weights = rules.Weights.from_json(row.weights)
    return WeightsRow(row.id, row.effective_from, weights, row.note, row.created_by)


def current_weights(db: Database, actor: Actor) -> WeightsRow:
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        return weights_in_force(uow, programme_today(uow))


def save_weights(
    db: Database,
    actor: Actor,
    effective_from: date,
    weights: dict[str, float],
    directions: dict[str, str] | None = None,
    note: str = "",
) -> WeightsRow:
    """A new version from ``effective_from`` (today or later; a version not yet in force
    may be replaced). Runs already made keep the weights they used."""
    require(actor, Permission.CONFIGURE_PROGRAMME)
    directions = dict(rules.DEFAULT_DIRECTIONS if directions is None else directions)
    if rules.weights_problem(weights, directions):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Give every variable a weight from 0 to 1 with at most 3 decimals."
            ),
            field="weights",
        )
    note = clean_text(note, "note", MAX_NOTE, multiline=True)
    data = rules.Weights(dict(weights), directions).as_json()
    with db.uow(actor) as uow:
        row = save_version(uow, actor, SegmentationWeights, "segmentation_weights",
                           effective_from, data, note)  # fmt: skip
        uow.commit()
        return WeightsRow(row.id, row.effective_from, rules.Weights.from_json(data), note,
                          actor.username)  # fmt: skip
