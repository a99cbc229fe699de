"""Members: the import template, the import and the export."""

from __future__ import annotations

from pathlib import Path

from app.cli.common import acting_user, dealer_id, open_db, terminal_progress
from app.domain.members import STATUSES
from app.services.members import MemberFilter
from app.services.members import workbooks as member_workbooks


def add_commands(commands) -> None:
    members = commands.add_parser("members", help="members")
    members.set_defaults(run=run)
    actions = members.add_subparsers(dest="members_command", required=True)
    import_cmd = actions.add_parser("import", help="import members from an .xlsx file")
    import_cmd.add_argument("file", type=Path)
    import_cmd.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    import_cmd.add_argument("--report", type=Path, help="write a result workbook here")
    import_cmd.add_argument(
        "--all-or-nothing", action="store_true", help="import nothing if any row is invalid"
    )
    export_cmd = actions.add_parser(
        "export", help="export members to .xlsx (masked unless you may see personal data)"
    )
    export_cmd.add_argument("file", type=Path)
    export_cmd.add_argument("--search", default="", help="search text, as in the app")
    export_cmd.add_argument("--status", choices=[s.value for s in STATUSES])
    export_cmd.add_argument("--dealer", metavar="CODE")
    export_cmd.add_argument("--tag")
    template_cmd = actions.add_parser("template", help="write the import template")
    template_cmd.add_argument("file", type=Path)
    template_cmd.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")


def run(args) -> int:
    if args.members_command == "template":
        member_workbooks.write_template(args.file, args.lang)
        print(f"template written: {args.file}")
        return 0
    db = open_db(args)
    actor = acting_user(args, db)
    if args.members_command == "export":
        dealer = dealer_id(db, actor, args.dealer) if args.dealer else None
        flt = MemberFilter(text=args.search, status=args.status, dealer_id=dealer, tag=args.tag)
        count = member_workbooks.export_members(db, actor, flt, args.file, terminal_progress())
        print(f"{count:,} members exported to {args.file}")
        return 0
    mode = "all_or_nothing" if args.all_or_nothing else "valid_rows"
    summary = member_workbooks.import_members(
        db, actor, args.file, mode=mode, dry_run=args.dry_run, report=args.report,
        progress=terminal_progress(),
    )  # fmt: skip
    resumed = f" (resumed after row {summary.resumed_from_row})" if summary.resumed_from_row else ""
    print(
        f"{summary.status}: {summary.total:,} rows, {summary.imported:,} imported, "
        f"{summary.rejected:,} with errors{resumed}"
    )
    if summary.report:
        print(f"result workbook: {summary.report}")
    return 0 if summary.rejected == 0 else 3
