"""Legal timeline and entitlement rules: pure functions of (facts, rule set, date).

No database, no Qt: the services layer maps rows to ``facts`` and shows the results.
"""

from clinic_app.rules.dates import age_on, eighteenth_birthday
from clinic_app.rules.entitlements import EXTENDED_SERVICES, compute_entitlements
from clinic_app.rules.explain import Message, enum_text, from_json, msg, render, to_json
from clinic_app.rules.facts import (
    BirthFact,
    ConsentFact,
    EventFact,
    ManualEntitlement,
    PersonFacts,
)
from clinic_app.rules.results import (
    AsylumState,
    Deadline,
    DeadlineKind,
    EntitlementLine,
    EntitlementSource,
    IdentificationState,
    IdentificationStatus,
    Notice,
    PermitState,
    PermitStatus,
    ReflectionState,
    ReflectionStatus,
    ReturnState,
    ReturnStatus,
    RuleViolation,
    Severity,
    Timeline,
)
from clinic_app.rules.rule_sets import (
    RuleSet,
    Source,
    all_rule_sets,
    authority_may_identify,
    identification_authority,
    in_review_window,
    rule_set_by_id,
    rule_set_for,
)
from clinic_app.rules.statuses import STATUS_PRECEDENCE
from clinic_app.rules.timeline import compute_timeline, status_document_refusal
from clinic_app.rules.validation import check_event, validate_history

__all__ = [
    "EXTENDED_SERVICES",
    "STATUS_PRECEDENCE",
    "AsylumState",
    "BirthFact",
    "ConsentFact",
    "Deadline",
    "DeadlineKind",
    "EntitlementLine",
    "EntitlementSource",
    "EventFact",
    "IdentificationState",
    "IdentificationStatus",
    "ManualEntitlement",
    "Message",
    "Notice",
    "PermitState",
    "PermitStatus",
    "PersonFacts",
    "ReflectionState",
    "ReflectionStatus",
    "ReturnState",
    "ReturnStatus",
    "RuleSet",
    "RuleViolation",
    "Severity",
    "Source",
    "Timeline",
    "age_on",
    "all_rule_sets",
    "authority_may_identify",
    "check_event",
    "compute_entitlements",
    "compute_timeline",
    "eighteenth_birthday",
    "enum_text",
    "from_json",
    "identification_authority",
    "in_review_window",
    "msg",
    "render",
    "rule_set_by_id",
    "rule_set_for",
    "status_document_refusal",
    "to_json",
    "validate_history",
]
