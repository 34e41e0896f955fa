"""Frozen results of the rules: statuses, deadlines, entitlement lines and violations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from clinic_app.rules.explain import Message, render
from clinic_app.rules.facts import EventFact
from clinic_app.vocabulary import Authority, HealthService, LegalStay, Payer


class IdentificationState(StrEnum):
    UNKNOWN = "unknown"  # no case event recorded yet
    PRESUMED = "presumed"
    IDENTIFIED = "identified"
    NOT_IDENTIFIED = "not_identified"
    REFUSED = "refused"  # identified, then a later negative decision


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
    MANUAL_REVIEW = "manual_review"  # a date the rules cannot settle: a person must check
    HISTORY_CORRECTION = "history_correction"  # the recorded history breaks a rule


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
    message: Message  # render(message, lang) for the text
    uncertain: bool = False  # e.g. turns 18 from an estimated birth date
    reference: int | None = None  # event id or consent id it belongs to
    expected: bool = False  # follows a lawful request not yet decided: never "granted"
    unreliable: bool = False  # computed from a history that needs correction
    due_from: dt.date | None = None  # a range (turns 18 from an estimated year): earliest day

    @property
    def explanation(self) -> str:
        """English text (logs, JSON); screens and documents render ``message``."""
        return render(self.message, "en")


@dataclass(frozen=True)
class Notice:
    """A note beside the status (item 9) or a flag for manual review."""

    code: str
    message: Message
    event_id: int | None = None

    @property
    def text(self) -> str:
        return render(self.message, "en")


@dataclass(frozen=True)
class IdentificationStatus:
    state: IdentificationState
    authority: Authority | None  # who decided (identified / not identified)
    decided_on: dt.date | None
    expected_authority: Authority | None  # who should decide, from the legal stay today
    first_identified_on: dt.date | None = None


@dataclass(frozen=True)
class ReflectionStatus:
    state: ReflectionState
    start: dt.date | None = None
    end: dt.date | None = None  # legal end: the expected end while a request is pending;
    # earlier when a permit or a refused identification ends it (a departure never does)
    max_end: dt.date | None = None
    total_days: int = 0  # granted length, never above the maximum in force on the request
    derived_from_identification: bool = False
    rule_set_id: str | None = None  # the rule set at the start (initial 30 days)
    granted_end: dt.date | None = None  # the end the decisions so far give
    expected_end: dt.date | None = None  # a lawful request awaits its decision
    requested_on: dt.date | None = None
    max_rule_set_id: str | None = None  # in force on the request date (decides the maximum)
    departed_on: dt.date | None = None  # recorded beside the legal end, never instead of it
    ended_by: str = ""  # "", "permit", "identification_refused"

    @property
    def expected(self) -> bool:
        return self.expected_end is not None


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
    cooperating_since: dt.date | None = None  # AVR cooperation: a fact of its own


@dataclass(frozen=True)
class RuleViolation:
    code: str
    field: str
    detail: Message
    event: EventFact | None = None

    @property
    def message(self) -> str:
        return render(self.detail, "en")


@dataclass(frozen=True)
class EntitlementLine:
    service: HealthService
    covered: bool
    payer: Payer
    valid_from: dt.date | None
    valid_until: dt.date | None  # None = no end known
    source: EntitlementSource
    message: Message
    rule_set_id: str | None = None
    expected: bool = False  # the end follows a requested, undecided extension
    unreliable: bool = False  # computed from a history that needs correction

    @property
    def explanation(self) -> str:
        return render(self.message, "en")


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
    status: str = "presumed"  # headline status code (statuses.STATUS_PRECEDENCE)
    review_flags: tuple[Notice, ...] = ()
    notes: tuple[Notice, ...] = ()
    turns_18_from: dt.date | None = None  # range when only a birth year is estimated
    turns_18_until: dt.date | None = None

    @property
    def valid(self) -> bool:
        """False when the history needs correction: nothing status-bearing may be printed."""
        return not self.violations

    def deadlines_of(self, kind: DeadlineKind) -> tuple[Deadline, ...]:
        return tuple(d for d in self.deadlines if d.kind is kind)
