"""Programme settings shared by every desktop (``programme``) and backups (``backups``)."""

from __future__ import annotations

from app.services.settings.programme import (
    ProgrammeSettings,
    expiry_policy,
    get_settings,
    read_settings,
    update_settings,
    write_setting,
)

__all__ = [
    "ProgrammeSettings",
    "expiry_policy",
    "get_settings",
    "read_settings",
    "update_settings",
    "write_setting",
]
