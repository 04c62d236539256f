"""Why a backup was made: the last word of its name, and what rotation keeps of a day."""

from __future__ import annotations

MANUAL = "handmatig"
"""The reason in the name of a backup made by hand."""
AUTOMATIC = "automatisch"
"""The reason of a backup made on closing or once a day."""
BEFORE_RESTORE = "voor-terugzetten"
"""The reason of the backup of the current database made before another is put back."""
