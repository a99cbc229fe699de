"""Partners: the monthly settlement (Excel workbook, PDF statements, or a summary on screen)
and the printable comparison of an industry's partners.

``--json`` prints one JSON object on stdout. Exit codes as elsewhere: 0 done, 1 refused
(``error: …`` on stderr: a bad month, an unknown partner code, a file that cannot be
written), 2 bad arguments.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli.common import acting_user, open_db
from app.cli.i18n import fill
from app.domain import partners as rules
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services.partners.evaluation import compare
from app.services.partners.exports import export_settlement, print_comparison
from app.services.partners.registry import find_partner_id
from app.services.partners.settlement import PartnerSettlement, Settlement
from app.services.shared.database import Database

INDUSTRIES = [industry.value for industry in rules.Industry]
FILE_LANGUAGES = ["zh_CN", "en"]


def add_commands(commands) -> None:
    partners_cmd = commands.add_parser(
        "partners",
        help=QT_TRANSLATE_NOOP("Cli", "partners: monthly settlement, industry comparison"),
    )
    partners_cmd.set_defaults(run=run)
    actions = partners_cmd.add_subparsers(dest="partners_command", required=True)
    _add_settlement(actions)
    _add_compare(actions)


def _add_settlement(actions) -> None:
    settle = actions.add_parser(
        "settlement",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "a month's settlement per partner: redemptions and write-offs at the unit cost, "
            "rebates, totals; to .xlsx and/or .pdf, else a summary",
        ),
    )
    settle.add_argument(
        "--month", required=True, metavar="YYYY-MM", help=QT_TRANSLATE_NOOP("Cli", "the month")
    )
    settle.add_argument(
        "--partner",
        metavar="CODE",
        help=QT_TRANSLATE_NOOP("Cli", "one partner's code (default: every partner)"),
    )
    settle.add_argument(
        "--xlsx", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "write an .xlsx")
    )
    settle.add_argument(
        "--pdf", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "write a PDF")
    )
    _add_common(settle)


def _add_compare(actions) -> None:
    comparison = actions.add_parser(
        "compare",
        help=QT_TRANSLATE_NOOP(
            "Cli", "the side-by-side comparison of an industry's scored partners"
        ),
    )
    comparison.add_argument(
        "--industry", required=True, choices=INDUSTRIES, help=QT_TRANSLATE_NOOP("Cli", "industry")
    )
    comparison.add_argument(
        "--pdf", type=Path, metavar="FILE", help=QT_TRANSLATE_NOOP("Cli", "write a PDF")
    )
    _add_common(comparison)


def _add_common(parser) -> None:
    parser.add_argument(
        "--lang",
        dest="file_lang",
        choices=FILE_LANGUAGES,
        help=QT_TRANSLATE_NOOP("Cli", "for --xlsx and --pdf (default: zh_CN)"),
    )
    parser.add_argument(
        "--json", action="store_true", help=QT_TRANSLATE_NOOP("Cli", "print a JSON object")
    )


def run(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    command = {"settlement": _settlement, "compare": _compare}[args.partners_command]
    return command(db, actor, args)


def file_language(args) -> str:
    """``--lang`` after the command, else before it (the messages' language), else Chinese."""
    return args.file_lang or args.lang or "zh_CN"


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}¥{whole:,}.{cents:02d}"


# --- the settlement -----------------------------------------------------------------------------


def _settlement(db: Database, actor: Actor, args) -> int:
    rules.month_range(args.month)  # a bad month before the partner is looked for
    partner_id = find_partner_id(db, actor, args.partner) if args.partner else None
    result = export_settlement(db, actor, args.month, partner_id, args.xlsx, args.pdf,
                               file_language(args))  # fmt: skip
    files = [str(path) for path in (args.xlsx, args.pdf) if path is not None]
    if args.json:
        print(json.dumps(_settlement_json(result, files), ensure_ascii=False, sort_keys=True))
        return 0
    values = {"month": result.month, "n": len(result.partners), "total": yuan(result.total_fen)}
    if files:
        text = QT_TRANSLATE_NOOP(
            "Cli", "settlement of {month}: {n:,} partners, total payable {total}, written to "
            "{files}",
        )  # fmt: skip
        print(fill(text, files=", ".join(files), **values))
        return 0
    print("code\tname\tredemptions\twrite_offs\tamount\trebate\ttotal")
    for p in result.partners:
        print(f"{p.partner_code}\t{p.partner_name}\t{p.redemptions:,}\t{p.write_offs:,}\t"
              f"{yuan(p.amount_fen)}\t{yuan(p.rebate_fen)}\t{yuan(p.total_fen)}")  # fmt: skip
    text = QT_TRANSLATE_NOOP("Cli", "settlement of {month}: {n:,} partners, total payable {total}")
    print(fill(text, **values), file=sys.stderr)
    return 0


