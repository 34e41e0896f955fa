"""A person's legal timeline as staff see it: status, deadlines with the rule set that produced
each one, and health entitlements (covered, who pays, until when); and the rule sets themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.errors import Forbidden, Invalid, NotFound
from clinic_app.models import Person
from clinic_app.rules import (
    AsylumState,
    Deadline,
    DeadlineKind,
    EntitlementSource,
    IdentificationState,
    Message,
    Notice,
    PermitState,
    ReflectionState,
    ReturnState,
    RuleSet,
    Severity,
    all_rule_sets,
    compute_entitlements,
    compute_timeline,
    rule_set_by_id,
)
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import Clock, system_today
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import (
    STATUS_LABELS,
    load_facts,
    status_code,
    status_label,
    tab_for,
)
from clinic_app.services.refusals import record_refusal
from clinic_app.services.relations import require_on_person
from clinic_app.vocabulary import Authority, HealthService, LegalStay, Payer


@dataclass(frozen=True)
class SourceView:
    title: str
    locator: str
    verified: bool
    note: str


@dataclass(frozen=True)
class RuleSetView:
    """One versioned rule set, for the administrator's view and for explaining a date."""

    id: str
    title: str
    effective_from: dt.date | None  # None = covers every earlier date
    effective_until: dt.date | None  # None = still in force
    in_force_today: bool
    reflection_initial_days: int
    reflection_max_total_days: int
    permit_period_months: int
    permit_renewal_reminder_days: int
    avr_follow_up_months: int
    sources: tuple[SourceView, ...]
    notes: str


@dataclass(frozen=True)
class DeadlineView:
    kind: DeadlineKind
    due: dt.date
    since: dt.date
    severity: Severity
    explanation: str  # English; screens render ``message`` in their language
    uncertain: bool
    rule_set_id: str | None  # None when no legal rule applies (plan review, consent, ...)
    tab: str  # the person-record tab where it is dealt with
    reference: int | None  # the event or consent it belongs to
    message: Message
    expected: bool  # follows a lawful request not yet decided (never "granted")
    unreliable: bool  # computed from a history that needs correction
    due_from: dt.date | None  # earliest day of a range (turns 18 from an estimated year)


@dataclass(frozen=True)
class NoticeView:
    """A note beside the status, or a flag for manual review."""

    code: str
    message: Message
    text: str  # English
    event_id: int | None


@dataclass(frozen=True)
class EntitlementView:
    service: HealthService
    covered: bool
    payer: Payer
    valid_from: dt.date | None
    valid_until: dt.date | None  # None = no end known
    source: EntitlementSource
    explanation: str  # English; screens and documents render ``detail``
    rule_set_id: str | None
    detail: Message
    expected: bool  # the end follows a requested, undecided extension
    unreliable: bool  # computed from a history that needs correction


@dataclass(frozen=True)
class ViolationView:
    """A problem in the recorded history (e.g. a permit without a police application)."""

    code: str
    field: str
    message: str  # English
    event_id: int | None
    detail: Message


@dataclass(frozen=True)
class TimelineView:
    person_id: int
    case_ref: str
    today: dt.date
    status: str  # a key of facts_loader.STATUS_LABELS
    status_label: str
    identification: IdentificationState
    identified_by: Authority | None
    identified_on: dt.date | None
    expected_authority: Authority | None  # who should decide, from the legal stay today
    reflection: ReflectionState
    reflection_start: dt.date | None
    reflection_end: dt.date | None
    reflection_max_end: dt.date | None
    reflection_days: int
    reflection_granted_end: dt.date | None  # what the decisions so far give
    reflection_expected_end: dt.date | None  # a lawful request awaits its decision
    reflection_requested_on: dt.date | None
    reflection_max_rule_set_id: str | None  # in force on the request date
    reflection_departed_on: dt.date | None  # beside the legal end, never instead of it
    permit: PermitState
    permit_valid_until: dt.date | None
    permit_renewals: int
    asylum: AsylumState
    return_state: ReturnState
    departed_on: dt.date | None
    follow_up_until: dt.date | None
    avr_cooperating_since: dt.date | None  # AVR cooperation: a fact of its own
    closed: bool
    legal_stay: LegalStay | None
    age: int | None
    age_uncertain: bool
    is_minor: bool | None
    turns_18_from: dt.date | None  # a range when only a birth year is estimated
    turns_18_until: dt.date | None
    deadlines: tuple[DeadlineView, ...]
    # Empty when the actor may not see entitlements (entitlements_visible is then False).
    entitlements: tuple[EntitlementView, ...]
    entitlements_visible: bool
    violations: tuple[ViolationView, ...]
    rule_sets: tuple[RuleSetView, ...]  # every rule set cited by a deadline or entitlement
    valid: bool  # False: the history needs correction, deadlines are unreliable
    review_flags: tuple[NoticeView, ...]  # dates a person must check (2013 amendment, ...)
    notes: tuple[NoticeView, ...]  # beside the status: no right to work, §722(2), ...
    status_label_da: str


