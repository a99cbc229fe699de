"""``loyalty``: the headless command line. Same services as the GUI; never imports Qt.

Each area adds its commands (``add_commands``) and names the function that runs them.
"""

from __future__ import annotations

import argparse
import sys

from app import __version__
from app.cli import (
    approvals,
    audit,
    benefits,
    i18n,
    members,
    partners,
    points,
    reports,
    setup,
    staff,
    tiers,
)
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP

AREAS = (setup, staff, members, points, tiers, benefits, partners, approvals, audit, reports)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="loyalty",
        description=QT_TRANSLATE_NOOP("Cli", "Loyalty Desk command line"),
        formatter_class=i18n.TranslatedHelp,
    )
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        help=QT_TRANSLATE_NOOP("Cli", "language of messages and help (default: the system's)"),
    )
    parser.add_argument("--version", action="version", version=f"loyalty {__version__}")
    parser.add_argument(
        "--db", metavar="URL", help=QT_TRANSLATE_NOOP("Cli", "database URL or SQLite file path")
    )
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USER",
        help=QT_TRANSLATE_NOOP(
            "Cli", "staff user running the command (password: $LOYALTY_PASSWORD)"
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for area in AREAS:
        area.add_commands(commands)
    i18n.translate_help(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    i18n.install(i18n.language_from(argv))  # before the parser: its help is translated too
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except LoyaltyError as exc:
        message = i18n.error_text(exc)
        print(i18n.cli("error: {message}").format(message=message), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(i18n.cli("interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
