"""Screenshots of the main screens, for review and documentation.

    QT_QPA_PLATFORM=offscreen python -m app.ui.shell.screenshots OUTDIR [--lang zh_CN|en]

Builds a small demo database in a temporary folder, signs in through the real dialogs'
services and saves one PNG per screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget


def settle(ms: int = 400) -> None:
    """Let background loads finish and the widgets repaint."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, folder: Path, name: str) -> None:
    widget.show()
    settle()
    path = folder / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    os.environ["LOYALTY_DATA_DIR"] = tempfile.mkdtemp(prefix="loyalty-shots-")
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from app.config import demo_db_path, sqlite_url
    from app.services import demo
    from app.services.settings import get_settings
    from app.services.shared.database import open_database
    from app.services.staff import auth
    from app.ui.settings.connection_dialog import ConnectionDialog
    from app.ui.shared.i18n import install_translators
    from app.ui.shell.login import FirstAdminDialog, SignInDialog, UnlockDialog
    from app.ui.shell.main_window import MainWindow

    install_translators(args.lang)
    db = open_database(sqlite_url(demo_db_path()))
    demo.build_demo(db, 200)
    out, lang = args.outdir, args.lang
    sign_in = SignInDialog()
    sign_in.database_ready(db, demo.demo_sign_ins(), demo.DEMO_PASSWORD)
    save(sign_in, out, f"{lang}-sign-in")
    empty = open_database(sqlite_url(demo_db_path().with_name("empty.sqlite3")))
    save(FirstAdminDialog(empty), out, f"{lang}-first-admin")
    for username, pages in (
        ("admin", ["members", "points", "dealers", "users", "audit", "settings"]),
        ("clerk.bja01", ["members"]),
    ):
        actor = auth.sign_in(db, username, demo.DEMO_PASSWORD)
        window = MainWindow(db, actor, get_settings(db), demo_mode=True)
        window._signing_out = True
        window.resize(1280, 760)
        for key in pages:
            window.nav.setCurrentRow([a.key for a in window.areas].index(key))
            save(window, out, f"{lang}-{username}-{key}")
        if username == "admin":
            save(ConnectionDialog(db.url, window), out, f"{lang}-connection")
            save(UnlockDialog(db, actor, window), out, f"{lang}-unlock")
        window.close()
    _points_screens(db, out, lang)
    _tier_screens(db, out, lang)
    _benefit_screens(db, out, lang)
    _partner_screens(db, out, lang)
    _report_screens(db, out, lang)
    QCoreApplication.processEvents()
    db.close()
    empty.close()
    del app
    return 0


def _points_screens(db, out: Path, lang: str) -> None:
    """The member's Points tab, the record-service preview and the approvals queue."""
    from app.services import demo, members, points
    from app.services.members import MemberFilter
    from app.services.points import adjustments
    from app.services.settings import get_settings
    from app.services.staff import auth
    from app.ui.members.member_view import MemberView
    from app.ui.points.counter_dialogs import RecordServiceDialog
    from app.ui.shell.main_window import MainWindow

    clerk = auth.sign_in(db, "clerk.bja01", demo.DEMO_PASSWORD)
    member = members.search(db, clerk, MemberFilter(dealer_id=clerk.dealer_id), limit=1)[0]
    today = db.clock().date()
    points.record_service(
        db, clerk, points.ServiceInput(member.id, None, "RO-SHOT-1", today, 1_268_000)
    )
    points.use_points(db, clerk, points.UsePointsInput(member.id, 4, "labour", "RO-SHOT-2"))
    adjustments.request_adjustment(
        db, clerk, adjustments.AdjustmentInput(member.id, 200, "goodwill", "维修延误补偿")
    )
    view = MemberView(db, clerk, member.id, today)
    view.tabs.setCurrentWidget(view.points)
    save(view, out, f"{lang}-member-points")
    dialog = RecordServiceDialog(view, db, clerk, member.id, today)
    dialog.document.setText("RO20261204-07")
    dialog.amount.setText("3,680.50")
    settle(900)
    save(dialog, out, f"{lang}-record-service")
    dialog.close()
    view.close()
    supervisor = auth.sign_in(db, "sup.bja01", demo.DEMO_PASSWORD)
    window = MainWindow(db, supervisor, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1280, 760)
    window.nav.setCurrentRow([a.key for a in window.areas].index("approvals"))
    save(window, out, f"{lang}-supervisor-approvals")
    from app.ui.approvals.approvals_page import ApprovalsPage

    page = window.findChild(ApprovalsPage)
    page.table.selectRow(0)
    settle(900)
    save(window, out, f"{lang}-supervisor-approval-detail")
    window.close()


