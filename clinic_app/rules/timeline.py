"""The person's legal timeline: current statuses and every deadline, with explanations."""

from __future__ import annotations

import datetime as dt

from clinic_app.rules.dates import add_days, age_on, assumed_birth_date, eighteenth_birthday
from clinic_app.rules.entitlements import compute_entitlements, payer_name
from clinic_app.rules.facts import EventFact, PersonFacts
from clinic_app.rules.history import legal_stay_on, sort_events
from clinic_app.rules.results import (
    Deadline,
    DeadlineKind,
    IdentificationState,
    PermitState,
    PermitStatus,
    ReflectionState,
    ReturnStatus,
    Severity,
    Timeline,
)
from clinic_app.rules.rule_sets import rule_set_by_id, rule_set_for
from clinic_app.rules.statuses import (
    ReflectionDetail,
    asylum_state,
    closed_on,
    identification_status,
    permit_status,
    reflection_detail,
    return_status,
)
from clinic_app.rules.validation import validate_history
from clinic_app.vocabulary import BirthCertainty, EventKind, Payer

URGENT_WITHIN_DAYS = 7
WARNING_WITHIN_DAYS = 30
_KIND_RANK = {kind: rank for rank, kind in enumerate(DeadlineKind)}


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
    start, end = status.start, status.end
    if detail.cut_short_by is not None:
        why = (
            "departure on assisted voluntary return"
            if detail.cut_short_by.kind is EventKind.AVR_DEPARTURE
            else "residence permit granted"
        )
        text = f"Reflection period ended {end}: {why}, rule set {rules.id}"
    elif detail.last_extension is not None:
        text = (
            f"Reflection period ends {end}: extended on {detail.last_extension.date} to "
            f"{status.total_days} days in total from {start}, rule set {rules.id}"
        )
    else:
        origin = "identification" if status.derived_from_identification else "the start"
        text = (
            f"Reflection period ends {end}: {rules.reflection_initial_days} days from "
            f"{origin} on {start}, rule set {rules.id}"
        )
    out = [
        Deadline(DeadlineKind.REFLECTION_END, end, start, rules.id, severity_for(end, today), text)
    ]
    # The maximum matters for planning only while the period still runs.
    if detail.cut_short_by is None and status.state is not ReflectionState.ENDED:
        out.append(
            Deadline(
                DeadlineKind.REFLECTION_MAX_END,
                status.max_end,
                start,
                rules.id,
                severity_for(status.max_end, today),
                f"Reflection period cannot run beyond {status.max_end}: at most "
                f"{rules.reflection_max_total_days} days in total from {start} (extension only on "
                f"cooperation on assisted voluntary return), rule set {rules.id}",
            )
        )
    return out


def _permit_deadlines(
    events: tuple[EventFact, ...], permit: PermitStatus, today: dt.date
) -> list[Deadline]:
    out: list[Deadline] = []
    if permit.valid_until is not None and permit.rule_set_id is not None:
        rules = rule_set_by_id(permit.rule_set_id)
        grants = [
            e for e in events if e.kind in (EventKind.PERMIT_GRANTED, EventKind.PERMIT_RENEWED)
        ]
        latest = grants[-1]
        if permit.state is PermitState.ENDED:
            text = f"Residence permit (Aliens Act §9c(5)) ended {permit.valid_until}"
        else:
            verb = "renewed" if latest.kind is EventKind.PERMIT_RENEWED else "granted"
            text = (
                f"Residence permit (Aliens Act §9c(5)) expires {permit.valid_until}: {verb} "
                f"on {latest.date}, {rules.permit_period_months} months at a time"
            )
        out.append(
            Deadline(
                DeadlineKind.PERMIT_EXPIRY,
                permit.valid_until,
                latest.date,
                rules.id,
                severity_for(permit.valid_until, today),
                f"{text}, rule set {rules.id}",
                reference=latest.event_id,
            )
        )
        if permit.state is not PermitState.ENDED:
            remind = max(
                latest.date, add_days(permit.valid_until, -rules.permit_renewal_reminder_days)
            )
            out.append(
                Deadline(
                    DeadlineKind.PERMIT_RENEWAL_REMINDER,
                    remind,
                    latest.date,
                    rules.id,
                    severity_for(remind, today),
                    f"Ask the police or prosecution by {remind} whether they will apply to renew "
                    f"the permit expiring {permit.valid_until} (the person cannot apply), "
                    f"rule set {rules.id}",
                    reference=latest.event_id,
                )
            )
    return out


