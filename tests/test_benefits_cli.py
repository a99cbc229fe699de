"""``loyalty benefits`` (expire, list, orders) on SQLite and PostgreSQL.

The vouchers are issued by the services on the fixtures' clock (2026-03-01); the command line
runs on the real clock, which is later, so vouchers valid for ten days are due by then.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.db.models import Voucher
from app.domain import benefits as rules
from app.services import benefits
from app.services.benefits import RedeemInput, expiry
from app.services.runs import batch_runs
from app.services.shared.progress import Cancelled, Progress
from tests.conftest import PASSWORD
from tests.test_benefits import TODAY, Catalog, give_points, item, second_admin
from tests.test_cli import run
from tests.test_members import register, zhang


def real_today() -> date:
    """The programme's date by the real clock (what the command line sees)."""
    return datetime.now(ZoneInfo("Asia/Shanghai")).date()


class Shop:
    """A listed car wash (valid 10 days, 800 points), a draft item, and two members with
    vouchers: the first has one used and one left unused, the second one unused."""

    def __init__(self, db, people):
        self.db, self.people = db, people
        catalog = Catalog(db, people, second_admin(db, people))
        self.wash = catalog.listed(item(voucher_days=10))
        self.draft = benefits.create_item(
            db, people.admin, item(code="UMBRELLA", name="品牌定制雨伞", stock=None,
                                   category="merchandise", source="custom"),
        ).id  # fmt: skip
        self.first = register(db, people.clerk)
        second = zhang(name="李四", mobile="13900000009", resident_id=None)
        self.second = register(db, people.clerk, second)
        for member in (self.first, self.second):
            give_points(db, member.id, 2_000, uid=f"gift-{member.id}")
        clerk = people.clerk
        self.used = benefits.redeem(db, clerk, RedeemInput(self.first.id, self.wash, "a1"))
        self.unused = benefits.redeem(db, clerk, RedeemInput(self.first.id, self.wash, "a2"))
        self.other = benefits.redeem(db, clerk, RedeemInput(self.second.id, self.wash, "b1"))
        benefits.write_off(db, clerk, self.used.code)
        self.as_of = real_today()

    def cli(self, capsys, user: str, *argv: str) -> tuple[int, str, str]:
        return run(capsys, "--db", self.db.url, "--as", user, "benefits", *argv)


@pytest.fixture
def shop(db, people, monkeypatch) -> Shop:
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    return Shop(db, people)


def expire_args(shop: Shop, *extra: str) -> list[str]:
    return ["expire", "--as-of", shop.as_of.isoformat(), *extra]


def statuses(shop: Shop) -> dict[str, str]:
    with shop.db.reader() as uow:
        return dict(uow.session.execute(select(Voucher.code, Voucher.status)).all())


# --- expire -------------------------------------------------------------------------------------


def test_expire_previews_commits_once_and_says_so_after(shop, capsys):
    code, _out, err = shop.cli(capsys, "clerk", *expire_args(shop))
    assert code == 1 and "may not manage benefits" in err and "Traceback" not in err

    code, out, _err = shop.cli(capsys, "admin", *expire_args(shop))
    assert code == 0
    assert f"voucher expiry as of {shop.as_of}" in out
    assert "preview: 2 vouchers due; nothing changed (apply with --commit)" in out
    code, out, _err = shop.cli(capsys, "admin", *expire_args(shop, "--json"))
    shown = json.loads(out)
    assert code == 0 and (shown["status"], shown["committed"], shown["due"]) == (
        "previewed", False, 2,
    )  # fmt: skip
    assert set(statuses(shop).values()) == {"used", "issued"}  # nothing changed

    code, out, err = shop.cli(capsys, "admin", *expire_args(shop, "--commit"))
    assert code == 0
    assert f"(run {shown['run_id']}) committed in 1 batches: 2 vouchers expired" in out
    assert "voucher_expiry 1/1 (100%)" in err  # the progress line
    assert statuses(shop) == {
        shop.used.code: "used", shop.unused.code: "expired", shop.other.code: "expired",
    }  # fmt: skip

    code, out, _err = shop.cli(capsys, "admin", *expire_args(shop, "--commit"))
    assert code == 0 and "was already committed" in out and "by admin" in out
    assert "2 vouchers expired; nothing changed now" in out
    code, out, _err = shop.cli(capsys, "admin", *expire_args(shop, "--commit", "--json"))
    again = json.loads(out)
    assert (again["already_committed"], again["committed"], again["resumed"]) == (True, True, False)
    assert (again["due"], again["expired"]) == (2, 2)
    code, out, _err = shop.cli(capsys, "admin", *expire_args(shop))  # a preview, after
    assert code == 0 and "was already committed" in out


