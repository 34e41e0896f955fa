from __future__ import annotations

from clinic_app.rules import (
    AsylumState,
    BirthFact,
    ConsentFact,
    DeadlineKind,
    IdentificationState,
    PermitState,
    PersonFacts,
    ReflectionState,
    ReturnState,
    Severity,
    compute_timeline,
)
from clinic_app.vocabulary import Authority, BirthCertainty, LegalStay

from .builders import (
    D,
    application,
    asylum_applied,
    asylum_decided,
    avr_referral,
    closed,
    contact,
    decision,
    departure,
    extension,
    identified,
    not_identified,
    permit,
    permit_ended,
    reflection,
    renewal,
    request,
    stay,
)


def _one(timeline_deadlines: tuple, kind: DeadlineKind):  # type: ignore[no-untyped-def]
    found = [d for d in timeline_deadlines if d.kind is kind]
    assert len(found) == 1, found
    return found[0]


def test_no_events_is_unknown_and_has_no_deadlines() -> None:
    t = compute_timeline(PersonFacts(), D(2026, 11, 26))
    assert t.identification.state is IdentificationState.UNKNOWN
    assert t.reflection.state is ReflectionState.NONE
    assert t.deadlines == ()
    assert t.violations == ()


def test_presumed_victim_shows_expected_authority() -> None:
    facts = PersonFacts(
        events=(contact(D(2026, 11, 1)), stay(D(2026, 11, 1), LegalStay.EU_CITIZEN))
    )
    t = compute_timeline(facts, D(2026, 11, 26))
    assert t.identification.state is IdentificationState.PRESUMED
    assert t.identification.expected_authority is Authority.CMM


def test_reflection_explanation_from_identification() -> None:
    facts = PersonFacts(
        events=(contact(D(2026, 11, 1)), identified(D(2026, 11, 14))), has_contact_person=True
    )
    t = compute_timeline(facts, D(2026, 11, 20))
    end = _one(t.deadlines, DeadlineKind.REFLECTION_END)
    assert end.due == D(2026, 12, 14)
    assert end.rule_set_id == "2013+"
    assert end.explanation == (
        "Reflection period ends 2026-12-14: 30 days from identification on 2026-11-14, "
        "rule set 2013+"
    )
    assert t.reflection.derived_from_identification
    assert _one(t.deadlines, DeadlineKind.REFLECTION_MAX_END).due == D(2027, 3, 14)


def test_recorded_reflection_start_wins_over_identification() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 5)), reflection(D(2026, 1, 7))))
    t = compute_timeline(facts, D(2026, 1, 10))
    assert t.reflection.start == D(2026, 1, 7)
    assert t.reflection.end == D(2026, 2, 6)
    assert not t.reflection.derived_from_identification


def test_no_reflection_for_legal_stay_without_recorded_start() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 5), Authority.CMM, LegalStay.EU_CITIZEN),))
    t = compute_timeline(facts, D(2026, 1, 10))
    assert t.reflection.state is ReflectionState.NONE
    assert not t.deadlines_of(DeadlineKind.REFLECTION_END)


def test_extension_within_maximum() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)), extension(D(2026, 1, 20), D(2026, 4, 1)))
    )
    t = compute_timeline(facts, D(2026, 2, 10))
    assert t.reflection.state is ReflectionState.EXTENDED
    assert t.reflection.end == D(2026, 4, 1)
    assert t.reflection.total_days == 90
    assert "extension decided on 2026-01-20, 90 days in total" in (
        _one(t.deadlines, DeadlineKind.REFLECTION_END).explanation
    )


def test_extension_beyond_maximum_is_capped_and_reported() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)), extension(D(2026, 1, 20), D(2026, 6, 1)))
    )
    t = compute_timeline(facts, D(2026, 2, 10))
    assert t.reflection.end == D(2026, 5, 1)  # 120 days
    assert t.reflection.total_days == 120
    assert [v.code for v in t.violations] == ["reflection_beyond_maximum"]


