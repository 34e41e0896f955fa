"""A resident or client: names and aliases, birth date certainty, languages and safety."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
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
from clinic_app.vocabulary import BirthCertainty, ExploitationForm, SafetyFlag, Sex


class Person(Timestamps, Base):
    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(
            "assessed_age IS NULL OR (assessed_age >= 0 AND assessed_age < 120)", "age"
        ),
        CheckConstraint("birth_year IS NULL OR (birth_year > 1900 AND birth_year < 2200)", "year"),
        CheckConstraint(
            "(birth_certainty <> 'exact' OR birth_date IS NOT NULL)"
            " AND (birth_certainty <> 'estimated_year' OR birth_year IS NOT NULL)"
            " AND (birth_certainty <> 'age_assessed'"
            " OR (assessment_date IS NOT NULL AND assessed_age IS NOT NULL))",
            "birth_facts",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_ref: Mapped[str] = mapped_column(String(20), unique=True)
    # The preferred name, kept in step with `names` by the services (for listing and sorting).
    display_name: Mapped[str] = mapped_column(String(200), index=True)
    sex: Mapped[Sex] = mapped_column(enum_type(Sex, "sex"), default=Sex.UNKNOWN)
    birth_certainty: Mapped[BirthCertainty] = mapped_column(
        enum_type(BirthCertainty, "birth_certainty"), default=BirthCertainty.UNKNOWN
    )
    birth_date: Mapped[date | None] = mapped_column(Date)
    birth_year: Mapped[int | None] = mapped_column(Integer, index=True)
    assessment_date: Mapped[date | None] = mapped_column(Date)
    assessed_age: Mapped[int | None] = mapped_column(Integer)
    nationality: Mapped[str | None] = mapped_column(String(2), index=True)  # ISO 3166-1 alpha-2
    interpreter_needed: Mapped[bool] = mapped_column(Boolean, default=False)
    interpreter_language: Mapped[str] = mapped_column(String(16), default="")
    own_insurance: Mapped[bool] = mapped_column(Boolean, default=False)
    # ISO 3166-1 alpha-2 of the home-country insurer that covers extended care, when known.
    insurer_country: Mapped[str | None] = mapped_column(String(2))
    registered_in_denmark: Mapped[bool] = mapped_column(Boolean, default=False)
    current_site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # Short computed legal status (e.g. "identified"), refreshed with the deadlines.
    status: Mapped[str] = mapped_column(String(40), default="presumed", index=True)
    # Accent- and case-folded names, aliases and case reference, maintained by the services.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    archived_reason: Mapped[str] = mapped_column(Text, default="")
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    names: Mapped[list[PersonName]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PersonName.id"
    )
    languages: Mapped[list[PersonLanguage]] = relationship(
        cascade="all, delete-orphan", order_by="PersonLanguage.position"
    )
    exploitation: Mapped[list[PersonExploitation]] = relationship(cascade="all, delete-orphan")
    safety_flags: Mapped[list[PersonSafetyFlag]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}


class PersonName(Base):
    """A name or alias as written, with its script and language."""

    __tablename__ = "person_name"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    is_alias: Mapped[bool] = mapped_column(Boolean, default=False)
    preferred: Mapped[bool] = mapped_column(Boolean, default=False)
    script: Mapped[str] = mapped_column(String(4), default="")  # ISO 15924, e.g. Latn, Cyrl
    language: Mapped[str] = mapped_column(String(16), default="")  # BCP 47 tag
    search_key: Mapped[str] = mapped_column(String(200), default="")

    person: Mapped[Person] = relationship(back_populates="names")


class PersonLanguage(Base):
    __tablename__ = "person_language"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(16), primary_key=True)  # BCP 47 tag
    position: Mapped[int] = mapped_column(Integer, default=0)


class PersonExploitation(Base):
    __tablename__ = "person_exploitation"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    form: Mapped[ExploitationForm] = mapped_column(
        enum_type(ExploitationForm, "exploitation_form"), primary_key=True
    )


class PersonSafetyFlag(Base):
    __tablename__ = "person_safety_flag"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    flag: Mapped[SafetyFlag] = mapped_column(enum_type(SafetyFlag, "safety_flag"), primary_key=True)
    note: Mapped[str] = mapped_column(Text, default="")


Index("ix_person_site_archived", Person.current_site_id, Person.archived_at)
