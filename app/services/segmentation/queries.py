"""Reading the segmentation runs: the 3×3 grid, the quarter-over-quarter migration, the
members of a cell (masked per permission; dealer staff see only their dealer's members) and
its Excel export (audited), and a member's cell in the latest run."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.db.models import BatchRun, Dealer, Member, MemberSegment
from app.domain import segmentation as rules
from app.domain.errors import NotFound, ValidationError
from app.domain.roles import Actor, Permission, require
from app.domain.runs import RunStatus
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import mask_mobile, mask_name
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import sees_personal_data
from app.services.shared.uow import UnitOfWork

MAX_PAGE = 1000
EXPORT_PAGE = 1000


@dataclass(frozen=True)
class SegmentationRun:
    id: int
    as_of: date
    weights: dict
    window_start: date


@dataclass(frozen=True)
class Grid:
    run: SegmentationRun
    counts: dict[int, int]  # cell → members
    no_data: int  # members without data in the window (shown apart)

    @property
    def scored(self) -> int:
        return sum(self.counts.values())

    def percent(self, cell: int) -> float | None:
        """% of the scored members (the no-data members are not in the grid)."""
        return None if not self.scored else 100 * self.counts[cell] / self.scored


@dataclass(frozen=True)
class SegmentMember:
    member_id: int
    member_number: str
    name: str
    mobile: str | None
    dealer: str | None
    cell: int | None
    y: float | None  # the axis scores as fractions (Y up to 1.4)
    x: float | None
    masked: bool


@dataclass(frozen=True)
class MemberCell:
    run_id: int
    as_of: date
    cell: int | None  # None: no data in that run's window


def _committed():
    return select(BatchRun).where(
        BatchRun.kind == rules.SEGMENTATION_RUN, BatchRun.status == RunStatus.COMMITTED.value
    )


def _run(row: BatchRun) -> SegmentationRun:
    policy = json.loads(row.policy)
    return SegmentationRun(
        row.id, row.as_of, policy.get("weights", {}), date.fromisoformat(policy["window_start"])
    )


def segmentation_runs(db: Database, actor: Actor) -> list[SegmentationRun]:
    """The committed runs, latest quarter first."""
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        rows = uow.session.scalars(_committed().order_by(BatchRun.as_of.desc()))
        return [_run(row) for row in rows]


def _load_run(uow: UnitOfWork, run_id: object) -> SegmentationRun:
    row = None
    if isinstance(run_id, int) and not isinstance(run_id, bool):
        row = uow.session.scalars(_committed().where(BatchRun.id == run_id)).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "No such segmentation run."))
    return _run(row)


def previous_run(db: Database, actor: Actor, run_id: int) -> SegmentationRun | None:
    """The committed run of the latest quarter before ``run_id``'s."""
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        run = _load_run(uow, run_id)
        row = uow.session.scalars(
            _committed().where(BatchRun.as_of < run.as_of).order_by(BatchRun.as_of.desc())
        ).first()
        return None if row is None else _run(row)


def _scoped(actor: Actor, query):
    """Dealer staff: only their dealer's members."""
    if actor.is_headquarters:
        return query
    return query.where(
        MemberSegment.member_id.in_(select(Member.id).where(Member.dealer_id == actor.dealer_id))
    )


def cells(db: Database, actor: Actor, run_id: int) -> Grid:
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        run = _load_run(uow, run_id)
        query = _scoped(
            actor,
            select(MemberSegment.cell, func.count())
            .where(MemberSegment.run_id == run.id)
            .group_by(MemberSegment.cell),
        )
        counts = dict.fromkeys(rules.CELLS, 0)
        no_data = 0
        for cell, number in uow.session.execute(query):
            if cell:
                counts[cell] = int(number)
            else:
                no_data = int(number)
        return Grid(run, counts, no_data)


def migration(db: Database, actor: Actor, run_id: int, previous_run_id: int) -> rules.Migration:
    """Previous run's cells (rows) × this run's (columns), with new and left members: a
    member counts as new when unscored (or absent) before, left when unscored (or absent,
    e.g. closed or merged) now."""
    require(actor, Permission.VIEW_REPORTS)
    with db.reader(actor) as uow:
        now, before = _load_run(uow, run_id), _load_run(uow, previous_run_id)
        cur = _scoped(actor, select(MemberSegment).where(MemberSegment.run_id == now.id))
        old = _scoped(actor, select(MemberSegment).where(MemberSegment.run_id == before.id))
        cur_s, old_s = cur.subquery("now"), old.subquery("before")
        # a full outer join, written as two left joins (SQLite before 3.39 has no FULL JOIN)
        kept = (
            select(old_s.c.cell, cur_s.c.cell, func.count())
            .select_from(old_s.outerjoin(cur_s, cur_s.c.member_id == old_s.c.member_id))
            .group_by(old_s.c.cell, cur_s.c.cell)
        )
        joined = (
            select(old_s.c.cell, cur_s.c.cell, func.count())
            .select_from(cur_s.outerjoin(old_s, old_s.c.member_id == cur_s.c.member_id))
            .where(old_s.c.member_id.is_(None))
            .group_by(old_s.c.cell, cur_s.c.cell)
        )
        rows = [*uow.session.execute(kept), *uow.session.execute(joined)]
        return rules.migration_from_counts((p, c, int(n)) for p, c, n in rows)


