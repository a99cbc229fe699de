"""The boundary checks every service applies to what it is handed: nothing is cut short,
rounded or coerced; a value is accepted as it is (after normalisation) or refused with a
message naming the limit."""

import hashlib
import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import inputs
from app.domain.errors import ValidationError
from app.domain.inputs import (
    EARLIEST_DATE,
    MAX_FEN,
    MAX_NOTE,
    MAX_POINTS,
    MAX_REQUEST_UID,
    MAX_SEARCH_TEXT,
    MAX_STORED_UID,
    check_date,
    check_int,
    check_request_uid,
    clean_text,
    derived_uid,
)

ENTER_TEXT = "Enter text."
CONTROL = "The text contains control characters; retype it."
REQUIRED = "This field is required."
TOO_LONG = "Too long: at most {max} characters."
WHOLE_NUMBER = "Enter a whole number from {low} to {high}."
DATE_RANGE = "Enter a date from {low} to {high}."
REQUEST_ID = "A request id has 1 to {max} letters, digits, dots, dashes or underscores."


def refusal(check, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        check(*args, **kwargs)
    return refused.value


def test_limits():
    assert (MAX_REQUEST_UID, MAX_STORED_UID) == (48, 64)
    assert (MAX_SEARCH_TEXT, MAX_NOTE) == (100, 500)
    assert MAX_FEN == 10_000_000_000  # 100 million yuan in fen
    assert MAX_POINTS == 10_000_000
    assert EARLIEST_DATE.isoformat() == "1990-01-01"


# --- clean_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("  张三  ", "张三"),
        ("a    b", "a b"),  # whitespace runs become one space
        ("ＡＢＣ　１２３", "ABC 123"),  # full-width letters, digits and space (NFKC)
        ("a\u00a0b", "a b"),  # no-break space
        ("", ""),
        ("   ", ""),
        (None, ""),
    ],
)
def test_clean_text_normalises(value, cleaned):
    assert clean_text(value, "note", 20) == cleaned


@pytest.mark.parametrize("value", [5, 5.0, b"abc", ["a"], True])
def test_clean_text_refuses_what_is_not_text(value):
    error = refusal(clean_text, value, "note", 20)
    assert (error.template, error.field, error.params) == (ENTER_TEXT, "note", {})
    assert str(error) == ENTER_TEXT


@pytest.mark.parametrize("value", ["a\x00b", "\x1b[31m", "a\x7fb", "a\rb", "a\nb", "a\tb", "\x85"])
def test_clean_text_refuses_control_characters_on_one_line(value):
    error = refusal(clean_text, value, "remark", 100)
    assert (error.template, error.field, error.params) == (CONTROL, "remark", {})


@pytest.mark.parametrize("value", ["a\x00b", "\x1b[31m", "a\rb", "a\n\x07"])
def test_clean_text_refuses_control_characters_other_than_line_breaks_and_tabs(value):
    error = refusal(clean_text, value, "remark", 100, multiline=True)
    assert (error.template, error.field) == (CONTROL, "remark")


def test_multiline_text_keeps_its_lines_each_normalised():
    value = "\n\n  first   line \r\n\r\nsecond\tline  \n  ＴＨＩＲＤ\n\n"
    assert clean_text(value, "note", 100, multiline=True) == "first line\n\nsecond line\nTHIRD"
    assert clean_text("one\ntwo", "note", 7, multiline=True) == "one\ntwo"
    assert clean_text(" \n \n ", "note", 10, multiline=True) == ""


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        ("XX\r\nXX", "XX\nXX"),  # a Windows line break is one line break
        ("a\r\n\r\nb", "a\n\nb"),
        ("X5 delivered\nsee box X", "X5 delivered\nsee box X"),  # only line breaks are trimmed
        ("\n\t x \t\n", "x"),
    ],
)
def test_multiline_line_breaks(value, cleaned):
    assert clean_text(value, "note", 100, multiline=True) == cleaned


