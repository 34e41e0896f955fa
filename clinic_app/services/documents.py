"""Documents that leave the building: who may receive which document, consent-bound sharing,
preparing the PDF, and the document log.

Preparing a document (:meth:`DocumentService.prepare`) checks, in order: the print
permission and the view permission of every part printed; that the recipient's partner kind
may receive this document type (:data:`PARTNER_DOCUMENTS`); the special recipients (a minor's
current guardian, the person themself); and the person's consent for that partner, purpose
and data categories on the day. Where no consent matches, the law allows sharing without
consent only in the cases of :data:`OVERRIDES`, and then only for a user with
``document.print_without_consent`` who states a reason. Every refusal is audited
(``document.refused``) with its reason code; a prepared document is written to the document
log only when it is printed, saved or exported (:meth:`DocumentService.record_output`).
``docs/documents.md`` explains the table and the legal reading.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.documents import render_document
from clinic_app.documents.data import (
    DocumentContent,
    DocumentMeta,
    Language,
    Letterhead,
    RecipientInfo,
)
from clinic_app.documents.labels import enum_label
from clinic_app.errors import Forbidden, Invalid, NotFound
from clinic_app.models import (
    AppSetting,
    Consent,
    DocumentLog,
    Partner,
    Person,
    Referral,
    User,
    Visit,
    utcnow,
)
from clinic_app.rules import Message, render, status_document_refusal
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed, require
from clinic_app.services import document_builders as build
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    Clock,
    Page,
    check_code,
    check_paging,
    clean_text,
    system_today,
)
from clinic_app.services.consents import (
    Purpose,
    categories_of,
    consent_active,
    consent_covers,
    find_consent,
    purpose_of,
)
from clinic_app.services.contacts import current_guardian
from clinic_app.services.database import Database
from clinic_app.services.relations import Relation, relation_to
from clinic_app.vocabulary import DataCategory, DocumentAction, DocumentType, PartnerKind

log = logging.getLogger(__name__)

_D = DocumentType

# Which document types may go to which kind of partner. Everything else is refused, whatever
# the consent says: a police officer never receives a health referral, a doctor never a
# status confirmation.
PARTNER_DOCUMENTS: Mapping[PartnerKind, frozenset[DocumentType]] = MappingProxyType(
    {
        PartnerKind.POLICE: frozenset({_D.STATUS_CONFIRMATION, _D.CONSENT_FORM}),
        PartnerKind.IMMIGRATION: frozenset({_D.STATUS_CONFIRMATION, _D.CONSENT_FORM}),
        PartnerKind.LEGAL: frozenset({_D.STATUS_CONFIRMATION, _D.ACTION_PLAN, _D.CONSENT_FORM}),
        PartnerKind.MEDICAL: frozenset({_D.HEALTH_REFERRAL, _D.VISIT_SUMMARY, _D.CONSENT_FORM}),
        PartnerKind.IOM: frozenset({_D.IOM_REFERRAL, _D.CONSENT_FORM}),
        PartnerKind.NGO: frozenset({_D.ACTION_PLAN, _D.CONSENT_FORM}),
        PartnerKind.MUNICIPALITY: frozenset(
            {_D.ACTION_PLAN, _D.GUARDIAN_SUMMARY, _D.HEALTH_REFERRAL, _D.CONSENT_FORM}
        ),
        PartnerKind.AUTHORITY: frozenset(
            {_D.STATUS_CONFIRMATION, _D.ACTION_PLAN, _D.IOM_REFERRAL, _D.CONSENT_FORM}
        ),
    }
)

# Documents printed with no partner: the person's own copy of the action plan (they sign
# it), their access report, and the guardian summary, which goes to the minor's current
# guardian (the child's legal representative, not a partner).
# Documents that state status, deadlines or who pays: refused while the history needs
# correction (docs/rules.md, "History validation").
STATUS_DOCUMENTS: frozenset[DocumentType] = frozenset(
    {_D.STATUS_CONFIRMATION, _D.HEALTH_REFERRAL, _D.GUARDIAN_SUMMARY, _D.IOM_REFERRAL}
)
NO_PARTNER_DOCUMENTS: frozenset[DocumentType] = frozenset(
    {_D.ACTION_PLAN, _D.ACCESS_REPORT, _D.GUARDIAN_SUMMARY}
)

# Documents that never go to a partner.
PERSON_ONLY_DOCUMENTS: frozenset[DocumentType] = frozenset({_D.ACCESS_REPORT})

# The purpose each document serves, matched against the consent's purpose.
DOCUMENT_PURPOSE: Mapping[DocumentType, Purpose] = MappingProxyType(
    {
        _D.STATUS_CONFIRMATION: Purpose.LEGAL_STATUS,
        _D.ACTION_PLAN: Purpose.CASE_WORK,
        _D.GUARDIAN_SUMMARY: Purpose.CASE_WORK,
        _D.HEALTH_REFERRAL: Purpose.HEALTH_CARE,
        _D.VISIT_SUMMARY: Purpose.HEALTH_CARE,
        _D.IOM_REFERRAL: Purpose.ASSISTED_RETURN,
    }
)

# The data categories each document discloses (IDENTITY is added when the name is printed).
DOCUMENT_CATEGORIES: Mapping[DocumentType, frozenset[DataCategory]] = MappingProxyType(
    {
        _D.STATUS_CONFIRMATION: frozenset({DataCategory.LEGAL_STATUS}),
        _D.ACTION_PLAN: frozenset({DataCategory.IDENTITY, DataCategory.ACTION_PLAN}),
        _D.GUARDIAN_SUMMARY: frozenset(
            {DataCategory.IDENTITY, DataCategory.LEGAL_STATUS, DataCategory.ACTION_PLAN}
        ),
        _D.HEALTH_REFERRAL: frozenset({DataCategory.HEALTH}),
        _D.VISIT_SUMMARY: frozenset({DataCategory.HEALTH}),
        _D.IOM_REFERRAL: frozenset({DataCategory.IDENTITY, DataCategory.LEGAL_STATUS}),
        _D.CONSENT_FORM: frozenset(),
        _D.ACCESS_REPORT: frozenset(DataCategory),
    }
)

# Documents whose content always includes the name (the renderer prints it).
NAME_ALWAYS: frozenset[DocumentType] = frozenset(
    {_D.ACTION_PLAN, _D.CONSENT_FORM, _D.IOM_REFERRAL, _D.GUARDIAN_SUMMARY, _D.ACCESS_REPORT}
)


@dataclass(frozen=True)
class OverrideRule:
    """Sharing without consent that the law allows (our reading; see docs/documents.md)."""

    minors_only: bool
    basis: str  # the legal basis, printed in the refusal message and the docs


OVERRIDES: Mapping[tuple[PartnerKind, DocumentType], OverrideRule] = MappingProxyType(
    {
        (PartnerKind.POLICE, _D.STATUS_CONFIRMATION): OverrideRule(
            True,
            "a child's safety: vital interests of the child (GDPR art. 6(1)(d) and 9(2)(c))",
        ),
        (PartnerKind.MUNICIPALITY, _D.GUARDIAN_SUMMARY): OverrideRule(
            True,
            "duty to notify the municipality about a child in need (Barnets lov §133, "
            "formerly Social Services Act §153)",
        ),
        (PartnerKind.MUNICIPALITY, _D.ACTION_PLAN): OverrideRule(
            True,
            "duty to notify the municipality about a child in need (Barnets lov §133, "
            "formerly Social Services Act §153)",
        ),
        (PartnerKind.MEDICAL, _D.HEALTH_REFERRAL): OverrideRule(
            False,
            "vital interests when the person cannot consent (Health Act §43(2); GDPR art. 9(2)(c))",
        ),
        (PartnerKind.MEDICAL, _D.VISIT_SUMMARY): OverrideRule(
            False,
            "vital interests when the person cannot consent (Health Act §43(2); GDPR art. 9(2)(c))",
        ),
    }
)

LETTERHEAD_KEYS = {
    "organisation": "organisation_name",
    "address": "organisation_address",
    "phone": "organisation_phone",
    "email": "organisation_email",
}
DEFAULT_ORGANISATION = "Shelters and health clinics for victims of trafficking"


def document_types_for(kind: PartnerKind | None) -> tuple[DocumentType, ...]:
    """The document types that may go to a partner of ``kind`` (None: no partner)."""
    allowed_types = (
        NO_PARTNER_DOCUMENTS if kind is None else PARTNER_DOCUMENTS.get(kind, frozenset())
    )
    return tuple(t for t in DocumentType if t in allowed_types)


def partner_kinds_for(doc_type: DocumentType) -> tuple[PartnerKind, ...]:
    """The partner kinds that may receive ``doc_type``."""
    return tuple(k for k in PartnerKind if doc_type in PARTNER_DOCUMENTS.get(k, frozenset()))


def categories_for(doc_type: DocumentType, include_name: bool) -> frozenset[DataCategory]:
    cats = set(DOCUMENT_CATEGORIES.get(doc_type, frozenset()))
    if (include_name or doc_type in NAME_ALWAYS) and doc_type is not _D.CONSENT_FORM:
        cats.add(DataCategory.IDENTITY)
    return frozenset(cats)


def page_count(pdf: bytes) -> int:
    """Pages of a PDF written by reportlab (one ``/Type /Page`` object per page)."""
    return max(1, pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"))


@dataclass(frozen=True)
class PreparedDocument:
    """A rendered document, not yet printed or saved (nothing logged until then)."""

    doc_type: DocumentType
    person_id: int
    case_ref: str
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

    @property
    def filename(self) -> str:
        """A file name without personal data: type, case reference, date, language."""
        return f"{self.doc_type.value}_{self.case_ref}_{self.issued_on:%Y%m%d}_{self.language}.pdf"


@dataclass(frozen=True)
class SharingCheck:
    """What printing ``doc_type`` for a partner needs, for the print dialog."""

    allowed: bool  # may be prepared as it is
    needs_reason: bool  # no consent, but the law allows it with a stated reason (and you may)
    reason: str  # why not, in plain English (no personal data); "" when allowed
    code: str  # "ok", "consent", "override", "kind", "guardian", "recipient", "permission",
    # "history" (the person's history needs correction: status documents are refused)
    consent_id: int | None = None
    legal_basis: str = ""  # for an override: the law the reason relies on
    message: Message | None = None  # code "history": the structured reason, to render


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


@dataclass(frozen=True)
class DocumentLogFilter:
    person_id: int | None = None
    partner_id: int | None = None
    doc_type: DocumentType | None = None
    user_id: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    overrides_only: bool = False


class _Refused(Exception):
    """Internal: a refusal to audit before it reaches the caller as Forbidden."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class _Decision:
    consent_id: int | None
    override_reason: str
    categories: frozenset[DataCategory]


