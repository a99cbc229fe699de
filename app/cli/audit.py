"""The audit trail: verify it (with checkpoints and guards) and export a checkpoint."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import acting_user, open_db
from app.domain.audit_checkpoints import CheckpointReport
from app.services.shared import audit


def add_commands(commands) -> None:
    audit_cmd = commands.add_parser("audit", help="audit trail (as a user with audit access)")
    audit_cmd.set_defaults(run=run)
    actions = audit_cmd.add_subparsers(dest="audit_command", required=True)
    verify = actions.add_parser(
        "verify",
        help="check the hash chain, its database guards and the checkpoints; "
        "exit 1 naming the first broken entry, failed checkpoint or missing guard",
    )
    verify.add_argument(
        "--against", type=Path, metavar="FILE", help="also compare with the checkpoints in FILE"
    )
    actions.add_parser(
        "checkpoint", help="write the chain's head to a file to keep outside the database"
    ).add_argument("file", type=Path)


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
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
