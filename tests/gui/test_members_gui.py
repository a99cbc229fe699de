"""Members through real widgets: keyboard registration, checks as you type, duplicates,
search by every key, masking and reveal, status changes and the lazily loaded list."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from app.domain.roles import Role
from app.domain.validation import complete_vin
from app.services import members, staff
from app.services.members import MemberFilter, MemberInput, VehicleInput
from tests.gui.helpers import child, click, open_dialog, type_into, type_text, visible

VIN1 = complete_vin("LVXDA2B4", "SA000001")
VIN2 = complete_vin("LVXDA2B4", "SA000777")
ID_ZHANG = "11010519491231002X"  # the GB 11643 sample: born 1949-12-31, female


def members_page(qtbot, window) -> QWidget:
    page = window.page("members")
    assert page is window.pages.currentWidget()  # Members is the first area
    qtbot.waitUntil(lambda: not page.model.loading)
    return page


def result_numbers(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def search_for(qtbot, page, text: str) -> list[str]:
    """Type into the search box and press Enter, as staff do with a customer's card."""
    type_into(qtbot, page, "search", text)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.model.loading and not page._debounce.isActive())
    return result_numbers(page)


def register(db, actor, name="张三", mobile="13800138000", vehicles=(), **changes):
    data = MemberInput(name=name, mobile=mobile, privacy_consent=True, **changes)
    return members.register_member(db, actor, data, vehicles)


