"""The letter log's memory of what was printed: each letter whole, each mailing's house style."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from steunpunt.db.letters.models import HouseStyleSnapshot
from steunpunt.domain.address import Address
from steunpunt.domain.letters.house_style import HouseStyle
from steunpunt.letters.address_block import Recipient
from steunpunt.letters.letter import Letter

_ADDRESS_PARTS = ("street", "house_number", "house_number_suffix", "postcode", "place")


def printed_json(letter: Letter) -> str:
    """A letter as printed: its name lines, its address and every merge value, as JSON."""
    address = letter.recipient.address
    return json.dumps(
        {
            "names": list(letter.recipient.names),
            "address": {part: getattr(address, part) for part in _ADDRESS_PARTS},
            "values": dict(letter.values),
        },
        ensure_ascii=False,
    )


def printed_letter(text: str) -> Letter | None:
    """The letter kept by :func:`printed_json`; None for a letter logged before it was kept."""
    if not text:
        return None
    data: dict[str, Any] = json.loads(text)
    address = Address(**{part: data["address"][part] for part in _ADDRESS_PARTS})
    recipient = Recipient(tuple(data["names"]), address)
    return Letter(recipient, {str(k): str(v) for k, v in data["values"].items()})


def keep_house_style(session: Session, style: HouseStyle) -> int:
    """The id of a stored copy of ``style``, stored now unless the same copy exists."""
    settings = style.settings_json()
    digest = hashlib.sha256()
    for part in (settings.encode(), style.logo or b"", style.signature or b""):
        digest.update(hashlib.sha256(part).digest())
    key = digest.hexdigest()
    found = session.scalar(select(HouseStyleSnapshot.id).where(HouseStyleSnapshot.digest == key))
    if found is not None:
        return found
    row = HouseStyleSnapshot(
        digest=key, settings_json=settings, logo=style.logo, signature=style.signature
    )
    session.add(row)
    session.flush()
    return row.id


def kept_house_style(session: Session, snapshot_id: int | None) -> HouseStyle | None:
    """The house style a mailing was printed with; None when it was not kept."""
    if snapshot_id is None:
        return None
    row = session.get(HouseStyleSnapshot, snapshot_id)
    if row is None:
        return None
    return HouseStyle.from_storage(row.settings_json, row.logo, row.signature)
