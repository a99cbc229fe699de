"""Units of work: nothing is kept unless committed, on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy import func, select

from app.db.models import Dealer


def _add_dealer(uow, code: str) -> None:
    now = uow.now()
    uow.session.add(
        Dealer(
            code=code,
            name=code,
            region="华北",
            province="北京市",
            city="北京市",
            active=True,
            created_at=now,
            updated_at=now,
        )
    )
    uow.session.flush()


def _codes(db) -> list[str]:
    with db.reader() as uow:
        return list(uow.session.scalars(select(Dealer.code).order_by(Dealer.code)))


def test_changes_without_commit_are_rolled_back(db):
    with db.uow() as uow:
        _add_dealer(uow, "BJA01")
        assert uow.session.scalar(select(func.count()).select_from(Dealer)) == 1
    assert _codes(db) == []


def test_exception_rolls_back_and_propagates(db):
    with pytest.raises(RuntimeError, match="boom"), db.uow() as uow:
        _add_dealer(uow, "BJA01")
        raise RuntimeError("boom")
    assert _codes(db) == []


def test_commit_persists_and_readers_see_it(db, clock):
    with db.uow() as uow:
        assert uow.now() == clock.now
        _add_dealer(uow, "BJA01")
        uow.commit()
    assert _codes(db) == ["BJA01"]
    with db.reader() as uow:
        assert uow.session.scalar(select(Dealer.created_at)) == clock.now


def test_changes_after_a_commit_in_the_same_block_are_not_kept(db):
    with db.uow() as uow:
        _add_dealer(uow, "BJA01")
        uow.commit()
        _add_dealer(uow, "BJA02")
    assert _codes(db) == ["BJA01"]


def test_independent_units_see_committed_data_only(db):
    with db.uow() as writer:
        _add_dealer(writer, "BJA01")
        with db.reader() as other:
            assert other.session.scalar(select(func.count()).select_from(Dealer)) == 0
        writer.commit()
    with db.reader() as later:
        assert later.session.scalars(select(Dealer.code)).all() == ["BJA01"]


def test_a_unit_of_work_can_be_used_again(db):
    uow = db.uow()
    with uow:
        _add_dealer(uow, "BJA01")
    with uow:
        _add_dealer(uow, "BJA02")
        uow.commit()
    assert _codes(db) == ["BJA02"]
