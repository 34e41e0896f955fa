"""Fictional sample content for every document type, for previews, tests and benchmarks.

All names, references and events are invented.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from clinic_app.documents.data import (
    AccessReportDoc,
    ActionPlanDoc,
    AsylumInfo,
    AuditLine,
    ConsentFormDoc,
    ConsentLine,
    CoveredService,
    DocumentContent,
    DocumentMeta,
    EventLine,
    Explanation,
    GuardianSummaryDoc,
    HealthReferralDoc,
    IdentificationInfo,
    IomReferralDoc,
    Language,
    Letterhead,
    NameEntry,
    PermitInfo,
    PlanGoal,
    PlanLine,
    PlanTask,
    PrintLine,
    RecipientInfo,
    RecipientKind,
    ReflectionInfo,
    StatisticsSummaryDoc,
    StatRow,
    StatSection,
    StatusConfirmationDoc,
    TimelineEntry,
    VisitLine,
    VisitReferral,
    VisitSummaryDoc,
)
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

PERSON = "Ioana Popescu-Țăranu"
CASE_REF = "CASE-2026-0042"
ISSUED = date(2026, 3, 14)
START = date(2026, 2, 2)
END = date(2026, 6, 1)


def letterhead() -> Letterhead:
    return Letterhead(
        organisation="Krisecenter Øresund",
        address="Postboks 123, 1620 København V",
        phone="+45 70 00 00 00",
        email="kontakt@example.org",
    )


def meta(
    doc_type: DocumentType,
    language: Language = "en",
    recipient: RecipientInfo | None = None,
    case_ref: str = CASE_REF,
) -> DocumentMeta:
    # The statistics summary is a publication: no case reference, no staff name.
    public = doc_type is DocumentType.STATISTICS_SUMMARY
    return DocumentMeta(
        doc_type=doc_type,
        language=language,
        case_ref="" if public else case_ref,
        issued_on=ISSUED,
        printed_by="" if public else "Mette Sørensen",
        recipient=recipient,
        public=public,
    )


def goals(count: int = 4) -> tuple[PlanGoal, ...]:
    areas = list(PlanArea)
    return tuple(
        PlanGoal(
            area=areas[i % len(areas)],
            goal=f"Goal {i + 1}: stable and safe daily life, with support where needed",
            tasks=tuple(
                PlanTask(
                    description=f"Task {i + 1}.{j + 1}: book appointment and accompany to it",
                    responsible="Mette Sørensen",
                    due=START + timedelta(days=7 * (j + 1)),
                    status=list(TaskStatus)[j % 4],
                )
                for j in range(4)
            ),
        )
        for i in range(count)
    )


def action_plan(goal_count: int = 4, guardian: str | None = None, notes: str = "") -> ActionPlanDoc:
    return ActionPlanDoc(
        person_name=PERSON,
        period_start=START,
        period_end=END,
        state=PlanState.AGREED,
        version=2,
        contact_person="Mette Sørensen",
        goals=goals(goal_count),
        guardian_name=guardian,
        notes=notes,
    )


def access_report(events: int = 20) -> AccessReportDoc:
    kinds = list(EventKind)
    return AccessReportDoc(
        person_name=PERSON,
        birth_text="about 1994",
        sex=Sex.FEMALE,
        nationalities=("Romania",),
        languages=("Romanian", "English"),
        names=(NameEntry(PERSON, "legal name"), NameEntry("Ioana P.", "alias")),
        events=tuple(
            EventLine(
                on=START + timedelta(days=i),
                kind=kinds[i % len(kinds)],
                detail=f"Recorded by staff, entry {i + 1}",
            )
            for i in range(events)
        ),
        entitlements=(CoveredService(HealthService.DENTISTRY, Payer.CMM, END),),
        plans=(
            PlanLine(1, PlanState.SUPERSEDED, START, END),
            PlanLine(2, PlanState.AGREED, START, END),
        ),
        visits=(VisitLine(START, "Vesterbro clinic", (VisitService.CONSULTATION,)),),
        consents=(ConsentLine("IOM Denmark", "Assisted voluntary return", START, END),),
        documents=(PrintLine(START, DocumentType.ACTION_PLAN, "Resident", "Mette Sørensen"),),
        access=tuple(
            AuditLine(
                at=datetime(2026, 2, 2, 9, 0) + timedelta(hours=i),
                user="Mette Sørensen",
                action="view",
                workstation="SHELTER-PC-1",
            )
            for i in range(events)
        ),
    )


def content(doc_type: DocumentType) -> DocumentContent:
    """Typical content for ``doc_type``."""
    match doc_type:
        case DocumentType.ACTION_PLAN:
            return action_plan()
        case DocumentType.HEALTH_REFERRAL:
            return HealthReferralDoc(
                recipient_kind=RecipientKind.DENTIST,
                reason="Tooth pain for two weeks; needs examination.",
                urgency=Urgency.SOON,
                services=(
                    CoveredService(HealthService.DENTISTRY, Payer.CMM, END),
                    CoveredService(HealthService.GENERAL_PRACTICE, Payer.CMM, None),
                ),
                entitlement_basis="Identified victim with legal stay; CMM pays (no own insurance).",
                person_name=PERSON,
                include_name=False,
                contact_person="Mette Sørensen",
            )
        case DocumentType.STATUS_CONFIRMATION:
            return StatusConfirmationDoc(
                identification=IdentificationInfo(
                    Outcome.IDENTIFIED, Authority.IMMIGRATION_SERVICE, START
                ),
                reflection=ReflectionInfo(
                    START, START + timedelta(days=30), END, "reflection-2023"
                ),
                permits=(PermitInfo("Aliens Act §9c(5)", START, END, "permit-2023"),),
                asylum=AsylumInfo(START),
                explanations=(Explanation("30 days from identification", "reflection-2023"),),
                person_name=PERSON,
            )
        case DocumentType.CONSENT_FORM:
            return ConsentFormDoc(
                person_name=PERSON,
                partner_name="IOM Denmark",
                purpose="Planning assisted voluntary return and reintegration.",
                data_categories=(DataCategory.IDENTITY, DataCategory.HEALTH),
                valid_from=START,
                valid_to=END,
                staff_name="Mette Sørensen",
                interpreter_language="Romanian",
            )
        case DocumentType.IOM_REFERRAL:
            return IomReferralDoc(
                person_name=PERSON,
                nationality="Romania",
                birth_text="about 1994",
                destination="Iași, Romania",
                preferred_departure=END,
                reflection_end=END,
                travel_documents="Passport held by the person",
                health_needs="Continued dental treatment after arrival.",
                reintegration_wishes="Training as a hairdresser; small-business support.",
                contact_person="Mette Sørensen",
                consent_reference="CONSENT-17",
            )
        case DocumentType.GUARDIAN_SUMMARY:
            return GuardianSummaryDoc(
                child_name="Nguyễn Thị Hương",
                guardian_name="Jens Ærø",
                age_text="16 (age assessed 10.01.2026)",
                turns_18_on=date(2027, 8, 1),
                legal_status=("Asylum seeker", "Presumed victim; identification pending"),
                events=(TimelineEntry(START, "Moved to the children's centre"),),
                goals=goals(2),
                schooling="Attends Danish lessons four days a week.",
                contact_person="Mette Sørensen",
            )
        case DocumentType.VISIT_SUMMARY:
            return VisitSummaryDoc(
                visit_on=START,
                site="Vesterbro clinic",
                services=(VisitService.CONSULTATION, VisitService.STI_TESTING),
                summary="Came in with a friend. Tests taken; results in one week.",
                interpreter=InterpreterMode.PHONE,
                interpreter_language="Thai",
                referrals=(VisitReferral("Hvidovre Hospital", "Ultrasound", Urgency.ROUTINE),),
                follow_up_on=START + timedelta(days=7),
                person_name="Anna",
                staff_name="Nurse Kirsten",
            )
        case DocumentType.ACCESS_REPORT:
            return access_report()
        case DocumentType.STATISTICS_SUMMARY:
            return StatisticsSummaryDoc(
                year=2025,
                total_identified=64,
                sections=(
                    StatSection(
                        "Form of exploitation",
                        (
                            StatRow("Sexual", 41),
                            StatRow("Forced labour", 19),
                            StatRow("Other", None),
                        ),
                    ),
                    StatSection("Age", (StatRow("Adults", 60), StatRow("Children", None))),
                ),
            )
    raise ValueError(doc_type)