def test_the_request_date_decides_the_maximum_not_the_start() -> None:
    # Started under the 2011 rules; the request was made after the 2013 change (v2 rule:
    # the rule set in force on the request date decides the maximum).
    facts = PersonFacts(
        events=(
            identified(D(2012, 12, 1)),
            request(D(2012, 12, 20)),
            decision(D(2012, 12, 28), True, D(2013, 12, 31)),
        )
    )
    t = compute_timeline(facts, D(2013, 1, 2))
    assert t.reflection.rule_set_id == "2011"
    assert t.reflection.max_rule_set_id == "2011"
    assert t.reflection.max_end == D(2013, 3, 11)  # 100 days from 1 December
    assert t.reflection.total_days == 100
    assert t.violations[0].code == "reflection_beyond_maximum"
    assert "rule set 2011 allows at most 100 days" in t.violations[0].message
    later = PersonFacts(events=(identified(D(2013, 6, 1)), request(D(2013, 6, 28))))
    t = compute_timeline(later, D(2013, 7, 1))
    assert t.reflection.rule_set_id == "2011" and t.reflection.max_rule_set_id == "2013+"
    assert t.reflection.max_end == D(2013, 9, 29)  # 120 days from 1 June
    assert t.reflection.expected_end == D(2013, 9, 29)


def test_new_rules_from_the_effective_date() -> None:
    t_old = compute_timeline(PersonFacts(events=(identified(D(2013, 6, 24)),)), D(2013, 6, 24))
    t_new = compute_timeline(PersonFacts(events=(identified(D(2013, 6, 25)),)), D(2013, 6, 25))
    assert t_old.reflection.max_end == D(2013, 10, 2)  # +100
    assert t_new.reflection.max_end == D(2013, 10, 23)  # +120


def test_reflection_ends_and_is_past() -> None:
    t = compute_timeline(PersonFacts(events=(identified(D(2026, 1, 1)),)), D(2026, 3, 1))
    assert t.reflection.state is ReflectionState.ENDED
    assert _one(t.deadlines, DeadlineKind.REFLECTION_END).severity is Severity.PAST


def test_departure_is_recorded_beside_the_legal_end() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)), avr_referral(D(2026, 1, 10)), departure(D(2026, 1, 20)))
    )
    t = compute_timeline(facts, D(2026, 2, 1))
    assert t.reflection.end == D(2026, 1, 31)  # the legal end stays
    assert t.reflection.departed_on == D(2026, 1, 20)
    assert t.reflection.state is ReflectionState.ENDED
    assert not t.deadlines_of(DeadlineKind.REFLECTION_MAX_END)
    assert t.status == "returned"


def test_severity_bands() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 1)),), has_contact_person=True)
    assert (
        compute_timeline(facts, D(2026, 1, 1)).deadlines_of(DeadlineKind.REFLECTION_END)[0].severity
        is Severity.WARNING
    )
    assert (
        compute_timeline(facts, D(2026, 1, 25))
        .deadlines_of(DeadlineKind.REFLECTION_END)[0]
        .severity
        is Severity.URGENT
    )


def test_permit_granted_and_renewal_reminder() -> None:
    facts = PersonFacts(
        events=(
            identified(D(2026, 1, 1)),
            application(D(2026, 1, 15)),
            permit(D(2026, 1, 20), event_id=7),
        )
    )
    t = compute_timeline(facts, D(2026, 2, 1))
    assert t.permit.state is PermitState.VALID
    assert t.permit.valid_until == D(2026, 7, 20)
    expiry = _one(t.deadlines, DeadlineKind.PERMIT_EXPIRY)
    assert expiry.reference == 7
    assert "§9c(5)" in expiry.explanation
    assert _one(t.deadlines, DeadlineKind.PERMIT_RENEWAL_REMINDER).due == D(2026, 6, 20)
    # The permit replaces the reflection period.
    assert t.reflection.end == D(2026, 1, 20)
    assert t.violations == ()


def test_permit_ended_has_no_reminder() -> None:
    facts = PersonFacts(
        events=(
            identified(D(2026, 1, 1)),
            application(D(2026, 1, 15)),
            permit(D(2026, 1, 20)),
            permit_ended(D(2026, 4, 1)),
        )
    )
    t = compute_timeline(facts, D(2026, 5, 1))
    assert t.permit.state is PermitState.ENDED
    assert t.permit.valid_until == D(2026, 4, 1)
    assert not t.deadlines_of(DeadlineKind.PERMIT_RENEWAL_REMINDER)


