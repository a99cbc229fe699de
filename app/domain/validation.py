"""Validation rules for member registration: pure functions, stdlib only.

Every ``normalize_*``/``parse_*`` function returns the canonical form of its input or raises
:class:`InvalidValue`, whose ``code`` the GUI maps to translated text; the English message
is the fallback and the text for logs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal


class InvalidValue(ValueError):
    """User input that breaks a rule; ``field`` names the form field, ``code`` the rule."""

    def __init__(self, field: str, code: str, message: str):
        super().__init__(message)
        self.field = field
        self.code = code


def normalize_text(s: str) -> str:
    """NFKC (full-width → ASCII, U+3000 → space), trim, collapse whitespace runs to one space."""
    # str.split() with no argument splits on every Unicode whitespace run (tab, NBSP, ...).
    return " ".join(unicodedata.normalize("NFKC", s).split())


# --- Text a spreadsheet would take for a formula --------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@")


def starts_like_formula(s: str) -> bool:
    """Whether the text, trimmed and NFKC-normalised (full-width "＝" counts), begins with
    = + - or @: Excel, WPS and LibreOffice take such a cell, typed, pasted or opened from a
    CSV file, for a formula ("@SUM(1+1)", "-cmd|'/C calc'!A0": OWASP's CSV injection).

    The programme's rule:

    * Free-text fields of identity, names and addresses are refused when they start so:
      the text columns of a member workbook (province, city, vehicle model, tags; every
      cell starting with "=" is refused as a formula anyway) and what administrators enter
      as names (dealer name, region, province and city, staff display names), through
      ``app.domain.inputs.clean_text(..., no_formula=True)``. Codes, mobiles ("+86…"),
      numbers and dates are not free text and have rules of their own.
    * Notes and reasons stay as typed ("- 客户要求" is a plausible note).
    * Every Excel export (``app.adapters.workbooks.writer``) writes text as text, never as
      a formula, and marks text cells starting with these characters as quoted text
      (Excel's quotePrefix, what a leading ' does when typing), so the value is kept as it
      is (an export can be imported again) and editing it in Excel does not run it.
    """
    return normalize_text(s).startswith(FORMULA_STARTS)


def check_not_formula(s: str, field: str) -> str:
    """``s`` unchanged, or InvalidValue when it starts like a formula (see above)."""
    if starts_like_formula(s):
        raise InvalidValue(
            field,
            "formula_text",
            "The text must not start with =, +, - or @: spreadsheets would run it as a formula.",
        )
    return s


def _compact(s: str, drop: str = "") -> str:
    """normalize_text without any whitespace and without the characters in ``drop``."""
    s = normalize_text(s).replace(" ", "")
    return s.translate({ord(c): None for c in drop}) if drop else s


def _require(value: str, field: str, what: str) -> None:
    if not value:
        raise InvalidValue(field, f"{field}_required", f"Please enter the {what}.")


# --- Mobile ------------------------------------------------------------------------------

# [0-9] not \d: \d would also accept Arabic-Indic and other Unicode digits.
_MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")


def normalize_mobile(s: str) -> str:
    """Mainland China mobile number as 11 ASCII digits, country prefix removed."""
    m = _compact(s, "-()")
    _require(m, "mobile", "mobile number")
    for prefix in ("+86", "0086", "86"):
        # A bare "86" is only a prefix when 11 digits follow: no mobile number starts with 8.
        if m.startswith(prefix) and len(m) - len(prefix) == 11:
            m = m[len(prefix) :]
            break
    if not _MOBILE_RE.fullmatch(m):
        raise InvalidValue(
            "mobile",
            "mobile_format",
            "The mobile number must be 11 digits starting with 13 to 19 "
            "(an optional +86 prefix is allowed).",
        )
    return m


def mask_mobile(m: str) -> str:
    """Mask for display: "13812341234" → "138****1234" (prefix and last four kept)."""
    m = normalize_mobile(m)
    return f"{m[:3]}****{m[-4:]}"


# --- Resident identity card number (GB 11643-1999) ----------------------------------------

# ISO 7064 MOD 11-2: weight of position i (0-based, left to right) is 2**(17-i) mod 11.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_RE = re.compile(r"[0-9]{17}[0-9X]")


@dataclass(frozen=True)
class ResidentId:
    number: str  # 18 characters, check character upper-case
    birthday: date
    gender: Literal["male", "female"]
    region_code: str  # 6-digit administrative division code at the time of issue


def resident_id_check_char(first17: str) -> str:
    """The 18th character for 17 leading digits ('X' stands for 10)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("expected 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return "0123456789X"[(12 - total % 11) % 11]


def parse_resident_id(s: str, *, today: date | None = None) -> ResidentId:
    """Validate an 18-character resident ID and extract birthday, gender and region."""
    number = _compact(s).upper()
    _require(number, "resident_id", "ID card number")
    if len(number) != 18:
        raise InvalidValue(
            "resident_id", "id_length", "The ID card number must have 18 characters."
        )
    if not _ID_RE.fullmatch(number):
        raise InvalidValue(
            "resident_id",
            "id_format",
            "The ID card number must be 17 digits followed by a digit or X.",
        )
    if resident_id_check_char(number[:17]) != number[17]:
        raise InvalidValue(
            "resident_id",
            "id_checksum",
            "The ID card number is not valid (check character mismatch); please re-check it.",
        )
    birthday: date | None
    try:
        birthday = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:  # e.g. 19900230
        birthday = None
    if birthday is None or not date(1900, 1, 1) <= birthday <= (today or date.today()):
        raise InvalidValue(
            "resident_id",
            "id_birthday",
            "The birth date in the ID card number is not a possible date.",
        )
    # The 17th digit is the sequence code's last digit: odd for men, even for women.
    gender: Literal["male", "female"] = "male" if int(number[16]) % 2 else "female"
    return ResidentId(number, birthday, gender, number[:6])


def check_resident_id_matches(
    resident_id: ResidentId, /, birthday: date | None = None, gender: str | None = None
) -> None:
    """Raise if a separately entered birthday or gender contradicts the ID (None = not given)."""
    if gender not in (None, "male", "female"):
        raise ValueError(f"gender must be 'male' or 'female', not {gender!r}")
    if birthday is not None and birthday != resident_id.birthday:
        raise InvalidValue(
            "resident_id",
            "id_birthday_mismatch",
            "The birthday does not match the birth date in the ID card number.",
        )
    if gender is not None and gender != resident_id.gender:
        raise InvalidValue(
            "resident_id",
            "id_gender_mismatch",
            "The gender does not match the gender encoded in the ID card number.",
        )


def mask_resident_id(s: str) -> str:
    """Keep the first and last character only; works on any stored value, valid or not."""
    n = _compact(s).upper()
    return n[0] + "*" * (len(n) - 2) + n[-1] if len(n) > 2 else "*" * len(n)


# --- VIN (ISO 3779, check digit per GB 16735 / 49 CFR 565) --------------------------------

# Transliteration: letters map to 1-9 in blocks (A-H, J-N + P, R, S-Z); I, O, Q are unused
# because they read like 1 and 0.
_VIN_VALUES = {str(d): d for d in range(10)} | dict(
    zip("ABCDEFGHJKLMNPRSTUVWXYZ", (*range(1, 9), *range(1, 6), 7, 9, *range(2, 10)), strict=True)
)
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def _check_vin_chars(vin: str) -> None:
    bad = sorted(set(vin) & set("IOQ"))
    if bad:
        raise InvalidValue(
            "vin",
            "vin_forbidden_letter",
            f"A VIN never contains the letters I, O or Q (found: {', '.join(bad)}); "
            "they are probably the digits 1 and 0.",
        )
    if any(c not in _VIN_VALUES for c in vin):
        raise InvalidValue("vin", "vin_format", "A VIN may contain only digits and letters.")


def vin_check_digit(vin17: str) -> str:
    """The check character (position 9) for a 17-character VIN; its own position is ignored."""
    vin17 = vin17.upper()
    _check_vin_chars(vin17)
    if len(vin17) != 17:
        raise InvalidValue("vin", "vin_length", "A VIN must have exactly 17 characters.")
    total = sum(_VIN_VALUES[c] * w for c, w in zip(vin17, _VIN_WEIGHTS, strict=True))
    return "0123456789X"[total % 11]


def normalize_vin(s: str) -> str:
    """17-character upper-case VIN whose check digit is correct."""
    vin = _compact(s, "-").upper()
    _require(vin, "vin", "VIN")
    check = vin_check_digit(vin)
    if vin[8] != check:
        raise InvalidValue(
            "vin",
            "vin_check",
            "The VIN is not valid (its 9th character, the check digit, does not match); "
            "please re-check it.",
        )
    return vin


def complete_vin(wmi_vds_8: str, vis_8: str) -> str:
    """Build a valid VIN from its first 8 and last 8 characters (for demo/test data)."""
    if len(wmi_vds_8) != 8 or len(vis_8) != 8:
        raise ValueError("expected 8 + 8 characters")
    vin = f"{wmi_vds_8}0{vis_8}".upper()
    return vin[:8] + vin_check_digit(vin) + vin[9:]


# --- Licence plate (GA 36 / GA 36-2018 new-energy plates) ---------------------------------

PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领"
_PLATE_SEPARATORS = ".·•・-‐–—_"
_A = "[A-HJ-NP-Z0-9]"  # I and O are never issued: they read like 1 and 0
_PLATE_RE = re.compile(rf"[A-HJ-NP-Z](?:{_A}{{5}}|[DF]{_A}{{5}}|{_A}{{5}}[DF])")


def normalize_plate(s: str) -> str:
    """Plate as "粤B12345": 7 characters, or 8 for new-energy plates (D/F 3rd or last)."""
    plate = _compact(s, _PLATE_SEPARATORS).upper()
    _require(plate, "plate", "plate number")
    if plate[0] not in PLATE_PROVINCES:
        raise InvalidValue(
            "plate",
            "plate_province",
            "The plate number must start with a province abbreviation such as 粤 or 京.",
        )
    if set(plate) & set("IO"):
        raise InvalidValue(
            "plate",
            "plate_forbidden_letter",
            "Plate numbers never contain the letters I or O; they are probably 1 and 0.",
        )
    if not _PLATE_RE.fullmatch(plate[1:]):
        raise InvalidValue(
            "plate",
            "plate_format",
            "The plate number must be a province abbreviation, a letter and 5 letters or "
            "digits (6 for new-energy plates, with D or F as 3rd or last character).",
        )
    return plate


# --- Member number (10-digit sequence + Damm check digit) ---------------------------------

# Damm's totally anti-symmetric quasigroup of order 10: catches every single-digit error
# and every adjacent transposition, with a check character that is always a digit.
_DAMM = (
    "0317598642",
    "7092154863",
    "4206871359",
    "1750983426",
    "6123045978",
    "3674209581",
    "5869720134",
    "8945362017",
    "9438617205",
    "2581436790",
)


def damm_check_digit(digits: str) -> str:
    """Damm check digit of an ASCII digit string; appending it makes the interim zero."""
    interim = 0
    for d in digits:
        interim = int(_DAMM[interim][int(d)])
    return str(interim)


def make_member_number(seq: int) -> str:
    """Sequence 0..9_999_999_999, zero-padded to 10 digits, plus a Damm check digit."""
    if not 0 <= seq < 10**10:
        raise ValueError("member sequence out of range")
    body = f"{seq:010d}"
    return body + damm_check_digit(body)


def normalize_member_number(s: str) -> str:
    """11 ASCII digits with a correct check digit (spaces, hyphens, full-width digits ok)."""
    n = _compact(s, "-")
    _require(n, "member_number", "member number")
    if len(n) != 11 or not n.isascii() or not n.isdigit():
        raise InvalidValue(
            "member_number", "member_number_format", "The member number must be 11 digits."
        )
    if damm_check_digit(n) != "0":
        raise InvalidValue(
            "member_number",
            "member_number_check",
            "The member number is not valid (a digit is wrong or two digits are swapped).",
        )
    return n


def is_valid_member_number(s: str) -> bool:
    try:
        normalize_member_number(s)
    except InvalidValue:
        return False
    return True


# --- Person name --------------------------------------------------------------------------

_NAME_DOT = "·"  # U+00B7, the separator in transliterated minority and foreign names
_DOT_VARIANTS = str.maketrans(dict.fromkeys("・•‧∙⋅", _NAME_DOT))
_HAN = r"\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_HAN_RE = re.compile(f"[{_HAN}]")
_NAME_PUNCT = f" {_NAME_DOT}-'."  # inside a name; it must still start and end with a letter
# Compound surnames kept whole by mask_name ("欧阳娜娜" → "欧阳**").
_COMPOUND_SURNAMES = frozenset(
    re.findall(
        "..",
        "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯轩辕令狐端木独孤"
        "南宫西门百里呼延澹台公冶太史申屠钟离闻人赫连濮阳淳于单于拓跋万俟",
    )
)


def normalize_person_name(s: str) -> str:
    """1-40 characters of Chinese or Latin letters, with · between parts of minority names."""
    name = normalize_text(s).translate(_DOT_VARIANTS)
    name = re.sub(rf"\s*{_NAME_DOT}\s*", _NAME_DOT, name)
    # "张  三" is a common way to pad two-character names; the space is not part of the name.
    name = re.sub(f"(?<=[{_HAN}]) (?=[{_HAN}])", "", name)
    _require(name, "name", "name")
    if len(name) > 40:
        raise InvalidValue("name", "name_length", "The name must be at most 40 characters.")
    if any(unicodedata.category(c).startswith("N") for c in name):
        raise InvalidValue("name", "name_digits", "A name must not contain digits.")
    letters_ok = all(unicodedata.category(c)[0] in "LM" or c in _NAME_PUNCT for c in name)
    if not letters_ok or not (name[0].isalpha() and name[-1].isalpha()):
        raise InvalidValue(
            "name",
            "name_chars",
            "A name may contain only letters, spaces, '·', hyphens, apostrophes and dots, "
            "and must start and end with a letter.",
        )
    return name


def mask_name(s: str) -> str:
    """Chinese: keep the surname ("张*", "欧阳**"); Latin: keep each word's first letter."""
    name = normalize_text(s)
    if _HAN_RE.search(name):
        keep = 2 if len(name) > 2 and name[:2] in _COMPOUND_SURNAMES else 1
        return name[:keep] + re.sub(r"[^·\s]", "*", name[keep:])
    # A letter is kept when it starts a word or a hyphenated/apostrophed part ("J***-L**").
    return "".join(
        c if not c.isalpha() or i == 0 or not name[i - 1].isalpha() else "*"
        for i, c in enumerate(name)
    )
