"""Bulk import of historical members (批量激活老用户) and the members export.

Two modes:
- "valid_rows": rows that pass every check are imported; the job commits batch by batch
  together with its progress, so a crash or cancel keeps whole batches only, and importing
  the same file again resumes after the last committed batch.
- "all_or_nothing": one transaction; any invalid row, a cancel or a crash imports nothing.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select, update

from app.adapters import member_workbooks as excel
from app.db.models import Dealer, ImportJob, ImportRow, Member, MemberTag, Vehicle
from app.domain.errors import LoyaltyError
from app.domain.members import masked_search_text
from app.domain.pinyin_keys import name_search_keys
from app.domain.roles import Actor, Permission, require
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import make_member_number
from app.services.members.search import MemberFilter, search
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import programme_today
from app.services.shared.uow import FOR_CHANGE, UnitOfWork, retry_on_contention
from app.services.tiers.enrolment import enrol_imported

BATCH = 1_000
MODES = ("valid_rows", "all_or_nothing")
IMPORTED, ERROR, SKIPPED = "imported", excel.STATUS_ERROR, "not_imported"


class FileRejected(LoyaltyError):
    def __init__(self, problems: list[str]):
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "The file cannot be imported: {problems}"),
            problems="; ".join(problems),
        )
        self.problems = problems


@dataclass(frozen=True)
class ImportSummary:
    job_id: int | None
    status: str  # completed, rejected (all or nothing), dry_run
    total: int
    imported: int
    rejected: int
    resumed_from_row: int = 0
    report: Path | None = None


def write_template(path: Path, language: excel.Language = "zh_CN") -> None:
    excel.write_template(path, language)


def import_members(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    mode: str = "valid_rows",
    dry_run: bool = False,
    report: Path | None = None,
    progress: Progress | None = None,
) -> ImportSummary:
    require(actor, Permission.EDIT_MEMBERS)
    if mode not in MODES:
        raise ValueError(mode)
    progress = progress or Progress()
    with db.reader(actor) as uow:
        today = programme_today(uow)
        query = select(Dealer.code, Dealer.id).where(Dealer.active)
        dealers = {code: dealer_id for code, dealer_id in uow.session.execute(query)}
    parsed = excel.read_members(
        path, today=today, progress=lambda done, total: progress.report(done, total, "read")
    )
    if parsed.file_errors:
        raise FileRejected(list(parsed.file_errors))
    outcomes: dict[int, tuple[str, str]] = {
        row.row_number: (ERROR, "; ".join(message for _key, message in row.errors))
        for row in parsed.rows
        if row.errors
    }
    with db.reader(actor) as uow:
        _check_against_database(uow, actor, parsed, dealers, outcomes)
    valid = [row for row in parsed.rows if row.row_number not in outcomes]
    if dry_run or (mode == "all_or_nothing" and outcomes):
        for row in valid:
            outcomes[row.row_number] = (
                SKIPPED,
                "dry run: not imported"
                if dry_run
                else "not imported: other rows have errors (all or nothing)",
            )
        summary = ImportSummary(
            None,
            "dry_run" if dry_run else "rejected",
            len(parsed.rows),
            0,
            len(parsed.rows) - len(valid),
        )
    else:
        summary = _write(db, actor, path, parsed, valid, dealers, outcomes, mode, progress)
    if report:
        excel.write_result(report, parsed, outcomes)
    return ImportSummary(**{**summary.__dict__, "report": report})


def _check_against_database(uow, actor, parsed, dealers, outcomes) -> None:
    """Unknown dealers, another dealer's rows for dealer staff, and existing duplicates."""
    rows = [r for r in parsed.rows if r.row_number not in outcomes]
    for row in rows:
        code = row.values["dealer_code"]
        if code not in dealers:
            outcomes[row.row_number] = (ERROR, f"unknown or inactive dealer {code}")
        elif not actor.is_headquarters and dealers[code] != actor.dealer_id:
            outcomes[row.row_number] = (
                ERROR,
                "dealer staff import only their own dealer's members",
            )
    for key, column in (
        ("mobile", Member.mobile),
        ("resident_id", Member.resident_id),
        ("member_number", Member.member_number),
        ("vin", Vehicle.vin),
    ):
        values = {r.values[key] for r in rows if r.values.get(key)}
        table_key = Member.member_number if key != "vin" else Vehicle.vin
        existing: dict[str, int] = {}
        for chunk in _chunks(sorted(values), 500):
            query = (
                select(column, table_key)
                if key != "vin"
                else select(Vehicle.vin, Member.member_number).join(
                    Member, Member.id == Vehicle.member_id, isouter=True
                )
            )
            existing.update((k, v) for k, v in uow.session.execute(query.where(column.in_(chunk))))
        for row in rows:
            value = row.values.get(key)
            if value in existing and row.row_number not in outcomes:
                outcomes[row.row_number] = (
                    ERROR,
                    f"{key.replace('_', ' ')} already belongs to member {existing[value]}",
                )


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _write(db, actor, path, parsed, valid, dealers, outcomes, mode, progress) -> ImportSummary:
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    if mode == "all_or_nothing":
        with db.uow(actor) as uow:
            job = _new_job(uow, actor, path, digest, mode, len(parsed.rows))
            for done, batch in _batches(valid):
                _insert_batch(uow, actor, job, batch, dealers, outcomes)
                progress.report(done, len(valid), "import")
            _finish(uow, job, outcomes)
            uow.commit()  # everything or, on any exception above, nothing
        return ImportSummary(job.id, "completed", len(parsed.rows), job.imported, job.rejected)
    with db.uow(actor) as uow:
        job = _resumable_job(uow, actor, digest) or _new_job(
            uow, actor, path, digest, mode, len(parsed.rows)
        )
        resumed_from = job.last_row_done
        for number, status, reason in uow.session.execute(
            select(ImportRow.row_number, ImportRow.status, ImportRow.reason).where(
                ImportRow.job_id == job.id
            )
        ):
            outcomes[number] = (status, reason or "")  # rows settled before the interruption
        uow.commit()
    todo = [row for row in valid if row.row_number > resumed_from]
    for done, batch in _batches(todo):
        _commit_batch(db, actor, job.id, batch, dealers, outcomes)
        progress.report(done, len(todo), "import")
    with db.uow(actor) as uow:
        job = uow.session.get(ImportJob, job.id)
        _finish(uow, job, outcomes)
        uow.commit()
    return ImportSummary(
        job.id, "completed", len(parsed.rows), job.imported, job.rejected, resumed_from
    )


