from __future__ import annotations

import datetime as dt

import pytest

from clinic_app.rules import BirthFact, age_on, eighteenth_birthday
from clinic_app.rules.dates import add_months, add_years
from clinic_app.vocabulary import BirthCertainty

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 8, 31), 6, D(2027, 2, 28)),
        (D(2026, 11, 14), 6, D(2027, 5, 14)),
        (D(2026, 12, 1), 3, D(2027, 3, 1)),
        (D(2026, 3, 15), -3, D(2025, 12, 15)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_add_years_leap_day_becomes_first_of_march() -> None:
    assert add_years(D(2008, 2, 29), 18) == D(2026, 3, 1)
    assert add_years(D(2008, 2, 29), 16) == D(2024, 2, 29)


def test_exact_birth_date() -> None:
    birth = BirthFact(BirthCertainty.EXACT, birth_date=D(2009, 3, 10))
    assert eighteenth_birthday(birth) == (D(2027, 3, 10), False)
    assert age_on(birth, D(2027, 3, 9)) == (17, False)
    assert age_on(birth, D(2027, 3, 10)) == (18, False)


def test_estimated_year_is_a_minor_until_the_end_of_the_year_and_is_uncertain() -> None:
    # Council of Europe Convention Art. 10(3): a minor while in doubt.
    birth = BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=2009)
    assert eighteenth_birthday(birth) == (D(2028, 1, 1), True)
    assert age_on(birth, D(2027, 12, 31)) == (17, True)
    assert age_on(birth, D(2028, 1, 1)) == (18, True)


def test_age_assessment_takes_the_youngest_reading() -> None:
    birth = BirthFact(BirthCertainty.AGE_ASSESSED, assessment_date=D(2026, 5, 20), assessed_age=16)
    assert eighteenth_birthday(birth) == (D(2028, 5, 20), True)
    assert age_on(birth, D(2026, 5, 20)) == (16, True)
    assert age_on(birth, D(2028, 5, 19)) == (17, True)


def test_unknown_birth() -> None:
    birth = BirthFact(BirthCertainty.UNKNOWN)
    assert eighteenth_birthday(birth) == (None, True)
    assert age_on(birth, D(2026, 1, 1)) == (None, True)


def test_age_before_birth_is_unknown() -> None:
    birth = BirthFact(BirthCertainty.EXACT, birth_date=D(2020, 1, 1))
    assert age_on(birth, D(2019, 1, 1)) == (None, True)


def test_exact_certainty_without_date_falls_back_to_year() -> None:
    birth = BirthFact(BirthCertainty.EXACT, birth_year=2000)
    assert eighteenth_birthday(birth) == (D(2019, 1, 1), True)
