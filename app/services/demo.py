"""A realistic demo database: dealers across China, staff of every role, members with vehicles
and two years of service history. Bulk inserts in chunks, so a million members is feasible."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select, text, update

from app.db.models import (
    AuditHead,
    Base,
    Dealer,
    Member,
    MemberTag,
    ServiceOrder,
    StaffUser,
    Vehicle,
)
from app.domain.audit_chain import GENESIS_HASH
from app.domain.errors import Conflict
from app.domain.pinyin_keys import name_search_keys
from app.domain.roles import Role
from app.domain.text import QT_TRANSLATE_NOOP
from app.domain.validation import complete_vin, make_member_number, resident_id_check_char
from app.services import audit
from app.services.auth import hash_password
from app.services.database import Database
from app.services.progress import Cancelled, Progress
from app.services.settings import write_setting

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
        uow.commit()
    vehicles = orders = 0
    try:
        for start in range(0, members, CHUNK):
            count = min(CHUNK, members - start)
            with db.uow() as uow:
                v, o = _insert_member_chunk(uow, rng, dealers, start, count, today)
                uow.commit()
            vehicles, orders = vehicles + v, orders + o
            progress.report(start + count, members, "members")
    except Cancelled:
        _empty_everything(db)  # the demo started from an empty database: leave it empty
        raise
    summary = DemoSummary(len(dealers), staff, members, vehicles, orders)
    with db.uow() as uow:
        _advance_id_sequences(uow)
        audit.record(uow, "demo", "database", "demo", "build", after=summary.__dict__)
        uow.commit()
    return summary


def _empty_everything(db: Database) -> None:
    with db.uow() as uow:
        for table in reversed(Base.metadata.sorted_tables):
            if table.name != "audit_head":
                uow.session.execute(table.delete())
        uow.session.execute(update(AuditHead).values(last_seq=0, last_hash=GENESIS_HASH))
        uow.commit()


def _advance_id_sequences(uow) -> None:
    """Rows were inserted with explicit ids; PostgreSQL's sequences must move past them."""
    if uow.session.get_bind().dialect.name != "postgresql":
        return
    for table in ("members", "vehicles"):
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


def _insert_member_chunk(uow, rng, dealers, start: int, count: int, today: date) -> tuple[int, int]:
    now = uow.now()
    members, vehicles, orders, tags = [], [], [], []
    for index in range(start, start + count):
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
                        "dealer_id": dealer_id,
                        "document_no": f"RO{vehicle_id:08d}{visit}",
                        "kind": "service",
                        "member_id": member_id,
                        "vehicle_id": vehicle_id,
                        "service_date": today - timedelta(days=rng.randrange(0, 730)),
                        "amount_fen": rng.randrange(300, 8_000) * 100,
                    }
                )
    connection = uow.session.connection()
    for model, rows in (
        (Member, members),
        (Vehicle, vehicles),
        (ServiceOrder, orders),
        (MemberTag, tags),
    ):
        _bulk_insert(connection, model.__table__, rows)
    return len(vehicles), len(orders)


def _bulk_insert(connection, table, rows: list[dict]) -> None:
    """COPY on PostgreSQL (several times faster), one executemany elsewhere; no ORM overhead."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([_naive_utc(row[c]) for c in columns])


def _naive_utc(value):
    """Timestamp columns hold naive UTC (see UtcDateTime); COPY bypasses that type."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


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