@retry_on_contention
def _commit_batch(db, actor, job_id: int, batch, dealers, outcomes) -> None:
    with db.uow(actor) as uow:
        job = uow.session.get(ImportJob, job_id, with_for_update=FOR_CHANGE)
        _insert_batch(uow, actor, job, batch, dealers, outcomes)
        uow.commit()  # the batch and the job's progress together


def _batches(rows: list) -> Iterator[tuple[int, list]]:
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        yield start + len(batch), batch


def _resumable_job(uow: UnitOfWork, actor: Actor, digest: str) -> ImportJob | None:
    return uow.session.scalar(
        select(ImportJob)
        .where(
            ImportJob.file_sha256 == digest,
            ImportJob.kind == "members",
            ImportJob.status == "running",
            ImportJob.started_by == actor.username,
        )
        .order_by(ImportJob.id.desc())
        .limit(1)
    )


def _new_job(uow, actor, path, digest, mode, total) -> ImportJob:
    job = ImportJob(
        kind="members",
        file_name=Path(path).name[:255],
        file_sha256=digest,
        mode=mode,
        status="running",
        total_rows=total,
        last_row_done=0,
        imported=0,
        rejected=0,
        started_by=actor.username,
        started_at=uow.now(),
    )
    uow.session.add(job)
    uow.session.flush()
    audit.record(
        uow,
        actor,
        "import_job",
        job.id,
        "start",
        after={"file": job.file_name, "rows": total, "mode": mode},
    )
    return job


def _insert_batch(uow, actor, job, batch, dealers, outcomes) -> None:
    """Members with RETURNING ids, then numbers, vehicles, tags, row outcomes, job progress."""
    session, now = uow.session, uow.now()
    member_rows = [_member_values(row.values, dealers, actor, now) for row in batch]
    ids = session.scalars(
        insert(Member).returning(Member.id, sort_by_parameter_order=True), member_rows
    ).all()
    numbered = [
        {
            "id": member_id,
            "member_number": row.values["member_number"] or make_member_number(member_id),
        }
        for member_id, row in zip(ids, batch, strict=True)
        if not row.values["member_number"]
    ]
    if numbered:
        session.execute(update(Member), numbered)
    vehicles, tags, results = [], [], []
    for member_id, row in zip(ids, batch, strict=True):
        values = row.values
        if values["vin"]:
            vehicles.append(
                {
                    "vin": values["vin"],
                    "vin_last6": values["vin"][-6:],
                    "member_id": member_id,
                    "model": values["vehicle_model"],
                    "plate": values["plate"],
                    "purchase_date": values["purchase_date"],
                    "dealer_id": dealers[values["dealer_code"]],
                    "purchase_amount_fen": values["purchase_amount"],
                }
            )
        tags += [{"member_id": member_id, "tag": tag} for tag in sorted(set(values["tags"] or []))]
        results.append(
            {
                "job_id": job.id,
                "row_number": row.row_number,
                "status": IMPORTED,
                "reason": None,
                "member_id": member_id,
            }
        )
        outcomes[row.row_number] = (IMPORTED, "")
    for model, rows in ((Vehicle, vehicles), (MemberTag, tags), (ImportRow, results)):
        if rows:
            session.execute(insert(model), rows)
    models = [(vehicle["member_id"], vehicle["model"]) for vehicle in vehicles]
    enrol_imported(uow, actor.username, models, programme_today(uow))
    job.last_row_done = batch[-1].row_number
    job.imported += len(batch)
    audit.record(
        uow,
        actor,
        "import_job",
        job.id,
        "batch",
        after={"rows": [batch[0].row_number, batch[-1].row_number], "members": [ids[0], ids[-1]]},
    )


