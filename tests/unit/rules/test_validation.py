from __future__ import annotations

import pytest

from clinic_app.errors import Invalid
from clinic_app.rules import EventFact, check_event, rule_set_by_id, validate_history
from clinic_app.vocabulary import Authority, EventKind, LegalStay, Outcome

from .builders import (
    D,
    application,
    asylum_applied,
    asylum_decided,
    avr_referral,
    contact,
    departure,
    extension,
    identified,
    permit,
    reflection,
    renewal,
)


def _codes(events: list[EventFact], **kw: object) -> list[str]:
    return [v.code for v in validate_history(events, **kw)]  # type: ignore[arg-type]


def test_clean_history_has_no_violations() -> None:
    events = [
        contact(D(2026, 1, 1)),
        identified(D(2026, 1, 5)),
        extension(D(2026, 1, 30), D(2026, 5, 1)),
        avr_referral(D(2026, 2, 1)),
        departure(D(2026, 3, 1)),
    ]
    assert validate_history(events) == []


def test_identification_before_first_contact() -> None:
    violations = validate_history([identified(D(2026, 1, 1)), contact(D(2026, 1, 5))])
    assert [v.code for v in violations] == ["identification_before_first_contact"]
    assert violations[0].field == "date"
    assert "2026-01-05" in violations[0].message


def test_extension_beyond_maximum_names_rule_set_and_limit() -> None:
    violations = validate_history(
        [identified(D(2026, 1, 1)), extension(D(2026, 2, 1), D(2026, 6, 1))]
    )
    assert [v.code for v in violations] == ["reflection_beyond_maximum"]
    assert violations[0].message == (
        "Extension to 2026-06-01 gives 151 days in total from 2026-01-01; rule set 2013+ "
        "allows at most 120 days (until 2026-05-01)"
    )


def test_custom_rule_set_lookup() -> None:
    old = rule_set_by_id("2011")
    events = [identified(D(2026, 1, 1)), extension(D(2026, 2, 1), D(2026, 4, 30))]
    assert validate_history(events) == []
    assert _codes(events, rule_set_lookup=lambda _day: old) == ["reflection_beyond_maximum"]


def test_extension_without_reflection() -> None:
    events = [identified(D(2026, 1, 1), Authority.CMM, LegalStay.EU_CITIZEN)]
    assert _codes([*events, extension(D(2026, 1, 5), D(2026, 3, 1))]) == [
        "extension_without_reflection"
    ]


def test_extension_needs_end_date() -> None:
    granted = EventFact(
        EventKind.REFLECTION_EXTENSION_DECIDED, D(2026, 1, 9), outcome=Outcome.GRANTED
    )
    assert _codes([identified(D(2026, 1, 1)), granted]) == ["end_date_required"]


def test_reflection_before_identification() -> None:
    assert _codes([reflection(D(2026, 1, 1)), identified(D(2026, 1, 5))]) == [
        "reflection_before_identification"
    ]


def test_permit_without_police_application() -> None:
    assert _codes([identified(D(2026, 1, 1)), permit(D(2026, 1, 20))]) == [
        "permit_without_police_application"
    ]


def test_permit_application_by_the_person_is_rejected() -> None:
    events = [application(D(2026, 1, 10), Authority.CMM), permit(D(2026, 1, 20))]
    assert _codes(events) == ["permit_applicant_not_police", "permit_without_police_application"]


def test_prosecution_may_apply() -> None:
    assert (
        _codes([application(D(2026, 1, 10), Authority.PROSECUTION), permit(D(2026, 1, 20))]) == []
    )


def test_renewal_needs_a_new_application() -> None:
    events = [
        application(D(2026, 1, 10)),
        permit(D(2026, 1, 20)),
        renewal(D(2026, 7, 20), D(2027, 1, 20)),
    ]
    assert _codes(events) == ["permit_without_police_application"]
    assert _codes([*events, application(D(2026, 7, 1))]) == []


