"""Frozen results of the rules: statuses, deadlines, entitlement lines and violations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from clinic_app.rules.facts import EventFact
from clinic_app.vocabulary import Authority, HealthService, LegalStay, Payer


class IdentificationState(StrEnum):
    UNKNOWN = "unknown"  # no case event recorded yet
    PRESUMED = "presumed"
    IDENTIFIED = "identified"
    NOT_IDENTIFIED = "not_identified"


class ReflectionState(StrEnum):
    NONE = "none"
    RUNNING = "running"
    EXTENDED = "extended"
    ENDED = "ended"


class PermitState(StrEnum):
    NONE = "none"
    VALID = "valid"
    EXPIRED = "expired"
    ENDED = "ended"  # investigation/prosecution over, or refused


class AsylumState(StrEnum):
    NONE = "none"
    PENDING = "pending"
    GRANTED = "granted"
    REFUSED = "refused"


class ReturnState(StrEnum):
    NONE = "none"
    REFERRED = "referred"
    RETURNED = "returned"


class DeadlineKind(StrEnum):
    REFLECTION_END = "reflection_end"
    REFLECTION_MAX_END = "reflection_max_end"
    PERMIT_EXPIRY = "permit_expiry"
    PERMIT_RENEWAL_REMINDER = "permit_renewal_reminder"
    AVR_FOLLOW_UP_END = "avr_follow_up_end"
    TURNS_18 = "turns_18"
    ENTITLEMENT_END = "entitlement_end"
    PLAN_REVIEW = "plan_review"
    CONSENT_EXPIRY = "consent_expiry"
    GUARDIAN_MISSING = "guardian_missing"
    CONTACT_PERSON_MISSING = "contact_person_missing"


class Severity(StrEnum):
    PAST = "past"  # due before today: history, or overdue if nothing was done
    URGENT = "urgent"  # within 7 days, or an obligation unmet today
    WARNING = "warning"  # within 30 days
    INFO = "info"


class EntitlementSource(StrEnum):
    RULE = "rule"
    MANUAL = "manual"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due: dt.date
    since: dt.date  # the date the deadline counts from (never after ``due``)
    rule_set_id: str | None  # the rule set that produced it; None when no legal rule applies
    severity: Severity
    explanation: str  # one line of English
    uncertain: bool = False  # e.g. turns 18 from an estimated birth date
    reference: int | None = None  # event id or consent id it belongs to


@dataclass(frozen=True)
class IdentificationStatus:
    state: IdentificationState
    authority: Authority | None  # who decided (identified / not identified)
    decided_on: dt.date | None
    expected_authority: Authority | None  # who should decide, from the legal stay today


@dataclass(frozen=True)
class ReflectionStatus:
    state: ReflectionState
    start: dt.date | None = None
    end: dt.date | None = None  # actual end: may be cut short by departure or a permit
    max_end: dt.date | None = None
    total_days: int = 0  # granted length, never above the rule set's maximum
    derived_from_identification: bool = False
    rule_set_id: str | None = None


@dataclass(frozen=True)
class PermitStatus:
    state: PermitState
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    renewals: int = 0
    rule_set_id: str | None = None


@dataclass(frozen=True)
class ReturnStatus:
    state: ReturnState
    referred_on: dt.date | None = None
    departed_on: dt.date | None = None
    follow_up_until: dt.date | None = None
    rule_set_id: str | None = None


@dataclass(frozen=True)
class RuleViolation:
    code: str
    field: str
    message: str
    event: EventFact | None = None


@dataclass(frozen=True)
class EntitlementLine:
    service: HealthService
    covered: bool
    payer: Payer
    valid_from: dt.date | None
    valid_until: dt.date | None  # None = no end known
    source: EntitlementSource
    explanation: str
    rule_set_id: str | None = None


@dataclass(frozen=True)
class Timeline:
    today: dt.date
    identification: IdentificationStatus
    reflection: ReflectionStatus
    permit: PermitStatus
    asylum: AsylumState
    return_: ReturnStatus
    closed: bool
    legal_stay: LegalStay | None
    age: int | None
    age_uncertain: bool
    is_minor: bool | None  # None = age unknown
    deadlines: tuple[Deadline, ...]
    violations: tuple[RuleViolation, ...]

    def deadlines_of(self, kind: DeadlineKind) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.kind is kind)
