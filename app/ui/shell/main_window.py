"""The main window: navigation for every area, status bar, demo banner, idle lock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.roles import Actor, Permission
from app.services import approvals
from app.services.partners import complaints
from app.services.settings import ProgrammeSettings
from app.services.shared.changes import Area as Changed
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.audit.audit_page import AuditPage
from app.ui.settings.settings_page import SettingsPage
from app.ui.shared import events, prefs
from app.ui.shared.events import on_change
from app.ui.shared.labels import programme_name_text, role_name
from app.ui.shared.worker import run_in_background
from app.ui.shell.login import ChangePasswordDialog, UnlockDialog
from app.ui.shell.placeholder import PlaceholderPage
from app.ui.staff.staff_pages import DealersPage, UsersPage

ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.MouseMove,
}


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    permission: Permission | None  # None: every role sees it
    build: Callable[[MainWindow], QWidget] | None  # None: arrives with later work
    coming: str = ""  # what the later work brings, shown meanwhile


class IdleWatcher(QObject):
    """Restarts a single-shot timer on any keyboard or mouse activity in the application."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() in ACTIVITY_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def pause(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(
        self,
        db: Database,
        actor: Actor,
        programme: ProgrammeSettings,
        demo_mode: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.db, self.actor, self.programme = db, actor, programme
        self._signing_out = False
        self._lock_dialog: UnlockDialog | None = None
        self.setWindowTitle(window_title(programme.programme_name))
        self.resize(1200, 760)
        self.areas = self._areas()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 7px 10px; }"
        )
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self._pages_built: dict[str, QWidget] = {}
        for area in self.areas:
            item = QListWidgetItem(area.title)
            item.setData(Qt.ItemDataRole.UserRole, area.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._open_area)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        if demo_mode:
            layout.addWidget(self._demo_banner())
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._build_status_bar()
        self.set_pending_approvals(0)
        self.refresh_pending_approvals()
        self.badge_timer = QTimer(self)
        self.badge_timer.setInterval(60_000)
        self.badge_timer.timeout.connect(self.refresh_pending_approvals)
        self.badge_timer.timeout.connect(self.refresh_overdue_complaints)
        self.badge_timer.start()
        on_change(self, {Changed.APPROVALS}, self.refresh_pending_approvals)
        self.refresh_overdue_complaints()
        on_change(self, {Changed.PARTNERS}, self.refresh_overdue_complaints)
        events.bus().account_changed.connect(self.lock)  # sign in again, or not at all
        self.nav.setCurrentRow(0)

        self.idle = IdleWatcher(programme.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        geometry = prefs.settings().value(prefs.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _areas(self) -> list[Area]:
        """The navigation, one row per area: who sees it and how its page is built."""
        P = Permission
        all_areas = [
            Area("members", self.tr("Members"), P.VIEW_MEMBERS, _members_page),
            Area("points", self.tr("Points"), P.VIEW_MEMBERS, _points_page),
            Area("approvals", self.tr("Approvals"), P.APPROVE, _approvals_page),
            Area("tiers", self.tr("Tiers"), P.VIEW_MEMBERS, _tiers_page),
            Area("benefits", self.tr("Benefits"), P.VIEW_MEMBERS, _benefits_page),
            Area("partners", self.tr("Partners"), P.VIEW_PARTNERS, _partners_page),
            Area("campaigns", self.tr("Campaigns"), P.VIEW_REPORTS, None,
                 self.tr("Targeted bonus campaigns and tasks for member segments.")),
            Area("reports", self.tr("Reports"), P.VIEW_REPORTS, _reports_page),
            Area("dealers", self.tr("Dealers"), P.VIEW_DEALERS, _dealers_page),
            Area("users", self.tr("Staff users"), P.VIEW_USERS, _users_page),
            Area("audit", self.tr("Audit trail"), P.VIEW_AUDIT, _audit_page),
            Area("settings", self.tr("Settings"), None, _settings_page),
        ]  # fmt: skip
        return [a for a in all_areas if a.permission is None or self.actor.can(a.permission)]

    def _page(self, area: Area) -> QWidget:
        if area.build is None:
            return PlaceholderPage(area.title, area.coming)
        page = area.build(self)
        if hasattr(page, "member_requested"):  # pages listing members open them one way
            page.member_requested.connect(self.open_member)
        return page

    def _open_area(self, row: int) -> None:
        if row < 0:
            return
        key = self.areas[row].key
        if key not in self._pages_built:  # built on first visit: start-up stays fast
            page = self._page(self.areas[row])
            page.setObjectName(f"page_{key}")
            self._pages_built[key] = page
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(self._pages_built[key])

    def open_member(self, member_id: int) -> None:
        from app.ui.members.member_view import MemberView

        today = today_in(self.db, self.programme.timezone)
        view = MemberView(self.db, self.actor, member_id, today, self)
        view.show()

    def find_member(self) -> None:
        """The members search box, focused with its text selected: the next customer."""
        row = next((i for i, area in enumerate(self.areas) if area.key == "members"), None)
        if row is None:
            return
        self.nav.setCurrentRow(row)
        self.raise_()
        self.activateWindow()
        self._pages_built["members"].focus_search()

    def refresh_pending_approvals(self) -> None:
        """The navigation badge: requests waiting for this user's decision."""
        if self.actor.can(Permission.APPROVE):
            db, actor = self.db, self.actor
            run_in_background(
                lambda: approvals.pending_count(db, actor),
                self.set_pending_approvals,
                lambda _exc: None,  # a badge is not worth an error dialog; retried soon
            )

    def page(self, key: str) -> QWidget | None:
        return self._pages_built.get(key)

    def refresh_overdue_complaints(self) -> None:
        """The Partners badge: open complaints past their 24-hour limits (as one sees them)."""
        if self.actor.can(Permission.HANDLE_COMPLAINTS):
            db, actor = self.db, self.actor
            run_in_background(
                lambda: complaints.overdue_count(db, actor),
                lambda count: self.set_badge("partners", count),
                lambda _exc: None,
                owner=self,
            )

    def set_pending_approvals(self, count: int) -> None:
        self.set_badge("approvals", count)

    def set_badge(self, key: str, count: int) -> None:
        """An area's navigation entry with a count after its title (none at zero)."""
        for row, area in enumerate(self.areas):
            if area.key == key:
                text = area.title if not count else f"{area.title}  ({count})"
                self.nav.item(row).setText(text)

    def _demo_banner(self) -> QLabel:
        banner = QLabel(self.tr("DEMO DATABASE — sample data only; nothing here is real."))
        banner.setObjectName("demo_banner")
        banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        banner.setStyleSheet(
            "background:#fff3cd; color:#664d03; padding:6px; font-weight:bold;"
            "border:1px solid #ffe69c;"
        )
        return banner

    def _build_menu(self) -> None:
        account = self.menuBar().addMenu(self.tr("&Account"))
        change = QAction(self.tr("Change password…"), self)
        change.triggered.connect(self._change_password)
        lock = QAction(self.tr("Lock"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock)
        sign_out = QAction(self.tr("Sign out"), self)
        sign_out.triggered.connect(self.sign_out)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (change, lock, sign_out):
            account.addAction(action)
        account.addSeparator()
        account.addAction(quit_action)
        find = QAction(self.tr("Find member"), self)
        find.setObjectName("find_member")
        find.setShortcut(QKeySequence.StandardKey.Find)  # Ctrl+F from every area
        find.triggered.connect(self.find_member)
        self.addAction(find)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About Loyalty Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        dealer = self.actor.dealer_name or self.tr("Headquarters")
        for name, text in (
            (
                "status_user",
                self.tr("User: {name} ({user})").format(
                    name=self.actor.display_name, user=self.actor.username
                ),
            ),
            ("status_role", self.tr("Role: {role}").format(role=role_name(self.actor.role))),
            ("status_dealer", self.tr("Dealer: {dealer}").format(dealer=dealer)),
            ("status_database", self.tr("Database: {db}").format(db=self.db.description)),
        ):
            label = QLabel(text)
            label.setObjectName(name)
            bar.addPermanentWidget(label)

    def programme_changed(self, values: ProgrammeSettings) -> None:
        self.programme = values
        self.idle.set_minutes(values.idle_lock_minutes)

    def lock(self) -> None:
        if self._lock_dialog is not None:
            return
        self.idle.pause()
        self.centralWidget().hide()
        dialog = UnlockDialog(self.db, self.actor, self)
        dialog.setObjectName("unlock_dialog")
        dialog.unlocked.connect(self._unlocked)
        dialog.sign_out.connect(self.sign_out)
        self._lock_dialog = dialog
        dialog.open()

    def _unlocked(self, _actor: Actor) -> None:
        self._lock_dialog = None
        self.centralWidget().show()
        self.idle.resume()

    def _change_password(self) -> None:
        dialog = ChangePasswordDialog(self.db, self.actor, forced=False, parent=self)
        dialog.setObjectName("change_password_dialog")
        dialog.changed.connect(lambda actor: setattr(self, "actor", actor))
        dialog.open()

    def _about(self) -> None:
        from app.ui.shell.about import AboutDialog

        dialog = AboutDialog(self.db, self)
        dialog.setObjectName("about_dialog")
        dialog.open()

    def sign_out(self) -> None:
        self._lock_dialog = None
        self._signing_out = True
        self.close()
        self.signed_out.emit()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        prefs.settings().setValue(prefs.GEOMETRY, self.saveGeometry())
        self.idle.stop()
        super().closeEvent(event)
        if not self._signing_out:
            QApplication.quit()


# The pages, built on first visit; the big ones are imported then too (a fast start-up).


def _members_page(window: MainWindow) -> QWidget:
    from app.ui.members.members_page import MembersPage

    return MembersPage(window.db, window.actor, window.programme.timezone)


def _points_page(window: MainWindow) -> QWidget:
    from app.ui.points.points_page import PointsPage

    return PointsPage(window.db, window.actor, window.programme.timezone)


def _tiers_page(window: MainWindow) -> QWidget:
    from app.ui.tiers.tiers_page import TiersPage

    return TiersPage(window.db, window.actor, window.programme.timezone)


def _benefits_page(window: MainWindow) -> QWidget:
    from app.ui.benefits.benefits_page import BenefitsPage

    return BenefitsPage(window.db, window.actor, window.programme.timezone)


def _partners_page(window: MainWindow) -> QWidget:
    from app.ui.partners.partners_page import PartnersPage

    return PartnersPage(window.db, window.actor)


def _reports_page(window: MainWindow) -> QWidget:
    from app.ui.reports.reports_page import ReportsPage

    return ReportsPage(window.db, window.actor)


def _approvals_page(window: MainWindow) -> QWidget:
    from app.ui.approvals.approvals_page import ApprovalsPage

    return ApprovalsPage(window.db, window.actor)


def _dealers_page(window: MainWindow) -> QWidget:
    return DealersPage(window.db, window.actor)


def _users_page(window: MainWindow) -> QWidget:
    return UsersPage(window.db, window.actor)


def _audit_page(window: MainWindow) -> QWidget:
    return AuditPage(window.db, window.actor, window.programme.timezone)


def _settings_page(window: MainWindow) -> QWidget:
    page = SettingsPage(window.db, window.actor)
    page.settings_changed.connect(window.programme_changed)
    return page


def window_title(programme_name: str) -> str:
    """ "会员管理台 — 某品牌车主俱乐部"; only the application's name while the programme keeps
    its default name (the same words twice, or English in a Chinese title, help nobody)."""
    app_name = QCoreApplication.translate("MainWindow", "Loyalty Desk")
    name = programme_name_text(programme_name)
    return app_name if name == app_name else f"{app_name} — {name}"
