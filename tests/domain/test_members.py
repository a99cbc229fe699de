"""Members' pure rules: cleaning a registration and a vehicle, tags and interests, masking,
and what a search text means. (tests/test_members.py runs them through the services.)"""

from dataclasses import FrozenInstanceError, replace
from datetime import date

import pytest

from app.domain.errors import LoyaltyError, ValidationError
from app.domain.members import (
    ANONYMISED_NAME,
    CHANNELS,
    EXACT_KINDS,
    INCOME_BANDS,
    MAX_INTERESTS,
    MAX_REASON,
    NEEDS_REASON,
    POSTABLE,
    STATUS_CHANGES,
    STATUSES,
    FormInvalid,
    MemberInput,
    MemberStatus,
    VehicleInput,
    check_status_change,
    classify,
    clean_member,
    clean_tags,
    clean_vehicle,
    mask_id,
    masked_search_text,
    status_actions,
)
from app.domain.validation import complete_vin, make_member_number

TODAY = date(2024, 6, 1)
ID_ZHANG = "11010519491231002X"  # the GB 11643 sample: born 1949-12-31, female
ID_MALE = "110105199001011232"  # born 1990-01-01, male
VIN = complete_vin("LVXDA2B4", "SA000001")  # LVXDA2B45SA000001
TOO_LONG_40 = ("text_invalid", "Too long: at most 40 characters.")
CONTROL = ("text_invalid", "The text contains control characters; retype it.")


def test_stored_codes_and_limits():
    # Stored in the members table and offered in the forms: a change strands stored rows.
    assert STATUSES == ("pre_registered", "active", "frozen", "closed")
    assert CHANNELS == ("dealer_counter", "app", "wechat", "event", "historical_import")
    assert INCOME_BANDS == ("under_100k", "100k_300k", "300k_600k", "600k_1m", "over_1m")
    assert ANONYMISED_NAME == "已注销会员"
    assert (MAX_REASON, MAX_INTERESTS) == (500, 20)
    assert sorted(EXACT_KINDS) == ["member_number", "mobile", "vin"]


def test_form_invalid_carries_every_field_error():
    errors = {"name": ("name_required", "Please enter the name.")}
    error = FormInvalid(errors)
    assert isinstance(error, LoyaltyError)
    assert error.errors == errors
    assert (error.template, error.params) == ("Please correct the highlighted fields.", {})
    assert str(error) == "Please correct the highlighted fields."


# --- the inputs -------------------------------------------------------------------------------


def test_member_input_defaults():
    data = MemberInput("张三", "13800138000")
    assert (data.gender, data.province, data.city, data.birthday) == (None, None, None, None)
    assert (data.resident_id, data.join_date, data.dealer_id) == (None, None, None)
    assert data.source_channel == "dealer_counter"
    assert (data.interests, data.tags, data.income_band, data.referrer_number) == (
        (),
        (),
        None,
        None,
    )
    assert data.privacy_consent is False
    assert data.marketing_consent is False
    assert data.pre_registered is False
    with pytest.raises(FrozenInstanceError):
        data.name = "李四"  # type: ignore[misc]


def test_vehicle_input_defaults():
    data = VehicleInput(VIN, "S7")
    assert (data.plate, data.purchase_date, data.dealer_id, data.purchase_amount_fen) == (
        None,
        None,
        None,
        None,
    )
    with pytest.raises(FrozenInstanceError):
        data.model = "S9"  # type: ignore[misc]


# --- clean_member -----------------------------------------------------------------------------


def zhang(**changes) -> MemberInput:
    values = dict(name="张三", mobile="138 0013 8000", privacy_consent=True)
    values.update(changes)
    return MemberInput(**values)


def form_errors(data: MemberInput, today: date = TODAY) -> dict[str, tuple[str, str]]:
    with pytest.raises(FormInvalid) as refused:
        clean_member(data, today)
    return refused.value.errors


def test_the_least_a_registration_needs():
    assert clean_member(zhang(), TODAY) == {
        "name": "张三",
        "mobile": "13800138000",
        "gender": None,
        "province": None,
        "city": None,
        "birthday": None,
        "resident_id": None,
        "join_date": TODAY,  # today unless given
        "source_channel": "dealer_counter",
        "interests": "[]",
        "income_band": None,
    }


