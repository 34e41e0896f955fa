"""What was printed, saved or exported, for whom, by whom."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from clinic_app.models.base import Base, enum_type
from clinic_app.vocabulary import DocumentAction, DocumentType


class DocumentLog(Base):
    __tablename__ = "document_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    # An anonymous clinic visitor's own documents (visit summary, referral letter).
    visitor_id: Mapped[int | None] = mapped_column(
        ForeignKey("anonymous_visitor.id", ondelete="SET NULL"), index=True
    )
    doc_type: Mapped[DocumentType] = mapped_column(enum_type(DocumentType, "document_type"))
    action: Mapped[DocumentAction] = mapped_column(enum_type(DocumentAction, "document_action"))
    partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id"))
    language: Mapped[str] = mapped_column(String(2), default="en")
    # Why a document went out without consent, where the law allows it.
    override_reason: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64), default="")
    pages: Mapped[int] = mapped_column(Integer, default=0)
