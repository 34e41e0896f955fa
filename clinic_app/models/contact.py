"""Who looks after a person: the contact person (staff) and, for minors, the guardian."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base, Timestamps


class ContactPersonAssignment(Timestamps, Base):
    __tablename__ = "contact_assignment"
    __table_args__ = (
        CheckConstraint("to_date IS NULL OR to_date >= from_date", "date_range"),
        # One current contact person per person, enforced by the schema.
        Index(
            "uq_contact_assignment_current",
            "person_id",
            unique=True,
            sqlite_where=text("to_date IS NULL"),
            postgresql_where=text("to_date IS NULL"),
        ),
        Index(
            "ix_contact_assignment_user_current",
            "user_id",
            sqlite_where=text("to_date IS NULL"),
            postgresql_where=text("to_date IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class GuardianAssignment(Timestamps, Base):
    """A minor's professional personal representative."""

    __tablename__ = "guardian_assignment"
    __table_args__ = (
        CheckConstraint("ended_date IS NULL OR ended_date >= appointed_date", "date_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    appointed_date: Mapped[date] = mapped_column(Date)
    ended_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
