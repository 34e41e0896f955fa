"""Printed labels in English and Danish, keyed by (language, key).

A document's language is chosen per document (a Danish letter for a Danish doctor, an
English copy for the resident) and is independent of the UI language, so these are plain
dictionaries rather than Qt translations. Enum members are labelled by
``"<EnumClass>.<value>"`` keys; a unit test checks every member has both languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum

from clinic_app.documents.data import Language

_EN: dict[str, str] = {
    # every page
    "page": "Page {page} of {pages}",
    "confidential": "CONFIDENTIAL — contains personal data; do not copy or pass on",
    "date": "Date",
    "case_ref": "Case reference",
    "printed_by": "Printed by",
    "to": "To",
    "name": "Name",
    "signature": "Signature",
    "phone": "Tel.",
    "email": "Email",
    "none": "None recorded.",
    "not_set": "Not set",
    "until_further_notice": "Until further notice",
    "contact_person": "Contact person",
    "notes": "Notes",
    "staff": "Staff member",
    # signature roles
    "sig_person": "Person concerned",
    "sig_contact": "Contact person",
    "sig_guardian": "Personal representative (guardian)",
    "sig_staff": "Staff member",
    # action plan
    "plan_intro": "This plan was prepared together with the person concerned and describes "
    "the support agreed for the period.",
    "plan_period": "Plan period",
    "plan_version": "Version",
    "plan_state": "Status",
    "goal": "Goal",
    "task": "Task",
    "responsible": "Responsible",
    "due": "Due",
    "status": "Status",
    "no_tasks": "No tasks recorded.",
    # health referral
    "referral_intro": "The person with the case reference above is entitled to the health "
    "services listed below. Please send invoices to the payer stated, quoting the case "
    "reference.",
    "addressed_to": "Addressed to",
    "person": "Person",
    "reason": "Reason for referral",
    "urgency": "Urgency",
    "covered": "Covered services",
    "service": "Service",
    "payer": "Paid by",
    "valid_until": "Valid until",
    "basis": "Basis of entitlement",
    # status confirmation
    "status_intro": "This confirms the status recorded for the case reference above on the "
    "date of this document.",
    "identification": "Identification",
    "presumed": "Presumed victim; no decision yet",
    "authority": "Decided by",
    "decided_on": "Date of decision",
    "reflection": "Reflection period (Aliens Act §33(14))",
    "from": "From",
    "until": "Until",
    "max_end": "Latest possible end",
    "permits": "Residence permits",
    "permit": "Permit",
    "asylum": "Asylum",
    "applied_on": "Applied for on",
    "outcome": "Outcome",
    "pending": "Pending",
    "explanations": "How the dates were calculated",
    "rule_set": "Rule set",
    # consent form
    "consent_intro": "I agree that {organisation} may share the information listed below "
    "with the partner named, for the stated purpose only.",
    "shared_with": "Shared with",
    "purpose": "Purpose",
    "categories": "Information that may be shared",
    "valid": "Valid",
    "consent_withdraw": "You may withdraw this consent at any time by telling your contact "
    "person. Withdrawal does not affect information already shared.",
    "interpreted": "Explained with an interpreter in",
    # IOM referral
    "iom_intro": "We refer the person below to IOM for assisted voluntary return and "
    "reintegration. The person has consented to this referral.",
    "nationality": "Nationality",
    "birth": "Date of birth",
    "destination": "Destination",
    "preferred_departure": "Preferred departure",
    "reflection_end": "Reflection period ends",
    "travel_documents": "Travel documents",
    "health_needs": "Health needs during travel and after arrival",
    "reintegration": "Reintegration wishes",
    "escort": "Escort",
    "consent_ref": "Consent reference",
    # guardian summary
    "guardian_intro": "Summary prepared for the child's personal representative. Decisions "
    "must be made in the child's best interests.",
    "child": "Child",
    "guardian": "Personal representative",
    "age": "Age",
    "turns_18": "Turns 18 on",
    "legal_status": "Legal status",
    "events": "Events",
    "plan_goals": "Action plan goals",
    "schooling": "Schooling",
    # visit summary
    "visit_on": "Date of visit",
    "site": "Place",
    "services": "Services",
    "interpreter": "Interpreter",
    "summary": "Summary",
    "referrals": "Referrals",
    "referred_to": "Referred to",
    "follow_up": "Follow-up",
    # access report
    "access_intro": "This report lists all information {organisation} holds about you, "
    "including who has viewed or printed your record (General Data Protection Regulation, "
    "Article 15).",
    "sec_identity": "Identity",
    "sex": "Sex",
    "languages": "Languages",
    "sec_names": "Names and aliases",
    "name_kind": "Type",
    "sec_events": "Case events",
    "event": "Event",
    "detail": "Details",
    "sec_entitlements": "Health entitlements",
    "sec_plans": "Action plans",
    "period": "Period",
    "sec_visits": "Clinic visits",
    "sec_consents": "Consents",
    "withdrawn": "Withdrawn",
    "sec_documents": "Documents printed",
    "document": "Document",
    "recipient": "Recipient",
    "sec_access": "Who has accessed your record",
    "when": "When",
    "user": "User",
    "action": "Action",
    "workstation": "Workstation",
    # statistics summary
    "year": "Year",
    "total_identified": "Identified victims",
    "category": "Category",
    "count": "Number",
    "suppressed": "not shown",
    "stats_note": "Numbers below {n} are not shown, so that no person can be recognised.",
    "public": "Published statistics — contains no personal data",
    "area": "Area",
    "all_sites": "All sites (national)",
    "threshold": "Smallest number shown",
    "stats_hidden": "“{hidden}” marks a number from 1 to {n_1}, or one hidden so that such a "
    "number cannot be worked out from the others. Hidden numbers are drawn as zero in the "
    "charts.",
    "calendar_year": "1 January – 31 December {year}",
}

_DA: dict[str, str] = {
    "page": "Side {page} af {pages}",
    "confidential": "FORTROLIGT — indeholder personoplysninger; må ikke kopieres eller videregives",
    "date": "Dato",
    "case_ref": "Sagsreference",
    "printed_by": "Udskrevet af",
    "to": "Til",
    "name": "Navn",
    "signature": "Underskrift",
    "phone": "Tlf.",
    "email": "E-mail",
    "none": "Intet registreret.",
    "not_set": "Ikke fastsat",
    "until_further_notice": "Indtil videre",
    "contact_person": "Kontaktperson",
    "notes": "Bemærkninger",
    "staff": "Medarbejder",
    "sig_person": "Den pågældende",
    "sig_contact": "Kontaktperson",
    "sig_guardian": "Personlig repræsentant",
    "sig_staff": "Medarbejder",
    "plan_intro": "Planen er udarbejdet sammen med den pågældende og beskriver den støtte, "
    "der er aftalt for perioden.",
    "plan_period": "Planperiode",
    "plan_version": "Version",
    "plan_state": "Status",
    "goal": "Mål",
    "task": "Opgave",
    "responsible": "Ansvarlig",
    "due": "Frist",
    "status": "Status",
    "no_tasks": "Ingen opgaver registreret.",
    "referral_intro": "Personen med ovenstående sagsreference har ret til de sundhedsydelser, "
    "der er nævnt nedenfor. Send venligst regningen til den angivne betaler med angivelse af "
    "sagsreferencen.",
    "addressed_to": "Til",
    "person": "Person",
    "reason": "Årsag til henvisning",
    "urgency": "Hastegrad",
    "covered": "Dækkede ydelser",
    "service": "Ydelse",
    "payer": "Betales af",
    "valid_until": "Gyldig til",
    "basis": "Grundlag for retten til ydelser",
    "status_intro": "Hermed bekræftes den status, der er registreret for ovenstående "
    "sagsreference på dokumentets dato.",
    "identification": "Identifikation",
    "presumed": "Formodet offer; endnu ingen afgørelse",
    "authority": "Afgjort af",
    "decided_on": "Dato for afgørelse",
    "reflection": "Refleksionsperiode (udlændingelovens § 33, stk. 14)",
    "from": "Fra",
    "until": "Til",
    "max_end": "Senest mulige udløb",
    "permits": "Opholdstilladelser",
    "permit": "Tilladelse",
    "asylum": "Asyl",
    "applied_on": "Søgt den",
    "outcome": "Afgørelse",
    "pending": "Verserende",
    "explanations": "Sådan er datoerne beregnet",
    "rule_set": "Regelsæt",
    "consent_intro": "Jeg giver samtykke til, at {organisation} må videregive de oplysninger, "
    "der er nævnt nedenfor, til den nævnte samarbejdspartner og kun til det angivne formål.",
    "shared_with": "Videregives til",
    "purpose": "Formål",
    "categories": "Oplysninger, der må videregives",
    "valid": "Gyldighed",
    "consent_withdraw": "Du kan til enhver tid tilbagekalde samtykket ved at sige det til din "
    "kontaktperson. Tilbagekaldelsen har ikke virkning for oplysninger, der allerede er "
    "videregivet.",
    "interpreted": "Forklaret med tolk på",
    "iom_intro": "Vi henviser nedenstående person til IOM med henblik på assisteret frivillig "
    "hjemrejse og reintegration. Personen har givet samtykke til henvisningen.",
    "nationality": "Nationalitet",
    "birth": "Fødselsdato",
    "destination": "Rejsemål",
    "preferred_departure": "Ønsket udrejse",
    "reflection_end": "Refleksionsperioden udløber",
    "travel_documents": "Rejsedokumenter",
    "health_needs": "Helbredsmæssige behov under rejsen og efter ankomst",
    "reintegration": "Ønsker til reintegration",
    "escort": "Ledsager",
    "consent_ref": "Samtykkereference",
    "guardian_intro": "Resumé udarbejdet til barnets personlige repræsentant. Beslutninger "
    "skal træffes ud fra hensynet til barnets tarv.",
    "child": "Barn",
    "guardian": "Personlig repræsentant",
    "age": "Alder",
    "turns_18": "Fylder 18 år den",
    "legal_status": "Juridisk status",
    "events": "Hændelser",
    "plan_goals": "Mål i handlingsplanen",
    "schooling": "Skolegang",
    "visit_on": "Besøgsdato",
    "site": "Sted",
    "services": "Ydelser",
    "interpreter": "Tolk",
    "summary": "Resumé",
    "referrals": "Henvisninger",
    "referred_to": "Henvist til",
    "follow_up": "Opfølgning",
    "access_intro": "Denne rapport viser alle de oplysninger, {organisation} har registreret "
    "om dig, herunder hvem der har set eller udskrevet dine oplysninger "
    "(databeskyttelsesforordningens artikel 15).",
    "sec_identity": "Identitet",
    "sex": "Køn",
    "languages": "Sprog",
    "sec_names": "Navne og aliasser",
    "name_kind": "Type",
    "sec_events": "Hændelser i sagen",
    "event": "Hændelse",
    "detail": "Detaljer",
    "sec_entitlements": "Ret til sundhedsydelser",
    "sec_plans": "Handlingsplaner",
    "period": "Periode",
    "sec_visits": "Klinikbesøg",
    "sec_consents": "Samtykker",
    "withdrawn": "Tilbagekaldt",
    "sec_documents": "Udskrevne dokumenter",
    "document": "Dokument",
    "recipient": "Modtager",
    "sec_access": "Hvem har haft adgang til dine oplysninger",
    "when": "Tidspunkt",
    "user": "Bruger",
    "action": "Handling",
    "workstation": "Arbejdsstation",
    "year": "År",
    "total_identified": "Identificerede ofre",
    "category": "Kategori",
    "count": "Antal",
    "suppressed": "ikke vist",
    "stats_note": "Tal under {n} vises ikke, så ingen person kan genkendes.",
    "public": "Offentliggjort statistik — indeholder ingen personoplysninger",
    "area": "Område",
    "all_sites": "Alle steder (hele landet)",
    "threshold": "Mindste viste tal",
    "stats_hidden": "“{hidden}” betegner et tal fra 1 til {n_1} eller et tal, der er skjult, så "
    "et sådant tal ikke kan regnes ud fra de andre. Skjulte tal tegnes som nul i diagrammerne.",
    "calendar_year": "1. januar – 31. december {year}",
}

# Enum members: "<EnumClass>.<value>" -> (English, Danish)
_ENUMS: dict[str, tuple[str, str]] = {
    "DocumentType.action_plan": ("Individual action plan", "Individuel handlingsplan"),
    "DocumentType.health_referral": (
        "Health referral and entitlement letter",
        "Henvisning og bekræftelse af ret til sundhedsydelser",
    ),
    "DocumentType.status_confirmation": ("Status confirmation", "Bekræftelse af status"),
    "DocumentType.consent_form": (
        "Consent to share information",
        "Samtykke til videregivelse af oplysninger",
    ),
    "DocumentType.iom_referral": (
        "Referral for assisted voluntary return (IOM)",
        "Henvisning til assisteret frivillig hjemrejse (IOM)",
    ),
    "DocumentType.guardian_summary": (
        "Case summary for the personal representative",
        "Sagsresumé til den personlige repræsentant",
    ),
    "DocumentType.visit_summary": ("Visit summary", "Besøgsresumé"),
    "DocumentType.access_report": (
        "Access report: the data held about you",
        "Indsigtsrapport: de oplysninger, der er registreret om dig",
    ),
    "DocumentType.statistics_summary": ("Annual statistics summary", "Årlig statistikoversigt"),
    "PlanArea.safety_housing": ("Safety and housing", "Sikkerhed og bolig"),
    "PlanArea.health": ("Health", "Sundhed"),
    "PlanArea.legal": ("Legal matters", "Juridiske forhold"),
    "PlanArea.psychosocial": ("Psychosocial support", "Psykosocial støtte"),
    "PlanArea.education": ("Education and up-skilling", "Uddannelse og opkvalificering"),
    "PlanArea.return_residence": ("Return or residence", "Hjemrejse eller ophold"),
    "PlanArea.schooling": ("Schooling", "Skolegang"),
    "PlanArea.family_tracing": ("Family tracing", "Eftersøgning af familie"),
    "PlanArea.durable_solution": ("Durable solution", "Varig løsning"),
    "PlanState.draft": ("Draft", "Udkast"),
    "PlanState.agreed": ("Agreed", "Aftalt"),
    "PlanState.superseded": ("Superseded", "Erstattet"),
    "TaskStatus.open": ("Open", "Åben"),
    "TaskStatus.in_progress": ("In progress", "I gang"),
    "TaskStatus.done": ("Done", "Udført"),
    "TaskStatus.cancelled": ("Cancelled", "Annulleret"),
    "HealthService.general_practice": ("General practice", "Almen praksis"),
    "HealthService.psychological_therapy": ("Psychological therapy", "Psykologbehandling"),
    "HealthService.psychiatric_therapy": ("Psychiatric treatment", "Psykiatrisk behandling"),
    "HealthService.hospitalisation": ("Hospital treatment", "Hospitalsbehandling"),
    "HealthService.physical_therapy": ("Physiotherapy", "Fysioterapi"),
    "HealthService.dentistry": ("Dental treatment", "Tandbehandling"),
    "HealthService.support_person": ("Support person", "Støtteperson"),
    "HealthService.body_therapy": ("Body therapy", "Kropsterapi"),
    "Payer.immigration_service": (
        "Danish Immigration Service (DIS)",
        "Udlændingestyrelsen",
    ),
    "Payer.cmm": (
        "Danish Centre against Human Trafficking (CMM)",
        "Center mod Menneskehandel (CMM)",
    ),
    "Payer.own_insurance": ("Own health insurance", "Egen sygeforsikring"),
    "Payer.national_health": (
        "Danish public health insurance (yellow card)",
        "Den offentlige sygesikring (gult sundhedskort)",
    ),
    "Payer.municipality": ("Municipality", "Kommunen"),
    "Payer.unknown": ("No source says who pays", "Ingen kilde siger, hvem der betaler"),
    "Payer.none": ("Not covered", "Ikke dækket"),
    "Urgency.routine": ("Routine", "Almindelig"),
    "Urgency.soon": ("Soon", "Snarest"),
    "Urgency.urgent": ("Urgent", "Akut"),
    "Authority.immigration_service": ("Danish Immigration Service", "Udlændingestyrelsen"),
    "Authority.siri": (
        "Danish Agency for International Recruitment and Integration (SIRI)",
        "Styrelsen for International Rekruttering og Integration (SIRI)",
    ),
    "Authority.cmm": (
        "Danish Centre against Human Trafficking (CMM)",
        "Center mod Menneskehandel (CMM)",
    ),
    "Authority.court": ("Court", "Retten"),
    "Authority.police": ("Police", "Politiet"),
    "Authority.prosecution": ("Prosecution service", "Anklagemyndigheden"),
    "Outcome.identified": (
        "Identified as a victim of human trafficking",
        "Identificeret som offer for menneskehandel",
    ),
    "Outcome.not_identified": ("Not identified", "Ikke identificeret"),
    "Outcome.granted": ("Granted", "Imødekommet"),
    "Outcome.refused": ("Refused", "Afslået"),
    "EventKind.first_contact": ("First contact", "Første kontakt"),
    "EventKind.identification": ("Identification", "Identifikation"),
    "EventKind.legal_stay": ("Legal stay", "Lovligt ophold"),
    "EventKind.reflection_start": ("Reflection period started", "Refleksionsperiode begyndt"),
    "EventKind.reflection_extension_requested": (
        "Extension of the reflection period requested",
        "Forlængelse af refleksionsperioden søgt",
    ),
    "EventKind.reflection_extension_decided": (
        "Decision on extending the reflection period",
        "Afgørelse om forlængelse af refleksionsperioden",
    ),
    "EventKind.permit_application": (
        "Residence permit applied for",
        "Ansøgning om opholdstilladelse",
    ),
    "EventKind.permit_granted": ("Residence permit granted", "Opholdstilladelse meddelt"),
    "EventKind.permit_renewed": ("Residence permit renewed", "Opholdstilladelse forlænget"),
    "EventKind.permit_ended": ("Residence permit ended", "Opholdstilladelse ophørt"),
    "EventKind.asylum_applied": ("Asylum applied for", "Asyl søgt"),
    "EventKind.asylum_decided": ("Asylum decision", "Afgørelse om asyl"),
    "EventKind.avr_cooperation": (
        "Cooperates on a prepared return",
        "Samarbejder om en forberedt hjemrejse",
    ),
    "EventKind.avr_referral": (
        "Referred for assisted voluntary return",
        "Henvist til assisteret frivillig hjemrejse",
    ),
    "EventKind.avr_departure": ("Departure (voluntary return)", "Udrejse (frivillig hjemrejse)"),
    "EventKind.charges_withdrawn": ("Charges withdrawn", "Sigtelse frafaldet"),
    "EventKind.shelter_stay_start": ("Shelter stay started", "Ophold på krisecenter begyndt"),
    "EventKind.shelter_stay_end": ("Shelter stay ended", "Ophold på krisecenter afsluttet"),
    "EventKind.case_closed": ("Case closed", "Sag afsluttet"),
    "EventKind.note": ("Note", "Notat"),
    "VisitService.consultation": ("Consultation", "Konsultation"),
    "VisitService.sti_testing": ("STI testing", "Test for kønssygdomme"),
    "VisitService.pregnancy_test": ("Pregnancy test", "Graviditetstest"),
    "VisitService.contraception": ("Contraception", "Prævention"),
    "VisitService.vaccination": ("Vaccination", "Vaccination"),
    "VisitService.wound_care": ("Wound care", "Sårbehandling"),
    "VisitService.psychosocial_talk": ("Psychosocial talk", "Psykosocial samtale"),
    "VisitService.rights_counselling": ("Rights counselling", "Rådgivning om rettigheder"),
    "VisitService.referral": ("Referral", "Henvisning"),
    "DataCategory.identity": (
        "Identity (name, date of birth, nationality)",
        "Identitet (navn, fødselsdato, nationalitet)",
    ),
    "DataCategory.legal_status": ("Legal status", "Juridisk status"),
    "DataCategory.health": ("Health information", "Helbredsoplysninger"),
    "DataCategory.action_plan": ("Action plan", "Handlingsplan"),
    "DataCategory.contact_details": ("Contact details", "Kontaktoplysninger"),
    "DataCategory.location": ("Where the person lives", "Opholdssted"),
    "Sex.female": ("Female", "Kvinde"),
    "Sex.male": ("Male", "Mand"),
    "Sex.other": ("Other", "Andet"),
    "Sex.unknown": ("Unknown", "Ukendt"),
    "InterpreterMode.in_person": ("In person", "Fremmødetolk"),
    "InterpreterMode.phone": ("By telephone", "Telefontolk"),
    "InterpreterMode.video": ("By video", "Videotolk"),
    "RecipientKind.doctor": ("Doctor", "Læge"),
    "RecipientKind.dentist": ("Dentist", "Tandlæge"),
    "RecipientKind.psychologist": ("Psychologist", "Psykolog"),
    "RecipientKind.hospital": ("Hospital", "Hospital"),
}

LABELS: Mapping[tuple[str, str], str] = {
    **{("en", k): v for k, v in _EN.items()},
    **{("da", k): v for k, v in _DA.items()},
    **{("en", k): en for k, (en, _da) in _ENUMS.items()},
    **{("da", k): da for k, (_en, da) in _ENUMS.items()},
}

_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def label(language: Language, key: str, **values: object) -> str:
    """The label for ``key``; ``values`` fill ``{placeholders}`` (callers escape them)."""
    text = LABELS[(language, key)]
    return text.format(**values) if values else text


def enum_label(language: Language, member: StrEnum) -> str:
    return LABELS[(language, f"{type(member).__name__}.{member.value}")]


def format_date(language: Language, value: date | None) -> str:
    """Dates as each language writes them in letters; missing dates print as a dash."""
    if value is None:
        return "—"
    if language == "da":
        return f"{value.day:02d}.{value.month:02d}.{value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_datetime(language: Language, value: datetime) -> str:
    return f"{format_date(language, value.date())} {value:%H:%M}"
