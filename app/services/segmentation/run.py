"""The quarterly segmentation run (RULES.md §3 S4) on the batch-run fitting: as of a quarter
end, the trailing window (``segmentation_window_months``) is scored set-based and each
batch of member ids writes its (member, cell, Y, X) rows; members with no data in the window
get cell NULL ("no data"), never a low cell. The run's policy keeps the weights it used.

Permission: RUN_TIER_REVIEW (supervisors and administrators, who already run the quarterly
tier review; the run changes no member's points or tier, only adds a dated snapshot), and
only headquarters staff, since it scores the whole network.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Integer, func, insert, literal, null, select, union_all

from app.db.models import Member, MemberSegment
from app.domain import segmentation as rules
from app.domain.errors import PermissionDenied, ValidationError
from app.domain.inputs import check_date
from app.domain.roles import Actor, Permission
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.runs import batch_runs as runs
from app.services.segmentation.scoring import in_run, scored
from app.services.segmentation.weights import weights_in_force
from app.services.settings.programme import read_settings
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import programme_today
from app.services.shared.uow import UnitOfWork

NO_DATA = "no_data"


def cell_key(cell: int) -> str:
    return f"cell_{cell}"


def _check(uow: UnitOfWork, as_of: date, params: dict) -> None:
    today = programme_today(uow)
    check_date(as_of, "as_of", today - timedelta(days=10 * 366), today)
    if not rules.is_quarter_end(as_of):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose a quarter end (31 March, 30 June, "
                              "30 September or 31 December)."),
            field="as_of",
        )  # fmt: skip
    if params:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field="params")


def _snapshot(uow: UnitOfWork, as_of: date, _params: dict) -> dict:
    settings = read_settings(uow)
    version = weights_in_force(uow, as_of)
    months = settings.segmentation_window_months
    return {
        "as_of": as_of.isoformat(),
        "window_months": months,
        "window_start": rules.window_start(as_of, months).isoformat(),
        "timezone": settings.timezone,
        "weights": version.weights.as_json(),
        "weights_id": version.id,
    }


def _counts(uow: UnitOfWork, query) -> runs.Counts:
    sub = query.subquery()
    return _tally(uow.session.execute(select(sub.c.cell, func.count()).group_by(sub.c.cell)))


def _tally(rows) -> runs.Counts:
    """Members per cell, without data, and in all, from (cell, members) rows."""
    counts = {cell_key(cell): 0 for cell in rules.CELLS} | {NO_DATA: 0}
    for cell, number in rows:
        counts[cell_key(cell) if cell else NO_DATA] = int(number)
    counts["members"] = sum(counts.values())
    return counts


def _count(uow: UnitOfWork, context: runs.RunContext) -> runs.Counts:
    return _counts(uow, _scored_members(scored(context.policy)))


def _scored_members(scores, first: int | None = None, last: int | None = None):
    """Every member of the run (of ids first..last): the scored ones with their scores, the
    others with NULLs. Written as the scores UNION ALL the rest, not as members LEFT JOIN
    the scores, which SQLite runs as a scan of the scores for each member."""
    scored_rows = select(
        scores.c.member_id.label("member_id"), scores.c.cell, scores.c.y, scores.c.x
    )
    rest = in_run(
        select(Member.id, null(), null(), null()).where(
            Member.id.not_in(select(scores.c.member_id))
        )
    )
    if first is not None and last is not None:
        scored_rows = scored_rows.where(scores.c.member_id.between(first, last))
        rest = rest.where(Member.id.between(first, last))
    return union_all(scored_rows, rest)


def _batch(uow: UnitOfWork, context: runs.RunContext, first: int, last: int) -> runs.Counts:
    query = _scored_members(scored(context.policy), first, last)
    rows = query.subquery()
    uow.session.execute(
        insert(MemberSegment).from_select(
            ["run_id", "member_id", "cell", "y_score", "x_score"],
            select(
                literal(context.run_id, Integer), rows.c.member_id,
                rows.c.cell, rows.c.y, rows.c.x,
            ),
        )
    )  # fmt: skip
    written = uow.session.execute(
        select(MemberSegment.cell, func.count())
        .where(MemberSegment.run_id == context.run_id, MemberSegment.member_id.between(first, last))
        .group_by(MemberSegment.cell)
    )
    return _tally(written)


SEGMENTATION = runs.RunKind(
    rules.SEGMENTATION_RUN, Permission.RUN_TIER_REVIEW, _check, _snapshot, _count, _batch,
    batch_size=1_000_000,  # the scoring ranks the whole base: one pass per batch
)  # fmt: skip


def _headquarters(actor: Actor | str) -> None:
    if isinstance(actor, Actor) and not actor.is_headquarters:
        raise PermissionDenied(
            QT_TRANSLATE_NOOP("Errors", "Only headquarters staff can run the segmentation.")
        )


def preview_segmentation(db: Database, actor: Actor, as_of: date) -> runs.RunRow:
    """Counts per cell (and "no data") the run would store; changes nothing."""
    _headquarters(actor)
    return runs.preview(db, actor, SEGMENTATION, as_of)


def commit_segmentation(
    db: Database, actor: Actor | str, as_of: date, progress: Progress | None = None
) -> runs.RunRow:
    _headquarters(actor)
    return runs.commit(db, actor, SEGMENTATION, as_of, progress=progress)


def due_quarter_end(db: Database) -> date:
    """The latest quarter end up to today: what "Run segmentation…" offers."""
    with db.reader() as uow:
        return rules.quarter_end_on_or_before(programme_today(uow))
