"""Properties of the audit hash chain: intact chains verify, any single edit is pinpointed."""

import hashlib
import json
from dataclasses import FrozenInstanceError, replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.audit_chain import (
    BAD_CONTENT,
    BAD_LINK,
    GENESIS_HASH,
    MISSING,
    TRUNCATED,
    ChainedEntry,
    ChainReport,
    canonical_json,
    entry_hash,
    verify_chain,
)

CHINESE = "会员管理台王李张刘陈经销商北京上海广州积分审计"
texts = st.text(max_size=12) | st.text(alphabet=CHINESE, min_size=1, max_size=8)
scalars = st.none() | st.booleans() | st.integers() | texts
json_values = scalars | st.lists(scalars, max_size=2) | st.dictionaries(texts, scalars, max_size=2)
snapshots = st.none() | st.dictionaries(texts, json_values, max_size=3).map(canonical_json)
times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
FIELD_VALUES = {
    "at": times,
    "actor_id": st.none() | st.integers(min_value=0, max_value=10**6),
    "actor_username": texts,
    "entity": texts,
    "entity_id": texts,
    "action": texts,
    "before": snapshots,
    "after": snapshots,
}
CONTENT = st.fixed_dictionaries(FIELD_VALUES)


def chain_of(contents: list[dict]) -> list[ChainedEntry]:
    entries, prev = [], GENESIS_HASH
    for seq, fields in enumerate(contents, start=1):
        entry = ChainedEntry(seq=seq, prev_hash=prev, **fields)
        entry = replace(entry, hash=entry_hash(entry))
        entries.append(entry)
        prev = entry.hash
    return entries


def head(entries: list[ChainedEntry]) -> tuple[int, str]:
    return (entries[-1].seq, entries[-1].hash) if entries else (0, GENESIS_HASH)


chains = st.lists(CONTENT, max_size=8).map(chain_of)
non_empty_chains = st.lists(CONTENT, min_size=1, max_size=8).map(chain_of)


@given(chains)
def test_correct_chain_is_intact(entries):
    report = verify_chain(entries, *head(entries))
    assert report.intact and report.broken_seq is None
    assert report.checked == len(entries)


@given(non_empty_chains, st.data())
def test_editing_any_field_of_any_entry_is_pinpointed(entries, data):
    victim = data.draw(st.sampled_from(entries))
    name = data.draw(st.sampled_from([*FIELD_VALUES, "seq", "prev_hash", "hash"]))
    if name in FIELD_VALUES:
        new = data.draw(FIELD_VALUES[name])
    elif name == "seq":
        new = data.draw(st.integers(min_value=-5, max_value=100))
    else:
        new = data.draw(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64))
    old = getattr(victim, name)
    assume(new != old if name != "at" else new.isoformat() != old.isoformat())
    tampered = [replace(e, **{name: new}) if e is victim else e for e in entries]
    report = verify_chain(tampered, *head(entries))
    assert report.broken_seq == victim.seq
    assert report.checked == victim.seq - 1


@given(non_empty_chains, st.data())
def test_deleting_any_entry_is_detected_at_its_seq(entries, data):
    index = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    report = verify_chain(entries[:index] + entries[index + 1 :], *head(entries))
    assert report.broken_seq == index + 1
    assert report.checked == index


@given(non_empty_chains, st.data())
def test_truncating_the_tail_is_detected_by_the_head(entries, data):
    keep = data.draw(st.integers(min_value=0, max_value=len(entries) - 1))
    report = verify_chain(entries[:keep], *head(entries))
    assert report.broken_seq == keep + 1
    assert report.checked == keep
    assert "removed" in report.reason


@given(st.lists(CONTENT, min_size=2, max_size=8).map(chain_of))
def test_rehashed_edit_breaks_the_next_link(entries):
    """An attacker who re-hashes an edited entry still breaks the following entry."""
    forged = replace(entries[0], action=entries[0].action + "x")
    forged = replace(forged, hash=entry_hash(forged))
    report = verify_chain([forged, *entries[1:]], *head(entries))
    assert report.broken_seq == 2


