"""Loyalty Desk (会员管理台): back-office for a brand's member loyalty programme."""

__version__ = "0.1.0"
