"""Points statement PDF: Chinese text, multi-page tables, page numbers, fonts, labels."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.adapters import statement_pdf as sp
from app.adapters.statement_pdf import fonts as spf


@dataclass(frozen=True)
class Entry:
    business_date: date
    kind: str
    source: str
    amount: int
    reference: str | None = None
    dealer_name: str | None = None


@dataclass(frozen=True)
class Stmt:
    entries: list[Entry] = field(default_factory=list)
    member_number: str = "00000000170"
    name: str = "欧阳娜娜"
    start: date = date(2025, 1, 1)
    end: date = date(2025, 12, 31)
    opening: int = 12_345
    qualifying_closing: int = 54_321
    printed_at: datetime = datetime(2026, 3, 1, 2, 30, tzinfo=UTC)
    programme_name: str = "星辰汽车车主俱乐部"

    @property
    def closing(self) -> int:
        return self.opening + sum(e.amount for e in self.entries)


_KINDS = [
    ("earn", "service", 1234, "RO-2025-000123", "广州市天河区某某汽车销售服务有限公司"),
    ("earn", "sign_in", 1, None, None),
    ("redeem", "labour", -500, "RO20250312000000000000012345678901", "上海浦东4S店"),
    ("earn", "purchase", 158_800, "INV-88230011", "北京朝阳经销商"),
    ("adjust", "goodwill", 200, "ADJ-17", None),
    ("reverse", "service", -1234, "RO-2025-000123", "广州市天河区某某汽车销售服务有限公司"),
    ("expire", "expiry", -300, None, None),
    ("adjust", "custom_reason_x", 50, None, None),
]


def entries(n: int) -> list[Entry]:
    return [
        Entry(date(2025, 1, 1) + timedelta(days=i * 2 % 360), *_KINDS[i % len(_KINDS)])
        for i in range(n)
    ]


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def page_count(pdf: Path) -> int:
    try:
        from pypdf import PdfReader  # optional; not a project dependency
    except ImportError:
        info = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True)
        match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
        assert match, info.stdout + info.stderr
        return int(match.group(1))
    return len(PdfReader(pdf).pages)


def text_of(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(
        [need("pdftotext"), "-layout", *pages, str(pdf), "-"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_empty_period_renders_one_chinese_page(tmp_path):
    pdf = sp.write_statement(Stmt(), tmp_path / "empty.pdf")
    assert pdf == tmp_path / "empty.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page_count(pdf) == 1
    text = text_of(pdf)
    for expected in ("积分对账单", "欧阳娜娜", "00000000170", "星辰汽车车主俱乐部", "期初余额",
                     "期末余额", "本期无积分变动", "2025-01-01 至 2025-12-31", "第 1 页，共 1 页",
                     "期末成长值", "54,321"):  # fmt: skip
        assert expected in text, expected
    assert "2026-03-01 10:30" in text  # printed-at in Asia/Shanghai, not UTC
    assert not list(tmp_path.glob(".*.tmp"))


def test_120_entries_span_pages_with_header_and_numbers_on_each(tmp_path):
    stmt = Stmt(entries(120))
    pdf = sp.write_statement(stmt, tmp_path / "long.pdf")
    pages = page_count(pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        text = text_of(pdf, page)
        assert re.search(r"日期\s+摘要\s+单据号\s+经销商\s+积分\s+余额", text), page
        assert f"第 {page} 页，共 {pages} 页" in text
        if page > 1:
            assert re.search(r"00000000170\s+欧阳娜娜", text)  # running header
    first, last = text_of(pdf, 1), text_of(pdf, pages)
    assert "期初余额" in first and "12,345" in first
    assert "期末余额" in last and sp.format_points(stmt.closing) in last
    assert "期末成长值" in last
    everything = text_of(pdf)
    assert everything.count("RO-2025-000123") == 30  # every entry is there, none twice
    assert "获得 · 售后维修" in everything
    assert "调整 · custom_reason_x" in everything  # unknown reason: shown as its code
    assert "+158,800" in everything


def test_running_balance_and_totals(tmp_path):
    stmt = Stmt(
        [
            Entry(date(2025, 2, 1), "earn", "service", 1500, "RO-1", "A"),
            Entry(date(2025, 3, 1), "redeem", "parts", -2000, "RO-2", "A"),
            Entry(date(2025, 4, 1), "expire", "expiry", -100),
        ],
        opening=1000,
    )
    text = text_of(sp.write_statement(stmt, tmp_path / "s.pdf"))
    rows = [line.split() for line in text.splitlines()]
    balances = [row[-1] for row in rows if row and re.fullmatch(r"2025-\d\d-\d\d", row[0])]
    minus = sp.register_fonts().minus
    assert balances == ["1,000", "2,500", "500", "400", "400"]
    assert f"{minus}2,000" in text and "+1,500" in text and f"{minus}100" in text
    assert re.search(r"本期增加\s+\+1,500", text)
    assert re.search(rf"本期减少\s+{minus}2,100", text)
    assert "过期 ·" not in text  # "过期", not "过期 · 积分过期"


def test_english_and_caller_labels(tmp_path):
    labels = {"title": "Member statement", "page": "p. {page}/{pages}"}
    pdf = sp.write_statement(Stmt(entries(3)), tmp_path / "en.pdf", labels, locale="en")
    text = text_of(pdf)
    assert "Member statement" in text and "p. 1/1" in text
    assert "Opening balance" in text and "Earned · Service" in text
    assert "2025-01-01 to 2025-12-31" in text
    # A translation that lost its placeholders still prints something readable.
    broken = sp.write_statement(Stmt(), tmp_path / "b.pdf", {"page": "第{页"}, locale="zh_CN")
    assert "第{页 1 1" in text_of(broken)


def test_labels_are_complete_in_both_languages():
    assert set(sp.LABELS_ZH) == set(sp.LABELS)
    zh = sp.statement_labels(None, "zh_CN")
    assert zh["title"] == "积分对账单"
    assert sp.statement_labels(None, "en_US")["title"] == "Points statement"
    assert sp.statement_labels({"title": "X"}, "zh")["col_date"] == "日期"


def test_describe_and_format_points():
    zh = sp.LABELS_ZH
    assert sp.describe("earn", "service", zh) == "获得 · 售后维修"
    assert sp.describe("expire", "expiry", zh) == "过期"
    assert sp.describe("adjust", "vip_bonus", zh) == "调整 · vip_bonus"
    assert sp.describe("mystery", "", zh) == "mystery"
    assert sp.format_points(1_234_567) == "1,234,567"
    assert sp.format_points(-1_234, signed=True) == "\u22121,234"
    assert sp.format_points(50, signed=True) == "+50"
    assert sp.format_points(0, signed=True) == "0"


def test_unreadable_font_files_fall_back_to_the_builtin_font(tmp_path):
    (tmp_path / "msyh.ttc").write_bytes(b"not a font")
    fonts = sp.register_fonts((tmp_path,), latin_files=())
    assert fonts.regular == sp.FALLBACK_FONT and not fonts.embedded
    assert fonts.latin == "Helvetica" and fonts.minus == "\u2013"
    stmt = Stmt(entries(5), name="阿卜杜·热合曼")  # U+00B7: not in the built-in CJK font
    text = text_of(sp.write_statement(stmt, tmp_path / "s.pdf", fonts=fonts))
    assert "积分对账单" in text and "阿卜杜·热合曼" in text


def test_an_embeddable_truetype_font_is_used(tmp_path, monkeypatch):
    dejavu = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not dejavu.exists():
        pytest.skip("DejaVu Sans is not installed")
    monkeypatch.setattr(spf, "FONT_PROBE", "Points")  # DejaVu has no Chinese: test Latin only
    fonts = sp.register_fonts((dejavu.parent,), files=(("DejaVuSans.ttf", 0),))
    assert fonts.embedded and not fonts.mixed and fonts.minus == sp.MINUS
    pdf = sp.write_statement(
        Stmt(entries(4), name="Li Lei", programme_name="Club"), tmp_path / "e.pdf",
        locale="en", fonts=fonts,
    )  # fmt: skip
    listing = subprocess.run([need("pdffonts"), str(pdf)], capture_output=True, text=True)
    assert re.search(r"DejaVuSans\s+TrueType.*\byes\s+yes", listing.stdout), listing.stdout
    assert "Points statement" in text_of(pdf)


def test_unwritable_path_raises_a_user_error(tmp_path):
    with pytest.raises(sp.PdfWriteError) as caught:
        sp.write_statement(Stmt(), tmp_path / "missing" / "s.pdf")
    assert caught.value.template.startswith("Cannot write {path}")
    assert not list(tmp_path.rglob("*.tmp"))
