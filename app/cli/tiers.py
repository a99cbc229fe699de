"""Tiers: the review run (preview, commit, resume), the at-risk call list, the policy in force.

``--json`` prints one JSON object on stdout (progress and refusals stay on stderr). Exit
codes as elsewhere: 0 done (also for a run committed before: nothing changes), 1 refused
(``error: …`` on stderr), 2 bad arguments, 130 interrupted (a commit then resumes).
"""

from __future__ import annotations

import json
import sys
from datetime import date

from app.cli.common import acting_user, iso_date, open_db, terminal_progress
from app.domain import tiers as rules
from app.domain.errors import LoyaltyError, PermissionDenied
from app.domain.roles import Actor
from app.domain.runs import RunStatus
from app.services import runs
from app.services.runs import RunRow
from app.services.shared.database import Database
from app.services.tiers import at_risk, commit_review, current_policy, preview_review
from app.services.tiers.review import OUTCOMES, REVIEW_RUN

MAX_DAYS = 366  # as the at-risk list allows
INTERRUPTED = (RunStatus.COMMITTING, RunStatus.FAILED, RunStatus.CANCELLED)


def add_commands(commands) -> None:
    tiers_cmd = commands.add_parser("tiers", help="member tiers: review, at-risk list, policy")
    tiers_cmd.set_defaults(run=run)
    actions = tiers_cmd.add_subparsers(dest="tiers_command", required=True)
    review = actions.add_parser(
        "review",
        help="the tier review as of a date: counts what it would do; --commit applies it "
        "(resumes an interrupted run; a committed run is never run again)",
    )
    review.add_argument("--as-of", type=iso_date, required=True, help="YYYY-MM-DD")
    review.add_argument("--commit", action="store_true", help="apply the review")
    review.add_argument("--json", action="store_true", help="print a JSON object")
    risk = actions.add_parser(
        "at-risk", help="members whose tier ends soon without the points to keep it"
    )
    risk.add_argument("--days", type=int, default=60, help="window in days (default 60)")
    risk.add_argument("--json", action="store_true", help="print a JSON object")
    policy = actions.add_parser("policy", help="the tier policy in force today")
    policy.add_argument("--json", action="store_true", help="print a JSON object")


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    command = {"review": _review, "at-risk": _at_risk, "policy": _policy}[args.tiers_command]
    return command(db, actor, args)


# --- the review ---------------------------------------------------------------------------------


def _review(db: Database, actor: Actor, args) -> int:
    if not args.commit:
        return _show_review(preview_review(db, actor, args.as_of), args.json, False, None)
    before = _existing_run(db, actor, args.as_of)
    resumed = before if before is not None and before.status in INTERRUPTED else None
    if resumed is not None:
        print(
            f"resuming run {resumed.id} ({resumed.status.value} after {resumed.batches:,} "
            f"batches: {_counts_text(resumed.counts)})",
            file=sys.stderr,
        )
    row = commit_review(db, actor, args.as_of, terminal_progress())
    return _show_review(row, args.json, True, resumed)


def _existing_run(db: Database, actor: Actor, as_of: date) -> RunRow | None:
    """The review run of ``as_of`` if there is one (to say that a commit resumes it)."""
    try:
        rows = runs.list_runs(db, actor, REVIEW_RUN, limit=5_000)
    except PermissionDenied:  # may run the review but not read the run history
        return None
    return next((row for row in rows if row.as_of == as_of), None)


