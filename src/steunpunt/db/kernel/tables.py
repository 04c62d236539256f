"""Every feature's tables in one metadata, for migrations and for tests that compare schemas."""

from __future__ import annotations

from steunpunt.db.caregivers import models as caregivers
from steunpunt.db.compliment import models as compliment
from steunpunt.db.duplicates import models as duplicates
from steunpunt.db.imports import models as imports
from steunpunt.db.kernel import audit, office_setting, staff
from steunpunt.db.kernel.base import Base
from steunpunt.db.letters import models as letters
from steunpunt.db.support import models as support
from steunpunt.db.today import models as today

FEATURE_MODELS = (
    staff,
    office_setting,
    audit,
    caregivers,
    compliment,
    letters,
    support,
    today,
    imports,
    duplicates,
)
"""The modules (kernel and features) whose import registers their tables on ``Base.metadata``."""

metadata = Base.metadata