def test_expire_refusals_are_messages_not_tracebacks(shop, capsys):
    future = (real_today() + timedelta(days=2)).isoformat()
    code, out, err = shop.cli(capsys, "admin", "expire", "--as-of", future, "--commit")
    assert code == 1 and out == "" and err.startswith("error: ")
    assert "Traceback" not in err
    code, _out, err = shop.cli(capsys, "auditor", *expire_args(shop, "--json"))
    assert code == 1 and "may not manage benefits" in err
    with pytest.raises(SystemExit) as usage:  # argparse: exit 2
        shop.cli(capsys, "admin", "expire", "--as-of", "2026-02-30")
    assert usage.value.code == 2
    with pytest.raises(SystemExit):
        shop.cli(capsys, "admin", "expire")  # --as-of is required
    code, _out, err = run(capsys, "--db", shop.db.url, "benefits", *expire_args(shop))
    assert code == 1 and "--as USER" in err


def test_a_commit_resumes_an_interrupted_run(shop, capsys, clock):
    clock.now = datetime.now(UTC)  # the run started here sees the day the command line sees
    one_by_one = replace(expiry.VOUCHER_EXPIRY, batch_size=1)
    progress = Progress(lambda done, _total, _m: done >= 1 and progress.cancel())
    with pytest.raises(Cancelled):
        batch_runs.commit(shop.db, shop.people.admin, one_by_one, shop.as_of, None, progress)
    code, out, _err = shop.cli(capsys, "admin", *expire_args(shop))
    assert code == 0 and "was interrupted (cancelled) after 1 batches" in out
    assert "--commit resumes it" in out

    code, out, err = shop.cli(capsys, "admin", *expire_args(shop, "--commit", "--json"))
    assert code == 0 and "resuming run" in err and "cancelled after 1 batches" in err
    done = json.loads(out)
    assert (done["status"], done["resumed"], done["already_committed"], done["expired"]) == (
        "committed", True, False, 2,
    )  # fmt: skip
    assert list(statuses(shop).values()).count("expired") == 2


# --- list ---------------------------------------------------------------------------------------


