"""Points: the batch jobs, the documents import, reminders, statements and the ledger check."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import acting_user, iso_date, member_id, open_db, terminal_progress
from app.domain.roles import Actor
from app.services import points
from app.services.points import documents_import
from app.services.shared.database import Database


def add_commands(commands) -> None:
    points_cmd = commands.add_parser("points", help="points ledger jobs")
    points_cmd.set_defaults(run=run)
    actions = points_cmd.add_subparsers(dest="points_command", required=True)
    expire = actions.add_parser(
        "expire", help="expire lots that ended before the date (idempotent; needs an admin)"
    )
    expire.add_argument("--as-of", type=iso_date, help="YYYY-MM-DD (default: today)")
    actions.add_parser(
        "initial", help="grant initial points for the service spend of the year before launch"
    )
    documents = actions.add_parser(
        "import", help="record service/purchase documents from a dealer system export (.xlsx)"
    )
    documents.add_argument("file", type=Path)
    documents.add_argument("--dry-run", action="store_true", help="check only, post nothing")
    documents.add_argument("--report", type=Path, help="write a result workbook here")
    template = actions.add_parser("template", help="write the documents import template")
    template.add_argument("file", type=Path)
    template.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    expiring = actions.add_parser(
        "expiring", help="members with points expiring soon, to .xlsx for reminders"
    )
    expiring.add_argument("file", type=Path)
    expiring.add_argument("--months", type=int, help="window in months (default: the setting)")
    statement = actions.add_parser("statement", help="a member's points statement (PDF)")
    statement.add_argument("member_number")
    statement.add_argument("file", type=Path)
    statement.add_argument("--from", dest="start", type=iso_date, required=True)
    statement.add_argument("--to", dest="end", type=iso_date, required=True)
    statement.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")

    ledger_cmd = commands.add_parser("ledger", help="points ledger checks")
    ledger_cmd.set_defaults(run=verify_ledger)
    ledger_cmd.add_subparsers(dest="ledger_command", required=True).add_parser(
        "verify", help="check balances, holds and lots against the entries; exit 1 naming members"
    )


def run(args) -> int:
    if args.points_command == "template":
        documents_import.write_template(args.file, args.lang)
        print(f"template written: {args.file}")
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
    done = f" before (run {result.run_id}); nothing changed now" if result.repeated else ""
    print(
        f"expiry as of {result.as_of}: {result.lots:,} lots, {result.points:,} points expired{done}"
    )
    return 0


def _grant_initial(db: Database, actor: Actor, args) -> int:
    granted = points.grant_initial_points(db, actor, terminal_progress())
    done = f" before (run {granted.run_id}); nothing changed now" if granted.repeated else ""
    print(f"{granted.points:,} initial points granted to {granted.members:,} members{done}")
    return 0


def _export_expiring(db: Database, actor: Actor, args) -> int:
    count = points.export_expiring(db, actor, args.file, args.months)
    print(f"{count:,} rows written to {args.file}")
    return 0


def _print_statement(db: Database, actor: Actor, args) -> int:
    member = member_id(db, actor, args.member_number)
    points.print_statement(db, actor, member, args.start, args.end, args.file, None, args.lang)
    print(f"statement written: {args.file}")
    return 0


def _import_documents(db: Database, actor: Actor, args) -> int:
    summary = documents_import.import_transactions(
        db, actor, args.file, dry_run=args.dry_run, report=args.report,
        progress=terminal_progress(),
    )  # fmt: skip
    print(
        f"{summary.total:,} rows: {summary.imported:,} imported ({summary.points:,} points), "
        f"{summary.already:,} already recorded, {summary.rejected:,} with errors"
    )
    if summary.report:
        print(f"result workbook: {summary.report}")
    return 0 if summary.rejected == 0 else 3


def verify_ledger(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    problems = points.verify_ledger(db, actor, terminal_progress())
    unguarded = points.ledger_guard_problems(db, actor)
    for problem in unguarded:
        print(f"ledger UNGUARDED: database guard {problem}", file=sys.stderr)
    if not problems and not unguarded:
        print("ledger consistent: every balance, hold and lot agrees with the entries")
        return 0
    for p in problems:
        print(
            f"member {p.member_number} (id {p.member_id}): {p.problem} is {p.found:,}, "
            f"the entries say {p.expected:,}",
            file=sys.stderr,
        )
    if problems:
        members = len({p.member_id for p in problems})
        print(f"ledger INCONSISTENT for {members:,} members", file=sys.stderr)
    return 1
