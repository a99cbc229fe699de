"""Words, dates and numbers on real widgets: one date format in every table, whatever the
locale's short format is, and an audit viewer people can read (field names in their language,
before → after per field, business keys rather than database ids)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTableView

from app.db.engine import check_url
from app.domain.errors import DatabaseConfigError, DatabaseUnavailable
from app.services import members
from app.services.members import MemberInput
from app.services.shared.database import open_database, unavailable
from app.ui.shared.errors import message_for
from app.ui.shared.i18n import install_translators
from app.ui.shared.paged_model import PagedTableModel
from app.ui.shared.tables import fill_table, make_table
from tests.gui.test_audit_page import TIMEZONE, open_page

SHORT_ZH = "yyyy/M/d"  # what QLocale(zh_CN) makes of a date's ShortFormat


@pytest.fixture
def chinese():
    install_translators("zh_CN")
    yield
    install_translators("en")


def test_chinese_short_format_is_not_what_tables_show(chinese):
    """The premise: left to the locale, Chinese tables would show 2026/2/2."""
    short = QLocale().toString(QDate(2026, 2, 2), QLocale.FormatType.ShortFormat)
    assert short == QDate(2026, 2, 2).toString(SHORT_ZH) == "2026/2/2"


def test_table_cells_show_dates_times_and_counts_in_one_format(qtbot, chinese):
    table = make_table("dates", ["日期", "时间", "积分", "文字"])
    qtbot.addWidget(table)
    at = datetime(2026, 2, 2, 1, 5, tzinfo=UTC)
    fill_table(table, [[date(2026, 2, 2), at, 12800, "2026/2/2 as typed"]], right=frozenset({2}))
    table.show()
    texts = [table.item(0, c).text() for c in range(4)]
    assert texts[0] == "2026-02-02"
    assert texts[1].startswith("2026-02-0") and len(texts[1]) == len("2026-02-02 09:05")
    assert texts[2] == "12,800"
    assert texts[3] == "2026/2/2 as typed"  # text stays as it is


def test_paged_lists_show_dates_in_the_same_format(qtbot, chinese):
    class Rows(PagedTableModel):
        def page_after(self, last_row):
            return lambda: [] if last_row else [(date(2026, 12, 5), 1234567)]

        def cells(self, row):
            return row

    model = Rows(["日期", "积分"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    model.restart()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    shown = [model.data(model.index(0, c), Qt.ItemDataRole.DisplayRole) for c in range(2)]
    assert shown == ["2026-12-05", "1,234,567"]


def test_audit_filters_take_dates_as_every_form_does(qtbot, db, people, chinese):
    page = open_page(qtbot, db, people.auditor)
    page.date_from.setDate(QDate(2026, 2, 2))
    assert page.date_from.text() == "2026-02-02"


def test_audit_viewer_shows_a_members_change_readably(qtbot, db, people, chinese):
    data = MemberInput(name="张三", mobile="13800138000", privacy_consent=True)
    ref = members.register_member(db, people.clerk, data, ())
    members.update_member(db, people.clerk, ref.id, replace(data, mobile="13900139000"))

    page = open_page(qtbot, db, people.auditor)
    table = page.findChild(QTableView, "audit_table")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading)
    row = next(i for i, r in enumerate(page.model.rows) if r.action == "update")
    cells = [page.model.data(page.model.index(row, c)) for c in range(6)]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["时间", "用户", "对象", "记录", "操作", "修改内容"]
    assert cells[2:5] == ["会员", ref.member_number, "修改"]
    assert cells[5] == "手机号: 138****8000 → 139****9000"
    assert cells[0].startswith("20") and cells[0][4] == "-"  # yyyy-MM-dd HH:mm

    created = next(i for i, r in enumerate(page.model.rows) if r.action == "create")
    new_member = page.model.data(page.model.index(created, 5)).splitlines()
    assert new_member[:3] == [f"会员号: {ref.member_number}", "姓名: 张*", "手机号: 138****8000"]
    assert new_member[-1].startswith("… 另有 ")  # the detail below shows all of them
    assert "{" not in page.model.data(page.model.index(created, 5))  # no JSON

    table.selectRow(created)
    detail = page.findChild(QPlainTextEdit, "detail").toPlainText().splitlines()
    assert ref.member_number in detail[0]
    assert "营销授权: 否" in detail
    assert "经销商: BJA01" in detail  # the dealer's code, not its database id
    assert "手机号: 138****8000" in detail


def test_an_empty_audit_list_says_why(qtbot, db, people, chinese):
    page = open_page(qtbot, db, people.auditor)
    status = page.findChild(QLabel, "list_status")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.loading)
    page.date_from.setDate(QDate(2099, 1, 1))
    page.apply_filter()
    qtbot.waitUntil(lambda: status.text() == "没有符合筛选条件的记录。")
    assert page.timezone == TIMEZONE


def test_a_refused_connection_says_what_to_do_in_chinese(chinese):
    with pytest.raises(DatabaseUnavailable) as caught:
        open_database("postgresql://nobody@127.0.0.1:9/loyalty")
    text = message_for(caught.value)
    assert text.startswith("无法打开数据库 PostgreSQL 127.0.0.1:9/loyalty：服务器没有响应。")
    assert "防火墙" in text  # the hint: what to check


@pytest.mark.parametrize(
    ("driver_says", "hint"),
    [
        ('FATAL:  password authentication failed for user "loyalty"', "拒绝了用户名或密码"),
        ('FATAL:  database "loyalty" does not exist', "服务器上没有该数据库"),
        ("database is locked", "正被其他程序占用"),
        ("unable to open database file", "写入权限"),
    ],
)
def test_database_errors_are_named_by_their_cause(chinese, driver_says, hint):
    error = unavailable("postgresql://u@db.example:5432/loyalty", Exception(driver_says))
    assert hint in message_for(error)
    assert driver_says not in message_for(error)


def test_unknown_database_kinds_are_refused_in_chinese(chinese):
    with pytest.raises(DatabaseConfigError) as caught:
        check_url("mysql://x/y")
    assert message_for(caught.value) == "不支持的数据库类型：mysql。请使用 SQLite 或 PostgreSQL。"
