"""Statistical disclosure control for published count tables (pure Python, no database).

A published table must not let anyone be recognised. Two steps, both standard for small
count tables (cell suppression):

* **Primary suppression**: every published count from 1 to ``threshold - 1`` is hidden.
  Zeros are shown: a structural zero says nothing about any one person.
* **Secondary (complementary) suppression**: a hidden count must not be recomputable by
  subtraction from a total. The table and its margins form *lines*: each row of cells with
  its row total, each column with its column total, the row of column totals with the grand
  total, and the column of row totals with the grand total. A line with exactly one hidden
  entry gives that entry away (the total minus the shown cells, or the sum of the shown
  cells when the total is hidden). So, until no line has exactly one hidden entry, the
  smallest shown entry of such a line is hidden as well (non-zero cells before zeros, cells
  before totals). Hiding only ever adds entries, so the loop ends.

Tables whose categories overlap (a person counted under several forms of exploitation) have
totals that are not the sum of their cells; they are protected by the same rule, which is
then conservative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

DEFAULT_THRESHOLD = 5

# An entry of the augmented table: (row, column). Row ``n_rows`` holds the column totals,
# column ``n_cols`` holds the row totals; (n_rows, n_cols) is the grand total.
Position = tuple[int, int]


@dataclass(frozen=True)
class CountTable:
    """Counts with optional margins. ``cells[r][c]``; totals are None when not published."""

    cells: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...] | None = None
    column_totals: tuple[int, ...] | None = None
    grand_total: int | None = None


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
    """Thresholds below 2 would publish ones; absurdly high ones hide everything."""
    if not 2 <= threshold <= 100:
        raise ValueError("threshold must be between 2 and 100")


def is_small(value: int, threshold: int) -> bool:
    """True for the counts primary suppression hides (1 .. threshold-1)."""
    return 0 < value < threshold


def protect(table: CountTable, threshold: int = DEFAULT_THRESHOLD) -> ProtectedTable:
    """Hide small counts and enough others that no hidden count follows from a total."""
    check_threshold(threshold)
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
    if any(v < 0 for v in values.values()):
        raise ValueError("counts cannot be negative")

    hidden = {pos for pos, v in values.items() if is_small(v, threshold)}
    primary = len(hidden)
    lines = _lines(values, n_rows, n_cols)
    changed = True
    while changed:
        changed = False
        for line in lines:
            in_line = [pos for pos in line if pos in hidden]
            if len(in_line) != 1:
                continue
            shown = [pos for pos in line if pos not in hidden]
            if not shown:
                continue
            hidden.add(min(shown, key=lambda p: _cost(p, values[p], n_rows, n_cols)))
            changed = True

    def out(pos: Position) -> int | None:
        return None if pos in hidden else values[pos]

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
        primary=primary,
        secondary=len(hidden) - primary,
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


def _lines(values: dict[Position, int], n_rows: int, n_cols: int) -> list[list[Position]]:
    """Every additive relation among the published entries (only those with a total)."""
    lines: list[list[Position]] = []
    for r in range(n_rows + 1):
        if (r, n_cols) in values:
            line = [(r, c) for c in range(n_cols + 1) if (r, c) in values]
            if len(line) > 1:
                lines.append(line)
    for c in range(n_cols + 1):
        if (n_rows, c) in values:
            line = [(r, c) for r in range(n_rows + 1) if (r, c) in values]
            if len(line) > 1:
                lines.append(line)
    return lines


def _cost(pos: Position, value: int, n_rows: int, n_cols: int) -> tuple[int, int, int, Position]:
    """Which shown entry to hide next: inner non-zero cells first, smallest first."""
    is_total = pos[0] == n_rows or pos[1] == n_cols
    return (int(is_total), int(value == 0), value, pos)
