"""Staff: dealers and staff users (``directory``) and signing in (``auth``)."""

from __future__ import annotations

from app.services.staff.directory import (
    DEALER_CODE,
    DealerInput,
    DealerRow,
    UserInput,
    UserRow,
    list_dealers,
    list_users,
    reset_password,
    save_dealer,
    save_user,
)

__all__ = [
    "DEALER_CODE",
    "DealerInput",
    "DealerRow",
    "UserInput",
    "UserRow",
    "list_dealers",
    "list_users",
    "reset_password",
    "save_dealer",
    "save_user",
]