def press(qtbot, dialog, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(dialog.focusWidget(), key, modifier)


def tab_to(qtbot, dialog, name: str, limit: int = 40) -> QWidget:
    """Press Tab until the named field has the focus (as a person would)."""
    for _ in range(limit):
        if dialog.focusWidget() is not None and dialog.focusWidget().objectName() == name:
            return dialog.focusWidget()
        press(qtbot, dialog, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; stuck at {dialog.focusWidget()}")


def type_here(qtbot, dialog, text: str) -> None:
    type_text(qtbot, dialog.focusWidget(), text)


def loaded_child(qtbot, parent, name: str, kind=QLabel):
    """A widget that appears once the 360 view has loaded the member."""
    qtbot.waitUntil(lambda: parent.findChild(kind, name) is not None)
    return parent.findChild(kind, name)


def error_of(parent, name: str) -> QLabel:
    return child(parent, f"{name}_error", QLabel)


def test_register_a_member_with_a_vehicle_by_keyboard_only(qtbot, db, people, open_window):
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, "member_dialog")
    assert dialog.focusWidget() is child(dialog, "name")
    type_here(qtbot, dialog, "王小明")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    type_here(qtbot, dialog, "139 1234 5678")
    tab_to(qtbot, dialog, "resident_id")
    type_here(qtbot, dialog, ID_ZHANG)
    assert child(dialog, "birthday").value() == date(1949, 12, 31)  # read from the ID number
    tab_to(qtbot, dialog, "tags")
    type_here(qtbot, dialog, "试驾，新能源")
    tab_to(qtbot, dialog, "privacy_consent")
    press(qtbot, dialog, Qt.Key.Key_Space)
    tab_to(qtbot, dialog, "add_vehicle")
    press(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.focusWidget().objectName() == "vehicle0.vin"
    for text in (VIN2, "星途 S7", "京A12345", "20250612", "158,000.50"):
        type_here(qtbot, dialog, text)
        press(qtbot, dialog, Qt.Key.Key_Tab)
    press(qtbot, dialog, Qt.Key.Key_Return)  # Enter moves on; it never saves
    assert dialog.isVisible() and members.search(db, people.admin, MemberFilter()) == []

    press(qtbot, dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: visible("member_dialog") is None)
    [row] = members.search(db, people.clerk, MemberFilter(text="13912345678"))
    qtbot.waitUntil(lambda: result_numbers(page) == [row.member_number])
    assert page.search.text() == row.member_number
    assert page.table.selectionModel().isRowSelected(0)
    detail = members.get_member(db, people.clerk, row.id)
    assert (detail.name, detail.gender, detail.tags) == ("王小明", "female", ["新能源", "试驾"])
    [vehicle] = detail.vehicles
    assert (vehicle.vin, vehicle.model, vehicle.plate) == (VIN2, "星途 S7", "京A12345")
    assert (vehicle.purchase_date, vehicle.purchase_amount_fen) == (date(2025, 6, 12), 15800050)


def test_messages_appear_next_to_the_fields_as_you_type(qtbot, open_window):
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    click(qtbot, page, "new_member")
    dialog = open_dialog(qtbot, "member_dialog")
    type_into(qtbot, dialog, "mobile", "12345678901")
    assert error_of(dialog, "mobile").isVisible()
    assert "11 digits starting with 13" in error_of(dialog, "mobile").text()
    type_into(qtbot, dialog, "mobile", "1391234")  # not finished yet: no message while typing
    assert not error_of(dialog, "mobile").isVisible()
    qtbot.keyClick(child(dialog, "mobile"), Qt.Key.Key_Tab)
    assert error_of(dialog, "mobile").isVisible()  # ... but when leaving the field
    type_into(qtbot, dialog, "mobile", "13912345678")
    assert not error_of(dialog, "mobile").isVisible()

    click(qtbot, dialog, "add_vehicle")
    type_into(qtbot, dialog, "vehicle0.vin", "LVXDA2B4OSA000001")
    vin_error = error_of(dialog, "vehicle0.vin")
    assert vin_error.isVisible() and "I, O or Q" in vin_error.text()
    type_into(qtbot, dialog, "vehicle0.purchase_amount", "12.345")
    assert "amount in yuan" in error_of(dialog, "vehicle0.purchase_amount").text()


def test_save_puts_every_service_error_next_to_its_field(qtbot, db, people, open_window):
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    click(qtbot, page, "new_member")
    dialog = open_dialog(qtbot, "member_dialog")
    click(qtbot, dialog, "add_vehicle")
    click(qtbot, dialog, "save")
    qtbot.waitUntil(lambda: error_of(dialog, "privacy_consent").isVisible())
    assert error_of(dialog, "name").text() == "Please enter the name."
    assert error_of(dialog, "mobile").isVisible()
    assert error_of(dialog, "vehicle0.vin").text() == "Please enter the VIN."
    assert error_of(dialog, "vehicle0.model").text() == "Enter the vehicle model."
    assert dialog.focusWidget() is child(dialog, "name")  # the first bad field
    assert members.search(db, people.admin, MemberFilter()) == []


def test_a_duplicate_mobile_is_refused_with_a_way_to_the_member(qtbot, db, people, open_window):
    first = register(db, people.clerk, mobile="13800138000")
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    click(qtbot, page, "new_member")
    dialog = open_dialog(qtbot, "member_dialog")
    type_into(qtbot, dialog, "name", "李四")
    type_into(qtbot, dialog, "mobile", "138-0013-8000")
    qtbot.keyClick(child(dialog, "privacy_consent"), Qt.Key.Key_Space)
    click(qtbot, dialog, "save")
    button = child(dialog, "open_duplicate", QPushButton)
    qtbot.waitUntil(button.isVisible)
    assert button.text() == f"Open member {first.member_number}"
    assert f"already belongs to member {first.member_number}" in error_of(dialog, "mobile").text()
    assert len(members.search(db, people.admin, MemberFilter())) == 1
    click(qtbot, dialog, "open_duplicate")
    view = open_dialog(qtbot, "member_view")
    header = child(view, "header", QLabel)
    qtbot.waitUntil(lambda: first.member_number in header.text())
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # Esc closes the 360 view
    assert visible("member_view") is None


@pytest.fixture
def zhang(db, people):
    """张三 with an ID number and a vehicle, and 李四 so that every search must choose."""
    register(db, people.clerk, name="李四", mobile="13900009999")
    return register(
        db,
        people.clerk,
        resident_id=ID_ZHANG,
        vehicles=[VehicleInput(VIN1, "星途 S7", "京A12345")],
    )


def test_search_finds_the_member_by_every_key(qtbot, zhang, open_window):
    window = open_window(Role.ADMIN)
    page = members_page(qtbot, window)
    assert len(result_numbers(page)) == 2
    for text in (
        zhang.member_number,
        "13800138000",
        "8000",
        VIN1,
        VIN1[-6:],
        "京A12345",
        ID_ZHANG,
        "张三",
        "zs",
    ):
        assert search_for(qtbot, page, text) == [zhang.member_number], text
    type_into(qtbot, page, "search", "lisi")  # no Enter: the search starts by itself
    qtbot.waitUntil(lambda: result_numbers(page) not in ([], [zhang.member_number]))
    assert child(page, "status", QLabel).text() == "Members loaded: 1"
    assert search_for(qtbot, page, "王") == []
    assert child(page, "status", QLabel).text() == "No member matches."


def test_masking_follows_the_role_and_other_dealers_stay_masked(qtbot, db, people, open_window):
    other = staff.save_dealer(
        db, people.admin, staff.DealerInput("SHA01", "上海浦东服务中心", "华东", "上海市", "上海市")
    )
    ref = register(db, people.admin, mobile="13700001234", dealer_id=other.id)

    auditor = members_page(qtbot, open_window(Role.AUDITOR))
    assert auditor.model.index(0, 2).data() == "137****1234"
    assert auditor.model.index(0, 1).data(Qt.ItemDataRole.FontRole).italic()  # marked
    admin = members_page(qtbot, open_window(Role.ADMIN))
    assert admin.model.index(0, 2).data() == "13700001234"
    assert not admin.model.index(0, 1).data(Qt.ItemDataRole.FontRole)

    clerk = members_page(qtbot, open_window(Role.CLERK))
    assert search_for(qtbot, clerk, "13700001234") == [ref.member_number]  # a walk-in
    assert clerk.model.index(0, 2).data() == "137****1234"
    table = child(clerk, "results", QTableView)
    rect = table.visualRect(clerk.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = open_dialog(qtbot, "member_view")
    value = loaded_child(qtbot, view, "value_mobile")
    qtbot.waitUntil(lambda: value.text() == "137****1234")
    assert not [b for b in view.findChildren(QPushButton) if b.objectName().startswith("reveal")]


def test_auditor_opens_a_member_read_only_without_reveal(qtbot, db, people, open_window):
    register(db, people.clerk)
    page = members_page(qtbot, open_window(Role.AUDITOR))
    assert page.findChild(QPushButton, "new_member") is None
    table = child(page, "results", QTableView)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)  # Enter opens the 360 view
    view = open_dialog(qtbot, "member_view")
    value = loaded_child(qtbot, view, "value_mobile")
    qtbot.waitUntil(lambda: value.text() == "138****8000")
    assert view.findChild(QPushButton, "reveal_mobile") is None
    assert not any(child(view, name).isVisible() for name in ("edit", "freeze", "close_member"))


def test_clerk_has_the_new_member_button(qtbot, open_window):
    page = members_page(qtbot, open_window(Role.CLERK))
    assert child(page, "new_member", QPushButton).isVisible()


def test_freezing_needs_a_reason(qtbot, db, people, open_window):
    ref = register(db, people.clerk)
    page = members_page(qtbot, open_window(Role.CLERK))
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = open_dialog(qtbot, "member_view")
    freeze = child(view, "freeze", QPushButton)
    qtbot.waitUntil(freeze.isVisible)
    click(qtbot, view, "freeze")
    dialog = open_dialog(qtbot, "status_dialog")
    assert not child(dialog, "ok", QPushButton).isEnabled()
    type_into(qtbot, dialog, "reason", "   ")
    assert not child(dialog, "ok", QPushButton).isEnabled()
    type_into(qtbot, dialog, "reason", "会员卡丢失")
    click(qtbot, dialog, "ok")
    unfreeze = child(view, "unfreeze", QPushButton)
    qtbot.waitUntil(unfreeze.isVisible)
    assert "Frozen" in child(view, "header", QLabel).text()
    assert members.get_member(db, people.clerk, ref.id).status_reason == "会员卡丢失"
    qtbot.waitUntil(lambda: page.model.index(0, 5).data() == "Frozen")  # the list follows


def test_closing_asks_for_confirmation_and_erases_personal_data(qtbot, db, people, open_window):
    ref = register(db, people.clerk)
    page = members_page(qtbot, open_window(Role.CLERK))
    page.open_member(0)
    view = open_dialog(qtbot, "member_view")
    qtbot.waitUntil(lambda: child(view, "close_member").isVisible())
    click(qtbot, view, "close_member")
    dialog = open_dialog(qtbot, "status_dialog")
    type_into(qtbot, dialog, "reason", "本人申请注销")
    assert not child(dialog, "ok").isEnabled()  # the erasure must be confirmed
    click(qtbot, dialog, "confirm")
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: members.get_member(db, people.admin, ref.id).status == "closed")
    assert members.get_member(db, people.admin, ref.id).mobile is None


def test_the_list_loads_more_rows_when_scrolled(qtbot, db, people, open_window):
    for i in range(250):
        register(db, people.clerk, name="测试", mobile=f"139{i:08d}")
    page = members_page(qtbot, open_window(Role.ADMIN))
    assert page.model.rowCount() == 100
    assert child(page, "status", QLabel).text() == "Members loaded: 100; scroll down for more"
    table = child(page, "results", QTableView)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 250)
    numbers = result_numbers(page)
    assert numbers == sorted(numbers) and len(set(numbers)) == 250
    qtbot.waitUntil(lambda: child(page, "status", QLabel).text() == "Members loaded: 250")


