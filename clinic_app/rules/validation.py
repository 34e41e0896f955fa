"""Consistency checks on a person's event history, with clear, specific messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from clinic_app.errors import Invalid
from clinic_app.rules.dates import add_days, add_months
from clinic_app.rules.facts import EventFact
from clinic_app.rules.history import legal_stay_on, of_kind, sort_events
from clinic_app.rules.results import RuleViolation
from clinic_app.rules.rule_sets import RuleSet, authority_may_identify, rule_set_for
from clinic_app.rules.statuses import reflection_start
from clinic_app.vocabulary import Authority, EventKind, Outcome

RuleSetLookup = Callable[[dt.date], RuleSet]

_NEEDS_END = (EventKind.REFLECTION_EXTENSION,)
_PERMIT_APPLICANTS = (Authority.POLICE, Authority.PROSECUTION)


def _v(code: str, field: str, message: str, event: EventFact) -> RuleViolation:
    return RuleViolation(code, field, message, event)


def _check_fields(event: EventFact, today: dt.date | None) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    if event.end_date is not None and event.end_date < event.date:
        out.append(
            _v(
                "end_before_start",
                "end_date",
                f"{event.kind} ends {event.end_date}, before it starts on {event.date}",
                event,
            )
        )
    if event.kind in _NEEDS_END and event.end_date is None:
        out.append(
            _v(
                "end_date_required",
                "end_date",
                "A reflection-period extension needs the new end date",
                event,
            )
        )
    if today is not None and event.date > today:
        out.append(
            _v(
                "event_in_future",
                "date",
                f"{event.kind} is dated {event.date}, after today ({today})",
                event,
            )
        )
    if event.kind is EventKind.IDENTIFICATION and event.outcome not in (
        Outcome.IDENTIFIED,
        Outcome.NOT_IDENTIFIED,
    ):
        out.append(
            _v(
                "outcome_required",
                "outcome",
                "An identification needs the outcome identified or not identified",
                event,
            )
        )
    if event.kind is EventKind.ASYLUM_DECIDED and event.outcome not in (
        Outcome.GRANTED,
        Outcome.REFUSED,
    ):
        out.append(
            _v(
                "outcome_required",
                "outcome",
                "An asylum decision needs the outcome granted or refused",
                event,
            )
        )
    if event.kind is EventKind.LEGAL_STAY and event.legal_stay is None:
        out.append(
            _v(
                "legal_stay_required",
                "legal_stay",
                "A legal-stay event needs the stay status",
                event,
            )
        )
    if event.kind is EventKind.PERMIT_APPLICATION and event.applicant not in _PERMIT_APPLICANTS:
        out.append(
            _v(
                "permit_applicant_not_police",
                "applicant",
                "Only the police or the prosecution can apply for a §9c(5) permit; "
                "the person cannot apply",
                event,
            )
        )
    return out


def _check_identification(events: tuple[EventFact, ...]) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    contacts = of_kind(events, EventKind.FIRST_CONTACT)
    for event in of_kind(events, EventKind.IDENTIFICATION):
        if contacts and event.date < contacts[0].date:
            out.append(
                _v(
                    "identification_before_first_contact",
                    "date",
                    f"Identification on {event.date} is before the first contact on "
                    f"{contacts[0].date}",
                    event,
                )
            )
        stay = event.legal_stay or legal_stay_on(events, event.date)
        if (
            event.authority is not None
            and stay is not None
            and not authority_may_identify(event.authority, stay)
        ):
            out.append(
                _v(
                    "wrong_identification_authority",
                    "authority",
                    f"{event.authority} cannot identify a person whose legal stay "
                    f"is {stay}: no legal stay (incl. asylum seekers) -> Immigration "
                    "Service or SIRI; legal stay -> CMM; or a court",
                    event,
                )
            )
    return out


def _check_reflection(events: tuple[EventFact, ...], lookup: RuleSetLookup) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    starts = of_kind(events, EventKind.REFLECTION_START)
    identified = [
        e for e in of_kind(events, EventKind.IDENTIFICATION) if e.outcome is Outcome.IDENTIFIED
    ]
    for start in starts:
        if not identified or identified[0].date > start.date:
            out.append(
                _v(
                    "reflection_before_identification",
                    "date",
                    f"Reflection period starts {start.date} but the person is not "
                    "identified as a victim on or before that date",
                    start,
                )
            )
    first, _ = reflection_start(events)
    for ext in of_kind(events, EventKind.REFLECTION_EXTENSION):
        if first is None or ext.date < first:
            out.append(
                _v(
                    "extension_without_reflection",
                    "date",
                    f"Extension on {ext.date} has no reflection period started before it",
                    ext,
                )
            )
            continue
        rules = lookup(first)
        max_end = add_days(first, rules.reflection_max_total_days)
        if ext.end_date is not None and ext.end_date > max_end:
            total = (ext.end_date - first).days
            out.append(
                _v(
                    "reflection_beyond_maximum",
                    "end_date",
                    f"Extension to {ext.end_date} gives {total} days in total from "
                    f"{first}; rule set {rules.id} allows at most "
                    f"{rules.reflection_max_total_days} days (until {max_end})",
                    ext,
                )
            )
    return out


def _check_permits(events: tuple[EventFact, ...], lookup: RuleSetLookup) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    previous: EventFact | None = None
    for event in of_kind(events, EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED):
        if event.kind is EventKind.PERMIT_RENEWED and previous is None:
            out.append(
                _v(
                    "renewal_without_grant",
                    "kind",
                    f"Permit renewed on {event.date} but no permit was granted before",
                    event,
                )
            )
        after = previous.date if previous else dt.date.min
        applications = [
            a
            for a in of_kind(events, EventKind.PERMIT_APPLICATION)
            if a.applicant in _PERMIT_APPLICANTS and after < a.date and a.date <= event.date
        ]
        if not applications:
            word = "granted" if event.kind is EventKind.PERMIT_GRANTED else "renewed"
            out.append(
                _v(
                    "permit_without_police_application",
                    "kind",
                    f"Permit {word} on {event.date} without an application by the police "
                    "or prosecution since the previous decision (Aliens Act §9c(5))",
                    event,
                )
            )
        rules = lookup(event.date)
        longest = add_months(event.date, rules.permit_period_months)
        if event.end_date is not None and event.end_date > longest:
            out.append(
                _v(
                    "permit_period_too_long",
                    "end_date",
                    f"Permit valid to {event.end_date} exceeds {rules.permit_period_months} "
                    f"months from {event.date} (latest {longest}, rule set {rules.id})",
                    event,
                )
            )
        previous = event
    return out


def _check_sequence(events: tuple[EventFact, ...]) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    referrals = of_kind(events, EventKind.AVR_REFERRAL)
    for dep in of_kind(events, EventKind.AVR_DEPARTURE):
        if not referrals or referrals[0].date > dep.date:
            out.append(
                _v(
                    "departure_before_referral",
                    "date",
                    f"Departure on {dep.date} comes before any referral to IOM for "
                    "assisted voluntary return",
                    dep,
                )
            )
    applied = of_kind(events, EventKind.ASYLUM_APPLIED)
    for decision in of_kind(events, EventKind.ASYLUM_DECIDED):
        if not applied or applied[0].date > decision.date:
            out.append(
                _v(
                    "asylum_decision_without_application",
                    "date",
                    f"Asylum decided on {decision.date} without an earlier application",
                    decision,
                )
            )
    return out


def validate_history(
    events: Iterable[EventFact],
    rule_set_lookup: RuleSetLookup = rule_set_for,
    today: dt.date | None = None,
) -> list[RuleViolation]:
    """Every violation in the history, in a deterministic order. ``today`` enables the
    future-date check."""
    ordered = sort_events(events)
    out: list[RuleViolation] = []
    for event in ordered:
        out.extend(_check_fields(event, today))
    out.extend(_check_identification(ordered))
    out.extend(_check_reflection(ordered, rule_set_lookup))
    out.extend(_check_permits(ordered, rule_set_lookup))
    out.extend(_check_sequence(ordered))
    return out


def check_event(
    existing: Iterable[EventFact],
    new_event: EventFact,
    rule_set_lookup: RuleSetLookup = rule_set_for,
    today: dt.date | None = None,
) -> None:
    """Raise ``Invalid(field, code, message)`` if adding ``new_event`` breaks a rule that the
    existing history did not already break."""
    before = list(existing)
    known = set(validate_history(before, rule_set_lookup, today))
    for violation in validate_history([*before, new_event], rule_set_lookup, today):
        if violation not in known:
            raise Invalid(violation.field, violation.code, violation.message)
