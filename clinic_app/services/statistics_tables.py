"""The shapes of statistics: table keys, the query, and the tables a report returns.

Kept apart from the counting (:mod:`clinic_app.services.statistics`) and the publication
ledger (:mod:`clinic_app.services.publication`), which both build these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_app.errors import Invalid, NotFound

VICTIMS = "victims"
BY_EXPLOITATION = "identified_by_exploitation"
BY_GENDER = "identified_by_gender"
BY_AGE = "identified_by_age"
BY_NATIONALITY = "identified_by_nationality"
BY_AUTHORITY = "identified_by_authority"
BY_OUTCOME = "identified_by_outcome"
SHELTER_STAYS = "shelter_stays"
CLINIC_ACTIVITY = "clinic_activity"

TABLE_KEYS: tuple[str, ...] = (
    VICTIMS,
    BY_EXPLOITATION,
    BY_GENDER,
    BY_AGE,
    BY_NATIONALITY,
    BY_AUTHORITY,
    BY_OUTCOME,
    SHELTER_STAYS,
    CLINIC_ACTIVITY,
)
# The short names the command line offers for ``--by``.
BREAKDOWNS: dict[str, str] = {
    "exploitation": BY_EXPLOITATION,
    "gender": BY_GENDER,
    "age": BY_AGE,
    "nationality": BY_NATIONALITY,
    "authority": BY_AUTHORITY,
    "outcome": BY_OUTCOME,
}

AGE_GROUPS: tuple[str, ...] = ("child", "adult", "unknown")
OUTCOMES: tuple[str, ...] = ("return", "permit", "asylum_granted", "other")
ACTIVITY: tuple[str, ...] = (
    "visits",
    "anonymous_visitors",
    "mobile_outings",
    "services_given",
    "referrals",
)
MAX_YEARS = 50
OTHER_NATIONALITIES = "other_nationalities"
SUMMARY_NATIONALITIES = 4  # the printed summary lists these many, then "other"
CSV_BOM = "\ufeff"


@dataclass(frozen=True)
class StatsQuery:
    """Which period (inclusive dates; rows are calendar years) and which site (None: all)."""

    date_from: dt.date
    date_to: dt.date
    site_id: int | None = None
    internal: bool = False

    @classmethod
    def for_years(
        cls,
        first: int,
        last: int | None = None,
        *,
        site_id: int | None = None,
        internal: bool = False,
    ) -> StatsQuery:
        """Whole calendar years ``first`` .. ``last`` (default: just ``first``)."""
        last = first if last is None else last
        for field_name, year in (("year_from", first), ("year_to", last)):
            if not 1900 < year < 2200:
                raise Invalid(field_name, "out_of_range", "A year between 1901 and 2199.")
        return cls(dt.date(first, 1, 1), dt.date(last, 12, 31), site_id, internal)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(range(self.date_from.year, self.date_to.year + 1))


@dataclass(frozen=True)
class StatTable:
    """Rows are years, columns category codes. None marks a count hidden for publication.

    ``overlapping``: one person may count in several columns, so the columns need not add up
    to the row total (which counts persons). ``hidden``: how many entries were suppressed.
    """

    key: str
    title: str
    unit: str  # "persons", "stays" or "events"
    years: tuple[int, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...] | None
    column_totals: tuple[int | None, ...] | None
    grand_total: int | None
    overlapping: bool
    notes: tuple[str, ...]
    hidden: int

    def column(self, code: str) -> tuple[int | None, ...]:
        """One category's counts, year by year."""
        i = self.columns.index(code)
        return tuple(row[i] for row in self.cells)

    def cell(self, year: int, code: str) -> int | None:
        return self.cells[self.years.index(year)][self.columns.index(code)]


@dataclass(frozen=True)
class StatisticsReport:
    date_from: dt.date
    date_to: dt.date
    site_id: int | None
    site_code: str | None
    published: bool  # False: internal, unsuppressed
    threshold: int  # published: the smallest count shown (the lowest of the years' releases)
    tables: tuple[StatTable, ...]
    # Published: the years whose figures are not released yet (the year is not over).
    unreleased: tuple[int, ...] = ()

    def table(self, key: str) -> StatTable:
        for t in self.tables:
            if t.key == key:
                return t
        raise NotFound("statistics table", key)
