"""The command line follows the language setting like the GUI, without loading Qt: --lang,
else the system's; help, errors and role names in Chinese from the shipped .qm."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.bundled import i18n_dir
from app.cli import i18n
from tests.test_cli import SHB01, as_admin, run  # noqa: F401 - the fixture

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