def _tier_screens(db, out: Path, lang: str) -> None:
    """The tiers page: the policy with its distribution, a review previewed (the demo's
    members hold tiers, some due), the policy editor, the history, and a dealer's call list."""
    from app.services import demo
    from app.services.settings import get_settings
    from app.services.staff import auth
    from app.ui.shell.main_window import MainWindow
    from app.ui.tiers.tiers_page import TiersPage

    admin = auth.sign_in(db, "admin", demo.DEMO_PASSWORD)
    window = MainWindow(db, admin, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1280, 760)
    window.nav.setCurrentRow([a.key for a in window.areas].index("tiers"))
    page = window.findChild(TiersPage)
    settle(900)
    save(window, out, f"{lang}-tiers-policy")
    page.policy.new_version()
    settle(600)
    dialog = page.policy.findChild(QWidget, "policy_dialog")
    if dialog is not None:
        save(dialog, out, f"{lang}-tiers-policy-editor")
        dialog.close()
    page.tabs.setCurrentWidget(page.review)
    page.review.preview()
    settle(1500)
    save(window, out, f"{lang}-tiers-review")
    page.tabs.setCurrentWidget(page.at_risk)
    settle(900)
    save(window, out, f"{lang}-tiers-at-risk")
    page.review.commit(page.review.run.as_of)
    settle(2500)
    page.tabs.setCurrentWidget(page.review)
    settle(1200)
    save(window, out, f"{lang}-tiers-review-committed")
    page.tabs.setCurrentWidget(page.runs)
    page.runs.reload()
    settle(900)
    save(window, out, f"{lang}-tiers-history")
    window.close()
    clerk = auth.sign_in(db, "clerk.bja01", demo.DEMO_PASSWORD)
    window = MainWindow(db, clerk, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1280, 760)
    window.nav.setCurrentRow([a.key for a in window.areas].index("tiers"))
    page = window.findChild(TiersPage)
    page.tabs.setCurrentWidget(page.at_risk)
    settle(900)
    save(window, out, f"{lang}-clerk-tiers-at-risk")
    window.close()


def _benefit_screens(db, out: Path, lang: str) -> None:
    """The benefits page (catalog, matrix, orders, expiry) for headquarters; the member's
    benefits tab with its header card, a redemption and the write-off tab at a dealer."""
    from app.services import benefits, demo, members
    from app.services.members import MemberFilter
    from app.services.settings import get_settings
    from app.services.staff import auth
    from app.ui.benefits.benefits_page import BenefitsPage
    from app.ui.benefits.redeem_dialog import RedeemDialog
    from app.ui.members.member_view import MemberView
    from app.ui.shell.main_window import MainWindow

    admin = auth.sign_in(db, "admin", demo.DEMO_PASSWORD)
    window = MainWindow(db, admin, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1280, 760)
    window.nav.setCurrentRow([a.key for a in window.areas].index("benefits"))
    page = window.findChild(BenefitsPage)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        settle(900)
        save(window, out, f"{lang}-benefits-{page.tabs.currentWidget().objectName()}")
    window.close()
    clerk = auth.sign_in(db, "clerk.bja01", demo.DEMO_PASSWORD)
    member = members.search(db, clerk, MemberFilter(dealer_id=clerk.dealer_id), limit=1)[0]
    today = db.clock().date()
    view = MemberView(db, clerk, member.id, today)
    view.resize(1180, 760)
    view.tabs.setCurrentWidget(view.benefits)
    settle(1500)
    save(view, out, f"{lang}-member-benefits")
    offers = benefits.member_offers(db, clerk, member.id)
    offer = next((o for o in offers.offers if o.availability.ok), None)
    if offer is not None:
        dialog = RedeemDialog(view, db, clerk, member.id, offer, offers.available_points, today)
        settle(900)
        save(dialog, out, f"{lang}-redeem")
        dialog.close()
    view.close()
    window = MainWindow(db, clerk, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1280, 760)
    window.nav.setCurrentRow([a.key for a in window.areas].index("benefits"))
    page = window.findChild(BenefitsPage)
    page.tabs.setCurrentWidget(page.write_off)
    orders = benefits.list_orders(db, clerk, benefits.OrderFilter(status="issued"), limit=1)
    if orders.rows:
        page.write_off.code.setText(orders.rows[0].code)
        page.write_off.lookup()
        settle(1200)
    save(window, out, f"{lang}-benefits-write-off")
    window.close()


