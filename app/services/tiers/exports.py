"""Excel files of the tier lists: a review's members and the at-risk call list.

The rows are the ones the screens show (``review_rows`` and ``at_risk``, masked as they
mask them); each export is written to the audit trail, as the member export is.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from app.domain.roles import Actor
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.tiers.review import at_risk, review_rows

Language = Literal["zh_CN", "en"]
MAX_EXPORT_ROWS = 1_000_000


def export_review(
    db: Database,
    actor: Actor,
    path: Path,
    as_of: date,
    outcome: str | None = None,
    language: Language = "zh_CN",
) -> int:
    """The members a review as of ``as_of`` decides (of one outcome, or all), with their old
    and new tier, to an .xlsx; returns the rows written. Needs RUN_TIER_REVIEW."""
    from app.adapters.tier_workbooks import write_review_members  # openpyxl: on first use

    rows = review_rows(db, actor, as_of, outcome, limit=MAX_EXPORT_ROWS)
    count = write_review_members(rows, path, language)
    _audit(db, actor, "tier_review", count, as_of=as_of.isoformat(), outcome=outcome)
    return count


def export_at_risk(
    db: Database, actor: Actor, path: Path, within_days: int = 60, language: Language = "zh_CN"
) -> int:
    """The at-risk list (validity ending within ``within_days``, points short of retaining)
    to an .xlsx, as a call list; returns the rows written."""
    from app.adapters.tier_workbooks import write_at_risk  # openpyxl: on first use

    rows = at_risk(db, actor, within_days)
    count = write_at_risk(rows, path, language)
    _audit(db, actor, "tier_at_risk", count, within_days=within_days)
    return count


def _audit(db: Database, actor: Actor, listing: str, count: int, **details: object) -> None:
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "member", "export", "export",
            after={"list": listing, "rows": count, **details},
        )  # fmt: skip
        uow.commit()
