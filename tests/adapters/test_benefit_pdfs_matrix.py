"""The printable tier benefit matrix: Chinese text read back, unset cells marked, cell texts,
many rows over several landscape pages, English labels."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from app.adapters.benefit_pdfs.matrix_pdf import cell_text, discount_text, write_matrix
from app.domain.benefits import Entitlement, QuotaPeriod

TIERS = [("silver", "银卡"), ("gold", "金卡"), ("platinum", "白金卡"), ("diamond", "钻石卡")]


@dataclass(frozen=True)
class Item:
    id: int
    name: str
    face_value_fen: int
    status: str = "listed"
    code: str = ""
    category: str = "vehicle_service"


@dataclass
class Matrix:
    items: list[Item]
    cells: dict[tuple[int, str], Entitlement] = field(default_factory=dict)
    tiers: list[tuple[str, str]] = field(default_factory=lambda: list(TIERS))

    def cell(self, benefit_id: int, tier_code: str) -> Entitlement:
        return self.cells.get((benefit_id, tier_code), Entitlement(None))

    @property
    def unset(self) -> int:
        return sum(
            1 for i in self.items for code, _ in self.tiers if not self.cell(i.id, code).is_set
        )


def seeded() -> Matrix:
    names = ["经销商消费代金券", "工时费抵扣", "保费折扣", "电商旗舰店代金券", "店端常规服务",
             "四季监测", "道路救援", "上门取送车"]  # fmt: skip
    items = [Item(i, name, 20_000 if i < 2 else 0, "listed" if i else "draft")
             for i, name in enumerate(names)]  # fmt: skip
    cells = {
        (0, "gold"): Entitlement(2, QuotaPeriod.VALIDITY, 20_000),
        (2, "platinum"): Entitlement(1, QuotaPeriod.YEAR, None, 900),
        (6, "silver"): Entitlement(0),
        (6, "diamond"): Entitlement(4, QuotaPeriod.YEAR),
    }
    return Matrix(items, cells)


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(
        [need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def pages(pdf: Path) -> tuple[int, str]:
    done = subprocess.run([need("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True)
    info = dict(line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)
    return int(info["Pages"].strip()), info["Page size"].strip()


def test_cell_texts():
    assert cell_text(Entitlement(None)) == "未设置"
    assert cell_text(Entitlement(0)) == "不享有"
    assert cell_text(Entitlement(2, QuotaPeriod.VALIDITY, 20_000)) == "2 次/有效期 · ¥200.00"
    assert cell_text(Entitlement(1, QuotaPeriod.YEAR, None, 900)) == "1 次/年 · 9折"
    assert cell_text(Entitlement(3, QuotaPeriod.YEAR), "en") == "3 per year"
    assert cell_text(Entitlement(None), "en") == "Not set"
    assert discount_text(885, "zh_CN") == "8.85折"
    assert discount_text(885, "en") == "11.5% off"
    assert cell_text(Entitlement(1, QuotaPeriod.VALIDITY, 123_456_78)) == (
        "1 次/有效期 · ¥123,456.78"
    )


def test_the_matrix_prints_in_chinese(tmp_path):
    pdf = write_matrix(
        seeded(), tmp_path / "matrix.pdf", programme="星辰汽车车主俱乐部",
        printed_at=datetime(2026, 3, 1, 10, 30),
    )  # fmt: skip
    text = pdf_text(pdf)
    for expected in ("星辰汽车车主俱乐部", "等级权益矩阵", "银卡", "金卡", "白金卡", "钻石卡",
                     "经销商消费代金券", "上门取送车", "2 次/有效期", "¥200.00", "9折", "不享有",
                     "4 次/年", "未设置", "28 格未设置", "打印时间 2026-03-01 10:30",
                     "第 1 页，共 1 页", "未上架"):  # fmt: skip
        assert expected in text, expected
    count, size = pages(pdf)
    assert count == 1
    assert size.startswith("841.89 x 595.276")  # A4 landscape


def test_many_benefits_run_over_pages_with_the_header_repeated(tmp_path):
    items = [Item(i, f"权益{i:03d}", 1_000 * i) for i in range(60)]
    pdf = write_matrix(Matrix(items), tmp_path / "long.pdf")
    count, _size = pages(pdf)
    assert count > 1
    text = pdf_text(pdf)
    assert text.count("钻石卡") == count  # the tier names head every page
    assert f"共 {count} 页" in text and "权益059" in text


def test_english_and_empty(tmp_path):
    pdf = write_matrix(Matrix([]), tmp_path / "empty.pdf", "en")
    text = pdf_text(pdf)
    assert "Tier benefit matrix" in text and "No tier benefits yet." in text
    assert "All cells set" in text


def test_a_file_open_elsewhere_is_a_clear_error(tmp_path):
    from app.adapters.statement_pdf import PdfWriteError

    folder = tmp_path / "missing" / "matrix.pdf"
    with pytest.raises(PdfWriteError):
        write_matrix(seeded(), folder)
