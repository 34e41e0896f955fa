"""Plain, frozen data describing what each printed document says.

Services build these from the database; the renderers only read them. Nothing here knows
about ORM objects. Free text fields hold raw user text: the renderers escape it.
Names appear only in the classes of documents that need them; documents that go to the
police, DIS or health professionals carry ``include_name`` so a name is printed only when
the caller decides the recipient needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from clinic_app.vocabulary import (
    Authority,
    DataCategory,
    DocumentType,
    EventKind,
    HealthService,
    InterpreterMode,
    Outcome,
    Payer,
    PlanArea,
    PlanState,
    Sex,
    TaskStatus,
    Urgency,
    VisitService,
)

Language = Literal["en", "da"]


class RecipientKind(StrEnum):
    """Kinds of health professional a referral letter is addressed to."""

    DOCTOR = "doctor"
    DENTIST = "dentist"
    PSYCHOLOGIST = "psychologist"
    HOSPITAL = "hospital"


@dataclass(frozen=True, slots=True)
class Letterhead:
    """The issuing organisation, printed at the top of every page."""

    organisation: str
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class RecipientInfo:
    """The partner a document is addressed to (a professional, not the resident)."""

    name: str
    organisation: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What every document carries besides its content.

    ``language`` selects the document's labels and confidentiality line, independent of the
    UI language. ``printed_by`` is the staff member's display name, printed in the footer of
    every page so a paper copy can be traced.
    """

    doc_type: DocumentType
    language: Language
    case_ref: str
    issued_on: date
    printed_by: str
    recipient: RecipientInfo | None = None
    # A publication (published statistics): no case reference, no staff name and no
    # personal-data line on its pages.
    public: bool = False


# --- action plan ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlanTask:
    description: str
    responsible: str
    due: date | None
    status: TaskStatus


@dataclass(frozen=True, slots=True)
class PlanGoal:
    area: PlanArea
    goal: str
    tasks: tuple[PlanTask, ...] = ()


@dataclass(frozen=True, slots=True)
class ActionPlanDoc:
    """The individual action plan; the resident, contact person and (minors) guardian sign."""

    person_name: str
    period_start: date
    period_end: date
    state: PlanState
    version: int
    contact_person: str
    goals: tuple[PlanGoal, ...] = ()
    guardian_name: str | None = None  # set for minors: adds the guardian's signature line
    notes: str = ""


# --- health referral --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoveredService:
    """One line of "what is covered, who pays, until when"."""

    service: HealthService
    payer: Payer
    valid_until: date | None


@dataclass(frozen=True, slots=True)
class HealthReferralDoc:
    recipient_kind: RecipientKind
    reason: str
    urgency: Urgency
    services: tuple[CoveredService, ...]
    entitlement_basis: str
    person_name: str = ""
    include_name: bool = False
    contact_person: str = ""


# --- status confirmation ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IdentificationInfo:
    """``outcome`` None means a presumed victim with no decision yet."""

    outcome: Outcome | None
    authority: Authority | None
    decided_on: date | None


@dataclass(frozen=True, slots=True)
class ReflectionInfo:
    start: date
    end: date
    max_end: date | None
    rule_set_id: str


@dataclass(frozen=True, slots=True)
class PermitInfo:
    description: str  # e.g. "Aliens Act §9c(5)"
    valid_from: date
    valid_to: date | None
    rule_set_id: str = ""