def _return_deadlines(ret: ReturnStatus, today: dt.date) -> list[Deadline]:
    out: list[Deadline] = []
    if ret.follow_up_until is not None and ret.departed_on is not None:
        rules = rule_set_by_id(ret.rule_set_id or rule_set_for(ret.departed_on).id)
        out.append(
            Deadline(
                DeadlineKind.AVR_FOLLOW_UP_END,
                ret.follow_up_until,
                ret.departed_on,
                rules.id,
                severity_for(ret.follow_up_until, today),
                f"IOM follow-up ends {ret.follow_up_until}: {rules.avr_follow_up_months} months "
                f"after return on {ret.departed_on}, rule set {rules.id}",
            )
        )
    return out


def compute_timeline(facts: PersonFacts, today: dt.date) -> Timeline:
    """Statuses and deadlines as they stand on ``today`` (events dated later are ignored)."""
    all_events = sort_events(facts.events)
    events = tuple(e for e in all_events if e.date <= today)
    ident = identification_status(events, today)
    detail = reflection_detail(events, today)
    permit = permit_status(events, today)
    ret = return_status(events)
    closed = closed_on(events)
    deadlines = _reflection_deadlines(detail, today)

    deadlines.extend(_permit_deadlines(events, permit, today))
    deadlines.extend(_return_deadlines(ret, today))

    age: int | None = None
    age_uncertain = True
    is_minor: bool | None = None
    if facts.birth is not None and facts.birth.certainty is not BirthCertainty.UNKNOWN:
        age, age_uncertain = age_on(facts.birth, today)
        is_minor = None if age is None else age < 18
        born, _ = assumed_birth_date(facts.birth)
        adult_on, uncertain = eighteenth_birthday(facts.birth)
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
                    f"Minor (age {age}{', uncertain' if age_uncertain else ''}) has no current "
                    "guardian (professional personal representative): appoint one",
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
                    "No contact person appointed: every victim has a contact person who prepares "
                    "the individual action plan with them",
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
                    f"Individual action plan review due {review}",
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
                f"Consent {consent.consent_id} to share information with {consent.partner_name} "
                f"expires {consent.valid_to}",
                reference=consent.consent_id,
            )
        )

    deadlines.sort(key=lambda d: (d.due, _KIND_RANK[d.kind], d.explanation, d.reference or 0))
    return Timeline(
        today=today,
        identification=ident,
        reflection=detail.status,
        permit=permit,
        asylum=asylum_state(events),
        return_=ret,
        closed=closed is not None,
        legal_stay=legal_stay_on(events, today),
        age=age,
        age_uncertain=age_uncertain,
        is_minor=is_minor,
        deadlines=tuple(deadlines),
        violations=tuple(validate_history(all_events, today=today)),
    )


def _turns_18_text(facts: PersonFacts, adult_on: dt.date, detail: ReflectionDetail) -> str:
    birth = facts.birth
    assert birth is not None
    if birth.certainty is BirthCertainty.EXACT and birth.birth_date is not None:
        text = f"Turns 18 on {adult_on} (documented birth date {birth.birth_date})"
    elif birth.certainty is BirthCertainty.ESTIMATED_YEAR:
        text = (
            f"Turns 18 on about {adult_on}: birth year {birth.birth_year} is estimated "
            "(1 July assumed)"
        )
    elif birth.certainty is BirthCertainty.AGE_ASSESSED:
        text = (
            f"Turns 18 on about {adult_on}: assessed as {birth.assessed_age} years old on "
            f"{birth.assessment_date} (youngest reading assumed)"
        )
    else:
        text = f"Turns 18 on about {adult_on} (birth date uncertain)"
    status = detail.status
    if status.start and status.end and status.start <= adult_on <= status.end:
        text += ", during the reflection period"
    return text


def _entitlement_deadlines(facts: PersonFacts, today: dt.date) -> list[Deadline]:
    groups: dict[tuple[dt.date, Payer, str | None, dt.date], list[str]] = {}
    for line in compute_entitlements(facts, today):
        if not line.covered or line.valid_until is None:
            continue
        since = min(line.valid_from or line.valid_until, line.valid_until)
        key = (line.valid_until, line.payer, line.rule_set_id, since)
        groups.setdefault(key, []).append(line.service.value.replace("_", " "))
    out = []
    for (until, payer, rule_set_id, since), services in sorted(groups.items(), key=str):
        out.append(
            Deadline(
                DeadlineKind.ENTITLEMENT_END,
                until,
                since,
                rule_set_id,
                severity_for(until, today),
                f"Health entitlements paid by {payer_name(payer)} end {until}: "
                + ", ".join(services),
            )
        )
    return out
