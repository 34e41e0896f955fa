"""Clinic work: anonymous visitors, mobile-unit outings, visits and referrals."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic_app.models.base import Base, Timestamps, enum_type
from clinic_app.vocabulary import (
    AgeBand,
    InterpreterMode,
    ReferralStatus,
    Urgency,
    VisitService,
)


class AnonymousVisitor(Timestamps, Base):
    """A clinic visitor known only by a code on a card (and perhaps a first name)."""

    __tablename__ = "anonymous_visitor"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    nickname: Mapped[str] = mapped_column(String(100), default="")
    age_band: Mapped[AgeBand] = mapped_column(
        enum_type(AgeBand, "age_band"), default=AgeBand.UNKNOWN
    )
    nationality: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str] = mapped_column(String(16), default="")
    first_site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    linked_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    linked_at: Mapped[datetime | None] = mapped_column(DateTime)


class MobileOuting(Timestamps, Base):
    __tablename__ = "mobile_outing"
    __table_args__ = (CheckConstraint("contacts_made >= 0", "contacts"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"), index=True)
    outing_date: Mapped[date] = mapped_column(Date, index=True)
    area: Mapped[str] = mapped_column(String(200), default="")
    staff: Mapped[str] = mapped_column(String(300), default="")
    contacts_made: Mapped[int] = mapped_column(Integer, default=0)
    materials: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class Visit(Timestamps, Base):
    __tablename__ = "visit"
    __table_args__ = (CheckConstraint("person_id IS NOT NULL OR visitor_id IS NOT NULL", "who"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("anonymous_visitor.id"), index=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("site.id"))
    outing_id: Mapped[int | None] = mapped_column(ForeignKey("mobile_outing.id"), index=True)
    visited_at: Mapped[datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(String(300), default="")
    interpreter_language: Mapped[str] = mapped_column(String(16), default="")
    interpreter_mode: Mapped[InterpreterMode | None] = mapped_column(
        enum_type(InterpreterMode, "interpreter_mode")
    )
    clinical_notes: Mapped[str] = mapped_column(Text, default="")
    follow_up_date: Mapped[date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    services: Mapped[list[VisitServiceGiven]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class VisitServiceGiven(Base):
    __tablename__ = "visit_service"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    service: Mapped[VisitService] = mapped_column(
        enum_type(VisitService, "visit_service_kind"), primary_key=True
    )


class Referral(Timestamps, Base):
    __tablename__ = "referral"
    __table_args__ = (CheckConstraint("person_id IS NOT NULL OR visitor_id IS NOT NULL", "who"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    visitor_id: Mapped[int | None] = mapped_column(ForeignKey("anonymous_visitor.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    specialty: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[Urgency] = mapped_column(enum_type(Urgency, "urgency"), default=Urgency.ROUTINE)
    status: Mapped[ReferralStatus] = mapped_column(
        enum_type(ReferralStatus, "referral_status"), default=ReferralStatus.OPEN
    )
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


Index("ix_visit_site_time", Visit.site_id, Visit.visited_at)