def _show_review(row: RunRow, as_json: bool, commit: bool, resumed: RunRow | None) -> int:
    """Print what the preview found or the commit did; 1 if a commit did not finish (the
    run was stopped on another desktop meanwhile)."""
    committed = row.status == RunStatus.COMMITTED
    before = committed and (row.repeated or not commit)  # committed by an earlier command
    stopped = commit and not committed
    if as_json:
        print(json.dumps({
            "command": "tiers review", "run_id": row.id, "as_of": row.as_of.isoformat(),
            "status": row.status.value, "committed": committed, "already_committed": before,
            "resumed": resumed is not None, "preview": _all_outcomes(row.preview),
            "counts": _all_outcomes(row.counts), "due": sum(row.preview.values()),
            "batches": row.batches, "policy_version": row.policy.get("version"),
            "committed_by": row.committed_by,
            "finished_at": row.finished_at.isoformat() if row.finished_at else None,
        }, ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 1 if stopped else 0
    head = f"tier review as of {row.as_of} (run {row.id})"
    if before:
        when = f" on {row.finished_at:%Y-%m-%d %H:%M}" if row.finished_at else ""
        print(
            f"{head} was already committed{when} by {row.committed_by or row.created_by}: "
            f"{_counts_text(row.counts)}; nothing changed now"
        )
    elif committed:
        how = "resumed and committed" if resumed is not None else "committed"
        print(f"{head} {how} in {row.batches:,} batches: {_counts_text(row.counts)}")
    elif stopped:
        print(
            f"{head} stopped ({row.status.value}) after {row.batches:,} batches: "
            f"{_counts_text(row.counts)} done; commit again to resume",
            file=sys.stderr,
        )
        return 1
    elif row.status in INTERRUPTED:
        print(
            f"{head} was interrupted ({row.status.value}) after {row.batches:,} batches: "
            f"{_counts_text(row.counts)} done, still due: {_counts_text(row.preview)}; "
            "--commit resumes it"
        )
    else:
        print(
            f"{head} preview: {sum(row.preview.values()):,} members due: "
            f"{_counts_text(row.preview)}; nothing changed (apply with --commit)"
        )
    return 0


def _all_outcomes(counts: dict[str, int]) -> dict[str, int]:
    return {outcome: int(counts.get(outcome, 0)) for outcome in OUTCOMES}


def _counts_text(counts: dict[str, int]) -> str:
    return ", ".join(f"{outcome} {count:,}" for outcome, count in _all_outcomes(counts).items())


# --- at risk, policy ----------------------------------------------------------------------------


def _multiplier(permille: int) -> str:
    text = f"{permille / 1000:.3f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


def _at_risk(db: Database, actor: Actor, args) -> int:
    if not 1 <= args.days <= MAX_DAYS:
        raise LoyaltyError(f"--days must be from 1 to {MAX_DAYS}")
    rows = at_risk(db, actor, args.days)
    if args.json:
        members = [
            {"member_id": r.member_id, "member_number": r.member_number, "name": r.name,
             "mobile": r.mobile, "dealer": r.dealer, "tier": r.tier,
             "valid_until": r.valid_until.isoformat() if r.valid_until else None,
             "points": r.points, "missing": r.missing}
            for r in rows
        ]  # fmt: skip
        print(json.dumps({"command": "tiers at-risk", "within_days": args.days,
                          "count": len(members), "members": members},
                         ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 0
    for r in rows:
        print(
            f"{r.member_number}\t{r.name}\t{r.mobile or '-'}\t{r.dealer or '-'}\t{r.tier}\t"
            f"{r.valid_until or '-'}\t{r.points:,} points\t{r.missing:,} missing"
        )
    print(f"{len(rows):,} members at risk within {args.days} days", file=sys.stderr)
    return 0


def _policy(db: Database, actor: Actor, args) -> int:
    version = current_policy(db, actor)
    policy = version.policy
    if args.json:
        print(json.dumps({
            "command": "tiers policy", "version": version.id, "built_in": version.id is None,
            "effective_from": version.effective_from.isoformat()
            if version.effective_from else None,
            "note": version.note, "created_by": version.created_by,
            **rules.policy_to_dict(policy),
        }, ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 0
    if version.id is None:
        print("tier policy in force: the built-in example (no version saved yet)")
    else:
        print(
            f"tier policy in force: version {version.id} from {version.effective_from}"
            + (f" ({version.note})" if version.note else "")
        )
    print("rank\tcode\tname\treach\tretain\tmultiplier")
    for t in policy.tiers:
        print(
            f"{t.rank}\t{t.code}\t{t.name}\t{t.reach_points:,}\t{t.retain_points:,}\t"
            f"×{_multiplier(t.multiplier_permille)}"
        )
    steps = policy.downgrade_max_steps
    print(
        f"validity {policy.validity_months} months, grace {policy.grace_days} days, "
        f"downgrade {f'at most {steps} step(s)' if steps else 'to the tier the points keep'}, "
        f"upgrades judged on {policy.upgrade_basis.value} points"
    )
    for series, code in sorted(policy.enrolment_by_series.items()):
        print(f"enrolment: {series} → {policy.tier(code).name}")
    return 0
