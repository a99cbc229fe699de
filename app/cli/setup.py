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
from app.config import demo_db_path, resolve_db_url, sqlite_url
from app.domain.errors import LoyaltyError
from app.services import demo
from app.services import settings as programme_settings
from app.services.demo import rebuilding
from app.services.settings import backups
from app.services.shared.database import open_database
from app.services.staff import auth


def add_commands(commands) -> None:
    init = commands.add_parser("init", help="create or upgrade the schema")
    init.add_argument("--admin", metavar="USER", help=f"create the first admin (${PASSWORD_ENV})")
    init.add_argument("--display-name", default="Administrator")
    init.set_defaults(run=init_database)

    demo_cmd = commands.add_parser("demo", help="build a demo database")
    demo_cmd.add_argument("--members", type=int, default=2000)
    demo_cmd.add_argument("--seed", type=int, default=1)
    demo_cmd.add_argument(
        "--replace", action="store_true", help="rebuild an existing demo database (needs --as)"
    )
    demo_cmd.set_defaults(run=build_demo)

    backup_cmd = commands.add_parser(
        "backup", help="online backup of an SQLite database into a new file (or a folder)"
    )
    backup_cmd.add_argument("path", type=Path)
    backup_cmd.set_defaults(run=back_up)

    commands.add_parser(
        "passwd", help=f"change your own password (new one from ${NEW_PASSWORD_ENV} or a prompt)"
    ).set_defaults(run=change_password)

    settings_cmd = commands.add_parser("settings", help="programme settings")
    settings_cmd.set_defaults(run=settings)
    actions = settings_cmd.add_subparsers(dest="settings_command", required=True)
    actions.add_parser("show")
    set_cmd = actions.add_parser("set")
    set_cmd.add_argument("key")
    set_cmd.add_argument("value")


def change_password(args) -> int:
    db = open_db(args)
    actor, current = sign_in(args, db)
    new = secret(NEW_PASSWORD_ENV, "New password: ")
    if not os.environ.get(NEW_PASSWORD_ENV) and getpass.getpass("Repeat: ") != new:
        raise LoyaltyError("the two passwords differ")
    auth.change_password(db, actor, current, new)
    print(f"password of {actor.username} changed")
    return 0


def init_database(args) -> int:
    db = open_db(args)
    result = db.upgrade
    assert result is not None  # opened with upgrade=True
    print(f"{db.description}: schema {result.from_revision or 'empty'} -> {result.to_revision}")
    if result.backup:
        print(f"backup of the previous file: {result.backup}")
    if args.admin:
        if not auth.needs_first_admin(db):
            raise LoyaltyError(
                "the database already has staff users; --admin only creates the first"
            )
        password = secret(PASSWORD_ENV, f"Password for {args.admin}: ")
        actor = auth.create_first_admin(db, args.admin, args.display_name, password)
        print(f"first administrator created: {actor.username}")
    elif auth.needs_first_admin(db):
        print("no staff users yet: run with --admin USER, or start the app to create one")
    return 0


def build_demo(args) -> int:
    if args.members < 0:
        raise LoyaltyError("--members must be 0 or more")
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
    print(
        f"{db.description}: {summary.dealers} dealers, {summary.staff} staff, "
        f"{summary.members:,} members, {summary.vehicles:,} vehicles, "
        f"{summary.entries:,} ledger entries, "
        f"{summary.service_orders:,} service orders in {time.perf_counter() - started:.1f} s"
    )
    print(
        f"demo sign-ins (password {demo.DEMO_PASSWORD}): "
        + ", ".join(name for name, _role in demo.demo_sign_ins())
    )
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
    print(f"backup written: {target}")
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
            raise LoyaltyError(f"unknown setting {args.key}; known: {', '.join(current.__dict__)}")
        kind = type(getattr(current, args.key))
        try:
            value = _setting_value(kind, args.value)
        except ValueError as exc:
            raise LoyaltyError(f"{args.key} needs a {kind.__name__}") from exc
        programme_settings.update_settings(db, actor, **{args.key: value})
    for key, value in programme_settings.get_settings(db).__dict__.items():
        print(f"{key}\t{value}")
    return 0
