"""Checkpoints catch what the chain alone cannot: a trail cut back or re-hashed by its owner."""

from __future__ import annotations

import json
import logging
import os
import sys

import pytest
from sqlalchemy import select, update

from app.config import sqlite_url
from app.db import guards
from app.db.models import AuditEntry, AuditHead
from app.domain.audit_chain import ChainedEntry, entry_hash
from app.domain.audit_checkpoints import ENTRY_GONE, HASH_DIFFERS, Checkpoint
from app.domain.errors import PermissionDenied
from app.services.settings.backups import backup_database
from app.services.shared import audit
from app.services.shared.audit import AuditFilter
from app.services.shared.database import open_database
from app.services.staff import auth
from tests.conftest import PASSWORD
from tests.test_audit import tamper
from tests.test_cli import run


@pytest.fixture
def signed(db, people, monkeypatch):
    """Staff who signed in (so this computer keeps checkpoints), with the CLI's password set."""
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    return db


def _chain_alone_is_intact(db) -> bool:
    with db.reader() as uow:
        return audit.verify_chain_only(uow).intact


def _cut_back(db, keep: int) -> None:
    """Delete every entry after ``keep`` and rewind the head to it, guards lifted."""
    tamper(
        db,
        f"DELETE FROM audit_log WHERE seq > {keep}",
        f"UPDATE audit_head SET last_seq = {keep}, "
        f"last_hash = (SELECT hash FROM audit_log WHERE seq = {keep})",
    )


def _rehash_from(db, seq: int) -> None:
    """Rewrite entry ``seq`` and recompute every hash after it, as a database owner can."""
    with db.engine.begin() as connection:
        guards.drop_guards(connection)
        rows = connection.execute(select(AuditEntry).order_by(AuditEntry.seq)).mappings().all()
        prev = rows[seq - 2]["hash"] if seq > 1 else "0" * 64
        for row in rows[seq - 1 :]:
            fields = {k: row[k] for k in ChainedEntry.__dataclass_fields__ if k != "hash"}
            if row["seq"] == seq:
                fields["after"] = '{"role":"admin"}'
            fields["prev_hash"] = prev
            prev = entry_hash(ChainedEntry(**fields))
            connection.execute(
                update(AuditEntry)
                .where(AuditEntry.seq == row["seq"])
                .values(after=fields["after"], prev_hash=fields["prev_hash"], hash=prev)
            )
        connection.execute(update(AuditHead).values(last_hash=prev))
        guards.create_guards(connection)


def test_export_writes_the_head_and_is_audited(signed, people, tmp_path):
    path = tmp_path / "anchor.json"
    with signed.reader() as uow:
        head = uow.session.get(AuditHead, 1)
        expected = (audit.database_id(uow), head.last_seq, head.last_hash)
    anchor = audit.export_checkpoint(signed, people.auditor, path)
    assert (anchor.database_id, anchor.seq, anchor.hash) == expected
    assert len(anchor.database_id) == 32
    assert json.loads(path.read_text())["seq"] == anchor.seq
    latest = audit.list_entries(signed, people.auditor, AuditFilter(), None, limit=1)[0]
    assert (latest.entity, latest.action) == ("audit_trail", "checkpoint")
    assert json.loads(latest.after) == {"seq": anchor.seq, "hash": anchor.hash, "file": path.name}
    with pytest.raises(PermissionDenied):
        audit.export_checkpoint(signed, people.clerk, tmp_path / "clerk.json")


def test_a_trail_cut_back_and_rewound_fails_against_an_earlier_checkpoint(
    signed, people, tmp_path, capsys
):
    path = tmp_path / "anchor.json"
    anchor = audit.export_checkpoint(signed, people.auditor, path)
    _cut_back(signed, keep=anchor.seq - 3)
    assert _chain_alone_is_intact(signed)  # the chain alone cannot tell
    with signed.reader() as uow:
        report = audit.verify_against(uow, [anchor])
    assert (report.failures[0].checkpoint.seq, report.failures[0].reason) == (
        anchor.seq,
        ENTRY_GONE,
    )
    audit.local_checkpoint_path().unlink()  # as on another computer: only the file knows
    code, _out, err = run(
        capsys, "--db", signed.url, "--as", "auditor", "audit", "verify", "--against", str(path)
    )
    assert code == 1 and f"checkpoint FAILED at entry {anchor.seq} (taken {anchor.at})" in err
    assert "BROKEN" not in err