@given(st.dictionaries(texts, json_values, max_size=6), st.randoms(use_true_random=False))
def test_canonical_json_ignores_insertion_order(value, rnd):
    items = list(value.items())
    rnd.shuffle(items)
    shuffled = dict(items)
    nested = {"outer": shuffled, "list": [shuffled]}
    nested_reversed = {"list": [dict(reversed(items))], "outer": dict(reversed(items))}
    assert canonical_json(shuffled) == canonical_json(value)
    assert canonical_json(nested) == canonical_json(nested_reversed)


def test_canonical_json_keeps_chinese_readable_and_none_as_none():
    assert canonical_json({"b": 1, "a": "会员"}) == '{"a":"会员","b":1}'
    assert canonical_json(None) is None


def _one_entry(**fields) -> ChainedEntry:
    """A one-entry chain, hashed after applying ``fields``."""
    entry = ChainedEntry(
        1,
        datetime(2026, 3, 1, tzinfo=UTC),
        1,
        "admin",
        "dealer",
        "5",
        "create",
        None,
        '{"code":"BJA01"}',
        GENESIS_HASH,
    )
    entry = replace(entry, **fields)
    return replace(entry, hash=entry_hash(entry))


def test_null_snapshot_and_nul_text_hash_differently():
    original = _one_entry(before=None)
    edited = replace(original, before="\x00")
    assert verify_chain([edited], 1, original.hash).broken_seq == 1


def test_field_boundaries_are_unambiguous():
    original = _one_entry(actor_username="a\x1fb", entity="c")
    edited = replace(original, actor_username="a", entity="b\x1fc")
    assert verify_chain([edited], 1, original.hash).broken_seq == 1


# --- known answers: the stored hash format ---------------------------------------------------
# Every hash in every database depends on this format; any change to it (field order, JSON
# options, timestamp precision, the genesis hash) makes existing chains read as broken.

CST = timezone(timedelta(hours=8))
KNOWN = [
    ChainedEntry(
        1,
        datetime(2026, 3, 1, 10, 0, tzinfo=CST),
        1,
        "admin",
        "dealer",
        "5",
        "create",
        None,
        '{"code":"BJA01","name":"北京东区服务中心"}',
        GENESIS_HASH,
        "f62408f8246d944ff39738cb5446c7195132dde0d829eb60f9311f7a0db5cf33",
    ),
    ChainedEntry(
        2,
        datetime(2026, 3, 1, 10, 5, 30, 250000, tzinfo=CST),
        2,
        "王经理",
        "member",
        "00000000013",
        "update",
        '{"birthday":"1990-03-07","name":"王小明"}',
        '{"birthday":"1990-03-07","name":"王小明","points":120,"tags":["试驾","VIP"]}',
        "f62408f8246d944ff39738cb5446c7195132dde0d829eb60f9311f7a0db5cf33",
        "1aa34f2d7423206bad93ccd981923b8590c9554951f66cbeaaca713753c75241",
    ),
    ChainedEntry(
        3,
        datetime(2026, 3, 2, 1, 0, tzinfo=UTC),
        None,
        "system",
        "points",
        "expiry",
        "expire",
        None,
        '{"as_of":"2026-03-01","lots":3}',
        "1aa34f2d7423206bad93ccd981923b8590c9554951f66cbeaaca713753c75241",
        "6b8c7fb054ab78cbab7db83ecbe6125cac2e726ad8401f941280224edc666aa8",
    ),
]
KNOWN_HEAD = (3, KNOWN[-1].hash)


def test_genesis_hash_is_64_zeros():
    assert GENESIS_HASH == "0000000000000000000000000000000000000000000000000000000000000000"


@pytest.mark.parametrize("entry", KNOWN, ids=lambda e: f"seq{e.seq}")
def test_known_answer_hashes(entry):
    assert entry_hash(entry) == entry.hash