def test_permit_expired() -> None:
    facts = PersonFacts(events=(application(D(2026, 1, 1)), permit(D(2026, 1, 2))))
    assert compute_timeline(facts, D(2026, 8, 1)).permit.state is PermitState.EXPIRED


def test_avr_follow_up_uses_rule_set_of_departure() -> None:
    old = PersonFacts(events=(avr_referral(D(2012, 1, 1)), departure(D(2012, 2, 1))))
    new = PersonFacts(events=(avr_referral(D(2026, 1, 1)), departure(D(2026, 2, 1))))
    t_old, t_new = compute_timeline(old, D(2012, 3, 1)), compute_timeline(new, D(2026, 3, 1))
    assert t_old.return_.follow_up_until == D(2012, 5, 1)
    assert t_new.return_.follow_up_until == D(2026, 8, 1)
    assert t_new.return_.state is ReturnState.RETURNED
    assert _one(t_new.deadlines, DeadlineKind.AVR_FOLLOW_UP_END).explanation == (
        "IOM follow-up ends 2026-08-01: 6 months after return on 2026-02-01, rule set 2013+"
    )


def test_referred_but_not_departed() -> None:
    t = compute_timeline(PersonFacts(events=(avr_referral(D(2026, 1, 1)),)), D(2026, 1, 2))
    assert t.return_.state is ReturnState.REFERRED


def test_asylum_states() -> None:
    base = (identified(D(2026, 1, 1), stay=LegalStay.ASYLUM_SEEKER), asylum_applied(D(2025, 12, 1)))
    assert compute_timeline(PersonFacts(events=base), D(2026, 1, 5)).asylum is AsylumState.PENDING
    refused = PersonFacts(events=(*base, asylum_decided(D(2026, 3, 1), False)))
    assert compute_timeline(refused, D(2026, 3, 5)).asylum is AsylumState.REFUSED
    assert compute_timeline(refused, D(2026, 3, 5)).legal_stay is LegalStay.NONE


def test_not_identified_after_presumed() -> None:
    facts = PersonFacts(events=(contact(D(2026, 1, 1)), not_identified(D(2026, 1, 10))))
    t = compute_timeline(facts, D(2026, 1, 11))
    assert t.identification.state is IdentificationState.NOT_IDENTIFIED
    assert t.reflection.state is ReflectionState.NONE
    assert not t.deadlines_of(DeadlineKind.CONTACT_PERSON_MISSING)


def test_court_identification_after_refusal_wins() -> None:
    facts = PersonFacts(
        events=(not_identified(D(2026, 1, 10)), identified(D(2026, 3, 1), Authority.COURT, None))
    )
    t = compute_timeline(facts, D(2026, 3, 2))
    assert t.identification.state is IdentificationState.IDENTIFIED
    assert t.identification.authority is Authority.COURT


def test_future_events_are_ignored_for_status_but_reported() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 1)), departure(D(2026, 5, 1))))
    t = compute_timeline(facts, D(2026, 1, 5))
    assert t.return_.state is ReturnState.NONE
    assert "event_in_future" in {v.code for v in t.violations}


def test_closed_case_drops_open_obligations() -> None:
    facts = PersonFacts(
        events=(identified(D(2025, 1, 1)), closed(D(2025, 6, 1))),
        birth=BirthFact(BirthCertainty.EXACT, birth_date=D(2010, 1, 1)),
        plan_review_dates=(D(2025, 7, 1),),
    )
    t = compute_timeline(facts, D(2025, 7, 1))
    assert t.closed
    kinds = {d.kind for d in t.deadlines}
    assert DeadlineKind.GUARDIAN_MISSING not in kinds
    assert DeadlineKind.CONTACT_PERSON_MISSING not in kinds
    assert DeadlineKind.PLAN_REVIEW not in kinds