def test_required_text():
    assert clean_text(" x ", "name", 10, required=True) == "x"
    for value in (None, "", "   ", "\u3000"):
        error = refusal(clean_text, value, "name", 10, required=True)
        assert (error.template, error.field, error.params) == (REQUIRED, "name", {})
    error = refusal(clean_text, "\n \n", "note", 10, required=True, multiline=True)
    assert error.template == REQUIRED


def test_max_length_counts_the_cleaned_text_and_is_inclusive():
    assert clean_text("a" * 10, "note", 10) == "a" * 10
    assert clean_text("  " + "a" * 10 + "  ", "note", 10) == "a" * 10
    assert clean_text("a  b", "note", 3) == "a b"
    assert clean_text("ａｂｃ", "note", 3) == "abc"
    assert clean_text("a\nb", "note", 3, multiline=True) == "a\nb"
    error = refusal(clean_text, "a" * 11, "note", 10)
    assert (error.template, error.field, error.params) == (TOO_LONG, "note", {"max": 10})
    assert str(error) == "Too long: at most 10 characters."
    error = refusal(clean_text, "ab\ncd", "note", 4, multiline=True)
    assert error.params == {"max": 4}


def test_empty_text_fits_a_zero_length():
    assert clean_text("", "note", 0) == ""
    assert refusal(clean_text, "a", "note", 0).params == {"max": 0}


TEXTS = st.text(st.characters(blacklist_categories=["Cc", "Cs"]), max_size=30)
LINES = st.lists(TEXTS, max_size=4).map("\n".join)


@given(TEXTS)
def test_clean_text_is_idempotent(value):
    once = clean_text(value, "note", 1000)
    assert clean_text(once, "note", 1000) == once
    assert once == once.strip() and "  " not in once


@given(LINES)
def test_multiline_clean_text_is_idempotent(value):
    once = clean_text(value, "note", 1000, multiline=True)
    assert clean_text(once, "note", 1000, multiline=True) == once
    assert not once.startswith("\n") and not once.endswith("\n")


# --- check_int --------------------------------------------------------------------------------


def test_whole_numbers_within_the_range_inclusive():
    assert check_int(1, "points", 1, 100) == 1
    assert check_int(100, "points", 1, 100) == 100
    assert check_int(-5, "delta", -5, 5) == -5
    assert check_int(0, "delta", 0, 0) == 0


@pytest.mark.parametrize("value", [0, 101, -1, 10**20])
def test_whole_numbers_outside_the_range_are_refused(value):
    error = refusal(check_int, value, "points", 1, 100)
    assert error.template == WHOLE_NUMBER
    assert (error.field, error.params) == ("points", {"low": 1, "high": 100})
    assert str(error) == "Enter a whole number from 1 to 100."


@pytest.mark.parametrize("value", [True, False, 1.0, 2.5, "5", None])
def test_booleans_floats_and_strings_are_not_coerced(value):
    error = refusal(check_int, value, "points", 0, 10)
    assert (error.template, error.field, error.params) == (
        WHOLE_NUMBER,
        "points",
        {"low": 0, "high": 10},
    )


# --- check_date -------------------------------------------------------------------------------

LOW, HIGH = date(2020, 1, 1), date(2024, 12, 31)


def test_dates_within_the_range_inclusive():
    assert check_date(LOW, "day", LOW, HIGH) == LOW
    assert check_date(HIGH, "day", LOW, HIGH) == HIGH
    assert check_date(date(2022, 6, 15), "day", LOW, HIGH) == date(2022, 6, 15)


@pytest.mark.parametrize(
    "value",
    [
        date(2019, 12, 31),
        date(2025, 1, 1),
        datetime(2022, 6, 15, 0, 0),  # a datetime is not a date here, even at midnight
        datetime(2022, 6, 15, 12, 30),
        "2022-06-15",
        None,
    ],
)
def test_dates_outside_the_range_datetimes_and_strings_are_refused(value):
    error = refusal(check_date, value, "purchase_date", LOW, HIGH)
    assert error.template == DATE_RANGE
    assert (error.field, error.params) == (
        "purchase_date",
        {"low": "2020-01-01", "high": "2024-12-31"},
    )
    assert str(error) == "Enter a date from 2020-01-01 to 2024-12-31."