class DocumentService:
    """Preparing documents for partners, recording their output, and the document log."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- letterhead ------------------------------------------------------------------------

    def letterhead(self) -> Letterhead:
        """The organisation printed on every document (defaults until an administrator sets it)."""
        with self._db.read() as s:
            return _letterhead(s)

    def save_letterhead(self, actor: Actor, letterhead: Letterhead) -> Letterhead:
        """Change the organisation's name, address, phone and email (administrators)."""
        require(actor, Action.SETTINGS_EDIT)
        values = {
            "organisation": clean_text("organisation", letterhead.organisation, required=True),
            "address": clean_text("address", letterhead.address, max_len=300, multiline=True),
            "phone": clean_text("phone", letterhead.phone, max_len=60),
            "email": clean_text("email", letterhead.email),
        }
        if values["email"] and "@" not in values["email"]:
            raise Invalid("email", "bad_email", "Not an e-mail address.")
        with self._db.write() as s:
            for name, key in LETTERHEAD_KEYS.items():
                s.merge(AppSetting(key=key, value=values[name]))
            s.flush()
            self._audit.record(s, actor, "settings.letterhead", details={"fields": sorted(values)})
            return _letterhead(s)

    # --- checking and preparing -------------------------------------------------------------

    def check(
        self,
        actor: Actor,
        doc_type: DocumentType,
        person_id: int,
        partner_id: int | None,
        *,
        include_name: bool = False,
    ) -> SharingCheck:
        """Whether ``doc_type`` may go to the partner now, and if not, whether a reason would
        do. Reads only; nothing is audited (it reveals no personal data)."""
        doc_type = check_code("doc_type", DocumentType, doc_type)
        with self._db.read() as s:
            person = _person(s, person_id)
            partner = _partner(s, partner_id)
            rel = relation_to(s, actor, person)
            try:
                self._check_permissions(s, actor, rel, doc_type, None, None)
                if doc_type is _D.CONSENT_FORM:
                    return SharingCheck(True, False, "", "ok")
                self._route(s, person, partner, doc_type)
                if doc_type in STATUS_DOCUMENTS:
                    refusal = status_document_refusal(
                        build.Facts(s, person, self._today()).timeline
                    )
                    if refusal is not None:
                        reason = render(refusal, "en")
                        return SharingCheck(False, False, reason, "history", message=refusal)
            except Forbidden as exc:
                return SharingCheck(False, False, exc.reason, "permission")
            except _Refused as exc:
                return SharingCheck(False, False, exc.reason, exc.code)
            if partner is None:
                return SharingCheck(True, False, "", "ok")
            cats = categories_for(doc_type, include_name)
            match = find_consent(
                s, person.id, partner, DOCUMENT_PURPOSE[doc_type], cats, self._today()
            )
            if match.consent_id is not None:
                return SharingCheck(True, False, "", "ok", match.consent_id)
            rule = self._override_rule(s, person, partner, doc_type)
            if rule is not None and allowed(actor, Action.DOCUMENT_PRINT_WITHOUT_CONSENT):
                return SharingCheck(False, True, match.reason, "override", None, rule.basis)
            return SharingCheck(False, False, _no_consent_reason(match.reason, rule), "consent")

    def prepare(
        self,
        actor: Actor,
        doc_type: DocumentType,
        person_id: int,
        partner_id: int | None,
        language: str,
        *,
        plan_id: int | None = None,
        visit_id: int | None = None,
        referral_id: int | None = None,
        consent_id: int | None = None,
        include_name: bool = False,
        reason: str | None = None,
    ) -> PreparedDocument:
        """Check everything and render the document; nothing is logged until
        :meth:`record_output`. Refusals raise ``Forbidden`` (audited as ``document.refused``).

        ``reason`` is needed only to share without consent where the law allows it.
        ``consent_id`` picks the consent a consent form prints (default: the newest for the
        partner)."""
        try:
            doc_type = DocumentType(doc_type)
        except ValueError:
            raise Invalid("doc_type", "unknown", "Unknown document type.") from None
        if doc_type is _D.STATISTICS_SUMMARY:
            raise Invalid("doc_type", "not_personal", "Statistics are exported from Statistics.")
        if language not in ("en", "da"):
            raise Invalid("language", "unknown", "Documents are printed in English or Danish.")
        lang: Language = "da" if language == "da" else "en"
        why = clean_text("reason", reason or "", max_len=2000, multiline=True)
        try:
            return self._prepare(
                actor,
                doc_type,
                person_id,
                partner_id,
                lang,
                plan_id=plan_id,
                visit_id=visit_id,
                referral_id=referral_id,
                consent_id=consent_id,
                include_name=include_name,
                reason=why,
            )
        except _Refused as exc:
            self._audit_refusal(actor, doc_type, person_id, partner_id, exc.code)
            raise _audited(Forbidden(str(Action.DOCUMENT_PRINT), exc.reason)) from None
        except Forbidden as exc:
            self._audit_refusal(actor, doc_type, person_id, partner_id, "permission")
            exc.audited = True
            raise

    def _prepare(
        self,
        actor: Actor,
        doc_type: DocumentType,
        person_id: int,
        partner_id: int | None,
        lang: Language,
        *,
        plan_id: int | None,
        visit_id: int | None,
        referral_id: int | None,
        consent_id: int | None,
        include_name: bool,
        reason: str,
    ) -> PreparedDocument:
        today = self._today()
        with self._db.write() as s:
            person = _person(s, person_id)
            partner = _partner(s, partner_id)
            rel = relation_to(s, actor, person)
            self._check_permissions(s, actor, rel, doc_type, visit_id, referral_id)
            consent_row: Consent | None = None
            if doc_type is _D.CONSENT_FORM:
                # The form is handed to the person to sign: it records a consent rather than
                # relying on one, so it names any partner and needs no consent itself.
                consent_row = _consent_for_form(s, person, partner, consent_id)
                if partner is None:
                    partner = _partner(s, consent_row.partner_id)
                guardian_name = ""
            else:
                guardian_name = self._route(s, person, partner, doc_type)
            facts = build.Facts(s, person, today)
            if doc_type in STATUS_DOCUMENTS:
                # Status, deadlines or who pays, from a history that breaks a rule: refused
                # with the reason until the history is corrected.
                refusal = status_document_refusal(facts.timeline)
                if refusal is not None:
                    raise _Refused("history", render(refusal, lang))
            if doc_type is _D.CONSENT_FORM:
                decision = _Decision(None, "", frozenset())
            else:
                decision = self._decide(
                    s, actor, person, partner, doc_type, include_name, reason, health_too=False
                )
            content, plan_row_id, health = self._content(
                s,
                actor,
                rel,
                person,
                partner,
                facts,
                doc_type,
                lang,
                include_name=include_name,
                plan_id=plan_id,
                visit_id=visit_id,
                referral_id=referral_id,
                consent_row=consent_row,
                consent_id=decision.consent_id,
                guardian_name=guardian_name,
                reason=reason,
            )
            categories = set(decision.categories)
            if health:
                categories.add(DataCategory.HEALTH)
            meta = DocumentMeta(
                doc_type=doc_type,
                language=lang,
                case_ref=person.case_ref,
                issued_on=today,
                printed_by=build.user_name(s, actor.user_id) or actor.username,
                recipient=_recipient(partner, guardian_name),
            )
            pdf = render_document(content, meta, _letterhead(s))
            self._audit.record(
                s,
                actor,
                "document.prepare",
                person_id=person.id,
                target=f"partner:{partner.id}" if partner else "",
                details={
                    "doc_type": doc_type.value,
                    "language": lang,
                    "categories": sorted(c.value for c in categories),
                    "consent_id": decision.consent_id,
                    "override": bool(decision.override_reason),
                },
            )
            return PreparedDocument(
                doc_type=doc_type,
                person_id=person.id,
                case_ref=person.case_ref,
                partner_id=partner.id if partner else None,
                recipient=partner.name if partner else guardian_name,
                language=lang,
                title=enum_label(lang, doc_type),
                pdf=pdf,
                pages=page_count(pdf),
                sha256=hashlib.sha256(pdf).hexdigest(),
                issued_on=today,
                categories=tuple(sorted(categories)),
                include_name=include_name or doc_type in NAME_ALWAYS,
                consent_id=decision.consent_id
                if doc_type is not _D.CONSENT_FORM
                else (consent_row.id if consent_row else None),
                override_reason=decision.override_reason,
                plan_id=plan_row_id,
                visit_id=visit_id,
                referral_id=referral_id,
            )

    def record_output(
        self, actor: Actor, prepared: PreparedDocument, action: DocumentAction | str
    ) -> DocumentLogEntry:
        """Write the document log row and the audit event for a print, save or export, in one
        unit of work. The sharing decision is checked again (a consent may have been
        withdrawn since the preview)."""
        try:
            act = DocumentAction(action)
        except ValueError:
            raise Invalid("action", "unknown", "Print, save or export.") from None
        if hashlib.sha256(prepared.pdf).hexdigest() != prepared.sha256:
            raise Invalid("document", "changed", "The document changed after it was prepared.")
        try:
            with self._db.write() as s:
                person = _person(s, prepared.person_id)
                partner = _partner(s, prepared.partner_id)
                rel = relation_to(s, actor, person)
                require(
                    actor,
                    Action.DOCUMENT_PRINT,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                )
                if prepared.doc_type is not _D.CONSENT_FORM:
                    self._route(s, person, partner, prepared.doc_type)
                if partner is not None and prepared.doc_type is not _D.CONSENT_FORM:
                    self._recheck(s, actor, person, partner, prepared)
                row = DocumentLog(
                    at=utcnow(),
                    user_id=actor.user_id,
                    person_id=person.id,
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
                self._audit.record(
                    s,
                    actor,
                    f"document.{act.value}",
                    person_id=person.id,
                    target=f"document_log:{row.id}",
                    details={
                        "doc_type": prepared.doc_type.value,
                        "partner_id": row.partner_id,
                        "language": prepared.language,
                        "pages": prepared.pages,
                        "consent_id": prepared.consent_id,
                        "override": bool(prepared.override_reason),
                        **(
                            {"reason": prepared.override_reason} if prepared.override_reason else {}
                        ),
                    },
                    outcome="override" if prepared.override_reason else "ok",
                )
                return _log_entry(s, row)
        except _Refused as exc:
            self._audit_refusal(
                actor, prepared.doc_type, prepared.person_id, prepared.partner_id, exc.code
            )
            raise _audited(Forbidden(str(Action.DOCUMENT_PRINT), exc.reason)) from None

    # --- the log ---------------------------------------------------------------------------

    def log(
        self,
        actor: Actor,
        flt: DocumentLogFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 200,
    ) -> Page[DocumentLogEntry]:
        """The document log, newest first. Everyone's: administrators and team leads; one
        person's: whoever may see the person. Audited."""
        flt = flt or DocumentLogFilter()
        check_paging(offset, limit)
        with self._db.write() as s:
            if flt.person_id is not None:
                person = _person(s, flt.person_id)
                rel = relation_to(s, actor, person)
                require(
                    actor,
                    Action.PERSON_VIEW,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                )
            else:
                require(actor, Action.ACCESS_REPORT_VIEW)
            q = select(DocumentLog)
            if flt.person_id is not None:
                q = q.where(DocumentLog.person_id == flt.person_id)
            if flt.partner_id is not None:
                q = q.where(DocumentLog.partner_id == flt.partner_id)
            if flt.doc_type is not None:
                doc_type = check_code("doc_type", DocumentType, flt.doc_type)
                q = q.where(DocumentLog.doc_type == doc_type)
            if flt.user_id is not None:
                q = q.where(DocumentLog.user_id == flt.user_id)
            if flt.since is not None:
                q = q.where(DocumentLog.at >= dt.datetime.combine(flt.since, dt.time()))
            if flt.until is not None:
                end = dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time())
                q = q.where(DocumentLog.at < end)
            if flt.overrides_only:
                q = q.where(DocumentLog.override_reason != "")
            total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
            rows = s.scalars(
                q.order_by(DocumentLog.at.desc(), DocumentLog.id.desc()).offset(offset).limit(limit)
            ).all()
            items = tuple(_log_entry(s, r) for r in rows)
            self._audit.record(
                s,
                actor,
                "document.log_view",
                person_id=flt.person_id,
                details={"results": total},
            )
            return Page(items, total, offset, limit)

    # --- internals -------------------------------------------------------------------------

    def _check_permissions(
        self,
        s: Session,
        actor: Actor,
        rel: Relation,
        doc_type: DocumentType,
        visit_id: int | None,
        referral_id: int | None,
    ) -> None:
        """``document.print`` and the view permission of every part the document prints."""
        flags = {"own_caseload": rel.own_caseload, "same_site": rel.same_site}
        require(actor, Action.DOCUMENT_PRINT, **flags)
        require(actor, Action.PERSON_VIEW, **flags)
        if doc_type is _D.ACTION_PLAN:
            require(actor, Action.PLAN_VIEW, **flags)
        elif doc_type is _D.HEALTH_REFERRAL:
            require(actor, Action.ENTITLEMENT_VIEW, **flags)
            if referral_id is not None:
                # The referral's reason is a health detail: nurses (no break-glass on paper).
                require(actor, Action.VISIT_VIEW_CLINICAL_NOTES, **flags)
        elif doc_type is _D.VISIT_SUMMARY:
            require(actor, Action.VISIT_VIEW, **flags)
            require(actor, Action.VISIT_VIEW_CLINICAL_NOTES, **flags)
        elif doc_type is _D.ACCESS_REPORT:
            require(actor, Action.ACCESS_REPORT_VIEW, **flags)

    def _route(
        self, s: Session, person: Person, partner: Partner | None, doc_type: DocumentType
    ) -> str:
        """Refuse a recipient the document may not go to; returns the guardian's name for a
        guardian summary ("" otherwise)."""
        if partner is None:
            if doc_type not in NO_PARTNER_DOCUMENTS:
                raise _Refused(
                    "recipient",
                    f"A {doc_type.value.replace('_', ' ')} must be addressed to a partner.",
                )
        else:
            if doc_type in PERSON_ONLY_DOCUMENTS:
                raise _Refused(
                    "recipient", "The access report is for the person themself, not a partner."
                )
            if doc_type not in PARTNER_DOCUMENTS.get(partner.kind, frozenset()):
                raise _Refused(
                    "kind",
                    f"A partner of the kind '{partner.kind.value}' may not receive a "
                    f"{doc_type.value.replace('_', ' ')}.",
                )
        if doc_type is _D.GUARDIAN_SUMMARY:
            guardian = current_guardian(s, person.id)
            minor = build.Facts(s, person, self._today()).timeline.is_minor
            if guardian is None:
                raise _Refused(
                    "guardian",
                    "The guardian summary goes only to a minor's current guardian; "
                    "there is no current guardianship.",
                )
            if not minor:
                raise _Refused("guardian", "The guardian summary is only for a person under 18.")
            return guardian.name
        return ""

    def _override_rule(
        self, s: Session, person: Person, partner: Partner, doc_type: DocumentType
    ) -> OverrideRule | None:
        rule = OVERRIDES.get((partner.kind, doc_type))
        if rule is None:
            return None
        if rule.minors_only and not build.Facts(s, person, self._today()).timeline.is_minor:
            return None
        return rule

    def _decide(
        self,
        s: Session,
        actor: Actor,
        person: Person,
        partner: Partner | None,
        doc_type: DocumentType,
        include_name: bool,
        reason: str,
        *,
        health_too: bool,
    ) -> _Decision:
        cats = categories_for(doc_type, include_name)
        if health_too:
            cats = cats | {DataCategory.HEALTH}
        if partner is None:
            return _Decision(None, "", cats)
        match = find_consent(s, person.id, partner, DOCUMENT_PURPOSE[doc_type], cats, self._today())
        if match.consent_id is not None:
            return _Decision(match.consent_id, "", cats)
        rule = self._override_rule(s, person, partner, doc_type)
        if rule is None:
            raise _Refused("consent", _no_consent_reason(match.reason, None))
        if not allowed(actor, Action.DOCUMENT_PRINT_WITHOUT_CONSENT):
            raise _Refused("consent", _no_consent_reason(match.reason, rule))
        if not reason:
            raise _Refused(
                "override",
                f"{match.reason} Sharing without consent is allowed here ({rule.basis}) "
                "only with a stated reason.",
            )
        return _Decision(None, reason, cats)

    def _recheck(
        self, s: Session, actor: Actor, person: Person, partner: Partner, prepared: PreparedDocument
    ) -> None:
        """The sharing decision of ``prepared`` still holds."""
        cats = set(prepared.categories) | categories_for(prepared.doc_type, prepared.include_name)
        if prepared.consent_id is not None:
            consent = s.get(Consent, prepared.consent_id)
            if (
                consent is None
                or consent.person_id != person.id
                or not consent_covers(consent, partner)
                or not consent_active(consent, self._today())
                or purpose_of(consent.purpose) is not DOCUMENT_PURPOSE[prepared.doc_type]
                or not cats <= set(categories_of(consent.data_categories))
            ):
                raise _Refused("consent", "The consent no longer allows this document.")
            return
        rule = self._override_rule(s, person, partner, prepared.doc_type)
        if (
            rule is None
            or not prepared.override_reason.strip()
            or not allowed(actor, Action.DOCUMENT_PRINT_WITHOUT_CONSENT)
        ):
            raise _Refused("consent", "The person has not consented to sharing this document.")

    def _content(
        self,
        s: Session,
        actor: Actor,
        rel: Relation,
        person: Person,
        partner: Partner | None,
        facts: build.Facts,
        doc_type: DocumentType,
        lang: Language,
        *,
        include_name: bool,
        plan_id: int | None,
        visit_id: int | None,
        referral_id: int | None,
        consent_row: Consent | None,
        consent_id: int | None,
        guardian_name: str,
        reason: str,
    ) -> tuple[DocumentContent, int | None, bool]:
        """(content, the plan printed, whether health data was included)."""
        flags = {"own_caseload": rel.own_caseload, "same_site": rel.same_site}
        sees_health_goals = allowed(actor, Action.PLAN_VIEW_HEALTH_GOALS, **flags)
        if doc_type is _D.STATUS_CONFIRMATION:
            return build.status_confirmation(s, person, facts, lang, include_name), None, False
        if doc_type is _D.ACTION_PLAN:
            plan = build.latest_plan(s, person.id, plan_id)
            # A partner gets the health goals only if the consent (or override) covers health.
            health = sees_health_goals and self._health_allowed(
                s, actor, person, partner, doc_type, include_name, reason
            )
            return build.action_plan(s, person, facts, plan, health=health), plan.id, health
        if doc_type is _D.HEALTH_REFERRAL:
            referral = None
            if referral_id is not None:
                referral = s.get(Referral, referral_id)
                if referral is None or referral.person_id != person.id:
                    raise NotFound("referral", referral_id)
            doc = build.health_referral(s, person, facts, lang, include_name, partner, referral)
            return doc, None, True
        if doc_type is _D.CONSENT_FORM:
            if consent_row is None:
                raise Invalid("consent_id", "required", "Choose the consent to print.")
            staff = build.user_name(s, actor.user_id) or actor.username
            return build.consent_form(s, person, facts, lang, consent_row, staff), None, False
        if doc_type is _D.IOM_REFERRAL:
            consent = s.get(Consent, consent_id) if consent_id is not None else None
            plan_visible = allowed(actor, Action.PLAN_VIEW, **flags)
            iom = build.iom_referral(
                s, person, facts, lang, plan_goals_visible=plan_visible, consent=consent
            )
            return iom, None, False
        if doc_type is _D.GUARDIAN_SUMMARY:
            plan_visible = allowed(actor, Action.PLAN_VIEW, **flags)
            health = (
                plan_visible
                and sees_health_goals
                and self._health_allowed(s, actor, person, partner, doc_type, include_name, reason)
            )
            summary = build.guardian_summary(
                s, person, facts, lang, guardian_name, plan_visible=plan_visible, health=health
            )
            return summary, None, health
        if doc_type is _D.VISIT_SUMMARY:
            if visit_id is None:
                raise Invalid("visit_id", "required", "Choose the visit to summarise.")
            visit = s.get(Visit, visit_id)
            if visit is None or visit.person_id != person.id:
                raise NotFound("visit", visit_id)
            return build.visit_summary(s, person, visit, include_name), None, True
        if doc_type is _D.ACCESS_REPORT:
            return build.access_report(s, person, facts, lang), None, True
        raise Invalid("doc_type", "unknown", "Unknown document type.")

    def _health_allowed(
        self,
        s: Session,
        actor: Actor,
        person: Person,
        partner: Partner | None,
        doc_type: DocumentType,
        include_name: bool,
        reason: str,
    ) -> bool:
        if partner is None:
            return True
        try:
            self._decide(s, actor, person, partner, doc_type, include_name, reason, health_too=True)
        except _Refused:
            return False
        return True

    def _audit_refusal(
        self,
        actor: Actor,
        doc_type: DocumentType,
        person_id: int,
        partner_id: int | None,
        code: str,
    ) -> None:
        log.info("document refused: %s (%s)", doc_type.value, code)
        with self._db.write() as s:
            known = s.get(Person, person_id) is not None
            self._audit.record(
                s,
                actor,
                "document.refused",
                person_id=person_id if known else None,
                target=f"partner:{partner_id}" if partner_id else "",
                details={"doc_type": doc_type.value, "code": code},
                outcome="denied",
            )