def test_every_field_normalised():
    data = zhang(
        name=" 欧阳  娜娜 ",
        mobile="+86 139-0013-9000",
        gender="female",
        province=" 广东省 ",
        city="深圳市",
        birthday=date(1990, 5, 6),
        join_date=date(2020, 2, 3),
        source_channel="wechat",
        interests=("自驾游", " 摄影 ", "自驾游", ""),
        income_band="300k_600k",
    )
    assert clean_member(data, TODAY) == {
        "name": "欧阳娜娜",
        "mobile": "13900139000",
        "gender": "female",
        "province": "广东省",
        "city": "深圳市",
        "birthday": date(1990, 5, 6),
        "resident_id": None,
        "join_date": date(2020, 2, 3),
        "source_channel": "wechat",
        "interests": '["摄影", "自驾游"]',  # distinct, sorted, not escaped
        "income_band": "300k_600k",
    }


def test_empty_choices_mean_not_given():
    clean = clean_member(zhang(gender="", province="  ", city="", income_band=""), TODAY)
    assert (clean["gender"], clean["province"], clean["city"], clean["income_band"]) == (
        None,
        None,
        None,
        None,
    )


def test_every_problem_is_reported_at_once():
    data = MemberInput(
        "张3",
        "12345",
        gender="x",
        resident_id="110105194912310021",
        source_channel="fax",
        income_band="rich",
        join_date=date(2024, 6, 2),
    )
    assert form_errors(data) == {
        "name": ("name_digits", "A name must not contain digits."),
        "mobile": (
            "mobile_format",
            "The mobile number must be 11 digits starting with 13 to 19 "
            "(an optional +86 prefix is allowed).",
        ),
        "gender": ("gender_choice", "Choose male or female."),
        "resident_id": (
            "id_checksum",
            "The ID card number is not valid (check character mismatch); please re-check it.",
        ),
        "join_date": ("join_date_future", "The join date cannot be in the future."),
        "source_channel": ("channel_choice", "Choose a source channel."),
        "income_band": ("income_choice", "Choose an income band."),
        "privacy_consent": (
            "privacy_consent_required",
            "The member's privacy consent is required to store the record.",
        ),
    }


@pytest.mark.parametrize("gender", ["male", "female"])
def test_both_genders(gender):
    assert clean_member(zhang(gender=gender), TODAY)["gender"] == gender


@pytest.mark.parametrize("channel", CHANNELS)
def test_every_channel(channel):
    assert clean_member(zhang(source_channel=channel), TODAY)["source_channel"] == channel


@pytest.mark.parametrize("band", INCOME_BANDS)
def test_every_income_band(band):
    assert clean_member(zhang(income_band=band), TODAY)["income_band"] == band


def test_privacy_consent_is_required():
    assert form_errors(zhang(privacy_consent=False)) == {
        "privacy_consent": (
            "privacy_consent_required",
            "The member's privacy consent is required to store the record.",
        )
    }


def test_join_date_up_to_today():
    assert clean_member(zhang(join_date=TODAY), TODAY)["join_date"] == TODAY
    assert form_errors(zhang(join_date=date(2024, 6, 2))) == {
        "join_date": ("join_date_future", "The join date cannot be in the future.")
    }


@pytest.mark.parametrize("birthday", [date(1900, 1, 1), TODAY, date(1985, 7, 7)])
def test_birthdays_from_1900_to_today(birthday):
    assert clean_member(zhang(birthday=birthday), TODAY)["birthday"] == birthday


@pytest.mark.parametrize("birthday", [date(1899, 12, 31), date(2024, 6, 2)])
def test_birthdays_outside_1900_to_today(birthday):
    assert form_errors(zhang(birthday=birthday)) == {
        "birthday": ("birthday_range", "The birthday must be a past date.")
    }


def test_birthday_and_gender_are_taken_from_the_resident_id():
    clean = clean_member(zhang(resident_id=" 11010519491231002x "), TODAY)
    assert clean["resident_id"] == ID_ZHANG
    assert (clean["birthday"], clean["gender"]) == (date(1949, 12, 31), "female")
    clean = clean_member(zhang(resident_id=ID_MALE), TODAY)
    assert (clean["resident_id"], clean["birthday"], clean["gender"]) == (
        ID_MALE,
        date(1990, 1, 1),
        "male",
    )


