"""Setting a database up and keeping it: init, the demo, backups, programme settings, passwd."""

from __future__ import annotations

import getpass
import os
import time
from pathlib import Path

from app.cli.common import (
    NEW_PASSWORD_ENV,
    PASSWORD_ENV,
    acting_user,
    open_db,
    secret,
    sign_in,
    terminal_progress,
)
from app.cli.i18n import cli, fill
from app.config import demo_db_path, resolve_db_url, sqlite_url
from app.domain.errors import LoyaltyError
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import demo
from app.services import settings as programme_settings
from app.services.demo import rebuilding
from app.services.settings import backups
from app.services.shared.database import open_database
from app.services.staff import auth


def add_commands(commands) -> None:
    init = commands.add_parser(
        "init", help=QT_TRANSLATE_NOOP("Cli", "create or upgrade the schema")
    )
    init.add_argument(
        "--admin",
        metavar="USER",
        help=QT_TRANSLATE_NOOP("Cli", "create the first admin ($LOYALTY_PASSWORD)"),
    )
    init.add_argument(
        "--display-name",
        default="Administrator",
        help=QT_TRANSLATE_NOOP("Cli", "the first admin's display name"),
    )
    init.set_defaults(run=init_database)

    demo_cmd = commands.add_parser("demo", help=QT_TRANSLATE_NOOP("Cli", "build a demo database"))
    demo_cmd.add_argument(
        "--members", type=int, default=2000, help=QT_TRANSLATE_NOOP("Cli", "how many members")
    )
    demo_cmd.add_argument(
        "--seed",
        type=int,
        default=1,
        help=QT_TRANSLATE_NOOP("Cli", "random seed (same seed, same data)"),
    )
    demo_cmd.add_argument(
        "--replace",
        action="store_true",
        help=QT_TRANSLATE_NOOP("Cli", "rebuild an existing demo database (needs --as)"),
    )
    demo_cmd.set_defaults(run=build_demo)

    backup_cmd = commands.add_parser(
        "backup",
        help=QT_TRANSLATE_NOOP(
            "Cli", "online backup of an SQLite database into a new file (or a folder)"
        ),
    )
    backup_cmd.add_argument("path", type=Path)
    backup_cmd.set_defaults(run=back_up)

    commands.add_parser(
        "passwd",
        help=QT_TRANSLATE_NOOP(
            "Cli", "change your own password (new one from $LOYALTY_NEW_PASSWORD or a prompt)"
        ),
    ).set_defaults(run=change_password)

    settings_cmd = commands.add_parser(
        "settings", help=QT_TRANSLATE_NOOP("Cli", "programme settings")
    )
    settings_cmd.set_defaults(run=settings)
    actions = settings_cmd.add_subparsers(dest="settings_command", required=True)
    actions.add_parser("show", help=QT_TRANSLATE_NOOP("Cli", "show every setting"))
    set_cmd = actions.add_parser("set", help=QT_TRANSLATE_NOOP("Cli", "change one setting"))
    set_cmd.add_argument("key")
    set_cmd.add_argument("value")


def change_password(args) -> int:
    db = open_db(args)
    actor, current = sign_in(args, db)
    new = secret(NEW_PASSWORD_ENV, cli(QT_TRANSLATE_NOOP("Cli", "New password: ")))
    repeat = QT_TRANSLATE_NOOP("Cli", "Repeat: ")
    if not os.environ.get(NEW_PASSWORD_ENV) and getpass.getpass(cli(repeat)) != new:
        raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "the two passwords differ"))
    auth.change_password(db, actor, current, new)
    print(fill(QT_TRANSLATE_NOOP("Cli", "password of {user} changed"), user=actor.username))
    return 0


