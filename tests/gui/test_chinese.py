"""The Chinese translation reaches the screens and the error messages."""

from __future__ import annotations

import pytest

from app.domain.errors import PermissionDenied
from app.services import settings as programme
from app.services import staff
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import format_yuan, install_translators
from app.ui.shell.main_window import MainWindow
from tests.gui.helpers import nav_titles


@pytest.fixture
def chinese():
    install_translators("zh_CN")
    yield
    install_translators("en")


def test_permission_error_names_role_and_action_in_chinese(db, people, chinese):
    with pytest.raises(PermissionDenied) as denied:
        staff.save_dealer(db, people.clerk, staff.DealerInput("SHA01", "x", "x", "x", "x"))
    assert message_for(denied.value) == "您的角色（前台专员）无权管理经销商。"


def test_main_window_in_chinese(qtbot, db, people, chinese):
    window = MainWindow(db, people.admin, programme.get_settings(db), demo_mode=True)
    window._signing_out = True
    qtbot.addWidget(window)
    assert nav_titles(window)[:3] == ["会员", "积分", "审批"]
    assert "审计日志" in nav_titles(window)


def test_yuan_amounts_are_exact_and_localised(chinese):
    assert format_yuan(123456789) == "¥1,234,567.89"
    assert format_yuan(-5) == "-¥0.05"
