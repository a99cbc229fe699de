"""Password policy (the hashing itself lives in the services)."""

from app.domain.errors import ValidationError
from app.domain.text import QT_TRANSLATE_NOOP

MIN_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
LOCK_MINUTES = 15


def check_password_policy(password: str, username: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password needs at least {n} characters."),
            field="password",
            n=MIN_LENGTH,
        )
    if password.strip().casefold() == username.strip().casefold():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password must not be the user name."),
            field="password",
        )
    if password.isdigit() or password.isalpha():
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The password needs both letters and digits or symbols."),
            field="password",
        )
