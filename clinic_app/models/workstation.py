"""Workstations joined to a shared (PostgreSQL) database, and their one-time enrolment codes.

No secret is stored here in the clear: the shared audit key appears only sealed, under the
recovery key (``shared_secret``) or under a one-time enrolment code (``workstation_enrolment``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base


class Workstation(Base):
    """One computer allowed to write to the shared database (until revoked)."""

    __tablename__ = "workstation"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # random, in its keychain
    name: Mapped[str] = mapped_column(String(100))
    joined_at: Mapped[datetime] = mapped_column(DateTime)
    joined_by: Mapped[str] = mapped_column(String(64), default="")
    # first (created the database), code (enrolment code) or recovery (recovery key)
    joined_with: Mapped[str] = mapped_column(String(16), default="")
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_by: Mapped[str] = mapped_column(String(64), default="")


class WorkstationEnrolment(Base):
    """A one-time code that lets an administrator join one more workstation."""

    __tablename__ = "workstation_enrolment"

    id: Mapped[str] = mapped_column(String(8), primary_key=True)  # the code's public prefix
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    created_on: Mapped[str] = mapped_column(String(32), default="")  # workstation id
    # The shared secrets sealed under the code's secret part (JSON; see storage.sharing).
    sealed: Mapped[str] = mapped_column(Text)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    used_by: Mapped[str] = mapped_column(String(32), default="")  # workstation id


class SharedSecret(Base):
    """A shared secret sealed under the recovery key (shown once when the database was made)."""

    __tablename__ = "shared_secret"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    sealed: Mapped[str] = mapped_column(Text)
