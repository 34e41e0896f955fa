"""The domain's fixed vocabulary: enumerations shared by models, rules, services and documents.

Pure Python with no project imports, so every layer may use it. Values are stored in the
database as these strings; never rename a value without a migration.
"""

from __future__ import annotations

from enum import StrEnum


class SiteKind(StrEnum):
    SHELTER = "shelter"
    CLINIC = "clinic"
    MOBILE_UNIT = "mobile_unit"


class PartnerKind(StrEnum):
    POLICE = "police"
    IMMIGRATION = "immigration"
    LEGAL = "legal"
    MEDICAL = "medical"
    IOM = "iom"
    NGO = "ngo"
    MUNICIPALITY = "municipality"
    AUTHORITY = "authority"


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    TEAM_LEAD = "team_lead"
    SHELTER_STAFF = "shelter_staff"
    NURSE = "nurse"
    CONTACT_PERSON = "contact_person"
    STATISTICS = "statistics"


class Sex(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"


class BirthCertainty(StrEnum):
    """How well a person's birth date is known."""

    EXACT = "exact"  # birth_date holds the documented date
    ESTIMATED_YEAR = "estimated_year"  # only birth_year is known (estimated)
    AGE_ASSESSED = "age_assessed"  # an age assessment on a date gave an age in years
    UNKNOWN = "unknown"


class ExploitationForm(StrEnum):
    SEXUAL = "sexual"
    FORCED_LABOUR = "forced_labour"
    FORCED_CRIMINALITY = "forced_criminality"
    ORGAN_REMOVAL = "organ_removal"
    OTHER = "other"


class SafetyFlag(StrEnum):
    DO_NOT_DISCLOSE_LOCATION = "do_not_disclose_location"
    TRAFFICKER_SEARCHING = "trafficker_searching"
    NO_PHOTOS = "no_photos"
    NO_PHONE_CONTACT = "no_phone_contact"
    HEALTH_RISK = "health_risk"
    OTHER = "other"


class EventKind(StrEnum):
    """Kinds of legal/case events on a person's timeline."""

    FIRST_CONTACT = "first_contact"  # channel
    IDENTIFICATION = "identification"  # authority, outcome (identified / not_identified)
    LEGAL_STAY = "legal_stay"  # stay status from event_date
    REFLECTION_START = "reflection_start"  # reflection period granted from event_date
    # Aliens Act §33(14): a request (ground, optional requested end in end_date), then the
    # decision letter (outcome granted / refused; end_date = the end the letter gives).
    REFLECTION_EXTENSION_REQUESTED = "reflection_extension_requested"
    REFLECTION_EXTENSION_DECIDED = "reflection_extension_decided"
    PERMIT_APPLICATION = "permit_application"  # §9c(5), applicant police / prosecution
    PERMIT_GRANTED = "permit_granted"  # valid event_date .. end_date
    PERMIT_RENEWED = "permit_renewed"  # valid event_date .. end_date
    PERMIT_ENDED = "permit_ended"  # investigation/prosecution over, or refused
    ASYLUM_APPLIED = "asylum_applied"
    ASYLUM_DECIDED = "asylum_decided"  # outcome granted / refused
    AVR_COOPERATION = "avr_cooperation"  # cooperates on a prepared / assisted return
    AVR_REFERRAL = "avr_referral"  # referred to IOM for assisted voluntary return
    AVR_DEPARTURE = "avr_departure"  # departed / arrived in home country
    CHARGES_WITHDRAWN = "charges_withdrawn"  # Administration of Justice Act §722(2)
    SHELTER_STAY_START = "shelter_stay_start"
    SHELTER_STAY_END = "shelter_stay_end"
    CASE_CLOSED = "case_closed"
    NOTE = "note"


class ExtensionGround(StrEnum):
    """Why a longer reflection period is asked for (Aliens Act §33(14))."""

    RETURN_COOPERATION = "return_cooperation"  # cooperation on a prepared / assisted return
    PARTICULAR_REASONS = "particular_reasons"  # "særlige grunde"
    OTHER = "other"  # no ground the Act knows: the request extends nothing


class ContactChannel(StrEnum):
    STREET_OUTREACH = "street_outreach"
    MASSAGE_PARLOUR = "massage_parlour"
    ESCORT = "escort"
    ASYLUM_CENTRE = "asylum_centre"
    PRISON = "prison"
    POLICE_RAID = "police_raid"
    HOTLINE = "hotline"
    CLINIC = "clinic"
    SELF_REFERRAL = "self_referral"
    OTHER = "other"


class Authority(StrEnum):
    """Bodies that identify victims, decide permits or asylum."""

    IMMIGRATION_SERVICE = "immigration_service"  # DIS (Udlændingestyrelsen)
    SIRI = "siri"  # Danish Agency for International Recruitment and Integration
    CMM = "cmm"  # Danish Centre against Human Trafficking
    COURT = "court"
    POLICE = "police"
    PROSECUTION = "prosecution"


class Outcome(StrEnum):
    IDENTIFIED = "identified"
    NOT_IDENTIFIED = "not_identified"
    GRANTED = "granted"
    REFUSED = "refused"


class LegalStay(StrEnum):
    """Legal stay status, which decides who identifies and who pays for health care."""

    NONE = "none"  # no legal stay (irregular)
    ASYLUM_SEEKER = "asylum_seeker"  # in the asylum system, no legal stay for identification
    EU_CITIZEN = "eu_citizen"
    DANISH_CITIZEN = "danish_citizen"
    RESIDENCE_PERMIT = "residence_permit"  # other legal stay (permit, visa)


class HealthService(StrEnum):
    """Health services an entitlement may cover."""

    GENERAL_PRACTICE = "general_practice"
    PSYCHOLOGICAL_THERAPY = "psychological_therapy"
    PSYCHIATRIC_THERAPY = "psychiatric_therapy"
    HOSPITALISATION = "hospitalisation"
    PHYSICAL_THERAPY = "physical_therapy"
    DENTISTRY = "dentistry"
    SUPPORT_PERSON = "support_person"
    BODY_THERAPY = "body_therapy"


class Payer(StrEnum):
    IMMIGRATION_SERVICE = "immigration_service"  # DIS
    CMM = "cmm"
    OWN_INSURANCE = "own_insurance"
    NATIONAL_HEALTH = "national_health"  # yellow card: ordinary care via region, municipality
    MUNICIPALITY = "municipality"
    UNKNOWN = "unknown"  # covered, but no source says who pays
    NONE = "none"


class PlanArea(StrEnum):
    SAFETY_HOUSING = "safety_housing"
    HEALTH = "health"
    LEGAL = "legal"
    PSYCHOSOCIAL = "psychosocial"
    EDUCATION = "education"  # up-skilling: IT, English courses
    RETURN_RESIDENCE = "return_residence"  # return and reintegration, or residence
    SCHOOLING = "schooling"  # children
    FAMILY_TRACING = "family_tracing"  # children, only in the child's best interest
    DURABLE_SOLUTION = "durable_solution"  # children


class PlanState(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    SUPERSEDED = "superseded"


class TaskStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class VisitService(StrEnum):
    CONSULTATION = "consultation"
    STI_TESTING = "sti_testing"
    PREGNANCY_TEST = "pregnancy_test"
    CONTRACEPTION = "contraception"
    VACCINATION = "vaccination"
    WOUND_CARE = "wound_care"
    PSYCHOSOCIAL_TALK = "psychosocial_talk"
    RIGHTS_COUNSELLING = "rights_counselling"
    REFERRAL = "referral"


class AgeBand(StrEnum):
    UNDER_18 = "under_18"
    AGE_18_24 = "18_24"
    AGE_25_34 = "25_34"
    AGE_35_44 = "35_44"
    AGE_45_PLUS = "45_plus"
    UNKNOWN = "unknown"


class InterpreterMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


class Urgency(StrEnum):
    ROUTINE = "routine"
    SOON = "soon"
    URGENT = "urgent"


class ReferralStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class DocumentType(StrEnum):
    ACTION_PLAN = "action_plan"
    HEALTH_REFERRAL = "health_referral"
    STATUS_CONFIRMATION = "status_confirmation"
    CONSENT_FORM = "consent_form"
    IOM_REFERRAL = "iom_referral"
    GUARDIAN_SUMMARY = "guardian_summary"
    VISIT_SUMMARY = "visit_summary"
    ACCESS_REPORT = "access_report"
    STATISTICS_SUMMARY = "statistics_summary"


class DocumentAction(StrEnum):
    PRINT = "print"
    SAVE = "save"
    EXPORT = "export"


class DataCategory(StrEnum):
    """Categories of personal data a consent may allow to be shared."""

    IDENTITY = "identity"
    LEGAL_STATUS = "legal_status"
    HEALTH = "health"
    ACTION_PLAN = "action_plan"
    CONTACT_DETAILS = "contact_details"
    LOCATION = "location"
