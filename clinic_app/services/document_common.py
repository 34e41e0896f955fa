"""What preparing and logging a document share, for persons and anonymous visitors alike:
the prepared document, a document log entry, the letterhead and partner look-ups, and the
internal refusal that is audited before it reaches the caller as ``Forbidden``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.documents.data import Language, Letterhead
from clinic_app.errors import Invalid, NotFound
from clinic_app.models import AnonymousVisitor, AppSetting, DocumentLog, Partner, Person, User
from clinic_app.vocabulary import DataCategory, DocumentAction, DocumentType

LETTERHEAD_KEYS = {
    "organisation": "organisation_name",
    "address": "organisation_address",
    "phone": "organisation_phone",
    "email": "organisation_email",
}
DEFAULT_ORGANISATION = "Shelters and health clinics for victims of trafficking"


def page_count(pdf: bytes) -> int:
    """Pages of a PDF written by reportlab (one ``/Type /Page`` object per page)."""
    return max(1, pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"))


@dataclass(frozen=True)
class PreparedDocument:
    """A rendered document, not yet printed or saved (nothing logged until then)."""

    doc_type: DocumentType
    person_id: int | None  # None for an anonymous visitor's document (``visitor_id``)
    case_ref: str  # the person's case reference, or the visitor's card code
    partner_id: int | None
    recipient: str  # the partner's name, the guardian's, or "" for the person's own copy
    language: Language
    title: str
    pdf: bytes = field(repr=False)
    pages: int
    sha256: str
    issued_on: dt.date
    categories: tuple[DataCategory, ...]
    include_name: bool
    consent_id: int | None  # the consent that allows sharing, if one was needed
    override_reason: str  # set when shared without consent, where the law allows it
    plan_id: int | None = None
    visit_id: int | None = None
    referral_id: int | None = None
    visitor_id: int | None = None

    @property
    def filename(self) -> str:
        """A file name without personal data: type, case reference, date, language."""
        return f"{self.doc_type.value}_{self.case_ref}_{self.issued_on:%Y%m%d}_{self.language}.pdf"


@dataclass(frozen=True)
class DocumentLogEntry:
    id: int
    at: dt.datetime
    user_id: int | None
    user_name: str
    person_id: int | None
    case_ref: str | None
    doc_type: DocumentType
    action: DocumentAction
    partner_id: int | None
    partner_name: str | None
    language: str
    override_reason: str
    sha256: str
    pages: int


class Refused(Exception):
    """Internal: a refusal to audit before it reaches the caller as Forbidden."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def load_partner(s: Session, partner_id: int | None) -> Partner | None:
    if partner_id is None:
        return None
    partner = s.get(Partner, partner_id)
    if partner is None:
        raise NotFound("partner", partner_id)
    if partner.archived:
        raise Invalid("partner", "archived", "This partner is no longer in the directory.")
    return partner


def letterhead_of(s: Session) -> Letterhead:
    rows: dict[str, str] = {
        key: value
        for key, value in s.execute(
            select(AppSetting.key, AppSetting.value).where(
                AppSetting.key.in_(tuple(LETTERHEAD_KEYS.values()))
            )
        )
    }
    return Letterhead(
        organisation=rows.get(LETTERHEAD_KEYS["organisation"]) or DEFAULT_ORGANISATION,
        address=rows.get(LETTERHEAD_KEYS["address"], ""),
        phone=rows.get(LETTERHEAD_KEYS["phone"], ""),
        email=rows.get(LETTERHEAD_KEYS["email"], ""),
    )


def log_entry(s: Session, row: DocumentLog) -> DocumentLogEntry:
    user = s.get(User, row.user_id) if row.user_id is not None else None
    person = s.get(Person, row.person_id) if row.person_id is not None else None
    visitor = s.get(AnonymousVisitor, row.visitor_id) if row.visitor_id is not None else None
    partner = s.get(Partner, row.partner_id) if row.partner_id is not None else None
    return DocumentLogEntry(
        id=row.id,
        at=row.at,
        user_id=row.user_id,
        user_name=user.display_name if user else "",
        person_id=row.person_id,
        case_ref=person.case_ref if person else visitor.code if visitor else None,
        doc_type=row.doc_type,
        action=row.action,
        partner_id=row.partner_id,
        partner_name=partner.name if partner else None,
        language=row.language,
        override_reason=row.override_reason,
        sha256=row.sha256,
        pages=row.pages,
    )
