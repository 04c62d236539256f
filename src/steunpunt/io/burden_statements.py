"""The EDIZ-plus statement texts: the steunpunt's licensed wording, or the numbered items shipped.

The exact wording belongs to the published instrument, so Steunpunt ships numbered items
("Uitspraak 1" ...). A steunpunt puts its own ``ediz_plus.json`` (same shape) in its data folder.
"""

from __future__ import annotations

import json
import logging
from importlib import resources
from pathlib import Path

from steunpunt.domain.support.burden import EDIZ_PLUS_ITEMS

log = logging.getLogger(__name__)

FILE_NAME = "ediz_plus.json"


def load_statements(data_dir: Path | None = None) -> tuple[str, ...]:
    """The statements, from ``data_dir/ediz_plus.json`` when it is usable, else the shipped ones."""
    if data_dir is not None:
        own = data_dir / FILE_NAME
        if own.exists():
            try:
                return _statements(own.read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                log.warning("Own EDIZ-plus texts in %s not used: %s", own, error)
    shipped = resources.files("steunpunt.resources") / FILE_NAME
    return _statements(shipped.read_text(encoding="utf-8"))


def _statements(text: str) -> tuple[str, ...]:
    """The ``items`` list: exactly 15 non-empty texts, else ``ValueError``."""
    data = json.loads(text)
    items = data.get("items") if isinstance(data, dict) else None
    if (
        not isinstance(items, list)
        or len(items) != EDIZ_PLUS_ITEMS
        or not all(isinstance(item, str) and item.strip() for item in items)
    ):
        raise ValueError(f"'items' moet {EDIZ_PLUS_ITEMS} teksten bevatten")
    return tuple(item.strip() for item in items)