def test_event_after_closure_reopens() -> None:
    facts = PersonFacts(events=(closed(D(2025, 6, 1)), contact(D(2025, 9, 1))))
    assert not compute_timeline(facts, D(2025, 10, 1)).closed


def test_minor_without_guardian_is_urgent() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)),),
        birth=BirthFact(
            BirthCertainty.AGE_ASSESSED, assessment_date=D(2026, 1, 3), assessed_age=15
        ),
        has_contact_person=True,
    )
    t = compute_timeline(facts, D(2026, 1, 5))
    missing = _one(t.deadlines, DeadlineKind.GUARDIAN_MISSING)
    assert missing.severity is Severity.URGENT
    assert missing.uncertain
    assert t.is_minor is True
    with_guardian = compute_timeline(
        PersonFacts(events=facts.events, birth=facts.birth, has_current_guardian=True),
        D(2026, 1, 5),
    )
    assert not with_guardian.deadlines_of(DeadlineKind.GUARDIAN_MISSING)


def test_turns_18_during_reflection_period() -> None:
    facts = PersonFacts(
        events=(identified(D(2027, 6, 1)),),
        birth=BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=2009),
    )
    t = compute_timeline(facts, D(2027, 6, 2))
    turns = _one(t.deadlines, DeadlineKind.TURNS_18)
    assert turns.due == D(2028, 1, 1)  # a minor until the end of 2027 while in doubt
    assert turns.due_from == D(2027, 1, 1)
    assert turns.uncertain
    assert turns.explanation.endswith("during the reflection period")


def test_no_turns_18_for_adult_long_before_the_case() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)),),
        birth=BirthFact(BirthCertainty.EXACT, birth_date=D(1990, 1, 1)),
    )
    t = compute_timeline(facts, D(2026, 1, 2))
    assert not t.deadlines_of(DeadlineKind.TURNS_18)
    assert t.is_minor is False
    assert not t.deadlines_of(DeadlineKind.GUARDIAN_MISSING)


def test_plan_reviews_and_consents() -> None:
    facts = PersonFacts(
        events=(contact(D(2026, 1, 1)),),
        plan_review_dates=(D(2026, 3, 1), D(2026, 2, 1), D(2026, 2, 1)),
        consents=(
            ConsentFact(1, "IOM Copenhagen", valid_to=D(2026, 6, 1), given_on=D(2026, 1, 5)),
            ConsentFact(2, "NEC", valid_to=D(2026, 6, 1), withdrawn=True),
            ConsentFact(3, "Hospital", valid_to=None),
        ),
    )
    t = compute_timeline(facts, D(2026, 1, 10))
    assert [d.due for d in t.deadlines_of(DeadlineKind.PLAN_REVIEW)] == [
        D(2026, 2, 1),
        D(2026, 3, 1),
    ]
    consent = _one(t.deadlines, DeadlineKind.CONSENT_EXPIRY)
    assert consent.reference == 1
    assert consent.since == D(2026, 1, 5)
    assert "IOM Copenhagen" in consent.explanation


def test_contact_person_missing_for_identified_victim() -> None:
    t = compute_timeline(PersonFacts(events=(identified(D(2026, 1, 1)),)), D(2026, 1, 2))
    assert _one(t.deadlines, DeadlineKind.CONTACT_PERSON_MISSING).severity is Severity.WARNING


def test_permit_renewed_twice_counts_renewals() -> None:
    facts = PersonFacts(
        events=(
            identified(D(2026, 1, 1)),
            application(D(2026, 1, 10)),
            permit(D(2026, 1, 20)),
            application(D(2026, 7, 1)),
            renewal(D(2026, 7, 20), D(2027, 1, 20)),
            application(D(2027, 1, 5)),
            renewal(D(2027, 1, 20), D(2027, 7, 20)),
        )
    )
    t = compute_timeline(facts, D(2027, 2, 1))
    assert t.permit.renewals == 2
    assert t.permit.valid_from == D(2026, 1, 20)
    assert t.permit.valid_until == D(2027, 7, 20)
    assert "renewed on 2027-01-20" in _one(t.deadlines, DeadlineKind.PERMIT_EXPIRY).explanation
    assert t.violations == ()
