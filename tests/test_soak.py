"""Eight desktops (processes) on the same members at once, on SQLite and PostgreSQL: no
unexpected error, and every ledger and audit invariant holds afterwards."""

from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

from app.services import points
from app.services.shared import audit
from app.services.shared.database import open_database
from tests import soak

SECONDS = float(os.environ.get("LOYALTY_SOAK_SECONDS", "5"))


def test_eight_desktops_mixed_work_leaves_the_books_intact(db, people):
    real_clock = open_database(db.url)  # the desktops run on the real clock
    try:
        today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
        setup = soak.prepare(real_clock, people, today)
        result = soak.run(setup, processes=8, seconds=SECONDS)
        print(
            f"\nsoak on {db.kind}: {result.total:,} operations by {result.processes} desktops "
            f"in {result.seconds:.1f} s; refusals {dict(result.refusals)}; "
            f"defects {len(result.defects)}"
        )
        assert result.defects == []
        assert set(result.operations) == set(soak.OPERATIONS)
        assert points.verify_ledger(real_clock, people.admin) == []
        with real_clock.reader() as uow:
            assert audit.verify(uow).intact
    finally:
        real_clock.close()
