"""Statistical disclosure control for published counts (pure Python, no database).

A publication is a set of *entries* (counts, keyed by any hashable name) and the exact
additive relations among them (*equations*: a total equals the sum of its parts). Entries
that are not published at all (for example the persons with no site, who are counted in the
national figures but have no row of their own) are *unpublished*: unknown to a reader.

* **Primary suppression**: every count from 1 to ``threshold - 1`` is hidden. Zeros are
  shown: a zero says nothing about any one person.
* **Secondary (complementary) suppression**: no small count, published or not, may follow
  from what is shown. A cheap pass first hides, in every equation with exactly one hidden
  entry (other than an unpublished count that is not small), the smallest shown one. Then
  an exact test: the equations, restricted to the
  hidden entries (the shown ones are constants), are brought to reduced row echelon form
  over the rationals; a hidden entry is determined exactly when a row of that form is its
  unit vector. For each determined small count a further shown entry next to it is hidden,
  and the test is repeated until none is determined. Hiding only ever adds entries, so the
  loop ends. (A hidden large count may still be implied; that tells nothing about anyone.)

Any linear combination of published values is then all a reader can know: a derived total
(several years, several sites) is safe to publish only when it is such a combination, which
the publication ledger ensures by summing released entries only.

Relations that are not equations (persons with several forms of exploitation count under
each, so the forms do not add up to the persons) are simply left out: inequalities do not
determine a count.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3  # never lower: a published 2 lets each of the two recognise the other
MAX_THRESHOLD = 100

K = TypeVar("K", bound=Hashable)

# An entry of the augmented table: (row, column). Row ``n_rows`` holds the column totals,
# column ``n_cols`` holds the row totals; (n_rows, n_cols) is the grand total.
Position = tuple[int, int]


@dataclass(frozen=True)
class Equation(Generic[K]):
    """``total`` equals the sum of ``parts``."""

    total: K
    parts: tuple[K, ...]


@dataclass(frozen=True)
class Protection(Generic[K]):
    """Which entries are hidden: ``primary`` for being small, ``secondary`` to protect them
    (unpublished entries are in neither)."""

    hidden: frozenset[K]
    primary: frozenset[K]
    secondary: frozenset[K]


@dataclass(frozen=True)
class CountTable:
    """Counts with optional margins. ``cells[r][c]``; totals are None when not published."""

    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...] | None = None
    column_totals: tuple[int, ...] | None = None
    grand_total: int | None = None
    # Persons counted in several columns: the cells do not add up to the row totals.
    overlapping: bool = False


@dataclass(frozen=True)
class ProtectedTable:
    """The same shape as :class:`CountTable`; None marks a hidden count."""

    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int | None, ...] | None
    column_totals: tuple[int | None, ...] | None
    grand_total: int | None
    primary: int  # how many entries were hidden for being small
    secondary: int  # how many more were hidden to protect them

    @property
    def hidden(self) -> int:
        return self.primary + self.secondary


def check_threshold(threshold: int) -> None:
    """Below 3 would publish pairs; absurdly high thresholds hide everything."""
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ValueError(f"threshold must be between {MIN_THRESHOLD} and {MAX_THRESHOLD}")


def is_small(value: int, threshold: int) -> bool:
    """True for the counts primary suppression hides (1 .. threshold-1)."""
    return 0 < value < threshold


def determined(hidden: Iterable[K], equations: Sequence[Equation[K]]) -> set[K]:
    """The hidden entries that the shown ones and the equations fix exactly.

    Exact rational Gaussian elimination over the hidden entries only (shown entries are
    constants and drop out): an entry is determined when its unit vector lies in the row
    space, that is when the reduced row echelon form has it as a row.
    """
    hidden_set = set(hidden)
    index: dict[K, int] = {}
    rows: list[dict[int, Fraction]] = []
    for eq in equations:
        row: dict[int, Fraction] = {}
        for key, coef in ((eq.total, 1), *((p, -1) for p in eq.parts)):
            if key in hidden_set:
                i = index.setdefault(key, len(index))
                value = row.get(i, Fraction(0)) + coef
                if value:
                    row[i] = value
                else:
                    row.pop(i, None)
        if row:
            rows.append(row)
    names = {i: k for k, i in index.items()}
    basis: dict[int, dict[int, Fraction]] = {}  # pivot column -> reduced row
    for row in rows:
        row = dict(row)
        for col in [c for c in row if c in basis]:
            factor = row.get(col)
            if factor:
                _subtract(row, basis[col], factor)
        if not row:
            continue
        pivot = min(row)
        scale = row[pivot]
        if scale != 1:
            row = {c: v / scale for c, v in row.items()}
        # The row holds no pivot column now; keep the form reduced: no other basis row
        # mentions the new pivot either.
        for other in basis.values():
            factor = other.get(pivot)
            if factor:
                _subtract(other, row, factor)
        basis[pivot] = row
    return {names[p] for p, row in basis.items() if len(row) == 1}


def _subtract(row: dict[int, Fraction], other: dict[int, Fraction], factor: Fraction) -> None:
    for c, v in other.items():
        value = row.get(c, Fraction(0)) - factor * v
        if value:
            row[c] = value
        else:
            row.pop(c, None)


def protect_entries(
    values: Mapping[K, int],
    equations: Sequence[Equation[K]],
    threshold: int,
    *,
    unpublished: Iterable[K] = (),
    totals: Iterable[K] = (),
) -> Protection[K]:
    """Hide small counts, and enough others that no hidden entry is determined exactly.

    ``totals`` are entries to keep shown where there is a choice (margins read best).
    """
    check_threshold(threshold)
    if any(v < 0 for v in values.values()):
        raise ValueError("counts cannot be negative")
    for eq in equations:
        for key in (eq.total, *eq.parts):
            if key not in values:
                raise ValueError("an equation names an unknown entry")
    secret = set(unpublished)
    margin = set(totals)
    # Small counts must stay unknown, shown or not (an unpublished small count, once worked
    # out, is as telling as a published one); large ones and zeros may become known.
    sensitive = {k for k, v in values.items() if is_small(v, threshold)}
    primary = sensitive - secret
    hidden = primary | secret
    by_entry: dict[K, list[Equation[K]]] = {}
    for eq in equations:
        for key in (eq.total, *eq.parts):
            by_entry.setdefault(key, []).append(eq)

    def cost(key: K) -> tuple[int, int, int, str]:
        value = values[key]
        return (int(key in margin), int(value == 0), value, repr(key))

    def hide_next_to(start: K) -> bool:
        """Hide the cheapest shown entry of an equation of ``start``, else of the nearest
        equation reachable through hidden entries."""
        seen_keys = {start}
        frontier = [start]
        seen_eqs: set[int] = set()
        while frontier:
            candidates: list[K] = []
            nxt: list[K] = []
            for key in frontier:
                for eq in by_entry.get(key, ()):
                    if id(eq) in seen_eqs:
                        continue
                    seen_eqs.add(id(eq))
                    for k in (eq.total, *eq.parts):
                        if k not in hidden:
                            candidates.append(k)
                        elif k not in seen_keys:
                            seen_keys.add(k)
                            nxt.append(k)
            if candidates:
                hidden.add(min(candidates, key=cost))
                return True
            frontier = nxt
        return False

    while True:
        changed = True
        while changed:  # the cheap pass: an equation with one hidden entry gives it away
            changed = False
            for eq in equations:
                entries = (eq.total, *eq.parts)
                inside = [k for k in entries if k in hidden]
                # An unpublished count that is not small may become known; any other
                # lone hidden entry would give itself away, and with it what it protects.
                if len(inside) != 1 or (inside[0] in secret and inside[0] not in sensitive):
                    continue
                shown = [k for k in entries if k not in hidden]
                if shown:
                    hidden.add(min(shown, key=cost))
                    changed = True
        exposed = determined(hidden, equations) & sensitive
        if not exposed:
            break
        progressed = False
        for key in sorted(exposed, key=repr):
            if key in determined(hidden, equations):
                progressed |= hide_next_to(key)
        if not progressed:  # cannot happen for sums of counts; refuse rather than leak
            raise ValueError("a hidden entry cannot be protected")
    published_hidden = frozenset(hidden - secret)
    return Protection(published_hidden, frozenset(primary), frozenset(published_hidden - primary))


def protect(table: CountTable, threshold: int = DEFAULT_THRESHOLD) -> ProtectedTable:
    """One table with its margins, protected on its own (see :func:`protect_entries`)."""
    n_rows = len(table.cells)
    n_cols = len(table.cells[0]) if n_rows else 0
    if any(len(row) != n_cols for row in table.cells):
        raise ValueError("ragged table")
    if table.row_totals is not None and len(table.row_totals) != n_rows:
        raise ValueError("row totals do not match the rows")
    if table.column_totals is not None and len(table.column_totals) != n_cols:
        raise ValueError("column totals do not match the columns")
    if table.grand_total is not None and (table.row_totals is None and table.column_totals is None):
        raise ValueError("a grand total needs row or column totals")

    values: dict[Position, int] = {}
    for r, row in enumerate(table.cells):
        for c, value in enumerate(row):
            values[(r, c)] = value
    if table.row_totals is not None:
        for r, value in enumerate(table.row_totals):
            values[(r, n_cols)] = value
    if table.column_totals is not None:
        for c, value in enumerate(table.column_totals):
            values[(n_rows, c)] = value
    if table.grand_total is not None:
        values[(n_rows, n_cols)] = table.grand_total
    equations: list[Equation[Position]] = []
    rows_add = not table.overlapping
    for r in range(n_rows + 1):
        total = (r, n_cols)
        if total in values and rows_add:
            parts = tuple((r, c) for c in range(n_cols) if (r, c) in values)
            if parts:
                equations.append(Equation(total, parts))
    for c in range(n_cols + 1):
        total = (n_rows, c)
        if total in values:
            parts = tuple((r, c) for r in range(n_rows) if (r, c) in values)
            if parts:
                equations.append(Equation(total, parts))
    totals = [p for p in values if p[0] == n_rows or p[1] == n_cols]
    result = protect_entries(values, equations, threshold, totals=totals)

    def out(pos: Position) -> int | None:
        return None if pos in result.hidden else values[pos]

    return ProtectedTable(
        cells=tuple(tuple(out((r, c)) for c in range(n_cols)) for r in range(n_rows)),
        row_totals=(
            tuple(out((r, n_cols)) for r in range(n_rows)) if table.row_totals is not None else None
        ),
        column_totals=(
            tuple(out((n_rows, c)) for c in range(n_cols))
            if table.column_totals is not None
            else None
        ),
        grand_total=out((n_rows, n_cols)) if table.grand_total is not None else None,
        primary=len(result.primary),
        secondary=len(result.secondary),
    )


def protect_list(
    counts: Sequence[int], total: int | None, threshold: int = DEFAULT_THRESHOLD
) -> tuple[tuple[int | None, ...], int | None]:
    """One-dimensional form of :func:`protect`: (counts, total) with hidden ones as None."""
    if not counts:
        check_threshold(threshold)
        return (), None if total is None or is_small(total, threshold) else total
    result = protect(
        CountTable(
            cells=tuple((v,) for v in counts),
            column_totals=(total,) if total is not None else None,
        ),
        threshold,
    )
    total_out = result.column_totals[0] if result.column_totals is not None else None
    return tuple(row[0] for row in result.cells), total_out


def sum_released(values: Iterable[int | None]) -> int | None:
    """The sum of released entries; None (withheld) if any of them is hidden."""
    total = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total
