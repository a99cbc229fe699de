"""``loyalty tiers`` (review, at-risk, policy) on SQLite and PostgreSQL, and the demo's tiers.

The command line runs on the real clock, so the members' tiers are set up with the fixtures'
clock moved to about 13 months ago: their validity ended a month ago and a review is due.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from app.db.models import MemberTier, PointsAccount, TierChange
from app.domain import tiers as rules
from app.domain.runs import RunStatus
from app.services import demo, settings
from app.services.runs import batch_runs
from app.services.shared.database import open_database
from app.services.shared.progress import Cancelled, Progress
from app.services.tiers import policy as tier_policy
from app.services.tiers import review, standing
from tests.conftest import PASSWORD
from tests.test_cli import run
from tests.test_members import register, zhang
from tests.test_tiers import spend

SHANGHAI = ZoneInfo("Asia/Shanghai")


def real_today() -> date:
    """The programme's date by the real clock (what the command line sees)."""
    return datetime.now(SHANGHAI).date()


class Tiered:
    """Three 金卡 members whose validity ended: one keeps it, one falls short by a point,
    one reached 白金卡 (the upgrade waits in Approvals: upgrades are not automatic)."""

    def __init__(self, db, people, kept: int, short: int, climber: int, valid_until: date):
        self.db, self.people = db, people
        self.kept, self.short, self.climber = kept, short, climber
        self.valid_until = valid_until
        self.as_of = valid_until + timedelta(days=1)

    def tier(self, member_id: int) -> str:
        return standing.member_tier(self.db, self.people.admin, member_id).tier.code

    def cli(self, capsys, user: str, *argv: str) -> tuple[int, str, str]:
        return run(capsys, "--db", self.db.url, "--as", user, "tiers", *argv)


@pytest.fixture
def tiered(db, clock, request, monkeypatch) -> Tiered:
    clock.now = datetime.now(UTC) - timedelta(days=400)
    people = request.getfixturevalue("people")  # staff created on the moved clock
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    start = clock.now.astimezone(SHANGHAI).date()
    # launched before these services (a pre-launch document earns nothing itself, seed 003)
    launch = (start - timedelta(days=30)).isoformat()
    settings.update_settings(db, people.admin, tier_upgrade_auto=True, launch_date=launch)
    ids = [
        register(db, people.clerk, zhang(mobile=f"1390000000{n}", resident_id=None)).id
        for n in range(3)
    ]
    for member_id in ids:
        spend(db, people, member_id, 30_000, on=start)  # 金卡 for 12 months
    settings.update_settings(db, people.admin, tier_upgrade_auto=False)
    clock.advance(days=100)
    later = start + timedelta(days=100)
    kept, short, climber = ids
    spend(db, people, kept, 20_000, on=later)  # the retain threshold exactly
    spend(db, people, short, 19_000, on=later)  # one point short
    spend(db, people, climber, 100_000, on=later)  # 白金卡 reached: a request is filed
    valid_until = rules.validity_end(start, 12)
    assert valid_until < real_today()
    clock.now = datetime.now(UTC)  # services called by the tests see what the CLI sees
    return Tiered(db, people, kept, short, climber, valid_until)


def review_args(tiered: Tiered, *extra: str) -> list[str]:
    return ["review", "--as-of", tiered.as_of.isoformat(), *extra]


def test_review_previews_commits_once_and_says_so_after(tiered, capsys):
    code, _out, err = tiered.cli(capsys, "clerk", *review_args(tiered))
    assert code == 1 and "may not run tier review" in err and "Traceback" not in err

    code, out, _err = tiered.cli(capsys, "supervisor", *review_args(tiered))
    assert code == 0
    assert "preview: 3 members due: upgrade 1, retain 1, downgrade 1; nothing changed" in out
    code, out, _err = tiered.cli(capsys, "supervisor", *review_args(tiered, "--json"))
    shown = json.loads(out)
    assert code == 0 and (shown["status"], shown["committed"], shown["due"]) == (
        "previewed", False, 3,
    )  # fmt: skip
    assert shown["preview"] == {"upgrade": 1, "retain": 1, "downgrade": 1}
    assert {tiered.tier(m) for m in (tiered.kept, tiered.short, tiered.climber)} == {"gold"}

    code, out, err = tiered.cli(capsys, "supervisor", *review_args(tiered, "--commit"))
    assert code == 0
    assert (
        f"(run {shown['run_id']}) committed in 1 batches: upgrade 1, retain 1, downgrade 1" in out
    )
    assert "tier_review 1/1 (100%)" in err  # the progress line
    assert (tiered.tier(tiered.kept), tiered.tier(tiered.short), tiered.tier(tiered.climber)) == (
        "gold", "silver", "platinum",
    )  # fmt: skip

    code, out, _err = tiered.cli(capsys, "admin", *review_args(tiered, "--commit"))
    assert code == 0 and "was already committed" in out and "by supervisor" in out
    assert "nothing changed now" in out
    code, out, _err = tiered.cli(capsys, "admin", *review_args(tiered, "--commit", "--json"))
    again = json.loads(out)
    assert (again["already_committed"], again["committed"], again["resumed"]) == (True, True, False)
    assert again["counts"] == again["preview"] == {"upgrade": 1, "retain": 1, "downgrade": 1}
    code, out, _err = tiered.cli(capsys, "admin", *review_args(tiered))  # a preview, after
    assert code == 0 and "was already committed" in out
    with tiered.db.reader() as uow:
        assert uow.session.scalar(
            select(func.count()).select_from(TierChange).where(TierChange.run_id.is_not(None))
        ) == 3  # fmt: skip


