"""Member value segmentation (会员价值细分), RULES.md §3: the rules without the database.

Emotional value Y (Y1–Y6) against material value X (X1–X3). Each scored variable gets the
share of the scored population whose value is no better than the member's (ties count as
no better), so the best members score 1 and every score lies in (0, 1]; "better" is "more"
except where the direction says "fewer" (complaints, days since the last service). Y5 and
Y6 are 0/1 bonuses. The scores are kept exact: an axis score is an integer in millionths,
``sum(weight_thousandths · count_no_better) · 1000 // population + bonuses``, so the SQL
and :func:`reference_scores` give the same numbers on both databases.

Each axis is cut into low / middle / high by terciles of rank: with ``below`` members
scoring strictly less, a member is low while ``3·below < n``, middle while
``3·below < 2·n``, else high (tied members share a level). Cells are numbered row-major
from (Y high, X high) = 1 to (Y low, X low) = 9.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import IntEnum

SEGMENTATION_RUN = "segmentation"  # the batch-run kind code

SCORED_Y = ("Y1", "Y2", "Y3", "Y4")  # redemptions, earn events, activities, complaints
BONUS_Y = ("Y5", "Y6")  # second car purchase, referred a purchase
SCORED_X = ("X1", "X2", "X3")  # spend per visit, visits, days since the last visit
SCORED = SCORED_Y + SCORED_X
MORE, FEWER = "more", "fewer"

DEFAULT_WEIGHTS: dict[str, float] = {
    "Y1": 0.35, "Y2": 0.25, "Y3": 0.25, "Y4": 0.15, "Y5": 0.20, "Y6": 0.20,
    "X1": 0.4, "X2": 0.3, "X3": 0.3,
}  # fmt: skip
DEFAULT_DIRECTIONS: dict[str, str] = {"Y4": FEWER, "X3": FEWER}
MILLION = 1_000_000


class Level(IntEnum):
    HIGH = 0
    MIDDLE = 1
    LOW = 2


@dataclass(frozen=True)
class Weights:
    """A version of the weights: variable → weight (at most 3 decimals, 0..1), and the
    direction of the variables where fewer is better."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    directions: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_DIRECTIONS))

    def thousandths(self, variable: str) -> int:
        return round(self.weights[variable] * 1000)

    def fewer_is_better(self, variable: str) -> bool:
        return self.directions.get(variable, MORE) == FEWER

    def as_json(self) -> dict:
        return {"weights": dict(self.weights), "directions": dict(self.directions)}

    @staticmethod
    def from_json(data: Mapping) -> Weights:
        return Weights(dict(data["weights"]), dict(data.get("directions", {})))


def weights_problem(weights: Mapping[str, object], directions: Mapping[str, object]) -> str:
    """What is wrong with a weights version ("" when nothing): every variable present, a
    number from 0 to 1 with at most three decimals; directions only "more" or "fewer"."""
    if set(weights) != set(DEFAULT_WEIGHTS):
        return "variables"
    for value in weights.values():
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "number"
        if not 0 <= value <= 1 or abs(value * 1000 - round(value * 1000)) > 1e-6:
            return "range"
    if not set(directions) <= set(SCORED) or not set(directions.values()) <= {MORE, FEWER}:
        return "direction"
    return ""


def cell_of(y: Level, x: Level) -> int:
    """Row-major from (Y high, X high) = 1 to (Y low, X low) = 9."""
    return int(y) * 3 + int(x) + 1


