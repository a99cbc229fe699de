"""Member value segmentation (会员价值细分, RULES.md §3): versioned weights, the quarterly
run on the batch-run fitting, and the grid, migration and member lists it feeds."""

from app.services.segmentation.queries import (
    Grid,
    MemberCell,
    SegmentationRun,
    SegmentMember,
    cells,
    count_in_cell,
    export_cell,
    member_cell,
    members_in_cell,
    migration,
    previous_run,
    segmentation_runs,
)
from app.services.segmentation.run import (
    NO_DATA,
    SEGMENTATION,
    cell_key,
    commit_segmentation,
    due_quarter_end,
    preview_segmentation,
)
from app.services.segmentation.weights import WeightsRow, current_weights, save_weights

__all__ = [
    "NO_DATA",
    "SEGMENTATION",
    "Grid",
    "MemberCell",
    "SegmentMember",
    "SegmentationRun",
    "WeightsRow",
    "cell_key",
    "cells",
    "commit_segmentation",
    "count_in_cell",
    "current_weights",
    "due_quarter_end",
    "export_cell",
    "member_cell",
    "members_in_cell",
    "migration",
    "preview_segmentation",
    "previous_run",
    "save_weights",
    "segmentation_runs",
]
