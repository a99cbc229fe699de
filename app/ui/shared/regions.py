"""China's provincial-level divisions and their cities, for the province and city pickers.

The list ships as ``resources/regions.json`` (names in Chinese, in GB/T 2260 order; package
data, see app/bundled.py) so the pickers work offline and never query the database.
"""

from __future__ import annotations

import json
from functools import cache

from app.bundled import regions_file

REGIONS_FILE = regions_file()


@cache
def _regions() -> dict[str, tuple[str, ...]]:
    data = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    return {entry["province"]: tuple(entry["cities"]) for entry in data["provinces"]}


def provinces() -> list[str]:
    return list(_regions())


def cities(province: str | None) -> list[str]:
    """The cities of a province; empty for an unknown or missing province."""
    return list(_regions().get(province or "", ()))
