"""The demo database: realistic members, vehicles and a consistent ledger (``demo_data``)."""

from __future__ import annotations

from app.services.demo.demo_data import DEMO_PASSWORD, DemoSummary, build_demo, demo_sign_ins

__all__ = ["DEMO_PASSWORD", "DemoSummary", "build_demo", "demo_sign_ins"]