def test_birthday_and_gender_given_must_match_the_resident_id():
    matching = zhang(resident_id=ID_ZHANG, birthday=date(1949, 12, 31), gender="female")
    clean = clean_member(matching, TODAY)
    assert (clean["birthday"], clean["gender"]) == (date(1949, 12, 31), "female")
    assert form_errors(replace(matching, birthday=date(1950, 1, 1))) == {
        "resident_id": (
            "id_birthday_mismatch",
            "The birthday does not match the birth date in the ID card number.",
        )
    }
    assert form_errors(replace(matching, gender="male")) == {
        "resident_id": (
            "id_gender_mismatch",
            "The gender does not match the gender encoded in the ID card number.",
        )
    }


def test_an_unknown_gender_is_a_field_error_with_a_resident_id_too():
    assert form_errors(zhang(resident_id=ID_ZHANG, gender="M")) == {
        "gender": ("gender_choice", "Choose male or female.")
    }


def test_a_blank_resident_id_is_not_given():
    assert clean_member(zhang(resident_id="   "), TODAY)["resident_id"] is None
    assert clean_member(zhang(resident_id=""), TODAY)["resident_id"] is None


def test_the_resident_id_is_checked_against_the_given_today():
    # Born 1990-01-01: not yet born on 1989-12-31.
    assert form_errors(zhang(resident_id=ID_MALE), today=date(1989, 12, 31)) == {
        "resident_id": (
            "id_birthday",
            "The birth date in the ID card number is not a possible date.",
        ),
    }


def test_place_names_up_to_40_characters():
    place = "省" * 40
    clean = clean_member(zhang(province=place, city=place), TODAY)
    assert (clean["province"], clean["city"]) == (place, place)
    errors = form_errors(zhang(province="省" * 41, city="市" * 41))
    assert errors == {"province": TOO_LONG_40, "city": TOO_LONG_40}
    assert form_errors(zhang(city="深圳\x00")) == {"city": CONTROL}


def test_interests_up_to_20_each_up_to_40_characters():
    twenty = tuple(f"兴趣{i:02d}" for i in range(20))
    assert clean_member(zhang(interests=twenty), TODAY)["interests"] == (
        "[" + ", ".join(f'"兴趣{i:02d}"' for i in range(20)) + "]"
    )
    assert clean_member(zhang(interests=(*twenty, "兴趣00 ")), TODAY)["interests"].count(",") == 19
    assert form_errors(zhang(interests=(*twenty, "兴趣20"))) == {
        "interests": ("too_many", "At most 20 interests.")
    }
    assert clean_member(zhang(interests=("趣" * 40,)), TODAY)["interests"] == f'["{"趣" * 40}"]'
    assert form_errors(zhang(interests=("趣" * 41,))) == {"interests": TOO_LONG_40}


def test_the_first_problem_of_a_field_is_the_one_reported():
    # Two interests are wrong; the form shows the first next to the field.
    errors = form_errors(zhang(interests=("a\x00", "趣" * 41)))
    assert errors == {"interests": CONTROL}


# --- clean_vehicle ----------------------------------------------------------------------------


def test_a_vehicle_cleaned():
    data = VehicleInput(
        " lvxda2b4-5sa000001 ",
        "  星途  S7 ",
        "京a·12345",
        date(2023, 1, 2),
        dealer_id=3,
        purchase_amount_fen=15_000_000,
    )
    assert clean_vehicle(data) == {
        "vin": VIN,
        "vin_last6": "000001",
        "model": "星途 S7",
        "plate": "京A12345",
        "purchase_date": date(2023, 1, 2),
        "dealer_id": 3,
        "purchase_amount_fen": 15_000_000,
    }


def test_a_vehicle_without_plate_or_amount():
    clean = clean_vehicle(VehicleInput(VIN, "S7", plate=""))
    assert (clean["plate"], clean["purchase_amount_fen"]) == (None, None)
    assert clean_vehicle(VehicleInput(VIN, "S7", purchase_amount_fen=0))["purchase_amount_fen"] == 0


