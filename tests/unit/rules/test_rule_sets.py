from __future__ import annotations

import datetime as dt
import itertools

import pytest

from clinic_app.rules import (
    all_rule_sets,
    authority_may_identify,
    identification_authority,
    in_review_window,
    rule_set_by_id,
    rule_set_for,
)
from clinic_app.vocabulary import Authority, LegalStay

D = dt.date


def test_rule_sets_are_contiguous_and_ordered() -> None:
    sets = all_rule_sets()
    assert [s.id for s in sets] == ["2011", "2013+"]
    for older, newer in itertools.pairwise(sets):
        assert older.effective_until is not None
        assert older.effective_until + dt.timedelta(days=1) == newer.effective_from
    assert sets[-1].effective_until is None


def test_every_rule_set_cites_sources() -> None:
    for rule_set in all_rule_sets():
        assert rule_set.sources
        assert all(source.title and source.locator for source in rule_set.sources)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2008, 1, 1), "2011"),
        (D(2011, 6, 20), "2011"),
        (D(2013, 6, 24), "2011"),
        (D(2013, 6, 25), "2013+"),  # the consolidation act already reads 120 days
        (D(2013, 8, 1), "2013+"),
        (D(2026, 11, 26), "2013+"),
        (dt.date.min, "2011"),
        (dt.date.max, "2013+"),
    ],
)
def test_rule_set_for_picks_the_set_in_force(day: dt.date, expected: str) -> None:
    assert rule_set_for(day).id == expected
    assert rule_set_for(day).in_force_on(day)


def test_numbers_of_each_rule_set() -> None:
    old, new = rule_set_by_id("2011"), rule_set_by_id("2013+")
    assert (old.reflection_initial_days, old.reflection_max_total_days) == (30, 100)
    assert (new.reflection_initial_days, new.reflection_max_total_days) == (30, 120)
    assert old.avr_follow_up_months == 3
    assert new.avr_follow_up_months == 6
    assert old.permit_period_months == new.permit_period_months == 6


def test_uncertain_effective_date_is_recorded_with_its_source_in_the_data() -> None:
    new = rule_set_by_id("2013+")
    assert "uncertain" in new.notes.lower()
    bill = next(s for s in new.sources if "L 129" in s.title)
    assert "ft.dk" in bill.locator and "day after publication" in bill.title
    assert "NOT found" in bill.note  # the publication day is not confirmed
    assert in_review_window(D(2013, 1, 30)) and in_review_window(D(2013, 6, 25))
    assert not in_review_window(D(2013, 1, 29)) and not in_review_window(D(2013, 6, 26))
    assert not rule_set_by_id("2011").permit_section_in_force  # bill L 129 created §9c(5)


def test_police_and_prosecution_never_identify() -> None:
    for stay in LegalStay:
        assert not authority_may_identify(Authority.POLICE, stay)
        assert not authority_may_identify(Authority.PROSECUTION, stay)


def test_unknown_rule_set_id() -> None:
    with pytest.raises(KeyError):
        rule_set_by_id("1999")


@pytest.mark.parametrize(
    ("stay", "court", "expected"),
    [
        (LegalStay.NONE, False, Authority.IMMIGRATION_SERVICE),
        (LegalStay.ASYLUM_SEEKER, False, Authority.IMMIGRATION_SERVICE),
        (LegalStay.EU_CITIZEN, False, Authority.CMM),
        (LegalStay.DANISH_CITIZEN, False, Authority.CMM),
        (LegalStay.RESIDENCE_PERMIT, False, Authority.CMM),
        (LegalStay.NONE, True, Authority.COURT),
        (LegalStay.EU_CITIZEN, True, Authority.COURT),
    ],
)
def test_identification_authority(stay: LegalStay, court: bool, expected: Authority) -> None:
    assert identification_authority(stay, tried_in_court=court) is expected
    assert authority_may_identify(expected, stay)


def test_siri_may_identify_only_without_legal_stay() -> None:
    assert authority_may_identify(Authority.SIRI, LegalStay.NONE)
    assert not authority_may_identify(Authority.SIRI, LegalStay.EU_CITIZEN)
    assert not authority_may_identify(Authority.CMM, LegalStay.ASYLUM_SEEKER)
    assert not authority_may_identify(Authority.IMMIGRATION_SERVICE, LegalStay.DANISH_CITIZEN)
