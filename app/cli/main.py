"""``loyalty``: the headless command line. Same services as the GUI; never imports Qt."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from datetime import date
from pathlib import Path

from app import __version__
from app.config import demo_db_path, resolve_db_url, sqlite_url
from app.domain.audit_checkpoints import CheckpointReport
from app.domain.errors import AuthenticationFailed, LoyaltyError
from app.domain.roles import Actor, Role
from app.services import approvals, demo, points, runs, staff
from app.services import members as members_service
from app.services import settings as programme_settings
from app.services.demo import rebuilding
from app.services.members import MemberFilter
from app.services.members import workbooks as member_import
from app.services.points import documents_import as transaction_import
from app.services.settings import backups
from app.services.shared import audit
from app.services.shared.database import Database, open_database
from app.services.shared.progress import Progress
from app.services.staff import auth

PASSWORD_ENV = "LOYALTY_PASSWORD"
NEW_PASSWORD_ENV = "LOYALTY_NEW_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loyalty", description="Loyalty Desk command line")
    parser.add_argument("--version", action="version", version=f"loyalty {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USER",
        help=f"staff user running the command (password: ${PASSWORD_ENV})",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="create or upgrade the schema")
    init.add_argument("--admin", metavar="USER", help=f"create the first admin (${PASSWORD_ENV})")
    init.add_argument("--display-name", default="Administrator")

    demo_cmd = commands.add_parser("demo", help="build a demo database")
    demo_cmd.add_argument("--members", type=int, default=2000)
    demo_cmd.add_argument("--seed", type=int, default=1)
    demo_cmd.add_argument(
        "--replace", action="store_true", help="rebuild an existing demo database (needs --as)"
    )

    audit_cmd = commands.add_parser("audit", help="audit trail (as a user with audit access)")
    audit_commands = audit_cmd.add_subparsers(dest="audit_command", required=True)
    verify_cmd = audit_commands.add_parser(
        "verify",
        help="check the hash chain, its database guards and the checkpoints; "
        "exit 1 naming the first broken entry, failed checkpoint or missing guard",
    )
    verify_cmd.add_argument(
        "--against", type=Path, metavar="FILE", help="also compare with the checkpoints in FILE"
    )
    audit_commands.add_parser(
        "checkpoint", help="write the chain's head to a file to keep outside the database"
    ).add_argument("file", type=Path)

    backup_cmd = commands.add_parser(
        "backup", help="online backup of an SQLite database into a new file (or a folder)"
    )
    backup_cmd.add_argument("path", type=Path)

    dealers = commands.add_parser("dealers", help="dealers").add_subparsers(
        dest="dealers_command", required=True
    )
    dealers.add_parser("list")
    add_dealer = dealers.add_parser("add")
    for name in ("code", "name", "region", "province", "city"):
        add_dealer.add_argument(f"--{name}", required=True)

    users = commands.add_parser("users", help="staff users").add_subparsers(
        dest="users_command", required=True
    )
    users.add_parser("list")
    add_user = users.add_parser("add", help=f"one-time password from ${NEW_PASSWORD_ENV}")
    add_user.add_argument("username")
    add_user.add_argument("--name", required=True)
    add_user.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--dealer", metavar="CODE")
    reset = users.add_parser("reset-password", help=f"one-time password from ${NEW_PASSWORD_ENV}")
    reset.add_argument("username")

    members_cmd = commands.add_parser("members", help="members").add_subparsers(
        dest="members_command", required=True
    )
    import_cmd = members_cmd.add_parser("import", help="import members from an .xlsx file")
    import_cmd.add_argument("file", type=Path)
    import_cmd.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    import_cmd.add_argument("--report", type=Path, help="write a result workbook here")
    import_cmd.add_argument(
        "--all-or-nothing", action="store_true", help="import nothing if any row is invalid"
    )
    export_cmd = members_cmd.add_parser(
        "export", help="export members to .xlsx (masked unless you may see personal data)"
    )
    export_cmd.add_argument("file", type=Path)
    export_cmd.add_argument("--search", default="", help="search text, as in the app")
    export_cmd.add_argument("--status", choices=["pre_registered", "active", "frozen", "closed"])
    export_cmd.add_argument("--dealer", metavar="CODE")
    export_cmd.add_argument("--tag")
    template_cmd = members_cmd.add_parser("template", help="write the import template")
    template_cmd.add_argument("file", type=Path)
    template_cmd.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")

    points_cmd = commands.add_parser("points", help="points ledger jobs").add_subparsers(
        dest="points_command", required=True
    )
    expire_cmd = points_cmd.add_parser(
        "expire", help="expire lots that ended before the date (idempotent; needs an admin)"
    )
    expire_cmd.add_argument("--as-of", type=_iso_date, help="YYYY-MM-DD (default: today)")
    points_cmd.add_parser(
        "initial", help="grant initial points for the service spend of the year before launch"
    )
    tx_import = points_cmd.add_parser(
        "import", help="record service/purchase documents from a dealer system export (.xlsx)"
    )
    tx_import.add_argument("file", type=Path)
    tx_import.add_argument("--dry-run", action="store_true", help="check only, post nothing")
    tx_import.add_argument("--report", type=Path, help="write a result workbook here")
    tx_template = points_cmd.add_parser("template", help="write the documents import template")
    tx_template.add_argument("file", type=Path)
    tx_template.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")
    expiring = points_cmd.add_parser(
        "expiring", help="members with points expiring soon, to .xlsx for reminders"
    )
    expiring.add_argument("file", type=Path)
    expiring.add_argument("--months", type=int, help="window in months (default: the setting)")
    statement_cmd = points_cmd.add_parser("statement", help="a member's points statement (PDF)")
    statement_cmd.add_argument("member_number")
    statement_cmd.add_argument("file", type=Path)
    statement_cmd.add_argument("--from", dest="start", type=_iso_date, required=True)
    statement_cmd.add_argument("--to", dest="end", type=_iso_date, required=True)
    statement_cmd.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN")

    _approvals_parser(commands)
    runs_cmd = commands.add_parser("runs", help="batch runs").add_subparsers(
        dest="runs_command", required=True
    )
    runs_list = runs_cmd.add_parser("list", help="the newest batch runs first")
    runs_list.add_argument("--kind", help="e.g. points_expiry, initial_points")

    ledger_cmd = commands.add_parser("ledger", help="points ledger checks")
    ledger_cmd.add_subparsers(dest="ledger_command", required=True).add_parser(
        "verify", help="check balances, holds and lots against the entries; exit 1 naming members"
    )

    commands.add_parser(
        "passwd", help=f"change your own password (new one from ${NEW_PASSWORD_ENV} or a prompt)"
    )

    settings_cmd = commands.add_parser("settings", help="programme settings").add_subparsers(
        dest="settings_command", required=True
    )
    settings_cmd.add_parser("show")
    set_cmd = settings_cmd.add_parser("set")
    set_cmd.add_argument("key")
    set_cmd.add_argument("value")
    return parser


def _approvals_parser(commands) -> None:
    approvals_cmd = commands.add_parser(
        "approvals", help="requests waiting for a decision (maker-checker)"
    ).add_subparsers(dest="approvals_command", required=True)
    listing = approvals_cmd.add_parser("list", help="requests you may see, newest first")
    listing.add_argument("--kind", help="e.g. points_adjustment")
    listing.add_argument(
        "--status", default="pending",
        choices=["pending", "approved", "rejected", "lapsed", "cancelled", "all"],
    )  # fmt: skip
    listing.add_argument("--requester", metavar="USER")
    for name, help_text in (("approve", "approve and apply a request"),
                            ("reject", "reject a request (a note is required)"),
                            ("cancel", "withdraw your own request")):  # fmt: skip
        action = approvals_cmd.add_parser(name, help=help_text)
        action.add_argument("request_id", type=int)
        action.add_argument("--note", default="")
    approvals_cmd.add_parser("lapse", help="lapse requests left undecided too long")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except LoyaltyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from exc


def _secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise LoyaltyError(f"set {env} or run in a terminal to be asked for the password")
    return getpass.getpass(prompt)


def _open(args) -> Database:
    return open_database(resolve_db_url(args.db))


def _sign_in(args, db: Database) -> tuple[Actor, str]:
    if not args.as_user:
        raise LoyaltyError("this command needs a staff user: say who you are with --as USER")
    password = _secret(PASSWORD_ENV, f"Password for {args.as_user}: ")
    try:
        return auth.sign_in(db, args.as_user, password), password
    except AuthenticationFailed as exc:
        raise LoyaltyError(str(exc)) from exc


def _actor(args, db: Database) -> Actor:
    actor, _password = _sign_in(args, db)
    if actor.must_change_password:
        raise LoyaltyError(
            f"the password of {actor.username} was set by an administrator: change it first "
            f"with `loyalty --as {actor.username} passwd` or in the desktop app"
        )
    return actor


def cmd_passwd(args) -> int:
    db = _open(args)
    actor, current = _sign_in(args, db)
    new = _secret(NEW_PASSWORD_ENV, "New password: ")
    if not os.environ.get(NEW_PASSWORD_ENV) and getpass.getpass("Repeat: ") != new:
        raise LoyaltyError("the two passwords differ")
    auth.change_password(db, actor, current, new)
    print(f"password of {actor.username} changed")
    return 0


def cmd_init(args) -> int:
    db = _open(args)
    result = db.upgrade
    print(f"{db.description}: schema {result.from_revision or 'empty'} -> {result.to_revision}")
    if result.backup:
        print(f"backup of the previous file: {result.backup}")
    if args.admin:
        if not auth.needs_first_admin(db):
            raise LoyaltyError(
                "the database already has staff users; --admin only creates the first"
            )
        password = _secret(PASSWORD_ENV, f"Password for {args.admin}: ")
        actor = auth.create_first_admin(db, args.admin, args.display_name, password)
        print(f"first administrator created: {actor.username}")
    elif auth.needs_first_admin(db):
        print("no staff users yet: run with --admin USER, or start the app to create one")
    return 0


def _terminal_progress() -> Progress:
    started = time.perf_counter()

    def show(done: int, total: int, message: str) -> None:
        elapsed = time.perf_counter() - started
        print(
            f"\r{message} {done:,}/{total:,} ({done * 100 // max(total, 1)}%) {elapsed:.1f} s",
            end="" if done < total else "\n",
            file=sys.stderr,
            flush=True,
        )

    return Progress(show)


def cmd_demo(args) -> int:
    if args.members < 0:
        raise LoyaltyError("--members must be 0 or more")
    url = (
        resolve_db_url(args.db)
        if args.db or os.environ.get("LOYALTY_DB_URL")
        else sqlite_url(demo_db_path())
    )
    if args.replace:
        _replace_demo(args, url)
    db = open_database(url)
    started = time.perf_counter()
    summary = demo.build_demo(db, args.members, args.seed, _terminal_progress())
    print(
        f"{db.description}: {summary.dealers} dealers, {summary.staff} staff, "
        f"{summary.members:,} members, {summary.vehicles:,} vehicles, "
        f"{summary.entries:,} ledger entries, "
        f"{summary.service_orders:,} service orders in {time.perf_counter() - started:.1f} s"
    )
    print(
        f"demo sign-ins (password {demo.DEMO_PASSWORD}): "
        + ", ".join(name for name, _role in demo.demo_sign_ins())
    )
    return 0


def _replace_demo(args, url: str) -> None:
    """Drop a demo database so it can be built again: only a demo database, and only for
    one of its administrators. Any other database is left untouched."""
    db = open_database(url)
    try:
        actor = None
        if rebuilding.may_be_dropped(db) and not auth.needs_first_admin(db):
            actor = _actor(args, db)  # the demo's own administrator
    except BaseException:
        db.close()
        raise
    rebuilding.drop_for_rebuild(db, actor)


def cmd_audit(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    if args.audit_command == "checkpoint":
        anchor = audit.export_checkpoint(db, actor, args.file)
        print(
            f"checkpoint written: {args.file} (database {anchor.database_id}, entry {anchor.seq})"
        )
        return 0
    report = audit.verify_trail(db, actor, args.against)
    if report.intact:
        print(f"audit trail intact: {report.checked:,} entries")
    _print_checkpoint_counts(report.checkpoints)
    if report.intact:
        return 0
    if not report.chain.intact:
        print(
            f"audit trail BROKEN at entry {report.broken_seq}: {report.reason} "
            f"({report.checked:,} entries before it are intact)",
            file=sys.stderr,
        )
    for failure in report.checkpoints.failures:
        taken = failure.checkpoint
        print(
            f"checkpoint FAILED at entry {taken.seq} (taken {taken.at}): {failure.reason}",
            file=sys.stderr,
        )
    for problem in report.guard_problems:
        print(f"audit trail UNGUARDED: database guard {problem}", file=sys.stderr)
    return 1


def _print_checkpoint_counts(report: CheckpointReport) -> None:
    if report.matched:
        print(f"{report.matched:,} checkpoints match")
    if report.other_database:
        print(f"{report.other_database:,} checkpoints of other databases ignored")


def cmd_backup(args) -> int:
    db = _open(args)
    target = backups.backup_database(db, _actor(args, db), args.path)
    print(f"backup written: {target}")
    return 0


def cmd_dealers(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    if args.dealers_command == "add":
        row = staff.save_dealer(
            db,
            actor,
            staff.DealerInput(args.code, args.name, args.region, args.province, args.city),
        )
        print(f"dealer {row.code} saved (id {row.id})")
    else:
        for d in staff.list_dealers(db, actor):
            print(
                f"{d.code}\t{d.name}\t{d.region}\t{d.province}\t{d.city}\t"
                f"{'active' if d.active else 'inactive'}"
            )
    return 0


def cmd_users(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    if args.users_command == "list":
        for u in staff.list_users(db, actor):
            print(
                f"{u.username}\t{u.display_name}\t{u.role.value}\t{u.dealer_name or '-'}\t"
                f"{'active' if u.active else 'inactive'}"
            )
        return 0
    password = _secret(NEW_PASSWORD_ENV, "One-time password: ")
    if args.users_command == "add":
        dealer_id = _dealer_id(db, actor, args.dealer) if args.dealer else None
        staff.save_user(
            db,
            actor,
            staff.UserInput(args.username, args.name, Role(args.role), dealer_id),
            initial_password=password,
        )
        print(f"user {args.username} created; they must change the password at first sign-in")
    else:
        user = next((u for u in staff.list_users(db, actor) if u.username == args.username), None)
        if user is None:
            raise LoyaltyError(f"no user {args.username}")
        staff.reset_password(db, actor, user.id, password)
        print(f"password of {args.username} reset; they must change it at next sign-in")
    return 0


def _dealer_id(db: Database, actor: Actor, code: str) -> int:
    for dealer in staff.list_dealers(db, actor):
        if dealer.code == code.upper():
            return dealer.id
    raise LoyaltyError(f"no dealer {code}")


def cmd_members(args) -> int:
    if args.members_command == "template":
        member_import.write_template(args.file, args.lang)
        print(f"template written: {args.file}")
        return 0
    db = _open(args)
    actor = _actor(args, db)
    if args.members_command == "export":
        dealer_id = _dealer_id(db, actor, args.dealer) if args.dealer else None
        flt = MemberFilter(text=args.search, status=args.status, dealer_id=dealer_id, tag=args.tag)
        count = member_import.export_members(db, actor, flt, args.file, _terminal_progress())
        print(f"{count:,} members exported to {args.file}")
        return 0
    mode = "all_or_nothing" if args.all_or_nothing else "valid_rows"
    summary = member_import.import_members(
        db,
        actor,
        args.file,
        mode=mode,
        dry_run=args.dry_run,
        report=args.report,
        progress=_terminal_progress(),
    )
    resumed = f" (resumed after row {summary.resumed_from_row})" if summary.resumed_from_row else ""
    print(
        f"{summary.status}: {summary.total:,} rows, {summary.imported:,} imported, "
        f"{summary.rejected:,} with errors{resumed}"
    )
    if summary.report:
        print(f"result workbook: {summary.report}")
    return 0 if summary.rejected == 0 else 3


def cmd_points(args) -> int:
    db = _open(args)
    if args.points_command == "template":
        transaction_import.write_template(args.file, args.lang)
        print(f"template written: {args.file}")
        return 0
    actor = _actor(args, db)
    if args.points_command == "import":
        return _import_documents(db, actor, args)
    if args.points_command == "initial":
        granted = points.grant_initial_points(db, actor, _terminal_progress())
        done = " before (run {granted.run_id}); nothing changed now" if granted.repeated else ""
        print(f"{granted.points:,} initial points granted to {granted.members:,} members{done}")
        return 0
    if args.points_command == "expiring":
        count = points.export_expiring(db, actor, args.file, args.months)
        print(f"{count:,} rows written to {args.file}")
        return 0
    if args.points_command == "statement":
        member_id = _member_id(db, actor, args.member_number)
        points.print_statement(
            db, actor, member_id, args.start, args.end, args.file, None, args.lang
        )
        print(f"statement written: {args.file}")
        return 0
    result = points.expire_points(db, actor, args.as_of, _terminal_progress())
    done = f" before (run {result.run_id}); nothing changed now" if result.repeated else ""
    print(
        f"expiry as of {result.as_of}: {result.lots:,} lots, {result.points:,} points "
        f"expired{done}"
    )
    return 0


def _import_documents(db: Database, actor: Actor, args) -> int:
    summary = transaction_import.import_transactions(
        db, actor, args.file, dry_run=args.dry_run, report=args.report,
        progress=_terminal_progress(),
    )  # fmt: skip
    print(
        f"{summary.total:,} rows: {summary.imported:,} imported ({summary.points:,} points), "
        f"{summary.already:,} already recorded, {summary.rejected:,} with errors"
    )
    if summary.report:
        print(f"result workbook: {summary.report}")
    return 0 if summary.rejected == 0 else 3


def _member_id(db: Database, actor: Actor, number: str) -> int:
    rows = members_service.search(db, actor, MemberFilter(text=number), limit=5)
    found = next((row for row in rows if row.member_number == number), None)
    if found is None:
        raise LoyaltyError(f"no member {number}")
    return found.id


def cmd_ledger(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    problems = points.verify_ledger(db, actor, _terminal_progress())
    unguarded = points.ledger_guard_problems(db, actor)
    for problem in unguarded:
        print(f"ledger UNGUARDED: database guard {problem}", file=sys.stderr)
    if not problems and not unguarded:
        print("ledger consistent: every balance, hold and lot agrees with the entries")
        return 0
    if not problems:
        return 1
    for p in problems:
        print(
            f"member {p.member_number} (id {p.member_id}): {p.problem} is {p.found:,}, "
            f"the entries say {p.expected:,}",
            file=sys.stderr,
        )
    members = len({p.member_id for p in problems})
    print(f"ledger INCONSISTENT for {members:,} members", file=sys.stderr)
    return 1


def _setting_value(kind: type, text: str):
    if kind is bool:
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(text)
        return text.lower() in ("true", "1", "yes")
    return kind(text)


def cmd_settings(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    if args.settings_command == "set":
        current = programme_settings.get_settings(db)
        if args.key not in current.__dict__:
            raise LoyaltyError(f"unknown setting {args.key}; known: {', '.join(current.__dict__)}")
        kind = type(getattr(current, args.key))
        try:
            value = _setting_value(kind, args.value)
        except ValueError as exc:
            raise LoyaltyError(f"{args.key} needs a {kind.__name__}") from exc
        programme_settings.update_settings(db, actor, **{args.key: value})
    for key, value in programme_settings.get_settings(db).__dict__.items():
        print(f"{key}\t{value}")
    return 0


def cmd_approvals(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    command = args.approvals_command
    if command == "lapse":
        print(f"{approvals.lapse_overdue(db, actor):,} requests lapsed")
        return 0
    if command == "list":
        status = None if args.status == "all" else args.status
        flt = approvals.RequestFilter(kind=args.kind, status=status, requested_by=args.requester)
        for r in approvals.list_requests(db, actor, flt):
            mine = "*" if r.may_decide else " "
            print(
                f"{mine}{r.id}\t{r.requested_at:%Y-%m-%d %H:%M}\t{r.kind}\t"
                f"{r.subject_number or '-'}\t{_payload_text(r.payload)}\t{r.requested_by}\t"
                f"{r.status}\t{r.note}"
            )
        return 0
    action = {"approve": approvals.approve, "reject": approvals.reject,
              "cancel": approvals.cancel}[command]  # fmt: skip
    row = action(db, actor, args.request_id, args.note)
    print(f"request {row.id}: {row.status}" + (f" {row.result}" if row.result else ""))
    return 0


def _payload_text(payload: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in sorted(payload.items()))


def cmd_runs(args) -> int:
    db = _open(args)
    actor = _actor(args, db)
    for run in runs.list_runs(db, actor, args.kind):
        counts = " ".join(f"{key}={value:,}" for key, value in sorted(run.counts.items()))
        finished = f"{run.finished_at:%Y-%m-%d %H:%M}" if run.finished_at else "-"
        print(
            f"{run.id}\t{run.kind}\t{run.as_of}\t{run.status}\t{run.batches} batches\t"
            f"{counts or '-'}\t{run.committed_by or run.created_by}\t{finished}"
            + (f"\t{run.error}" if run.error else "")
        )
    return 0


COMMANDS = {
    "init": cmd_init,
    "demo": cmd_demo,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "dealers": cmd_dealers,
    "passwd": cmd_passwd,
    "members": cmd_members,
    "users": cmd_users,
    "settings": cmd_settings,
    "points": cmd_points,
    "ledger": cmd_ledger,
    "approvals": cmd_approvals,
    "runs": cmd_runs,
}

if __name__ == "__main__":
    sys.exit(main())