def test_list_shows_the_catalog(shop, capsys):
    code, out, err = shop.cli(capsys, "clerk", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "code\tname\tchannel\tstatus\tpoints\tstock"
    assert "WASH\t精致洗车\tredemption\tlisted\t800\t2" in lines  # 5 in stock, 3 redeemed
    assert "UMBRELLA\t品牌定制雨伞\tredemption\tdraft\t800\tunlimited" in lines
    assert "T-RESCUE\t道路救援\ttier\tlisted\t0\tunlimited" in lines  # the seed's matrix
    assert "10 items, 9 listed" in err

    code, out, _err = shop.cli(capsys, "auditor", "list", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["count"] == 10
    wash = next(i for i in shown["items"] if i["code"] == "WASH")
    assert (wash["id"], wash["status"], wash["points_price"], wash["stock"]) == (
        shop.wash, "listed", 800, 2,
    )  # fmt: skip
    assert (wash["channel"], wash["source"], wash["category"]) == (
        "redemption", "dealer", "vehicle_service",
    )  # fmt: skip


# --- orders -------------------------------------------------------------------------------------


def test_orders_lists_and_filters(shop, capsys):
    code, out, err = shop.cli(capsys, "clerk", "orders")
    assert code == 0 and "3 of 3 orders" in err
    lines = [line.split("\t") for line in out.splitlines()]
    assert [fields[0] for fields in lines] == [
        rules.format_code(v.code) for v in (shop.other, shop.unused, shop.used)
    ]  # newest first
    assert lines[2][1:8] == [
        TODAY.isoformat(), shop.first.member_number, "张三", "WASH", "精致洗车",
        "800 points", "used",
    ]  # fmt: skip
    assert lines[2][10] == TODAY.isoformat()  # used on

    number = shop.first.member_number
    code, out, _err = shop.cli(capsys, "clerk", "orders", "--member", number, "--json")
    shown = json.loads(out)
    assert code == 0 and (shown["total"], shown["count"]) == (2, 2)
    assert {o["code"] for o in shown["orders"]} == {shop.used.code, shop.unused.code}
    assert {o["member_number"] for o in shown["orders"]} == {number}
    code, out, _err = shop.cli(capsys, "clerk", "orders", "--status", "used", "--json")
    assert [o["code"] for o in json.loads(out)["orders"]] == [shop.used.code]
    code, out, _err = shop.cli(capsys, "auditor", "orders", "--limit", "1", "--json")
    shown = json.loads(out)
    assert (shown["total"], shown["count"]) == (3, 1)
    assert shown["orders"][0]["member_name"] == "李*"  # masked for the auditor

    before, after = (TODAY - timedelta(days=1)).isoformat(), (TODAY + timedelta(days=1))
    code, out, err = shop.cli(capsys, "clerk", "orders", "--from", before, "--to", before)
    assert code == 0 and out == "" and "0 of 0 orders" in err
    code, out, err = shop.cli(capsys, "clerk", "orders", "--from", TODAY.isoformat(),
                              "--to", after.isoformat())  # fmt: skip
    assert code == 0 and "3 of 3 orders" in err


def test_orders_refusals(shop, capsys):
    code, _out, err = shop.cli(capsys, "clerk", "orders", "--limit", "0")
    assert code == 1 and "--limit must be from 1 to 10,000" in err
    code, _out, err = shop.cli(capsys, "clerk", "orders", "--from", "2026-03-02",
                               "--to", "2026-03-01")  # fmt: skip
    assert code == 1 and "--to is before --from" in err
    with pytest.raises(SystemExit) as usage:
        shop.cli(capsys, "clerk", "orders", "--status", "lost")
    assert usage.value.code == 2
    capsys.readouterr()
    code, out, err = shop.cli(capsys, "clerk", "orders", "--member", "x" * 30)
    assert code == 1 and out == "" and err.startswith("error: ")
    with shop.db.reader() as uow:
        assert uow.session.scalar(select(func.count()).select_from(Voucher)) == 3


def test_the_clock_of_the_fixtures_is_before_the_real_one():
    """The expiry tests need the fixtures' vouchers to be past their last day by now."""
    assert datetime(2026, 3, 11, tzinfo=UTC).date() < real_today()


def test_orders_to_excel_writes_every_match(shop, capsys, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "orders.xlsx"
    code, out, _err = shop.cli(capsys, "clerk", "orders", "--limit", "1", "--xlsx", str(path))
    assert code == 0 and out == f"3 orders written to {path}\n"  # not only --limit rows
    rows = list(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 4  # the header and three orders
    assert rules.format_code(shop.used.code) in {value for row in rows for value in row}
    used = tmp_path / "used.xlsx"
    code, out, _err = shop.cli(capsys, "auditor", "orders", "--status", "used", "--lang", "en",
                               "--xlsx", str(used), "--json")  # fmt: skip
    assert code == 0 and json.loads(out) == {
        "command": "benefits orders", "file": str(used), "rows": 1,
    }  # fmt: skip
