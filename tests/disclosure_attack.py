"""An outsider's exact solver for published count tables, written apart from the defence.

It knows nothing of how the application suppresses: it takes published numbers as linear
equations over unknown true counts, adds the relations any reader knows (a total is the sum
of its parts; the national figure is the sum of the sites' and of those with no site), and
solves the whole system with exact rational arithmetic. An unknown is *recovered* when the
system fixes its value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from clinic_app.services.statistics import StatsQuery

Var = Hashable


class LinearAttack:
    """Collects equations ``sum(coef * var) = value`` and solves them exactly."""

    def __init__(self) -> None:
        self._rows: list[tuple[dict[Var, int], int]] = []
        self._seen: set[tuple[frozenset[tuple[Var, int]], int]] = set()

    def equal(self, terms: Iterable[tuple[Var, int]], value: int) -> None:
        row: dict[Var, int] = {}
        for var, coef in terms:
            row[var] = row.get(var, 0) + coef
        row = {v: c for v, c in row.items() if c}
        key = (frozenset(row.items()), value)
        if key not in self._seen:  # the same figure read again adds nothing
            self._seen.add(key)
            self._rows.append((row, value))

    @property
    def equations(self) -> int:
        return len(self._rows)

    @property
    def unknowns(self) -> int:
        return len({v for row, _ in self._rows for v in row})

    def known(self, var: Var, value: int) -> None:
        self.equal([(var, 1)], value)

    def sum_is(self, parts: Iterable[Var], total: Var) -> None:
        """A relation with no published number: the parts add up to the total."""
        self.equal([(total, 1), *((p, -1) for p in parts)], 0)

    def sum_equals(self, parts: Iterable[Var], value: int) -> None:
        self.equal([(p, 1) for p in parts], value)

    def solve(self) -> dict[Var, Fraction]:
        """Every unknown the equations determine, with its value.

        First single-unknown equations are substituted until none is left, then the rest is
        brought to reduced row echelon form (Gauss-Jordan with Fractions); a row with one
        unknown left determines it. Raises if the equations contradict each other (the
        published figures would not be true).
        """
        values: dict[Var, Fraction] = {}
        pending = [({v: Fraction(c) for v, c in r.items()}, Fraction(rhs)) for r, rhs in self._rows]
        # Unit propagation: cheap, and it shrinks the system to the hidden unknowns.
        changed = True
        while changed:
            changed = False
            rest = []
            for row, rhs in pending:
                for var in [v for v in row if v in values]:
                    rhs -= row.pop(var) * values[var]
                if not row:
                    if rhs != 0:
                        raise AssertionError("the published figures contradict each other")
                    continue
                if len(row) == 1:
                    ((var, coef),) = row.items()
                    values[var] = rhs / coef
                    changed = True
                    continue
                rest.append((row, rhs))
            pending = rest
        # Gauss-Jordan over what is left.
        order: dict[Var, int] = {}
        for row, _ in pending:
            for var in row:
                order.setdefault(var, len(order))
        pivots: dict[Var, tuple[dict[Var, Fraction], Fraction]] = {}
        for row, rhs in pending:
            row = dict(row)
            for var in [v for v in row if v in pivots]:
                coef = row.get(var)
                if coef:
                    prow, prhs = pivots[var]
                    for v, c in prow.items():
                        new = row.get(v, Fraction(0)) - coef * c
                        if new:
                            row[v] = new
                        else:
                            row.pop(v, None)
                    rhs -= coef * prhs
            if not row:
                if rhs != 0:
                    raise AssertionError("the published figures contradict each other")
                continue
            pivot = min(row, key=order.__getitem__)
            scale = row[pivot]
            row = {v: c / scale for v, c in row.items()}
            rhs /= scale
            for other_var, (orow, orhs) in list(pivots.items()):
                coef = orow.get(pivot)
                if not coef:
                    continue
                for v, c in row.items():
                    new = orow.get(v, Fraction(0)) - coef * c
                    if new:
                        orow[v] = new
                    else:
                        orow.pop(v, None)
                pivots[other_var] = (orow, orhs - coef * rhs)
            pivots[pivot] = (row, rhs)
        for var, (row, rhs) in pivots.items():
            if len(row) == 1:
                values[var] = rhs
        return values


# --- everything the statistics role can obtain from a database -----------------------------

PERSON_TABLES = (
    "identified_by_exploitation",
    "identified_by_gender",
    "identified_by_age",
    "identified_by_nationality",
    "identified_by_authority",
    "identified_by_outcome",
)
ADDS_UP = tuple(t for t in PERSON_TABLES if t != "identified_by_exploitation")
CLINIC_ADDITIVE = ("visits", "mobile_outings", "services_given", "referrals")
NATIONAL = "national"
NO_SITE = "no site"


@dataclass(frozen=True)
class AttackResult:
    threshold: int
    queries: int  # reports and summaries obtained
    equations: int
    unknowns: int
    published: int  # unknowns read directly off a table
    determined_hidden: int  # unknowns never shown but fixed by the equations
    recovered_small: tuple[tuple[object, int], ...]  # of those, counts from 1 to threshold-1


def attack_database(services: Any, analyst: Any, today: dt.date) -> AttackResult:
    """Ask for every table, for every span of years, for every site and nationally, and
    every yearly summary; then solve for the true counts."""
    stats = services.statistics
    sites = [s.code for s in services.reference.sites()]
    rows = [*sites, NATIONAL]
    threshold = stats.settings(analyst).threshold
    first = _first_year(stats, analyst, today)
    years = list(range(first, today.year + 1))
    site_ids = {s.code: s.id for s in services.reference.sites()}
    attack = LinearAttack()
    published: set[Var] = set()
    queries = 0

    def show(var: Var, value: int | None) -> None:
        if value is not None:
            attack.known(var, value)
            published.add(var)

    # The columns each year has (a single year, nationally).
    columns: dict[tuple[str, int], tuple[str, ...]] = {}
    for y in years:
        report = stats.report(analyst, StatsQuery.for_years(y))
        queries += 1
        for t in report.tables:
            columns[(t.key, y)] = t.columns

    def var(key: str, y: int, row: str, col: str) -> Var:
        if key == "shelter_stays":
            return (key, y, col)
        return (key, y, row, col)

    def row_var(key: str, y: int, row: str) -> Var:
        if key in PERSON_TABLES:
            return ("victims", y, row, "identified")
        if key == "shelter_stays":
            return ("shelter_stays", y, "*") if row == NATIONAL else ("shelter_stays", y, row)
        return (key, y, row, "*")

    for i, a in enumerate(years):
        for b in years[i:]:
            for row in rows:
                q = StatsQuery.for_years(a, b, site_id=site_ids.get(row))
                report = stats.report(analyst, q)
                queries += 1
                for t in report.tables:
                    span = list(zip(t.years, t.cells, strict=True))
                    for j, c in enumerate(t.columns):
                        parts = [var(t.key, y, row, c) for y, _ in span if c in columns[(t.key, y)]]
                        for y, cells in span:
                            if c in columns[(t.key, y)]:
                                show(var(t.key, y, row, c), cells[j])
                        if t.column_totals is not None and t.column_totals[j] is not None:
                            attack.sum_equals(parts, t.column_totals[j])
                    if t.row_totals is not None:
                        for y, total in zip(t.years, t.row_totals, strict=True):
                            show(row_var(t.key, y, row), total)
                        if t.grand_total is not None:
                            attack.sum_equals(
                                [row_var(t.key, y, row) for y in t.years], t.grand_total
                            )
    for y in years:
        if y >= today.year:
            continue
        for row in rows:
            summary = stats.summary(analyst, y, site_ids.get(row))
            queries += 1
            show(("victims", y, row, "identified"), summary.total_identified)
            for key, entries in summary.sections:
                for code, n in entries:
                    show(var(key, y, row, code), n)

    # What every reader knows of the structure.
    parts_rows = [*sites, NO_SITE]
    for y in years:
        for row in [*rows, NO_SITE]:
            for key in ADDS_UP:
                attack.sum_is(
                    [var(key, y, row, c) for c in columns[(key, y)]], row_var(key, y, row)
                )
            attack.sum_is(
                [var("victims", y, row, "identified"), var("victims", y, row, "presumed")],
                row_var("victims", y, row),
            )
        for key in (*PERSON_TABLES, "victims"):
            for c in (*columns[(key, y)], "*"):
                if c == "*" and key != "victims":
                    continue
                attack.sum_is([var(key, y, r, c) for r in parts_rows], var(key, y, NATIONAL, c))
        for m in CLINIC_ADDITIVE:
            attack.sum_is(
                [var("clinic_activity", y, r, m) for r in parts_rows],
                var("clinic_activity", y, NATIONAL, m),
            )
        attack.sum_is(
            [var("shelter_stays", y, NATIONAL, c) for c in columns[("shelter_stays", y)]],
            ("shelter_stays", y, "*"),
        )
    solved = attack.solve()
    hidden = {v: n for v, n in solved.items() if v not in published}
    small = tuple(sorted(((v, int(n)) for v, n in hidden.items() if 0 < n < threshold), key=repr))
    return AttackResult(
        threshold,
        queries,
        attack.equations,
        attack.unknowns,
        len(published),
        len(hidden),
        small,
    )


def _first_year(stats: Any, analyst: Any, today: dt.date) -> int:
    """The first year with anyone in it: earlier years publish only zeros."""
    first = today.year - 30
    victims = stats.table(analyst, StatsQuery.for_years(first, today.year), "victims")
    for y, total in zip(victims.years, victims.row_totals, strict=True):
        if total != 0:
            return int(y)
    return today.year
