"""Dealers and staff users."""

from __future__ import annotations

from app.cli.common import NEW_PASSWORD_ENV, acting_user, dealer_id, open_db, secret
from app.domain.errors import LoyaltyError
from app.domain.roles import Role
from app.services import staff


def add_commands(commands) -> None:
    dealers = commands.add_parser("dealers", help="dealers")
    dealers.set_defaults(run=run_dealers)
    actions = dealers.add_subparsers(dest="dealers_command", required=True)
    actions.add_parser("list")
    add_dealer = actions.add_parser("add")
    for name in ("code", "name", "region", "province", "city"):
        add_dealer.add_argument(f"--{name}", required=True)

    users = commands.add_parser("users", help="staff users")
    users.set_defaults(run=run_users)
    actions = users.add_subparsers(dest="users_command", required=True)
    actions.add_parser("list")
    add_user = actions.add_parser("add", help=f"one-time password from ${NEW_PASSWORD_ENV}")
    add_user.add_argument("username")
    add_user.add_argument("--name", required=True)
    add_user.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--dealer", metavar="CODE")
    reset = actions.add_parser("reset-password", help=f"one-time password from ${NEW_PASSWORD_ENV}")
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
        print(f"dealer {row.code} saved (id {row.id})")
    else:
        for d in staff.list_dealers(db, actor):
            print(
                f"{d.code}\t{d.name}\t{d.region}\t{d.province}\t{d.city}\t"
                f"{'active' if d.active else 'inactive'}"
            )
    return 0


def run_users(args) -> int:
    db = open_db(args)
    actor = acting_user(args, db)
    if args.users_command == "list":
        for u in staff.list_users(db, actor):
            print(
                f"{u.username}\t{u.display_name}\t{u.role.value}\t{u.dealer_name or '-'}\t"
                f"{'active' if u.active else 'inactive'}"
            )
        return 0
    password = secret(NEW_PASSWORD_ENV, "One-time password: ")
    if args.users_command == "add":
        dealer = dealer_id(db, actor, args.dealer) if args.dealer else None
        staff.save_user(
            db,
            actor,
            staff.UserInput(args.username, args.name, Role(args.role), dealer),
            initial_password=password,
        )
        print(f"user {args.username} created; they must change the password at first sign-in")
    else:
        user = next((u for u in staff.list_users(db, actor) if u.username == args.username), None)
        if user is None:
            raise LoyaltyError(f"no user {args.username}")
        staff.reset_password(db, actor, user.id, password)
        print(f"password of {args.username} reset; they must change it at next sign-in")
    return 0
