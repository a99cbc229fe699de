"""Approvals: requests waiting for a decision, and batch runs."""

from __future__ import annotations

from app.cli.common import acting_user, open_db
from app.cli.i18n import fill
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import approvals, runs


def add_commands(commands) -> None:
    approvals_cmd = commands.add_parser(
        "approvals",
        help=QT_TRANSLATE_NOOP("Cli", "requests waiting for a decision (maker-checker)"),
    )
    approvals_cmd.set_defaults(run=run)
    actions = approvals_cmd.add_subparsers(dest="approvals_command", required=True)
    listing = actions.add_parser(
        "list", help=QT_TRANSLATE_NOOP("Cli", "requests you may see, newest first")
    )
    listing.add_argument("--kind", help=QT_TRANSLATE_NOOP("Cli", "e.g. points_adjustment"))
    listing.add_argument(
        "--status", default="pending",
        choices=["pending", "approved", "rejected", "lapsed", "cancelled", "all"],
        help=QT_TRANSLATE_NOOP("Cli", "request status (default: pending)"),
    )  # fmt: skip
    listing.add_argument(
        "--requester", metavar="USER", help=QT_TRANSLATE_NOOP("Cli", "requested by this user")
    )
    for name, help_text in (
        ("approve", QT_TRANSLATE_NOOP("Cli", "approve and apply a request")),
        ("reject", QT_TRANSLATE_NOOP("Cli", "reject a request (a note is required)")),
        ("cancel", QT_TRANSLATE_NOOP("Cli", "withdraw your own request")),
    ):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("request_id", type=int)
        action.add_argument(
            "--note", default="", help=QT_TRANSLATE_NOOP("Cli", "the decision's note")
        )
    actions.add_parser(
        "lapse", help=QT_TRANSLATE_NOOP("Cli", "lapse requests left undecided too long")
    )

    runs_cmd = commands.add_parser("runs", help=QT_TRANSLATE_NOOP("Cli", "batch runs"))
    runs_cmd.set_defaults(run=list_runs)
    runs_list = runs_cmd.add_subparsers(dest="runs_command", required=True).add_parser(
        "list", help=QT_TRANSLATE_NOOP("Cli", "the newest batch runs first")
    )
    runs_list.add_argument(
        "--kind", help=QT_TRANSLATE_NOOP("Cli", "e.g. points_expiry, initial_points")
    )


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    command = args.approvals_command
    if command == "lapse":
        count = approvals.lapse_overdue(db, actor)
        print(fill(QT_TRANSLATE_NOOP("Cli", "{n:,} requests lapsed"), n=count))
        return 0
    if command == "list":
        status = None if args.status == "all" else args.status
        flt = approvals.RequestFilter(kind=args.kind, status=status, requested_by=args.requester)
        for r in approvals.list_requests(db, actor, flt):
            mine = "*" if r.may_decide else " "  # what this user may decide
            print(
                f"{mine}{r.id}\t{r.requested_at:%Y-%m-%d %H:%M}\t{r.kind}\t"
                f"{r.subject_number or '-'}\t{_payload_text(r.payload)}\t{r.requested_by}\t"
                f"{r.status}\t{r.note}"
            )
        return 0
    action = {"approve": approvals.approve, "reject": approvals.reject,
              "cancel": approvals.cancel}[command]  # fmt: skip
    row = action(db, actor, args.request_id, args.note)
    text = QT_TRANSLATE_NOOP("Cli", "request {id}: {status}")
    print(fill(text, id=row.id, status=row.status) + (f" {row.result}" if row.result else ""))
    return 0


def _payload_text(payload: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in sorted(payload.items()))


def list_runs(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    for run_row in runs.list_runs(db, actor, args.kind):
        counts = " ".join(f"{key}={value:,}" for key, value in sorted(run_row.counts.items()))
        finished = f"{run_row.finished_at:%Y-%m-%d %H:%M}" if run_row.finished_at else "-"
        batches = fill(QT_TRANSLATE_NOOP("Cli", "{n} batches"), n=run_row.batches)
        print(
            f"{run_row.id}\t{run_row.kind}\t{run_row.as_of}\t{run_row.status}\t"
            f"{batches}\t{counts or '-'}\t"
            f"{run_row.committed_by or run_row.created_by}\t{finished}"
            + (f"\t{run_row.error}" if run_row.error else "")
        )
    return 0
