"""The audit page's checkpoint buttons through real clicks: export one, verify against it."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog, QLabel

from app.services.shared import audit
from app.ui.audit.audit_page import AuditPage
from tests.gui.helpers import child, click
from tests.test_audit import tamper

TIMEZONE = "Asia/Shanghai"


def open_page(qtbot, db, actor) -> AuditPage:
    page = AuditPage(db, actor, TIMEZONE)
    page.setObjectName("page_audit")
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_export_a_checkpoint_then_verify_against_it(qtbot, db, people, tmp_path, monkeypatch):
    target, offered = tmp_path / "kept-safe", []

    def save_as(_parent, _title, default, _filter):
        offered.append(default)
        return str(target), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(target) + ".json", ""))
    with db.reader() as uow:
        head = audit.checkpoint(uow)
    page = open_page(qtbot, db, people.auditor)
    status = child(page, "status", QLabel)

    click(qtbot, page, "export_checkpoint")
    qtbot.waitUntil(lambda: "saved to" in status.text())
    assert offered == [f"audit-checkpoint-{head.database_id[:8]}-{head.seq}.json"]
    saved = json.loads((tmp_path / "kept-safe.json").read_text())
    assert (saved["seq"], saved["hash"]) == (head.seq, head.hash)
    assert status.text().startswith(f"Checkpoint of entry {head.seq} saved to {target}.json.")

    click(qtbot, page, "verify_against")
    qtbot.waitUntil(lambda: "intact" in status.text())
    assert status.text().splitlines()[0].startswith("Audit chain intact:")
    assert "Checkpoints that match:" in status.text()


def test_verify_against_names_the_checkpoint_a_cut_back_trail_fails(
    qtbot, db, people, tmp_path, monkeypatch
):
    path = tmp_path / "anchor.json"
    anchor = audit.export_checkpoint(db, people.auditor, path)
    audit.local_checkpoint_path().unlink()  # only the exported file remembers
    keep = anchor.seq - 2
    tamper(
        db,
        f"DELETE FROM audit_log WHERE seq > {keep}",
        f"UPDATE audit_head SET last_seq = {keep}, "
        f"last_hash = (SELECT hash FROM audit_log WHERE seq = {keep})",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(path), ""))
    page = open_page(qtbot, db, people.auditor)
    status = child(page, "status", QLabel)

    click(qtbot, page, "verify")  # the chain alone links up
    qtbot.waitUntil(lambda: "intact" in status.text())

    click(qtbot, page, "verify_against")
    qtbot.waitUntil(lambda: "does not match" in status.text())
    assert f"The checkpoint of entry {anchor.seq} (taken " in status.text()
    assert "the entry no longer exists: the trail was cut back" in status.text()
    assert "b00020" in status.styleSheet()


def test_verify_names_a_dropped_audit_guard(qtbot, db, people):
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
    page = open_page(qtbot, db, people.auditor)
    status = child(page, "status", QLabel)
    click(qtbot, page, "verify")
    qtbot.waitUntil(lambda: "not intact" in status.text())
    assert status.text() == (
        "The database guards that keep the audit trail append-only are not intact: "
        "audit_log_no_delete (missing).\nCheckpoints that match: 3."  # one per sign-in
    )
