"""Table of realistic cases: expected statuses, every deadline (kind -> first due date),
the payer of extended care (dentistry stands for the extended services) and violations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest

from clinic_app.rules import (
    AsylumState,
    BirthFact,
    ConsentFact,
    DeadlineKind,
    EventFact,
    IdentificationState,
    ManualEntitlement,
    PermitState,
    PersonFacts,
    ReflectionState,
    ReturnState,
    compute_entitlements,
    compute_timeline,
)
from clinic_app.vocabulary import Authority, BirthCertainty, HealthService, LegalStay, Payer

from .builders import (
    D,
    application,
    asylum_applied,
    asylum_decided,
    avr_referral,
    closed,
    contact,
    departure,
    extension,
    identified,
    not_identified,
    permit,
    permit_ended,
    reflection,
    renewal,
    stay,
)

K = DeadlineKind
ID = IdentificationState
R = ReflectionState
CMM, DIS = Authority.CMM, Authority.IMMIGRATION_SERVICE


def person(*events: EventFact, **kw: object) -> PersonFacts:
    kw.setdefault("has_contact_person", True)
    return PersonFacts(events=events, **kw)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Case:
    name: str
    facts: PersonFacts
    today: dt.date
    identification: IdentificationState
    reflection: ReflectionState
    deadlines: dict[DeadlineKind, dt.date]
    payer: Payer  # dentistry on ``today``
    permit: PermitState = PermitState.NONE
    return_: ReturnState = ReturnState.NONE
    asylum: AsylumState = AsylumState.NONE
    gp_payer: Payer | None = None
    rule_set: str | None = None  # reflection rule set
    violations: tuple[str, ...] = ()
    uncertain: frozenset[DeadlineKind] = field(default_factory=frozenset)


CASES = [
    Case(
        "adult without legal stay, reflection running",
        person(contact(D(2026, 11, 1)), identified(D(2026, 11, 14))),
        D(2026, 11, 20), ID.IDENTIFIED, R.RUNNING,
        {K.REFLECTION_END: D(2026, 12, 14), K.REFLECTION_MAX_END: D(2027, 3, 14),
         K.ENTITLEMENT_END: D(2026, 12, 14)},
        Payer.IMMIGRATION_SERVICE, gp_payer=Payer.IMMIGRATION_SERVICE, rule_set="2013+",
    ),
    Case(
        "adult cooperating on return, extended to 120 days",
        person(identified(D(2026, 1, 1)), avr_referral(D(2026, 1, 20)),
               extension(D(2026, 1, 25), D(2026, 5, 1))),
        D(2026, 2, 1), ID.IDENTIFIED, R.EXTENDED,
        {K.REFLECTION_END: D(2026, 5, 1), K.REFLECTION_MAX_END: D(2026, 5, 1),
         K.ENTITLEMENT_END: D(2026, 5, 1)},
        Payer.IMMIGRATION_SERVICE, return_=ReturnState.REFERRED, rule_set="2013+",
    ),
    Case(
        "EU citizen identified by CMM",
        person(contact(D(2026, 3, 1)), stay(D(2026, 3, 1), LegalStay.EU_CITIZEN),
               identified(D(2026, 3, 10), CMM, LegalStay.EU_CITIZEN)),
        D(2026, 3, 15), ID.IDENTIFIED, R.NONE, {}, Payer.CMM, gp_payer=Payer.UNKNOWN,
    ),
    Case(
        "EU citizen with insurance from home",
        person(identified(D(2026, 3, 10), CMM, LegalStay.EU_CITIZEN), own_insurance=True),
        D(2026, 3, 15), ID.IDENTIFIED, R.NONE, {}, Payer.OWN_INSURANCE,
    ),
    Case(
        "Danish citizen with yellow card",
        person(identified(D(2026, 3, 10), CMM, LegalStay.DANISH_CITIZEN),
               registered_in_denmark=True),
        D(2026, 3, 15), ID.IDENTIFIED, R.NONE, {}, Payer.CMM, gp_payer=Payer.NATIONAL_HEALTH,
    ),
    Case(
        "asylum seeker identified, asylum pending",
        person(asylum_applied(D(2026, 2, 1)),
               identified(D(2026, 3, 1), DIS, LegalStay.ASYLUM_SEEKER)),
        D(2026, 4, 1), ID.IDENTIFIED, R.NONE, {}, Payer.IMMIGRATION_SERVICE,
        asylum=AsylumState.PENDING,
    ),
    Case(
        "asylum refused, then reflection period",
        person(asylum_applied(D(2025, 6, 1)),
               identified(D(2025, 8, 1), DIS, LegalStay.ASYLUM_SEEKER),
               asylum_decided(D(2026, 1, 10), False), reflection(D(2026, 1, 10))),
        D(2026, 1, 20), ID.IDENTIFIED, R.RUNNING,
        {K.REFLECTION_END: D(2026, 2, 9), K.REFLECTION_MAX_END: D(2026, 5, 10),
         K.ENTITLEMENT_END: D(2026, 2, 9)},
        Payer.IMMIGRATION_SERVICE, asylum=AsylumState.REFUSED, rule_set="2013+",
    ),
    Case(
        "asylum granted: legal stay, extended care paid by CMM",
        person(asylum_applied(D(2025, 6, 1)),
               identified(D(2025, 8, 1), DIS, LegalStay.ASYLUM_SEEKER),
               asylum_decided(D(2026, 1, 10), True)),
        D(2026, 1, 20), ID.IDENTIFIED, R.NONE, {}, Payer.CMM, asylum=AsylumState.GRANTED,
    ),
    Case(
        "minor with estimated year stays a minor until the end of that year",
        person(contact(D(2027, 5, 25)), identified(D(2027, 6, 1)),
               birth=BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=2009),
               has_current_guardian=True),
        D(2027, 6, 10), ID.IDENTIFIED, R.RUNNING,
        {K.REFLECTION_END: D(2027, 7, 1), K.TURNS_18: D(2028, 1, 1),
         K.ENTITLEMENT_END: D(2027, 7, 1), K.REFLECTION_MAX_END: D(2027, 9, 29)},
        Payer.IMMIGRATION_SERVICE, uncertain=frozenset({K.TURNS_18}),
    ),
    Case(
        "minor without a guardian",
        person(identified(D(2026, 2, 1)),
               birth=BirthFact(BirthCertainty.EXACT, birth_date=D(2011, 4, 1))),
        D(2026, 2, 5), ID.IDENTIFIED, R.RUNNING,
        {K.GUARDIAN_MISSING: D(2026, 2, 5), K.REFLECTION_END: D(2026, 3, 3),
         K.ENTITLEMENT_END: D(2026, 3, 3), K.REFLECTION_MAX_END: D(2026, 6, 1),
         K.TURNS_18: D(2029, 4, 1)},
        Payer.IMMIGRATION_SERVICE,
    ),
    Case(
        "minor with assessed age and EU citizenship",
        person(identified(D(2026, 6, 1), CMM, LegalStay.EU_CITIZEN),
               birth=BirthFact(BirthCertainty.AGE_ASSESSED, assessment_date=D(2026, 5, 20),
                               assessed_age=16),
               has_current_guardian=True),
        D(2026, 6, 2), ID.IDENTIFIED, R.NONE, {K.TURNS_18: D(2028, 5, 20)}, Payer.CMM,
        uncertain=frozenset({K.TURNS_18}),
    ),
    Case(
        "returned home with IOM",
        person(identified(D(2026, 1, 1)), avr_referral(D(2026, 1, 10)),
               departure(D(2026, 1, 25))),
        D(2026, 3, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 31), K.AVR_FOLLOW_UP_END: D(2026, 7, 25)},
        Payer.NONE, return_=ReturnState.RETURNED,
    ),
    Case(
        "returned under the 2011 rules: three months follow-up",
        person(identified(D(2012, 3, 1)), avr_referral(D(2012, 3, 20)),
               extension(D(2012, 3, 20), D(2012, 4, 20)), departure(D(2012, 4, 15))),
        D(2012, 5, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2012, 4, 20), K.AVR_FOLLOW_UP_END: D(2012, 7, 15)},
        Payer.NONE, return_=ReturnState.RETURNED, rule_set="2011",
    ),
    Case(
        "permit renewed twice",
        person(identified(D(2026, 1, 1)), application(D(2026, 1, 10)), permit(D(2026, 1, 20)),
               application(D(2026, 7, 1)), renewal(D(2026, 7, 20), D(2027, 1, 20)),
               application(D(2027, 1, 5)), renewal(D(2027, 1, 20), D(2027, 7, 20))),
        D(2027, 2, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 20), K.PERMIT_RENEWAL_REMINDER: D(2027, 6, 20),
         K.PERMIT_EXPIRY: D(2027, 7, 20), K.ENTITLEMENT_END: D(2027, 7, 20)},
        Payer.IMMIGRATION_SERVICE, permit=PermitState.VALID,
    ),
    Case(
        "permit ended when the prosecution finished",
        person(identified(D(2026, 1, 1)), application(D(2026, 1, 10)), permit(D(2026, 1, 20)),
               permit_ended(D(2026, 5, 1))),
        D(2026, 5, 10), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 20), K.PERMIT_EXPIRY: D(2026, 5, 1)},
        Payer.NONE, permit=PermitState.ENDED,
    ),
    Case(
        "permit expiring within a month",
        person(identified(D(2026, 1, 1)), application(D(2026, 1, 10)), permit(D(2026, 1, 20))),
        D(2026, 7, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 20), K.PERMIT_RENEWAL_REMINDER: D(2026, 6, 20),
         K.PERMIT_EXPIRY: D(2026, 7, 20), K.ENTITLEMENT_END: D(2026, 7, 20)},
        Payer.IMMIGRATION_SERVICE, permit=PermitState.VALID,
    ),
    Case(
        "not identified as a victim",
        person(contact(D(2026, 1, 1)), not_identified(D(2026, 1, 15))),
        D(2026, 1, 20), ID.NOT_IDENTIFIED, R.NONE, {}, Payer.NONE,
    ),
    Case(
        "presumed victim at first contact",
        person(contact(D(2026, 1, 1)), stay(D(2026, 1, 1), LegalStay.NONE)),
        D(2026, 1, 2), ID.PRESUMED, R.NONE, {}, Payer.NONE,
    ),
    Case(
        "2011 rules: extended to the 100-day maximum",
        person(identified(D(2012, 1, 1)), extension(D(2012, 1, 25), D(2012, 4, 10))),
        D(2012, 2, 1), ID.IDENTIFIED, R.EXTENDED,
        {K.REFLECTION_END: D(2012, 4, 10), K.REFLECTION_MAX_END: D(2012, 4, 10),
         K.ENTITLEMENT_END: D(2012, 4, 10)},
        Payer.IMMIGRATION_SERVICE, rule_set="2011",
    ),
    Case(
        "identified before the 2013 change, decided after: the later maximum applies",
        person(identified(D(2013, 6, 10)), extension(D(2013, 8, 10), D(2013, 11, 12))),
        D(2013, 9, 1), ID.IDENTIFIED, R.EXTENDED,
        {K.REFLECTION_END: D(2013, 10, 8), K.REFLECTION_MAX_END: D(2013, 10, 8),
         K.ENTITLEMENT_END: D(2013, 10, 8), K.HISTORY_CORRECTION: D(2013, 9, 1)},
        Payer.IMMIGRATION_SERVICE, rule_set="2011", violations=("reflection_beyond_maximum",),
    ),
    Case(
        "identified after the 120-day rule took effect",
        person(identified(D(2013, 8, 1))),
        D(2013, 8, 2), ID.IDENTIFIED, R.RUNNING,
        {K.REFLECTION_END: D(2013, 8, 31), K.REFLECTION_MAX_END: D(2013, 11, 29),
         K.ENTITLEMENT_END: D(2013, 8, 31)},
        Payer.IMMIGRATION_SERVICE, rule_set="2013+",
    ),
    Case(
        "court grants victim status after a refusal",
        person(contact(D(2026, 1, 1)), stay(D(2026, 1, 1), LegalStay.NONE),
               not_identified(D(2026, 1, 10)), identified(D(2026, 3, 1), Authority.COURT, None)),
        D(2026, 3, 5), ID.IDENTIFIED, R.RUNNING,
        {K.REFLECTION_END: D(2026, 3, 31), K.REFLECTION_MAX_END: D(2026, 6, 29),
         K.ENTITLEMENT_END: D(2026, 3, 31)},
        Payer.IMMIGRATION_SERVICE,
    ),
    Case(
        "closed case",
        person(identified(D(2025, 1, 10), CMM, LegalStay.EU_CITIZEN), closed(D(2025, 9, 1))),
        D(2025, 10, 1), ID.IDENTIFIED, R.NONE, {}, Payer.NONE,
    ),
    Case(
        "manual dentistry after the reflection period",
        person(identified(D(2026, 1, 1)), manual_entitlements=(
            ManualEntitlement(HealthService.DENTISTRY, Payer.CMM, D(2026, 2, 1), D(2026, 6, 30),
                              "CMM agreed to finish the dental treatment"),)),
        D(2026, 3, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 31), K.ENTITLEMENT_END: D(2026, 6, 30)},
        Payer.CMM,
    ),
    Case(
        "consent and action plan review",
        person(identified(D(2026, 1, 10), CMM, LegalStay.EU_CITIZEN),
               consents=(ConsentFact(4, "Lawyer", valid_to=D(2026, 4, 1)),),
               plan_review_dates=(D(2026, 2, 15),)),
        D(2026, 2, 1), ID.IDENTIFIED, R.NONE,
        {K.PLAN_REVIEW: D(2026, 2, 15), K.CONSENT_EXPIRY: D(2026, 4, 1)}, Payer.CMM,
    ),
    Case(
        "identified victim without a contact person",
        person(identified(D(2026, 1, 1)), has_contact_person=False),
        D(2026, 1, 2), ID.IDENTIFIED, R.RUNNING,
        {K.CONTACT_PERSON_MISSING: D(2026, 1, 2), K.REFLECTION_END: D(2026, 1, 31),
         K.ENTITLEMENT_END: D(2026, 1, 31), K.REFLECTION_MAX_END: D(2026, 5, 1)},
        Payer.IMMIGRATION_SERVICE,
    ),
    Case(
        "permit recorded without a police application",
        person(identified(D(2026, 1, 1)), permit(D(2026, 1, 20))),
        D(2026, 2, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 20), K.PERMIT_RENEWAL_REMINDER: D(2026, 6, 20),
         K.PERMIT_EXPIRY: D(2026, 7, 20), K.ENTITLEMENT_END: D(2026, 7, 20),
         K.HISTORY_CORRECTION: D(2026, 2, 1)},
        Payer.IMMIGRATION_SERVICE, permit=PermitState.VALID,
        violations=("permit_without_police_application",),
    ),
    Case(
        "departure recorded without a referral",
        person(identified(D(2026, 1, 1)), departure(D(2026, 1, 15))),
        D(2026, 2, 1), ID.IDENTIFIED, R.ENDED,
        {K.REFLECTION_END: D(2026, 1, 31), K.AVR_FOLLOW_UP_END: D(2026, 7, 15),
         K.HISTORY_CORRECTION: D(2026, 2, 1)},
        Payer.NONE, return_=ReturnState.RETURNED, violations=("departure_before_referral",),
    ),
    Case(
        "identified by SIRI",
        person(identified(D(2026, 1, 1), Authority.SIRI, LegalStay.NONE)),
        D(2026, 1, 2), ID.IDENTIFIED, R.RUNNING,
        {K.REFLECTION_END: D(2026, 1, 31), K.REFLECTION_MAX_END: D(2026, 5, 1),
         K.ENTITLEMENT_END: D(2026, 1, 31)},
        Payer.IMMIGRATION_SERVICE,
    ),
]  # fmt: skip


def test_enough_cases() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case(case: Case) -> None:
    timeline = compute_timeline(case.facts, case.today)
    assert timeline.identification.state is case.identification
    assert timeline.reflection.state is case.reflection
    assert timeline.permit.state is case.permit
    assert timeline.return_.state is case.return_
    assert timeline.asylum is case.asylum
    first_due: dict[DeadlineKind, dt.date] = {}
    for deadline in timeline.deadlines:
        first_due.setdefault(deadline.kind, deadline.due)
        assert deadline.uncertain == (deadline.kind in case.uncertain), deadline
        assert deadline.explanation
    assert first_due == case.deadlines
    if case.rule_set is not None:
        assert timeline.reflection.rule_set_id == case.rule_set
    assert tuple(v.code for v in timeline.violations) == case.violations
    lines = {line.service: line for line in compute_entitlements(case.facts, case.today)}
    assert lines[HealthService.DENTISTRY].payer is case.payer
    if case.gp_payer is not None:
        assert lines[HealthService.GENERAL_PRACTICE].payer is case.gp_payer