def test_review_refusals_are_messages_not_tracebacks(tiered, capsys):
    future = (real_today() + timedelta(days=2)).isoformat()
    code, out, err = tiered.cli(capsys, "admin", "review", "--as-of", future, "--commit")
    assert code == 1 and out == "" and err.startswith("error: Enter a date from")
    code, _out, err = tiered.cli(capsys, "auditor", *review_args(tiered, "--json"))
    assert code == 1 and "may not run tier review" in err
    with pytest.raises(SystemExit) as usage:  # argparse: exit 2
        tiered.cli(capsys, "admin", "review", "--as-of", "2026-02-30")
    assert usage.value.code == 2
    with pytest.raises(SystemExit):
        tiered.cli(capsys, "admin", "review")  # --as-of is required
    code, _out, err = run(capsys, "--db", tiered.db.url, *["tiers", *review_args(tiered)])
    assert code == 1 and "--as USER" in err


def test_a_commit_resumes_an_interrupted_run(tiered, capsys):
    one_by_one = replace(review.TIER_REVIEW, batch_size=1)
    progress = Progress(lambda done, _total, _m: done >= 1 and progress.cancel())
    with pytest.raises(Cancelled):
        batch_runs.commit(tiered.db, tiered.people.admin, one_by_one, tiered.as_of, None, progress)
    code, out, _err = tiered.cli(capsys, "admin", *review_args(tiered))
    assert code == 0 and "was interrupted (cancelled) after 1 batches" in out
    assert "--commit resumes it" in out

    code, out, err = tiered.cli(capsys, "admin", *review_args(tiered, "--commit", "--json"))
    assert code == 0 and "resuming run" in err and "cancelled after 1 batches" in err
    done = json.loads(out)
    assert (done["status"], done["resumed"], done["already_committed"]) == (
        "committed", True, False,
    )  # fmt: skip
    assert done["counts"] == {"upgrade": 1, "retain": 1, "downgrade": 1}
    with tiered.db.reader() as uow:
        per_member = uow.session.execute(
            select(TierChange.member_id, func.count())
            .where(TierChange.run_id == done["run_id"])
            .group_by(TierChange.member_id)
        ).all()
    assert sorted(count for _member, count in per_member) == [1, 1, 1]


def test_resumed_text_output(tiered, capsys):
    one_by_one = replace(review.TIER_REVIEW, batch_size=1)
    progress = Progress(lambda done, _total, _m: done >= 2 and progress.cancel())
    with pytest.raises(Cancelled):
        batch_runs.commit(tiered.db, tiered.people.admin, one_by_one, tiered.as_of, None, progress)
    code, out, _err = tiered.cli(capsys, "supervisor", *review_args(tiered, "--commit"))
    assert code == 0 and "resumed and committed" in out
    assert "upgrade 1, retain 1, downgrade 1" in out
    run_row = batch_runs.list_runs(tiered.db, tiered.people.admin, review.REVIEW_RUN)[0]
    assert run_row.status == RunStatus.COMMITTED


def test_at_risk_lists_who_to_call(tiered, capsys):
    soon = real_today() + timedelta(days=20)
    with tiered.db.uow() as uow:  # the short member's validity now ends in 20 days
        uow.session.execute(
            update(MemberTier).where(MemberTier.member_id == tiered.short).values(valid_until=soon)
        )
        uow.commit()
    code, out, err = tiered.cli(capsys, "clerk", "at-risk", "--days", "30")
    assert code == 0 and "1 members at risk within 30 days" in err
    [line] = out.splitlines()
    fields = line.split("\t")
    assert fields[1:] == [
        "张三", "13900000001", "北京东区服务中心", "金卡", soon.isoformat(), "19 points",
        "1 missing",
    ]  # fmt: skip
    code, out, _err = tiered.cli(capsys, "auditor", "at-risk", "--days", "30", "--json")
    listed = json.loads(out)
    assert code == 0 and listed["count"] == 1 and listed["within_days"] == 30
    [member] = listed["members"]
    assert (member["member_id"], member["missing"], member["points"]) == (tiered.short, 1, 19)
    assert member["name"] != "张三" and "*" in member["mobile"]  # masked for the auditor
    code, out, err = tiered.cli(capsys, "clerk", "at-risk", "--days", "10")
    assert code == 0 and out == "" and "0 members at risk" in err
    code, _out, err = tiered.cli(capsys, "clerk", "at-risk", "--days", "0")
    assert code == 1 and "--days must be from 1 to 366" in err


