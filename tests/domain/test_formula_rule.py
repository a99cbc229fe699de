"""The rule for text that spreadsheets would run as a formula (app.domain.validation)."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationError
from app.domain.inputs import FORMULA_TEXT, clean_text
from app.domain.validation import InvalidValue, check_not_formula, starts_like_formula


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+86", "-cmd|'/C calc'!A0", "@SUM(1+1)", "  =A1", "\t@x", "＝1", "＋1", "－1", "＠x"],
)
def test_texts_starting_like_a_formula(text):
    assert starts_like_formula(text)
    with pytest.raises(InvalidValue) as caught:
        check_not_formula(text, "province")
    assert (caught.value.field, caught.value.code) == ("province", "formula_text")
    assert str(caught.value).startswith("The text must not start with =, +, - or @")


@pytest.mark.parametrize("text", ["", " ", "广东省", "A=1", "1+1", "星途 S7-2", "x@y.cn", "'=1"])
def test_other_texts(text):
    assert not starts_like_formula(text)
    assert check_not_formula(text, "city") is text


def test_clean_text_refuses_them_only_when_asked():
    assert clean_text(" - 客户要求 ", "note", 20) == "- 客户要求"  # notes stay as typed
    assert clean_text(" 广州店 ", "name", 20, no_formula=True) == "广州店"
    with pytest.raises(ValidationError) as caught:
        clean_text(" @SUM(1+1)", "display_name", 20, no_formula=True)
    assert caught.value.field == "display_name" and caught.value.template == FORMULA_TEXT
    assert str(caught.value) == (
        "display name: the text must not start with =, +, - or @ (spreadsheets would run it "
        "as a formula)."
    )
    with pytest.raises(ValidationError):  # the length is checked first, as before
        clean_text("=" * 30, "name", 20, no_formula=True)