def test_only_member_number_and_join_date_sort(qtbot, db, people, open_window):
    old = register(db, people.clerk, mobile="13900000001", join_date=date(2026, 2, 1))
    new = register(db, people.clerk, mobile="13900000002", join_date=date(2025, 1, 1))
    page = members_page(qtbot, open_window(Role.CLERK))
    assert result_numbers(page) == [old.member_number, new.member_number]
    header = page.table.horizontalHeader()

    def click_header(column: int) -> None:
        pos = QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.waitUntil(lambda: not page.model.loading)

    click_header(6)
    qtbot.waitUntil(lambda: result_numbers(page) == [new.member_number, old.member_number])
    click_header(1)  # names are not sortable: the order stays by join date
    assert result_numbers(page) == [new.member_number, old.member_number]
    assert header.sortIndicatorSection() == 6
    click_header(0)
    qtbot.waitUntil(lambda: result_numbers(page) == [old.member_number, new.member_number])


def test_filters_narrow_the_list(qtbot, db, people, open_window):
    register(db, people.clerk, mobile="13900000001", tags=("试驾",))
    ref = register(db, people.clerk, mobile="13900000002", join_date=date(2025, 1, 1))
    members.change_status(db, people.clerk, ref.id, "frozen", "lost card")
    page = members_page(qtbot, open_window(Role.ADMIN))
    status = child(page, "status_filter")
    status.setCurrentIndex(status.findData("frozen"))
    qtbot.waitUntil(lambda: result_numbers(page) == [ref.member_number])
    status.setCurrentIndex(0)
    tag = child(page, "tag_filter")
    qtbot.waitUntil(lambda: tag.count() == 2)
    tag.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(result_numbers(page)) == 1)
    assert result_numbers(page) != [ref.member_number]
    assert child(page, "dealer_filter").isVisible()  # headquarters users choose a dealer


