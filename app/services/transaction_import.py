"""Batch import of service and purchase documents from a dealer system export (.xlsx).

Each valid row is recorded like the counter screen does (``points.record_service``), in its
own transaction, under a request id derived from the dealer and document number: importing
the same file again, or resuming after a cancel or a crash, never earns a document twice.
Every row gets a result (imported, already imported, error) in the optional result workbook.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.adapters import points_excel as excel
from app.db.models import Dealer, Member
from app.domain.errors import Conflict, LoyaltyError
from app.domain.roles import Actor, Permission, require
from app.services import points
from app.services.database import Database
from app.services.member_import import FileRejected
from app.services.members import programme_today
from app.services.progress import Progress

IMPORTED, ALREADY, ERROR = "imported", "already_imported", excel.STATUS_ERROR


@dataclass(frozen=True)
class TransactionSummary:
    total: int
    imported: int
    already: int  # recorded before (same dealer and document): nothing posted again
    rejected: int
    points: int
    report: Path | None = None


def write_template(path: Path, language: str = "zh_CN") -> Path:
    return excel.write_transactions_template(path, language)


def import_transactions(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    dry_run: bool = False,
    report: Path | None = None,
    progress: Progress | None = None,
) -> TransactionSummary:
    require(actor, Permission.POST_POINTS)
    progress = progress or Progress()
    with db.reader() as uow:
        today = programme_today(uow)
        query = select(Dealer.code, Dealer.id).where(Dealer.active)
        dealers = {code: dealer_id for code, dealer_id in uow.session.execute(query)}
    parsed = excel.read_transactions(
        path, today=today, progress=lambda done, total: progress.report(done, total, "read")
    )
    if parsed.file_errors:
        raise FileRejected(list(parsed.file_errors))
    outcomes: dict[int, tuple[str, str]] = {}
    counts = {IMPORTED: 0, ALREADY: 0, ERROR: 0}
    earned = 0
    rows = parsed.rows
    try:
        for done, row in enumerate(rows, 1):
            if row.errors:
                outcome = (ERROR, excel.tx_row_reason(row))
            else:
                outcome, points_ = _import_row(db, actor, row.values, dealers, dry_run)
                earned += points_
            outcomes[row.row_number] = outcome
            counts[outcome[0]] = counts.get(outcome[0], 0) + 1
            if done % 50 == 0 or done == len(rows):
                progress.report(done, len(rows), "rows")
    finally:  # also after a cancel: the user gets the rows done so far and their results
        if report:
            excel.write_transaction_results(
                report, excel.transaction_outcomes(parsed, outcomes), parsed.headers
            )
    return TransactionSummary(
        len(rows), counts[IMPORTED], counts[ALREADY], counts[ERROR], earned, report
    )


def _import_row(
    db: Database, actor: Actor, values: dict, dealers: dict[str, int], dry_run: bool
) -> tuple[tuple[str, str], int]:
    dealer_id = dealers.get(values["dealer_code"])
    if dealer_id is None:
        return (ERROR, "unknown or inactive dealer code"), 0
    member_id, problem = _member_id(db, values)
    if problem:
        return (ERROR, problem), 0
    try:
        data = points.ServiceInput(
            member_id,
            dealer_id if actor.is_headquarters else None,
            values["document_no"],
            values["business_date"],
            values["amount_fen"],
            values["kind"],
            _request_uid(values["dealer_code"], values["document_no"]),
        )
        if not actor.is_headquarters and dealer_id != actor.dealer_id:
            return (ERROR, "a document of another dealer: ask headquarters to import it"), 0
        if dry_run:
            preview = points.preview_service(db, actor, data)
            return ("dry_run", f"would earn {preview.points} points"), 0
        result = points.record_service(db, actor, data)
    except Conflict as exc:  # recorded before, at the counter or by another file
        return (ALREADY, str(exc)), 0
    except LoyaltyError as exc:
        return (ERROR, str(exc)), 0
    if result.repeated:
        return (ALREADY, "imported before; nothing posted again"), 0
    return (IMPORTED, f"{result.points} points"), result.points


def _member_id(db: Database, values: dict) -> tuple[int | None, str | None]:
    with db.reader() as uow:
        query = select(Member.id, Member.mobile, Member.member_number)
        if values.get("member_number"):
            query = query.where(Member.member_number == values["member_number"])
        else:
            query = query.where(Member.mobile == values.get("mobile"))
        row = uow.session.execute(query).first()
    if row is None:
        return None, "no member with this member number or mobile"
    if values.get("mobile") and values.get("member_number") and row.mobile != values["mobile"]:
        return None, "the member number and the mobile belong to different members"
    return row.id, None


def _request_uid(dealer_code: str, document_no: str) -> str:
    """The same document of the same dealer always gets the same id (safe to re-import)."""
    digest = hashlib.sha1(f"{dealer_code}\x1f{document_no}".encode()).hexdigest()
    return f"imp:{digest}"
