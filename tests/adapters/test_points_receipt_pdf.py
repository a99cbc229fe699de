"""The points receipt PDF (积分抵扣凭证): every line the member signs under, in Chinese and in
English, the member's name as given (the service masks it), and the amounts formatted."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.adapters.points_receipt_pdf import write_points_receipt


@dataclass(frozen=True)
class Receipt:
    programme_name: str = "星辰汽车车主俱乐部"
    entry_id: int = 4711
    member_number: str = "00000000170"
    member_name: str = "欧阳**"
    reference: str = "RO20260301-07"
    target: str = "labour"
    points: int = 1_280
    value_fen: int = 12_800
    balance_after: int = 23_456
    dealer_name: str | None = "北京东区服务中心"
    posted_at: datetime = datetime(2026, 3, 1, 2, 30, tzinfo=UTC)
    operator: str = "王小明"
    printed_at: datetime = datetime(2026, 3, 1, 2, 31, tzinfo=UTC)


def text_of(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return "".join(result.stdout.split())  # CJK text comes back with spaces of its own


def test_the_chinese_receipt_has_every_line_the_member_signs(tmp_path):
    written = write_points_receipt(Receipt(), tmp_path / "receipt.pdf")
    assert written == tmp_path / "receipt.pdf" and written.exists()
    text = text_of(written)
    for expected in (
        "星辰汽车车主俱乐部",
        "积分抵扣凭证",
        "凭证号4711",
        "会员号00000000170",
        "欧阳**",
        "维修工单号RO20260301-07",
        "抵扣项目工时费",
        "抵扣积分1,280积分",
        "抵扣金额¥128.00",
        "抵扣后积分余额23,456积分",
        "经销商北京东区服务中心",
        "抵扣时间2026-03-0110:30",  # in the programme's time zone (Asia/Shanghai)
        "经办人王小明",
        "会员签字",
        "打印时间2026-03-0110:31",
    ):
        assert expected in text, expected


def test_the_english_receipt_and_parts(tmp_path):
    receipt = replace(Receipt(), target="parts", dealer_name=None)
    text = text_of(write_points_receipt(receipt, tmp_path / "en.pdf", locale="en"))
    for expected in (
        "Pointsdeductionreceipt",
        "DeductedfromParts",
        "Pointsused1,280points",
        "Value¥128.00",
        "Balanceafter23,456points",
        "Dealer—",
        "Member'ssignature",
    ):
        assert expected in text, expected


def test_labels_can_be_laid_over(tmp_path):
    text = text_of(
        write_points_receipt(Receipt(), tmp_path / "x.pdf", labels={"title": "积分抵扣单"})
    )
    assert "积分抵扣单" in text and "积分抵扣凭证" not in text
