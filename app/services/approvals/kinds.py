"""Kinds of approval requests: each area registers how its requests are checked and what
approving one does. The approvals service itself knows none of them."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from app.db.models import ApprovalRequest
from app.domain.errors import ValidationError
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.settings.programme import ProgrammeSettings
from app.services.shared.uow import UnitOfWork

# The modules that register kinds, imported on first use (areas import the approvals
# service, never the other way round). A new kind adds its module here.
KIND_MODULES = (
    "app.services.points.adjustments",
    "app.services.tiers.requests",
    "app.services.benefits.listing",
    "app.services.partners.requests",
)


@dataclass(frozen=True)
class Checked:
    """A request's payload as its kind accepted it."""

    payload: dict
    subject_id: int | None
    magnitude: int = 0  # compared with the kind's direct limit (points, yuan…)


@dataclass(frozen=True)
class ApprovalKind:
    """``check`` validates a new request's payload (and the requester's right to ask for
    it) and returns it cleaned; ``apply`` re-checks what may have changed since and makes
    the change, in the deciding transaction, returning what it did (kept as the result)."""

    code: str
    subject_type: str  # member, partner, benefit…
    request_permission: Permission
    check: Callable[[UnitOfWork, Actor, dict], Checked]
    apply: Callable[[UnitOfWork, Actor, ApprovalRequest], dict]
    lapse_days: Callable[[ProgrammeSettings], int]
    direct_limit: Callable[[ProgrammeSettings], int] | None = None


_KINDS: dict[str, ApprovalKind] = {}


def register(kind: ApprovalKind) -> ApprovalKind:
    _KINDS[kind.code] = kind
    return kind


def all_kinds() -> dict[str, ApprovalKind]:
    for module in KIND_MODULES:
        importlib.import_module(module)
    return dict(_KINDS)


def kind_of(code: str) -> ApprovalKind:
    kind = all_kinds().get(code)
    if kind is None:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Unknown kind of request: {kind}."), field="kind", kind=code
        )
    return kind
