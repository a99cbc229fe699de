from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.validation import (
    InvalidValue,
    ResidentId,
    check_resident_id_matches,
    complete_vin,
    damm_check_digit,
    is_valid_member_number,
    make_member_number,
    mask_mobile,
    mask_name,
    mask_resident_id,
    normalize_member_number,
    normalize_mobile,
    normalize_person_name,
    normalize_plate,
    normalize_text,
    normalize_vin,
    parse_resident_id,
    resident_id_check_char,
    vin_check_digit,
)

TODAY = date(2024, 6, 1)


def fullwidth(s: str) -> str:
    """ASCII digits/letters → their full-width forms (U+FF10..), as Chinese IMEs type them."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isalnum() and c.isascii() else c for c in s)


# The English fallback message of each rule (also the text in logs), written out.
MESSAGES = {
    "mobile_required": "Please enter the mobile number.",
    "mobile_format": "The mobile number must be 11 digits starting with 13 to 19 "
    "(an optional +86 prefix is allowed).",
    "resident_id_required": "Please enter the ID card number.",
    "id_length": "The ID card number must have 18 characters.",
    "id_format": "The ID card number must be 17 digits followed by a digit or X.",
    "id_checksum": "The ID card number is not valid (check character mismatch); "
    "please re-check it.",
    "id_birthday": "The birth date in the ID card number is not a possible date.",
    "id_birthday_mismatch": "The birthday does not match the birth date in the ID card number.",
    "id_gender_mismatch": "The gender does not match the gender encoded in the ID card number.",
    "vin_required": "Please enter the VIN.",
    "vin_format": "A VIN may contain only digits and letters.",
    "vin_length": "A VIN must have exactly 17 characters.",
    "vin_check": "The VIN is not valid (its 9th character, the check digit, does not match); "
    "please re-check it.",
    "plate_required": "Please enter the plate number.",
    "plate_province": "The plate number must start with a province abbreviation such as 粤 or 京.",
    "plate_forbidden_letter": "Plate numbers never contain the letters I or O; "
    "they are probably 1 and 0.",
    "plate_format": "The plate number must be a province abbreviation, a letter and 5 letters or "
    "digits (6 for new-energy plates, with D or F as 3rd or last character).",
    "member_number_required": "Please enter the member number.",
    "member_number_format": "The member number must be 11 digits.",
    "member_number_check": "The member number is not valid "
    "(a digit is wrong or two digits are swapped).",
    "name_required": "Please enter the name.",
    "name_length": "The name must be at most 40 characters.",
    "name_digits": "A name must not contain digits.",
    "name_chars": "A name may contain only letters, spaces, '·', hyphens, apostrophes and dots, "
    "and must start and end with a letter.",
}


def forbidden_letter_message(found: str) -> str:
    return (
        f"A VIN never contains the letters I, O or Q (found: {found}); "
        "they are probably the digits 1 and 0."
    )


@contextmanager
def raises_code(code: str, field: str, message: str | None = None) -> Iterator[None]:
    """The rule ``code`` of ``field`` refuses the value, with its English message."""
    with pytest.raises(InvalidValue) as info:
        yield
    assert (info.value.field, info.value.code) == (field, code)
    assert str(info.value) == (message or MESSAGES[code])


def test_invalid_value_is_a_value_error_with_field_and_code():
    err = InvalidValue("mobile", "mobile_format", "Bad number.")
    assert isinstance(err, ValueError)
    assert (err.field, err.code, str(err)) == ("mobile", "mobile_format", "Bad number.")


# --- normalize_text ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  hello  ", "hello"),
        ("张\u3000\u3000三", "张 三"),  # ideographic spaces
        ("a\t\n b\u00a0\u00a0c", "a b c"),  # tab, newline, NBSP
        ("ＡＢＣ１２３", "ABC123"),  # full-width letters and digits
        ("", ""),
        (" \u3000 ", ""),
    ],
)
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


# --- mobile --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        " 138 1234 5678 ",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "＋８６－１３８－１２３４－５６７８",
    ],
)
def test_normalize_mobile_accepts_common_spellings(raw):
    assert normalize_mobile(raw) == "13812345678"


@pytest.mark.parametrize(
    "raw",
    [
        "12812345678",  # second digit 2
        "23812345678",  # does not start with 1
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "+1 13812345678",
        "86 1381234567",  # prefix + only 10 digits
        "1381234567a",
        "١٣٨١٢٣٤٥٦٧٨",  # Arabic-Indic digits are not phone digits here
    ],
)
def test_normalize_mobile_rejects(raw):
    with raises_code("mobile_format", "mobile"):
        normalize_mobile(raw)


def test_normalize_mobile_requires_a_value():
    with raises_code("mobile_required", "mobile"):
        normalize_mobile("  ")


def test_mask_mobile():
    assert mask_mobile("13812341234") == "138****1234"
    assert mask_mobile("+86 139 0000 5678") == "139****5678"


_FULLWIDTH_OR_NOT = st.sampled_from([str, fullwidth])


@given(
    number=st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    prefix=st.sampled_from(["", "+86", "0086", "86", "+86 ", "(+86) ", "＋８６"]),
    seps=st.lists(st.sampled_from(["", "", " ", "-", "\u3000", "\t"]), min_size=11, max_size=11),
    width=st.lists(_FULLWIDTH_OR_NOT, min_size=11, max_size=11),
    pad=st.sampled_from(["", " ", "\u3000", " \t"]),
)
def test_normalize_mobile_accepts_variants_and_is_idempotent(number, prefix, seps, width, pad):
    body = "".join(w(c) + s for c, w, s in zip(number, width, seps, strict=True))
    normalized = normalize_mobile(pad + prefix + body + pad)
    assert normalized == number
    assert normalize_mobile(normalized) == normalized


# --- resident ID ---------------------------------------------------------------------------

# Both are the worked examples printed in GB 11643-1999.
STANDARD_SAMPLE = "11010519491231002X"
STANDARD_SAMPLE_1880 = "440524188001010014"  # valid checksum, born before 1900


def test_parse_resident_id_standard_sample():
    rid = parse_resident_id(STANDARD_SAMPLE, today=TODAY)
    assert rid == ResidentId("11010519491231002X", date(1949, 12, 31), "female", "110105")


@pytest.mark.parametrize(
    "raw", ["11010519491231002x", " 110105 19491231 002X ", fullwidth("11010519491231002x")]
)
def test_parse_resident_id_normalizes(raw):
    assert parse_resident_id(raw, today=TODAY).number == STANDARD_SAMPLE


def test_resident_id_is_immutable():
    rid = parse_resident_id(STANDARD_SAMPLE, today=TODAY)
    with pytest.raises(AttributeError):  # dataclasses.FrozenInstanceError
        rid.gender = "male"  # type: ignore[misc]


def test_parse_resident_id_male():
    rid = parse_resident_id("110101199003077758", today=TODAY)
    assert (rid.birthday, rid.gender, rid.region_code) == (date(1990, 3, 7), "male", "110101")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "resident_id_required"),
        ("110105194912310", "id_length"),  # old 15-digit number
        ("11010519491231002X1", "id_length"),
        ("1101051949123100XX", "id_format"),
        ("11010519491231002A", "id_format"),
        ("110105194912310021", "id_checksum"),
        ("110105194912310029", "id_checksum"),
        ("110101199003072338", "id_checksum"),
        ("11010119490231002" + resident_id_check_char("11010119490231002"), "id_birthday"),
        ("11010120250101002" + resident_id_check_char("11010120250101002"), "id_birthday"),
        (STANDARD_SAMPLE_1880, "id_birthday"),
    ],
)
def test_parse_resident_id_rejects(raw, code):
    with raises_code(code, "resident_id"):
        parse_resident_id(raw, today=TODAY)


def test_parse_resident_id_born_today_is_allowed():
    first17 = "110101" + TODAY.strftime("%Y%m%d") + "001"
    assert parse_resident_id(first17 + resident_id_check_char(first17), today=TODAY)


def test_check_resident_id_matches():
    rid = parse_resident_id(STANDARD_SAMPLE, today=TODAY)
    check_resident_id_matches(rid, date(1949, 12, 31), "female")
    check_resident_id_matches(rid, None, None)
    with raises_code("id_birthday_mismatch", "resident_id"):
        check_resident_id_matches(rid, date(1949, 12, 30), None)
    with raises_code("id_gender_mismatch", "resident_id"):
        check_resident_id_matches(rid, None, "male")
    with pytest.raises(ValueError, match="gender"):
        check_resident_id_matches(rid, gender="F")


def test_mask_resident_id():
    assert mask_resident_id(STANDARD_SAMPLE) == "1" + "*" * 16 + "X"
    assert mask_resident_id("11010519491231002x") == "1" + "*" * 16 + "X"
    assert mask_resident_id("12") == "**"
    assert mask_resident_id("") == ""


# Reference check-character computation written independently of the module: the table
# form of ISO 7064 MOD 11-2 found in the standard.
_REF_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _ref_id_check(first17: str) -> str:
    return "10X98765432"[
        sum(int(d) * w for d, w in zip(first17, _REF_ID_WEIGHTS, strict=True)) % 11
    ]


@given(
    region=st.integers(100000, 999999),
    birthday=st.dates(date(1900, 1, 1), TODAY),
    seq=st.integers(0, 999),
)
def test_resident_id_roundtrip(region, birthday, seq):
    first17 = f"{region}{birthday:%Y%m%d}{seq:03d}"
    assert resident_id_check_char(first17) == _ref_id_check(first17)
    rid = parse_resident_id(first17 + _ref_id_check(first17).lower(), today=TODAY)
    assert rid.birthday == birthday
    assert rid.gender == ("male" if seq % 2 else "female")
    assert rid.region_code == str(region)
    assert rid.number == first17 + _ref_id_check(first17)


# --- VIN -----------------------------------------------------------------------------------

VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
# ISO 3779 transliteration, written out independently of the module.
_REF_VIN_VALUE = {c: int(c) for c in "0123456789"} | {
    **{c: i for i, c in enumerate("ABCDEFGH", 1)},
    **{c: i for i, c in enumerate("JKLMN", 1)},
    "P": 7,
    "R": 9,
    **{c: i for i, c in enumerate("STUVWXYZ", 2)},
}
_REF_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


@pytest.mark.parametrize(
    "vin",
    [
        "1M8GDM9AXKP042788",  # the textbook example, check digit X
        "11111111111111111",
        "1HGCM82633A004352",
        "JHMCM56557C404453",
        "LSVAU218XN2183294",  # computed: a Chinese WMI with check digit X
    ],
)
def test_normalize_vin_valid(vin):
    assert normalize_vin(vin) == vin
    assert vin_check_digit(vin) == vin[8]


def test_normalize_vin_normalizes():
    assert normalize_vin(" 1m8gdm9axkp 042788 ") == "1M8GDM9AXKP042788"
    assert normalize_vin(fullwidth("1m8gdm9axkp042788")) == "1M8GDM9AXKP042788"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "vin_required"),
        ("1M8GDM9AXKP04278", "vin_length"),
        ("1M8GDM9AXKP0427888", "vin_length"),
        ("1M8GDM9AXKP04278*", "vin_format"),
        ("1M8GDM9A1KP042788", "vin_check"),
        ("1M8GDM9AXKP042789", "vin_check"),
        ("WP0ZZZ99ZTS392124", "vin_check"),  # European VIN without a check digit
    ],
)
def test_normalize_vin_rejects(raw, code):
    with raises_code(code, "vin"):
        normalize_vin(raw)


@pytest.mark.parametrize(
    ("raw", "found"),
    [
        ("1M8GDM9AXKPO42788", "O"),
        ("IM8GDM9AXKPO4278Q", "I, O, Q"),  # each named once, in order
        ("1M8GDM9AXKPOOQQ88", "O, Q"),
        ("1m8gdm9axkpi42788", "I"),  # lower case too
    ],
)
def test_vin_forbidden_letters_are_named(raw, found):
    with raises_code("vin_forbidden_letter", "vin", forbidden_letter_message(found)):
        normalize_vin(raw)


def test_complete_vin():
    assert complete_vin("1M8GDM9A", "KP042788") == "1M8GDM9AXKP042788"
    assert complete_vin("lsvau218", "n2183294") == "LSVAU218XN2183294"
    with pytest.raises(ValueError):
        complete_vin("1M8GDM9", "KP042788")
    with raises_code("vin_forbidden_letter", "vin", forbidden_letter_message("O")):
        complete_vin("1M8GDM9O", "KP042788")


_VIN_HALF = st.text(VIN_CHARS, min_size=8, max_size=8)


@given(head=_VIN_HALF, tail=_VIN_HALF, pos=st.integers(0, 16), new=st.sampled_from(VIN_CHARS))
def test_vin_single_character_change_detected_exactly_when_weighted_value_differs(
    head, tail, pos, new
):
    vin = complete_vin(head, tail)
    assert normalize_vin(vin) == vin
    old = vin[pos]
    assume(new != old)
    changed = vin[:pos] + new + vin[pos + 1 :]
    w = _REF_VIN_WEIGHTS[pos]
    # Position 9 holds the check digit itself: any other value there is wrong.
    detectable = pos == 8 or (w * _REF_VIN_VALUE[old]) % 11 != (w * _REF_VIN_VALUE[new]) % 11
    if detectable:
        with raises_code("vin_check", "vin"):
            normalize_vin(changed)
    else:
        assert normalize_vin(changed) == changed


# --- plate ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("粤B·12345", "粤B12345"),
        ("粤B12345", "粤B12345"),
        ("京a 8k3x9", "京A8K3X9"),
        ("沪A-12345", "沪A12345"),
        ("川A.12345", "川A12345"),
        ("粤ＢＤ１２３４５", "粤BD12345"),  # new energy, D 3rd (full-width input)
        ("粤B·F1234A", "粤BF1234A"),
        ("沪A12345D", "沪A12345D"),  # new energy, D last
        ("使A12345", "使A12345"),
    ],
)
def test_normalize_plate_valid(raw, expected):
    assert normalize_plate(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "plate_required"),
        ("港A12345", "plate_province"),
        ("AB12345", "plate_province"),
        ("粤BI2345", "plate_forbidden_letter"),
        ("粤O12345", "plate_forbidden_letter"),
        ("粤B1234", "plate_format"),  # too short
        ("粤B123456", "plate_format"),  # 8 chars without D/F
        ("粤B12345X", "plate_format"),
        ("粤1A2345", "plate_format"),  # 2nd character must be a letter
        ("粤B12#45", "plate_format"),
    ],
)
def test_normalize_plate_rejects(raw, code):
    with raises_code(code, "plate"):
        normalize_plate(raw)


# --- member number -------------------------------------------------------------------------


def test_damm_reference_example():
    assert damm_check_digit("572") == "4"  # the example in Damm's paper / Wikipedia


@pytest.mark.parametrize(
    ("seq", "number"),
    [
        (0, "00000000000"),
        (1, "00000000013"),
        (123456789, "01234567894"),
        (10**10 - 1, "99999999992"),
    ],
)
def test_make_member_number(seq, number):
    assert make_member_number(seq) == number
    assert is_valid_member_number(number)


@pytest.mark.parametrize("seq", [-1, 10**10])
def test_make_member_number_range(seq):
    with pytest.raises(ValueError) as error:
        make_member_number(seq)
    assert str(error.value) == "member sequence out of range"


def test_normalize_member_number():
    assert normalize_member_number(" 0123 4567 894 ") == "01234567894"
    assert normalize_member_number("０１２３４５６７８９４") == "01234567894"
    assert normalize_member_number("0123-4567-894") == "01234567894"
    with raises_code("member_number_check", "member_number"):
        normalize_member_number("01234567895")
    with raises_code("member_number_check", "member_number"):
        normalize_member_number("10234567894")  # adjacent transposition
    with raises_code("member_number_format", "member_number"):
        normalize_member_number("0123456789")
    with raises_code("member_number_format", "member_number"):
        normalize_member_number("0123456789a")
    with raises_code("member_number_required", "member_number"):
        normalize_member_number("")
    assert not is_valid_member_number("01234567895")
    assert not is_valid_member_number("")


_SEQ = st.integers(0, 10**10 - 1)


@given(seq=_SEQ, pos=st.integers(0, 10), delta=st.integers(1, 9))
def test_member_number_detects_every_single_digit_error(seq, pos, delta):
    number = make_member_number(seq)
    assert len(number) == 11 and is_valid_member_number(number)
    wrong = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    assert not is_valid_member_number(wrong)


@given(seq=_SEQ, pos=st.integers(0, 9))
def test_member_number_detects_every_adjacent_transposition(seq, pos):
    number = make_member_number(seq)
    a, b = number[pos], number[pos + 1]
    assume(a != b)
    assert not is_valid_member_number(number[:pos] + b + a + number[pos + 2 :])


# --- person name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张三"),
        ("  张\u3000三 ", "张三"),  # padding space inside a two-character name
        ("欧阳娜娜", "欧阳娜娜"),
        ("买买提·艾力", "买买提·艾力"),
        ("买买提 ・ 艾力", "买买提·艾力"),  # katakana middle dot typed by some IMEs
        ("John  Smith", "John Smith"),
        ("Ｊｏｈｎ Smith", "John Smith"),
        ("Jean-Luc O'Brien", "Jean-Luc O'Brien"),
        ("J. R. Tolkien", "J. R. Tolkien"),
        ("Zoë Müller", "Zoë Müller"),
        ("李" * 40, "李" * 40),
    ],
)
def test_normalize_person_name_valid(raw, expected):
    assert normalize_person_name(raw) == expected


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "name_required"),
        (" \u3000 ", "name_required"),
        ("李" * 41, "name_length"),
        ("李4", "name_digits"),
        ("张三３", "name_digits"),  # full-width digit
        ("张\x00三", "name_chars"),
        ("张\u200b三", "name_chars"),  # zero-width space
        ("·张三", "name_chars"),
        ("张三-", "name_chars"),
        ("Smith, John", "name_chars"),
        ("张@三", "name_chars"),
    ],
)
def test_normalize_person_name_rejects(raw, code):
    with raises_code(code, "name"):
        normalize_person_name(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("张三", "张*"),
        ("李小龙", "李**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳锋", "欧阳*"),
        ("欧阳", "欧*"),  # two characters: surname 欧, given name 阳
        ("买买提·艾力", "买**·**"),
        ("John Smith", "J*** S****"),
        ("Jean-Luc Picard", "J***-L** P*****"),
        ("", ""),
    ],
)
def test_mask_name(raw, expected):
    assert mask_name(raw) == expected


# --- boundaries and tables written out ---------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "१३८१२३४५६७८",  # Devanagari digits
        "1381234567٨",  # one Arabic-Indic digit at the end
        "+86 १३८१२३४५६७८",
    ],
)
def test_mobile_digits_are_ascii_only(raw):
    with raises_code("mobile_format", "mobile"):
        normalize_mobile(raw)


@pytest.mark.parametrize(
    ("normalize", "raw", "code", "field"),
    [
        (normalize_mobile, "13812345678X", "mobile_format", "mobile"),
        (normalize_mobile, "138X12345678", "mobile_format", "mobile"),
        (normalize_member_number, "01234567894X", "member_number_format", "member_number"),
    ],
)
def test_letters_are_not_dropped_as_separators(normalize, raw, code, field):
    with raises_code(code, field):
        normalize(raw)


def test_mask_mobile_refuses_an_invalid_number():
    with raises_code("mobile_format", "mobile"):
        mask_mobile("1381234")


def test_member_number_digits_are_ascii_only():
    with raises_code("member_number_format", "member_number"):
        normalize_member_number("٠١٢٣٤٥٦٧٨٩٤")  # Arabic-Indic 01234567894
    assert damm_check_digit("") == "0"


def test_resident_id_check_char_needs_17_ascii_digits():
    arabic_indic = "".join(chr(0x660 + int(d)) for d in "11010519491231002")
    for bad in ("1101051949123100", "110105194912310021", arabic_indic, "1101051949123100X"):
        with pytest.raises(ValueError) as error:
            resident_id_check_char(bad)
        assert str(error.value) == "expected 17 ASCII digits"


def _resident_id(first17: str) -> str:
    return first17 + _ref_id_check(first17)


def test_resident_id_birthday_boundary_is_1900_01_01():
    rid = parse_resident_id(_resident_id("11010119000101001"), today=TODAY)
    assert rid.birthday == date(1900, 1, 1)
    with raises_code("id_birthday", "resident_id"):
        parse_resident_id(_resident_id("11010118991231001"), today=TODAY)


def test_resident_id_born_tomorrow_is_refused():
    with raises_code("id_birthday", "resident_id"):
        parse_resident_id(_resident_id("11010120240602001"), today=TODAY)


def test_check_resident_id_matches_names_a_bad_gender():
    rid = parse_resident_id(STANDARD_SAMPLE, today=TODAY)
    with pytest.raises(ValueError) as error:
        check_resident_id_matches(rid, gender="F")
    assert str(error.value) == "gender must be 'male' or 'female', not 'F'"
    check_resident_id_matches(rid, gender="female")
    check_resident_id_matches(rid, birthday=date(1949, 12, 31))


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("310101199003077758", "3" + "*" * 16 + "8"),  # the first character, not the second
        ("44052418800101001x", "4" + "*" * 16 + "X"),
        (" 3101 0119 9003 0777 58 ", "3" + "*" * 16 + "8"),
        ("abc", "A*C"),
        ("a", "*"),
    ],
)
def test_mask_resident_id_keeps_first_and_last(raw, masked):
    assert mask_resident_id(raw) == masked


def test_vin_hyphens_and_spaces_are_dropped():
    assert normalize_vin("1M8GDM9A-XKP-042788") == "1M8GDM9AXKP042788"
    assert normalize_vin("1M8-GDM-9AX-KP0-427-88") == "1M8GDM9AXKP042788"


@pytest.mark.parametrize("char", VIN_CHARS)
def test_vin_transliteration_of_each_character(char):
    # At position 1 (weight 8) every value 0-9 gives a different check digit.
    expected = "0123456789X"[(_REF_VIN_VALUE[char] * 8) % 11]
    assert vin_check_digit(char + "0" * 16) == expected


def test_vin_value_of_r_is_9():
    assert _REF_VIN_VALUE["R"] == 9
    assert vin_check_digit("R" + "0" * 16) == "6"  # 9 * 8 = 72 = 6 mod 11


@pytest.mark.parametrize("position", range(17))
def test_vin_weight_of_each_position(position):
    vin = "0" * position + "1" + "0" * (16 - position)
    assert vin_check_digit(vin) == "0123456789X"[_REF_VIN_WEIGHTS[position] % 11]


def test_vin_check_digit_accepts_lower_case_and_checks_length():
    assert vin_check_digit("1m8gdm9axkp042788") == "X"
    with raises_code("vin_length", "vin"):
        vin_check_digit("1M8GDM9AXKP04278")
    with pytest.raises(ValueError) as error:
        complete_vin("1M8GDM9A", "KP04278")
    assert str(error.value) == "expected 8 + 8 characters"


PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"


@pytest.mark.parametrize("province", PROVINCES)
def test_every_province_abbreviation(province):
    assert normalize_plate(f"{province}A·12345") == f"{province}A12345"


@pytest.mark.parametrize("raw", ["XA12345", "台A12345", "1A12345"])
def test_plate_must_start_with_a_province(raw):
    with raises_code("plate_province", "plate"):
        normalize_plate(raw)


@pytest.mark.parametrize("separator", ".·•・-‐–—_")
def test_plate_separators(separator):
    assert normalize_plate(f"粤B{separator}12345") == "粤B12345"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("沪A12345F", "沪A12345F"),  # new energy, F last
        ("粤BF12345", "粤BF12345"),  # new energy, F 3rd
        ("粤BDF1234", "粤BDF1234"),
    ],
)
def test_new_energy_plates(raw, expected):
    assert normalize_plate(raw) == expected


@pytest.mark.parametrize("raw", ["沪A1234F5", "粤B12345G", "粤BG12345"])
def test_eight_character_plates_need_d_or_f(raw):
    with raises_code("plate_format", "plate"):
        normalize_plate(raw)


RARE_HAN = [
    "㐀㐁",  # CJK Extension A (U+3400)
    "\U00020000\U00020001",  # Extension B
    "\U0002a6a5\U0002b740",  # Extensions B and D
    "\ufa0e\ufa0f",  # unified ideographs in the compatibility block (kept by NFKC)
]


@pytest.mark.parametrize("han", RARE_HAN)
def test_rare_han_characters_are_chinese_name_characters(han):
    first, second = han
    assert normalize_person_name(f"{first} {second}") == han  # padding space removed
    assert mask_name(f"{first}{second}·{second}{first}") == f"{first}*·**"


COMPOUND_SURNAMES = [
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "轩辕",
    "令狐",
    "端木",
    "独孤",
    "南宫",
    "西门",
    "百里",
    "呼延",
    "澹台",
    "公冶",
    "太史",
    "申屠",
    "钟离",
    "闻人",
    "赫连",
    "濮阳",
    "淳于",
    "单于",
    "拓跋",
    "万俟",
]


@pytest.mark.parametrize("surname", COMPOUND_SURNAMES)
def test_compound_surnames_are_kept_whole(surname):
    assert mask_name(surname + "明") == surname + "*"
    assert mask_name(surname + "小明") == surname + "**"


def test_other_surnames_are_one_character():
    assert mask_name("王小明") == "王**"
    assert mask_name("阳欧明") == "阳**"
    assert mask_name("万俟") == "万*"
    assert mask_name("XX王") == "X**"  # Latin letters are never a compound surname


@pytest.mark.parametrize(
    ("raw", "normalized", "masked"),
    [
        ("Xavier Li", "Xavier Li", "X***** L*"),  # X is neither a dot nor Chinese
        ("MAX XU", "MAX XU", "M** X*"),
    ],
)
def test_latin_names_with_x(raw, normalized, masked):
    assert normalize_person_name(raw) == normalized
    assert mask_name(raw) == masked


@pytest.mark.parametrize("dot", ["·", "・", "•", "‧", "∙", "⋅"])
def test_name_dot_variants_become_the_middle_dot(dot):
    assert normalize_person_name(f"买买提{dot}艾力") == "买买提·艾力"
    assert normalize_person_name(f"买买提 {dot} 艾力") == "买买提·艾力"


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("Mary", "M***"),
        ("O'Brien", "O'B****"),
        ("Anne-Marie", "A***-M****"),
        ("J. R. R.", "J. R. R."),
    ],
)
def test_mask_latin_name_keeps_each_parts_first_letter(raw, masked):
    assert mask_name(raw) == masked
