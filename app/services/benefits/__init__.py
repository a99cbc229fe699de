"""Benefits (issue 13): the catalog and its listing workflow (``catalog``, ``listing``), the
tier benefit matrix (``matrix``), what a member may have now (``offers``), redemption
(``redemption``), vouchers: write-off and cancellation (``vouchers``), the orders list
(``orders``) and the voucher expiry run (``expiry``)."""

from __future__ import annotations

from app.services.benefits.catalog import (
    CatalogFilter,
    ItemInput,
    ItemRow,
    change_stock,
    create_item,
    delist_item,
    get_item,
    get_picture,
    list_items,
    set_picture,
    update_item,
)
from app.services.benefits.expiry import EXPIRY_RUN, commit_expiry, preview_expiry
from app.services.benefits.exports import export_orders, print_matrix
from app.services.benefits.listing import LISTING, submit_for_listing
from app.services.benefits.matrix import Matrix, MatrixItem, read_matrix, save_cell
from app.services.benefits.offers import MemberOffers, Offer, member_offers
from app.services.benefits.orders import OrderFilter, OrderPage, OrderRow, iter_orders, list_orders
from app.services.benefits.redemption import NotAvailable, RedeemInput, redeem
from app.services.benefits.slips import voucher_slip
from app.services.benefits.vouchers import (
    VoucherRow,
    cancel_voucher,
    find_voucher,
    get_voucher,
    write_off,
)

__all__ = [
    "EXPIRY_RUN",
    "LISTING",
    "CatalogFilter",
    "ItemInput",
    "ItemRow",
    "Matrix",
    "MatrixItem",
    "MemberOffers",
    "NotAvailable",
    "Offer",
    "OrderFilter",
    "OrderPage",
    "OrderRow",
    "RedeemInput",
    "VoucherRow",
    "cancel_voucher",
    "change_stock",
    "commit_expiry",
    "create_item",
    "delist_item",
    "export_orders",
    "find_voucher",
    "get_item",
    "get_picture",
    "get_voucher",
    "iter_orders",
    "list_items",
    "list_orders",
    "member_offers",
    "preview_expiry",
    "print_matrix",
    "read_matrix",
    "redeem",
    "save_cell",
    "set_picture",
    "submit_for_listing",
    "update_item",
    "voucher_slip",
    "write_off",
]
