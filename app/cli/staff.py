"""Dealers and staff users."""

from __future__ import annotations

from app.cli.common import NEW_PASSWORD_ENV, acting_user, dealer_id, open_db, secret
from app.cli.i18n import cli, fill
from app.domain.errors import LoyaltyError
from app.domain.roles import Role
from app.domain.text import QT_TRANSLATE_NOOP
from app.services import staff


def add_commands(commands) -> None:
    dealers = commands.add_parser("dealers", help=QT_TRANSLATE_NOOP("Cli", "dealers"))
    dealers.set_defaults(run=run_dealers)
    actions = dealers.add_subparsers(dest="dealers_command", required=True)
    actions.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "list the dealers"))
    add_dealer = actions.add_parser("add", help=QT_TRANSLATE_NOOP("Cli", "add or change a dealer"))
    for name in ("code", "name", "region", "province", "city"):
        add_dealer.add_argument(f"--{name}", required=True)

    users = commands.add_parser("users", help=QT_TRANSLATE_NOOP("Cli", "staff users"))
    users.set_defaults(run=run_users)
    actions = users.add_subparsers(dest="users_command", required=True)
    actions.add_parser("list", help=QT_TRANSLATE_NOOP("Cli", "list the staff users"))
    one_time = QT_TRANSLATE_NOOP("Cli", "one-time password from $LOYALTY_NEW_PASSWORD")
    add_user = actions.add_parser("add", help=one_time)
    add_user.add_argument("username")
    add_user.add_argument("--name", required=True)
    add_user.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--dealer", metavar="CODE")
    reset = actions.add_parser("reset-password", help=one_time)
    reset.add_argument("username")


def run_dealers(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    if args.dealers_command == "add":
        row = staff.save_dealer(
            db,
            actor,
            staff.DealerInput(args.code, args.name, args.region, args.province, args.city),
        )
        print(
            fill(
                QT_TRANSLATE_NOOP("Cli", "dealer {code} saved (id {id})"), code=row.code, id=row.id
            )
        )
    else:
        for d in staff.list_dealers(db, actor):
            print(f"{d.code}\t{d.name}\t{d.region}\t{d.province}\t{d.city}\t{_active(d.active)}")
    return 0


def run_users(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    if args.users_command == "list":
        for u in staff.list_users(db, actor):
            print(
                f"{u.username}\t{u.display_name}\t{u.role.value}\t{u.dealer_name or '-'}\t"
                f"{_active(u.active)}"
            )
        return 0
    password = secret(NEW_PASSWORD_ENV, cli(QT_TRANSLATE_NOOP("Cli", "One-time password: ")))
    if args.users_command == "add":
        dealer = dealer_id(db, actor, args.dealer) if args.dealer else None
        staff.save_user(
            db,
            actor,
            staff.UserInput(args.username, args.name, Role(args.role), dealer),
            initial_password=password,
        )
        text = QT_TRANSLATE_NOOP(
            "Cli", "user {user} created; they must change the password at first sign-in"
        )
        print(fill(text, user=args.username))
    else:
        user = next((u for u in staff.list_users(db, actor) if u.username == args.username), None)
        if user is None:
            raise LoyaltyError(QT_TRANSLATE_NOOP("Cli", "no user {user}"), user=args.username)
        staff.reset_password(db, actor, user.id, password)
        text = QT_TRANSLATE_NOOP(
            "Cli", "password of {user} reset; they must change it at next sign-in"
        )
        print(fill(text, user=args.username))
    return 0


def _active(active: bool) -> str:
    return cli(
        QT_TRANSLATE_NOOP("Cli", "active") if active else QT_TRANSLATE_NOOP("Cli", "inactive")
    )
