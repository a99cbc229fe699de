"""Members and their vehicles: registration and changes, search, the 360 view, merging,
and the import and export workbooks (``workbooks``). The names below are the area's use cases."""

from __future__ import annotations

from app.domain.members import (
    CHANNELS,
    INCOME_BANDS,
    STATUSES,
    FormInvalid,
    MemberInput,
    VehicleInput,
    masked_search_text,
)
from app.services.members.merge import (
    merge_members,
)
from app.services.members.records import (
    DuplicateMember,
    MemberRef,
    add_vehicle,
    anonymise,
    change_status,
    load_member,
    register_member,
    set_search_keys,
    transfer_vehicle,
    update_member,
)
from app.services.members.search import (
    SORTS,
    MemberFilter,
    MemberRow,
    search,
    sort_key,
    tags_in_use,
)
from app.services.members.view import (
    MemberDetail,
    OwnershipRow,
    VehicleRow,
    get_member,
)

__all__ = [
    "CHANNELS",
    "DuplicateMember",
    "FormInvalid",
    "INCOME_BANDS",
    "MemberDetail",
    "MemberFilter",
    "MemberInput",
    "MemberRef",
    "MemberRow",
    "OwnershipRow",
    "SORTS",
    "STATUSES",
    "VehicleInput",
    "VehicleRow",
    "add_vehicle",
    "anonymise",
    "change_status",
    "get_member",
    "load_member",
    "masked_search_text",
    "merge_members",
    "register_member",
    "search",
    "set_search_keys",
    "sort_key",
    "tags_in_use",
    "transfer_vehicle",
    "update_member",
]
