"""Comparing checkpoints with the hashes stored now; reading them back from JSON."""

from dataclasses import FrozenInstanceError

import pytest

from app.domain.audit_checkpoints import (
    ENTRY_GONE,
    FORMAT,
    HASH_DIFFERS,
    Checkpoint,
    CheckpointFailure,
    CheckpointReport,
    checkpoint_from_json,
    compare_checkpoints,
)

THIS, OTHER = "a" * 32, "b" * 32


def anchor(seq: int, digest: str, database: str = THIS) -> Checkpoint:
    return Checkpoint(database, seq, digest * 64, "2026-03-01T02:00:00+00:00")


def test_matching_gone_and_rewritten_entries_are_told_apart():
    stored = {1: "1" * 64, 2: "x" * 64}
    checkpoints = [
        anchor(1, "1"),
        anchor(2, "2"),
        anchor(3, "3"),
        anchor(3, "3"),
        anchor(9, "9", OTHER),
    ]
    report = compare_checkpoints(checkpoints, THIS, stored)
    assert (report.matched, report.other_database, report.ok) == (1, 1, False)
    assert [(f.checkpoint.seq, f.reason) for f in report.failures] == [
        (2, HASH_DIFFERS),
        (3, ENTRY_GONE),
    ]


def test_json_round_trip():
    original = anchor(7, "c")
    assert checkpoint_from_json(original.as_json()) == original


@pytest.mark.parametrize(
    "change",
    [{"format": "other"}, {"database_id": ""}, {"seq": -1}, {"seq": True}, {"hash": "short"}],
)
def test_anything_else_is_not_a_checkpoint(change):
    with pytest.raises(ValueError):
        checkpoint_from_json({**anchor(7, "c").as_json(), **change})


def test_stored_format_and_failure_reasons():
    # FORMAT is written into checkpoint files kept outside the database: changing it makes
    # every copy unreadable.
    assert FORMAT == "loyalty-desk-audit-checkpoint/1"
    assert ENTRY_GONE == "the entry no longer exists: the trail was cut back"
    assert HASH_DIFFERS == "the entry's hash differs: the trail was rewritten"


def test_as_json_writes_every_field_and_the_format():
    assert anchor(7, "c").as_json() == {
        "format": "loyalty-desk-audit-checkpoint/1",
        "database_id": THIS,
        "seq": 7,
        "hash": "c" * 64,
        "at": "2026-03-01T02:00:00+00:00",
    }


def test_seq_zero_and_a_missing_time_are_accepted():
    data = {**anchor(0, "d").as_json()}
    del data["at"]
    assert checkpoint_from_json(data) == Checkpoint(THIS, 0, "d" * 64, "")
    assert checkpoint_from_json({**data, "at": None}).at == ""


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (None, "not an audit checkpoint"),
        ([], "not an audit checkpoint"),
        ({}, "not an audit checkpoint"),
        ({"format": "loyalty-desk-audit-checkpoint/2"}, "not an audit checkpoint"),
        ({"database_id": None}, "no database id"),
        ({"database_id": ""}, "no database id"),
        ({"database_id": 5}, "no database id"),
        ({"seq": -1}, "bad seq"),
        ({"seq": "7"}, "bad seq"),
        ({"seq": 7.0}, "bad seq"),
        ({"seq": False}, "bad seq"),
        ({"hash": "c" * 63}, "bad hash"),
        ({"hash": "c" * 65}, "bad hash"),
        ({"hash": None}, "bad hash"),
    ],
)
def test_why_something_is_not_a_checkpoint(data, message):
    if isinstance(data, dict) and data:
        data = {**anchor(7, "c").as_json(), **data}
    with pytest.raises(ValueError) as refused:
        checkpoint_from_json(data)
    assert str(refused.value) == message


def test_every_match_and_every_other_database_is_counted():
    stored = {1: "1" * 64, 2: "2" * 64, 3: "3" * 64}
    checkpoints = [anchor(1, "1"), anchor(2, "2"), anchor(3, "3"), anchor(1, "x", OTHER)]
    checkpoints += [anchor(2, "y", OTHER)]
    report = compare_checkpoints(checkpoints, THIS, stored)
    assert report == CheckpointReport(matched=3, other_database=2, failures=())
    assert report.ok is True


def test_one_failure_per_seq_the_first_one_lowest_seq_first():
    stored = {5: "5" * 64}
    first, second = anchor(5, "a"), anchor(5, "b")
    report = compare_checkpoints([anchor(8, "8"), first, second], THIS, stored)
    assert report.failures == (
        CheckpointFailure(first, HASH_DIFFERS),
        CheckpointFailure(anchor(8, "8"), ENTRY_GONE),
    )
    assert (report.matched, report.other_database, report.ok) == (0, 0, False)


def test_nothing_to_compare():
    report = compare_checkpoints([], THIS, {1: "1" * 64})
    assert report == CheckpointReport()
    assert (report.matched, report.other_database, report.failures) == (0, 0, ())
    assert report.ok is True


def test_checkpoints_and_reports_cannot_be_changed():
    checkpoint = anchor(1, "1")
    with pytest.raises(FrozenInstanceError):
        checkpoint.seq = 2  # type: ignore[misc]
    failure = CheckpointFailure(checkpoint, ENTRY_GONE)
    with pytest.raises(FrozenInstanceError):
        failure.reason = HASH_DIFFERS  # type: ignore[misc]
    report = CheckpointReport()
    with pytest.raises(FrozenInstanceError):
        report.matched = 1  # type: ignore[misc]