def vehicle_errors(data: VehicleInput, prefix: str = "") -> dict[str, tuple[str, str]]:
    with pytest.raises(FormInvalid) as refused:
        clean_vehicle(data, prefix)
    return refused.value.errors


def test_every_vehicle_problem_at_once_named_with_the_prefix():
    data = VehicleInput("LVXDA2B4OSA00000", " ", "沪A1234", purchase_amount_fen=-1)
    assert vehicle_errors(data, "vehicle2.") == {
        "vehicle2.vin": (
            "vin_forbidden_letter",
            "A VIN never contains the letters I, O or Q (found: O); "
            "they are probably the digits 1 and 0.",
        ),
        "vehicle2.plate": (
            "plate_format",
            "The plate number must be a province abbreviation, a letter and 5 letters or "
            "digits (6 for new-energy plates, with D or F as 3rd or last character).",
        ),
        "vehicle2.model": ("model_required", "Enter the vehicle model."),
        "vehicle2.purchase_amount": ("amount_negative", "The amount cannot be negative."),
    }
    with pytest.raises(FormInvalid) as refused:
        clean_vehicle(data)  # no prefix: the field names alone
    assert set(refused.value.errors) == {"vin", "plate", "model", "purchase_amount"}


def test_vehicle_model_up_to_60_characters():
    assert clean_vehicle(VehicleInput(VIN, "M" * 60))["model"] == "M" * 60
    assert vehicle_errors(VehicleInput(VIN, "M" * 61)) == {
        "model": ("text_invalid", "Too long: at most 60 characters.")
    }


# --- tags -------------------------------------------------------------------------------------


def test_tags_distinct_and_sorted():
    assert clean_tags(["试驾", " VIP ", "试驾", "", "ＶＩＰ", "车友会"]) == [
        "VIP",
        "试驾",
        "车友会",
    ]
    assert clean_tags([]) == []


def test_up_to_20_tags_each_up_to_40_characters():
    twenty = [f"tag{i:02d}" for i in range(20)]
    assert clean_tags(twenty) == twenty
    assert clean_tags([*twenty, "tag00"]) == twenty
    with pytest.raises(ValidationError) as refused:
        clean_tags([*twenty, "tag20"])
    assert (refused.value.template, refused.value.field) == ("At most 20 tags.", "tags")
    assert clean_tags(["t" * 40]) == ["t" * 40]
    with pytest.raises(ValidationError) as refused:
        clean_tags(["t" * 41])
    assert refused.value.template == "Too long: at most {max} characters."
    assert (refused.value.field, refused.value.params) == ("tags", {"max": 40})


# --- masking ----------------------------------------------------------------------------------


def test_mask_id():
    assert mask_id(ID_ZHANG) == "1" + "*" * 16 + "X"
    assert mask_id(None) is None
    assert mask_id("") is None


# --- what a search text means -----------------------------------------------------------------

MEMBER_NUMBER = make_member_number(1)  # 00000000013
MEMBER_NUMBER_LIKE_A_MOBILE = make_member_number(1380013800)  # 13800138004


