"""Current legal statuses derived from the (sorted) events known on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from clinic_app.rules.dates import add_days, add_months
from clinic_app.rules.explain import Message, msg
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
from clinic_app.rules.rule_sets import RuleSet, identification_authority, rule_set_for
from clinic_app.vocabulary import Authority, EventKind, ExtensionGround, LegalStay, Outcome

_DECISIONS = (Outcome.IDENTIFIED, Outcome.NOT_IDENTIFIED)
LAWFUL_GROUNDS = (ExtensionGround.RETURN_COOPERATION, ExtensionGround.PARTICULAR_REASONS)
REQUESTED = EventKind.REFLECTION_EXTENSION_REQUESTED
DECIDED = EventKind.REFLECTION_EXTENSION_DECIDED


def identification_status(events: tuple[EventFact, ...], today: dt.date) -> IdentificationStatus:
    """The latest decision wins (a court may decide after the Immigration Service refused);
    a negative decision after a positive one is a refusal that ends what it carried."""
    stay = legal_stay_on(events, today)
    expected = identification_authority(stay) if stay is not None else None
    decisions = [e for e in of_kind(events, EventKind.IDENTIFICATION) if e.outcome in _DECISIONS]
    first = first_identified(events)
    first_on = first.date if first else None
    if decisions:
        last = decisions[-1]
        if last.outcome is Outcome.IDENTIFIED:
            state = IdentificationState.IDENTIFIED
        elif first is not None and first.date <= last.date:
            state = IdentificationState.REFUSED
        else:
            state = IdentificationState.NOT_IDENTIFIED
        return IdentificationStatus(state, last.authority, last.date, expected, first_on)
    state = IdentificationState.PRESUMED if events else IdentificationState.UNKNOWN
    return IdentificationStatus(state, None, None, expected, None)


def first_identified(events: tuple[EventFact, ...]) -> EventFact | None:
    for event in of_kind(events, EventKind.IDENTIFICATION):
        if event.outcome is Outcome.IDENTIFIED:
            return event
    return None


def refusal_after(events: tuple[EventFact, ...], day: dt.date) -> EventFact | None:
    """The first negative identification on or after ``day`` that follows a positive one."""
    first = first_identified(events)
    if first is None:
        return None
    for event in of_kind(events, EventKind.IDENTIFICATION):
        if event.outcome is Outcome.NOT_IDENTIFIED and event.date >= max(day, first.date):
            return event
    return None


@dataclass(frozen=True)
class UnlawfulRequest:
    event: EventFact
    reason: Message


@dataclass(frozen=True)
class ReflectionDetail:
    """The reflection status plus what the explanations need."""

    status: ReflectionStatus
    initial_end: dt.date | None = None
    last_decision: EventFact | None = None
    pending: EventFact | None = None
    cut_short_by: EventFact | None = None
    unlawful: tuple[UnlawfulRequest, ...] = ()
    refused: tuple[tuple[EventFact | None, EventFact], ...] = ()
    max_rules: RuleSet | None = None
    max_on: dt.date | None = None  # the day whose rule set gave the maximum
    starts: tuple[EventFact, ...] = field(default=())


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
    """Requests, then decisions. A lawful request (known ground, filed no later than the
    current end, within the maximum of the rule set in force on the request date) makes an
    *expected* end until its decision; a decision replaces the expectation."""
    start, derived = reflection_start(events)
    if start is None:
        return ReflectionDetail(ReflectionStatus(ReflectionState.NONE))
    start_rules = rule_set_for(start)
    initial_end = add_days(start, start_rules.reflection_initial_days)
    granted_end = initial_end
    last_decision: EventFact | None = None
    pending: EventFact | None = None
    pending_end: dt.date | None = None
    pending_rules: RuleSet | None = None
    unlawful: list[UnlawfulRequest] = []
    refused: list[tuple[EventFact | None, EventFact]] = []
    max_rules: RuleSet | None = None
    max_on: dt.date | None = None
    for event in of_kind(events, REQUESTED, DECIDED):
        if event.date < start:
            continue  # validation reports it; it extends nothing
        rules = rule_set_for(event.date)
        if event.kind is REQUESTED:
            max_end = add_days(start, rules.reflection_max_total_days)
            reason: Message | None = None
            if event.ground not in LAWFUL_GROUNDS:
                reason = msg("request.no_ground")
            elif event.date > granted_end:
                reason = msg("request.late", end=granted_end)
            elif event.end_date is not None and event.end_date > max_end:
                reason = msg(
                    "request.beyond_max",
                    requested=event.end_date,
                    max_end=max_end,
                    max_days=rules.reflection_max_total_days,
                    rules=rules.id,
                )
            elif granted_end >= max_end:
                reason = msg("request.at_max", max_end=max_end)
            if reason is not None:
                unlawful.append(UnlawfulRequest(event, reason))
                continue
            pending, pending_rules = event, rules
            pending_end = event.end_date or max_end
            max_rules, max_on = rules, event.date
        else:
            decision_rules = pending_rules or rules
            max_end = add_days(start, decision_rules.reflection_max_total_days)
            if event.outcome is Outcome.GRANTED and event.end_date is not None:
                capped = min(event.end_date, max_end)  # never beyond the legal maximum
                if capped > granted_end:
                    granted_end, last_decision = capped, event
                max_rules = decision_rules
                max_on = pending.date if pending is not None else event.date
            elif event.outcome is Outcome.REFUSED:
                refused.append((pending, event))
            pending, pending_end, pending_rules = None, None, None
    expected_end = pending_end if pending_end is not None and pending_end > granted_end else None
    planned_end = expected_end or granted_end
    if max_rules is None:
        # No request yet: a request filed now (no later than the current end) would be
        # judged by the rule set in force then.
        max_on = min(today, granted_end)
        max_rules = rule_set_for(max_on)
    max_end = add_days(start, max_rules.reflection_max_total_days)
    enders = [e for e in of_kind(events, EventKind.PERMIT_GRANTED) if start <= e.date < planned_end]
    refusal = refusal_after(events, start)
    if refusal is not None and refusal.date < planned_end:
        enders.append(refusal)
    enders.sort(key=lambda e: e.date)
    cut_short_by = enders[0] if enders else None
    end = cut_short_by.date if cut_short_by else planned_end
    if cut_short_by is not None:
        expected_end = None
    if today > end:
        state = ReflectionState.ENDED
    elif today < start:
        state = ReflectionState.NONE
    else:
        state = ReflectionState.EXTENDED if last_decision else ReflectionState.RUNNING
    departures = [e for e in of_kind(events, EventKind.AVR_DEPARTURE) if e.date >= start]
    ended_by = ""
    if cut_short_by is not None:
        ended_by = (
            "permit" if cut_short_by.kind is EventKind.PERMIT_GRANTED else "identification_refused"
        )
    status = ReflectionStatus(
        state=state,
        start=start,
        end=end,
        max_end=max_end,
        total_days=(min(granted_end, end) - start).days,
        derived_from_identification=derived,
        rule_set_id=start_rules.id,
        granted_end=granted_end,
        expected_end=expected_end,
        requested_on=pending.date if expected_end is not None and pending else None,
        max_rule_set_id=max_rules.id,
        departed_on=departures[0].date if departures else None,
        ended_by=ended_by,
    )
    return ReflectionDetail(
        status,
        initial_end,
        last_decision,
        pending if expected_end is not None else None,
        cut_short_by,
        tuple(unlawful),
        tuple(refused),
        max_rules,
        max_on,
        tuple(of_kind(events, EventKind.REFLECTION_START)),
    )


@dataclass(frozen=True)
class PermitTerm:
    """One grant or renewal as the letters say: from when it runs and until when."""

    event: EventFact
    runs_from: dt.date  # a renewal decided before the previous expiry runs on from it
    until: dt.date
    limit: dt.date  # runs_from + the rule set's months
    rules: RuleSet
    from_letter: bool


def permit_terms(events: tuple[EventFact, ...]) -> list[PermitTerm]:
    terms: list[PermitTerm] = []
    for event in of_kind(events, EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED):
        rules = rule_set_for(event.date)
        previous = terms[-1].until if terms else None
        if event.kind is EventKind.PERMIT_RENEWED and previous is not None:
            runs_from = previous if event.date <= previous else event.date
        else:
            runs_from = event.date
        limit = add_months(runs_from, rules.permit_period_months)
        until = event.end_date or limit
        terms.append(
            PermitTerm(event, runs_from, max(until, event.date), limit, rules, bool(event.end_date))
        )
    return terms


def permit_status(events: tuple[EventFact, ...], today: dt.date) -> PermitStatus:
    terms = permit_terms(events)
    if not terms:
        return PermitStatus(PermitState.NONE)
    latest = terms[-1]
    until = latest.until
    ended = [e for e in of_kind(events, EventKind.PERMIT_ENDED) if e.date >= latest.event.date]
    if ended:
        until = min(until, ended[0].date)
        state = PermitState.ENDED
    else:
        state = PermitState.EXPIRED if today > until else PermitState.VALID
    renewals = len(of_kind(events, EventKind.PERMIT_RENEWED))
    return PermitStatus(state, terms[0].event.date, until, renewals, latest.rules.id)


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
    """IOM follow-up length comes from the rule set in force on the departure date. AVR
    cooperation is a fact of its own: it neither refers nor departs."""
    cooperation = of_kind(events, EventKind.AVR_COOPERATION)
    since = cooperation[0].date if cooperation else None
    referrals = of_kind(events, EventKind.AVR_REFERRAL)
    departures = of_kind(events, EventKind.AVR_DEPARTURE)
    referred_on = referrals[0].date if referrals else None
    if departures:
        departed_on = departures[0].date
        rules = rule_set_for(departed_on)
        until = add_months(departed_on, rules.avr_follow_up_months)
        return ReturnStatus(
            ReturnState.RETURNED, referred_on, departed_on, until, rules.id, cooperating_since=since
        )
    if referred_on is not None:
        return ReturnStatus(ReturnState.REFERRED, referred_on, cooperating_since=since)
    return ReturnStatus(ReturnState.NONE, cooperating_since=since)


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


# Headline status, most decisive first: the first that holds is the person's status. Written
# down (with the reasons) in docs/rules.md, "Headline status"; tests pin the order.
STATUS_PRECEDENCE: tuple[str, ...] = (
    "history_needs_correction",
    "closed",
    "returned",
    "permit",
    "asylum_granted",
    "asylum_pending",
    "identification_refused",
    "reflection_extension_requested",
    "reflection_extended",
    "reflection",
    "expired_must_leave",
    "return_prepared",
    "identified",
    "not_identified",
    "presumed",
)


def headline_status(
    *,
    valid: bool,
    closed: bool,
    ident: IdentificationStatus,
    reflection: ReflectionStatus,
    permit: PermitStatus,
    asylum: AsylumState,
    ret: ReturnStatus,
) -> str:
    """The first code of :data:`STATUS_PRECEDENCE` that holds."""
    running = reflection.state in (ReflectionState.RUNNING, ReflectionState.EXTENDED)
    holds = {
        "history_needs_correction": not valid,
        "closed": closed,
        "returned": ret.state is ReturnState.RETURNED,
        "permit": permit.state is PermitState.VALID,
        "asylum_granted": asylum is AsylumState.GRANTED,
        "asylum_pending": asylum is AsylumState.PENDING,
        "identification_refused": ident.state is IdentificationState.REFUSED,
        "reflection_extension_requested": running and reflection.expected,
        "reflection_extended": reflection.state is ReflectionState.EXTENDED,
        "reflection": reflection.state is ReflectionState.RUNNING,
        # Ended with no permit, asylum claim or departure (those rank above).
        "expired_must_leave": reflection.state is ReflectionState.ENDED
        and reflection.departed_on is None,
        "return_prepared": ret.state is ReturnState.REFERRED,
        "identified": ident.state is IdentificationState.IDENTIFIED,
        "not_identified": ident.state is IdentificationState.NOT_IDENTIFIED,
        "presumed": True,
    }
    return next(code for code in STATUS_PRECEDENCE if holds[code])
