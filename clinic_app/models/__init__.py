"""SQLAlchemy 2.0 typed models, one module per aggregate. Importing this package registers all."""

from clinic_app.models.action_plan import (
    ActionPlan,
    ActionPlanVersion,
    PlanGoal,
    PlanTask,
    PlanTemplate,
)
from clinic_app.models.audit import AuditAnchor, AuditEvent, AuditListPerson
from clinic_app.models.base import Base, utcnow
from clinic_app.models.case_event import CaseEvent, PersonDeadline
from clinic_app.models.consent import Consent
from clinic_app.models.contact import ContactPersonAssignment, GuardianAssignment
from clinic_app.models.document_log import DocumentLog
from clinic_app.models.entitlement import Entitlement
from clinic_app.models.partner import Partner, PartnerContact
from clinic_app.models.person import (
    Person,
    PersonExploitation,
    PersonLanguage,
    PersonName,
    PersonSafetyFlag,
)
from clinic_app.models.setting import AppSetting
from clinic_app.models.site import Site
from clinic_app.models.statistics_release import StatisticsRelease
from clinic_app.models.user import LoginFailure, User
from clinic_app.models.visit import (
    AnonymousVisitor,
    MobileOuting,
    Referral,
    Visit,
    VisitServiceGiven,
)
from clinic_app.models.workstation import SharedSecret, Workstation, WorkstationEnrolment

__all__ = [
    "ActionPlan",
    "ActionPlanVersion",
    "AnonymousVisitor",
    "AppSetting",
    "AuditAnchor",
    "AuditEvent",
    "AuditListPerson",
    "Base",
    "CaseEvent",
    "Consent",
    "ContactPersonAssignment",
    "DocumentLog",
    "Entitlement",
    "GuardianAssignment",
    "LoginFailure",
    "MobileOuting",
    "Partner",
    "PartnerContact",
    "Person",
    "PersonDeadline",
    "PersonExploitation",
    "PersonLanguage",
    "PersonName",
    "PersonSafetyFlag",
    "PlanGoal",
    "PlanTask",
    "PlanTemplate",
    "Referral",
    "SharedSecret",
    "Site",
    "StatisticsRelease",
    "User",
    "Visit",
    "VisitServiceGiven",
    "Workstation",
    "WorkstationEnrolment",
    "utcnow",
]