def _partner_screens(db, out: Path, lang: str) -> None:
    """The partners page for headquarters: an active partner and an overridden admission in
    the registry, the medical comparison, complaints, service levels and the settlement;
    the record, admission, scoring, cooperation mode and weights dialogs."""
    from app.services import demo
    from app.services.partners import cooperation, registry
    from app.services.settings import get_settings
    from app.services.staff import auth
    from app.ui.partners.admission_dialog import AdmissionDialog
    from app.ui.partners.evaluation_dialog import EvaluationDialog
    from app.ui.partners.mode_dialog import ModeDialog
    from app.ui.partners.partner_dialog import PartnerDialog
    from app.ui.partners.partners_page import PartnersPage
    from app.ui.partners.weights_dialog import WeightsDialog
    from app.ui.shell.main_window import MainWindow

    admin = auth.sign_in(db, "admin", demo.DEMO_PASSWORD)
    window = MainWindow(db, admin, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1400, 860)
    window.nav.setCurrentRow([a.key for a in window.areas].index("partners"))
    page = window.findChild(PartnersPage)
    settle(900)
    rows = {row.code: r for r, row in enumerate(page.registry.model.rows)}
    for code in ("PT-KANGNING", "PT-ANJIA"):
        if code in rows:
            page.registry.table.selectRow(rows[code])
            settle(900)
            save(window, out, f"{lang}-partners-registry-{code.lower()}")
    page.comparison.choose_industry("medical")
    for tab in range(1, page.tabs.count()):
        page.tabs.setCurrentIndex(tab)
        settle(1200)
        save(window, out, f"{lang}-partners-{page.tabs.currentWidget().objectName()}")
    today = db.clock().date()
    partner = registry.get_partner(db, admin, page.registry.model.rows[rows["PT-KANGNING"]].id)
    modes = cooperation.list_modes(db, admin, partner.id)
    for name, dialog in (
        ("partner-dialog", PartnerDialog(db, admin, partner, today, window)),
        ("admission-dialog", AdmissionDialog(db, admin, partner, window)),
        ("evaluation-dialog", EvaluationDialog(db, admin, partner, None, window)),
        ("mode-dialog", ModeDialog(db, admin, partner, modes[0] if modes else None, today,
                                   window)),
        ("weights-dialog", WeightsDialog(db, admin, today, window)),
    ):  # fmt: skip
        dialog.show()
        settle(600)
        save(dialog, out, f"{lang}-partners-{name}")
        dialog.close()
    window.close()


def _report_screens(db, out: Path, lang: str) -> None:
    """The reports page for headquarters: last month's report, the outreach lists and the
    value segmentation of two quarter ends (run here: the demo has none)."""
    from app.domain.segmentation import quarter_end_on_or_before
    from app.services import demo, segmentation
    from app.services.settings import get_settings
    from app.services.staff import auth
    from app.ui.reports.reports_page import ReportsPage
    from app.ui.shell.main_window import MainWindow

    latest = quarter_end_on_or_before(db.clock().date())
    earlier = quarter_end_on_or_before(latest.replace(day=1) - timedelta(days=1))
    for as_of in (earlier, latest):
        segmentation.commit_segmentation(db, "admin", as_of)
    admin = auth.sign_in(db, "admin", demo.DEMO_PASSWORD)
    window = MainWindow(db, admin, get_settings(db), demo_mode=True)
    window._signing_out = True
    window.resize(1400, 900)
    window.nav.setCurrentRow([a.key for a in window.areas].index("reports"))
    page = window.findChild(ReportsPage)
    page.monthly.show_report()
    settle(4000)
    save(window, out, f"{lang}-reports-monthly")
    for tab in (page.outreach, page.segmentation):
        page.tabs.setCurrentWidget(tab)
        settle(2000)
        save(window, out, f"{lang}-reports-{tab.objectName()}")
    window.close()


if __name__ == "__main__":
    sys.exit(main())
