"""Benefits: the voucher expiry run (preview, commit, resume), the catalog, the orders list.

``--json`` prints one JSON object on stdout (progress and refusals stay on stderr). Exit
codes as elsewhere: 0 done (also for a run committed before: nothing changes), 1 refused
(``error: …`` on stderr), 2 bad arguments, 130 interrupted (a commit then resumes).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli.common import acting_user, iso_date, open_db, terminal_progress
from app.cli.i18n import cli, fill
from app.cli.runs import INTERRUPTED, interrupted_run
from app.domain import benefits as rules
from app.domain.errors import LoyaltyError
from app.domain.roles import Actor
from app.domain.runs import RunStatus
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.benefits import (
    EXPIRY_RUN,
    OrderFilter,
    OrderRow,
    commit_expiry,
    list_items,
    list_orders,
    preview_expiry,
)
from app.services.benefits.exports import export_orders
from app.services.runs import RunRow
from app.services.shared.database import Database

MAX_ORDERS = 10_000  # as the orders list allows; --xlsx writes every match
STATUSES = [status.value for status in rules.VoucherStatus]


def add_commands(commands) -> None:
    benefits_cmd = commands.add_parser(
        "benefits",
        help=QT_TRANSLATE_NOOP(
            "Cli", "benefits: voucher expiry run, the catalog, redemption orders"
        ),
    )
    benefits_cmd.set_defaults(run=run)
    actions = benefits_cmd.add_subparsers(dest="benefits_command", required=True)
    expire = actions.add_parser(
        "expire",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "expire unused vouchers past their last day as of a date: counts them; --commit "
            "applies it (resumes an interrupted run; a committed run is never run again)",
        ),
    )
    expire.add_argument(
        "--as-of", type=iso_date, required=True, help=QT_TRANSLATE_NOOP("Cli", "YYYY-MM-DD")
    )
    expire.add_argument(
        "--commit", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "expire the vouchers")
    )
    expire.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )
    catalog = actions.add_parser(
        "list", help=QT_TRANSLATE_NOOP("Cli", "the catalog: every item with price and stock")
    )
    catalog.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )
    orders = actions.add_parser(
        "orders",
        help=QT_TRANSLATE_NOOP("Cli", "redemption orders (one voucher each), newest first"),
    )
    orders.add_argument(
        "--member", metavar="NUMBER", default="", help=QT_TRANSLATE_NOOP("Cli", "a member number")
    )
    orders.add_argument(
        "--status", choices=STATUSES, help=QT_TRANSLATE_NOOP("Cli", "voucher status")
    )
    orders.add_argument(
        "--from", dest="start", type=iso_date, help=QT_TRANSLATE_NOOP("Cli", "issued on or after")
    )
    orders.add_argument(
        "--to", dest="end", type=iso_date, help=QT_TRANSLATE_NOOP("Cli", "issued on or before")
    )
    orders.add_argument(
        "--limit",
        type=int,
        default=500,
        help=QT_TRANSLATE_NOOP("Cli", "rows shown, 1 to 10,000 (default 500)"),
    )
    orders.add_argument(
        "--xlsx",
        type=Path,
        metavar="FILE",
        help=QT_TRANSLATE_NOOP("Cli", "write every match to .xlsx"),
    )
    orders.add_argument(
        "--lang",
        choices=["zh_CN", "en"],
        default="zh_CN",
        help=QT_TRANSLATE_NOOP("Cli", "for --xlsx"),
    )
    orders.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    command = {"expire": _expire, "list": _list, "orders": _orders}[args.benefits_command]
    return command(db, actor, args)


# --- the expiry run -----------------------------------------------------------------------------


def _expire(db: Database, actor: Actor, args) -> int:
    if not args.commit:
        return _show_run(preview_expiry(db, actor, args.as_of), args.json, False, None)
    note = QT_TRANSLATE_NOOP(
        "Cli", "resuming run {id} ({status} after {batches:,} batches: {n:,} vouchers expired)"
    )
    resumed = interrupted_run(
        db, actor, EXPIRY_RUN, args.as_of, note, lambda counts: {"n": _vouchers(counts)}
    )
    row = commit_expiry(db, actor, args.as_of, terminal_progress())
    return _show_run(row, args.json, True, resumed)


def _vouchers(counts: dict[str, int]) -> int:
    return int(counts.get("vouchers", 0))


def _show_run(row: RunRow, as_json: bool, commit: bool, resumed: RunRow | None) -> int:
    """Print what the preview found or the commit did; 1 if a commit did not finish (the
    run was stopped on another desktop meanwhile)."""
    committed = row.status == RunStatus.COMMITTED
    before = committed and (row.repeated or not commit)  # committed by an earlier command
    stopped = commit and not committed
    due, expired = _vouchers(row.preview), _vouchers(row.counts)
    if as_json:
        print(json.dumps({
            "command": "benefits expire", "run_id": row.id, "as_of": row.as_of.isoformat(),
            "status": row.status.value, "committed": committed, "already_committed": before,
            "resumed": resumed is not None, "due": due, "expired": expired,
            "batches": row.batches, "committed_by": row.committed_by,
            "finished_at": row.finished_at.isoformat() if row.finished_at else None,
        }, ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 1 if stopped else 0
    head = fill(QT_TRANSLATE_NOOP("Cli", "voucher expiry as of {date} (run {id})"),
                date=row.as_of, id=row.id)  # fmt: skip
    values = {
        "head": head, "status": row.status.value, "batches": row.batches, "expired": expired,
        "due": due, "by": row.committed_by or row.created_by,
    }  # fmt: skip
    if before:
        text = QT_TRANSLATE_NOOP(
            "Cli", "{head} was already committed by {by}: {expired:,} vouchers expired; "
            "nothing changed now",
        )  # fmt: skip
        if row.finished_at:
            text = QT_TRANSLATE_NOOP(
                "Cli", "{head} was already committed on {when} by {by}: {expired:,} vouchers "
                "expired; nothing changed now",
            )  # fmt: skip
        when = f"{row.finished_at:%Y-%m-%d %H:%M}" if row.finished_at else ""
        print(fill(text, when=when, **values))
    elif committed:
        text = QT_TRANSLATE_NOOP(
            "Cli", "{head} committed in {batches:,} batches: {expired:,} vouchers expired"
        )
        if resumed is not None:
            text = QT_TRANSLATE_NOOP(
                "Cli",
                "{head} resumed and committed in {batches:,} batches: {expired:,} vouchers expired",
            )
        print(fill(text, **values))
    elif stopped:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "{head} stopped ({status}) after {batches:,} batches: {expired:,} vouchers expired; "
            "commit again to resume",
        )
        print(fill(text, **values), file=sys.stderr)
        return 1
    elif row.status in INTERRUPTED:
        text = QT_TRANSLATE_NOOP(
            "Cli",
            "{head} was interrupted ({status}) after {batches:,} batches: {expired:,} vouchers "
            "expired, {due:,} still due; --commit resumes it",
        )
        print(fill(text, **values))
    else:
        text = QT_TRANSLATE_NOOP(
            "Cli", "{head} preview: {due:,} vouchers due; nothing changed (apply with --commit)"
        )
        print(fill(text, **values))
    return 0


# --- the catalog --------------------------------------------------------------------------------


def _list(db: Database, actor: Actor, args) -> int:
    rows = list_items(db, actor)
    if args.json:
        items = [
            {"id": r.id, "code": r.code, "name": r.name, "channel": r.channel,
             "source": r.source, "category": r.category, "status": r.shown_status,
             "points_price": r.points_price, "face_value_fen": r.face_value_fen,
             "stock": r.stock, "valid_from": r.valid_from.isoformat() if r.valid_from else None,
             "valid_to": r.valid_to.isoformat() if r.valid_to else None}
            for r in rows
        ]  # fmt: skip
        print(json.dumps({"command": "benefits list", "count": len(items), "items": items},
                         ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 0
    print("code\tname\tchannel\tstatus\tpoints\tstock")
    for r in rows:
        stock = cli(QT_TRANSLATE_NOOP("Cli", "unlimited")) if r.stock is None else f"{r.stock:,}"
        print(f"{r.code}\t{r.name}\t{r.channel}\t{r.shown_status}\t{r.points_price:,}\t{stock}")
    listed = sum(1 for r in rows if r.shown_status == rules.ItemStatus.LISTED)
    text = QT_TRANSLATE_NOOP("Cli", "{n:,} items, {listed:,} listed")
    print(fill(text, n=len(rows), listed=listed), file=sys.stderr)
    return 0


# --- orders -------------------------------------------------------------------------------------


def _orders(db: Database, actor: Actor, args) -> int:
    if not 1 <= args.limit <= MAX_ORDERS:
        raise LoyaltyError(
            QT_TRANSLATE_NOOP("Cli", "--limit must be from 1 to {max:,}"), max=MAX_ORDERS
        )
    if args.start and args.end and args.end < args.start:
        raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "--to is before --from"))
    filters = OrderFilter(member=args.member, status=args.status, issued_from=args.start,
                          issued_to=args.end)  # fmt: skip
    if args.xlsx is not None:
        return _export(db, actor, args, filters)
    page = list_orders(db, actor, filters, args.limit)
    if args.json:
        print(json.dumps({"command": "benefits orders", "total": page.total,
                          "count": len(page.rows), "orders": [_order(r) for r in page.rows]},
                         ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 0
    points = QT_TRANSLATE_NOOP("Cli", "{n:,} points")
    for r in page.rows:
        print(
            f"{rules.format_code(r.code)}\t{r.issued_on}\t{r.member_number}\t{r.member_name}\t"
            f"{r.benefit_code}\t{r.benefit_name}\t{fill(points, n=r.points)}\t{r.status}\t"
            f"{r.expires_on}\t{r.issued_dealer or '-'}\t{r.used_on or '-'}\t{r.used_dealer or '-'}"
        )
    text = QT_TRANSLATE_NOOP("Cli", "{n:,} of {total:,} orders")
    print(fill(text, n=len(page.rows), total=page.total), file=sys.stderr)
    return 0


def _order(r: OrderRow) -> dict:
    return {
        "voucher_id": r.voucher_id, "code": r.code, "issued_on": r.issued_on.isoformat(),
        "member_number": r.member_number, "member_name": r.member_name,
        "benefit_code": r.benefit_code, "benefit_name": r.benefit_name, "channel": r.channel,
        "points": r.points, "face_value_fen": r.face_value_fen,
        "unit_cost_fen": r.unit_cost_fen, "status": r.status,
        "expires_on": r.expires_on.isoformat(), "issued_dealer": r.issued_dealer,
        "used_on": r.used_on.isoformat() if r.used_on else None, "used_dealer": r.used_dealer,
        "issued_by": r.issued_by,
    }  # fmt: skip


def _export(db: Database, actor: Actor, args, filters: OrderFilter) -> int:
    """Every matching order (not only ``--limit``), masked as the orders screen masks them."""
    count = export_orders(db, actor, args.xlsx, filters, args.lang, terminal_progress())
    if args.json:
        print(json.dumps({"command": "benefits orders", "file": str(args.xlsx), "rows": count},
                         ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 0
    text = QT_TRANSLATE_NOOP("Cli", "{n:,} orders written to {file}")
    print(fill(text, n=count, file=args.xlsx))
    return 0