def test_hash_format_written_out():
    """SHA-256 of the UTF-8 JSON array of the fields (Chinese unescaped, json's default
    separators), the time with microseconds and its offset: reproducible outside the app."""
    entry = KNOWN[1]
    fields = [
        2,
        "2026-03-01T10:05:30.250000+08:00",
        2,
        "王经理",
        "member",
        "00000000013",
        "update",
        entry.before,
        entry.after,
        KNOWN[0].hash,
    ]
    text = json.dumps(fields, ensure_ascii=False)
    assert '"王经理", "member"' in text
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == entry.hash
    on_the_hour = KNOWN[0].at.isoformat(timespec="microseconds")
    assert on_the_hour == "2026-03-01T10:00:00.000000+08:00"


def test_snapshots_of_the_known_chain_are_canonical_json():
    assert canonical_json({"name": "北京东区服务中心", "code": "BJA01"}) == KNOWN[0].after
    birthday = date(1990, 3, 7)
    snapshot = {"tags": ["试驾", "VIP"], "points": 120, "name": "王小明", "birthday": birthday}
    assert canonical_json(snapshot) == KNOWN[1].after  # a date is written as ISO text
    assert canonical_json({"name": "王小明", "birthday": birthday}) == KNOWN[1].before
    assert canonical_json({"lots": 3, "as_of": date(2026, 3, 1)}) == KNOWN[2].after


def test_known_chain_is_intact():
    assert verify_chain(KNOWN, *KNOWN_HEAD) == ChainReport(checked=3)
    assert verify_chain([], 0, GENESIS_HASH) == ChainReport(checked=0)


def test_missing_entry():
    report = verify_chain([KNOWN[0], KNOWN[2]], *KNOWN_HEAD)
    assert report == ChainReport(checked=1, broken_seq=2, reason=MISSING)
    assert MISSING == "this entry is missing"


def test_entry_not_starting_at_one_is_missing_the_first():
    assert verify_chain(KNOWN[1:], *KNOWN_HEAD) == ChainReport(0, 1, MISSING)


def test_bad_link():
    relinked = replace(KNOWN[1], prev_hash=KNOWN[2].hash)
    relinked = replace(relinked, hash=entry_hash(relinked))
    report = verify_chain([KNOWN[0], relinked, KNOWN[2]], *KNOWN_HEAD)
    assert report == ChainReport(checked=1, broken_seq=2, reason=BAD_LINK)
    assert BAD_LINK == "its link to the previous entry does not match"


def test_bad_content():
    edited = replace(KNOWN[2], after='{"as_of":"2026-03-01","lots":4}')
    report = verify_chain([*KNOWN[:2], edited], *KNOWN_HEAD)
    assert report == ChainReport(checked=2, broken_seq=3, reason=BAD_CONTENT)
    assert BAD_CONTENT == "its content does not match its hash"


def test_truncated():
    report = verify_chain(KNOWN[:2], *KNOWN_HEAD)
    assert report == ChainReport(checked=2, broken_seq=3, reason=TRUNCATED)
    assert TRUNCATED == "the entries from here on were removed"


def test_forged_and_rehashed_last_entry_is_caught_by_the_head():
    """The last entry has no successor whose link would break: only the head, updated with
    each write, still holds its real hash."""
    forged = replace(KNOWN[2], after='{"as_of":"2026-03-01","lots":300}')
    forged = replace(forged, hash=entry_hash(forged))
    report = verify_chain([*KNOWN[:2], forged], *KNOWN_HEAD)
    assert not report.intact
    assert report == ChainReport(checked=3, broken_seq=4, reason=TRUNCATED)


def test_head_ahead_of_the_entries_is_truncation():
    assert verify_chain(KNOWN, 4, KNOWN[2].hash) == ChainReport(3, 4, TRUNCATED)


def test_report_and_entry_defaults():
    assert ChainReport(5).intact is True
    assert (ChainReport(5).broken_seq, ChainReport(5).reason) == (None, "")
    assert ChainReport(5, 6, TRUNCATED).intact is False
    fields = {name: getattr(KNOWN[0], name) for name in ChainedEntry.__dataclass_fields__}
    del fields["hash"]
    assert ChainedEntry(**fields).hash == ""
    with pytest.raises(FrozenInstanceError):
        KNOWN[0].hash = "0"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        ChainReport(1).checked = 2  # type: ignore[misc]
