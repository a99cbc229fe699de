"""Batch import of service and purchase documents from a dealer system export (.xlsx).

Each valid row is recorded like the counter screen does (``points.record_service``), in its
own transaction, under a request id derived from the dealer and document number: importing
the same file again, or resuming after a cancel or a crash, never earns a document twice.
Every row gets a result (imported, already imported, error) in the optional result workbook.

A document dated before the launch is imported as history: it earns no points of its own,
and its service spend counts toward the member's initial points (``points initial``), summed
over the year before the launch and converted once.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.adapters import document_workbooks as excel
from app.adapters.workbooks.columns import Language
from app.db.models import Dealer, Member
from app.domain.errors import Conflict, LoyaltyError
from app.domain.roles import Actor, Permission, require
from app.services.members.workbooks import FileRejected
from app.services.points import counter as points
from app.services.shared.database import Database
from app.services.shared.progress import Progress
from app.services.shared.scope import programme_today

IMPORTED, ALREADY, ERROR = "imported", "already_imported", excel.STATUS_ERROR
LOOKUP_BATCH = 500
HISTORY = "dated before the launch, no points of its own; counts toward initial points"


@dataclass(frozen=True)
class TransactionSummary:
    total: int
    imported: int
    already: int  # recorded before (same dealer and document): nothing posted again
    rejected: int
    points: int
    report: Path | None = None
    history: int = 0  # of the imported: dated before the launch, kept for initial points


def write_template(path: Path, language: Language = "zh_CN") -> Path:
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
    with db.reader(actor) as uow:
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
    earned = history = 0
    rows = parsed.rows
    members = _members_named(db, [row.values for row in rows if not row.errors])
    try:
        for done, row in enumerate(rows, 1):
            if row.errors:
                outcome = (ERROR, excel.tx_row_reason(row))
            else:
                outcome, points_, was_history = _import_row(
                    db, actor, row.values, dealers, members, dry_run
                )
                earned += points_
                history += was_history and outcome[0] == IMPORTED
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
        len(rows), counts[IMPORTED], counts[ALREADY], counts[ERROR], earned, report, history
    )


def _import_row(
    db: Database,
    actor: Actor,
    values: dict,
    dealers: dict[str, int],
    members: _Members,
    dry_run: bool,
) -> tuple[tuple[str, str], int, bool]:
    """The row's outcome, the points it earned and whether it is pre-launch history."""
    dealer_id = dealers.get(values["dealer_code"])
    if dealer_id is None:
        return (ERROR, "unknown or inactive dealer code"), 0, False
    member_id, problem = members.find(values)
    if problem or member_id is None:
        return (ERROR, problem or ""), 0, False
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
            return (ERROR, "a document of another dealer: ask headquarters to import it"), 0, False
        if dry_run:
            preview = points.preview_service(db, actor, data)
            if preview.history:
                return ("dry_run", f"would be history: {HISTORY}"), 0, True
            return ("dry_run", f"would earn {preview.points} points"), 0, False
        result = points.record_service(db, actor, data)
    except Conflict as exc:  # recorded before, at the counter or by another file
        return (ALREADY, str(exc)), 0, False
    except LoyaltyError as exc:
        return (ERROR, str(exc)), 0, False
    if result.repeated:
        return (ALREADY, "imported before; nothing posted again"), 0, False
    if result.history:
        return (IMPORTED, f"history: {HISTORY}"), 0, True
    return (IMPORTED, f"{result.points} points"), result.points, False


@dataclass(frozen=True)
class _Members:
    """The file's members, looked up once: member number → (id, mobile), mobile → id."""

    by_number: dict[str, tuple[int, str | None]]
    by_mobile: dict[str, int]

    def find(self, values: dict) -> tuple[int | None, str | None]:
        number, mobile = values.get("member_number"), values.get("mobile")
        if number:
            member_id, its_mobile = self.by_number.get(number, (None, None))
            if member_id is not None and mobile and its_mobile != mobile:
                return None, "the member number and the mobile belong to different members"
        else:
            member_id = self.by_mobile.get(mobile) if mobile else None
        if member_id is None:
            return None, "no member with this member number or mobile"
        return member_id, None


def _members_named(db: Database, rows: list[dict]) -> _Members:
    """One query per 500 keys instead of one per row."""
    numbers = sorted({r["member_number"] for r in rows if r.get("member_number")})
    mobiles = sorted({r["mobile"] for r in rows if not r.get("member_number") and r.get("mobile")})
    found: list[tuple[int, str | None, str]] = []
    with db.reader() as uow:
        for column, keys in ((Member.member_number, numbers), (Member.mobile, mobiles)):
            for start in range(0, len(keys), LOOKUP_BATCH):
                batch = keys[start : start + LOOKUP_BATCH]
                query = select(Member.id, Member.mobile, Member.member_number)
                found += uow.session.execute(query.where(column.in_(batch))).all()
    return _Members(
        {number: (member_id, mobile) for member_id, mobile, number in found},
        {mobile: member_id for member_id, mobile, _number in found if mobile},
    )


def _request_uid(dealer_code: str, document_no: str) -> str:
    """The same document of the same dealer always gets the same id (safe to re-import)."""
    digest = hashlib.sha1(f"{dealer_code}\x1f{document_no}".encode()).hexdigest()
    return f"imp-{digest}"  # ":" is kept for the suffixes the ledger adds
