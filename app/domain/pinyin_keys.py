"""Search keys for Chinese names: full pinyin and initials, so `zs` or `zhangsan` finds 张三."""

from __future__ import annotations

from functools import lru_cache

# Characters read differently as a surname than in ordinary words (单 shàn, 曾 zēng, …).
SURNAME_READINGS = {
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


@lru_cache(maxsize=20_000)
def _char_pinyin(char: str) -> str:
    # Imported on first use: pypinyin's dictionaries take ~0.4 s to load, too long for start-up.
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(char, style=Style.NORMAL, errors="ignore")).lower()


def name_search_keys(name: str) -> tuple[str, str]:
    """(full pinyin, initials) without spaces, lower case; a Latin word counts as one syllable."""
    syllables: list[str] = []
    word = ""
    for position, char in enumerate(name):
        if char.isascii() and char.isalnum():
            word += char.lower()
            continue
        if word:
            syllables.append(word)
            word = ""
        syllable = SURNAME_READINGS.get(char) if position == 0 else None
        syllable = syllable or _char_pinyin(char)
        if syllable:
            syllables.append(syllable)
    if word:
        syllables.append(word)
    return "".join(syllables), "".join(s[0] for s in syllables)