def test_policy_shows_the_version_in_force(tiered, capsys, clock):
    code, out, _err = tiered.cli(capsys, "clerk", "policy")
    assert code == 0 and "the built-in example" in out
    assert "2\tgold\t金卡\t30\t20\t×1.1" in out.splitlines()
    stricter = replace(
        rules.DEFAULT_POLICY,
        tiers=tuple(
            replace(t, reach_points=t.reach_points * 2) for t in rules.DEFAULT_POLICY.tiers
        ),
        grace_days=30,
    )
    clock.now -= timedelta(days=10)
    effective = clock.now.astimezone(SHANGHAI).date() + timedelta(days=1)  # passed, by now
    saved = tier_policy.save_policy(tiered.db, tiered.people.admin, stricter, effective, "v2")
    code, out, _err = tiered.cli(capsys, "clerk", "policy", "--json")
    shown = json.loads(out)
    assert code == 0 and (shown["version"], shown["built_in"], shown["note"]) == (
        saved.id, False, "v2",
    )  # fmt: skip
    assert shown["effective_from"] == effective.isoformat() and shown["grace_days"] == 30
    assert [(t["code"], t["reach_points"]) for t in shown["tiers"]] == [
        ("silver", 0), ("gold", 60), ("platinum", 200), ("diamond", 600),
    ]  # fmt: skip
    code, out, _err = tiered.cli(capsys, "clerk", "policy")
    assert f"version {saved.id} from {effective} (v2)" in out and "grace 30 days" in out


# --- the demo's tiers ---------------------------------------------------------------------------


def test_the_demo_gives_tiers_that_a_review_and_the_at_risk_list_find(db_url, capsys, monkeypatch):
    built = open_database(db_url)  # the real clock, as the command line has it
    try:
        summary = demo.build_demo(built, 600, seed=5)
        with built.reader() as uow:
            tiers = {
                m: code
                for m, code in uow.session.execute(
                    select(MemberTier.member_id, MemberTier.tier_code)
                )
            }
            history = uow.session.execute(
                select(TierChange.member_id, TierChange.to_code, TierChange.reason,
                       TierChange.valid_until, MemberTier.valid_until)
                .join(MemberTier, MemberTier.member_id == TierChange.member_id)
            ).all()  # fmt: skip
            qualifying = {
                m: points
                for m, points in uow.session.execute(
                    select(PointsAccount.member_id, PointsAccount.qualifying)
                )
            }
            ends = list(uow.session.scalars(select(MemberTier.valid_until)))
    finally:
        built.close()
    policy = rules.DEFAULT_POLICY
    assert summary.tiers == len(tiers) > 600 // 10  # a realistic share holds a tier
    for member_id, points in qualifying.items():  # the tier the points reach: no upgrade due
        reached = rules.highest_reached(policy, points)
        assert tiers.get(member_id, policy.base.code) == reached.code
    assert len(history) == len(tiers)  # one upgrade each, agreeing with the member's row
    assert all(
        (to, reason, until) == (tiers[m], "upgrade", now) for m, to, reason, until, now in history
    )
    today = real_today()
    assert min(ends) < today < max(ends) <= today + timedelta(days=366)
    due = sum(1 for end in ends if end <= today)
    assert 0 < due < len(ends) // 2

    monkeypatch.setenv("LOYALTY_PASSWORD", demo.DEMO_PASSWORD)
    base = ["--db", db_url, "--as", "sup.hq", "tiers"]
    code, out, _err = run(capsys, *base, "review", "--as-of", today.isoformat(), "--json")
    preview = json.loads(out)
    assert code == 0 and preview["due"] == due
    code, out, _err = run(capsys, *base, "review", "--as-of", today.isoformat(), "--commit",
                          "--json")  # fmt: skip
    assert code == 0 and json.loads(out)["counts"] == preview["preview"]
    code, out, _err = run(capsys, *base, "at-risk", "--days", "120", "--json")
    assert code == 0 and json.loads(out)["count"] > 0
