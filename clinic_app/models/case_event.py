"""The legal/case timeline of a person, and the deadlines computed from it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base, Timestamps, enum_type
from clinic_app.vocabulary import (
    Authority,
    ContactChannel,
    EventKind,
    ExtensionGround,
    LegalStay,
    Outcome,
)


class CaseEvent(Timestamps, Base):
    """One dated fact on the timeline. Corrections void an event; they never delete it."""

    __tablename__ = "case_event"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= event_date", "end_after_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[EventKind] = mapped_column(enum_type(EventKind, "event_kind"))
    event_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    authority: Mapped[Authority | None] = mapped_column(enum_type(Authority, "authority"))
    outcome: Mapped[Outcome | None] = mapped_column(enum_type(Outcome, "outcome"))
    legal_stay: Mapped[LegalStay | None] = mapped_column(enum_type(LegalStay, "legal_stay"))
    channel: Mapped[ContactChannel | None] = mapped_column(enum_type(ContactChannel, "channel"))
    applicant: Mapped[Authority | None] = mapped_column(enum_type(Authority, "applicant"))
    # reflection_extension_requested: the ground given (Aliens Act §33(14)).
    ground: Mapped[ExtensionGround | None] = mapped_column(
        enum_type(ExtensionGround, "extension_ground")
    )
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)
    voided_reason: Mapped[str] = mapped_column(Text, default="")


class PersonDeadline(Base):
    """A deadline computed by the rules engine, stored so dashboards are a simple query.

    Recomputed in the same transaction as every change to the facts it depends on.
    """

    __tablename__ = "person_deadline"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    due_date: Mapped[date] = mapped_column(Date)
    uncertain: Mapped[bool] = mapped_column(Boolean, default=False)
    rule_set: Mapped[str] = mapped_column(String(40), default="")
    explanation: Mapped[str] = mapped_column(Text, default="")  # English, for logs and JSON
    # The structured explanation (rules.explain.to_json), rendered in the reader's language.
    message: Mapped[str] = mapped_column(Text, default="")
    expected: Mapped[bool] = mapped_column(Boolean, default=False)  # not yet granted
    unreliable: Mapped[bool] = mapped_column(Boolean, default=False)  # history needs correction
    computed_at: Mapped[datetime] = mapped_column(DateTime)


Index("ix_person_deadline_due", PersonDeadline.due_date, PersonDeadline.person_id)
Index("ix_case_event_person_kind", CaseEvent.person_id, CaseEvent.kind)