def _audited(exc: Forbidden) -> Forbidden:
    """Mark a refusal this service has already written as ``document.refused``."""
    exc.audited = True
    return exc


def _no_consent_reason(reason: str, rule: OverrideRule | None) -> str:
    if rule is None:
        return f"{reason} Without consent this document cannot be shared with this partner."
    return (
        f"{reason} The law allows sharing without consent here ({rule.basis}), but only a "
        "team lead or administrator may do so, with a stated reason."
    )


def _person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return person


def _partner(s: Session, partner_id: int | None) -> Partner | None:
    if partner_id is None:
        return None
    partner = s.get(Partner, partner_id)
    if partner is None:
        raise NotFound("partner", partner_id)
    if partner.archived:
        raise Invalid("partner", "archived", "This partner is no longer in the directory.")
    return partner


def _consent_for_form(
    s: Session, person: Person, partner: Partner | None, consent_id: int | None
) -> Consent:
    """The consent a consent form prints: the one asked for, or the newest for the partner."""
    if consent_id is not None:
        row = s.get(Consent, consent_id)
        if row is None or row.person_id != person.id:
            raise NotFound("consent", consent_id)
        if partner is not None and not consent_covers(row, partner):
            raise Invalid("consent_id", "other_partner", "This consent names another partner.")
        return row
    if partner is None:
        raise Invalid("consent_id", "required", "Choose the consent to print.")
    rows = [
        c
        for c in s.scalars(
            select(Consent)
            .where(Consent.person_id == person.id, Consent.withdrawn_at.is_(None))
            .order_by(Consent.valid_from.desc(), Consent.id.desc())
        )
        if consent_covers(c, partner)
    ]
    if not rows:
        raise Invalid(
            "consent_id", "no_consent", "Record the consent first; the form prints what it says."
        )
    return rows[0]


