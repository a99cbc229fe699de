"""A realistic demo database: dealers across China, staff of every role, members with vehicles,
two years of service history and a points ledger that ``ledger.verify`` finds consistent.
Bulk inserts in chunks, so a million members is feasible."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from operator import itemgetter
from typing import Any

from sqlalchemy import func, select, text, update

from app.db import guards
from app.db.models import (
    AdjustmentReason,
    AuditHead,
    Base,
    Dealer,
    EarningRule,
    LedgerEntry,
    LotAllocation,
    Member,
    MemberTag,
    PointLot,
    PointsAccount,
    ServiceOrder,
    StaffUser,
    UtcDateTime,
    Vehicle,
)
from app.domain import points as rules
from app.domain.audit_chain import GENESIS_HASH
from app.domain.errors import Conflict
from app.domain.pinyin_keys import name_search_keys
from app.domain.roles import Role
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import complete_vin, make_member_number, resident_id_check_char
from app.services.demo.demo_benefits import add_benefits
from app.services.demo.demo_partners import add_partners
from app.services.demo.demo_tiers import assign_tiers
from app.services.points.earning_rules import rule_in_force
from app.services.settings.programme import expiry_policy, read_settings, write_setting
from app.services.shared import audit
from app.services.shared.database import Database
from app.services.shared.progress import Cancelled, Progress
from app.services.staff.auth import hash_password

DEMO_PASSWORD = "demo1234"
CHUNK = 20_000

# (region, province, [(city, plate prefix)])
GEOGRAPHY = [
    ("华北", "北京市", [("北京市", "京A")]),
    ("华北", "天津市", [("天津市", "津A")]),
    ("华北", "河北省", [("石家庄市", "冀A"), ("唐山市", "冀B")]),
    ("华东", "上海市", [("上海市", "沪A")]),
    ("华东", "江苏省", [("南京市", "苏A"), ("苏州市", "苏E"), ("无锡市", "苏B")]),
    ("华东", "浙江省", [("杭州市", "浙A"), ("宁波市", "浙B")]),
    ("华东", "山东省", [("济南市", "鲁A"), ("青岛市", "鲁B")]),
    ("华南", "广东省", [("广州市", "粤A"), ("深圳市", "粤B"), ("佛山市", "粤E")]),
    ("华南", "福建省", [("福州市", "闽A"), ("厦门市", "闽D")]),
    ("华中", "湖北省", [("武汉市", "鄂A")]),
    ("华中", "河南省", [("郑州市", "豫A")]),
    ("华中", "湖南省", [("长沙市", "湘A")]),
    ("西南", "四川省", [("成都市", "川A")]),
    ("西南", "重庆市", [("重庆市", "渝A")]),
    ("西北", "陕西省", [("西安市", "陕A")]),
    ("东北", "辽宁省", [("沈阳市", "辽A"), ("大连市", "辽B")]),
]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓"
    "曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英"
    "华建国志红玉兰文斌宇浩然子轩雨欣梓涵思远晨阳佳怡"
)
MODELS = ["星途 S7", "星途 X5", "远航 L6", "远航 L9 EV", "凌云 C3", "凌云 C5 PHEV"]
CHANNELS = ["dealer_counter", "app", "wechat", "event", "historical_import"]
MOBILE_PREFIXES = ["138", "139", "137", "136", "135", "150", "151", "158", "186", "187", "177"]
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"  # no I or O on Chinese plates
TAGS = ["车主俱乐部", "新能源", "高价值", "老带新", "试驾", "商务用车", "家庭用户"]


@dataclass(frozen=True)
class DemoSummary:
    dealers: int
    staff: int
    members: int
    vehicles: int
    service_orders: int
    entries: int  # points ledger entries (points and qualifying)
    tiers: int = 0  # members above the base tier (``demo_tiers``)
    partners: int = 0  # the partner registry (``demo_partners``)


def demo_sign_ins() -> list[tuple[str, Role]]:
    """The accounts shown on the sign-in screen of a demo database."""
    return [
        ("admin", Role.ADMIN),
        ("auditor", Role.AUDITOR),
        ("sup.bja01", Role.SUPERVISOR),
        ("clerk.bja01", Role.CLERK),
    ]


def build_demo(
    db: Database,
    members: int,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
) -> DemoSummary:
    progress = progress or Progress()
    rng = random.Random(seed)
    today = today or db.clock().date()
    with db.uow() as uow:
        if any(
            uow.session.scalar(select(func.count()).select_from(m)) for m in (StaffUser, Member)
        ):
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The demo needs an empty database; this one has data.")
            )
        dealers = _insert_dealers(uow)
        staff = _insert_staff(uow, dealers)
        write_setting(uow, "demo", "demo_database", True)
        points = _DemoLedger(uow, random.Random(f"ledger:{seed}"), today)
        uow.commit()
    vehicles = orders = 0
    try:
        for start in range(0, members, CHUNK):
            count = min(CHUNK, members - start)
            with db.uow() as uow:
                v, o = _insert_member_chunk(uow, rng, dealers, start, count, today, points)
                uow.commit()
            vehicles, orders = vehicles + v, orders + o
            progress.report(start + count, members, "members")
    except Cancelled:
        _empty_everything(db)  # the demo started from an empty database: leave it empty
        raise
    tiers = assign_tiers(db, today)
    redeemed = add_benefits(db, today, random.Random(f"benefits:{seed}"))  # entries posted
    partners = add_partners(db, today, random.Random(f"partners:{seed}"))
    entries = points.entries + redeemed
    summary = DemoSummary(len(dealers), staff, members, vehicles, orders, entries, tiers, partners)
    with db.uow() as uow:
        _advance_id_sequences(uow)
        audit.record(uow, "demo", "database", "demo", "build", after=summary.__dict__)
        uow.commit()
    return summary


# Rows the migrations seed: an emptied database keeps them, as a new one has them.
_SEEDED = {AuditHead.__tablename__, EarningRule.__tablename__, AdjustmentReason.__tablename__}


def _empty_everything(db: Database) -> None:
    with db.uow() as uow:
        connection = uow.session.connection()
        guards.drop_guards(connection)  # the ledger and audit triggers refuse DELETE
        for table in reversed(Base.metadata.sorted_tables):
            if table.name not in _SEEDED:
                uow.session.execute(table.delete())
        uow.session.execute(update(AuditHead).values(last_seq=0, last_hash=GENESIS_HASH))
        guards.create_guards(connection)
        uow.commit()


# Tables the demo fills with explicit ids.
_EXPLICIT_IDS = ("members", "vehicles", "service_orders", "ledger_entries", "point_lots")


def _advance_id_sequences(uow) -> None:
    """Rows were inserted with explicit ids; PostgreSQL's sequences must move past them."""
    if uow.session.get_bind().dialect.name != "postgresql":
        return
    for table in _EXPLICIT_IDS:
        uow.session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"
                " HAVING max(id) IS NOT NULL"
            )
        )


