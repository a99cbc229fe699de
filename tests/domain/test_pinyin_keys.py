"""Search keys for names: full pinyin and initials, with surname readings."""

import pytest

from app.domain.pinyin_keys import name_search_keys

# The surname readings written out: each differs from the character's everyday reading,
# except 柏 (bai) and 宿 (su), which pypinyin already reads that way.
SURNAMES = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "盖": "ge",
    "乐": "yue",
    "缪": "miao",
    "覃": "qin",
    "翟": "zhai",
    "柏": "bai",
    "秘": "bi",
    "繁": "po",
    "尉": "yu",
    "宿": "su",
    "种": "chong",
    "召": "shao",
    "员": "yun",
}


@pytest.mark.parametrize(("surname", "reading"), SURNAMES.items())
def test_surname_reading_at_the_start_of_a_name(surname, reading):
    assert name_search_keys(surname + "三") == (reading + "san", reading[0] + "s")


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("简单", ("jiandan", "jd")),  # 单 inside a name is read dan, not shan
        ("未曾", ("weiceng", "wc")),
        ("乐乐", ("yuele", "yl")),  # only the first character is a surname
    ],
)
def test_surname_reading_only_for_the_first_character(name, keys):
    assert name_search_keys(name) == keys


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("张三", ("zhangsan", "zs")),
        ("欧阳娜娜", ("ouyangnana", "oynn")),
        ("李 小龙", ("lixiaolong", "lxl")),
        ("买买提·艾力", ("maimaitiaili", "mmtal")),  # the dot is no syllable
        ("John Smith", ("johnsmith", "js")),  # a Latin word is one syllable
        ("Jean-Luc 张", ("jeanluczhang", "jlz")),
        ("张Wei2", ("zhangwei2", "zw")),  # the word runs to the end of the name
        ("MARY", ("mary", "m")),
        ("", ("", "")),
    ],
)
def test_name_search_keys(name, keys):
    assert name_search_keys(name) == keys