def levels_of(cell: int) -> tuple[Level, Level]:
    """(Y level, X level) of a cell 1..9."""
    if not 1 <= cell <= 9:
        raise ValueError(f"cell must be 1..9, got {cell}")
    return Level((cell - 1) // 3), Level((cell - 1) % 3)


CELLS = tuple(range(1, 10))
_LEVEL_ZH = {Level.HIGH: "高", Level.MIDDLE: "中", Level.LOW: "低"}
_LEVEL_EN = {Level.HIGH: "high", Level.MIDDLE: "middle", Level.LOW: "low"}


def cell_label(cell: int, language: str = "zh_CN") -> str:
    """E.g. cell 1: "高情感·高物质" / "Y high · X high" (for files built without Qt)."""
    y, x = levels_of(cell)
    if language == "zh_CN":
        return f"{_LEVEL_ZH[y]}情感·{_LEVEL_ZH[x]}物质"
    return f"Y {_LEVEL_EN[y]} · X {_LEVEL_EN[x]}"


def level_of(below: int, population: int) -> Level:
    """The tercile level of a member with ``below`` members scoring strictly less."""
    if 3 * below < population:
        return Level.LOW
    if 3 * below < 2 * population:
        return Level.MIDDLE
    return Level.HIGH


def tercile_cutoffs(scores: Sequence[int]) -> tuple[int | None, int | None]:
    """(the lowest middle score, the lowest high score) of an axis, None when no member
    reaches that level: the cut-offs the levels amount to, for showing."""
    ordered = sorted(scores)
    n = len(ordered)
    middle = high = None
    for below, score in enumerate(ordered):
        if below and ordered[below - 1] == score:
            continue
        level = level_of(below, n)
        if level == Level.MIDDLE and middle is None:
            middle = score
        if level == Level.HIGH and high is None:
            high = score
    return middle, high


# --- the reference implementation (small lists; the tests check the SQL against it) -----


@dataclass(frozen=True)
class MemberData:
    """One member's aggregates over the window; None values mean "none" (no service)."""

    member_id: int
    values: Mapping[str, float | None]  # Y1..Y4, X1..X3 (X3: days since the last service)
    bonuses: Mapping[str, bool]  # Y5, Y6


def no_worse_counts(values: Sequence[float | None], fewer_is_better: bool) -> list[int]:
    """For each value, how many of ``values`` are no better than it (itself included). None
    (no service) is worse than any value."""

    def key(value: float | None) -> float:
        if value is None:
            return float("-inf")
        return -value if fewer_is_better else value

    keys = [key(v) for v in values]
    return [sum(1 for other in keys if other <= mine) for mine in keys]


def percentile_ranks(values: Sequence[float | None], fewer_is_better: bool = False) -> list:
    """The variable scores as fractions in (0, 1]."""
    n = len(values)
    return [count / n for count in no_worse_counts(values, fewer_is_better)]


def axis_score(
    counts: Mapping[str, int], bonuses: Mapping[str, bool], population: int, weights: Weights
) -> int:
    variables = [v for v in counts]
    total = sum(weights.thousandths(v) * counts[v] for v in variables)
    bonus = sum(weights.thousandths(b) * 1000 for b, on in bonuses.items() if on)
    return total * 1000 // population + bonus


@dataclass(frozen=True)
class Scored:
    member_id: int
    y: int  # millionths
    x: int
    cell: int


def reference_scores(members: Sequence[MemberData], weights: Weights) -> list[Scored]:
    """Scores and cells of ``members`` (the scored population), one by one in Python."""
    n = len(members)
    if n == 0:
        return []
    counts = {
        var: no_worse_counts([m.values[var] for m in members], weights.fewer_is_better(var))
        for var in SCORED
    }
    ys, xs = [], []
    for i, member in enumerate(members):
        ys.append(axis_score({v: counts[v][i] for v in SCORED_Y}, member.bonuses, n, weights))
        xs.append(axis_score({v: counts[v][i] for v in SCORED_X}, {}, n, weights))
    return [
        Scored(m.member_id, ys[i], xs[i], cell_of(_level(ys, i), _level(xs, i)))
        for i, m in enumerate(members)
    ]


def _level(scores: Sequence[int], i: int) -> Level:
    return level_of(sum(1 for s in scores if s < scores[i]), len(scores))


# --- the migration matrix -------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """Previous cell (rows) × current cell (columns); ``new`` per current cell (not in the
    previous run, or unscored there), ``left`` per previous cell (gone or unscored now)."""

    counts: tuple[tuple[int, ...], ...]  # 9 × 9
    new: tuple[int, ...]  # per current cell
    left: tuple[int, ...]  # per previous cell

    def row_total(self, previous: int) -> int:
        """Members in ``previous`` last time: those still scored plus those who left."""
        return sum(self.counts[previous - 1]) + self.left[previous - 1]

    def share(self, previous: int, current: int) -> float | None:
        """% of the row (of the previous cell's members), None for an empty row."""
        total = self.row_total(previous)
        return None if total == 0 else 100 * self.counts[previous - 1][current - 1] / total

    def left_share(self, previous: int) -> float | None:
        total = self.row_total(previous)
        return None if total == 0 else 100 * self.left[previous - 1] / total


def migration_matrix(pairs: Iterable[tuple[int, int | None, int | None]]) -> Migration:
    """From (member, previous cell, current cell) with None for "not scored / not in the
    run": the 9×9 counts, the new members per current cell and the left per previous cell."""
    return migration_from_counts((previous, current, 1) for _m, previous, current in pairs)


def migration_from_counts(rows: Iterable[tuple[int | None, int | None, int]]) -> Migration:
    """The same from grouped (previous cell, current cell, members) rows (the SQL's)."""
    counts = [[0] * 9 for _ in range(9)]
    new, left = [0] * 9, [0] * 9
    for previous, current, number in rows:
        if previous and current:
            counts[previous - 1][current - 1] += number
        elif current:
            new[current - 1] += number
        elif previous:
            left[previous - 1] += number
    return Migration(tuple(tuple(row) for row in counts), tuple(new), tuple(left))


# --- dates ----------------------------------------------------------------------------


def quarter_end_on_or_before(day: date) -> date:
    """The last quarter end (31 Mar, 30 Jun, 30 Sep, 31 Dec) not after ``day``."""
    month = (day.month - 1) // 3 * 3 + 3
    end = _month_end(day.year, month)
    if end <= day:
        return end
    month -= 3
    return _month_end(day.year - 1, 12) if month == 0 else _month_end(day.year, month)


def is_quarter_end(day: date) -> bool:
    return quarter_end_on_or_before(day) == day


def window_start(as_of: date, months: int) -> date:
    """The first day of the trailing ``months`` ending on ``as_of`` (12 months to 30 Sep
    2026 start on 1 Oct 2025)."""
    index = as_of.year * 12 + as_of.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    end = _month_end(year, month)
    if as_of == _month_end(as_of.year, as_of.month):  # a month's end: whole months back
        return end + timedelta(days=1)
    return date(year, month, min(as_of.day, end.day)) + timedelta(days=1)


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)
