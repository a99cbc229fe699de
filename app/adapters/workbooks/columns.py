"""Columns of a bilingual workbook, and which column a header cell names.

Templates head each column "中文 / English" (required ones start with "*"); files users bring
may use either name alone, an older export's name, or add "(必填)". All of them find the column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from app.adapters.workbooks.cells import as_text
from app.domain.validation import normalize_text

Language = Literal["zh_CN", "en"]


@dataclass(frozen=True)
class BilingualColumn:
    """A column named in Chinese and English; workbooks add what they need to know of it."""

    key: str
    zh: str
    en: str
    required: bool

    def header(self, language: Language = "zh_CN") -> str:
        """The template's header text, e.g. "*手机号 / Mobile" (required ones start with *)."""
        first, second = (self.zh, self.en) if language == "zh_CN" else (self.en, self.zh)
        return ("*" if self.required else "") + f"{first} / {second}"

    @property
    def label(self) -> str:
        """Both names, as file errors name the column: "手机号 / Mobile"."""
        return f"{self.zh} / {self.en}"


C = TypeVar("C", bound=BilingualColumn)


class ColumnSet(Generic[C]):
    """A workbook's columns in order, by key, and the header names that mean each of them."""

    def __init__(self, columns: Sequence[C], aliases: Mapping[str, Iterable[str]]):
        self.columns: tuple[C, ...] = tuple(columns)
        self.by_key: dict[str, C] = {c.key: c for c in self.columns}
        self.order: dict[str, int] = {c.key: i for i, c in enumerate(self.columns)}
        self._key_by_header = {
            _header_key(name): c.key
            for c in self.columns
            for name in (c.key, c.zh, c.en, *aliases.get(c.key, ()))
        }

    def key_for_header(self, text: object) -> str | None:
        """Column key for a header cell: Chinese, English or the template's "中文 / English"."""
        if text is None:
            return None
        raw = as_text(text)
        key = self._key_by_header.get(_header_key(raw))
        if key is None and "/" in raw:
            found = {self._key_by_header.get(_header_key(part)) for part in raw.split("/")}
            found.discard(None)
            key = found.pop() if len(found) == 1 else None
        return key

    def reason(self, errors: Iterable[tuple[str, str]]) -> str:
        """A row's errors as one line: "Mobile: ...; Join date: ..."."""
        return "; ".join(f"{self.by_key[key].en}: {message}" for key, message in errors)


def _header_key(text: str) -> str:
    text = re.sub(r"\((?:必填|选填|required|optional)\)", "", normalize_text(text).casefold())
    return re.sub(r"[\s*_]", "", text)
