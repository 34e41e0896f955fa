"""Audit hash chain: canonical encoding and tamper detection on a 10,000-row chain."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from clinic_app.security.audit_chain import (
    GENESIS_HASH,
    SEQ_FIELD,
    Anchor,
    Field,
    VerifyResult,
    canonical,
    chain_hash,
    make_anchor,
    verify_chain,
)

KEY = b"k" * 32
N = 10_000
Pair = tuple[Mapping[str, Field], str]


def make_row(seq: int) -> dict[str, Field]:
    return {
        SEQ_FIELD: seq,
        "at": f"2026-01-01T00:{seq % 60:02d}:00Z",
        "user_id": seq % 17,
        "workstation": "ws-1",
        "action": "person.view",
        "person_id": seq % 500 if seq % 3 else None,
        "detail": f"row {seq}",
    }


def build_chain(n: int, key: bytes = KEY, genesis: str = GENESIS_HASH) -> list[Pair]:
    pairs: list[Pair] = []
    prev = genesis
    for seq in range(1, n + 1):
        row = make_row(seq)
        prev = chain_hash(key, prev, row)
        pairs.append((row, prev))
    return pairs


CHAIN = build_chain(N)
ANCHOR = make_anchor(KEY, N, CHAIN[-1][1])
positions = st.integers(min_value=0, max_value=N - 1)


def check(pairs: Sequence[Pair], anchor: Anchor | None = ANCHOR) -> VerifyResult:
    return verify_chain(KEY, pairs, GENESIS_HASH, anchor=anchor)


# --- canonical encoding ----------------------------------------------------------------


def test_canonical_ignores_insertion_order() -> None:
    assert canonical({"a": 1, "b": "x"}) == canonical({"b": "x", "a": 1})


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ({"a": 1}, {"a": "1"}),  # int vs str
        ({"a": None}, {"a": ""}),  # None vs empty
        ({"a": None}, {"a": "None"}),
        ({"ab": "c"}, {"a": "bc"}),  # boundary shift between key and value
        ({"a": "b", "c": "d"}, {"a": "b\x00c", "": "d"}),
        ({"a": "x"}, {"a": "x", "b": None}),  # absent vs None
        ({"a": "é"}, {"a": "e\u0301"}),  # no silent normalisation
    ],
)
def test_canonical_is_unambiguous(left: dict[str, Field], right: dict[str, Field]) -> None:
    assert canonical(left) != canonical(right)


@given(
    st.dictionaries(st.text(), st.none() | st.integers() | st.text()),
    st.dictionaries(st.text(), st.none() | st.integers() | st.text()),
)
def test_canonical_is_injective(a: dict[str, Field], b: dict[str, Field]) -> None:
    assert (canonical(a) == canonical(b)) == (a == b and _types(a) == _types(b))


def _types(row: Mapping[str, Field]) -> dict[str, type]:
    return {k: type(v) for k, v in row.items()}


@pytest.mark.parametrize("bad", [True, 1.5, b"x", ["x"]])
def test_canonical_refuses_other_types(bad: object) -> None:
    with pytest.raises(TypeError):
        canonical({"a": bad})  # type: ignore[dict-item]


@pytest.mark.parametrize("row", [{}, {"seq": "1"}, {"seq": True}, {"seq": None}])
def test_chain_hash_requires_int_sequence(row: dict[str, Field]) -> None:
    with pytest.raises(ValueError):
        chain_hash(KEY, GENESIS_HASH, row)


def test_hash_depends_on_key_prev_and_row() -> None:
    row = make_row(1)
    h = chain_hash(KEY, GENESIS_HASH, row)
    assert len(h) == 64 and int(h, 16) >= 0
    assert h != chain_hash(b"other key", GENESIS_HASH, row)
    assert h != chain_hash(KEY, "1" * 64, row)
    assert h != chain_hash(KEY, GENESIS_HASH, {**row, "detail": "other"})


# --- intact chains ---------------------------------------------------------------------


def test_intact_chain_verifies() -> None:
    result = check(CHAIN)
    assert (result.ok, result.first_bad_index, result.checked, result.reason) == (
        True,
        None,
        N,
        "ok",
    )
    assert result.last_hash == CHAIN[-1][1]


def test_empty_chain_verifies_and_empty_anchor() -> None:
    assert check([], anchor=None).ok
    assert check([], anchor=make_anchor(KEY, 0, GENESIS_HASH)).ok
    assert check([], anchor=ANCHOR).reason == "truncated"


def test_wrong_key_fails_at_first_row() -> None:
    result = verify_chain(b"wrong", CHAIN, anchor=None)
    assert (result.ok, result.first_bad_index, result.reason) == (False, 0, "bad_hash")


def test_chain_restarted_after_purge_verifies_from_new_start() -> None:
    tail = CHAIN[6000:]
    start_prev = CHAIN[5999][1]
    result = verify_chain(KEY, tail, start_prev, first_seq=6001, anchor=ANCHOR)
    assert not result.ok  # the anchor counts the whole chain
    anchor = make_anchor(KEY, len(tail), CHAIN[-1][1])
    assert verify_chain(KEY, tail, start_prev, first_seq=6001, anchor=anchor).ok
    assert not verify_chain(KEY, tail, GENESIS_HASH, first_seq=6001, anchor=anchor).ok


# --- tampering: each kind detected at every position Hypothesis picks ------------------


@settings(max_examples=60, deadline=None)
@given(i=positions, field=st.sampled_from(["at", "user_id", "action", "person_id", "detail"]))
@example(i=0, field="detail")
@example(i=N - 1, field="user_id")
def test_edited_row_is_detected(i: int, field: str) -> None:
    pairs = list(CHAIN)
    row, stored = pairs[i]
    old = row[field]
    new: Field = "edited" if isinstance(old, str) or old is None else old + 1
    pairs[i] = ({**row, field: new}, stored)
    result = check(pairs)
    assert (result.ok, result.first_bad_index, result.reason) == (False, i, "bad_hash")
    assert result.checked == i


@settings(max_examples=30, deadline=None)
@given(i=positions)
def test_edited_row_with_recomputed_hash_without_key_is_detected(i: int) -> None:
    # An attacker without the key recomputes with a guessed key: the next check fails here.
    pairs = list(CHAIN)
    row = {**pairs[i][0], "detail": "forged"}
    prev = GENESIS_HASH if i == 0 else pairs[i - 1][1]
    pairs[i] = (row, chain_hash(b"guessed", prev, row))
    result = check(pairs)
    assert (result.ok, result.first_bad_index) == (False, i)


@settings(max_examples=60, deadline=None)
@given(i=positions)
@example(i=0)
@example(i=N - 1)
def test_deleted_row_is_detected(i: int) -> None:
    pairs = CHAIN[:i] + CHAIN[i + 1 :]
    result = check(pairs)
    assert not result.ok
    if i == N - 1:
        assert (result.first_bad_index, result.reason) == (N - 1, "truncated")
    else:
        assert (result.first_bad_index, result.reason) == (i, "bad_sequence")


@settings(max_examples=30, deadline=None)
@given(i=positions)
def test_deleted_row_with_renumbered_rest_is_detected(i: int) -> None:
    renumbered = [
        ({**row, SEQ_FIELD: k + 1}, stored)
        for k, (row, stored) in enumerate(CHAIN[:i] + CHAIN[i + 1 :])
    ]
    result = check(renumbered)
    assert not result.ok
    assert result.first_bad_index == (i if i < N - 1 else N - 1)


@settings(max_examples=60, deadline=None)
@given(i=st.integers(min_value=0, max_value=N), renumber=st.booleans())
@example(i=0, renumber=True)
@example(i=N, renumber=False)
def test_inserted_row_is_detected(i: int, renumber: bool) -> None:
    prev = GENESIS_HASH if i == 0 else CHAIN[i - 1][1]
    row = {**make_row(i + 1), "detail": "inserted"}
    forged = (row, chain_hash(b"guessed", prev, row))
    tail = CHAIN[i:]
    if renumber:
        tail = [({**r, SEQ_FIELD: int(r[SEQ_FIELD] or 0) + 1}, h) for r, h in tail]
    pairs = [*CHAIN[:i], forged, *tail]
    result = check(pairs)
    assert not result.ok
    if i == N:
        assert (result.first_bad_index, result.reason) == (N, "extra_rows")
    else:
        assert result.first_bad_index == i


@settings(max_examples=60, deadline=None)
@given(i=positions, j=positions)
@example(i=0, j=N - 1)
@example(i=N - 2, j=N - 1)
def test_reordered_rows_are_detected(i: int, j: int) -> None:
    if i == j:
        return
    a, b = sorted((i, j))
    pairs = list(CHAIN)
    pairs[a], pairs[b] = pairs[b], pairs[a]
    result = check(pairs)
    assert (result.ok, result.first_bad_index, result.reason) == (False, a, "bad_sequence")


@settings(max_examples=30, deadline=None)
@given(i=positions, j=positions)
def test_reordered_rows_with_swapped_sequence_numbers_are_detected(i: int, j: int) -> None:
    if i == j:
        return
    a, b = sorted((i, j))
    pairs = list(CHAIN)
    (ra, ha), (rb, hb) = pairs[a], pairs[b]
    pairs[a] = ({**rb, SEQ_FIELD: ra[SEQ_FIELD]}, hb)
    pairs[b] = ({**ra, SEQ_FIELD: rb[SEQ_FIELD]}, ha)
    result = check(pairs)
    assert (result.ok, result.first_bad_index, result.reason) == (False, a, "bad_hash")


@settings(max_examples=60, deadline=None)
@given(keep=st.integers(min_value=0, max_value=N - 1))
@example(keep=N - 1)
@example(keep=0)
def test_truncated_tail_is_detected_with_anchor(keep: int) -> None:
    result = check(CHAIN[:keep])
    assert (result.ok, result.first_bad_index, result.reason) == (False, keep, "truncated")
    assert result.checked == keep


def test_truncated_tail_is_invisible_without_anchor() -> None:
    # Why the anchor exists: a shorter chain is still a valid chain.
    assert check(CHAIN[:5000], anchor=None).ok


@settings(max_examples=30, deadline=None)
@given(keep=st.integers(min_value=1, max_value=N - 1))
def test_truncation_with_rewritten_anchor_without_key_is_detected(keep: int) -> None:
    forged = dataclasses.replace(ANCHOR, count=keep, last_hash=CHAIN[keep - 1][1])
    result = check(CHAIN[:keep], anchor=forged)
    assert (result.ok, result.reason) == (False, "bad_anchor")


def test_stale_anchor_reports_extra_rows() -> None:
    older = make_anchor(KEY, 9_000, CHAIN[8999][1])
    result = check(CHAIN, anchor=older)
    assert (result.ok, result.first_bad_index, result.reason) == (False, 9_000, "extra_rows")


def test_replaced_last_hash_in_anchor_is_detected() -> None:
    anchor = make_anchor(KEY, N, "f" * 64)
    result = check(CHAIN, anchor=anchor)
    assert (result.ok, result.reason) == (False, "bad_anchor")


@pytest.mark.parametrize(
    "bad_row",
    [
        {"detail": "no seq"},
        {SEQ_FIELD: "1"},
        {SEQ_FIELD: True},
        {SEQ_FIELD: 1, "x": 1.5},
        {SEQ_FIELD: 1, "x": "\ud800"},  # lone surrogate: cannot be encoded
    ],
)
def test_malformed_rows_fail_cleanly(bad_row: dict[str, object]) -> None:
    pairs = [(bad_row, "0" * 64), *CHAIN[1:]]
    result = check(pairs)  # type: ignore[arg-type]
    assert (result.ok, result.first_bad_index, result.reason) == (False, 0, "malformed_row")


@pytest.mark.parametrize("bad_hash", ["", "é" * 64, "0" * 64])
def test_malformed_stored_hash_fails_cleanly(bad_hash: str) -> None:
    pairs = [(CHAIN[0][0], bad_hash), *CHAIN[1:]]
    result = check(pairs)
    assert (result.ok, result.first_bad_index, result.reason) == (False, 0, "bad_hash")
