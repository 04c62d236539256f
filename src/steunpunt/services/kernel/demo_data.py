"""Adding demo data to a register: a beheerder's use case, recorded in the audit trail."""

from __future__ import annotations

from collections.abc import Callable

from steunpunt.domain.audit import AuditKind
from steunpunt.services.kernel.actor import Actor
from steunpunt.services.kernel.audit_log import AuditService
from steunpunt.services.kernel.use_case import writes


@writes
def add_demo_data(audit: AuditService, actor: Actor, fill: Callable[[], int]) -> int:
    """Run ``fill``, which writes made-up caregivers past the services and says how many, and
    record it. Only a beheerder may: the demo's data mixes with the register's own."""
    added = fill()
    audit.note(actor, AuditKind.CREATED, details={"demogegevens": added})
    return added