@dataclass(frozen=True)
class DeadlineExplanation:
    deadline: DeadlineView
    rule_set: RuleSetView | None


def rule_set_view(rule_set: RuleSet, today: dt.date) -> RuleSetView:
    return RuleSetView(
        id=rule_set.id,
        title=rule_set.title,
        effective_from=None if rule_set.effective_from == dt.date.min else rule_set.effective_from,
        effective_until=rule_set.effective_until,
        in_force_today=rule_set.in_force_on(today),
        reflection_initial_days=rule_set.reflection_initial_days,
        reflection_max_total_days=rule_set.reflection_max_total_days,
        permit_period_months=rule_set.permit_period_months,
        permit_renewal_reminder_days=rule_set.permit_renewal_reminder_days,
        avr_follow_up_months=rule_set.avr_follow_up_months,
        sources=tuple(SourceView(x.title, x.locator, x.verified, x.note) for x in rule_set.sources),
        notes=rule_set.notes,
    )


def _deadline_view(d: Deadline) -> DeadlineView:
    return DeadlineView(
        kind=d.kind,
        due=d.due,
        since=d.since,
        severity=d.severity,
        explanation=d.explanation,
        uncertain=d.uncertain,
        rule_set_id=d.rule_set_id,
        tab=tab_for(d.kind.value),
        reference=d.reference,
        message=d.message,
        expected=d.expected,
        unreliable=d.unreliable,
        due_from=d.due_from,
    )


def _notice(n: Notice) -> NoticeView:
    return NoticeView(n.code, n.message, n.text, n.event_id)