def _member_values(values: dict, dealers: dict, actor: Actor, now) -> dict:
    pinyin, initials = name_search_keys(values["name"])
    mobile = values["mobile"]
    return {
        "member_number": values["member_number"] or f"tmp-{uuid.uuid4().hex[:14]}",
        "name": values["name"],
        "name_pinyin": pinyin,
        "name_initials": initials,
        "gender": values["gender"],
        "mobile": mobile,
        "mobile_last4": mobile[-4:],
        "resident_id": values["resident_id"],
        "province": values["province"],
        "city": values["city"],
        "birthday": values["birthday"],
        "join_date": values["join_date"],
        "dealer_id": dealers[values["dealer_code"]],
        "status": "active",
        "activated_on": values["join_date"],
        "source_channel": values["source_channel"],
        "interests": "[]",
        "privacy_consent_at": now,
        "privacy_consent_by": actor.username,
        "marketing_consent": bool(values["marketing_consent"]),
        "marketing_consent_at": now if values["marketing_consent"] else None,
        "created_at": now,
        "updated_at": now,
    }


def _finish(uow: UnitOfWork, job: ImportJob, outcomes: dict) -> None:
    errors = [(n, reason) for n, (status, reason) in outcomes.items() if status == ERROR]
    settled = set(
        uow.session.scalars(select(ImportRow.row_number).where(ImportRow.job_id == job.id))
    )
    rows = [
        {
            "job_id": job.id,
            "row_number": n,
            "status": ERROR,
            "reason": reason[:2000],
            "member_id": None,
        }
        for n, reason in errors
        if n not in settled
    ]
    for chunk in _chunks(rows, BATCH):
        uow.session.execute(insert(ImportRow), chunk)
    job.rejected = len(errors)
    job.status, job.finished_at = "completed", uow.now()
    audit.record(
        uow,
        job.started_by,
        "import_job",
        job.id,
        "finish",
        after={"imported": job.imported, "rejected": job.rejected},
    )


# --- export ---------------------------------------------------------------------------------


def export_members(
    db: Database,
    actor: Actor,
    flt: MemberFilter,
    path: Path,
    progress: Progress | None = None,
    language: excel.Language = "zh_CN",
    limit: int | None = None,
) -> int:
    """Members matching the filter (the first ``limit`` of them), masked unless this user may
    see their personal data."""
    require(actor, Permission.VIEW_MEMBERS)
    progress = progress or Progress()

    def rows():
        after, left = None, limit
        while left is None or left > 0:
            page = search(db, actor, flt, after=after, limit=min(2_000, left or 2_000))
            if left is not None:
                left -= len(page)
            if not page:
                return
            for row in page:
                yield {
                    "member_number": row.member_number,
                    "name": row.name,
                    "mobile": row.mobile,
                    "gender": row.gender,
                    "dealer_code": row.dealer_code,
                    "join_date": row.join_date,
                }
            after = (page[-1].member_number,)

    columns = [
        excel.COLUMN_BY_KEY[k]
        for k in ("member_number", "name", "mobile", "gender", "dealer_code", "join_date")
    ]
    count = excel.write_members_export(
        path, rows(), columns, language=language, progress=lambda n: progress.report(n, n, "export")
    )
    with db.uow(actor) as uow:
        audit.record(
            uow,
            actor,
            "member",
            "export",
            "export",
            after={"rows": count, "filter": _audited_filter(flt)},
        )
        uow.commit()
    return count


def _audited_filter(flt: MemberFilter) -> dict:
    """The export's filter as the audit trail keeps it: the search text masked (PIPL)."""
    values = json.loads(json.dumps(flt.__dict__, default=str))
    values["text"] = masked_search_text(flt.text)
    return values
