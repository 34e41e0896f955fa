"""The append-only, hash-chained audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base


class AuditEvent(Base):
    """One audited action. No foreign keys: the log must outlive erased persons and users."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(64), default="")
    role: Mapped[str] = mapped_column(String(32), default="")
    workstation: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(64))
    person_id: Mapped[int | None] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(100), default="")
    # JSON with field names and ids only, never the values of personal data.
    details: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(16), default="ok")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="")


class AuditAnchor(Base):
    """The chain's head (count and last hash), so truncating the tail is detectable."""

    __tablename__ = "audit_anchor"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), default="")
    purged_before_id: Mapped[int] = mapped_column(Integer, default=0)
    purged_anchor_hash: Mapped[str] = mapped_column(String(64), default="")
    # How the database was created ("production", "demo"; "" before this was recorded),
    # sealed by the mac: never used to choose the key.
    origin: Mapped[str] = mapped_column(String(16), default="")
    # HMAC over the start (purged_before_id, purged_anchor_hash), the end of the chain and
    # the origin, so neither a truncated tail nor a forged purge or origin can pass.
    mac: Mapped[str] = mapped_column(String(64), default="")


class AuditListPerson(Base):
    """Which persons appeared in one audited list (a search, the dashboard, a day view...).

    One row per person shown, written with the list's own audit event; the event's chained
    details hold a digest of the ids, so the index cannot be edited unnoticed.
    """

    __tablename__ = "audit_list_person"

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer, primary_key=True)


Index("ix_audit_event_person", AuditEvent.person_id, AuditEvent.at)
Index("ix_audit_list_person_person", AuditListPerson.person_id, AuditListPerson.event_id)
Index("ix_audit_event_user", AuditEvent.user_id, AuditEvent.at)
