"""The audit trail: verify it (with checkpoints and guards) and export a checkpoint."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import acting_user, open_db
from app.cli.i18n import fill
from app.domain.audit_checkpoints import CheckpointReport
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.shared import audit


def add_commands(commands) -> None:
    audit_cmd = commands.add_parser(
        "audit", help=QT_TRANSLATE_NOOP("Cli", "audit trail (as a user with audit access)")
    )
    audit_cmd.set_defaults(run=run)
    actions = audit_cmd.add_subparsers(dest="audit_command", required=True)
    verify = actions.add_parser(
        "verify",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "check the hash chain, its database guards and the checkpoints; "
            "exit 1 naming the first broken entry, failed checkpoint or missing guard",
        ),
    )
    verify.add_argument(
        "--against",
        type=Path,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "also compare with the checkpoints in FILE"),
    )
    actions.add_parser(
        "checkpoint",
        help=QT_TRANSLATE_NOOP(
            "Cli", "write the chain's head to a file to keep outside the database"
        ),
    ).add_argument("file", type=Path)


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    if args.audit_command == "checkpoint":
        anchor = audit.export_checkpoint(db, actor, args.file)
        print(
            fill(
                QT_TRANSLATE_NOOP("Cli", "checkpoint written: {file} (database {db}, entry {seq})"),
                file=args.file, db=anchor.database_id, seq=anchor.seq,
            )
        )  # fmt: skip
        return 0
    report = audit.verify_trail(db, actor, args.against)
    if report.intact:
        print(fill(QT_TRANSLATE_NOOP("Cli", "audit trail intact: {n:,} entries"), n=report.checked))
    _print_checkpoint_counts(report.checkpoints)
    if report.intact:
        return 0
    if not report.chain.intact:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "audit trail BROKEN at entry {seq}: {reason} ({n:,} entries before it are intact)",
        )
        print(
            fill(text, seq=report.broken_seq, reason=report.reason, n=report.checked),
            file=sys.stderr,
        )
    for failure in report.checkpoints.failures:
        taken = failure.checkpoint
        text = QT_TRANSLATE_NOOP("Cli", "checkpoint FAILED at entry {seq} (taken {at}): {reason}")
        print(fill(text, seq=taken.seq, at=taken.at, reason=failure.reason), file=sys.stderr)
    for problem in report.guard_problems:
        text = QT_TRANSLATE_NOOP("Cli", "audit trail UNGUARDED: database guard {problem}")
        print(fill(text, problem=problem), file=sys.stderr)
    return 1


def _print_checkpoint_counts(report: CheckpointReport) -> None:
    if report.matched:
        print(fill(QT_TRANSLATE_NOOP("Cli", "{n:,} checkpoints match"), n=report.matched))
    if report.other_database:
        text = QT_TRANSLATE_NOOP("Cli", "{n:,} checkpoints of other databases ignored")
        print(fill(text, n=report.other_database))
