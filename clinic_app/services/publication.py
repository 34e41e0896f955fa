"""One protected publication per calendar year: the grids, their protection, the ledger.

Every published figure comes from a *release*: one table of one calendar year, holding a row
per site and the national row, protected once together with every other table of that year
(they share totals) and stored in ``statistics_release``. Any later query, CSV export or
printed summary, for any period and any site, is assembled from released entries only:

* a row of a yearly table is the site's (or the national) row of that year's release;
* a total over several years is the sum of the years' released entries, or withheld when
  one of them is suppressed;
* a year whose release does not exist yet is released on first use, if it is over; the
  current year is not released at all (its figures would change and could be compared).

So a reader never sees two different protections of the same counts, and everything shown
is a linear combination of one protection per year; see ``docs/statistics.md`` for why no
suppressed count can then be recovered.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from clinic_app.services.disclosure import Equation, protect_entries, sum_released
from clinic_app.services.statistics_tables import (
    BY_AGE,
    BY_AUTHORITY,
    BY_EXPLOITATION,
    BY_GENDER,
    BY_NATIONALITY,
    BY_OUTCOME,
    CLINIC_ACTIVITY,
    OTHER_NATIONALITIES,
    SHELTER_STAYS,
    VICTIMS,
)

NATIONAL = "*"  # the row of all sites together
TOTAL = "*"  # the column of row totals
NO_SITE = "-"  # persons or events with no site: in the national figures, never a row

# Person tables whose row total is the number of identified persons (the victims table's
# "identified" entry of the same row: one shared count, protected once).
PERSON_TABLES = (BY_EXPLOITATION, BY_GENDER, BY_AGE, BY_NATIONALITY, BY_AUTHORITY, BY_OUTCOME)
# Distinct visitors do not add up across sites (one visitor may go to two clinics).
NOT_ADDITIVE = {(CLINIC_ACTIVITY, "anonymous_visitors")}

Entry = tuple[str, str, str]  # (table, row, column)


@dataclass(frozen=True)
class SiteCounts:
    """One table of one year before protection: ``rows[row][column]``, rows being site
    codes, :data:`NO_SITE` and :data:`NATIONAL`; a missing count is 0."""

    key: str
    columns: tuple[str, ...]
    rows: Mapping[str, Mapping[str, int]]
    row_totals: bool


@dataclass(frozen=True)
class Release:
    """One table of one year as released; None marks a suppressed entry."""

    year: int
    key: str
    threshold: int
    columns: tuple[str, ...]
    entries: Mapping[str, Mapping[str, int | None]]
    primary: int = 0
    secondary: int = 0
    released_by: str = ""
    released_at: str = ""

    def get(self, row: str, column: str) -> int | None:
        """A released entry; 0 for a row or column the year did not have (nothing counted),
        None if suppressed."""
        values = self.entries.get(row)
        if values is None:
            return 0
        return values.get(column, 0) if column in self.columns or column == TOTAL else 0

    def to_json(self) -> tuple[str, str]:
        return json.dumps(list(self.columns)), json.dumps(self.entries, sort_keys=True)

    @staticmethod
    def from_json(
        year: int, key: str, threshold: int, columns: str, entries: str, **kw: object
    ) -> Release:
        return Release(
            year,
            key,
            threshold,
            tuple(json.loads(columns)),
            json.loads(entries),
            **kw,  # type: ignore[arg-type]
        )


@dataclass
class _System:
    values: dict[Entry, int] = field(default_factory=dict)
    equations: list[Equation[Entry]] = field(default_factory=list)
    unpublished: set[Entry] = field(default_factory=set)
    margins: set[Entry] = field(default_factory=set)


def merge_rare_nationalities(counts: SiteCounts, threshold: int) -> SiteCounts:
    """Countries with fewer than ``threshold`` persons nationally in the year are counted
    under "other nationalities": a column of its own, even with every count hidden, would
    tell that someone of that nationality was identified."""
    national = counts.rows.get(NATIONAL, {})
    keep = sorted(
        (
            c
            for c in counts.columns
            if c not in ("unknown", OTHER_NATIONALITIES) and national.get(c, 0) >= threshold
        ),
        key=lambda c: (-national.get(c, 0), c),
    )
    columns = (*keep, OTHER_NATIONALITIES, "unknown")
    rows: dict[str, dict[str, int]] = {}
    for row, values in counts.rows.items():
        merged = {c: values.get(c, 0) for c in keep}
        merged["unknown"] = values.get("unknown", 0)
        merged[OTHER_NATIONALITIES] = sum(
            n for c, n in values.items() if c not in keep and c not in ("unknown", TOTAL)
        )
        if TOTAL in values:
            merged[TOTAL] = values[TOTAL]
        rows[row] = merged
    return SiteCounts(counts.key, columns, rows, counts.row_totals)


def _key(table: str, row: str, column: str) -> Entry:
    if column == TOTAL and table in PERSON_TABLES:
        return (VICTIMS, row, "identified")
    return (table, row, column)


def protect_year(
    year: int, tables: Mapping[str, SiteCounts], sites: Sequence[str], threshold: int
) -> dict[str, Release]:
    """Protect every table of one year together (see :mod:`clinic_app.services.disclosure`)
    and return what may be released of each."""
    if BY_NATIONALITY in tables:
        tables = {
            **tables,
            BY_NATIONALITY: merge_rare_nationalities(tables[BY_NATIONALITY], threshold),
        }
    system = _System()
    rows = (*sites, NO_SITE, NATIONAL)
    for key, t in tables.items():
        if key == SHELTER_STAYS:
            _shelter_system(system, t)
            continue
        columns = (*t.columns, TOTAL) if t.row_totals else t.columns
        for row in rows:
            values = t.rows.get(row, {})
            for col in columns:
                entry = _key(key, row, col)
                if entry in system.values and entry[0] != key:
                    continue  # a shared total, already entered by the victims table
                system.values[entry] = int(values.get(col, 0))
                if row == NO_SITE:
                    system.unpublished.add(entry)
                if row == NATIONAL or col == TOTAL:
                    system.margins.add(entry)
        rows_add = t.row_totals and key != BY_EXPLOITATION  # forms overlap within a person
        for row in rows:
            if rows_add:
                system.equations.append(
                    Equation(_key(key, row, TOTAL), tuple(_key(key, row, c) for c in t.columns))
                )
        for col in columns:
            if (key, col) in NOT_ADDITIVE or (col == TOTAL and key in PERSON_TABLES):
                continue  # shared totals' equation comes from the victims table
            parts = tuple(_key(key, r, col) for r in (*sites, NO_SITE))
            system.equations.append(Equation(_key(key, NATIONAL, col), parts))
    protection = protect_entries(
        system.values,
        system.equations,
        threshold,
        unpublished=system.unpublished,
        totals=system.margins,
    )
    releases: dict[str, Release] = {}
    for key, t in tables.items():
        columns = (*t.columns, TOTAL) if t.row_totals else t.columns
        table_rows = (NATIONAL,) if key == SHELTER_STAYS else (*sites, NATIONAL)
        entries: dict[str, dict[str, int | None]] = {}
        primary = secondary = 0
        for row in table_rows:
            out: dict[str, int | None] = {}
            for col in columns:
                entry = _key(key, row, col)
                if entry in protection.hidden:
                    out[col] = None
                    if entry[0] == key:  # count each shared total once, in its own table
                        primary += entry in protection.primary
                        secondary += entry in protection.secondary
                else:
                    out[col] = system.values[entry]
            entries[row] = out
        releases[key] = Release(year, key, threshold, t.columns, entries, primary, secondary)
    return releases


def _shelter_system(system: _System, t: SiteCounts) -> None:
    """Stays by shelter: one national row, a column per shelter (each shelter's own figure
    is its column), and their total."""
    national = t.rows.get(NATIONAL, {})
    parts = []
    for col in t.columns:
        entry = (SHELTER_STAYS, NATIONAL, col)
        system.values[entry] = int(national.get(col, 0))
        parts.append(entry)
    total = (SHELTER_STAYS, NATIONAL, TOTAL)
    system.values[total] = sum(int(national.get(c, 0)) for c in t.columns)
    system.margins.add(total)
    system.equations.append(Equation(total, tuple(parts)))


# --- views assembled from releases -------------------------------------------------------


@dataclass(frozen=True)
class View:
    """A table of several years for one site (or national), from released entries only."""

    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...] | None
    column_totals: tuple[int | None, ...] | None
    grand_total: int | None


def view(
    key: str,
    releases: Mapping[int, Release],
    years: Sequence[int],
    site: str | None,
    *,
    with_totals: bool,
    column_totals: bool,
) -> View:
    """Rows: the years; a year without a release (not over yet) is all hidden. Totals over
    several years are sums of released entries, withheld when one is suppressed."""
    row = site or NATIONAL
    known = [releases[y] for y in years if y in releases]
    if key == SHELTER_STAYS:
        return _shelter_view(releases, years, site, known)
    columns = _columns(key, known)
    cells: list[tuple[int | None, ...]] = []
    totals: list[int | None] = []
    for y in years:
        rel = releases.get(y)
        if rel is None:
            cells.append(tuple(None for _ in columns))
            totals.append(None)
            continue
        cells.append(tuple(_cell(rel, row, c) for c in columns))
        totals.append(rel.get(row, TOTAL))
    col_totals = (
        tuple(sum_released(r[i] for r in cells) for i in range(len(columns)))
        if column_totals
        else None
    )
    row_totals = tuple(totals) if with_totals else None
    grand = sum_released(totals) if with_totals and column_totals else None
    return View(columns, tuple(cells), row_totals, col_totals, grand)


def _cell(rel: Release, row: str, column: str) -> int | None:
    if column not in rel.columns:
        # A nationality merged into "other" that year is hidden, not zero: it had persons.
        return None if rel.key == BY_NATIONALITY else 0
    return rel.get(row, column)


def _columns(key: str, known: Sequence[Release]) -> tuple[str, ...]:
    if key != BY_NATIONALITY:
        columns: list[str] = []
        for rel in known:
            columns += [c for c in rel.columns if c not in columns]
        return tuple(columns)
    weight: dict[str, int] = {}
    for rel in known:
        for c in rel.columns:
            weight[c] = weight.get(c, 0) + (rel.get(NATIONAL, c) or 0)
    countries = sorted(
        (c for c in weight if c not in ("unknown", OTHER_NATIONALITIES)),
        key=lambda c: (-weight[c], c),
    )
    return (*countries, OTHER_NATIONALITIES, "unknown")


def _shelter_view(
    releases: Mapping[int, Release],
    years: Sequence[int],
    site: str | None,
    known: Iterable[Release],
) -> View:
    columns: list[str] = []
    for rel in known:
        columns += [c for c in rel.columns if c not in columns and (site is None or c == site)]
    if site is not None and site not in columns:
        columns.append(site)
    cells: list[tuple[int | None, ...]] = []
    totals: list[int | None] = []
    for y in years:
        found = releases.get(y)
        if found is None:
            cells.append(tuple(None for _ in columns))
            totals.append(None)
            continue
        rel = found
        row = tuple(rel.get(NATIONAL, c) if c in rel.columns else 0 for c in columns)
        cells.append(row)
        totals.append(rel.get(NATIONAL, TOTAL) if site is None else row[0])
    col_totals = tuple(sum_released(r[i] for r in cells) for i in range(len(columns)))
    return View(tuple(columns), tuple(cells), tuple(totals), col_totals, sum_released(totals))
