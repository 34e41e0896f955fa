"""Calendar arithmetic and age helpers (estimated and assessed birth dates)."""

from __future__ import annotations

import calendar
import datetime as dt

from clinic_app.rules.facts import BirthFact
from clinic_app.vocabulary import BirthCertainty

ADULT_AGE = 18


def add_days(day: dt.date, days: int) -> dt.date:
    return day + dt.timedelta(days=days)


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clamped to the month's last day (31 Jan + 1 -> 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """Same date ``years`` later; 29 February becomes 1 March in common years.

    1 March (not 28 February) so a minor born on 29 February is treated as a child one day
    longer: the protective reading.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)


def assumed_birth_date(birth: BirthFact) -> tuple[dt.date | None, bool]:
    """(birth date to compute with, uncertain).

    Estimated year Y -> counted from the very end of Y (1 January of Y+1), the youngest
    reading (Council of Europe Convention on Action against Trafficking, Art. 10(3): a minor
    while in doubt): the person stays a minor until the end of the year they turn 18. Age
    assessment "N years on day D" -> the person is taken to have turned N on D, the youngest
    reading consistent with the assessment, so child protection lasts as long as it allows.
    """
    if birth.certainty is BirthCertainty.EXACT and birth.birth_date is not None:
        return birth.birth_date, False
    if birth.birth_date is not None and birth.certainty is not BirthCertainty.UNKNOWN:
        return birth.birth_date, True
    if birth.birth_year is not None and birth.certainty is BirthCertainty.ESTIMATED_YEAR:
        return dt.date(birth.birth_year + 1, 1, 1), True
    if birth.assessment_date is not None and birth.assessed_age is not None:
        return add_years(birth.assessment_date, -birth.assessed_age), True
    if birth.birth_year is not None:
        return dt.date(birth.birth_year + 1, 1, 1), True
    return None, True


def age_on(birth: BirthFact, day: dt.date) -> tuple[int | None, bool]:
    """(completed years on ``day`` or None when unknown, uncertain)."""
    born, uncertain = assumed_birth_date(birth)
    if born is None or day < born:
        return None, True
    years = day.year - born.year
    if add_years(born, years) > day:
        years -= 1
    return years, uncertain


def eighteenth_birthday(birth: BirthFact) -> tuple[dt.date | None, bool]:
    """(the first day the person counts as an adult, or None when unknown; uncertain).

    With only an estimated birth year the person stays a minor until the end of the year
    they turn 18 (the 18th birthday may fall on any day of it): adult from 1 January after.
    """
    if (
        birth.birth_date is None
        and birth.birth_year is not None
        and (birth.certainty is not BirthCertainty.AGE_ASSESSED or birth.assessment_date is None)
    ):
        return dt.date(birth.birth_year + ADULT_AGE + 1, 1, 1), True
    born, uncertain = assumed_birth_date(birth)
    if born is None:
        return None, True
    return add_years(born, ADULT_AGE), uncertain
