"""Current legal statuses derived from the (sorted) events known on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_app.rules.dates import add_days, add_months
from clinic_app.rules.facts import EventFact
from clinic_app.rules.history import legal_stay_on, of_kind
from clinic_app.rules.results import (
    AsylumState,
    IdentificationState,
    IdentificationStatus,
    PermitState,
    PermitStatus,
    ReflectionState,
    ReflectionStatus,
    ReturnState,
    ReturnStatus,
)
from clinic_app.rules.rule_sets import identification_authority, rule_set_for
from clinic_app.vocabulary import Authority, EventKind, LegalStay, Outcome

_DECISIONS = (Outcome.IDENTIFIED, Outcome.NOT_IDENTIFIED)


def identification_status(events: tuple[EventFact, ...], today: dt.date) -> IdentificationStatus:
    """The latest decision wins (a court may decide after the Immigration Service refused)."""
    stay = legal_stay_on(events, today)
    expected = identification_authority(stay) if stay is not None else None
    decisions = [e for e in of_kind(events, EventKind.IDENTIFICATION) if e.outcome in _DECISIONS]
    if decisions:
        last = decisions[-1]
        state = (
            IdentificationState.IDENTIFIED
            if last.outcome is Outcome.IDENTIFIED
            else IdentificationState.NOT_IDENTIFIED
        )
        return IdentificationStatus(state, last.authority, last.date, expected)
    state = IdentificationState.PRESUMED if events else IdentificationState.UNKNOWN
    return IdentificationStatus(state, None, None, expected)


def first_identified(events: tuple[EventFact, ...]) -> EventFact | None:
    for event in of_kind(events, EventKind.IDENTIFICATION):
        if event.outcome is Outcome.IDENTIFIED:
            return event
    return None


@dataclass(frozen=True)
class ReflectionDetail:
    """The reflection status plus what the explanations need."""

    status: ReflectionStatus
    initial_end: dt.date | None = None
    planned_end: dt.date | None = None  # before any early end
    last_extension: EventFact | None = None
    cut_short_by: EventFact | None = None


def reflection_start(events: tuple[EventFact, ...]) -> tuple[dt.date | None, bool]:
    """(start, derived). Without a recorded start, an identification by the Immigration
    Service of a person with no legal stay is taken to start the 30 days (§33(14) offers the
    period to all identified victims without legal stay)."""
    starts = of_kind(events, EventKind.REFLECTION_START)
    if starts:
        return starts[0].date, False
    identified = first_identified(events)
    if identified is None:
        return None, False
    stay = legal_stay_on(events, identified.date)
    by_immigration = identified.authority in (Authority.IMMIGRATION_SERVICE, Authority.SIRI)
    if stay is LegalStay.NONE or (stay is None and by_immigration):
        return identified.date, True
    return None, False


def reflection_detail(events: tuple[EventFact, ...], today: dt.date) -> ReflectionDetail:
    start, derived = reflection_start(events)
    if start is None:
        return ReflectionDetail(ReflectionStatus(ReflectionState.NONE))
    rules = rule_set_for(start)  # the rule set in force at the start governs the whole period
    initial_end = add_days(start, rules.reflection_initial_days)
    max_end = add_days(start, rules.reflection_max_total_days)
    extensions = [
        e
        for e in of_kind(events, EventKind.REFLECTION_EXTENSION)
        if e.date >= start and e.end_date is not None
    ]
    planned_end = initial_end
    last_extension = None
    for extension in extensions:
        assert extension.end_date is not None
        capped = min(extension.end_date, max_end)  # never beyond the legal maximum
        if capped > planned_end:
            planned_end, last_extension = capped, extension
    enders = [
        e
        for e in of_kind(events, EventKind.AVR_DEPARTURE, EventKind.PERMIT_GRANTED)
        if start <= e.date < planned_end
    ]
    cut_short_by = enders[0] if enders else None
    end = cut_short_by.date if cut_short_by else planned_end
    if today > end:
        state = ReflectionState.ENDED
    elif today < start:
        state = ReflectionState.NONE
    else:
        state = ReflectionState.EXTENDED if last_extension else ReflectionState.RUNNING
    status = ReflectionStatus(
        state=state,
        start=start,
        end=end,
        max_end=max_end,
        total_days=(planned_end - start).days,
        derived_from_identification=derived,
        rule_set_id=rules.id,
    )
    return ReflectionDetail(status, initial_end, planned_end, last_extension, cut_short_by)


def permit_status(events: tuple[EventFact, ...], today: dt.date) -> PermitStatus:
    grants = of_kind(events, EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED)
    if not grants:
        return PermitStatus(PermitState.NONE)
    latest = grants[-1]
    rules = rule_set_for(latest.date)
    until = latest.end_date or add_months(latest.date, rules.permit_period_months)
    until = max(until, latest.date)
    ended = [e for e in of_kind(events, EventKind.PERMIT_ENDED) if e.date >= latest.date]
    if ended:
        until = min(until, ended[0].date)
        state = PermitState.ENDED
    else:
        state = PermitState.EXPIRED if today > until else PermitState.VALID
    renewals = len(of_kind(events, EventKind.PERMIT_RENEWED))
    return PermitStatus(state, grants[0].date, until, renewals, rules.id)


def asylum_state(events: tuple[EventFact, ...]) -> AsylumState:
    state = AsylumState.NONE
    for event in of_kind(events, EventKind.ASYLUM_APPLIED, EventKind.ASYLUM_DECIDED):
        if event.kind is EventKind.ASYLUM_APPLIED:
            state = AsylumState.PENDING
        elif event.outcome is Outcome.GRANTED:
            state = AsylumState.GRANTED
        elif event.outcome is Outcome.REFUSED:
            state = AsylumState.REFUSED
    return state


def return_status(events: tuple[EventFact, ...]) -> ReturnStatus:
    """IOM follow-up length comes from the rule set in force on the departure date."""
    referrals = of_kind(events, EventKind.AVR_REFERRAL)
    departures = of_kind(events, EventKind.AVR_DEPARTURE)
    referred_on = referrals[0].date if referrals else None
    if departures:
        departed_on = departures[0].date
        rules = rule_set_for(departed_on)
        until = add_months(departed_on, rules.avr_follow_up_months)
        return ReturnStatus(ReturnState.RETURNED, referred_on, departed_on, until, rules.id)
    if referred_on is not None:
        return ReturnStatus(ReturnState.REFERRED, referred_on)
    return ReturnStatus(ReturnState.NONE)


def closed_on(events: tuple[EventFact, ...]) -> dt.date | None:
    """The closing date if the case is closed: a closure with no later case event."""
    closures = of_kind(events, EventKind.CASE_CLOSED)
    if not closures:
        return None
    last_closure = closures[-1]
    later = [
        e
        for e in events
        if e.date > last_closure.date and e.kind not in (EventKind.NOTE, EventKind.CASE_CLOSED)
    ]
    return None if later else last_closure.date
