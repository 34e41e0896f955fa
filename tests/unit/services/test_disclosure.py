"""Disclosure control: no small count is published, and none can be worked back from totals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clinic_app.services.disclosure import (
    CountTable,
    Equation,
    ProtectedTable,
    determined,
    protect,
    protect_entries,
    protect_list,
)
from tests.disclosure_attack import LinearAttack

Position = tuple[int, int]


def _augmented(t: CountTable) -> dict[Position, int]:
    n, m = len(t.cells), len(t.cells[0])
    out = {(r, c): v for r, row in enumerate(t.cells) for c, v in enumerate(row)}
    if t.row_totals is not None:
        out.update({(r, m): v for r, v in enumerate(t.row_totals)})
    if t.column_totals is not None:
        out.update({(n, c): v for c, v in enumerate(t.column_totals)})
    if t.grand_total is not None:
        out[(n, m)] = t.grand_total
    return out


def _published(p: ProtectedTable, n: int, m: int) -> dict[Position, int | None]:
    out: dict[Position, int | None] = {
        (r, c): v for r, row in enumerate(p.cells) for c, v in enumerate(row)
    }
    if p.row_totals is not None:
        out.update({(r, m): v for r, v in enumerate(p.row_totals)})
    if p.column_totals is not None:
        out.update({(n, c): v for c, v in enumerate(p.column_totals)})
    # Every table in these tests has a grand total.
    out[(n, m)] = p.grand_total
    return out


def _attack(published: dict[Position, int | None], n: int, m: int) -> dict[Position, int]:
    """What an outsider recovers exactly: every row and column relation of the published
    table, solved with rational arithmetic (tests/disclosure_attack.py)."""
    attack = LinearAttack()
    for pos, v in published.items():
        if v is not None:
            attack.known(pos, v)
    for r in range(n + 1):
        if (r, m) in published:
            attack.sum_is([(r, c) for c in range(m)], (r, m))
    for c in range(m + 1):
        if (n, c) in published:
            attack.sum_is([(r, c) for r in range(n)], (n, c))
    return {pos: int(v) for pos, v in attack.solve().items() if published.get(pos, 0) is None}


tables = st.integers(1, 6).flatmap(
    lambda n: st.integers(1, 6).flatmap(
        lambda m: st.lists(
            st.lists(st.one_of(st.integers(0, 6), st.integers(0, 60)), min_size=m, max_size=m),
            min_size=n,
            max_size=n,
        )
    )
)


def _with_margins(cells: list[list[int]]) -> CountTable:
    rows = tuple(tuple(r) for r in cells)
    row_totals = tuple(sum(r) for r in rows)
    col_totals = tuple(sum(col) for col in zip(*rows, strict=True))
    return CountTable(rows, row_totals, col_totals, sum(row_totals))


@settings(max_examples=400, deadline=None)
@given(cells=tables, threshold=st.integers(3, 11))
def test_no_hidden_count_can_be_derived_from_any_total(cells, threshold) -> None:
    table = _with_margins(cells)
    n, m = len(cells), len(cells[0])
    result = protect(table, threshold)
    published = _published(result, n, m)
    truth = _augmented(table)
    # No published entry is a small count.
    assert all(v is None or v == 0 or v >= threshold for v in published.values())
    # Everything published is true.
    assert all(v is None or v == truth[pos] for pos, v in published.items())
    # The outsider's exact linear algebra recovers no hidden small count.
    recovered = _attack(published, n, m)
    assert not [pos for pos, v in recovered.items() if 0 < v < threshold]
    assert all(truth[pos] == v for pos, v in recovered.items())
    # Every small count was hidden (primary), and the counts add up.
    small = sum(1 for v in truth.values() if 0 < v < threshold)
    assert result.primary == small
    assert result.hidden == sum(1 for v in published.values() if v is None)


@settings(max_examples=200, deadline=None)
@given(counts=st.lists(st.integers(0, 30), min_size=1, max_size=8), threshold=st.integers(3, 8))
def test_one_dimensional_tables_with_a_total(counts, threshold) -> None:
    shown, total = protect_list(counts, sum(counts), threshold)
    hidden = [i for i, v in enumerate(shown) if v is None]
    assert all(v is None or v == 0 or v >= threshold for v in [*shown, total])
    if total is not None:
        # With the total shown, a single hidden count would be the total minus the rest.
        assert len(hidden) != 1
    else:
        # With the total hidden, at least one count must be hidden too.
        assert hidden


def test_primary_and_secondary_by_hand() -> None:
    # 2 is small; hiding it alone would give it away (12 - 10), so 10 goes too.
    shown, total = protect_list([10, 2, 30], 42)
    assert shown == (None, None, 30)
    assert total == 42


def test_zeros_are_shown_and_not_used_as_complements_when_avoidable() -> None:
    shown, total = protect_list([0, 3, 7, 20], 30)
    assert shown == (0, None, None, 20)
    assert total == 30


def test_empty_list_keeps_only_a_large_total() -> None:
    assert protect_list([], 12) == ((), 12)
    assert protect_list([], 3) == ((), None)


def test_small_total_is_hidden_with_its_cells() -> None:
    shown, total = protect_list([3, 0], 3)
    assert shown == (None, 0)
    assert total is None


def test_two_dimensional_by_hand() -> None:
    table = _with_margins([[20, 3, 12], [15, 9, 30]])
    result = protect(table, 5)
    # 3 is small; its row needs a second hidden cell (12, the smallest other non-zero),
    # and both columns then need one more each: in row two, 9 and 30.
    assert result.cells == ((20, None, None), (15, None, None))
    assert result.row_totals == (35, 54)
    assert result.column_totals == (35, 12, 42)
    assert result.grand_total == 89
    assert (result.primary, result.secondary) == (1, 3)


def test_tables_without_totals_get_primary_suppression_only() -> None:
    result = protect(CountTable(((1, 40), (7, 2))), 5)
    assert result.cells == ((None, 40), (7, None))
    assert result.secondary == 0


def test_overlapping_categories_are_protected_conservatively() -> None:
    # Persons with several forms: the cells add up to more than the total.
    result = protect(CountTable(((9, 4, 6),), row_totals=(15,)), 5)
    assert result.cells[0].count(None) >= 2


@pytest.mark.parametrize("threshold", [0, 1, 2, 101])
def test_threshold_must_be_sensible(threshold) -> None:
    with pytest.raises(ValueError):
        protect(CountTable(((1,),)), threshold)


def test_malformed_tables_are_refused() -> None:
    with pytest.raises(ValueError):
        protect(CountTable(((1, 2), (3,))))
    with pytest.raises(ValueError):
        protect(CountTable(((1,),), row_totals=(1, 2)))
    with pytest.raises(ValueError):
        protect(CountTable(((-1,),)))


def test_exact_check_sees_what_no_single_line_shows() -> None:
    # a+b, c+d, a+c and a+d are all known: no equation has one unknown, yet all four are
    # fixed (2a = (a+c) + (a+d) - (c+d)).
    eqs = [
        Equation("ab", ("a", "b")),
        Equation("cd", ("c", "d")),
        Equation("ac", ("a", "c")),
        Equation("ad", ("a", "d")),
    ]
    assert determined({"a", "b", "c", "d"}, eqs) == {"a", "b", "c", "d"}
    assert determined({"a", "b", "c", "d", "ad"}, eqs) == set()


def test_unpublished_small_counts_are_protected_too() -> None:
    # Two persons with no site: the national figure minus the sites' would give them away.
    values = {"A": 10, "B": 7, "none": 2, "N": 19}
    eqs = [Equation("N", ("A", "B", "none"))]
    result = protect_entries(values, eqs, 5, unpublished={"none"}, totals={"N"})
    assert result.hidden == {"B"}  # the smallest site; the national total stays shown
    assert result.primary == frozenset() and "none" not in result.hidden
    assert "none" not in determined(result.hidden | {"none"}, eqs)
    # An unpublished count that is not small may follow: nothing else is hidden for it.
    values["none"] = 9
    values["N"] = 26
    assert protect_entries(values, eqs, 5, unpublished={"none"}).hidden == frozenset()