def _insert_dealers(uow) -> list[tuple[int, str, str, str, str]]:
    """Returns (id, code, province, city, plate prefix) per dealer."""
    now, dealers = uow.now(), []
    for region, province, cities in GEOGRAPHY:
        for city, plate in cities:
            for n in (1, 2):
                code = f"{plate_code(plate)}{n:02d}"
                dealer = Dealer(
                    code=code,
                    name=f"{city.removesuffix('市')}{'东' if n == 1 else '西'}区服务中心",
                    region=region,
                    province=province,
                    city=city,
                    active=True,
                    created_at=now,
                    updated_at=now,
                )
                uow.session.add(dealer)
                uow.session.flush()
                audit.record(uow, "demo", "dealer", dealer.id, "create", after={"code": code})
                dealers.append((dealer.id, code, province, city, plate))
    return dealers


PINYIN_CODES = {
    "京": "BJ",
    "津": "TJ",
    "冀": "HE",
    "沪": "SH",
    "苏": "JS",
    "浙": "ZJ",
    "鲁": "SD",
    "粤": "GD",
    "闽": "FJ",
    "鄂": "HB",
    "豫": "HA",
    "湘": "HN",
    "川": "SC",
    "渝": "CQ",
    "陕": "SN",
    "辽": "LN",
}


