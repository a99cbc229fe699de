"""ORM models. The schema itself is created and changed only by the Alembic migrations.

Conventions every table follows: points are integers, money is integer fen, timestamps are
stored as UTC (``UtcDateTime``), business dates are plain calendar dates.

One module per area (``members``, ``points``, ``tiers``…); every model is named here too,
so ``from app.db.models import Member`` works for all of them.
"""

from app.db.models.base import Base, UtcDateTime, big_pk, fen, int_pk, utc
from app.db.models.benefits import Benefit, BenefitDealer, BenefitPicture, TierEntitlement, Voucher
from app.db.models.fittings import ApprovalRequest, BatchRun
from app.db.models.foundation import AuditEntry, AuditHead, Dealer, ProgrammeSetting, StaffUser
from app.db.models.members import (
    ImportJob,
    ImportRow,
    Member,
    MemberTag,
    ServiceOrder,
    Vehicle,
    VehicleOwnership,
)
from app.db.models.partners import (
    Partner,
    PartnerAdmission,
    PartnerComplaint,
    PartnerEvaluation,
    PartnerMode,
    PartnerStatusChange,
    PartnerWeights,
)
from app.db.models.points import (
    AdjustmentReason,
    EarningRule,
    LedgerEntry,
    LotAllocation,
    PointHold,
    PointLot,
    PointsAccount,
)
from app.db.models.segmentation import MemberSegment, SegmentationWeights
from app.db.models.tiers import MemberTier, TierChange, TierPolicyVersion

__all__ = [
    "AdjustmentReason",
    "ApprovalRequest",
    "AuditEntry",
    "AuditHead",
    "Base",
    "BatchRun",
    "Benefit",
    "BenefitDealer",
    "BenefitPicture",
    "Dealer",
    "EarningRule",
    "ImportJob",
    "ImportRow",
    "LedgerEntry",
    "LotAllocation",
    "Member",
    "MemberSegment",
    "MemberTag",
    "MemberTier",
    "Partner",
    "PartnerAdmission",
    "PartnerComplaint",
    "PartnerEvaluation",
    "PartnerMode",
    "PartnerStatusChange",
    "PartnerWeights",
    "PointHold",
    "PointLot",
    "PointsAccount",
    "ProgrammeSetting",
    "SegmentationWeights",
    "ServiceOrder",
    "StaffUser",
    "TierChange",
    "TierEntitlement",
    "TierPolicyVersion",
    "UtcDateTime",
    "Vehicle",
    "VehicleOwnership",
    "Voucher",
    "big_pk",
    "fen",
    "int_pk",
    "utc",
]
