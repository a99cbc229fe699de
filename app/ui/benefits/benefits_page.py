"""Benefits (权益): one page with a tab per task — the catalog, the tier benefit matrix, the
orders (redemptions) and, for counter staff, the write-off of vouchers."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.roles import Actor, Permission
from app.services.shared.database import Database
from app.services.shared.scope import today_in
from app.ui.benefits.catalog_tab import CatalogTab
from app.ui.benefits.expiry_tab import VoucherExpiryTab
from app.ui.benefits.matrix_tab import MatrixTab
from app.ui.benefits.orders_tab import OrdersTab
from app.ui.benefits.write_off_tab import WriteOffTab


class BenefitsPage(QWidget):
    """Everyone reads the catalog, the matrix and the orders; headquarters with
    MANAGE_BENEFITS edit the first two; staff with USE_BENEFITS write vouchers off."""

    def __init__(self, db: Database, actor: Actor, timezone: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.timezone = db, actor, timezone
        self.tabs = QTabWidget()
        self.tabs.setObjectName("benefits_tabs")
        self.write_off: WriteOffTab | None = None
        if actor.can(Permission.USE_BENEFITS):
            self.write_off = WriteOffTab(db, actor, self.today)
            self.write_off.setObjectName("write_off_tab")
        self.catalog = CatalogTab(db, actor, self.today)
        self.catalog.setObjectName("catalog_tab")
        self.matrix = MatrixTab(db, actor)
        self.matrix.setObjectName("matrix_tab")
        self.orders = OrdersTab(db, actor, self.today)
        self.orders.setObjectName("orders_tab")
        self.tabs.addTab(self.catalog, self.tr("Catalog"))
        self.tabs.addTab(self.matrix, self.tr("Tier benefit matrix"))
        self.tabs.addTab(self.orders, self.tr("Orders"))
        self.expiry: VoucherExpiryTab | None = None
        if actor.can(Permission.MANAGE_BENEFITS):
            self.expiry = VoucherExpiryTab(db, actor, self.today())
            self.expiry.setObjectName("voucher_expiry_tab")
            self.tabs.addTab(self.expiry, self.tr("Voucher expiry"))
        if self.write_off is not None:
            self.tabs.addTab(self.write_off, self.tr("Write-off"))
            self.tabs.setCurrentWidget(self.write_off)  # the counter's everyday task
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(QLabel("<h2>" + self.tr("Benefits") + "</h2>"))
        header.addStretch(1)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def today(self) -> date:
        return today_in(self.db, self.timezone)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