def plate_code(plate_prefix: str) -> str:
    """粤B → GDB: a dealer code stem from the city's plate prefix."""
    return PINYIN_CODES[plate_prefix[0]] + plate_prefix[1]


def _insert_staff(uow, dealers) -> int:
    password_hash = hash_password(DEMO_PASSWORD)  # one hash: every demo account shares it
    now = uow.now()
    accounts = [
        ("admin", "总部管理员", Role.ADMIN, None),
        ("auditor", "审计员", Role.AUDITOR, None),
        ("sup.hq", "总部主管", Role.SUPERVISOR, None),
    ]
    for dealer_id, code, *_rest in dealers:
        short = code.lower()
        accounts += [
            (f"sup.{short}", f"{code} 主管", Role.SUPERVISOR, dealer_id),
            (f"clerk.{short}", f"{code} 前台", Role.CLERK, dealer_id),
        ]
    for username, display, role, dealer_id in accounts:
        user = StaffUser(
            username=username,
            display_name=display,
            role=role.value,
            dealer_id=dealer_id,
            active=True,
            password_hash=password_hash,
            must_change_password=False,
            failed_attempts=0,
            password_changed_at=now,
            created_at=now,
        )
        uow.session.add(user)
        uow.session.flush()
        audit.record(
            uow,
            "demo",
            "staff_user",
            user.id,
            "create",
            after={"username": username, "role": role.value},
        )
    return len(accounts)


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _insert_member_chunk(
    uow, rng, dealers, start: int, count: int, today: date, points: _DemoLedger
) -> tuple[int, int]:
    now = uow.now()
    members: list[dict] = []
    vehicles: list[dict] = []
    orders: list[dict] = []
    tags: list[dict] = []
    points.start_chunk(now)
    for index in range(start, start + count):
        first_order = len(orders)
        member_id = index + 1
        dealer_id, _code, province, city, plate = dealers[index % len(dealers)]
        join = today - timedelta(days=rng.randrange(30, 3 * 365))
        name = _person_name(rng)
        pinyin, initials = name_search_keys(name)
        # 7919 is coprime to 10^8, so the suffix is unique for the first 10^8 members.
        mobile = rng.choice(MOBILE_PREFIXES) + f"{(member_id * 7919) % 10**8:08d}"
        resident_id, birthday, gender = _identity(rng, member_id)
        status = "active" if rng.random() > 0.03 else "pre_registered"
        marketing = rng.random() < 0.6
        members.append(
            {
                "id": member_id,
                "member_number": make_member_number(member_id),
                "name": name,
                "name_pinyin": pinyin,
                "name_initials": initials,
                "gender": gender,
                "mobile": mobile,
                "mobile_last4": mobile[-4:],
                "resident_id": resident_id,
                "province": province,
                "city": city,
                "birthday": birthday,
                "join_date": join,
                "dealer_id": dealer_id,
                "status": status,
                "activated_on": join if status == "active" else None,
                "source_channel": rng.choice(CHANNELS),
                "privacy_consent_at": now,
                "privacy_consent_by": "demo",
                "marketing_consent": marketing,
                "marketing_consent_at": now if marketing else None,
                "created_at": now,
                "updated_at": now,
            }
        )
        for tag in rng.sample(TAGS, rng.choice((0, 0, 1, 2))):
            tags.append({"member_id": member_id, "tag": tag})
        for _ in range(1 if rng.random() > 0.15 else 2):
            vehicle_id = len(vehicles) + start * 2 + 1
            vehicles.append(
                {
                    "id": vehicle_id,
                    "vin": (vin := _vin(vehicle_id)),
                    "vin_last6": vin[-6:],
                    "member_id": member_id,
                    "model": rng.choice(MODELS),
                    "plate": plate + "".join(rng.choice(PLATE_CHARS) for _ in range(5)),
                    "purchase_date": join - timedelta(days=rng.randrange(0, 30)),
                    "dealer_id": dealer_id,
                    "purchase_amount_fen": rng.randrange(90_000, 350_000) * 100,
                }
            )
            for visit in range(rng.choice((0, 1, 2, 3, 4, 5, 6))):
                orders.append(
                    {
                        "id": points.next_order_id(),
                        "dealer_id": dealer_id,
                        "document_no": f"RO{vehicle_id:08d}{visit}",
                        "kind": "service",
                        "member_id": member_id,
                        "vehicle_id": vehicle_id,
                        "service_date": today - timedelta(days=rng.randrange(0, 730)),
                        "amount_fen": rng.randrange(300, 8_000) * 100,
                        "recorded_by": "demo",
                    }
                )
        points.add_member(members[-1], orders[first_order:])
    connection = uow.session.connection()
    for model, rows in (
        (Member, members),
        (Vehicle, vehicles),
        (ServiceOrder, orders),
        (MemberTag, tags),
        (LedgerEntry, points.entry_rows),
        (PointLot, points.lot_rows),
        (LotAllocation, points.allocation_rows),
        (PointsAccount, points.account_rows),
    ):
        _bulk_insert(connection, model.__table__, rows)
    return len(vehicles), len(orders)


