"""What every command shares: the database, the staff user it runs as, passwords, progress."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
from datetime import date

from app.cli.i18n import fill
from app.config import resolve_db_url
from app.domain.errors import AuthenticationFailed, LoyaltyError
from app.domain.roles import Actor
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import members, staff
from app.services.members import MemberFilter
from app.services.shared.database import Database, open_database
from app.services.shared.progress import Progress
from app.services.staff import auth

PASSWORD_ENV = "LOYALTY_PASSWORD"
NEW_PASSWORD_ENV = "LOYALTY_NEW_PASSWORD"


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        message = fill(QT_TRANSLATE_NOOP("Cli", "not a date (YYYY-MM-DD): {text}"), text=text)
        raise argparse.ArgumentTypeError(message) from exc


def secret(env: str, prompt: str) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise LoyaltyError(
            QT_TRANSLATE_NOOP("Cli", "set {env} or run in a terminal to be asked for the password"),
            env=env,
        )
    return getpass.getpass(prompt)


def open_db(args) -> Database:
    return open_database(resolve_db_url(args.db))


def sign_in(args, db: Database) -> tuple[Actor, str]:
    """The ``--as`` user, signed in with the password from the environment or a prompt."""
    if not args.as_user:
        raise LoyaltyError(
            QT_TRANSLATE_NOOP(
                "Cli", "this command needs a staff user: say who you are with --as USER"
            )
        )
    prompt = fill(QT_TRANSLATE_NOOP("Cli", "Password for {user}: "), user=args.as_user)
    password = secret(PASSWORD_ENV, prompt)
    try:
        return auth.sign_in(db, args.as_user, password), password
    except AuthenticationFailed as exc:
        raise LoyaltyError(exc.template, **exc.params) from exc


def acting_user(args, db: Database) -> Actor:
    """The ``--as`` user, who must have chosen their own password already."""
    actor, _password = sign_in(args, db)
    if actor.must_change_password:
        raise LoyaltyError(
            QT_TRANSLATE_NOOP(
                "Cli",
                "the password of {user} was set by an administrator: change it first "
                "with `loyalty --as {user} passwd` or in the desktop app",
            ),
            user=actor.username,
        )
    return actor


def terminal_progress() -> Progress:
    """A progress line on stderr, rewritten in place."""
    started = time.perf_counter()

    def show(done: int, total: int, message: str) -> None:
        elapsed = time.perf_counter() - started
        if total <= 0:  # unknown (a workbook that does not say): the count, no percentage
            rows = fill(QT_TRANSLATE_NOOP("Cli", "{done:,} rows"), done=done)
            print(f"\r{message} {rows} {elapsed:.1f} s", end="", file=sys.stderr, flush=True)
            return
        print(
            f"\r{message} {done:,}/{total:,} ({done * 100 // total}%) {elapsed:.1f} s",
            end="" if done < total else "\n",
            file=sys.stderr,
            flush=True,
        )

    return Progress(show)


def dealer_id(db: Database, actor: Actor, code: str) -> int:
    for dealer in staff.list_dealers(db, actor):
        if dealer.code == code.upper():
            return dealer.id
    raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "no dealer {code}"), code=code)


def member_id(db: Database, actor: Actor, number: str) -> int:
    rows = members.search(db, actor, MemberFilter(text=number), limit=5)
    found = next((row for row in rows if row.member_number == number), None)
    if found is None:
        raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "no member {number}"), number=number)
    return found.id
