"""Display texts for the shared vocabulary, translated through Qt Linguist (context "Labels").

Every mapping holds English source texts marked for lupdate; :func:`label` translates one.
Unknown values fall back to the raw code, so a new enum member shows something sensible.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from clinic_app.ui.tr import QT_TRANSLATE_NOOP
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    ContactChannel,
    EventKind,
    ExploitationForm,
    ExtensionGround,
    HealthService,
    LegalStay,
    Outcome,
    Payer,
    Role,
    SafetyFlag,
    Sex,
)

ROLES: dict[str, str] = {
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Labels", "Administrator"),
    Role.TEAM_LEAD: QT_TRANSLATE_NOOP("Labels", "Team lead"),
    Role.SHELTER_STAFF: QT_TRANSLATE_NOOP("Labels", "Shelter staff"),
    Role.NURSE: QT_TRANSLATE_NOOP("Labels", "Nurse"),
    Role.CONTACT_PERSON: QT_TRANSLATE_NOOP("Labels", "Contact person"),
    Role.STATISTICS: QT_TRANSLATE_NOOP("Labels", "Statistics"),
}

SEXES: dict[str, str] = {
    Sex.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    Sex.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
    Sex.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
    Sex.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Unknown"),
}

BIRTH_CERTAINTY: dict[str, str] = {
    BirthCertainty.EXACT: QT_TRANSLATE_NOOP("Labels", "Exact birth date"),
    BirthCertainty.ESTIMATED_YEAR: QT_TRANSLATE_NOOP("Labels", "Estimated birth year"),
    BirthCertainty.AGE_ASSESSED: QT_TRANSLATE_NOOP("Labels", "Age assessed"),
    BirthCertainty.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "Unknown"),
}

EXPLOITATION: dict[str, str] = {
    ExploitationForm.SEXUAL: QT_TRANSLATE_NOOP("Labels", "Sexual exploitation"),
    ExploitationForm.FORCED_LABOUR: QT_TRANSLATE_NOOP("Labels", "Forced labour"),
    ExploitationForm.FORCED_CRIMINALITY: QT_TRANSLATE_NOOP("Labels", "Forced criminality"),
    ExploitationForm.ORGAN_REMOVAL: QT_TRANSLATE_NOOP("Labels", "Organ removal"),
    ExploitationForm.OTHER: QT_TRANSLATE_NOOP("Labels", "Other exploitation"),
}

SAFETY_FLAGS: dict[str, str] = {
    SafetyFlag.DO_NOT_DISCLOSE_LOCATION: QT_TRANSLATE_NOOP("Labels", "Do not disclose location"),
    SafetyFlag.TRAFFICKER_SEARCHING: QT_TRANSLATE_NOOP("Labels", "Trafficker searching"),
    SafetyFlag.NO_PHOTOS: QT_TRANSLATE_NOOP("Labels", "No photos"),
    SafetyFlag.NO_PHONE_CONTACT: QT_TRANSLATE_NOOP("Labels", "No phone contact"),
    SafetyFlag.HEALTH_RISK: QT_TRANSLATE_NOOP("Labels", "Health risk"),
    SafetyFlag.OTHER: QT_TRANSLATE_NOOP("Labels", "Other safety concern"),
}

# Person.status codes (see services.facts_loader.STATUS_LABELS).
STATUSES: dict[str, str] = {
    "history_needs_correction": QT_TRANSLATE_NOOP("Labels", "History needs correction"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Case closed"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned home (IOM follow-up)"),
    "permit": QT_TRANSLATE_NOOP("Labels", "Temporary residence permit"),
    "asylum_granted": QT_TRANSLATE_NOOP("Labels", "Asylum granted"),
    "asylum_pending": QT_TRANSLATE_NOOP("Labels", "Asylum case pending"),
    "identification_refused": QT_TRANSLATE_NOOP(
        "Labels", "Identification refused: reflection period ended"
    ),
    "reflection_extension_requested": QT_TRANSLATE_NOOP(
        "Labels", "Reflection period (extension requested, expected)"
    ),
    "reflection_extended": QT_TRANSLATE_NOOP("Labels", "Reflection period (extended)"),
    "reflection": QT_TRANSLATE_NOOP("Labels", "Reflection period running"),
    "expired_must_leave": QT_TRANSLATE_NOOP(
        "Labels", "Reflection period expired: must leave Denmark"
    ),
    "return_prepared": QT_TRANSLATE_NOOP("Labels", "Referred for assisted voluntary return"),
    "identified": QT_TRANSLATE_NOOP("Labels", "Identified victim"),
    "not_identified": QT_TRANSLATE_NOOP("Labels", "Not identified as a victim"),
    "presumed": QT_TRANSLATE_NOOP("Labels", "Presumed victim"),
}

EVENT_KINDS: dict[str, str] = {
    EventKind.FIRST_CONTACT: QT_TRANSLATE_NOOP("Labels", "First contact"),
    EventKind.IDENTIFICATION: QT_TRANSLATE_NOOP("Labels", "Identification decision"),
    EventKind.LEGAL_STAY: QT_TRANSLATE_NOOP("Labels", "Legal stay"),
    EventKind.REFLECTION_START: QT_TRANSLATE_NOOP("Labels", "Reflection period granted"),
    EventKind.REFLECTION_EXTENSION_REQUESTED: QT_TRANSLATE_NOOP(
        "Labels", "Reflection period extension requested"
    ),
    EventKind.REFLECTION_EXTENSION_DECIDED: QT_TRANSLATE_NOOP(
        "Labels", "Reflection period extension decided"
    ),
    EventKind.PERMIT_APPLICATION: QT_TRANSLATE_NOOP("Labels", "Residence permit applied for"),
    EventKind.PERMIT_GRANTED: QT_TRANSLATE_NOOP("Labels", "Residence permit granted"),
    EventKind.PERMIT_RENEWED: QT_TRANSLATE_NOOP("Labels", "Residence permit renewed"),
    EventKind.PERMIT_ENDED: QT_TRANSLATE_NOOP("Labels", "Residence permit ended"),
    EventKind.ASYLUM_APPLIED: QT_TRANSLATE_NOOP("Labels", "Asylum applied for"),
    EventKind.ASYLUM_DECIDED: QT_TRANSLATE_NOOP("Labels", "Asylum decision"),
    EventKind.AVR_COOPERATION: QT_TRANSLATE_NOOP("Labels", "Cooperates on a prepared return"),
    EventKind.AVR_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Referred to IOM (voluntary return)"),
    EventKind.AVR_DEPARTURE: QT_TRANSLATE_NOOP("Labels", "Departure (voluntary return)"),
    EventKind.CHARGES_WITHDRAWN: QT_TRANSLATE_NOOP("Labels", "Charges withdrawn"),
    EventKind.SHELTER_STAY_START: QT_TRANSLATE_NOOP("Labels", "Shelter stay started"),
    EventKind.SHELTER_STAY_END: QT_TRANSLATE_NOOP("Labels", "Shelter stay ended"),
    EventKind.CASE_CLOSED: QT_TRANSLATE_NOOP("Labels", "Case closed"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("Labels", "Note"),
}

AUTHORITIES: dict[str, str] = {
    Authority.IMMIGRATION_SERVICE: QT_TRANSLATE_NOOP("Labels", "Danish Immigration Service"),
    Authority.SIRI: QT_TRANSLATE_NOOP("Labels", "SIRI"),
    Authority.CMM: QT_TRANSLATE_NOOP("Labels", "Centre against Human Trafficking"),
    Authority.COURT: QT_TRANSLATE_NOOP("Labels", "Court"),
    Authority.POLICE: QT_TRANSLATE_NOOP("Labels", "Police"),
    Authority.PROSECUTION: QT_TRANSLATE_NOOP("Labels", "Prosecution"),
}

OUTCOMES: dict[str, str] = {
    Outcome.IDENTIFIED: QT_TRANSLATE_NOOP("Labels", "Identified"),
    Outcome.NOT_IDENTIFIED: QT_TRANSLATE_NOOP("Labels", "Not identified"),
    Outcome.GRANTED: QT_TRANSLATE_NOOP("Labels", "Granted"),
    Outcome.REFUSED: QT_TRANSLATE_NOOP("Labels", "Refused"),
}

HEALTH_SERVICES: dict[str, str] = {
    HealthService.GENERAL_PRACTICE: QT_TRANSLATE_NOOP("Labels", "General practice"),
    HealthService.PSYCHOLOGICAL_THERAPY: QT_TRANSLATE_NOOP("Labels", "Psychological therapy"),
    HealthService.PSYCHIATRIC_THERAPY: QT_TRANSLATE_NOOP("Labels", "Psychiatric therapy"),
    HealthService.HOSPITALISATION: QT_TRANSLATE_NOOP("Labels", "Hospitalisation"),
    HealthService.PHYSICAL_THERAPY: QT_TRANSLATE_NOOP("Labels", "Physical therapy"),
    HealthService.DENTISTRY: QT_TRANSLATE_NOOP("Labels", "Dentistry"),
    HealthService.SUPPORT_PERSON: QT_TRANSLATE_NOOP("Labels", "Support person"),
    HealthService.BODY_THERAPY: QT_TRANSLATE_NOOP("Labels", "Body therapy"),
}

PAYERS: dict[str, str] = {
    Payer.IMMIGRATION_SERVICE: QT_TRANSLATE_NOOP("Labels", "Danish Immigration Service"),
    Payer.CMM: QT_TRANSLATE_NOOP("Labels", "Centre against Human Trafficking"),
    Payer.OWN_INSURANCE: QT_TRANSLATE_NOOP("Labels", "Own insurance"),
    Payer.NATIONAL_HEALTH: QT_TRANSLATE_NOOP("Labels", "National health insurance"),
    Payer.MUNICIPALITY: QT_TRANSLATE_NOOP("Labels", "Municipality"),
    Payer.UNKNOWN: QT_TRANSLATE_NOOP("Labels", "No source says who pays"),
    Payer.NONE: QT_TRANSLATE_NOOP("Labels", "Not covered"),
}

GROUNDS: dict[str, str] = {
    ExtensionGround.RETURN_COOPERATION: QT_TRANSLATE_NOOP(
        "Labels", "Cooperation on a prepared return"
    ),
    ExtensionGround.PARTICULAR_REASONS: QT_TRANSLATE_NOOP("Labels", "Particular reasons"),
    ExtensionGround.OTHER: QT_TRANSLATE_NOOP("Labels", "Another reason (extends nothing)"),
}


LEGAL_STAYS: dict[str, str] = {
    LegalStay.NONE: QT_TRANSLATE_NOOP("Labels", "No legal stay"),
    LegalStay.ASYLUM_SEEKER: QT_TRANSLATE_NOOP("Labels", "Asylum seeker"),
    LegalStay.EU_CITIZEN: QT_TRANSLATE_NOOP("Labels", "EU citizen"),
    LegalStay.DANISH_CITIZEN: QT_TRANSLATE_NOOP("Labels", "Danish citizen"),
    LegalStay.RESIDENCE_PERMIT: QT_TRANSLATE_NOOP("Labels", "Other legal stay (permit, visa)"),
}

CHANNELS: dict[str, str] = {
    ContactChannel.STREET_OUTREACH: QT_TRANSLATE_NOOP("Labels", "Street outreach"),
    ContactChannel.MASSAGE_PARLOUR: QT_TRANSLATE_NOOP("Labels", "Massage parlour"),
    ContactChannel.ESCORT: QT_TRANSLATE_NOOP("Labels", "Escort"),
    ContactChannel.ASYLUM_CENTRE: QT_TRANSLATE_NOOP("Labels", "Asylum centre"),
    ContactChannel.PRISON: QT_TRANSLATE_NOOP("Labels", "Prison"),
    ContactChannel.POLICE_RAID: QT_TRANSLATE_NOOP("Labels", "Police raid"),
    ContactChannel.HOTLINE: QT_TRANSLATE_NOOP("Labels", "Hotline"),
    ContactChannel.CLINIC: QT_TRANSLATE_NOOP("Labels", "Clinic"),
    ContactChannel.SELF_REFERRAL: QT_TRANSLATE_NOOP("Labels", "Self-referral"),
    ContactChannel.OTHER: QT_TRANSLATE_NOOP("Labels", "Other"),
}

DEADLINE_KINDS: dict[str, str] = {
    "reflection_end": QT_TRANSLATE_NOOP("Labels", "Reflection period ends"),
    "reflection_max_end": QT_TRANSLATE_NOOP("Labels", "Latest possible end of reflection period"),
    "permit_expiry": QT_TRANSLATE_NOOP("Labels", "Residence permit expires"),
    "permit_renewal_reminder": QT_TRANSLATE_NOOP("Labels", "Apply for permit renewal"),
    "avr_follow_up_end": QT_TRANSLATE_NOOP("Labels", "IOM follow-up ends"),
    "turns_18": QT_TRANSLATE_NOOP("Labels", "Turns 18"),
    "entitlement_end": QT_TRANSLATE_NOOP("Labels", "Health entitlement ends"),
    "plan_review": QT_TRANSLATE_NOOP("Labels", "Action plan review"),
    "consent_expiry": QT_TRANSLATE_NOOP("Labels", "Consent expires"),
    "guardian_missing": QT_TRANSLATE_NOOP("Labels", "Guardian missing for a minor"),
    "contact_person_missing": QT_TRANSLATE_NOOP("Labels", "No contact person"),
    "manual_review": QT_TRANSLATE_NOOP("Labels", "Manual review needed"),
    "history_correction": QT_TRANSLATE_NOOP("Labels", "History needs correction"),
}

CATEGORIES: dict[str, str] = {
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "due_7_days": QT_TRANSLATE_NOOP("Labels", "Due within 7 days"),
    "due_30_days": QT_TRANSLATE_NOOP("Labels", "Due within 30 days"),
}

STATES: dict[str, str] = {
    "unknown": QT_TRANSLATE_NOOP("Labels", "Unknown"),
    "presumed": QT_TRANSLATE_NOOP("Labels", "Presumed victim"),
    "identified": QT_TRANSLATE_NOOP("Labels", "Identified"),
    "not_identified": QT_TRANSLATE_NOOP("Labels", "Not identified"),
    "none": QT_TRANSLATE_NOOP("Labels", "None"),
    "running": QT_TRANSLATE_NOOP("Labels", "Running"),
    "extended": QT_TRANSLATE_NOOP("Labels", "Extended"),
    "ended": QT_TRANSLATE_NOOP("Labels", "Ended"),
    "valid": QT_TRANSLATE_NOOP("Labels", "Valid"),
    "expired": QT_TRANSLATE_NOOP("Labels", "Expired"),
    "pending": QT_TRANSLATE_NOOP("Labels", "Pending"),
    "granted": QT_TRANSLATE_NOOP("Labels", "Granted"),
    "refused": QT_TRANSLATE_NOOP("Labels", "Refused"),
    "referred": QT_TRANSLATE_NOOP("Labels", "Referred to IOM"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
}


def label(table: dict[str, str], value: str | Enum | None) -> str:
    """The translated display text for ``value`` in ``table`` ("" for None)."""
    if value is None:
        return ""
    key = value.value if isinstance(value, Enum) else value
    source = table.get(key)
    if source is None:
        return str(key).replace("_", " ")
    return QCoreApplication.translate("Labels", source)
