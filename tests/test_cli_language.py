"""The command line follows the language setting like the GUI, without loading Qt: --lang,
else the system's; help, errors and role names in Chinese from the shipped .qm."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from app.adapters.document_workbooks import EXPIRING_HEADERS, EXPIRING_SHEET
from app.bundled import i18n_dir
from app.cli import i18n
from app.cli import points as cli_points
from tests.conftest import PASSWORD
from tests.test_cli import SHB01, as_admin, run  # noqa: F401 - the fixture
from tests.test_points_cli import earned  # noqa: F401 - the fixture

ROOT = i18n_dir().parents[1]


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    i18n.install("en")


def test_help_in_chinese(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "zh_CN", "--help")
    out = capsys.readouterr().out
    assert out.startswith("用法：loyalty")
    assert "会员管理台命令行" in out
    assert "执行命令的员工账户（密码：$LOYALTY_PASSWORD）" in out


def test_help_in_english_by_choice(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "en", "--help")
    assert capsys.readouterr().out.startswith("usage: loyalty")


def test_a_refusal_names_the_role_and_right_in_chinese(as_admin, capsys):  # noqa: F811
    argv = ("--lang", "zh_CN", "--db", as_admin.url, "--as", "clerk", "dealers", "add", *SHB01)
    code, _out, err = run(capsys, *argv)
    assert code == 1
    assert err.strip() == "错误：您的角色（前台专员）无权管理经销商。"
    assert "clerk" not in err and "manage" not in err


def test_the_language_follows_the_system_unless_chosen():
    assert i18n.language_from([], {"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert i18n.language_from([], {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.language_from(["--lang", "en"], {"LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.language_from(["--lang=zh_CN"], {"LANG": "C"}) == "zh_CN"


def test_the_command_line_reads_translations_without_qt():
    code = (
        "import sys; from app.cli import i18n; i18n.install('zh_CN'); "
        "print(i18n.lookup('Roles', 'Supervisor')); "
        "print('PySide6' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["主管", "False"]


def test_a_subcommand_help_in_chinese(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "zh_CN", "members", "--help")
    out = capsys.readouterr().out
    assert out.startswith("用法：loyalty members")
    assert "从 .xlsx 文件导入会员" in out and "写出导入模板" in out
    assert "import members" not in out and "positional arguments" not in out
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "zh_CN", "points", "import", "--help")
    out = capsys.readouterr().out
    assert "只检查，不记入任何积分" in out and "check only" not in out


def test_subcommand_help_stays_english_in_english(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "en", "members", "--help")
    out = capsys.readouterr().out
    assert "import members from an .xlsx file" in out and "write the import template" in out


def test_the_command_lines_own_refusals_in_chinese(db, people, capsys, monkeypatch):  # noqa: F811
    monkeypatch.setenv("LOYALTY_PASSWORD", PASSWORD)
    argv = ("--db", db.url, "--as", "clerk", "points", "statement", "99999999999", "x.pdf")
    argv += ("--from", "2026-01-01", "--to", "2026-12-31")
    code, _out, err = run(capsys, "--lang", "zh_CN", *argv)
    assert code == 1 and err.strip() == "错误：没有会员 99999999999"
    code, _out, err = run(capsys, "--lang", "en", *argv)
    assert code == 1 and err.strip() == "error: no member 99999999999"
    code, _out, err = run(capsys, "--lang", "zh_CN", "--db", db.url, "ledger", "verify")
    assert code == 1 and "--as USER" in err and "this command" not in err


def test_the_expiring_export_in_chinese(db, earned, capsys, tmp_path):  # noqa: F811
    sheet = tmp_path / "expiring.xlsx"
    argv = ("--db", db.url, "--as", "clerk", "points", "expiring", str(sheet), "--months", "12")
    code, out, err = run(capsys, "--lang", "zh_CN", *argv)
    assert code == 0, err
    assert re.fullmatch(rf"已写出 \d+ 行到 {re.escape(str(sheet))}", out.strip())
    book = load_workbook(sheet, read_only=True)
    assert book.sheetnames == ["即将到期积分"]
    header = next(book.active.iter_rows(max_row=1, values_only=True))
    assert header == ("会员号", "姓名", "手机号", "经销商", "积分", "到期日")
    book.close()
    code, _out, _err = run(capsys, "--lang", "en", *argv)
    book = load_workbook(sheet, read_only=True)
    header = next(book.active.iter_rows(max_row=1, values_only=True))
    assert header == EXPIRING_HEADERS and book.sheetnames == [EXPIRING_SHEET]
    book.close()


def test_the_command_line_marks_the_adapters_export_headers():
    assert cli_points.EXPIRING_HEADERS == EXPIRING_HEADERS
    assert cli_points.EXPIRING_SHEET == EXPIRING_SHEET