def test_a_rehashed_trail_fails_against_the_file_and_this_computers_checkpoints(
    signed, people, tmp_path, capsys
):
    path = tmp_path / "anchor.json"
    anchor = audit.export_checkpoint(signed, people.auditor, path)
    _rehash_from(signed, 2)
    assert _chain_alone_is_intact(signed)  # the chain alone cannot tell
    with signed.reader() as uow:
        against_file = audit.verify_against(uow, [anchor])
        report = audit.verify(uow)  # this computer's own checkpoints, from the sign-ins
    assert [(f.checkpoint.seq, f.reason) for f in against_file.failures] == [
        (anchor.seq, HASH_DIFFERS)
    ]
    assert not report.intact and report.chain.intact and report.guard_problems == ()
    assert report.checkpoints.failures[0].reason == HASH_DIFFERS
    code, _out, err = run(capsys, "--db", signed.url, "--as", "auditor", "audit", "verify")
    first = report.checkpoints.failures[0].checkpoint.seq
    assert code == 1 and f"checkpoint FAILED at entry {first}" in err


def test_checkpoints_of_another_database_are_ignored_and_counted(signed, people, tmp_path):
    with signed.reader() as uow:
        own = audit.checkpoint(uow)
        other = Checkpoint("f" * 32, own.seq + 100, "e" * 64, own.at)
        report = audit.verify_against(uow, [own, other, other])
    assert (report.matched, report.other_database, report.ok) == (1, 2, True)


def test_verify_against_a_file_from_the_cli(signed, tmp_path, capsys):
    path = tmp_path / "anchor.json"
    code, out, _err = run(
        capsys, "--db", signed.url, "--as", "admin", "audit", "checkpoint", str(path)
    )
    assert code == 0 and f"checkpoint written: {path}" in out
    code, out, _err = run(
        capsys, "--db", signed.url, "--as", "admin", "audit", "verify", "--against", str(path)
    )
    assert code == 0 and "audit trail intact" in out and "checkpoints match" in out
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"seq": 1}')
    code, _out, err = run(
        capsys, "--db", signed.url, "--as", "admin", "audit", "verify", "--against", str(bogus)
    )
    assert code == 1 and "is not an audit checkpoint file" in err
    code, _out, err = run(capsys, "--db", signed.url, "--as", "clerk", "audit", "verify")
    assert code == 1 and "may not" in err


def test_each_sign_in_keeps_a_checkpoint_on_this_computer(signed, people):
    path = audit.local_checkpoint_path()
    before = path.read_text().splitlines()
    auth.sign_in(signed, "clerk", PASSWORD)
    lines = path.read_text().splitlines()
    assert len(lines) == len(before) + 1
    with signed.reader() as uow:
        head = uow.session.get(AuditHead, 1)
        assert json.loads(lines[-1])["seq"] == head.last_seq
        assert json.loads(lines[-1])["hash"] == head.last_hash
    if sys.platform != "win32":
        assert os.stat(path).st_mode & 0o777 == 0o600


def test_sign_in_works_when_the_checkpoint_cannot_be_kept(signed, tmp_path, monkeypatch, caplog):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("LOYALTY_DATA_DIR", str(blocked))
    with caplog.at_level(logging.WARNING):
        actor = auth.sign_in(signed, "clerk", PASSWORD)
    assert actor.username == "clerk"
    assert "could not keep the audit checkpoint" in caplog.text


def test_a_copy_elsewhere_does_not_fail_the_original(request, db, tmp_path, monkeypatch):
    """An opened backup shares the database id but goes its own way from the copy on."""
    if db.kind != "sqlite":
        pytest.skip("copies an SQLite file")
    people = request.getfixturevalue("people")
    copy_path = tmp_path / "copy.sqlite3"
    backup_database(db, people.admin, copy_path)
    copy = open_database(sqlite_url(copy_path))
    try:
        auth.sign_in(copy, "clerk", PASSWORD)  # the copy's chain now differs from here on
        auth.sign_in(db, "clerk", PASSWORD)
        with db.reader() as uow:
            original = audit.verify(uow)
        with copy.reader() as uow:
            copied = audit.verify(uow)
    finally:
        copy.close()
    assert original.intact and copied.intact
    assert (original.checkpoints.matched, copied.checkpoints.matched) == (4, 1)
