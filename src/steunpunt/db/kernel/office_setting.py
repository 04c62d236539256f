"""The office's shared settings table: JSON under a key, read by every feature."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from steunpunt.db.kernel.base import Base, Tracked


class OfficeSetting(Tracked, Base):
    """A setting shared by the whole office, as JSON under a key (burden bands, rules...)."""

    __tablename__ = "office_setting"

    key: Mapped[str] = mapped_column(String(40), unique=True)
    value_json: Mapped[str] = mapped_column(Text)
