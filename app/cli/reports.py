"""Reports: the monthly report pack for scheduled runs, as an Excel workbook and/or a
signable PDF, or its figures as JSON (dates ISO, money in integer fen, rates as numerator,
denominator and value).

``loyalty --as USER report monthly --month YYYY-MM [--dealer CODE] [--region NAME]
[--xlsx FILE] [--pdf FILE] [--json] [--lang zh_CN|en]``. Exit codes as elsewhere: 0 done,
1 refused (``error: …`` on stderr: a bad month, an unknown dealer or region, another dealer's
figures, a file that cannot be written), 2 bad arguments; and 3 when the files were written
(or the JSON printed) but a check of the figures failed (the points identity): a warning on
stderr, the failure on the first page of the PDF and the workbook's summary, so that a
scheduled run does not pass it over.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path

from app.cli.common import acting_user, dealer_id, open_db, terminal_progress
from app.cli.i18n import cli, fill
from app.domain.partners import month_range
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.reports.exports import export_monthly
from app.services.reports.model import MonthlyReport, Rate
from app.services.shared.database import Database

FILE_LANGUAGES = ["zh_CN", "en"]
CHECK_FAILED = 3  # written, but a check of the figures failed


def add_commands(commands) -> None:
    report_cmd = commands.add_parser(
        "report", help=QT_TRANSLATE_NOOP("Cli", "reports: the monthly report pack")
    )
    report_cmd.set_defaults(run=run)
    actions = report_cmd.add_subparsers(dest="report_command", required=True)
    monthly = actions.add_parser(
        "monthly",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the monthly report pack of the network, a region or a dealer: to .xlsx and/or "
            ".pdf, else a summary",
        ),
    )
    monthly.add_argument(
        "--month", required=True, metavar="YYYY-MM", help=QT_TRANSLATE_NOOP("Cli", "the month")
    )
    scope = monthly.add_mutually_exclusive_group()
    scope.add_argument(
        "--dealer", metavar="CODE", help=QT_TRANSLATE_NOOP("Cli", "one dealer's code")
    )
    scope.add_argument(
        "--region", metavar="NAME", help=QT_TRANSLATE_NOOP("Cli", "the dealers of one region")
    )
    monthly.add_argument(
        "--xlsx", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "write an .xlsx")
    )
    monthly.add_argument(
        "--pdf", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "write a PDF")
    )
    monthly.add_argument(
        "--lang",
        dest="file_lang",
        choices=FILE_LANGUAGES,
        help=QT_TRANSLATE_NOOP("Cli", "for --xlsx and --pdf (default: zh_CN)"),
    )
    monthly.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    return _monthly(db, actor, args)


def _monthly(db: Database, actor: Actor, args) -> int:
    month_range(args.month)  # a bad month before the dealer is looked for
    dealer = dealer_id(db, actor, args.dealer) if args.dealer else None
    region = args.region.strip() if args.region is not None else None
    progress = None if args.json or not sys.stderr.isatty() else terminal_progress()
    language = args.file_lang or args.lang or "zh_CN"
    report = export_monthly(db, actor, args.month, dealer, region or None, args.xlsx, args.pdf,
                            language, progress)  # fmt: skip
    files = [str(path) for path in (args.xlsx, args.pdf) if path is not None]
    if args.json:
        shown = {"command": "report monthly", "files": files, **jsonable(report)}
        print(json.dumps(shown, ensure_ascii=False, sort_keys=True))
    else:
        _summary(report, files)
    for check in report.checks:
        text = QT_TRANSLATE_NOOP("Cli", "warning: a check of the figures failed: {message}")
        print(fill(text, message=check.message), file=sys.stderr)
    return CHECK_FAILED if report.checks else 0


NETWORK = QT_TRANSLATE_NOOP("Cli", "whole network")


def _summary(report: MonthlyReport, files: list[str]) -> None:
    scope = report.scope
    where = scope.dealer_code or scope.region or cli(NETWORK)
    values = {"month": scope.month, "scope": where, "members": report.members.total,
              "earned": report.points.earned, "closing": report.points.closing}  # fmt: skip
    if files:
        text = QT_TRANSLATE_NOOP(
            "Cli", "monthly report {month} ({scope}): {members:,} members, {earned:,} points "
            "earned, closing balance {closing:,}; written to {files}",
        )  # fmt: skip
        print(fill(text, files=", ".join(files), **values))
        return
    text = QT_TRANSLATE_NOOP(
        "Cli", "monthly report {month} ({scope}): {members:,} members, {earned:,} points "
        "earned, closing balance {closing:,}",
    )  # fmt: skip
    print(fill(text, **values))


def jsonable(value: object) -> object:
    """The report as JSON values: dates ISO, fen and points integers, fractions as numbers
    (rates also with their numerator, denominator and permille)."""
    if isinstance(value, Rate):
        return {"numerator": value.numerator, "denominator": value.denominator,
                "value": jsonable(value.value), "permille": value.permille,
                "reference": jsonable(value.reference)}  # fmt: skip
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if hasattr(type(value), "earned"):  # the points section's total, a property
            found["earned"] = value.earned
        return found
    if isinstance(value, Fraction):
        return round(float(value), 6)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value