@pytest.mark.parametrize(
    ("text", "meanings"),
    [
        ("", []),
        ("   ", []),
        (MEMBER_NUMBER, [("member_number", MEMBER_NUMBER)]),
        (
            MEMBER_NUMBER_LIKE_A_MOBILE,
            [("member_number", "13800138004"), ("mobile", "13800138004")],
        ),
        (
            "138 0013 8004",
            [("member_number", "13800138004"), ("mobile", "13800138004")],
        ),
        ("13800138000", [("mobile", "13800138000")]),
        ("138 0013 8000", [("mobile", "13800138000")]),
        ("１３８００１３８０００", [("mobile", "13800138000")]),
        ("+86 138-0013-8000", [("mobile", "13800138000")]),
        ("12345678901", [("mobile", "12345678901")]),  # 11 digits from 1: a mistyped mobile
        ("23456789012", []),  # 11 digits, neither a member number nor a mobile
        ("8000", [("mobile_last4", "8000")]),
        ("800", []),
        ("80001", []),
        ("11010519491231002x", [("resident_id", ID_ZHANG)]),
        (ID_MALE, [("resident_id", ID_MALE)]),
        ("lvxda2b45sa000001", [("vin", VIN)]),
        ("京a·12345", [("plate", "京A12345")]),
        ("京A12345", [("plate", "京A12345")]),
        ("京A1234", []),  # 6 characters, not ASCII: no VIN ending
        ("sa0001", [("vin_last6", "SA0001")]),
        ("SA 0001", [("vin_last6", "SA0001")]),
        ("123456", [("vin_last6", "123456")]),
        ("SA000", []),
        ("SA-001", []),
        ("SA00012", []),
        ("ABCDEF", [("pinyin", "abcdef")]),
        ("Zhang San", [("pinyin", "zhangsan")]),
        ("zs", [("pinyin", "zs")]),
        ("张三", [("name", "张三")]),
        ("张 三", [("name", "张三")]),
        ("阿依古丽·买买提", [("name", "阿依古丽·买买提")]),
        ("欧阳娜娜娜娜娜", [("name", "欧阳娜娜娜娜娜")]),
        ("张3", []),
        ("张a", []),
        ("%", []),
    ],
)
def test_classify(text, meanings):
    assert classify(text) == meanings


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("13800138000", "138****8000"),
        ("+86 138-0013-8000", "138****8000"),
        (MEMBER_NUMBER_LIKE_A_MOBILE, "138****8004"),
        ("12345678901", "123****8901"),  # a mistyped mobile is masked as one
        ("11010519491231002x", "1" + "*" * 16 + "X"),
        ("张三", "张*"),
        ("欧阳娜娜", "欧阳**"),
        ("阿依古丽·买买提", "阿***·***"),
        (MEMBER_NUMBER, "0" + "*" * 10),
        ("Zhang San", "Z" + "*" * 8),
        ("京A12345", "京******"),
        ("8000", "8***"),
        ("x", "x"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_masked_search_text(text, masked):
    assert masked_search_text(text) == masked


# --- statuses ---------------------------------------------------------------------------------


def test_the_status_codes_are_the_stored_ones():
    assert [s.value for s in MemberStatus] == ["pre_registered", "active", "frozen", "closed"]
    assert {MemberStatus.FROZEN, MemberStatus.CLOSED} == NEEDS_REASON
    assert {MemberStatus.PRE_REGISTERED, MemberStatus.ACTIVE} == POSTABLE


@pytest.mark.parametrize(
    "current, allowed",
    [
        ("pre_registered", {"active", "closed"}),
        ("active", {"frozen", "closed"}),
        ("frozen", {"active", "closed"}),
        ("closed", set()),
    ],
)
def test_each_status_changes_only_to_its_next_ones(current, allowed):
    assert STATUS_CHANGES[MemberStatus(current)] == allowed
    for new in MemberStatus:
        if new in allowed:
            assert check_status_change(current, new, "a reason") == new
        else:
            with pytest.raises(ValidationError) as refused:
                check_status_change(current, new, "a reason")
            assert refused.value.field == "status"
            assert str(refused.value) == "This status change is not possible for the member."


def test_freezing_and_closing_need_a_reason_activating_does_not():
    for new in ("frozen", "closed"):
        with pytest.raises(ValidationError) as refused:
            check_status_change("active", new, "")
        assert (refused.value.field, str(refused.value)) == ("reason", "Enter the reason.")
    assert check_status_change("pre_registered", "active", "") == MemberStatus.ACTIVE
    with pytest.raises(ValidationError) as unknown:
        check_status_change("active", "deleted", "why")
    assert (unknown.value.field, str(unknown.value)) == ("status", "Unknown status.")


def test_the_actions_offered_follow_the_status():
    assert status_actions("pre_registered") == ["activate", "close"]
    assert status_actions("active") == ["freeze", "close"]
    assert status_actions("frozen") == ["unfreeze", "close"]
    assert status_actions("closed") == []


def test_the_stored_codes_of_channels_and_income_bands():
    from app.domain.members import CHANNELS, INCOME_BANDS

    assert [c.value for c in CHANNELS] == [
        "dealer_counter", "app", "wechat", "event", "historical_import",
    ]  # fmt: skip
    assert [b.value for b in INCOME_BANDS] == [
        "under_100k", "100k_300k", "300k_600k", "600k_1m", "over_1m",
    ]  # fmt: skip