def _check_cell(cell: object) -> int | None:
    if cell is None:
        return None
    if isinstance(cell, bool) or not isinstance(cell, int) or cell not in rules.CELLS:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose a cell from 1 to 9."),
                              field="cell")  # fmt: skip
    return cell


def _member_query(actor: Actor, run_id: int, cell: int | None):
    query = (
        select(MemberSegment, Member, Dealer.name)
        .join(Member, Member.id == MemberSegment.member_id)
        .outerjoin(Dealer, Dealer.id == Member.dealer_id)
        .where(MemberSegment.run_id == run_id)
        .where(MemberSegment.cell.is_(None) if cell is None else MemberSegment.cell == cell)
        .order_by(MemberSegment.member_id)
    )
    return _scoped(actor, query)


def _segment_member(actor: Actor, seg: MemberSegment, member: Member, dealer) -> SegmentMember:
    plain = sees_personal_data(actor, member.dealer_id)
    return SegmentMember(
        member.id, member.member_number,
        member.name if plain else mask_name(member.name),
        member.mobile if plain or not member.mobile else mask_mobile(member.mobile),
        dealer, seg.cell,
        None if seg.y_score is None else seg.y_score / rules.MILLION,
        None if seg.x_score is None else seg.x_score / rules.MILLION,
        not plain,
    )  # fmt: skip


def members_in_cell(
    db: Database, actor: Actor, run_id: int, cell: int | None, limit: int = 100, offset: int = 0
) -> list[SegmentMember]:
    """One page of a cell's members (``cell`` None: the no-data members), by member id."""
    require(actor, Permission.VIEW_REPORTS)
    cell = _check_cell(cell)
    if not 1 <= limit <= MAX_PAGE or offset < 0:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Enter a valid value."), field="limit")
    with db.reader(actor) as uow:
        run = _load_run(uow, run_id)
        query = _member_query(actor, run.id, cell).limit(limit).offset(offset)
        return [_segment_member(actor, *row) for row in uow.session.execute(query)]


def count_in_cell(db: Database, actor: Actor, run_id: int, cell: int | None) -> int:
    require(actor, Permission.VIEW_REPORTS)
    cell = _check_cell(cell)
    with db.reader(actor) as uow:
        run = _load_run(uow, run_id)
        sub = _member_query(actor, run.id, cell).subquery()
        return int(uow.session.scalar(select(func.count()).select_from(sub)) or 0)


def _iter_cell(db: Database, actor: Actor, run_id: int, cell: int | None) -> Iterator:
    after = 0
    while True:
        with db.reader(actor) as uow:
            query = _member_query(actor, run_id, cell).where(MemberSegment.member_id > after)
            page = [_segment_member(actor, *row) for row in uow.session.execute(
                query.limit(EXPORT_PAGE))]  # fmt: skip
        yield from page
        if len(page) < EXPORT_PAGE:
            return
        after = page[-1].member_id


def export_cell(
    db: Database,
    actor: Actor,
    run_id: int,
    cell: int | None,
    path: Path,
    language: str = "zh_CN",
    progress: Progress | None = None,
) -> int:
    """A cell's members (as the list shows them, masked as it masks them) to an .xlsx;
    audited. Returns the rows written."""
    from app.adapters.segment_workbooks import write_segment_members  # on first use

    require(actor, Permission.VIEW_REPORTS)
    cell = _check_cell(cell)
    with db.reader(actor) as uow:
        run = _load_run(uow, run_id)
    total = count_in_cell(db, actor, run_id, cell) if progress else 0

    def rows():
        for done, row in enumerate(_iter_cell(db, actor, run.id, cell), start=1):
            if progress is not None and (done % 500 == 0 or done == total):
                progress.report(done, total)
            yield row

    count = write_segment_members(rows(), path, language, run.as_of)
    with db.uow(actor) as uow:
        audit.record(
            uow, actor, "member", "export", "export",
            after={"list": "segment_members", "run_id": run.id, "cell": cell, "rows": count},
        )  # fmt: skip
        uow.commit()
    return count


def member_cell(db: Database, actor: Actor, member_id: int) -> MemberCell | None:
    """The member's cell in the latest committed run (None: never in a run). Shown on the
    member's view, so whoever may view members may read it."""
    require(actor, Permission.VIEW_MEMBERS)
    with db.reader(actor) as uow:
        latest = _committed().order_by(BatchRun.as_of.desc()).limit(1).subquery()
        row = uow.session.execute(
            select(latest.c.id, latest.c.as_of, MemberSegment.cell)
            .join(MemberSegment, MemberSegment.run_id == latest.c.id)
            .where(MemberSegment.member_id == member_id)
        ).first()
        return None if row is None else MemberCell(row[0], row[1], row[2])


def latest_run_id():
    """A scalar subquery: the latest committed run (for the member list filter)."""
    latest = _committed().order_by(BatchRun.as_of.desc()).limit(1)
    return latest.with_only_columns(BatchRun.id).scalar_subquery()


def in_latest_cell(cell: int):
    """A condition on Member: in ``cell`` of the latest committed run (the member list's
    filter; 0 is the no-data members)."""
    segment = select(MemberSegment.member_id).where(MemberSegment.run_id == latest_run_id())
    if cell == 0:
        return Member.id.in_(segment.where(MemberSegment.cell.is_(None)))
    return Member.id.in_(segment.where(MemberSegment.cell == cell))