def test_renewal_without_grant() -> None:
    assert _codes([application(D(2026, 1, 10)), renewal(D(2026, 1, 20), D(2026, 6, 1))]) == [
        "renewal_without_grant"
    ]


def test_permit_longer_than_six_months() -> None:
    events = [application(D(2026, 1, 10)), permit(D(2026, 1, 20), D(2026, 9, 1))]
    assert _codes(events) == ["permit_period_too_long"]


def test_departure_before_referral() -> None:
    assert _codes([departure(D(2026, 1, 1)), avr_referral(D(2026, 1, 5))]) == [
        "departure_before_referral"
    ]


def test_asylum_decision_without_application() -> None:
    assert _codes([asylum_decided(D(2026, 1, 1), True)]) == ["asylum_decision_without_application"]
    assert _codes([asylum_applied(D(2025, 1, 1)), asylum_decided(D(2026, 1, 1), True)]) == []


def test_end_before_start() -> None:
    violations = validate_history(
        [application(D(2026, 1, 1)), permit(D(2026, 1, 20), D(2026, 1, 1))]
    )
    assert [v.code for v in violations] == ["end_before_start"]
    assert violations[0].field == "end_date"


def test_future_events_only_with_today() -> None:
    events = [contact(D(2026, 5, 1))]
    assert _codes(events) == []
    assert _codes(events, today=D(2026, 1, 1)) == ["event_in_future"]


def test_missing_outcomes_and_stay() -> None:
    events = [
        EventFact(EventKind.IDENTIFICATION, D(2026, 1, 1), authority=Authority.SIRI),
        EventFact(EventKind.LEGAL_STAY, D(2026, 1, 1)),
        asylum_applied(D(2026, 1, 1)),
        EventFact(EventKind.ASYLUM_DECIDED, D(2026, 2, 1)),
    ]
    assert sorted(_codes(events)) == ["legal_stay_required", "outcome_required", "outcome_required"]


def test_wrong_identification_authority() -> None:
    codes = _codes([identified(D(2026, 1, 1), Authority.CMM, LegalStay.NONE)])
    assert codes == ["wrong_identification_authority"]
    assert _codes([identified(D(2026, 1, 1), Authority.IMMIGRATION_SERVICE, LegalStay.EU_CITIZEN)])
    assert _codes([identified(D(2026, 1, 1), Authority.COURT, LegalStay.EU_CITIZEN)]) == []


def test_authority_checked_against_recorded_stay_when_event_has_none() -> None:
    events = [
        EventFact(EventKind.LEGAL_STAY, D(2025, 12, 1), legal_stay=LegalStay.EU_CITIZEN),
        identified(D(2026, 1, 1), Authority.IMMIGRATION_SERVICE, None),
    ]
    assert _codes(events) == ["wrong_identification_authority"]


def test_check_event_raises_invalid_for_the_new_problem() -> None:
    existing = [contact(D(2026, 1, 1)), identified(D(2026, 1, 5))]
    with pytest.raises(Invalid) as caught:
        check_event(existing, extension(D(2026, 1, 30), D(2026, 7, 1)))
    assert caught.value.field == "end_date"
    assert caught.value.code == "reflection_beyond_maximum"
    assert "120 days" in caught.value.message


def test_check_event_accepts_valid_event_despite_old_problems() -> None:
    existing = [identified(D(2026, 1, 1)), contact(D(2026, 1, 5))]  # already inconsistent
    check_event(existing, extension(D(2026, 1, 30), D(2026, 3, 1)))


def test_check_event_catches_violation_attached_to_another_event() -> None:
    with pytest.raises(Invalid) as caught:
        check_event([identified(D(2026, 1, 5))], contact(D(2026, 1, 9)))
    assert caught.value.code == "identification_before_first_contact"


def test_check_event_future_date() -> None:
    with pytest.raises(Invalid) as caught:
        check_event([], contact(D(2026, 12, 1)), today=D(2026, 11, 26))
    assert caught.value.code == "event_in_future"
