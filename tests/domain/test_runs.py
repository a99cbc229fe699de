"""Batch runs: their stored statuses and how the member id space is cut into batches."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.runs import RunStatus, add_counts, batches_left, next_batch


def test_stored_status_values():
    # Stored in the runs table: renaming one strands the runs already recorded.
    assert [s.value for s in RunStatus] == [
        "previewed",
        "committing",
        "committed",
        "failed",
        "cancelled",
    ]
    assert RunStatus("committed") is RunStatus.COMMITTED


def test_batches_of_three_up_to_the_last_member():
    assert next_batch(0, 7, 3) == (1, 3)
    assert next_batch(3, 7, 3) == (4, 6)
    assert next_batch(6, 7, 3) == (7, 7)  # the last batch is cut at the last member
    assert next_batch(7, 7, 3) is None


def test_a_batch_starts_after_the_cursor_wherever_it_is():
    assert next_batch(41, 100, 10) == (42, 51)
    assert next_batch(99, 100, 10) == (100, 100)
    assert next_batch(90, 100, 10) == (91, 100)  # exactly one batch left: it ends at the last


def test_nothing_left_once_the_cursor_reaches_or_passes_the_last_member():
    assert next_batch(100, 100, 10) is None
    assert next_batch(150, 100, 10) is None
    assert next_batch(0, 0, 10) is None  # no members at all


def test_batch_size_one():
    assert next_batch(4, 6, 1) == (5, 5)
    assert batches_left(4, 6, 1) == 2


@pytest.mark.parametrize("size", [0, -1])
def test_batch_size_below_one_is_refused(size):
    with pytest.raises(ValueError) as refused:
        next_batch(0, 10, size)
    assert str(refused.value) == f"batch size must be >= 1, got {size}"
    with pytest.raises(ValueError) as refused:
        batches_left(0, 10, size)
    assert str(refused.value) == f"batch size must be >= 1, got {size}"


@pytest.mark.parametrize(
    ("cursor", "last", "size", "left"),
    [
        (0, 7, 3, 3),  # 1-3, 4-6, 7
        (0, 6, 3, 2),  # exactly two full batches
        (0, 9, 10, 1),
        (0, 10, 10, 1),
        (0, 11, 10, 2),
        (6, 7, 3, 1),
        (7, 7, 3, 0),
        (9, 7, 3, 0),  # past the last member: none, never negative
        (0, 0, 5, 0),
    ],
)
def test_batches_left(cursor, last, size, left):
    assert batches_left(cursor, last, size) == left


@given(
    cursor=st.integers(min_value=-5, max_value=60),
    last=st.integers(min_value=0, max_value=60),
    size=st.integers(min_value=1, max_value=15),
)
def test_batches_cover_every_id_once_in_as_many_batches_as_announced(cursor, last, size):
    announced = batches_left(cursor, last, size)
    batches, done = [], cursor
    while (batch := next_batch(done, last, size)) is not None:
        first, end = batch
        assert first == done + 1 and first <= end <= first + size - 1
        batches.append(batch)
        done = end
    assert len(batches) == announced
    covered = [i for first, end in batches for i in range(first, end + 1)]
    assert covered == list(range(cursor + 1, last + 1))


def test_add_counts_adds_the_keys_of_either():
    total = {"upgraded": 3, "kept": 10}
    batch = {"kept": 4, "downgraded": 1}
    assert add_counts(total, batch) == {"upgraded": 3, "kept": 14, "downgraded": 1}
    assert total == {"upgraded": 3, "kept": 10}  # neither is changed
    assert batch == {"kept": 4, "downgraded": 1}


def test_add_counts_of_nothing():
    assert add_counts({}, {}) == {}
    assert add_counts({}, {"kept": 2}) == {"kept": 2}
    assert add_counts({"kept": 2}, {}) == {"kept": 2}