def test_ctrl_f_focuses_the_search_and_esc_closes_a_clean_form(qtbot, open_window):
    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is page.search
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, "member_dialog")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert visible("member_dialog") is None

    window.activateWindow()  # a window manager would do this when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.search, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, "member_dialog")
    type_into(qtbot, dialog, "name", "张三")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)  # entries: asks first
    assert dialog.isVisible() and "Press Esc" in child(dialog, "error", QLabel).text()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert visible("member_dialog") is None


def open_view(qtbot, page, row: int = 0) -> QWidget:
    page.table.setFocus()
    page.table.selectRow(row)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    view = open_dialog(qtbot, "member_view")
    qtbot.waitUntil(lambda: view.detail is not None)
    return view


def test_edit_from_the_360_view(qtbot, db, people, open_window):
    ref = register(db, people.clerk, province="北京市", city="北京市")
    page = members_page(qtbot, open_window(Role.CLERK))
    view = open_view(qtbot, page)
    assert not child(view, "merge").isVisible()  # merging is for supervisors
    click(qtbot, view, "edit")
    dialog = open_dialog(qtbot, "member_dialog")
    assert child(dialog, "name").text() == "张三"
    assert child(dialog, "city").currentText() == "北京市"
    type_into(qtbot, dialog, "mobile", "13911112222")
    type_into(qtbot, dialog, "interests", "自驾游、摄影")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: loaded_child(qtbot, view, "value_mobile").text() == "13911112222")
    assert members.get_member(db, people.clerk, ref.id).interests == ["摄影", "自驾游"]


