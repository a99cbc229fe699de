"""Points: the batch jobs, the documents import, reminders, statements and the ledger check."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli import i18n
from app.cli.common import acting_user, iso_date, member_id, open_db, terminal_progress
from app.cli.i18n import fill
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import points
from app.services.points import documents_import
from app.services.shared.database import Database

# The columns and sheet of the expiring-soon workbook: the English of
# app.adapters.document_workbooks.EXPIRING_HEADERS and EXPIRING_SHEET (which the command line
# may not import), translated in their context.
EXPORT = "PointsExport"
EXPIRING_HEADERS = (
    QT_TRANSLATE_NOOP("PointsExport", "Member number"),
    QT_TRANSLATE_NOOP("PointsExport", "Name"),
    QT_TRANSLATE_NOOP("PointsExport", "Mobile"),
    QT_TRANSLATE_NOOP("PointsExport", "Dealer"),
    QT_TRANSLATE_NOOP("PointsExport", "Points"),
    QT_TRANSLATE_NOOP("PointsExport", "Expires on"),
)
EXPIRING_SHEET = QT_TRANSLATE_NOOP("PointsExport", "Expiring points")


def add_commands(commands) -> None:
    points_cmd = commands.add_parser("points", help=QT_TRANSLATE_NOOP("Cli", "points ledger jobs"))
    points_cmd.set_defaults(run=run)
    actions = points_cmd.add_subparsers(dest="points_command", required=True)
    expire = actions.add_parser(
        "expire",
        help=QT_TRANSLATE_NOOP(
            "Cli", "expire lots that ended before the date (idempotent; needs an admin)"
        ),
    )
    expire.add_argument(
        "--as-of", type=iso_date, help=QT_TRANSLATE_NOOP("Cli", "YYYY-MM-DD (default: today)")
    )
    actions.add_parser(
        "initial",
        help=QT_TRANSLATE_NOOP(
            "Cli", "grant initial points for the service spend of the year before launch"
        ),
    )
    documents = actions.add_parser(
        "import",
        help=QT_TRANSLATE_NOOP(
            "Cli", "record service/purchase documents from a dealer system export (.xlsx)"
        ),
    )
    documents.add_argument("file", type=Path)
    documents.add_argument(
        "--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "check only, post nothing")
    )
    documents.add_argument(
        "--report", type=Path, help=QT_TRANSLATE_NOOP("Cli", "write a result workbook here")
    )
    template = actions.add_parser(
        "template", help=QT_TRANSLATE_NOOP("Cli", "write the documents import template")
    )
    template.add_argument("file", type=Path)
    template.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    expiring = actions.add_parser(
        "expiring",
        help=QT_TRANSLATE_NOOP("Cli", "members with points expiring soon, to .xlsx for reminders"),
    )
    expiring.add_argument("file", type=Path)
    expiring.add_argument(
        "--months",
        type=int,
        help=QT_TRANSLATE_NOOP("Cli", "window in months (default: the setting)"),
    )
    statement = actions.add_parser(
        "statement", help=QT_TRANSLATE_NOOP("Cli", "a member's points statement (PDF)")
    )
    statement.add_argument("member_number")
    statement.add_argument("file", type=Path)
    statement.add_argument("--from", dest="start", type=iso_date, required=True)
    statement.add_argument("--to", dest="end", type=iso_date, required=True)
    statement.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")

    ledger_cmd = commands.add_parser(
        "ledger", help=QT_TRANSLATE_NOOP("Cli", "points ledger checks")
    )
    ledger_cmd.set_defaults(run=verify_ledger)
    ledger_cmd.add_subparsers(dest="ledger_command", required=True).add_parser(
        "verify",
        help=QT_TRANSLATE_NOOP(
            "Cli", "check balances, holds and lots against the entries; exit 1 naming members"
        ),
    )


def run(args) -> int:
    if args.points_command == "template":
        documents_import.write_template(args.file, args.lang)
        print(fill(QT_TRANSLATE_NOOP("Cli", "template written: {file}"), file=args.file))
        return 0
    db = open_db(args)
    actor = acting_user(args, db)
    command = {
        "import": _import_documents, "initial": _grant_initial, "expiring": _export_expiring,
        "statement": _print_statement, "expire": _expire,
    }[args.points_command]  # fmt: skip
    return command(db, actor, args)


def _expire(db: Database, actor: Actor, args) -> int:
    result = points.expire_points(db, actor, args.as_of, terminal_progress())
    text = (
        QT_TRANSLATE_NOOP(
            "Cli",
            "expiry as of {date}: {lots:,} lots, {points:,} points expired before (run {run}); "
            "nothing changed now",
        )
        if result.repeated
        else QT_TRANSLATE_NOOP(
            "Cli", "expiry as of {date}: {lots:,} lots, {points:,} points expired"
        )
    )
    print(fill(text, date=result.as_of, lots=result.lots, points=result.points, run=result.run_id))
    return 0


def _grant_initial(db: Database, actor: Actor, args) -> int:
    granted = points.grant_initial_points(db, actor, terminal_progress())
    text = (
        QT_TRANSLATE_NOOP(
            "Cli",
            "{points:,} initial points granted to {members:,} members before (run {run}); "
            "nothing changed now",
        )
        if granted.repeated
        else QT_TRANSLATE_NOOP("Cli", "{points:,} initial points granted to {members:,} members")
    )
    print(fill(text, points=granted.points, members=granted.members, run=granted.run_id))
    return 0


def _export_expiring(db: Database, actor: Actor, args) -> int:
    headers = [i18n.lookup(EXPORT, header) for header in EXPIRING_HEADERS]
    title = i18n.lookup(EXPORT, EXPIRING_SHEET)
    count = points.export_expiring(db, actor, args.file, args.months, headers, title)
    print(fill(QT_TRANSLATE_NOOP("Cli", "{n:,} rows written to {file}"), n=count, file=args.file))
    return 0


def _print_statement(db: Database, actor: Actor, args) -> int:
    member = member_id(db, actor, args.member_number)
    points.print_statement(db, actor, member, args.start, args.end, args.file, None, args.lang)
    print(fill(QT_TRANSLATE_NOOP("Cli", "statement written: {file}"), file=args.file))
    return 0


def _import_documents(db: Database, actor: Actor, args) -> int:
    summary = documents_import.import_transactions(
        db, actor, args.file, dry_run=args.dry_run, report=args.report,
        progress=terminal_progress(),
    )  # fmt: skip
    text = QT_TRANSLATE_NOOP(
        "Cli",
        "{total:,} rows: {imported:,} imported ({points:,} points), "
        "{already:,} already recorded, {rejected:,} with errors",
    )
    print(
        fill(text, total=summary.total, imported=summary.imported, points=summary.points,
             already=summary.already, rejected=summary.rejected)
    )  # fmt: skip
    if summary.history:
        text = QT_TRANSLATE_NOOP(
            "Cli", "{n:,} documents before the launch kept as history for initial points"
        )
        print(fill(text, n=summary.history))
    if summary.report:
        print(fill(QT_TRANSLATE_NOOP("Cli", "result workbook: {file}"), file=summary.report))
    return 0 if summary.rejected == 0 else 3


def verify_ledger(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    problems = points.verify_ledger(db, actor, terminal_progress())
    unguarded = points.ledger_guard_problems(db, actor)
    for problem in unguarded:
        text = QT_TRANSLATE_NOOP("Cli", "ledger UNGUARDED: database guard {problem}")
        print(fill(text, problem=problem), file=sys.stderr)
    if not problems and not unguarded:
        text = QT_TRANSLATE_NOOP(
            "Cli", "ledger consistent: every balance, hold and lot agrees with the entries"
        )
        print(fill(text))
        return 0
    for p in problems:
        text = QT_TRANSLATE_NOOP(
            "Cli", "member {number} (id {id}): {problem} is {found:,}, the entries say {expected:,}"
        )
        print(
            fill(text, number=p.member_number, id=p.member_id, problem=p.problem, found=p.found,
                 expected=p.expected),
            file=sys.stderr,
        )  # fmt: skip
    if problems:
        members = len({p.member_id for p in problems})
        text = QT_TRANSLATE_NOOP("Cli", "ledger INCONSISTENT for {n:,} members")
        print(fill(text, n=members), file=sys.stderr)
    return 1
