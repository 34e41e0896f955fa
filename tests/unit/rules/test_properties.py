"""Hypothesis properties that must hold for any history, however inconsistent."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.rules import (
    BirthFact,
    ConsentFact,
    DeadlineKind,
    EventFact,
    ManualEntitlement,
    PersonFacts,
    compute_entitlements,
    compute_timeline,
    render,
    rule_set_by_id,
    rule_set_for,
    status_document_refusal,
    validate_history,
)
from clinic_app.rules.dates import add_days
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    EventKind,
    ExtensionGround,
    HealthService,
    LegalStay,
    Outcome,
    Payer,
)

days = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))


def _optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


events = st.builds(
    EventFact,
    kind=st.sampled_from(EventKind),
    date=days,
    end_date=_optional(days),
    authority=_optional(st.sampled_from(Authority)),
    outcome=_optional(st.sampled_from(Outcome)),
    legal_stay=_optional(st.sampled_from(LegalStay)),
    applicant=_optional(st.sampled_from(Authority)),
    event_id=_optional(st.integers(1, 50)),
    ground=_optional(st.sampled_from(ExtensionGround)),
)

# Histories biased towards the reflection rules: identification, start and extensions.
reflection_events = st.one_of(
    events,
    st.builds(
        EventFact,
        kind=st.just(EventKind.IDENTIFICATION),
        date=days,
        authority=st.just(Authority.IMMIGRATION_SERVICE),
        outcome=st.just(Outcome.IDENTIFIED),
        legal_stay=st.just(LegalStay.NONE),
    ),
    st.builds(
        EventFact,
        kind=st.just(EventKind.REFLECTION_EXTENSION_REQUESTED),
        date=days,
        end_date=_optional(days),
        ground=st.sampled_from(ExtensionGround),
    ),
    st.builds(
        EventFact,
        kind=st.just(EventKind.REFLECTION_EXTENSION_DECIDED),
        date=days,
        end_date=days,
        outcome=st.sampled_from((Outcome.GRANTED, Outcome.REFUSED)),
    ),
)

births = _optional(
    st.builds(
        BirthFact,
        certainty=st.sampled_from(BirthCertainty),
        birth_date=_optional(st.dates(dt.date(1960, 1, 1), dt.date(2025, 12, 31))),
        birth_year=_optional(st.integers(1960, 2025)),
        assessment_date=_optional(days),
        assessed_age=_optional(st.integers(0, 60)),
    )
)

facts_strategy = st.builds(
    PersonFacts,
    events=st.lists(reflection_events, max_size=12).map(tuple),
    birth=births,
    under_dis_provision=_optional(st.booleans()),
    own_insurance=st.booleans(),
    insurer_country=_optional(st.sampled_from(["RO", "NG"])),
    registered_in_denmark=st.booleans(),
    manual_entitlements=st.lists(
        st.builds(
            ManualEntitlement,
            service=st.sampled_from(HealthService),
            payer=st.sampled_from([p for p in Payer if p is not Payer.UNKNOWN]),
            valid_from=_optional(days),
            valid_to=_optional(days),
            reason=st.sampled_from(["a", "b"]),
        ),
        max_size=3,
    ).map(tuple),
    plan_review_dates=st.lists(days, max_size=3).map(tuple),
    consents=st.lists(
        st.builds(
            ConsentFact,
            consent_id=st.integers(1, 9),
            partner_name=st.just("Partner"),
            valid_to=_optional(days),
            withdrawn=st.booleans(),
            given_on=_optional(days),
        ),
        max_size=3,
    ).map(tuple),
    has_current_guardian=st.booleans(),
    has_contact_person=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(facts=facts_strategy, today=days)
def test_no_deadline_is_due_before_it_starts(facts: PersonFacts, today: dt.date) -> None:
    for deadline in compute_timeline(facts, today).deadlines:
        assert deadline.since <= deadline.due, deadline


@settings(max_examples=300, deadline=None)
@given(facts=facts_strategy, today=days)
def test_no_total_above_the_maximum_in_force_on_the_request_date(
    facts: PersonFacts, today: dt.date
) -> None:
    reflection = compute_timeline(facts, today).reflection
    if reflection.start is None:
        return
    assert reflection.max_rule_set_id is not None
    maximum = rule_set_by_id(reflection.max_rule_set_id).reflection_max_total_days
    assert 0 <= reflection.total_days <= maximum
    assert reflection.end is not None and reflection.max_end is not None
    assert reflection.start <= reflection.end <= reflection.max_end
    assert reflection.max_end == add_days(reflection.start, maximum)
    if reflection.requested_on is not None:
        # A pending request's maximum is that of the rule set in force on its date.
        assert rule_set_for(reflection.requested_on).id == reflection.max_rule_set_id
    assert reflection.granted_end is not None and reflection.granted_end <= reflection.max_end


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, today=days)
def test_an_invalid_history_never_yields_a_printable_status_document(
    facts: PersonFacts, today: dt.date
) -> None:
    timeline = compute_timeline(facts, today)
    invalid = bool(validate_history(facts.events, today=today, birth=facts.birth))
    assert timeline.valid is not invalid
    refusal = status_document_refusal(timeline)
    assert (refusal is not None) is invalid
    if invalid:
        assert timeline.status == "history_needs_correction"
        assert all(
            d.unreliable
            for d in timeline.deadlines
            if d.kind is not DeadlineKind.HISTORY_CORRECTION
        )
        assert render(refusal, "da") != render(refusal, "en")  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(data=st.data(), facts=facts_strategy, today=days)
def test_results_do_not_depend_on_input_order(
    data: st.DataObject, facts: PersonFacts, today: dt.date
) -> None:
    shuffled = replace(
        facts,
        events=tuple(data.draw(st.permutations(facts.events))),
        manual_entitlements=tuple(data.draw(st.permutations(facts.manual_entitlements))),
        plan_review_dates=tuple(data.draw(st.permutations(facts.plan_review_dates))),
        consents=tuple(data.draw(st.permutations(facts.consents))),
    )
    assert compute_timeline(shuffled, today) == compute_timeline(facts, today)
    assert compute_entitlements(shuffled, today) == compute_entitlements(facts, today)
    assert validate_history(shuffled.events) == validate_history(facts.events)


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, today=days)
def test_entitlement_lines_are_consistent(facts: PersonFacts, today: dt.date) -> None:
    lines = compute_entitlements(facts, today)
    assert [line.service for line in lines] == list(HealthService)
    for line in lines:
        assert line.explanation
        if not line.covered:
            assert line.payer in (Payer.NONE, Payer.UNKNOWN)
        for lang in ("en", "da"):
            assert render(line.message, lang)
        if line.covered and line.source.value == "rule":
            assert line.valid_from is None or line.valid_from <= today
            assert line.valid_until is None or today <= line.valid_until


_LEGAL_KINDS = {
    "reflection_end",
    "reflection_max_end",
    "permit_expiry",
    "permit_renewal_reminder",
    "avr_follow_up_end",
}


@settings(max_examples=200, deadline=None)
@given(facts=facts_strategy, today=days)
def test_legal_deadlines_cite_a_rule_set_and_explain_themselves(
    facts: PersonFacts, today: dt.date
) -> None:
    timeline = compute_timeline(facts, today)
    for deadline in timeline.deadlines:
        assert deadline.explanation and "\n" not in deadline.explanation
        if deadline.kind.value in _LEGAL_KINDS:
            assert deadline.rule_set_id is not None
            assert f"rule set {deadline.rule_set_id}" in deadline.explanation
    for violation in timeline.violations:
        assert violation.message and violation.code and violation.field
        assert render(violation.detail, "da")
