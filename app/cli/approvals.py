"""Approvals: requests waiting for a decision, and batch runs."""

from __future__ import annotations

from app.cli.common import acting_user, open_db
from app.services import approvals, runs


def add_commands(commands) -> None:
    approvals_cmd = commands.add_parser(
        "approvals", help="requests waiting for a decision (maker-checker)"
    )
    approvals_cmd.set_defaults(run=run)
    actions = approvals_cmd.add_subparsers(dest="approvals_command", required=True)
    listing = actions.add_parser("list", help="requests you may see, newest first")
    listing.add_argument("--kind", help="e.g. points_adjustment")
    listing.add_argument(
        "--status", default="pending",
        choices=["pending", "approved", "rejected", "lapsed", "cancelled", "all"],
    )  # fmt: skip
    listing.add_argument("--requester", metavar="USER")
    for name, help_text in (("approve", "approve and apply a request"),
                            ("reject", "reject a request (a note is required)"),
                            ("cancel", "withdraw your own request")):  # fmt: skip
        action = actions.add_parser(name, help=help_text)
        action.add_argument("request_id", type=int)
        action.add_argument("--note", default="")
    actions.add_parser("lapse", help="lapse requests left undecided too long")

    runs_cmd = commands.add_parser("runs", help="batch runs")
    runs_cmd.set_defaults(run=list_runs)
    runs_list = runs_cmd.add_subparsers(dest="runs_command", required=True).add_parser(
        "list", help="the newest batch runs first"
    )
    runs_list.add_argument("--kind", help="e.g. points_expiry, initial_points")


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    command = args.approvals_command
    if command == "lapse":
        print(f"{approvals.lapse_overdue(db, actor):,} requests lapsed")
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
    print(f"request {row.id}: {row.status}" + (f" {row.result}" if row.result else ""))
    return 0


def _payload_text(payload: dict) -> str:
    return " ".join(f"{key}={value}" for key, value in sorted(payload.items()))


def list_runs(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    for run_row in runs.list_runs(db, actor, args.kind):
        counts = " ".join(f"{key}={value:,}" for key, value in sorted(run_row.counts.items()))
        finished = f"{run_row.finished_at:%Y-%m-%d %H:%M}" if run_row.finished_at else "-"
        print(
            f"{run_row.id}\t{run_row.kind}\t{run_row.as_of}\t{run_row.status}\t"
            f"{run_row.batches} batches\t{counts or '-'}\t"
            f"{run_row.committed_by or run_row.created_by}\t{finished}"
            + (f"\t{run_row.error}" if run_row.error else "")
        )
    return 0
