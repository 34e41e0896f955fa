"""Health-service entitlements: what is covered on a day, who pays, and until when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_app.rules.facts import ManualEntitlement, PersonFacts
from clinic_app.rules.history import legal_stay_on, sort_events
from clinic_app.rules.results import (
    AsylumState,
    EntitlementLine,
    EntitlementSource,
    IdentificationState,
    PermitState,
)
from clinic_app.rules.rule_sets import rule_set_for
from clinic_app.rules.statuses import (
    asylum_state,
    closed_on,
    first_identified,
    identification_status,
    permit_status,
    reflection_detail,
    return_status,
)
from clinic_app.vocabulary import Authority, EventKind, HealthService, LegalStay, Outcome, Payer

EXTENDED_SERVICES: tuple[HealthService, ...] = (
    HealthService.PSYCHOLOGICAL_THERAPY,
    HealthService.PSYCHIATRIC_THERAPY,
    HealthService.HOSPITALISATION,
    HealthService.PHYSICAL_THERAPY,
    HealthService.DENTISTRY,
    HealthService.SUPPORT_PERSON,
    HealthService.BODY_THERAPY,
)

_PAYER_NAMES = {
    Payer.IMMIGRATION_SERVICE: "the Immigration Service",
    Payer.CMM: "CMM",
    Payer.OWN_INSURANCE: "own insurance",
    Payer.NATIONAL_HEALTH: "national health insurance",
    Payer.MUNICIPALITY: "the municipality",
    Payer.NONE: "nobody",
}


def payer_name(payer: Payer) -> str:
    return _PAYER_NAMES[payer]


@dataclass(frozen=True)
class SupportPeriod:
    """The period of extended health care and why it starts and ends."""

    start: dt.date | None  # None = not eligible
    until: dt.date | None  # None = no end known
    basis: str
    rule_set_id: str | None
    under_dis: bool


def under_dis_provision(facts: PersonFacts, today: dt.date) -> bool:
    """Explicit fact if given; else no legal stay / asylum system -> under DIS provision."""
    if facts.under_dis_provision is not None:
        return facts.under_dis_provision
    events = sort_events(e for e in facts.events if e.date <= today)
    stay = legal_stay_on(events, today)
    if stay is not None:
        return stay in (LegalStay.NONE, LegalStay.ASYLUM_SEEKER)
    identified = first_identified(events)
    if identified is not None and identified.authority is Authority.CMM:
        return False
    return reflection_detail(events, today).status.start is not None or identified is not None


def support_period(facts: PersonFacts, today: dt.date) -> SupportPeriod:
    """Extended care runs from identification (or the reflection start) for as long as a
    reflection period, a §9c(5) permit or a pending asylum case lasts; for persons with legal
    stay it runs while the case is open. It stops at departure (IOM follow-up abroad is not a
    Danish health entitlement), at case closure, and when asylum is granted (the municipality
    takes over)."""
    events = sort_events(e for e in facts.events if e.date <= today)
    dis = under_dis_provision(facts, today)
    ident = identification_status(events, today)
    detail = reflection_detail(events, today)
    reflection = detail.status
    identified = first_identified(events)
    starts = [d for d in (reflection.start, identified.date if identified else None) if d]
    if not starts or (
        ident.state is IdentificationState.NOT_IDENTIFIED and reflection.start is None
    ):
        return SupportPeriod(None, None, "not identified as a victim", None, dis)
    start = min(starts)
    rule_set_id = rule_set_for(start).id
    ends: list[dt.date] = []
    bases: list[str] = []
    open_ended = False
    if reflection.end is not None:
        ends.append(reflection.end)
        departed_early = (
            detail.cut_short_by is not None and detail.cut_short_by.kind is EventKind.AVR_DEPARTURE
        )
        bases.append(
            f"departed on {reflection.end}"
            if departed_early
            else f"reflection period until {reflection.end}"
        )
    permit = permit_status(events, today)
    if permit.state is not PermitState.NONE and permit.valid_until is not None:
        ends.append(permit.valid_until)
        bases.append(f"residence permit until {permit.valid_until}")
    asylum = asylum_state(events)
    if asylum is AsylumState.PENDING:
        open_ended = True
        bases.append("asylum case pending")
    if not dis and not ends:
        open_ended = True
        bases.append("legal stay, case open")
    if not ends and not open_ended:
        open_ended = True
        bases.append("no reflection period or permit recorded")
    until = None if open_ended else max(ends)
    stoppers: list[tuple[dt.date, str]] = []
    departed = return_status(events).departed_on
    if departed is not None:
        stoppers.append((departed, f"departed on {departed}"))
    closed = closed_on(events)
    if closed is not None:
        stoppers.append((closed, f"case closed on {closed}"))
    granted = [
        e.date
        for e in events
        if e.kind is EventKind.ASYLUM_DECIDED and e.outcome is Outcome.GRANTED
    ]
    if granted:
        stoppers.append((granted[-1], f"asylum granted on {granted[-1]}, municipality responsible"))
    for stop, why in sorted(stoppers):
        if until is None or stop < until:
            until = max(stop, start)
            bases.append(why)
            break
    return SupportPeriod(start, until, "; ".join(bases), rule_set_id, dis)


def _manual_for(
    service: HealthService, manual: tuple[ManualEntitlement, ...], today: dt.date
) -> ManualEntitlement | None:
    valid = [
        m
        for m in manual
        if m.service is service
        and (m.valid_from is None or m.valid_from <= today)
        and (m.valid_to is None or today <= m.valid_to)
    ]
    if not valid:
        return None
    # Latest decision wins; ties broken on the other fields so input order never matters.
    return max(
        valid,
        key=lambda m: (m.valid_from or dt.date.min, m.valid_to or dt.date.max, m.payer, m.reason),
    )


def _manual_line(entry: ManualEntitlement, computed: EntitlementLine) -> EntitlementLine:
    covered = entry.payer is not Payer.NONE
    return EntitlementLine(
        service=entry.service,
        covered=covered,
        payer=entry.payer,
        valid_from=entry.valid_from,
        valid_until=entry.valid_to,
        source=EntitlementSource.MANUAL,
        explanation=(
            f"Manual decision ({payer_name(entry.payer)} pays): {entry.reason}"
            if covered
            else f"Manual decision (not covered): {entry.reason}"
        )
        + f" [rule says: {computed.explanation}]",
        rule_set_id=computed.rule_set_id,
    )


def _extended_line(
    service: HealthService, period: SupportPeriod, payer: Payer, today: dt.date
) -> EntitlementLine:
    if period.start is None:
        return EntitlementLine(
            service,
            False,
            Payer.NONE,
            None,
            None,
            EntitlementSource.RULE,
            "Not covered: extended health care starts with identification as a victim",
        )
    if period.until is not None and today > period.until:
        return EntitlementLine(
            service,
            False,
            Payer.NONE,
            period.start,
            period.until,
            EntitlementSource.RULE,
            f"Not covered: ended {period.until} ({period.basis})",
            period.rule_set_id,
        )
    until_text = f"until {period.until}" if period.until else "no end date known"
    who = "under Immigration Service provision" if period.under_dis else "not under DIS provision"
    return EntitlementLine(
        service,
        True,
        payer,
        period.start,
        period.until,
        EntitlementSource.RULE,
        f"Covered, paid by {payer_name(payer)} ({who}), {until_text}: {period.basis}",
        period.rule_set_id,
    )


def _general_practice_line(
    facts: PersonFacts, period: SupportPeriod, today: dt.date
) -> EntitlementLine:
    service = HealthService.GENERAL_PRACTICE
    if facts.registered_in_denmark:
        return EntitlementLine(
            service,
            True,
            Payer.NATIONAL_HEALTH,
            None,
            None,
            EntitlementSource.RULE,
            "Covered by national health insurance (yellow health insurance card)",
        )
    if period.under_dis:
        # Persons under DIS provision get their necessary health care through DIS.
        return _extended_line(service, period, Payer.IMMIGRATION_SERVICE, today)
    return EntitlementLine(
        service,
        False,
        Payer.NONE,
        None,
        None,
        EntitlementSource.RULE,
        "Not covered: no yellow health insurance card and not under DIS provision",
    )


def compute_entitlements(facts: PersonFacts, today: dt.date) -> tuple[EntitlementLine, ...]:
    """One line per health service, in HealthService order, as it stands on ``today``."""
    period = support_period(facts, today)
    if period.under_dis:
        payer = Payer.IMMIGRATION_SERVICE
    elif facts.own_insurance:
        payer = Payer.OWN_INSURANCE
    else:
        payer = Payer.CMM
    lines: list[EntitlementLine] = []
    for service in HealthService:
        if service is HealthService.GENERAL_PRACTICE:
            line = _general_practice_line(facts, period, today)
        else:
            line = _extended_line(service, period, payer, today)
        manual = _manual_for(service, facts.manual_entitlements, today)
        lines.append(_manual_line(manual, line) if manual else line)
    return tuple(lines)
