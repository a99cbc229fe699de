"""The voucher slip PDF: the Chinese title, the code in groups of four and as a QR code, the
member masked, the honouring dealers, English labels; and the service that prints it for a
voucher (audited, the member's name masked whoever prints it)."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.adapters.benefit_pdfs import voucher_slip as vs
from app.domain import benefits as rules
from app.domain.errors import NotFound
from app.services import benefits
from app.services.benefits import RedeemInput
from app.services.benefits.slips import voucher_slip
from app.services.shared import audit
from tests.test_benefits import catalog, give_points, item  # noqa: F401 - fixture
from tests.test_members import register

CODE = "7KQ2M9XD3HPTW8RF"


@dataclass(frozen=True)
class Slip:
    programme_name: str = "星辰汽车车主俱乐部"
    code: str = CODE
    benefit_name: str = "精致洗车"
    face_value_fen: int = 8_000
    points: int = 800
    member_number: str = "00000000170"
    member_name: str = "欧阳**"
    issued_on: date = date(2026, 3, 1)
    issued_dealer: str | None = "北京东区服务中心"
    expires_on: date = date(2026, 5, 29)
    honoured_by: tuple[str, ...] = ()
    printed_at: datetime = datetime(2026, 3, 1, 2, 30, tzinfo=UTC)
    discount_permille: int | None = None


def text_of(pdf: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def page_streams(pdf: Path) -> bytes:
    """The PDF's streams, decoded (reportlab writes ASCII85 over Flate, or Flate alone)."""
    out = b""
    for match in re.finditer(rb">>\s*stream\r?\n(.*?)endstream", pdf.read_bytes(), re.DOTALL):
        raw = match.group(1).strip()
        if raw.endswith(b"~>"):
            raw = base64.a85decode(raw[:-2].replace(b"\n", b""))
        try:
            out += zlib.decompress(raw)
        except zlib.error:
            out += raw
    return out


def test_the_slip_reads_in_chinese_with_the_code_grouped(tmp_path):
    pdf = vs.write_voucher_slip(Slip(), tmp_path / "slip.pdf")
    assert pdf == tmp_path / "slip.pdf" and pdf.read_bytes().startswith(b"%PDF")
    text = text_of(pdf)
    for expected in ("星辰汽车车主俱乐部", "权益兑换券", "精致洗车", "¥80.00", "800",
                     "7KQ2-M9XD-3HPT-W8RF", "00000000170", "欧阳**", "2026-03-01",
                     "北京东区服务中心", "2026-05-29", "全部经销商", "使用说明", "不可兑换现金",
                     "会员签字", "2026-03-01 10:30"):  # fmt: skip
        assert expected in text, expected
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_qr_code_holds_the_code_and_is_drawn(tmp_path):
    drawing = vs.qr_drawing(CODE)
    widget = drawing.contents[0]
    assert widget.value == CODE  # the plain code: a scanner types it into the write-off field
    modules = widget.draw().contents
    assert len(modules) > 50  # the QR's dark modules, as rectangles
    pdf = vs.write_voucher_slip(Slip(), tmp_path / "slip.pdf")
    rects = len(re.findall(rb"\bre\b", page_streams(pdf)))
    assert rects > 50  # drawn into the page, not left out


def test_english_labels_named_dealers_and_a_free_entitlement(tmp_path):
    slip = replace(Slip(), honoured_by=("北京东区服务中心", "上海浦东服务中心"), points=0,
                   face_value_fen=0)  # fmt: skip
    text = text_of(vs.write_voucher_slip(slip, tmp_path / "en.pdf", locale="en"))
    assert "Benefit voucher" in text and "Voucher code" in text and "How to use" in text
    assert "Free (tier benefit)" in text
    assert "北京东区服务中心、上海浦东服务" in text  # the dealers, listed (wrapped)
    assert "Value" not in text  # no value to print
    assert "All dealers" not in text


def test_long_names_wrap_inside_the_page():
    fonts = vs.register_fonts()
    name = "精致洗车（含内饰清洁、打蜡与轮毂护理）一次 Premium wash with interior care"
    lines = vs.wrap(name, fonts, 12, vs.CONTENT)
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == name.replace(" ", "")
    assert all(vs.text_width(line, fonts, 12) <= vs.CONTENT for line in lines)


def test_labels_are_complete_in_both_languages():
    assert set(vs.LABELS) == set(vs.LABELS_ZH)
    assert vs.slip_labels(None, "zh_CN")["title"] == "权益兑换券"
    assert vs.slip_labels({"title": "X"}, "en")["code"] == "Voucher code"


# --- the service ----------------------------------------------------------------------------------


def test_the_service_prints_a_voucher_audited_and_masked(db, people, catalog, tmp_path):  # noqa: F811
    benefit_id = catalog.listed(item(dealer_ids=(people.dealer_id,)))
    member = register(db, people.clerk).id
    give_points(db, member, 2_000)
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member, benefit_id))
    pdf = voucher_slip(db, people.clerk, voucher.id, tmp_path / "v.pdf", "zh_CN")
    text = text_of(pdf)
    assert rules.format_code(voucher.code) in text
    assert "张*" in text and "张三" not in text  # masked even for the member's own dealer
    assert "北京东区服务中心" in text and "全部经销商" not in text  # honoured there only
    with db.reader() as uow:
        history = audit.record_history(uow, "voucher", voucher.code)
    printed = [h for h in history if h.action == "print_slip"]
    assert len(printed) == 1 and printed[0].username == "clerk"
    assert json.loads(printed[0].after)["status"] == "issued"
    english = text_of(voucher_slip(db, people.clerk, voucher.id, tmp_path / "e.pdf", "en"))
    assert "Benefit voucher" in english


def test_an_unknown_voucher_prints_nothing(db, people, tmp_path):
    with pytest.raises(NotFound):
        voucher_slip(db, people.clerk, 999, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_a_tier_discount_is_printed_in_each_languages_way(db, people, tmp_path):
    """保费折扣 for 银卡 at 900 ‰: the voucher keeps the discount, the slip says 9折 / 10% off."""
    insurance = next(i.id for i in benefits.list_items(db, people.admin) if i.code == "T-INSURANCE")
    benefits.save_cell(
        db, people.admin, insurance, "silver", rules.Entitlement(1, discount_permille=900)
    )
    member = register(db, people.clerk).id
    voucher = benefits.redeem(db, people.clerk, RedeemInput(member, insurance))
    assert voucher.discount_permille == 900
    chinese = text_of(voucher_slip(db, people.clerk, voucher.id, tmp_path / "z.pdf"))
    assert re.search(r"折扣\s+9折", chinese)
    english = text_of(voucher_slip(db, people.clerk, voucher.id, tmp_path / "e.pdf", "en"))
    assert "10% off" in english
