"""Consent to share information with a partner (or a kind of partner) for a stated purpose."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base, Timestamps, enum_type
from clinic_app.vocabulary import PartnerKind


class Consent(Timestamps, Base):
    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", "valid_range"),
        CheckConstraint("partner_id IS NOT NULL OR partner_kind IS NOT NULL", "recipient"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    partner_kind: Mapped[PartnerKind | None] = mapped_column(
        enum_type(PartnerKind, "consent_partner_kind")
    )
    purpose: Mapped[str] = mapped_column(Text)
    # Comma-separated DataCategory values.
    data_categories: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
