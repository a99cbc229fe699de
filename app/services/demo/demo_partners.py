"""The demo's partners (异业合作): eight fictional companies in three industries at every
stage of the life cycle. Six medical candidates (health checks and dental chains), five of
them assessed and scored so the comparison (横比) is complete; one admitted by a
headquarters override (founded less than three years ago); two active partners with
cooperation modes (bulk purchase + member discount; a monthly rebate) whose benefits are in
the catalog with vouchers over the last two months; and a few complaints (one overdue, one
resolved at the first contact, one the partner received and reported).

As the rest of the demo, a snapshot written directly (nothing is audited) and deterministic
for a seed and a clock. The past vouchers are free campaign benefits (channel "other"), so
the points ledger is untouched."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from stdnum import luhn
from stdnum.cn import uscc

from app.db.models import (
    Benefit,
    Dealer,
    Member,
    Partner,
    PartnerAdmission,
    PartnerComplaint,
    PartnerEvaluation,
    PartnerMode,
    PartnerStatusChange,
    StaffUser,
    Voucher,
)
from app.domain import benefits as benefit_rules
from app.domain import partners as rules
from app.domain.points import add_months
from app.services.settings.programme import read_settings
from app.services.shared.database import Database

S = rules.PartnerStatus


@dataclass(frozen=True)
class DemoPartner:
    code: str
    name: str
    credit_body: str  # the first 17 characters; the check character is computed
    industry: str
    representative: str
    capital_wan: int  # registered capital in 万元 (10,000 yuan)
    founded_on: date
    status: S
    scores: tuple[int, ...] | None  # the seven factors, in Factor order
    city: str
    contact: str


PARTNERS = (
    DemoPartner("PT-KANGNING", "康宁健康体检管理股份有限公司", "91310115MA1K3RT2X", "medical",
                "陈立群", 12_000, date(2009, 4, 16), S.ACTIVE, (5, 5, 4, 5, 4, 4, 5),
                "上海市浦东新区张江路 88 号", "周敏"),
    DemoPartner("PT-YUECHI", "悦齿口腔医疗连锁有限公司", "91110105MA01B7KQ3", "medical",
                "林嘉怡", 3_000, date(2013, 9, 2), S.ACTIVE, (4, 4, 5, 4, 4, 4, 4),
                "北京市朝阳区建国路 93 号", "孙浩"),
    DemoPartner("PT-RENHE", "仁和健康管理集团有限公司", "91440300MA5D8WN1E", "medical",
                "黄志远", 8_000, date(2011, 11, 11), S.APPROVED, (4, 3, 4, 4, 3, 4, 4),
                "深圳市南山区科技园南路 16 号", "刘洋"),
    DemoPartner("PT-ZHENGYA", "正雅齿科门诊有限公司", "91320594MA1N6C4H8", "medical",
                "吴静", 1_200, date(2016, 3, 28), S.EVALUATING, (3, 3, 4, 3, 3, 4, 3),
                "苏州市工业园区星湖街 218 号", "郑磊"),
    DemoPartner("PT-ANJIA", "安佳口腔医疗（深圳）有限公司", "91440300MA5H2P6L1", "medical",
                "何晓峰", 2_000, date(2024, 5, 20), S.APPROVED, (4, 3, 3, 3, 4, 4, 4),
                "深圳市福田区深南大道 6008 号", "许丽"),
    DemoPartner("PT-CIHUI", "慈惠体检中心有限公司", "91420106MA4K7T9R2", "medical",
                "罗建国", 300, date(2019, 8, 8), S.CANDIDATE, None,
                "武汉市武昌区中南路 99 号", "杨帆"),
    DemoPartner("PT-YUNTU", "云途商旅服务有限公司", "91330106MA2H4X8Q7", "travel",
                "宋嘉", 5_000, date(2012, 6, 30), S.EVALUATING, (4, 3, 4, 3, 5, 4, 4),
                "杭州市西湖区文三路 478 号", "韩梅"),
    DemoPartner("PT-JIEDA", "洁达汽车美容连锁有限公司", "91510107MA6C9L3N5", "automotive",
                "唐伟", 800, date(2015, 1, 12), S.CANDIDATE, None,
                "成都市武侯区天府大道 1700 号", "曾强"),
)  # fmt: skip
OVERRIDE = ("PT-ANJIA", "成立未满三年，但由区域口腔连锁整体改制设立，门店与团队经营历史可追溯至 "
            "2012 年；总部实地考察后特批准入。")  # fmt: skip
# The life cycle's steps, from the candidate's first day: (status, days before today, reason).
PATH = {
    S.CANDIDATE: [(S.CANDIDATE, 20, "")],
    S.EVALUATING: [(S.CANDIDATE, 150, ""), (S.EVALUATING, 120, "进入初选评估")],
    S.APPROVED: [(S.CANDIDATE, 200, ""), (S.EVALUATING, 170, "进入初选评估"),
                 (S.APPROVED, 130, "准入评估通过，同意准入")],
    S.ACTIVE: [(S.CANDIDATE, 240, ""), (S.EVALUATING, 210, "进入初选评估"),
               (S.APPROVED, 180, "准入评估通过，同意准入"), (S.ACTIVE, 160, "合同签订，开始合作")],
}  # fmt: skip


def credit_code(body: str) -> str:
    return body + uscc.calc_check_digit(body)


def add_partners(db: Database, today: date, rng: random.Random) -> int:
    """Add the partners and everything about them; returns how many partners."""
    with db.uow() as uow:
        session, now = uow.session, uow.now()
        staff = dict(session.execute(select(StaffUser.username, StaffUser.id)).all())
        ids = {p.code: _insert_partner(uow, p, today, staff) for p in PARTNERS}
        session.flush()
        _insert_modes(uow, ids, today)
        members = _members(uow)
        items = _insert_benefits(uow, ids, now)
        if members:
            _vouchers(uow, rng, members, items, today)
        _complaints(uow, ids, members, now)
        uow.commit()
    return len(PARTNERS)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), UTC)  # 02:00 UTC is 10:00 in China


def _insert_partner(uow, p: DemoPartner, today: date, staff: dict[str, int]) -> int:
    session, now = uow.session, uow.now()
    steps = PATH[p.status]
    partner = Partner(
        code=p.code, name=p.name, credit_code=credit_code(p.credit_body), legal_person=True,
        legal_representative=p.representative, registered_capital_fen=p.capital_wan * 1_000_000,
        founded_on=p.founded_on, industry=p.industry, contact_name=p.contact,
        contact_phone=f"400-8{len(p.code):02d}-{sum(map(ord, p.code)) * 7 % 10_000:04d}",
        contact_email=f"bd@{p.code.lower().removeprefix('pt-')}.example.cn", address=p.city,
        vat_special_invoice=True, documents="营业执照副本（扫描件）\n近三年审计报告",
        notes="", status=p.status, status_since=today - timedelta(days=steps[-1][1]),
        created_by="admin", created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(partner)
    session.flush()
    previous = None
    for status, days_ago, reason in steps:
        decided = status in (S.APPROVED, S.ACTIVE)  # through Approvals: another person decides
        session.add(PartnerStatusChange(
            partner_id=partner.id, from_status=previous, to_status=status,
            effective_on=today - timedelta(days=days_ago), reason=reason,
            actor="sup.hq" if decided else "admin", approval_id=None,
            created_at=_at(today - timedelta(days=days_ago), 2),
        ))  # fmt: skip
        previous = status
    if p.scores is not None:
        assessed_on = today - timedelta(days=steps[1][1] - 10)
        _insert_admission(uow, partner, p, assessed_on, staff["admin"])
        _insert_evaluation(uow, partner, p, assessed_on, staff["admin"])
    return partner.id


def _insert_admission(uow, partner: Partner, p: DemoPartner, on: date, admin_id: int) -> None:
    results = rules.data_checks(
        partner.legal_person, partner.credit_code, partner.registered_capital_fen,
        partner.founded_on, on, rules.AdmissionThresholds(),
    ) + [
        rules.CheckResult(rules.Check.SERVICE, True, "客服与售后流程手册、投诉处理制度"),
        rules.CheckResult(rules.Check.CREDIT, True, "近三年审计报告；信用中国无失信记录"),
        rules.CheckResult(rules.Check.VAT_INVOICE, True, "增值税专用发票样张"),
    ]  # fmt: skip
    passed = rules.admission_passed(results)
    override = OVERRIDE[1] if p.code == OVERRIDE[0] and not passed else None
    uow.session.add(PartnerAdmission(
        partner_id=partner.id, assessed_on=on, passed=passed,
        results={r.check.value: {"passed": r.passed, "evidence": r.evidence} for r in results},
        assessed_by_id=admin_id, assessed_by="admin", assessed_at=_at(on, 3),
        override_reason=override, overridden_by="admin" if override else None,
        overridden_at=_at(on + timedelta(days=2), 3) if override else None,
    ))  # fmt: skip


def _insert_evaluation(uow, partner: Partner, p: DemoPartner, on: date, admin_id: int) -> None:
    assert p.scores is not None
    scores = dict(zip((f.value for f in rules.FACTORS), p.scores, strict=True))
    weights = dict(rules.EQUAL_WEIGHTS)
    total = rules.total_hundredths(rules.weighted_total(scores, weights))
    uow.session.add(PartnerEvaluation(
        partner_id=partner.id, evaluated_on=on, scores=scores, weights=weights, weights_id=None,
        total_hundredths=total, note="初选横比评分", evaluated_by_id=admin_id,
        evaluated_by="admin", created_at=_at(on, 5),
    ))  # fmt: skip


# code → [(mode, terms, contract start, end, unit cost fen, payment)]. The bulk purchase
# ends within the reminder days, so the renewal list has an entry.
def _modes(today: date) -> dict[str, list[tuple]]:
    year_start = today.replace(month=1, day=1)
    return {
        "PT-KANGNING": [
            ("bulk_purchase", {"committed_volume": 2_000, "unit_price_fen": 26_000,
                               "market_price_fen": 59_800},
             add_months(today, -8), today + timedelta(days=45), 26_000, "prepaid"),
            ("member_discount", {"discount_permille": 880}, add_months(today, -8),
             add_months(today, 16), 0, "postpaid"),
        ],
        "PT-YUECHI": [
            ("rebate", {"target_fen": 90_000, "rebate_permille": 50, "rebate_period": "month"},
             add_months(year_start, -1), add_months(year_start, 23), 18_000, "postpaid"),
        ],
    }  # fmt: skip


def _insert_modes(uow, ids: dict[str, int], today: date) -> None:
    for code, modes in _modes(today).items():
        for mode, terms, start, end, cost, payment in modes:
            uow.session.add(PartnerMode(
                partner_id=ids[code], mode=mode, terms=terms, contract_start=start,
                contract_end=end, unit_cost_fen=cost, payment=payment, active=True,
                updated_by="admin", updated_at=uow.now(),
            ))  # fmt: skip


# code, partner, name, face value and unit cost (yuan), voucher days
BENEFITS = (
    ("P-CHECKUP", "PT-KANGNING", "康宁车主专享年度体检套餐", 598, 260, 90),
    ("P-DENTAL", "PT-YUECHI", "悦齿口腔洁牙护理", 398, 180, 60),
)


def _insert_benefits(uow, ids: dict[str, int], now: datetime) -> dict[str, Benefit]:
    items = {}
    for code, partner, name, face, cost, days in BENEFITS:
        item = Benefit(
            code=code, name=name, description=f"{name}（车主关爱季，免费领取；演示）",
            channel=benefit_rules.Channel.OTHER, source=benefit_rules.Source.PARTNER,
            category=benefit_rules.Category.VOUCHER, points_price=0, price_set=True,
            face_value_fen=face * 100, unit_cost_fen=cost * 100, stock=None,
            limit_per_member=1, limit_period=benefit_rules.LimitPeriod.YEAR, eligible_tiers="",
            voucher_days=days, all_dealers=True, status=benefit_rules.ItemStatus.LISTED,
            created_by="admin", created_at=now, updated_at=now, listed_at=now,
            partner_id=ids[partner],
        )  # fmt: skip
        uow.session.add(item)
        items[code] = item
    uow.session.flush()
    return items


def _members(uow) -> list[tuple[int, int, str]]:
    """(member id, dealer id, the dealer's clerk) of a few dozen active members, the first
    dealer's first (the demo's sign-in clerk works there)."""
    return [
        (m, d, f"clerk.{code.lower()}")
        for m, d, code in uow.session.execute(
            select(Member.id, Member.dealer_id, Dealer.code)
            .join(Dealer, Dealer.id == Member.dealer_id)
            .where(Member.status == "active", Member.merged_into_id.is_(None))
            .order_by(Dealer.id, Member.id)
            .limit(40)
        )
    ]


def _code(rng: random.Random) -> str:
    alphabet = benefit_rules.CODE_ALPHABET
    body = "".join(rng.choice(alphabet) for _ in range(benefit_rules.CODE_RANDOM_CHARS))
    return body + luhn.calc_check_digit(body, alphabet=alphabet)


# Per benefit: (months back, day of that month, status) of each voucher. The dental rebate
# (¥900 a month, ¥180 each) is reached two months back (five billed) and missed last month.
VOUCHERS = {
    "P-CHECKUP": [(2, 6, "used"), (2, 13, "used"), (2, 20, "cancelled"), (2, 27, "used"),
                  (1, 3, "used"), (1, 9, "issued"), (1, 15, "used"), (1, 21, "issued"),
                  (1, 26, "issued")],
    "P-DENTAL": [(2, 4, "used"), (2, 8, "used"), (2, 12, "used"), (2, 18, "cancelled"),
                 (2, 22, "used"), (2, 25, "issued"), (1, 5, "used"), (1, 14, "issued"),
                 (1, 24, "issued")],
}  # fmt: skip


def _vouchers(uow, rng: random.Random, members, items: dict[str, Benefit], today: date) -> None:
    first_of_month = today.replace(day=1)
    n = 0
    for code, plan in VOUCHERS.items():
        item = items[code]
        for months_back, day, status in plan:
            member_id, dealer_id, clerk = members[n % len(members)]
            n += 1
            issued_on = add_months(first_of_month, -months_back) + timedelta(days=day - 1)
            voucher_code = _code(rng)
            voucher = Voucher(
                code=voucher_code, request_uid=f"demo-voucher:{voucher_code}",
                benefit_id=item.id, member_id=member_id, channel=item.channel, tier_code=None,
                points=0, face_value_fen=item.face_value_fen, unit_cost_fen=item.unit_cost_fen,
                status=status, issued_on=issued_on, issued_at=_at(issued_on, 2),
                issued_by=clerk, issued_dealer_id=dealer_id,
                expires_on=benefit_rules.voucher_expires_on(issued_on, item.voucher_days),
            )  # fmt: skip
            if status == "used":
                used_on = min(issued_on + timedelta(days=rng.randrange(1, 6)), today)
                voucher.used_on, voucher.used_at = used_on, _at(used_on, 6)
                voucher.used_by, voucher.used_dealer_id = clerk, dealer_id
            elif status == "cancelled":
                voucher.closed_at, voucher.closed_by = _at(issued_on, 4), clerk
                voucher.close_note = "客户改约，取消领取"
            uow.session.add(voucher)


def _complaints(uow, ids: dict[str, int], members, now: datetime) -> None:
    """One overdue (no plan after 30 hours), one resolved at the first contact, one the
    partner received and reported in time, resolved at the second contact with compensation."""
    settings = read_settings(uow)
    zone, plan_hours = settings.timezone, settings.complaint_plan_hours
    member_id, dealer_id, clerk = members[0] if members else (None, None, "admin")

    def add(partner: str, source: str, summary: str, received: datetime, **values) -> None:
        uow.session.add(PartnerComplaint(
            partner_id=ids[partner], source=source, summary=summary, received_at=received,
            plan_due_at=rules.due_after(received, plan_hours, zone),
            status=values.pop("status", rules.ComplaintStatus.OPEN),
            created_at=received, updated_at=now, **values,
        ))  # fmt: skip

    add(
        "PT-KANGNING",
        "member",
        "预约体检当天到店被告知名额已满，要求改约并说明原因。",
        now - timedelta(hours=30),
        member_id=member_id,
        dealer_id=dealer_id,
        created_by=clerk,
    )
    received = now - timedelta(days=9, hours=3)
    add(
        "PT-YUECHI",
        "call_centre",
        "呼叫中心转接：洁牙券无法在线预约。",
        received,
        plan="门店人工预约并回电告知",
        plan_at=received + timedelta(hours=2),
        first_response_at=received + timedelta(hours=3),
        contacts=1,
        resolution="已为会员预约次日洁牙，会员满意",
        resolved_at=received + timedelta(hours=4),
        status=rules.ComplaintStatus.RESOLVED,
        created_by="admin",
    )
    received = now - timedelta(days=5, hours=6)
    add(
        "PT-KANGNING",
        "partner",
        "康宁门店直接收到投诉：体检报告延迟一周出具。",
        received,
        report_due_at=rules.due_after(received, settings.complaint_report_hours, zone),
        reported_at=received + timedelta(hours=20),
        plan="加急出具报告并由医生电话解读",
        plan_at=received + timedelta(hours=22),
        first_response_at=received + timedelta(hours=23),
        contacts=2,
        resolution="报告已出具并完成电话解读；由合作方原因导致，补偿 ¥100",
        resolved_at=received + timedelta(days=2),
        partner_caused=True,
        compensation_fen=10_000,
        member_id=member_id,
        status=rules.ComplaintStatus.RESOLVED,
        created_by="admin",
    )
