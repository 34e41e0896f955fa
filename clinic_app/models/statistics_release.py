"""The publication ledger: what was released of each calendar year's statistics."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base


class StatisticsRelease(Base):
    """One table of one year as published, once and for good: later queries, exports and
    summaries reuse exactly these entries, so no two releases can be compared.

    ``entries`` is JSON ``{site code or "*": {column or "*": count or null}}``; null marks a
    suppressed entry (its true value is not stored here). ``columns`` is the JSON list of
    the table's columns in order.
    """

    __tablename__ = "statistics_release"
    __table_args__ = (UniqueConstraint("year", "table_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    table_key: Mapped[str] = mapped_column(String(64))
    threshold: Mapped[int] = mapped_column(Integer)
    released_at: Mapped[datetime] = mapped_column(DateTime)
    released_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", ondelete="SET NULL")
    )
    released_by: Mapped[str] = mapped_column(String(64), default="")
    columns: Mapped[str] = mapped_column(Text)
    entries: Mapped[str] = mapped_column(Text)
    primary_hidden: Mapped[int] = mapped_column(Integer, default=0)
    secondary_hidden: Mapped[int] = mapped_column(Integer, default=0)
