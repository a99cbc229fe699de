"""Properties of the audit hash chain: intact chains verify, any single edit is pinpointed."""

from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import assume, given
from hypothesis import strategies as st

from app.domain.audit_chain import (
    GENESIS_HASH,
    ChainedEntry,
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