# --- the points ledger ----------------------------------------------------------------------

# Per member, besides the service visits: (event, choices for how many times it happened).
EVENT_COUNTS = (
    ("sign_in", (0, 0, 1, 1, 2, 2)),
    ("share", (0, 0, 0, 1, 1, 1)),
    ("major_event", (0, 0, 0, 0, 1)),
)
EVENT_CHANNELS = {"sign_in": "app", "share": "wechat", "major_event": "event"}
REDEEM_AT_VISIT = 0.15  # share of service visits where the member also uses points
MIN_REDEMPTION = 10  # points; redemptions are whole yuan (10 points = 1 yuan)
# Members whose lapsed lots the demo already expired (on 1 January, as fixed cycles end on
# 31 December); the others' lots wait for the next expiry run, so that run has work to do.
EXPIRY_RUN_SHARE = 0.4
USE_TARGETS = ("labour", "parts")


class _DemoLedger:
    """Each member's points ledger, generated in business-date order by the engine's rules
    (``ledger.post``): a lot per credit with the policy's expiry, debits taken soonest-expiry
    first (``allocate_debit``), expiry entries that empty a lot. The rows of a chunk are
    inserted in bulk with explicit ids, so account, lots and entries agree (``ledger.verify``).
    """

    def __init__(self, uow, rng: random.Random, today: date):
        self.rng, self.today = rng, today
        self.policy = expiry_policy(read_settings(uow))
        service = rule_in_force(uow, "service", today)
        params = json.loads(service.params)
        self.service_rule = (
            service.id,
            rules.SpendRule(
                params["points_per_unit"], params["unit_fen"], params.get("rounding", "floor")
            ),
        )
        self.event_rules = {}
        for code, _counts in EVENT_COUNTS:
            row = rule_in_force(uow, code, today)
            self.event_rules[code] = (row.id, json.loads(row.params)["points"])
        self.entries = 0
        self._order_id = self._entry_id = self._lot_id = 0
        self.start_chunk(uow.now())

    def start_chunk(self, now: datetime) -> None:
        self.now = now
        self.entry_rows: list[dict] = []
        self.lot_rows: list[dict] = []
        self.allocation_rows: list[dict] = []
        self.account_rows: list[dict] = []

    def next_order_id(self) -> int:
        self._order_id += 1
        return self._order_id

    def add_member(self, member: dict, orders: list[dict]) -> None:
        rng, today, policy = self.rng, self.today, self.policy
        member_id = member["id"]
        validity = member["activated_on"]  # None: pre-registered, lots wait for activation
        dated = member["status"] != "pre_registered"
        # (business date, order within the day, what, the service order if any, points)
        plan: list[tuple[date, int, str, dict | None, int]] = []
        service_rule_id, service_rule = self.service_rule
        for order in orders:
            earned = rules.spend_points(service_rule, order["amount_fen"])
            if earned:
                plan.append((order["service_date"], 1, "service", order, earned))
            if rng.random() < REDEEM_AT_VISIT:
                plan.append((order["service_date"], 2, "redeem", order, 0))
        first = max(member["join_date"], today - timedelta(days=729))
        span = (today - first).days + 1
        for code, counts in EVENT_COUNTS:
            for offset in rng.sample(range(span), min(span, rng.choice(counts))):
                plan.append((first + timedelta(days=offset), 1, code, None, 0))
        if rng.random() < EXPIRY_RUN_SHARE:
            plan += [
                (date(y, 1, 1), 0, "expire", None, 0) for y in range(today.year - 2, today.year + 1)
            ]
        plan.sort(key=lambda step: (step[0], step[1]))

        lots: list[list] = []  # [lot id, remaining, expires_on, earned_on, original, entry id]
        balance = qualifying = 0
        cycle_start = None
        for day, _rank, what, document, amount in plan:
            if what == "expire":
                for lot in lots:
                    if lot[1] and lot[2] is not None and lot[2] < day:
                        entry_id = self._entry(
                            member_id, "points", "expire", "expiry", -lot[1], day, None, None,
                            None, None, None,
                        )  # fmt: skip
                        self.allocation_rows.append(
                            {"entry_id": entry_id, "lot_id": lot[0], "points": lot[1]}
                        )
                        balance -= lot[1]
                        lot[1] = 0
                continue
            if what == "redeem":
                assert document is not None  # redeemed at a service visit
                usable = [rules.Lot(str(lot[0]), lot[1], lot[2], lot[3]) for lot in lots if lot[1]]
                available = rules.available_balance(usable, 0, day)
                if available < MIN_REDEMPTION:
                    continue
                amount = rng.randrange(1, available // 10 + 1) * 10
                entry_id = self._entry(
                    member_id, "points", "redeem", rng.choice(USE_TARGETS), -amount, day,
                    document["dealer_id"], None, document["document_no"], None, None,
                )  # fmt: skip
                by_id = {lot[0]: lot for lot in lots}
                for lot_id, taken in rules.allocate_debit(usable, amount, day):
                    by_id[int(lot_id)][1] -= taken
                    self.allocation_rows.append(
                        {"entry_id": entry_id, "lot_id": int(lot_id), "points": taken}
                    )
                balance -= amount
                continue
            if what == "service":
                assert document is not None  # a service step carries its document
                fields: tuple[Any, Any, Any, Any] = (
                    document["dealer_id"], None, document["document_no"], document["id"]
                )  # fmt: skip
                rule_id = service_rule_id
            else:
                rule_id, amount = self.event_rules[what]
                dealer_id = member["dealer_id"] if what == "major_event" else None
                fields = (dealer_id, EVENT_CHANNELS[what], None, None)
            posting = self._entry_id + 1  # the points row's id names the posting
            entry_id = self._entry(
                member_id, "points", "earn", what, amount, day, *fields, rule_id, posting
            )
            self._entry(
                member_id, "qualifying", "earn", what, amount, day, *fields, rule_id, posting
            )
            expires_on = None
            if dated:  # as ledger._expiry_for: the first credit after a cycle ends opens one
                start = max(day, validity)
                if isinstance(policy, rules.FixedCycle) and rules.starts_new_cycle(
                    policy, cycle_start, start
                ):
                    cycle_start = start
                expires_on = rules.lot_expiry(policy, day, cycle_start, validity)
            self._lot_id += 1
            lots.append([self._lot_id, amount, expires_on, day, amount, entry_id])
            balance += amount
            qualifying += amount
        self.lot_rows += [
            {
                "id": lot_id,
                "member_id": member_id,
                "entry_id": entry_id,
                "earned_on": earned_on,
                "expires_on": expires_on,
                "original": original,
                "remaining": remaining,
            }
            for lot_id, remaining, expires_on, earned_on, original, entry_id in lots
        ]
        self.account_rows.append(
            {
                "member_id": member_id,
                "balance": balance,
                "held": 0,
                "qualifying": qualifying,
                "cycle_start": cycle_start,
            }
        )

    def _entry(
        self, member_id, currency, kind, source, amount, day, dealer_id, channel, reference,
        order_id, rule_id, posting: int | None = None,
    ) -> int:  # fmt: skip
        """One ledger row; the points and qualifying rows of one earning share ``posting``
        in their ids (as derived_uid(request, currency) does), so screens pair them."""
        self._entry_id += 1
        entry_id = self._entry_id
        uid = f"demo:{entry_id:09d}" if posting is None else f"demo:{posting:09d}:{currency}"
        posted_at = datetime(day.year, day.month, day.day, 1, tzinfo=UTC) + timedelta(
            seconds=entry_id % 28_800  # 09:00 to 17:00 in China
        )
        self.entry_rows.append(
            {
                "id": entry_id,
                "entry_uid": uid,
                "fingerprint": "demo",
                "member_id": member_id,
                "currency": currency,
                "kind": kind,
                "source": source,
                "amount": amount,
                "business_date": day,
                "posted_at": min(posted_at, self.now),
                "dealer_id": dealer_id,
                "channel": channel,
                "reference": reference,
                "service_order_id": order_id,
                "rule_id": rule_id,
                "actor": "demo",
            }
        )
        self.entries += 1
        return entry_id


def _bulk_insert(connection, table, rows: list[dict]) -> None:
    """COPY on PostgreSQL (several times faster), one executemany of plain tuples elsewhere;
    no ORM overhead. Values go through the columns' own conversions (dates, UTC times)."""
    if not rows:
        return
    columns = list(rows[0])
    if connection.dialect.name != "postgresql":
        dialect = connection.dialect
        convert = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
        connection.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            _values(rows, columns, convert),
        )
        return
    # Timestamp columns hold naive UTC (see UtcDateTime); COPY bypasses that type.
    convert = [_naive_utc if isinstance(table.c[c].type, UtcDateTime) else None for c in columns]
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for values in _values(rows, columns, convert):
            copy.write_row(values)


