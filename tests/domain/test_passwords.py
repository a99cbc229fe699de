"""The password policy and the lock-out constants."""

import pytest

from app.domain.errors import ValidationError
from app.domain.passwords import (
    LOCK_MINUTES,
    MAX_FAILED_ATTEMPTS,
    MIN_LENGTH,
    check_password_policy,
)

TOO_SHORT = "The password needs at least 8 characters."
IS_USERNAME = "The password must not be the user name."
ONE_KIND = "The password needs both letters and digits or symbols."


def refused(password: str, username: str = "clerk") -> str:
    with pytest.raises(ValidationError) as error:
        check_password_policy(password, username)
    assert error.value.field == "password"
    return str(error.value)


def test_lock_out_after_five_failures_for_fifteen_minutes():
    # As the README promises: five wrong passwords lock an account for 15 minutes.
    assert (MAX_FAILED_ATTEMPTS, LOCK_MINUTES) == (5, 15)


def test_eight_characters_is_the_minimum():
    assert MIN_LENGTH == 8
    check_password_policy("Abcd-123", "clerk")
    assert refused("Abc-123") == TOO_SHORT
    assert refused("") == TOO_SHORT


def test_short_message_keeps_its_template_for_translation():
    with pytest.raises(ValidationError) as error:
        check_password_policy("a1", "clerk")
    assert error.value.template == "The password needs at least {n} characters."
    assert error.value.params == {"n": 8}


@pytest.mark.parametrize(
    ("password", "username"),
    [
        ("clerk-0001", "clerk-0001"),
        ("Clerk-0001", "clerk-0001"),  # case does not matter
        ("clerk-0001", "CLERK-0001"),
        (" clerk-0001", "clerk-0001"),  # nor spaces around either
        ("clerk-0001 ", "clerk-0001"),
        ("clerk-0001", " clerk-0001"),
        ("clerk-0001", "clerk-0001 "),
        ("STRASSE-01", "straße-01"),  # casefold, not lower: ß is ss
    ],
)
def test_password_must_not_be_the_user_name(password, username):
    assert refused(password, username) == IS_USERNAME


@pytest.mark.parametrize("password", ["12345678", "abcdefgh", "ABCDEFGHIJ", "密码密码密码密码"])
def test_password_needs_two_kinds_of_characters(password):
    assert refused(password, "someone") == ONE_KIND


@pytest.mark.parametrize("password", ["abcd1234", "abcdefg!", "1234567-", "密码密码-1234"])
def test_accepted_passwords(password):
    check_password_policy(password, "someone")