def test_add_a_vehicle_and_transfer_one_in(qtbot, db, people, open_window):
    seller = register(db, people.clerk, vehicles=[VehicleInput(VIN1, "星途 S7", "京A12345")])
    buyer = register(db, people.clerk, name="李四", mobile="13900009999")
    page = members_page(qtbot, open_window(Role.CLERK))
    view = open_view(qtbot, page, row=1)
    assert view.detail.id == buyer.id
    view.tabs.setCurrentIndex(1)
    click(qtbot, view, "add_vehicle")
    dialog = open_dialog(qtbot, "vehicle_dialog")
    type_into(qtbot, dialog, "vehicle0.vin", VIN2)
    click(qtbot, dialog, "ok")
    model_error = error_of(dialog, "vehicle0.model")
    qtbot.waitUntil(model_error.isVisible)  # the service's message, next to the field
    type_into(qtbot, dialog, "vehicle0.model", "远航 L6")
    click(qtbot, dialog, "ok")
    table = child(view, "vehicles")
    qtbot.waitUntil(lambda: table.rowCount() == 1)

    click(qtbot, view, "transfer_in")
    dialog = open_dialog(qtbot, "transfer_dialog")
    type_into(qtbot, dialog, "vin", VIN1.lower())
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: table.rowCount() == 2)
    previous = members.get_member(db, people.clerk, seller.id).previous_vehicles
    assert [(p.vin, p.member_number) for p in previous] == [(VIN1, buyer.member_number)]


def test_supervisor_merges_a_duplicate_into_the_open_member(qtbot, db, people, open_window):
    keep = register(db, people.clerk)
    gone = register(db, people.clerk, name="张三", mobile="13900009999")
    page = members_page(qtbot, open_window(Role.SUPERVISOR))
    view = open_view(qtbot, page)
    click(qtbot, view, "merge")
    dialog = open_dialog(qtbot, "merge_dialog")
    type_into(qtbot, dialog, "other_number", "12345678901")
    type_into(qtbot, dialog, "reason", "同一人重复登记")
    click(qtbot, dialog, "ok")
    error = child(dialog, "error", QLabel)
    qtbot.waitUntil(error.isVisible)
    assert "member number is not valid" in error.text()
    type_into(qtbot, dialog, "other_number", gone.member_number)
    click(qtbot, dialog, "ok")
    qtbot.waitUntil(lambda: members.get_member(db, people.admin, gone.id).status == "closed")
    assert members.get_member(db, people.admin, keep.id).status == "active"


def test_import_a_messy_file_from_the_members_page(qtbot, open_window, tmp_path, db, people):
    from openpyxl import Workbook

    from app.adapters import member_workbooks as mx

    keys = ["name", "mobile", "join_date", "dealer_code", "privacy_consent"]
    wb = Workbook()
    sheet = wb.active
    sheet.append([mx.COLUMN_BY_KEY[k].zh for k in keys])
    sheet.append(["李四", " １３９０００００００１ ", "2024/4/1", "bja01", "是"])
    sheet.append(["王五", "13900000002", "2024年5月1日", "BJA01", "yes"])
    sheet.append(["赵六", "12345", "2024-05-01", "BJA01", "是"])
    source = tmp_path / "老用户.xlsx"
    wb.save(source)

    window = open_window(Role.CLERK)
    page = members_page(qtbot, window)
    click(qtbot, page, "import")
    dialog = open_dialog(qtbot, "import_dialog")
    click(qtbot, dialog, "import")  # no file chosen yet
    assert "Choose the file" in child(dialog, "error", QLabel).text()
    type_into(qtbot, dialog, "file", str(source))
    click(qtbot, dialog, "check")
    result = child(dialog, "result", QLabel)
    qtbot.waitUntil(lambda: "Nothing was saved" in result.text(), timeout=15_000)
    assert "2 can be imported, 1 have errors" in result.text()
    assert members.search(db, people.admin, MemberFilter()) == []

    click(qtbot, dialog, "import")
    qtbot.waitUntil(lambda: "Imported 2 of 3 rows" in result.text(), timeout=15_000)
    assert (tmp_path / "老用户-result.xlsx").exists()
    assert len(members.search(db, people.admin, MemberFilter(text="13900000001"))) == 1