@dataclass(frozen=True, slots=True)
class AsylumInfo:
    applied_on: date
    outcome: Outcome | None = None
    decided_on: date | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a printed date is what it is, naming the rule set version that produced it."""

    text: str
    rule_set_id: str


@dataclass(frozen=True, slots=True)
class StatusConfirmationDoc:
    identification: IdentificationInfo
    reflection: ReflectionInfo | None = None
    permits: tuple[PermitInfo, ...] = ()
    asylum: AsylumInfo | None = None
    explanations: tuple[Explanation, ...] = ()
    person_name: str = ""
    include_name: bool = False


# --- consent form -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConsentFormDoc:
    person_name: str
    partner_name: str
    purpose: str
    data_categories: tuple[DataCategory, ...]
    valid_from: date
    valid_to: date | None
    staff_name: str
    guardian_name: str | None = None  # minors: the guardian co-signs
    interpreter_language: str = ""  # the form was explained in this language, if interpreted


# --- IOM referral -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IomReferralDoc:
    """Referral to IOM for assisted voluntary return; IOM needs the name to plan travel."""

    person_name: str
    nationality: str
    birth_text: str  # "12-03-1994", "born about 1994" ... as known
    destination: str
    preferred_departure: date | None
    reflection_end: date | None
    travel_documents: str
    health_needs: str
    reintegration_wishes: str
    contact_person: str
    escort: str = ""  # minors: the guardian or other escort
    consent_reference: str = ""  # the consent record allowing this referral


# --- guardian summary -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    on: date
    text: str


@dataclass(frozen=True, slots=True)
class GuardianSummaryDoc:
    """A minor's case summary for the professional personal representative."""

    child_name: str
    guardian_name: str
    age_text: str  # "16 (age assessed 2026-01-10)" as known
    turns_18_on: date | None
    legal_status: tuple[str, ...] = ()
    events: tuple[TimelineEntry, ...] = ()
    goals: tuple[PlanGoal, ...] = ()
    schooling: str = ""
    notes: str = ""
    contact_person: str = ""


# --- visit summary ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VisitReferral:
    to: str
    reason: str
    urgency: Urgency


@dataclass(frozen=True, slots=True)
class VisitSummaryDoc:
    visit_on: date
    site: str
    services: tuple[VisitService, ...]
    summary: str
    interpreter: InterpreterMode | None = None
    interpreter_language: str = ""
    referrals: tuple[VisitReferral, ...] = ()
    follow_up_on: date | None = None
    person_name: str = ""  # drop-in visitors are often known by a first name or alias only
    include_name: bool = False
    staff_name: str = ""


# --- access report (GDPR art. 15) -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameEntry:
    name: str
    kind: str  # "legal name", "alias", "spelling" ... as recorded


@dataclass(frozen=True, slots=True)
class EventLine:
    on: date
    kind: EventKind
    detail: str = ""
    end_on: date | None = None


@dataclass(frozen=True, slots=True)
class PlanLine:
    version: int
    state: PlanState
    period_start: date
    period_end: date


@dataclass(frozen=True, slots=True)
class VisitLine:
    on: date
    site: str
    services: tuple[VisitService, ...]


@dataclass(frozen=True, slots=True)
class ConsentLine:
    partner: str
    purpose: str
    valid_from: date
    valid_to: date | None
    withdrawn_on: date | None = None


@dataclass(frozen=True, slots=True)
class PrintLine:
    on: date
    doc_type: DocumentType
    recipient: str
    printed_by: str


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: datetime
    user: str
    action: str
    workstation: str = ""


@dataclass(frozen=True, slots=True)
class AccessReportDoc:
    """Everything held about one person, for their own copy; may run to many pages."""

    person_name: str
    birth_text: str
    sex: Sex
    nationalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    names: tuple[NameEntry, ...] = ()
    events: tuple[EventLine, ...] = ()
    entitlements: tuple[CoveredService, ...] = ()
    plans: tuple[PlanLine, ...] = ()
    visits: tuple[VisitLine, ...] = ()
    consents: tuple[ConsentLine, ...] = ()
    documents: tuple[PrintLine, ...] = ()
    access: tuple[AuditLine, ...] = ()


# --- statistics summary -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatRow:
    """``count`` None means suppressed because it is below the publication threshold."""

    label: str
    count: int | None


@dataclass(frozen=True, slots=True)
class StatSection:
    title: str
    rows: tuple[StatRow, ...]


@dataclass(frozen=True, slots=True)
class StatisticsSummaryDoc:
    year: int
    total_identified: int | None
    sections: tuple[StatSection, ...] = ()
    suppression_threshold: int = 5
    note: str = ""
    area: str = ""  # a site code, or "" for all sites


DocumentContent = (
    ActionPlanDoc
    | HealthReferralDoc
    | StatusConfirmationDoc
    | ConsentFormDoc
    | IomReferralDoc
    | GuardianSummaryDoc
    | VisitSummaryDoc
    | AccessReportDoc
    | StatisticsSummaryDoc
)