def _recipient(partner: Partner | None, guardian_name: str) -> RecipientInfo | None:
    if partner is not None:
        return RecipientInfo(name=partner.name, address=partner.address)
    if guardian_name:
        return RecipientInfo(name=guardian_name)
    return None


def _letterhead(s: Session) -> Letterhead:
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


def _log_entry(s: Session, row: DocumentLog) -> DocumentLogEntry:
    user = s.get(User, row.user_id) if row.user_id is not None else None
    person = s.get(Person, row.person_id) if row.person_id is not None else None
    partner = s.get(Partner, row.partner_id) if row.partner_id is not None else None
    return DocumentLogEntry(
        id=row.id,
        at=row.at,
        user_id=row.user_id,
        user_name=user.display_name if user else "",
        person_id=row.person_id,
        case_ref=person.case_ref if person else None,
        doc_type=row.doc_type,
        action=row.action,
        partner_id=row.partner_id,
        partner_name=partner.name if partner else None,
        language=row.language,
        override_reason=row.override_reason,
        sha256=row.sha256,
        pages=row.pages,
    )


def routing_markdown() -> str:
    """The partner-kind table and the lawful overrides as Markdown, for docs/documents.md."""
    types = [t for t in DocumentType if t is not _D.STATISTICS_SUMMARY]
    lines = ["| partner kind | " + " | ".join(f"`{t.value}`" for t in types) + " |"]
    lines.append("|---" * (len(types) + 1) + "|")
    for kind in PartnerKind:
        allowed_types = PARTNER_DOCUMENTS.get(kind, frozenset())
        cells = " | ".join("yes" if t in allowed_types else "—" for t in types)
        lines.append(f"| `{kind.value}` | {cells} |")
    cells = " | ".join("yes" if t in NO_PARTNER_DOCUMENTS else "—" for t in types)
    lines.append(f"| (no partner) | {cells} |")
    lines += ["", "| partner kind | document | minors only | legal basis (our reading) |"]
    lines.append("|---|---|---|---|")
    for (kind, doc_type), rule in OVERRIDES.items():
        minors = "yes" if rule.minors_only else "no"
        lines.append(f"| `{kind.value}` | `{doc_type.value}` | {minors} | {rule.basis} |")
    return "\n".join(lines) + "\n"