def _partner_json(p: PartnerSettlement) -> dict:
    return {
        "code": p.partner_code, "name": p.partner_name, "credit_code": p.credit_code,
        "status": p.status, "payment": list(p.payment), "redemptions": p.redemptions,
        "write_offs": p.write_offs, "amount_fen": p.amount_fen, "rebate_fen": p.rebate_fen,
        "total_fen": p.total_fen,
        "lines": [
            {"benefit_code": line.benefit_code, "benefit_name": line.benefit_name,
             "unit_cost_fen": line.unit_cost_fen, "redemptions": line.redemptions,
             "write_offs": line.write_offs, "amount_fen": line.amount_fen}
            for line in p.lines
        ],
    }  # fmt: skip


def _settlement_json(result: Settlement, files: list[str]) -> dict:
    return {
        "command": "partners settlement", "month": result.month, "files": files,
        "amount_fen": result.amount_fen, "rebate_fen": result.rebate_fen,
        "total_fen": result.total_fen, "partners": [_partner_json(p) for p in result.partners],
    }  # fmt: skip


# --- the comparison -----------------------------------------------------------------------------


def _admission(passed: bool | None, overridden: bool) -> str:
    if overridden:
        return "failed, overridden by headquarters"
    return "-" if passed is None else ("passed" if passed else "failed")


def _compare(db: Database, actor: Actor, args) -> int:
    if args.pdf is not None:
        written = print_comparison(db, actor, args.industry, args.pdf, file_language(args))
        missing = "".join(getattr(written, "missing_glyphs", ()))
        if args.json:
            shown = {
                "command": "partners compare",
                "file": str(args.pdf),
                "missing_glyphs": missing,
            }
            print(json.dumps(shown, ensure_ascii=False, sort_keys=True))
            return 0
        print(fill(QT_TRANSLATE_NOOP("Cli", "comparison written to {file}"), file=args.pdf))
        if missing:
            text = QT_TRANSLATE_NOOP("Cli", "no font could show these characters: {chars}")
            print(fill(text, chars=missing), file=sys.stderr)
        return 0
    comparison = compare(db, actor, args.industry)
    if args.json:
        partners = [
            {"rank": p.rank, "code": p.code, "name": p.name, "status": p.status,
             "scores": p.scores, "total_hundredths": p.total_hundredths,
             "admission_passed": p.admission_passed, "overridden": p.overridden}
            for p in comparison.partners
        ]  # fmt: skip
        print(json.dumps({"command": "partners compare", "industry": comparison.industry,
                          "shortlist_min": comparison.shortlist_min, "enough": comparison.enough,
                          "weights": comparison.weights, "partners": partners},
                         ensure_ascii=False, sort_keys=True))  # fmt: skip
        return 0
    factors = "\t".join(f.value for f in rules.FACTORS)
    print(f"rank\tcode\tname\tstatus\t{factors}\ttotal\tadmission")
    for p in comparison.partners:
        scores = "\t".join(str(p.scores.get(f.value, "")) for f in rules.FACTORS)
        total = f"{p.total_hundredths // 100}.{p.total_hundredths % 100:02d}"
        print(f"{p.rank}\t{p.code}\t{p.name}\t{p.status}\t{scores}\t{total}\t"
              f"{_admission(p.admission_passed, p.overridden)}")  # fmt: skip
    text = QT_TRANSLATE_NOOP("Cli", "{n:,} partners compared (at least {minimum})")
    print(fill(text, n=len(comparison.partners), minimum=comparison.shortlist_min),
          file=sys.stderr)  # fmt: skip
    return 0
