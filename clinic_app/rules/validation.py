"""Consistency checks on a person's event history, each a structured, translatable message.

A history with any violation "needs correction": the timeline marks what it computes as
unreliable and status-bearing documents are refused until it is corrected.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from clinic_app.errors import Invalid
from clinic_app.rules.dates import add_days
from clinic_app.rules.explain import Message, msg, render
from clinic_app.rules.facts import BirthFact, EventFact
from clinic_app.rules.history import legal_stay_on, of_kind, sort_events
from clinic_app.rules.results import RuleViolation
from clinic_app.rules.rule_sets import (
    IDENTIFIERS_FIXED_FROM,
    IDENTIFYING_BODIES,
    REVIEW_WINDOW_START,
    RuleSet,
    authority_may_identify,
    rule_set_for,
)
from clinic_app.rules.statuses import DECIDED, REQUESTED, permit_terms, reflection_start
from clinic_app.vocabulary import Authority, BirthCertainty, EventKind, Outcome

RuleSetLookup = Callable[[dt.date], RuleSet]


class RuleInvalid(Invalid):
    """``Invalid`` for a broken legal rule, with the structured message to render."""

    def __init__(self, field: str, code: str, detail: Message) -> None:
        super().__init__(field, code, render(detail, "en"))
        self.detail = detail


_PERMIT_APPLICANTS = (Authority.POLICE, Authority.PROSECUTION)


def _v(code: str, field: str, message: Message, event: EventFact | None) -> RuleViolation:
    return RuleViolation(code, field, message, event)


def _check_fields(event: EventFact, today: dt.date | None) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    if event.end_date is not None and event.end_date < event.date:
        out.append(
            _v(
                "end_before_start",
                "end_date",
                msg("v.end_before_start", kind=event.kind, end=event.end_date, date=event.date),
                event,
            )
        )
    if event.kind is DECIDED and event.outcome is Outcome.GRANTED and event.end_date is None:
        out.append(_v("end_date_required", "end_date", msg("v.end_date_required"), event))
    if event.kind is EventKind.PERMIT_RENEWED and event.end_date is None:
        out.append(_v("end_date_required", "end_date", msg("v.renewal_end_required"), event))
    if event.kind is REQUESTED and event.ground is None:
        out.append(_v("ground_required", "ground", msg("v.ground_required"), event))
    if today is not None and event.date > today:
        out.append(
            _v(
                "event_in_future",
                "date",
                msg("v.event_in_future", kind=event.kind, date=event.date, today=today),
                event,
            )
        )
    if event.kind is EventKind.IDENTIFICATION and event.outcome not in (
        Outcome.IDENTIFIED,
        Outcome.NOT_IDENTIFIED,
    ):
        out.append(_v("outcome_required", "outcome", msg("v.outcome_identification"), event))
    if event.kind in (EventKind.ASYLUM_DECIDED, DECIDED) and event.outcome not in (
        Outcome.GRANTED,
        Outcome.REFUSED,
    ):
        out.append(_v("outcome_required", "outcome", msg("v.outcome_decision"), event))
    if event.kind is EventKind.LEGAL_STAY and event.legal_stay is None:
        out.append(_v("legal_stay_required", "legal_stay", msg("v.legal_stay_required"), event))
    if event.kind is EventKind.PERMIT_APPLICATION and event.applicant not in _PERMIT_APPLICANTS:
        out.append(
            _v(
                "permit_applicant_not_police",
                "applicant",
                msg("v.permit_applicant_not_police"),
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
                    msg(
                        "v.identification_before_first_contact",
                        date=event.date,
                        contact=contacts[0].date,
                    ),
                    event,
                )
            )
        authority = event.authority
        if authority is None:
            continue
        if authority not in IDENTIFYING_BODIES:
            # Before 2022 who identified is not modelled: a review flag, not a violation.
            if event.date >= IDENTIFIERS_FIXED_FROM:
                out.append(
                    _v(
                        "not_an_identifier",
                        "authority",
                        msg("v.not_an_identifier", authority=authority),
                        event,
                    )
                )
            continue
        stay = event.legal_stay or legal_stay_on(events, event.date)
        if stay is None:
            if authority is not Authority.COURT:
                out.append(
                    _v(
                        "legal_stay_unknown_at_identification",
                        "legal_stay",
                        msg("v.legal_stay_unknown_at_identification", date=event.date),
                        event,
                    )
                )
        elif not authority_may_identify(authority, stay):
            out.append(
                _v(
                    "wrong_identification_authority",
                    "authority",
                    msg("v.wrong_identification_authority", authority=authority, stay=stay),
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
                    msg("v.reflection_before_identification", date=start.date),
                    start,
                )
            )
    first, _ = reflection_start(events)
    if first is None:
        for ext in of_kind(events, REQUESTED, DECIDED):
            out.append(
                _v(
                    "extension_without_reflection",
                    "date",
                    msg("v.extension_without_reflection", date=ext.date),
                    ext,
                )
            )
        return out
    current_end = add_days(first, lookup(first).reflection_initial_days)
    request_rules: RuleSet | None = None
    for ext in of_kind(events, REQUESTED, DECIDED):
        if ext.date < first:
            out.append(
                _v(
                    "extension_without_reflection",
                    "date",
                    msg("v.extension_without_reflection", date=ext.date),
                    ext,
                )
            )
            continue
        if ext.kind is REQUESTED:
            request_rules = lookup(ext.date)
            if ext.end_date is not None and ext.end_date <= current_end and ext.date <= current_end:
                out.append(
                    _v(
                        "extension_shortens",
                        "end_date",
                        msg("v.extension_shortens", end=ext.end_date, current=current_end),
                        ext,
                    )
                )
            continue
        rules = request_rules or lookup(ext.date)
        request_rules = None
        if ext.outcome is not Outcome.GRANTED or ext.end_date is None:
            continue
        max_end = add_days(first, rules.reflection_max_total_days)
        if ext.end_date > max_end:
            out.append(
                _v(
                    "reflection_beyond_maximum",
                    "end_date",
                    msg(
                        "v.reflection_beyond_maximum",
                        end=ext.end_date,
                        total=(ext.end_date - first).days,
                        start=first,
                        rules=rules.id,
                        max_days=rules.reflection_max_total_days,
                        max_end=max_end,
                    ),
                    ext,
                )
            )
        if ext.end_date <= current_end:
            out.append(
                _v(
                    "extension_shortens",
                    "end_date",
                    msg("v.extension_shortens", end=ext.end_date, current=current_end),
                    ext,
                )
            )
        current_end = max(current_end, min(ext.end_date, max_end))
    for second in starts[1:]:
        if second.date < current_end:
            out.append(
                _v(
                    "reflection_start_conflict",
                    "date",
                    msg(
                        "v.reflection_start_conflict",
                        date=second.date,
                        first=starts[0].date,
                        end=current_end,
                    ),
                    second,
                )
            )
    return out


def _check_permits(events: tuple[EventFact, ...]) -> list[RuleViolation]:
    out: list[RuleViolation] = []
    previous: EventFact | None = None
    for term in permit_terms(events):
        event = term.event
        if event.kind is EventKind.PERMIT_RENEWED and previous is None:
            out.append(
                _v(
                    "renewal_without_grant",
                    "kind",
                    msg("v.renewal_without_grant", date=event.date),
                    event,
                )
            )
        if event.date < REVIEW_WINDOW_START:
            out.append(
                _v(
                    "permit_before_section",
                    "date",
                    msg("v.permit_before_section", date=event.date),
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
            verb = msg("word.granted" if event.kind is EventKind.PERMIT_GRANTED else "word.renewed")
            out.append(
                _v(
                    "permit_without_police_application",
                    "kind",
                    msg("v.permit_without_police_application", verb=verb, date=event.date),
                    event,
                )
            )
        if event.end_date is not None and event.end_date > term.limit:
            out.append(
                _v(
                    "permit_period_too_long",
                    "end_date",
                    msg(
                        "v.permit_period_too_long",
                        end=event.end_date,
                        months=term.rules.permit_period_months,
                        start=term.runs_from,
                        latest=term.limit,
                        rules=term.rules.id,
                    ),
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
                    msg("v.departure_before_referral", date=dep.date),
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
                    msg("v.asylum_decision_without_application", date=decision.date),
                    decision,
                )
            )
    return out


def _check_birth(events: tuple[EventFact, ...], birth: BirthFact | None) -> list[RuleViolation]:
    contacts = of_kind(events, EventKind.FIRST_CONTACT)
    if birth is None or not contacts:
        return []
    born = birth.birth_date if birth.certainty is not BirthCertainty.UNKNOWN else None
    if born is None and birth.birth_year is not None:
        born = dt.date(birth.birth_year, 1, 1)  # the earliest reading of an estimated year
    if born is not None and born > contacts[0].date:
        return [
            _v(
                "birth_after_first_contact",
                "birth_date",
                msg("v.birth_after_first_contact", born=born, contact=contacts[0].date),
                None,
            )
        ]
    return []


def validate_history(
    events: Iterable[EventFact],
    rule_set_lookup: RuleSetLookup = rule_set_for,
    today: dt.date | None = None,
    birth: BirthFact | None = None,
) -> list[RuleViolation]:
    """Every violation in the history, in a deterministic order. ``today`` enables the
    future-date check; ``birth`` the birth-after-first-contact check."""
    ordered = sort_events(events)
    out: list[RuleViolation] = []
    for event in ordered:
        out.extend(_check_fields(event, today))
    out.extend(_check_identification(ordered))
    out.extend(_check_reflection(ordered, rule_set_lookup))
    out.extend(_check_permits(ordered))
    out.extend(_check_sequence(ordered))
    out.extend(_check_birth(ordered, birth))
    return out


def check_event(
    existing: Iterable[EventFact],
    new_event: EventFact,
    rule_set_lookup: RuleSetLookup = rule_set_for,
    today: dt.date | None = None,
    birth: BirthFact | None = None,
) -> None:
    """Raise ``Invalid(field, code, message)`` if adding ``new_event`` breaks a rule that the
    existing history did not already break."""
    before = list(existing)
    known = set(validate_history(before, rule_set_lookup, today, birth))
    for violation in validate_history([*before, new_event], rule_set_lookup, today, birth):
        if violation not in known:
            raise RuleInvalid(violation.field, violation.code, violation.detail)