def init_database(args) -> int:
    db = open_db(args)
    result = db.upgrade
    assert result is not None  # opened with upgrade=True
    before = result.from_revision or cli(QT_TRANSLATE_NOOP("Cli", "empty"))
    text = QT_TRANSLATE_NOOP("Cli", "{db}: schema {before} -> {after}")
    print(fill(text, db=db.description, before=before, after=result.to_revision))
    if result.backup:
        text = QT_TRANSLATE_NOOP("Cli", "backup of the previous file: {file}")
        print(fill(text, file=result.backup))
    if args.admin:
        if not auth.needs_first_admin(db):
            raise LoyaltyError(
                QT_TRANSLATE_NOOP(
                    "Cli", "the database already has staff users; --admin only creates the first"
                )
            )
        prompt = fill(QT_TRANSLATE_NOOP("Cli", "Password for {user}: "), user=args.admin)
        password = secret(PASSWORD_ENV, prompt)
        actor = auth.create_first_admin(db, args.admin, args.display_name, password)
        text = QT_TRANSLATE_NOOP("Cli", "first administrator created: {user}")
        print(fill(text, user=actor.username))
    elif auth.needs_first_admin(db):
        text = QT_TRANSLATE_NOOP(
            "Cli", "no staff users yet: run with --admin USER, or start the app to create one"
        )
        print(fill(text))
    return 0


def build_demo(args) -> int:
    if args.members < 0:
        raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "--members must be 0 or more"))
    url = (
        resolve_db_url(args.db)
        if args.db or os.environ.get("LOYALTY_DB_URL")
        else sqlite_url(demo_db_path())
    )
    if args.replace:
        _replace_demo(args, url)
    db = open_database(url)
    started = time.perf_counter()
    summary = demo.build_demo(db, args.members, args.seed, terminal_progress())
    text = QT_TRANSLATE_NOOP(
        "Cli",
        "{db}: {dealers} dealers, {staff} staff, {members:,} members, {vehicles:,} vehicles, "
        "{entries:,} ledger entries, {orders:,} service orders in {seconds:.1f} s",
    )
    print(
        fill(text, db=db.description, dealers=summary.dealers, staff=summary.staff,
             members=summary.members, vehicles=summary.vehicles, entries=summary.entries,
             orders=summary.service_orders, seconds=time.perf_counter() - started)
    )  # fmt: skip
    text = QT_TRANSLATE_NOOP("Cli", "demo sign-ins (password {password}): {names}")
    names = ", ".join(name for name, _role in demo.demo_sign_ins())
    print(fill(text, password=demo.DEMO_PASSWORD, names=names))
    return 0


def _replace_demo(args, url: str) -> None:
    """Drop a demo database so it can be built again: only a demo database, and only for
    one of its administrators. Any other database is left untouched."""
    db = open_database(url)
    try:
        actor = None
        if rebuilding.may_be_dropped(db) and not auth.needs_first_admin(db):
            actor = acting_user(args, db)  # the demo's own administrator
    except BaseException:
        db.close()
        raise
    rebuilding.drop_for_rebuild(db, actor)


def back_up(args) -> int:
    db = open_db(args)
    target = backups.backup_database(db, acting_user(args, db), args.path)
    print(fill(QT_TRANSLATE_NOOP("Cli", "backup written: {file}"), file=target))
    return 0


def _setting_value(kind: type, text: str):
    if kind is bool:
        if text.lower() not in ("true", "false", "1", "0", "yes", "no"):
            raise ValueError(text)
        return text.lower() in ("true", "1", "yes")
    return kind(text)


def settings(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    if args.settings_command == "set":
        current = programme_settings.get_settings(db)
        if args.key not in current.__dict__:
            raise LoyaltyError(
                QT_TRANSLATE_NOOP("Cli", "unknown setting {key}; known: {known}"),
                key=args.key,
                known=", ".join(current.__dict__),
            )
        kind = type(getattr(current, args.key))
        try:
            value = _setting_value(kind, args.value)
        except ValueError as exc:
            raise LoyaltyError(
                QT_TRANSLATE_NOOP("Cli", "{key} needs a {kind}"), key=args.key, kind=kind.__name__
            ) from exc
        programme_settings.update_settings(db, actor, **{args.key: value})
    for key, value in programme_settings.get_settings(db).__dict__.items():
        print(f"{key}\t{value}")
    return 0
