"""Manually recorded health-service entitlements that add to or override computed ones."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base, Timestamps, enum_type
from clinic_app.vocabulary import HealthService, Payer


class Entitlement(Timestamps, Base):
    __tablename__ = "entitlement"
    __table_args__ = (CheckConstraint("valid_to IS NULL OR valid_to >= valid_from", "valid_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    service: Mapped[HealthService] = mapped_column(enum_type(HealthService, "health_service"))
    payer: Mapped[Payer] = mapped_column(enum_type(Payer, "payer"))
    covered: Mapped[bool] = mapped_column(Boolean, default=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