class TimelineService:
    """Reading a person's computed timeline and the rule sets behind it."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    def timeline(self, actor: Actor, person_id: int) -> TimelineView:
        """Status, deadlines and entitlements as they stand today (audited as a view)."""
        with self._db.write() as s:
            person = self._person(s, person_id)
            rel = require_on_person(s, actor, Action.PERSON_VIEW, person)
            sees_entitlements = allowed(
                actor,
                Action.ENTITLEMENT_VIEW,
                own_caseload=rel.own_caseload,
                same_site=rel.same_site,
            )
            view = self._compute(s, person, sees_entitlements)
            self._audit.record(
                s,
                actor,
                "timeline.view",
                person_id=person.id,
                details={
                    "fields": ["status", "deadlines"]
                    + (["entitlements"] if sees_entitlements else [])
                },
            )
            return view

    def timeline_by_case_ref(self, actor: Actor, case_ref: str) -> TimelineView:
        """Like :meth:`timeline`, finding the person by case reference."""
        with self._db.read() as s:
            pid = s.scalar(select(Person.id).where(Person.case_ref == case_ref.strip().upper()))
        if pid is None:
            raise NotFound("person", case_ref)
        try:
            return self.timeline(actor, pid)
        except Forbidden as exc:  # out of scope looks like not there (refusal audited)
            record_refusal(
                self._db,
                self._audit,
                actor,
                exc,
                call="timeline.timeline_by_case_ref",
                person_id=pid,
            )
            raise NotFound("person", case_ref) from None

    def explain(
        self, actor: Actor, person_id: int, deadline_kind: DeadlineKind | str
    ) -> tuple[DeadlineExplanation, ...]:
        """Each deadline of ``deadline_kind`` with the full rule set that produced it."""
        try:
            kind = DeadlineKind(deadline_kind)
        except ValueError:
            raise Invalid("deadline_kind", "unknown", "Unknown kind of deadline.") from None
        view = self.timeline(actor, person_id)
        by_id = {r.id: r for r in view.rule_sets}
        return tuple(
            DeadlineExplanation(d, by_id.get(d.rule_set_id) if d.rule_set_id else None)
            for d in view.deadlines
            if d.kind is kind
        )

    def rule_sets(self, actor: Actor) -> tuple[RuleSetView, ...]:
        """Every rule set with its effective dates, numbers and sources, oldest first.

        The law is public and holds no personal data, so every signed-in role may read it."""
        del actor  # signed in is enough; kept for the uniform service signature
        today = self._today()
        return tuple(rule_set_view(r, today) for r in all_rule_sets())

    def _person(self, s: Session, person_id: int) -> Person:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound("person", person_id)
        return person

    def _compute(self, s: Session, person: Person, sees_entitlements: bool) -> TimelineView:
        today = self._today()
        facts = load_facts(s, person)
        t = compute_timeline(facts, today)
        lines = compute_entitlements(facts, today) if sees_entitlements else ()
        deadlines = t.deadlines
        if not sees_entitlements:
            deadlines = tuple(d for d in deadlines if d.kind is not DeadlineKind.ENTITLEMENT_END)
        cited = {d.rule_set_id for d in deadlines if d.rule_set_id} | {
            e.rule_set_id for e in lines if e.rule_set_id
        }
        for rs_id in (
            t.reflection.rule_set_id,
            t.reflection.max_rule_set_id,
            t.permit.rule_set_id,
            t.return_.rule_set_id,
        ):
            if rs_id:
                cited.add(rs_id)
        code = status_code(t)
        return TimelineView(
            person_id=person.id,
            case_ref=person.case_ref,
            today=today,
            status=code,
            status_label=STATUS_LABELS[code],
            identification=t.identification.state,
            identified_by=t.identification.authority,
            identified_on=t.identification.decided_on,
            expected_authority=t.identification.expected_authority,
            reflection=t.reflection.state,
            reflection_start=t.reflection.start,
            reflection_end=t.reflection.end,
            reflection_max_end=t.reflection.max_end,
            reflection_days=t.reflection.total_days,
            reflection_granted_end=t.reflection.granted_end,
            reflection_expected_end=t.reflection.expected_end,
            reflection_requested_on=t.reflection.requested_on,
            reflection_max_rule_set_id=t.reflection.max_rule_set_id,
            reflection_departed_on=t.reflection.departed_on,
            permit=t.permit.state,
            permit_valid_until=t.permit.valid_until,
            permit_renewals=t.permit.renewals,
            asylum=t.asylum,
            return_state=t.return_.state,
            departed_on=t.return_.departed_on,
            follow_up_until=t.return_.follow_up_until,
            avr_cooperating_since=t.return_.cooperating_since,
            closed=t.closed,
            legal_stay=t.legal_stay,
            age=t.age,
            age_uncertain=t.age_uncertain,
            is_minor=t.is_minor,
            turns_18_from=t.turns_18_from,
            turns_18_until=t.turns_18_until,
            deadlines=tuple(_deadline_view(d) for d in deadlines),
            entitlements=tuple(
                EntitlementView(
                    e.service,
                    e.covered,
                    e.payer,
                    e.valid_from,
                    e.valid_until,
                    e.source,
                    e.explanation,
                    e.rule_set_id,
                    e.message,
                    e.expected,
                    e.unreliable,
                )
                for e in lines
            ),
            entitlements_visible=sees_entitlements,
            violations=tuple(
                ViolationView(
                    v.code, v.field, v.message, v.event.event_id if v.event else None, v.detail
                )
                for v in t.violations
            ),
            rule_sets=tuple(rule_set_view(rule_set_by_id(i), today) for i in sorted(cited)),
            valid=t.valid,
            review_flags=tuple(_notice(n) for n in t.review_flags),
            notes=tuple(_notice(n) for n in t.notes),
            status_label_da=status_label(code, "da"),
        )
