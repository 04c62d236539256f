"""Is the open database sound? SQLite's check, told in Dutch with the way out."""

from __future__ import annotations

import logging

from sqlalchemy import Engine

from steunpunt.db.kernel.errors import DatabaseDamaged
from steunpunt.db.kernel.integrity import quick_check
from steunpunt.services.kernel.use_case import reads

log = logging.getLogger(__name__)

DAMAGED = (
    "De database is beschadigd: een deel van de gegevens kan niet meer goed worden gelezen. "
    "Bewaar eerst wat nog leesbaar is door de lijst van mantelzorgers te exporteren, zet "
    "daarna een reservekopie terug en neem contact op met uw beheerder. Wijzig intussen niets."
)


@reads
def find_damage(engine: Engine) -> DatabaseDamaged | None:
    """The damage SQLite's quick check finds in the database, or None when it is sound."""
    found = quick_check(engine)
    if not found:
        log.info("Database quick check: ok")
        return None
    log.error("Database damaged (%d findings), first: %s", len(found), found[0])
    return DatabaseDamaged(DAMAGED)
