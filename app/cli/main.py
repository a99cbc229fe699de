"""``loyalty``: the headless command line. Same services as the GUI; never imports Qt.

Each area adds its commands (``add_commands``) and names the function that runs them.
"""

from __future__ import annotations

import argparse
import sys

from app import __version__
from app.cli import approvals, audit, members, points, setup, staff, tiers
from app.cli.common import PASSWORD_ENV
from app.domain.errors import LoyaltyError

AREAS = (setup, staff, members, points, tiers, approvals, audit)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="loyalty", description="Loyalty Desk command line")
    parser.add_argument("--version", action="version", version=f"loyalty {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file path")
    parser.add_argument(
        "--as",
        dest="as_user",
        metavar="USER",
        help=f"staff user running the command (password: ${PASSWORD_ENV})",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for area in AREAS:
        area.add_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except LoyaltyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
