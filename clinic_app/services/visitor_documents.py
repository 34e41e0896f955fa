"""Documents for an anonymous clinic visitor, known by her card code and nickname only.

A nurse can give a visitor her own visit summary or referral letter to take to a doctor, or
send one to a health professional. No consent can be on file for someone with no record, so
a document for a partner goes out only where the law allows sharing without consent (a
health professional, vital interests), by a nurse, with a stated reason; the visitor's own
copy needs none. Everything else is as for registered persons: the permission and routing
checks, the audit trail, and the document log (``visitor_id``) when it is printed or saved.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.documents import render_document
from clinic_app.documents.data import (
    DocumentContent,
    DocumentMeta,
    HealthReferralDoc,
    Language,
    RecipientInfo,
    VisitReferral,
    VisitSummaryDoc,
)
from clinic_app.documents.labels import enum_label, specialty_label
from clinic_app.errors import Invalid, NotFound
from clinic_app.models import AnonymousVisitor, DocumentLog, Partner, Referral, Site, Visit, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services import document_builders as build
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.clinic_common import normalise_code
from clinic_app.services.document_common import (
    DocumentLogEntry,
    PreparedDocument,
    Refused,
    letterhead_of,
    load_partner,
    log_entry,
    page_count,
)
from clinic_app.services.document_routing import OVERRIDES, PARTNER_DOCUMENTS, may_override
from clinic_app.services.iso_names import language_name
from clinic_app.vocabulary import DataCategory, DocumentAction, DocumentType, Urgency

VISITOR_DOCUMENTS: frozenset[DocumentType] = frozenset(
    {DocumentType.VISIT_SUMMARY, DocumentType.HEALTH_REFERRAL}
)


def find_visitor(s: Session, code: str) -> AnonymousVisitor:
    wanted = normalise_code(code)
    visitor = s.scalar(select(AnonymousVisitor).where(AnonymousVisitor.code == wanted))
    if visitor is None:
        raise NotFound("visitor", wanted[:16])
    return visitor


def check_allowed(
    s: Session, actor: Actor, doc_type: DocumentType, partner: Partner | None, reason: str
) -> str:
    """The permission and routing checks; returns the override reason ("" for the visitor's
    own copy). Raises ``Forbidden`` or :class:`Refused`."""
    # Visitors belong to no site and no caseload: only roles that may print for any record
    # and read clinical notes (nurses) pass.
    require(actor, Action.DOCUMENT_PRINT)
    require(actor, Action.VISIT_VIEW_CLINICAL_NOTES)
    if doc_type not in VISITOR_DOCUMENTS:
        raise Invalid(
            "doc_type", "not_for_visitor", "For a visitor: a visit summary or a referral letter."
        )
    if partner is None:
        return ""
    if doc_type not in PARTNER_DOCUMENTS.get(partner.kind, frozenset()):
        raise Refused(
            "kind",
            f"A partner of the kind '{partner.kind.value}' may not receive a "
            f"{doc_type.value.replace('_', ' ')}.",
        )
    rule = OVERRIDES.get((partner.kind, doc_type))
    if not may_override(actor, rule):
        raise Refused(
            "consent",
            "An anonymous visitor has no consent on record. Give the document to the visitor "
            "herself, or send it where the law allows sharing without consent.",
        )
    if not reason:
        assert rule is not None
        raise Refused(
            "override",
            "An anonymous visitor has no consent on record. Sharing without consent is "
            f"allowed here ({rule.basis}) only with a stated reason.",
        )
    return reason


def content(
    s: Session,
    visitor: AnonymousVisitor,
    doc_type: DocumentType,
    lang: Language,
    partner: Partner | None,
    *,
    visit_id: int | None,
    referral_id: int | None,
    include_name: bool,
    signer: str,
    phone: str,
) -> DocumentContent:
    name = f"{visitor.nickname} ({visitor.code})" if visitor.nickname else visitor.code
    if doc_type is DocumentType.VISIT_SUMMARY:
        if visit_id is None:
            raise Invalid("visit_id", "required", "Choose the visit to summarise.")
        visit = s.get(Visit, visit_id)
        if visit is None or visit.visitor_id != visitor.id:
            raise NotFound("visit", visit_id)
        site = s.get(Site, visit.site_id)
        referrals = s.scalars(select(Referral).where(Referral.visit_id == visit.id)).all()
        return VisitSummaryDoc(
            visit_on=visit.visited_at.date(),
            site=site.name if site else "",
            services=tuple(v.service for v in visit.services),
            summary=visit.clinical_notes or visit.reason,
            interpreter=visit.interpreter_mode,
            interpreter_language=language_name(visit.interpreter_language, lang),
            referrals=tuple(
                VisitReferral(specialty_label(lang, r.specialty), r.reason, r.urgency)
                for r in referrals
            ),
            follow_up_on=visit.follow_up_date,
            person_name=name if include_name else "",
            include_name=include_name,
            staff_name=build.user_name(s, visit.created_by_id),
        )
    referral = None
    if referral_id is not None:
        referral = s.get(Referral, referral_id)
        if referral is None or referral.visitor_id != visitor.id:
            raise NotFound("referral", referral_id)
    elif visit_id is not None:
        # From a visit: the referral made at that visit, if any.
        referral = s.scalar(
            select(Referral)
            .where(Referral.visit_id == visit_id, Referral.visitor_id == visitor.id)
            .order_by(Referral.id)
            .limit(1)
        )
    hints = [referral.specialty if referral else "", partner.name if partner else ""]
    return HealthReferralDoc(
        recipient_kind=build.recipient_kind(*hints),
        reason=referral.reason if referral else "",
        urgency=referral.urgency if referral else Urgency.ROUTINE,
        services=(),  # nothing is known to be covered for someone with no record
        entitlement_basis="",
        person_name=name if include_name else "",
        include_name=include_name,
        interpreter_language=language_name(visitor.language, lang) if visitor.language else "",
        referrer=signer,
        referrer_phone=phone,
    )


def prepare(
    s: Session,
    audit: AuditTrail,
    today: dt.date,
    actor: Actor,
    doc_type: DocumentType,
    code: str,
    partner_id: int | None,
    lang: Language,
    *,
    visit_id: int | None,
    referral_id: int | None,
    include_name: bool,
    reason: str,
) -> PreparedDocument:
    """Check, build and render a visitor's document inside the caller's unit of work."""
    visitor = find_visitor(s, code)
    partner = load_partner(s, partner_id)
    override = check_allowed(s, actor, doc_type, partner, reason)
    signer = build.user_name(s, actor.user_id) or actor.username
    head = letterhead_of(s)
    doc = content(
        s,
        visitor,
        doc_type,
        lang,
        partner,
        visit_id=visit_id,
        referral_id=referral_id,
        include_name=include_name,
        signer=signer,
        phone=head.phone,
    )
    rule = OVERRIDES.get((partner.kind, doc_type)) if partner is not None else None
    meta = DocumentMeta(
        doc_type=doc_type,
        language=lang,
        case_ref=visitor.code,
        issued_on=today,
        printed_by=signer,
        printed_by_title=enum_label(lang, actor.role),
        recipient=RecipientInfo(name=partner.name, address=partner.address) if partner else None,
        without_consent_basis=rule.basis_in(lang) if rule is not None and override else "",
    )
    pdf = render_document(doc, meta, head)
    categories = {DataCategory.HEALTH} | ({DataCategory.IDENTITY} if include_name else set())
    audit.record(
        s,
        actor,
        "document.prepare",
        person_id=visitor.linked_person_id,
        target=f"visitor:{visitor.id}" + (f",partner:{partner.id}" if partner else ""),
        details={
            "doc_type": doc_type.value,
            "language": lang,
            "categories": sorted(c.value for c in categories),
            "override": bool(override),
        },
    )
    return PreparedDocument(
        doc_type=doc_type,
        person_id=None,
        case_ref=visitor.code,
        partner_id=partner.id if partner else None,
        recipient=partner.name if partner else "",
        language=lang,
        title=enum_label(lang, doc_type),
        pdf=pdf,
        pages=page_count(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
        issued_on=today,
        categories=tuple(sorted(categories)),
        include_name=include_name,
        consent_id=None,
        override_reason=override,
        visit_id=visit_id,
        referral_id=referral_id,
        visitor_id=visitor.id,
    )


def record_output(
    s: Session, audit: AuditTrail, actor: Actor, prepared: PreparedDocument, act: DocumentAction
) -> DocumentLogEntry:
    """The document log row and audit event for a visitor's printed or saved document; the
    checks run again first."""
    visitor = s.get(AnonymousVisitor, prepared.visitor_id)
    if visitor is None:
        raise NotFound("visitor", prepared.visitor_id)
    partner = load_partner(s, prepared.partner_id)
    check_allowed(s, actor, prepared.doc_type, partner, prepared.override_reason)
    row = DocumentLog(
        at=utcnow(),
        user_id=actor.user_id,
        visitor_id=visitor.id,
        person_id=visitor.linked_person_id,
        doc_type=prepared.doc_type,
        action=act,
        partner_id=partner.id if partner else None,
        language=prepared.language,
        override_reason=prepared.override_reason,
        sha256=prepared.sha256,
        pages=prepared.pages,
    )
    s.add(row)
    s.flush()
    audit.record(
        s,
        actor,
        f"document.{act.value}",
        person_id=visitor.linked_person_id,
        target=f"document_log:{row.id}",
        details={
            "doc_type": prepared.doc_type.value,
            "visitor_id": visitor.id,
            "partner_id": row.partner_id,
            "language": prepared.language,
            "pages": prepared.pages,
            "override": bool(prepared.override_reason),
            **({"reason": prepared.override_reason} if prepared.override_reason else {}),
        },
        outcome="override" if prepared.override_reason else "ok",
    )
    return log_entry(s, row)