def test_a_bound_that_is_not_a_date_is_shown_as_given():
    error = refusal(check_date, "someday", "day", "the start", "the end")
    assert error.params == {"low": "the start", "high": "the end"}


# --- request ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["a", "Z", "0", ".", "_", "-", "a" * 48, "import-2026.03_row-17", "9f86d081884c7d65"],
)
def test_request_ids_accepted(value):
    assert check_request_uid(value) == value


@pytest.mark.parametrize(
    "value",
    ["", "a" * 49, "hold:abc", "a b", "é", "１２３", "a/b", "a\n", None, 12345, b"abc"],
)
def test_request_ids_refused(value):
    error = refusal(check_request_uid, value)
    assert (error.template, error.field, error.params) == (REQUEST_ID, "request_uid", {"max": 48})
    assert str(error) == ("A request id has 1 to 48 letters, digits, dots, dashes or underscores.")


def test_request_id_refusal_names_the_given_field():
    assert refusal(check_request_uid, "", "rows[3].uid").field == "rows[3].uid"


@pytest.mark.skipif(
    not hasattr(inputs, "new_request_uid"), reason="new_request_uid is not on this branch yet"
)
def test_new_request_ids_are_valid_and_fresh():
    made = {inputs.new_request_uid() for _ in range(100)}
    assert len(made) == 100
    for uid in made:
        assert check_request_uid(uid) == uid
        assert re.fullmatch(r"[0-9a-f]{32}", uid)


# --- derived ids ------------------------------------------------------------------------------


def test_derived_ids_join_the_parts_with_colons():
    assert derived_uid("abc") == "abc"
    assert derived_uid("hold", "abc") == "hold:abc"
    assert derived_uid("abc", "points", 3) == "abc:points:3"
    assert derived_uid() == ""


def test_derived_ids_of_64_characters_are_kept_whole():
    uid = "a" * 48
    assert derived_uid("hold", uid, "qualify") == f"hold:{uid}:qualify"  # 4 + 1 + 48 + 1 + 7
    assert len(derived_uid("x" * 64)) == 64
    assert derived_uid("x" * 64) == "x" * 64
    assert derived_uid("x" * 31, "y" * 32) == "x" * 31 + ":" + "y" * 32


def test_longer_ids_become_a_digest_of_the_whole_id():
    whole = "hold:" + "a" * 60  # 65 characters
    digest = derived_uid("hold", "a" * 60)
    assert digest == "sha256:" + hashlib.sha256(whole.encode()).hexdigest()[:57]
    assert len(digest) == 64
    assert digest != derived_uid("hold", "a" * 59 + "b")
    # Encoded as UTF-8 before hashing.
    long_name = "会员" * 40
    assert derived_uid(long_name) == (
        "sha256:" + hashlib.sha256(long_name.encode("utf-8")).hexdigest()[:57]
    )


UIDS = st.from_regex(r"[A-Za-z0-9._-]{1,100}", fullmatch=True)
PURPOSES = st.sampled_from(["hold", "points", "qualifying", "release"])


@given(uid=UIDS, purpose=PURPOSES)
def test_derived_ids_always_fit_the_stored_column(uid, purpose):
    derived = derived_uid(uid, purpose)
    assert len(derived) <= MAX_STORED_UID
    if len(uid) + 1 + len(purpose) <= MAX_STORED_UID:
        assert derived == f"{uid}:{purpose}"
    else:
        assert re.fullmatch(r"sha256:[0-9a-f]{57}", derived)


@given(first=st.tuples(UIDS, PURPOSES), second=st.tuples(UIDS, PURPOSES))
def test_two_requests_never_share_a_derived_id(first, second):
    if first != second:
        assert derived_uid(*first) != derived_uid(*second)
