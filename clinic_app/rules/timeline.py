"""The person's legal timeline: current statuses and every deadline, with explanations."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from clinic_app.rules.dates import add_days, age_on, assumed_birth_date, eighteenth_birthday
from clinic_app.rules.entitlements import compute_entitlements
from clinic_app.rules.explain import Message, msg
from clinic_app.rules.facts import EventFact, PersonFacts
from clinic_app.rules.history import legal_stay_on, of_kind, sort_events
from clinic_app.rules.results import (
    Deadline,
    DeadlineKind,
    IdentificationState,
    Notice,
    PermitState,
    PermitStatus,
    ReflectionState,
    ReturnStatus,
    Severity,
    Timeline,
)
from clinic_app.rules.rule_sets import (
    IDENTIFIERS_FIXED_FROM,
    IDENTIFYING_BODIES,
    in_review_window,
    rule_set_by_id,
    rule_set_for,
)
from clinic_app.rules.statuses import (
    ReflectionDetail,
    asylum_state,
    closed_on,
    headline_status,
    identification_status,
    permit_status,
    permit_terms,
    reflection_detail,
    return_status,
)
from clinic_app.rules.validation import validate_history
from clinic_app.vocabulary import BirthCertainty, EventKind, Payer

URGENT_WITHIN_DAYS = 7
WARNING_WITHIN_DAYS = 30
_KIND_RANK = {kind: rank for rank, kind in enumerate(DeadlineKind)}
# Kept on a closed case: consents still govern what may be shared.
_KEPT_WHEN_CLOSED = frozenset({DeadlineKind.CONSENT_EXPIRY})


def severity_for(due: dt.date, today: dt.date) -> Severity:
    if due < today:
        return Severity.PAST
    days = (due - today).days
    if days <= URGENT_WITHIN_DAYS:
        return Severity.URGENT
    if days <= WARNING_WITHIN_DAYS:
        return Severity.WARNING
    return Severity.INFO


def _reflection_deadlines(detail: ReflectionDetail, today: dt.date) -> list[Deadline]:
    status = detail.status
    if status.start is None or status.end is None or status.max_end is None:
        return []
    rules = rule_set_by_id(status.rule_set_id or rule_set_for(status.start).id)
    max_rules = rule_set_by_id(status.max_rule_set_id or rules.id)
    start, end = status.start, status.end
    cited = rules
    text: Message
    if detail.cut_short_by is not None:
        if detail.cut_short_by.kind is EventKind.PERMIT_GRANTED:
            text = msg("reflection.end.permit", end=end, rules=rules.id)
        else:
            text = msg(
                "reflection.end.identification_refused",
                end=end,
                authority=detail.cut_short_by.authority or "",
                rules=rules.id,
            )
    elif status.expected_end is not None and detail.pending is not None:
        cited = max_rules
        text = msg(
            "reflection.end.expected",
            end=end,
            requested=detail.pending.date,
            ground=detail.pending.ground or "",
            granted=status.granted_end or end,
            rules=max_rules.id,
        )
    elif detail.last_decision is not None:
        cited = max_rules
        text = msg(
            "reflection.end.granted",
            end=end,
            decided=detail.last_decision.date,
            total=status.total_days,
            start=start,
            rules=max_rules.id,
        )
    else:
        origin = msg(
            "origin.identification" if status.derived_from_identification else "origin.start"
        )
        text = msg(
            "reflection.end.initial",
            end=end,
            days=rules.reflection_initial_days,
            origin=origin,
            start=start,
            rules=rules.id,
        )
    out = [
        Deadline(
            DeadlineKind.REFLECTION_END,
            end,
            start,
            cited.id,
            severity_for(end, today),
            text,
            expected=status.expected,
        )
    ]
    # The maximum matters for planning only while the period still runs.
    if (
        detail.cut_short_by is None
        and status.state is not ReflectionState.ENDED
        and status.departed_on is None
    ):
        out.append(
            Deadline(
                DeadlineKind.REFLECTION_MAX_END,
                status.max_end,
                start,
                max_rules.id,
                severity_for(status.max_end, today),
                msg(
                    "reflection.max_end",
                    max_end=status.max_end,
                    max_days=max_rules.reflection_max_total_days,
                    start=start,
                    rules=max_rules.id,
                    on=detail.max_on or start,
                ),
            )
        )
    return out


def _permit_deadlines(
    events: tuple[EventFact, ...], permit: PermitStatus, today: dt.date
) -> list[Deadline]:
    out: list[Deadline] = []
    terms = permit_terms(events)
    if permit.valid_until is None or not terms:
        return out
    latest = terms[-1]
    rules = latest.rules
    event = latest.event
    if permit.state is PermitState.ENDED:
        text = msg("permit.ended", until=permit.valid_until, rules=rules.id)
    else:
        verb = msg("word.renewed" if event.kind is EventKind.PERMIT_RENEWED else "word.granted")
        source = (
            msg("permit.source.letter")
            if latest.from_letter
            else msg("permit.source.default", months=rules.permit_period_months)
        )
        text = msg(
            "permit.expiry",
            until=permit.valid_until,
            verb=verb,
            date=event.date,
            source=source,
            rules=rules.id,
        )
    out.append(
        Deadline(
            DeadlineKind.PERMIT_EXPIRY,
            permit.valid_until,
            event.date,
            rules.id,
            severity_for(permit.valid_until, today),
            text,
            reference=event.event_id,
        )
    )
    if permit.state is not PermitState.ENDED:
        remind = max(event.date, add_days(permit.valid_until, -rules.permit_renewal_reminder_days))
        out.append(
            Deadline(
                DeadlineKind.PERMIT_RENEWAL_REMINDER,
                remind,
                event.date,
                rules.id,
                severity_for(remind, today),
                msg("permit.reminder", date=remind, until=permit.valid_until, rules=rules.id),
                reference=event.event_id,
            )
        )
    return out


def _return_deadlines(ret: ReturnStatus, today: dt.date) -> list[Deadline]:
    if ret.follow_up_until is None or ret.departed_on is None:
        return []
    rules = rule_set_by_id(ret.rule_set_id or rule_set_for(ret.departed_on).id)
    return [
        Deadline(
            DeadlineKind.AVR_FOLLOW_UP_END,
            ret.follow_up_until,
            ret.departed_on,
            rules.id,
            severity_for(ret.follow_up_until, today),
            msg(
                "avr.follow_up",
                until=ret.follow_up_until,
                months=rules.avr_follow_up_months,
                date=ret.departed_on,
                rules=rules.id,
            ),
        )
    ]


def _review_flags(events: tuple[EventFact, ...], detail: ReflectionDetail) -> list[Notice]:
    """Dates the rules cannot settle: a person must check them (item 4)."""
    flags: list[Notice] = []
    what_request = msg("review.what.request")
    for event in of_kind(events, EventKind.REFLECTION_EXTENSION_REQUESTED):
        if in_review_window(event.date):
            flags.append(
                Notice(
                    "review_reflection_max",
                    msg("review.reflection_max", what=what_request, date=event.date),
                    event.event_id,
                )
            )
    for event in of_kind(events, EventKind.REFLECTION_EXTENSION_DECIDED):
        if in_review_window(event.date) and not any(
            f.code == "review_reflection_max" for f in flags
        ):
            flags.append(
                Notice(
                    "review_reflection_max",
                    msg("review.reflection_max", what=what_request, date=event.date),
                    event.event_id,
                )
            )
    start = detail.status.start
    # No request yet, but a period started in the window may still be extended.
    if (
        start is not None
        and not flags
        and detail.max_on is not None
        and in_review_window(start)
        and in_review_window(detail.max_on)
    ):
        flags.append(
            Notice(
                "review_reflection_max",
                msg("review.reflection_max", what=msg("review.what.start"), date=start),
            )
        )
    for event in of_kind(events, EventKind.AVR_DEPARTURE):
        if in_review_window(event.date):
            flags.append(Notice("review_iom", msg("review.iom", date=event.date), event.event_id))
    for event in of_kind(events, EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED):
        if in_review_window(event.date):
            flags.append(
                Notice(
                    "review_permit_section",
                    msg("review.permit_section", date=event.date),
                    event.event_id,
                )
            )
    for event in of_kind(events, EventKind.IDENTIFICATION):
        if (
            event.authority is not None
            and event.authority not in IDENTIFYING_BODIES
            and event.date < IDENTIFIERS_FIXED_FROM
        ):
            flags.append(
                Notice(
                    "review_identifier",
                    msg(
                        "review.identifier_before_2022", date=event.date, authority=event.authority
                    ),
                    event.event_id,
                )
            )
    return flags


def _notes(
    detail: ReflectionDetail,
    permit: PermitStatus,
    ident_state: IdentificationState,
    ret: ReturnStatus,
) -> list[Notice]:
    """Information staff need next to the status: requests that extend nothing and why,
    refused requests, no right to work on a §9c(5) permit, §722(2), AVR cooperation."""
    notes: list[Notice] = []
    for unlawful in detail.unlawful:
        notes.append(
            Notice(
                "request_extends_nothing",
                msg("request.extends_nothing", date=unlawful.event.date, reason=unlawful.reason),
                unlawful.event.event_id,
            )
        )
    for request, decision in detail.refused:
        notes.append(
            Notice(
                "request_refused",
                msg(
                    "request.refused",
                    date=request.date if request else decision.date,
                    decided=decision.date,
                ),
                decision.event_id,
            )
        )
    if permit.state is PermitState.VALID:
        notes.append(Notice("permit_no_work", msg("note.permit_no_work")))
    if ident_state in (IdentificationState.IDENTIFIED, IdentificationState.PRESUMED):
        notes.append(Notice("charges_withdrawable", msg("note.charges_withdrawable")))
    if ret.cooperating_since is not None:
        notes.append(
            Notice("avr_cooperation", msg("note.avr_cooperation", date=ret.cooperating_since))
        )
    return notes


def compute_timeline(facts: PersonFacts, today: dt.date) -> Timeline:
    """Statuses and deadlines as they stand on ``today`` (events dated later are ignored)."""
    all_events = sort_events(facts.events)
    events = tuple(e for e in all_events if e.date <= today)
    ident = identification_status(events, today)
    detail = reflection_detail(events, today)
    permit = permit_status(events, today)
    ret = return_status(events)
    closed = closed_on(events)
    violations = tuple(validate_history(all_events, today=today, birth=facts.birth))
    deadlines = _reflection_deadlines(detail, today)
    deadlines.extend(_permit_deadlines(events, permit, today))
    deadlines.extend(_return_deadlines(ret, today))

    age: int | None = None
    age_uncertain = True
    is_minor: bool | None = None
    turns_from: dt.date | None = None
    turns_until: dt.date | None = None
    if facts.birth is not None and facts.birth.certainty is not BirthCertainty.UNKNOWN:
        age, age_uncertain = age_on(facts.birth, today)
        adult_on, uncertain = eighteenth_birthday(facts.birth)
        born, _ = assumed_birth_date(facts.birth)
        is_minor = None if adult_on is None else today < adult_on
        if age is None and adult_on is not None and today < adult_on:
            is_minor = True
        if facts.birth.certainty is BirthCertainty.ESTIMATED_YEAR and facts.birth.birth_year:
            turns_from = dt.date(facts.birth.birth_year + 18, 1, 1)
            turns_until = dt.date(facts.birth.birth_year + 18, 12, 31)
        horizon = min([today, *(e.date for e in events)])
        if adult_on is not None and born is not None and adult_on >= horizon:
            deadlines.append(
                Deadline(
                    DeadlineKind.TURNS_18,
                    adult_on,
                    born,
                    None,
                    severity_for(adult_on, today),
                    _turns_18_text(facts, adult_on, detail),
                    uncertain=uncertain,
                    due_from=turns_from,
                )
            )

    if closed is None:
        if is_minor and not facts.has_current_guardian:
            deadlines.append(
                Deadline(
                    DeadlineKind.GUARDIAN_MISSING,
                    today,
                    today,
                    None,
                    Severity.URGENT,
                    msg(
                        "guardian.missing",
                        age="?" if age is None else age,
                        uncertain=msg("word.uncertain") if age_uncertain else "",
                    ),
                    uncertain=age_uncertain,
                )
            )
        victim = ident.state is IdentificationState.IDENTIFIED or (
            detail.status.state is not ReflectionState.NONE
        )
        if victim and not facts.has_contact_person:
            deadlines.append(
                Deadline(
                    DeadlineKind.CONTACT_PERSON_MISSING,
                    today,
                    today,
                    None,
                    Severity.WARNING,
                    msg("contact.missing"),
                )
            )
        for review in sorted(set(facts.plan_review_dates)):
            deadlines.append(
                Deadline(
                    DeadlineKind.PLAN_REVIEW,
                    review,
                    review,
                    None,
                    severity_for(review, today),
                    msg("plan.review", date=review),
                )
            )
        deadlines.extend(_entitlement_deadlines(facts, today))

    for consent in facts.consents:
        if consent.withdrawn or consent.valid_to is None:
            continue
        since = (
            consent.given_on
            if consent.given_on and consent.given_on <= consent.valid_to
            else consent.valid_to
        )
        deadlines.append(
            Deadline(
                DeadlineKind.CONSENT_EXPIRY,
                consent.valid_to,
                since,
                None,
                severity_for(consent.valid_to, today),
                msg(
                    "consent.expiry",
                    consent=consent.consent_id,
                    partner=consent.partner_name,
                    date=consent.valid_to,
                ),
                reference=consent.consent_id,
            )
        )

    flags = _review_flags(events, detail)
    if closed is not None:
        # A closed case has no live legal deadline on any dashboard.
        deadlines = [d for d in deadlines if d.kind in _KEPT_WHEN_CLOSED]
        flags = []
    else:
        for flag in flags:
            deadlines.append(
                Deadline(
                    DeadlineKind.MANUAL_REVIEW,
                    today,
                    today,
                    None,
                    Severity.WARNING,
                    flag.message,
                    reference=flag.event_id,
                )
            )
    if violations:
        deadlines = [replace(d, unreliable=True) for d in deadlines]
        deadlines.append(
            Deadline(
                DeadlineKind.HISTORY_CORRECTION,
                today,
                today,
                None,
                Severity.URGENT,
                msg("history.needs_correction", count=len(violations)),
            )
        )
    deadlines.sort(key=lambda d: (d.due, _KIND_RANK[d.kind], d.explanation, d.reference or 0))
    asylum = asylum_state(events)
    status = headline_status(
        valid=not violations,
        closed=closed is not None,
        ident=ident,
        reflection=detail.status,
        permit=permit,
        asylum=asylum,
        ret=ret,
    )
    return Timeline(
        today=today,
        identification=ident,
        reflection=detail.status,
        permit=permit,
        asylum=asylum,
        return_=ret,
        closed=closed is not None,
        legal_stay=legal_stay_on(events, today),
        age=age,
        age_uncertain=age_uncertain,
        is_minor=is_minor,
        deadlines=tuple(deadlines),
        violations=violations,
        status=status,
        review_flags=tuple(flags),
        notes=tuple(_notes(detail, permit, ident.state, ret)) if closed is None else (),
        turns_18_from=turns_from,
        turns_18_until=turns_until,
    )


def _turns_18_text(facts: PersonFacts, adult_on: dt.date, detail: ReflectionDetail) -> Message:
    birth = facts.birth
    assert birth is not None
    text: Message
    earliest = adult_on
    if birth.certainty is BirthCertainty.EXACT and birth.birth_date is not None:
        text = msg("turns18.exact", date=adult_on, born=birth.birth_date)
    elif birth.certainty is BirthCertainty.ESTIMATED_YEAR and birth.birth_year is not None:
        year = birth.birth_year + 18
        earliest = dt.date(year, 1, 1)
        text = msg(
            "turns18.year",
            earliest=dt.date(year, 1, 1),
            latest=dt.date(year, 12, 31),
            year=birth.birth_year,
            latest_year=year,
        )
    elif birth.certainty is BirthCertainty.AGE_ASSESSED and birth.assessment_date is not None:
        text = msg(
            "turns18.assessed",
            date=adult_on,
            age=birth.assessed_age or 0,
            assessed_on=birth.assessment_date,
        )
    else:
        text = msg("turns18.uncertain", date=adult_on)
    status = detail.status
    if status.start and status.end and earliest <= status.end and status.start <= adult_on:
        text = msg("turns18.in_reflection", text=text)
    return text


def _entitlement_deadlines(facts: PersonFacts, today: dt.date) -> list[Deadline]:
    groups: dict[tuple[dt.date, Payer, str | None, dt.date, bool], list[object]] = {}
    for line in compute_entitlements(facts, today):
        if not line.covered or line.valid_until is None:
            continue
        since = min(line.valid_from or line.valid_until, line.valid_until)
        key = (line.valid_until, line.payer, line.rule_set_id, since, line.expected)
        groups.setdefault(key, []).append(line.service)
    out = []
    for (until, payer, rule_set_id, since, expected), services in sorted(groups.items(), key=str):
        out.append(
            Deadline(
                DeadlineKind.ENTITLEMENT_END,
                until,
                since,
                rule_set_id,
                severity_for(until, today),
                msg(
                    "entitlement.end",
                    payer=payer,
                    date=until,
                    expected=msg("entitlement.expected_suffix") if expected else "",
                    services=tuple(services),
                ),
                expected=expected,
            )
        )
    return out


def status_document_refusal(timeline: Timeline) -> Message | None:
    """Why a document that states status, deadlines or who pays (status confirmation,
    referral letter, guardian summary, IOM referral) may not be printed; None when it may."""
    if timeline.valid:
        return None
    return msg("doc.refused_invalid", problems=tuple(v.detail for v in timeline.violations[:3]))
