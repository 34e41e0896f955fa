"""Places where the organisation works: shelters, clinics and mobile health units."""

from __future__ import annotations

from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base, enum_type
from clinic_app.vocabulary import SiteKind


class Site(Base):
    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[SiteKind] = mapped_column(enum_type(SiteKind, "site_kind"))
    city: Mapped[str] = mapped_column(String(100), default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
