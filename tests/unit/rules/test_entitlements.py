from __future__ import annotations

from clinic_app.rules import (
    EXTENDED_SERVICES,
    EntitlementSource,
    ManualEntitlement,
    PersonFacts,
    compute_entitlements,
)
from clinic_app.rules.results import EntitlementLine
from clinic_app.vocabulary import Authority, HealthService, LegalStay, Payer

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
)


def _line(lines: tuple[EntitlementLine, ...], service: HealthService) -> EntitlementLine:
    return next(line for line in lines if line.service is service)


def test_one_line_per_service_in_vocabulary_order() -> None:
    lines = compute_entitlements(PersonFacts(), D(2026, 1, 1))
    assert [line.service for line in lines] == list(HealthService)


def test_presumed_victim_not_covered() -> None:
    lines = compute_entitlements(PersonFacts(events=(contact(D(2026, 1, 1)),)), D(2026, 1, 2))
    assert not any(line.covered for line in lines)
    assert all(line.payer is Payer.NONE for line in lines[1:])
    assert "identification" in lines[1].explanation
    # No legal stay recorded: who pays necessary care depends on it, and no source says.
    assert lines[0].payer is Payer.UNKNOWN and "no source says" in lines[0].explanation


def test_no_legal_stay_paid_by_immigration_service_until_reflection_end() -> None:
    lines = compute_entitlements(PersonFacts(events=(identified(D(2026, 1, 1)),)), D(2026, 1, 5))
    for service in EXTENDED_SERVICES:
        line = _line(lines, service)
        assert line.covered
        assert line.payer is Payer.IMMIGRATION_SERVICE
        assert line.valid_from == D(2026, 1, 1)
        assert line.valid_until == D(2026, 1, 31)
        assert line.source is EntitlementSource.RULE
        assert line.rule_set_id == "2013+"


def test_extension_moves_the_end() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)), extension(D(2026, 1, 20), D(2026, 4, 1)))
    )
    line = _line(compute_entitlements(facts, D(2026, 2, 1)), HealthService.DENTISTRY)
    assert line.valid_until == D(2026, 4, 1)


def test_ended_after_reflection() -> None:
    lines = compute_entitlements(PersonFacts(events=(identified(D(2026, 1, 1)),)), D(2026, 3, 1))
    line = _line(lines, HealthService.DENTISTRY)
    assert not line.covered
    assert line.payer is Payer.NONE
    assert "ended 2026-01-31" in line.explanation


def test_eu_citizen_paid_by_cmm_open_ended() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 1), Authority.CMM, LegalStay.EU_CITIZEN),))
    line = _line(compute_entitlements(facts, D(2026, 5, 1)), HealthService.PSYCHOLOGICAL_THERAPY)
    assert line.covered
    assert line.payer is Payer.CMM
    assert line.valid_until is None


def test_own_insurance_pays_instead_of_cmm() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1), Authority.CMM, LegalStay.EU_CITIZEN),),
        own_insurance=True,
    )
    assert _line(compute_entitlements(facts, D(2026, 1, 2)), HealthService.DENTISTRY).payer is (
        Payer.OWN_INSURANCE
    )


def test_own_insurance_ignored_under_dis_provision() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 1)),), own_insurance=True)
    line = _line(compute_entitlements(facts, D(2026, 1, 2)), HealthService.DENTISTRY)
    assert line.payer is Payer.IMMIGRATION_SERVICE


def test_explicit_dis_fact_overrides_legal_stay() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1), Authority.CMM, LegalStay.EU_CITIZEN),),
        under_dis_provision=True,
    )
    line = _line(compute_entitlements(facts, D(2026, 1, 2)), HealthService.DENTISTRY)
    assert line.payer is Payer.IMMIGRATION_SERVICE


def test_yellow_card_general_practice() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1), Authority.CMM, LegalStay.DANISH_CITIZEN),),
        registered_in_denmark=True,
    )
    line = _line(compute_entitlements(facts, D(2026, 1, 2)), HealthService.GENERAL_PRACTICE)
    assert line.covered
    assert line.payer is Payer.NATIONAL_HEALTH
    assert "yellow" in line.explanation


def test_general_practice_with_legal_stay_and_no_card_names_no_payer() -> None:
    facts = PersonFacts(events=(identified(D(2026, 1, 1), Authority.CMM, LegalStay.EU_CITIZEN),))
    line = _line(compute_entitlements(facts, D(2026, 1, 2)), HealthService.GENERAL_PRACTICE)
    assert line.covered and line.payer is Payer.UNKNOWN
    assert "no source says" in line.explanation


