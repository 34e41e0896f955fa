"""Health-service entitlements: what is covered on a day, who pays, and until when.

Two regimes, decided by the legal stay today:

* under the Immigration Service's provision (no legal stay, asylum seekers): *necessary* care
  paid by the Immigration Service whether or not the person is (yet) identified; the
  *extended* array follows identification, also paid by the Immigration Service, for as long
  as the reflection period, a §9c(5) permit or a pending asylum case lasts;
* legal stay (Danish and EU citizens, permits, refugees after an asylum grant): ordinary public
  care through region and municipality (the yellow health card); the extended array follows
  identification, paid by CMM unless the person's own insurance covers it.

Every line names a payer, or ``Payer.UNKNOWN`` when no source says who pays.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_app.rules.explain import Message, enum_text, msg
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
from clinic_app.rules.validation import validate_history
from clinic_app.vocabulary import Authority, HealthService, LegalStay, Payer

EXTENDED_SERVICES: tuple[HealthService, ...] = (
    HealthService.PSYCHOLOGICAL_THERAPY,
    HealthService.PSYCHIATRIC_THERAPY,
    HealthService.HOSPITALISATION,
    HealthService.PHYSICAL_THERAPY,
    HealthService.DENTISTRY,
    HealthService.SUPPORT_PERSON,
    HealthService.BODY_THERAPY,
)


def payer_name(payer: Payer, lang: str = "en") -> str:
    return enum_text(payer, lang)


@dataclass(frozen=True)
class SupportPeriod:
    """The period of extended health care and why it starts and ends."""

    start: dt.date | None  # None = not eligible
    until: dt.date | None  # None = no end known
    basis: Message | None
    rule_set_id: str | None
    under_dis: bool | None  # None = legal stay not known
    expected: bool = False  # the end follows a requested, undecided extension
    stopped: Message | None = None  # why it stopped early (closure, departure, refusal)
    refused_on: dt.date | None = None


def under_dis_provision(facts: PersonFacts, today: dt.date) -> bool | None:
    """Explicit fact if given; else no legal stay / asylum seeker -> under DIS provision;
    None when nothing says what the legal stay is."""
    if facts.under_dis_provision is not None:
        return facts.under_dis_provision
    events = sort_events(e for e in facts.events if e.date <= today)
    stay = legal_stay_on(events, today)
    if stay is not None:
        return stay in (LegalStay.NONE, LegalStay.ASYLUM_SEEKER)
    identified = first_identified(events)
    if identified is not None and identified.authority is Authority.CMM:
        return False
    if reflection_detail(events, today).status.start is not None or identified is not None:
        return True
    return None


def _join(parts: list[Message]) -> Message | None:
    if not parts:
        return None
    out = parts[0]
    for part in parts[1:]:
        out = msg("basis.join", a=out, b=part)
    return out


def support_period(facts: PersonFacts, today: dt.date) -> SupportPeriod:
    """Extended care runs from identification (or the reflection start) for as long as a
    reflection period (its expected end while a lawful request awaits its decision), a
    §9c(5) permit or a pending asylum case lasts; with legal stay it runs while the case is
    open. It stops at departure, at case closure and when the identification is refused."""
    events = sort_events(e for e in facts.events if e.date <= today)
    dis = under_dis_provision(facts, today)
    ident = identification_status(events, today)
    detail = reflection_detail(events, today)
    reflection = detail.status
    identified = first_identified(events)
    if identified is None or ident.state is IdentificationState.NOT_IDENTIFIED:
        return SupportPeriod(None, None, None, None, dis)
    starts = [d for d in (reflection.start, identified.date) if d]
    start = min(starts)
    rule_set_id = rule_set_for(start).id
    ends: list[dt.date] = []
    bases: list[Message] = []
    open_ended = False
    expected = False
    if reflection.end is not None and reflection.ended_by != "identification_refused":
        ends.append(reflection.end)
        if reflection.expected:
            expected = True
            bases.append(msg("basis.reflection_expected", date=reflection.end))
        else:
            bases.append(msg("basis.reflection", date=reflection.end))
    permit = permit_status(events, today)
    if permit.state is not PermitState.NONE and permit.valid_until is not None:
        ends.append(permit.valid_until)
        bases.append(msg("basis.permit", date=permit.valid_until))
    asylum = asylum_state(events)
    if asylum is AsylumState.PENDING and dis:
        open_ended = True
        bases.append(msg("basis.asylum_pending"))
    if dis is False:
        # Legal stay (a refugee after an asylum grant included): while the case is open.
        open_ended = True
        bases.append(msg("basis.legal_stay"))
    if not ends and not open_ended:
        open_ended = True
        bases.append(msg("basis.nothing_recorded"))
    until = None if open_ended else max(ends)
    if until is not None and expected and until != reflection.end:
        expected = False  # a permit runs longer than the expected end: the permit decides
    stoppers: list[tuple[dt.date, Message]] = []
    departed = return_status(events).departed_on
    if departed is not None:
        stoppers.append((departed, msg("ent.departed", date=departed)))
    closed = closed_on(events)
    if closed is not None:
        stoppers.append((closed, msg("ent.closed", date=closed)))
    refused_on = None
    if ident.state is IdentificationState.REFUSED and ident.decided_on is not None:
        refused_on = ident.decided_on
        stoppers.append((refused_on, msg("ent.refused", date=refused_on)))
    stopped = None
    for stop, why in sorted(stoppers, key=lambda x: x[0]):
        if until is None or stop < until:
            until = max(stop, start)
            stopped = why
            expected = False
            break
    return SupportPeriod(
        start, until, _join(bases), rule_set_id, dis, expected, stopped, refused_on
    )


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
    message = (
        msg("ent.manual", payer=entry.payer, reason=entry.reason, rule=computed.message)
        if covered
        else msg("ent.manual_none", reason=entry.reason, rule=computed.message)
    )
    return EntitlementLine(
        service=entry.service,
        covered=covered,
        payer=entry.payer,
        valid_from=entry.valid_from,
        valid_until=entry.valid_to,
        source=EntitlementSource.MANUAL,
        message=message,
        rule_set_id=computed.rule_set_id,
    )


def _until(period: SupportPeriod) -> Message:
    if period.until is None:
        return msg("ent.no_end")
    return msg("ent.until_expected" if period.expected else "ent.until", date=period.until)


def _extended_line(
    service: HealthService, period: SupportPeriod, payer: Payer, facts: PersonFacts, today: dt.date
) -> EntitlementLine:
    rule = EntitlementSource.RULE
    if period.start is None:
        return EntitlementLine(
            service, False, Payer.NONE, None, None, rule, msg("ent.not_identified")
        )
    if period.until is not None and today > period.until:
        why = period.stopped or msg(
            "ent.ended", date=period.until, basis=period.basis or msg("basis.nothing_recorded")
        )
        return EntitlementLine(
            service, False, Payer.NONE, period.start, period.until, rule, why, period.rule_set_id
        )
    insurer = (
        msg("ent.insurer", country=facts.insurer_country)
        if payer is Payer.OWN_INSURANCE and facts.insurer_country
        else ""
    )
    message = msg(
        "ent.extended",
        payer=payer,
        insurer=insurer,
        until=_until(period),
        basis=period.basis or msg("basis.nothing_recorded"),
    )
    return EntitlementLine(
        service,
        True,
        payer,
        period.start,
        period.until,
        rule,
        message,
        period.rule_set_id,
        expected=period.expected,
    )


def _general_practice_line(
    facts: PersonFacts, period: SupportPeriod, today: dt.date
) -> EntitlementLine:
    service = HealthService.GENERAL_PRACTICE
    rule = EntitlementSource.RULE
    if period.under_dis:
        # Necessary care, whether or not identified; stops only at departure or closure.
        events = sort_events(e for e in facts.events if e.date <= today)
        stops = [d for d in (return_status(events).departed_on, closed_on(events)) if d]
        first = events[0].date if events else None
        stop = min(stops) if stops else None
        if stop is not None and today > stop:
            why = msg("ent.closed" if stop == closed_on(events) else "ent.departed", date=stop)
            return EntitlementLine(service, False, Payer.NONE, first, stop, rule, why)
        until = msg("ent.until", date=stop) if stop else ""
        return EntitlementLine(
            service,
            True,
            Payer.IMMIGRATION_SERVICE,
            first,
            stop,
            rule,
            msg("ent.necessary_dis", until=until),
        )
    if period.under_dis is None and not facts.registered_in_denmark:
        return EntitlementLine(
            service, False, Payer.UNKNOWN, None, None, rule, msg("ent.stay_unknown")
        )
    if facts.registered_in_denmark:
        return EntitlementLine(
            service, True, Payer.NATIONAL_HEALTH, None, None, rule, msg("ent.ordinary")
        )
    return EntitlementLine(
        service, True, Payer.UNKNOWN, None, None, rule, msg("ent.ordinary_no_card")
    )


def compute_entitlements(facts: PersonFacts, today: dt.date) -> tuple[EntitlementLine, ...]:
    """One line per health service, in HealthService order, as it stands on ``today``."""
    period = support_period(facts, today)
    if period.under_dis:
        payer = Payer.IMMIGRATION_SERVICE
    elif facts.own_insurance:
        payer = Payer.OWN_INSURANCE
    elif period.under_dis is False:
        payer = Payer.CMM
    else:
        payer = Payer.UNKNOWN  # identified, but no legal stay recorded: no source says
    events = tuple(e for e in facts.events if e.date <= today)
    unreliable = bool(validate_history(events, today=today, birth=facts.birth))
    lines: list[EntitlementLine] = []
    for service in HealthService:
        if service is HealthService.GENERAL_PRACTICE:
            line = _general_practice_line(facts, period, today)
        else:
            line = _extended_line(service, period, payer, facts, today)
        manual = _manual_for(service, facts.manual_entitlements, today)
        line = _manual_line(manual, line) if manual else line
        if unreliable:
            line = EntitlementLine(
                line.service,
                line.covered,
                line.payer,
                line.valid_from,
                line.valid_until,
                line.source,
                line.message,
                line.rule_set_id,
                line.expected,
                unreliable=True,
            )
        lines.append(line)
    return tuple(lines)
