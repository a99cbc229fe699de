"""Members: the import template, the import and the export."""

from __future__ import annotations

from pathlib import Path

from app.cli.common import acting_user, dealer_id, open_db, terminal_progress
from app.cli.i18n import fill
from app.domain.members import STATUSES
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.members import MemberFilter
from app.services.members import workbooks as member_workbooks


def add_commands(commands) -> None:
    members = commands.add_parser("members", help=QT_TRANSLATE_NOOP("Cli", "members"))
    members.set_defaults(run=run)
    actions = members.add_subparsers(dest="members_command", required=True)
    import_cmd = actions.add_parser(
        "import", help=QT_TRANSLATE_NOOP("Cli", "import members from an .xlsx file")
    )
    import_cmd.add_argument("file", type=Path)
    import_cmd.add_argument(
        "--dry-run", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "check only, write nothing")
    )
    import_cmd.add_argument(
        "--report", type=Path, help=QT_TRANSLATE_NOOP("Cli", "write a result workbook here")
    )
    import_cmd.add_argument(
        "--all-or-nothing",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "import nothing if any row is invalid"),
    )
    export_cmd = actions.add_parser(
        "export",
        help=QT_TRANSLATE_NOOP(
            "Cli", "export members to .xlsx (masked unless you may see personal data)"
        ),
    )
    export_cmd.add_argument("file", type=Path)
    export_cmd.add_argument(
        "--search", default="", help=QT_TRANSLATE_NOOP("Cli", "search text, as in the app")
    )
    export_cmd.add_argument("--status", choices=[s.value for s in STATUSES])
    export_cmd.add_argument("--dealer", metavar="CODE")
    export_cmd.add_argument("--tag")
    template_cmd = actions.add_parser(
        "template", help=QT_TRANSLATE_NOOP("Cli", "write the import template")
    )
    template_cmd.add_argument("file", type=Path)
    template_cmd.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")


def run(args) -> int:
    if args.members_command == "template":
        member_workbooks.write_template(args.file, args.lang)
        print(fill(QT_TRANSLATE_NOOP("Cli", "template written: {file}"), file=args.file))
        return 0
    db = open_db(args)
    actor = acting_user(args, db)
    if args.members_command == "export":
        dealer = dealer_id(db, actor, args.dealer) if args.dealer else None
        flt = MemberFilter(text=args.search, status=args.status, dealer_id=dealer, tag=args.tag)
        count = member_workbooks.export_members(db, actor, flt, args.file, terminal_progress())
        text = QT_TRANSLATE_NOOP("Cli", "{n:,} members exported to {file}")
        print(fill(text, n=count, file=args.file))
        return 0
    mode = "all_or_nothing" if args.all_or_nothing else "valid_rows"
    summary = member_workbooks.import_members(
        db, actor, args.file, mode=mode, dry_run=args.dry_run, report=args.report,
        progress=terminal_progress(),
    )  # fmt: skip
    resumed = (
        fill(QT_TRANSLATE_NOOP("Cli", " (resumed after row {row})"), row=summary.resumed_from_row)
        if summary.resumed_from_row
        else ""
    )
    text = QT_TRANSLATE_NOOP(
        "Cli", "{status}: {total:,} rows, {imported:,} imported, {rejected:,} with errors"
    )
    print(
        fill(text, status=summary.status, total=summary.total, imported=summary.imported,
             rejected=summary.rejected) + resumed
    )  # fmt: skip
    if summary.report:
        print(fill(QT_TRANSLATE_NOOP("Cli", "result workbook: {file}"), file=summary.report))
    return 0 if summary.rejected == 0 else 3