def test_asylum_pending_is_open_ended_and_grant_hands_over() -> None:
    events = (
        asylum_applied(D(2025, 12, 1)),
        identified(D(2026, 1, 1), stay=LegalStay.ASYLUM_SEEKER),
    )
    pending = compute_entitlements(PersonFacts(events=events), D(2026, 3, 1))
    assert _line(pending, HealthService.DENTISTRY).covered
    assert _line(pending, HealthService.DENTISTRY).valid_until is None
    granted = compute_entitlements(
        PersonFacts(events=(*events, asylum_decided(D(2026, 4, 1), True))), D(2026, 4, 2)
    )
    # A refugee has legal stay: extended care paid by CMM, ordinary care via the yellow card.
    line = _line(granted, HealthService.DENTISTRY)
    assert line.covered and line.payer is Payer.CMM and line.valid_until is None
    assert "legal stay" in line.explanation


def test_permit_extends_the_period() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)), application(D(2026, 1, 10)), permit(D(2026, 1, 20)))
    )
    line = _line(compute_entitlements(facts, D(2026, 3, 1)), HealthService.DENTISTRY)
    assert line.covered
    assert line.valid_until == D(2026, 7, 20)


def test_departure_ends_danish_entitlements() -> None:
    facts = PersonFacts(
        events=(identified(D(2026, 1, 1)), avr_referral(D(2026, 1, 5)), departure(D(2026, 1, 15)))
    )
    line = _line(compute_entitlements(facts, D(2026, 1, 20)), HealthService.DENTISTRY)
    assert not line.covered
    assert "departed on 2026-01-15" in line.explanation


def test_case_closed_ends_open_entitlements() -> None:
    facts = PersonFacts(
        events=(
            identified(D(2026, 1, 1), Authority.CMM, LegalStay.EU_CITIZEN),
            closed(D(2026, 6, 1)),
        )
    )
    line = _line(compute_entitlements(facts, D(2026, 5, 1)), HealthService.DENTISTRY)
    assert line.covered  # closure not yet known on 2026-05-01
    line = _line(compute_entitlements(facts, D(2026, 6, 2)), HealthService.DENTISTRY)
    assert not line.covered


def test_not_identified_gets_necessary_care_only() -> None:
    facts = PersonFacts(events=(not_identified(D(2026, 1, 1)),))
    lines = compute_entitlements(facts, D(2026, 1, 2))
    assert not any(line.covered for line in lines[1:])
    assert lines[0].covered and lines[0].payer is Payer.IMMIGRATION_SERVICE


def test_manual_entitlement_overrides_with_reason() -> None:
    manual = ManualEntitlement(
        HealthService.DENTISTRY, Payer.MUNICIPALITY, D(2026, 1, 1), D(2026, 12, 31),
        "Municipality agreed to pay acute dental care",
    )  # fmt: skip
    facts = PersonFacts(events=(contact(D(2026, 1, 1)),), manual_entitlements=(manual,))
    lines = compute_entitlements(facts, D(2026, 2, 1))
    line = _line(lines, HealthService.DENTISTRY)
    assert line.covered
    assert line.payer is Payer.MUNICIPALITY
    assert line.source is EntitlementSource.MANUAL
    assert "Municipality agreed" in line.explanation
    assert not _line(lines, HealthService.HOSPITALISATION).covered


def test_manual_not_covered_decision_and_validity_window() -> None:
    manual = ManualEntitlement(
        HealthService.BODY_THERAPY, Payer.NONE, D(2026, 1, 10), None, "No provider available"
    )
    facts = PersonFacts(events=(identified(D(2026, 1, 1)),), manual_entitlements=(manual,))
    before = _line(compute_entitlements(facts, D(2026, 1, 5)), HealthService.BODY_THERAPY)
    after = _line(compute_entitlements(facts, D(2026, 1, 15)), HealthService.BODY_THERAPY)
    assert before.covered and before.source is EntitlementSource.RULE
    assert not after.covered and after.source is EntitlementSource.MANUAL


def test_latest_manual_decision_wins_regardless_of_order() -> None:
    older = ManualEntitlement(HealthService.DENTISTRY, Payer.CMM, D(2026, 1, 1), None, "a")
    newer = ManualEntitlement(HealthService.DENTISTRY, Payer.NONE, D(2026, 2, 1), None, "b")
    for manual in ((older, newer), (newer, older)):
        facts = PersonFacts(manual_entitlements=manual)
        assert not _line(
            compute_entitlements(facts, D(2026, 3, 1)), HealthService.DENTISTRY
        ).covered
