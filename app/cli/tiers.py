"""Tiers: the review run (preview, commit, resume), the at-risk call list, the policy in force.

``--json`` prints one JSON object on stdout (progress and refusals stay on stderr). Exit
codes as elsewhere: 0 done (also for a run committed before: nothing changes), 1 refused
(``error: …`` on stderr), 2 bad arguments, 130 interrupted (a commit then resumes).
"""

from __future__ import annotations

import json
import sys

from app.cli.common import acting_user, iso_date, open_db, terminal_progress
from app.cli.i18n import cli, fill
from app.cli.runs import INTERRUPTED, interrupted_run
from app.domain import tiers as rules
from app.domain.errors import LoyaltyError
from app.domain.roles import Actor
from app.domain.runs import RunStatus
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.runs import RunRow
from app.services.shared.database import Database
from app.services.tiers import at_risk, commit_review, current_policy, preview_review
from app.services.tiers.review import OUTCOMES, REVIEW_RUN

MAX_DAYS = 366  # as the at-risk list allows


def add_commands(commands) -> None:
    tiers_cmd = commands.add_parser(
        "tiers", help=QT_TRANSLATE_NOOP("Cli", "member tiers: review, at-risk list, policy")
    )
    tiers_cmd.set_defaults(run=run)
    actions = tiers_cmd.add_subparsers(dest="tiers_command", required=True)
    review = actions.add_parser(
        "review",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the tier review as of a date: counts what it would do; --commit applies it "
            "(resumes an interrupted run; a committed run is never run again)",
        ),
    )
    review.add_argument(
        "--as-of", type=iso_date, required=True, help=QT_TRANSLATE_NOOP("Cli", "YYYY-MM-DD")
    )
    review.add_argument(
        "--commit", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "apply the review")
    )
    review.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )
    risk = actions.add_parser(
        "at-risk",
        help=QT_TRANSLATE_NOOP("Cli", "members whose tier ends soon without the points to keep it"),
    )
    risk.add_argument(
        "--days", type=int, default=60, help=QT_TRANSLATE_NOOP("Cli", "window in days (default 60)")
    )
    risk.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )
    policy = actions.add_parser(
        "policy", help=QT_TRANSLATE_NOOP("Cli", "the tier policy in force today")
    )
    policy.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    command = {"review": _review, "at-risk": _at_risk, "policy": _policy}[args.tiers_command]
    return command(db, actor, args)


# --- the review ---------------------------------------------------------------------------------


def _review(db: Database, actor: Actor, args) -> int:
    if not args.commit:
        return _show_review(preview_review(db, actor, args.as_of), args.json, False, None)
    note = QT_TRANSLATE_NOOP(
        "Cli", "resuming run {id} ({status} after {batches:,} batches: {counts})"
    )
    resumed = interrupted_run(
        db, actor, REVIEW_RUN, args.as_of, note, lambda counts: {"counts": _counts_text(counts)}
    )
    row = commit_review(db, actor, args.as_of, terminal_progress())
    return _show_review(row, args.json, True, resumed)


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
    head = fill(QT_TRANSLATE_NOOP("Cli", "tier review as of {date} (run {id})"), date=row.as_of,
                id=row.id)  # fmt: skip
    values = {
        "head": head, "status": row.status.value, "batches": row.batches,
        "counts": _counts_text(row.counts), "due": _counts_text(row.preview),
        "by": row.committed_by or row.created_by, "members": sum(row.preview.values()),
    }  # fmt: skip
    if before:
        text = QT_TRANSLATE_NOOP(
            "Cli", "{head} was already committed by {by}: {counts}; nothing changed now"
        )
        if row.finished_at:
            text = QT_TRANSLATE_NOOP(
                "Cli",
                "{head} was already committed on {when} by {by}: {counts}; nothing changed now",
            )
        when = f"{row.finished_at:%Y-%m-%d %H:%M}" if row.finished_at else ""
        print(fill(text, when=when, **values))
    elif committed:
        text = QT_TRANSLATE_NOOP("Cli", "{head} committed in {batches:,} batches: {counts}")
        if resumed is not None:
            text = QT_TRANSLATE_NOOP(
                "Cli", "{head} resumed and committed in {batches:,} batches: {counts}"
            )
        print(fill(text, **values))
    elif stopped:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "{head} stopped ({status}) after {batches:,} batches: {counts} done; "
            "commit again to resume",
        )
        print(fill(text, **values), file=sys.stderr)
        return 1
    elif row.status in INTERRUPTED:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "{head} was interrupted ({status}) after {batches:,} batches: {counts} done, "
            "still due: {due}; --commit resumes it",
        )
        print(fill(text, **values))
    else:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "{head} preview: {members:,} members due: {due}; nothing changed (apply with --commit)",
        )
        print(fill(text, **values))
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
        raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "--days must be from 1 to {max}"), max=MAX_DAYS)
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
    points = QT_TRANSLATE_NOOP("Cli", "{n:,} points")
    missing = QT_TRANSLATE_NOOP("Cli", "{n:,} missing")
    for r in rows:
        print(
            f"{r.member_number}\t{r.name}\t{r.mobile or '-'}\t{r.dealer or '-'}\t{r.tier}\t"
            f"{r.valid_until or '-'}\t{fill(points, n=r.points)}\t{fill(missing, n=r.missing)}"
        )
    text = QT_TRANSLATE_NOOP("Cli", "{n:,} members at risk within {days} days")
    print(fill(text, n=len(rows), days=args.days), file=sys.stderr)
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
        print(
            cli(
                QT_TRANSLATE_NOOP(
                    "Cli", "tier policy in force: the built-in example (no version saved yet)"
                )
            )
        )
    else:
        text = QT_TRANSLATE_NOOP("Cli", "tier policy in force: version {version} from {date}")
        print(
            fill(text, version=version.id, date=version.effective_from)
            + (f" ({version.note})" if version.note else "")
        )
    print("rank\tcode\tname\treach\tretain\tmultiplier")
    for t in policy.tiers:
        print(
            f"{t.rank}\t{t.code}\t{t.name}\t{t.reach_points:,}\t{t.retain_points:,}\t"
            f"×{_multiplier(t.multiplier_permille)}"
        )
    steps = policy.downgrade_max_steps
    downgrade = (
        fill(QT_TRANSLATE_NOOP("Cli", "at most {steps} step(s)"), steps=steps)
        if steps
        else cli(QT_TRANSLATE_NOOP("Cli", "to the tier the points keep"))
    )
    text = QT_TRANSLATE_NOOP(
        "Cli",
        "validity {months} months, grace {days} days, downgrade {downgrade}, "
        "upgrades judged on {basis} points",
    )
    print(
        fill(text, months=policy.validity_months, days=policy.grace_days, downgrade=downgrade,
             basis=policy.upgrade_basis.value)
    )  # fmt: skip
    for series, code in sorted(policy.enrolment_by_series.items()):
        text = QT_TRANSLATE_NOOP("Cli", "enrolment: {series} → {tier}")
        print(fill(text, series=series, tier=policy.tier(code).name))
    return 0
