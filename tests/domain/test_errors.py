"""The error types the UI shows, and the marker for translatable text."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.domain import errors
from app.domain.errors import (
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    LoyaltyError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.domain.text import ERRORS, QT_TRANSLATE_NOOP

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "loyalty_zh_CN.ts"


def test_message_is_the_template_filled_with_its_params():
    error = LoyaltyError("Member {number} has {points} points.", number="0123", points=5)
    assert str(error) == "Member 0123 has 5 points."
    assert error.template == "Member {number} has {points} points."
    assert error.params == {"number": "0123", "points": 5}


def test_template_without_params_is_not_formatted():
    # Braces in a plain message stay as written (format() would raise on them).
    error = NotFound("No member {this} here.")
    assert str(error) == "No member {this} here."
    assert (error.template, error.params) == ("No member {this} here.", {})


def test_validation_error_names_its_field():
    error = ValidationError("At least {n} characters.", field="password", n=8)
    assert str(error) == "At least 8 characters."
    assert (error.field, error.params) == ("password", {"n": 8})
    assert ValidationError("Bad.").field is None


def test_account_locked_carries_the_minutes_left():
    error = AccountLocked("Locked for {minutes} more minutes.", 12)
    assert str(error) == "Locked for 12 more minutes."
    assert (error.minutes_left, error.params) == (12, {"minutes": 12})
    assert isinstance(error, AuthenticationFailed)


@pytest.mark.parametrize(
    "kind",
    [
        PermissionDenied,
        ValidationError,
        NotFound,
        Conflict,
        AuthenticationFailed,
        AccountLocked,
        errors.DatabaseConfigError,
        errors.DatabaseUnavailable,
        errors.DatabaseTooNew,
    ],
)
def test_every_expected_error_is_a_loyalty_error(kind):
    assert issubclass(kind, LoyaltyError) and issubclass(LoyaltyError, Exception)


def test_translate_noop_returns_the_text_unchanged():
    assert QT_TRANSLATE_NOOP(ERRORS, "Your role ({role}) may not {action}.") == (
        "Your role ({role}) may not {action}."
    )


def test_errors_context_is_the_one_in_the_translation_file():
    # The UI translates messages in the context ERRORS; lupdate files them under "Errors".
    contexts = {c.findtext("name") for c in ET.parse(TS).getroot().iter("context")}
    assert ERRORS == "Errors"
    assert ERRORS in contexts


def test_a_refusal_not_raised_by_roles_require_names_no_role_or_permission():
    # The screens name the role and the action only when both are set (``is not None``);
    # any other refusal shows its own message.
    refusal = PermissionDenied("Only the requester may cancel this request.")
    assert refusal.role is None and refusal.permission is None