def _values(rows: list[dict], columns: list[str], convert: list) -> list[tuple]:
    """The rows as tuples in ``columns`` order, converted where ``convert`` has a function."""
    pick = itemgetter(*columns) if len(columns) > 1 else lambda row: (row[columns[0]],)
    steps = [(i, _memo(f)) for i, f in enumerate(convert) if f is not None]
    if not steps:
        return [pick(row) for row in rows]
    out = []
    for row in rows:
        values = list(pick(row))
        for i, f in steps:
            if values[i] is not None:
                values[i] = f(values[i])
        out.append(tuple(values))
    return out


def _memo(convert):
    """Demo rows repeat the same few dates and times: convert each value once."""
    seen: dict = {}

    def cached(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = convert(value)
            return result

    return cached


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None)


def _identity(rng: random.Random, member_id: int) -> tuple[str | None, date, str]:
    """Every fourth member gave a resident ID; birthday and gender then follow from it.

    The birthday and sequence derive from the member id, so the numbers never collide.
    """
    birthday = date(1960, 1, 1) + timedelta(days=member_id // 1000 % 16_000)
    if member_id % 4:
        return (
            None,
            date(rng.randrange(1960, 2004), rng.randrange(1, 13), rng.randrange(1, 29)),
            rng.choice(("male", "female")),
        )
    first17 = f"110105{birthday:%Y%m%d}{member_id % 1000:03d}"
    gender = "male" if int(first17[16]) % 2 else "female"
    return first17 + resident_id_check_char(first17), birthday, gender


def _vin(vehicle_id: int) -> str:
    """A valid, unique VIN: Chinese WMI, model-year S (2025), plant letter, 6-digit serial."""
    plant = "ABCDEFGHJ"[vehicle_id // 1_000_000 % 9]
    return complete_vin("LVXDA2B4", f"S{plant}{vehicle_id % 1_000_000:06d}")
