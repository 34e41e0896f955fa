"""Idle-lock and log-in lockout policies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_app.errors import Invalid
from clinic_app.security.idle import (
    DEFAULT_MINUTES,
    FIELD,
    IdlePolicy,
    validate_idle_minutes,
)
from clinic_app.security.lockout import LockoutPolicy, is_locked

# --- idle lock -------------------------------------------------------------------------


def test_default_is_five_minutes() -> None:
    assert DEFAULT_MINUTES == 5
    assert IdlePolicy().timeout_seconds == 300


@pytest.mark.parametrize("minutes", [1, 5, 15])
def test_valid_minutes(minutes: int) -> None:
    assert validate_idle_minutes(minutes) == minutes
    assert IdlePolicy(minutes).minutes == minutes


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (0, "out_of_range"),
        (16, "out_of_range"),
        (-5, "out_of_range"),
        (True, "not_a_number"),
        ("5", "not_a_number"),
        (5.0, "not_a_number"),
        (None, "not_a_number"),
    ],
)
def test_invalid_minutes(value: object, code: str) -> None:
    with pytest.raises(Invalid) as info:
        validate_idle_minutes(value)
    assert (info.value.field, info.value.code) == (FIELD, code)
    with pytest.raises(Invalid):
        IdlePolicy(value)  # type: ignore[arg-type]


def test_locks_exactly_at_timeout() -> None:
    policy = IdlePolicy(5)
    assert not policy.should_lock(100.0, 100.0)
    assert not policy.should_lock(100.0, 399.9)
    assert policy.should_lock(100.0, 400.0)
    assert policy.should_lock(100.0, 10_000.0)
    assert policy.remaining(100.0, 250.0) == 150.0


def test_clock_running_backwards_locks() -> None:
    assert IdlePolicy().should_lock(100.0, 50.0)


@given(
    minutes=st.integers(1, 15),
    last=st.floats(0, 1e9),
    idle=st.floats(0, 2000),
)
def test_lock_iff_idle_at_least_timeout(minutes: int, last: float, idle: float) -> None:
    now = last + idle
    assert IdlePolicy(minutes).should_lock(last, now) == (now - last >= minutes * 60)


# --- lockout ---------------------------------------------------------------------------

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
H = timedelta(hours=1)


def at(*hours: float) -> list[datetime]:
    return [T0 + timedelta(hours=h) for h in hours]


def test_four_failures_do_not_lock() -> None:
    assert not is_locked(at(0, 1, 2, 3), T0 + 4 * H)


def test_five_failures_within_a_day_lock() -> None:
    assert is_locked(at(0, 1, 2, 3, 4), T0 + 5 * H)


def test_five_failures_spanning_exactly_24_hours_lock() -> None:
    assert is_locked(at(0, 6, 12, 18, 24), T0 + 25 * H)


def test_five_failures_spread_over_more_than_a_day_do_not_lock() -> None:
    assert not is_locked(at(0, 6, 12, 18, 24.01), T0 + 30 * H)
    assert not is_locked(at(0, 30, 60, 90, 120), T0 + 200 * H)


def test_lock_does_not_expire_with_time() -> None:
    assert is_locked(at(0, 0.1, 0.2, 0.3, 0.4), T0 + 24 * 365 * H)


def test_unlock_or_success_clears_earlier_failures() -> None:
    failures = at(0, 0.1, 0.2, 0.3, 0.4)
    assert not is_locked(failures, T0 + H, since=T0 + 0.5 * H)
    # ... but new failures after the unlock count again.
    assert is_locked([*failures, *at(1, 1.1, 1.2, 1.3, 1.4)], T0 + 2 * H, since=T0 + 0.5 * H)


def test_future_failures_are_not_counted() -> None:
    assert not is_locked(at(0, 1, 2, 3, 4), T0 + 3.5 * H)


def test_order_of_failures_does_not_matter() -> None:
    assert is_locked(at(4, 0, 3, 1, 2), T0 + 5 * H)


def test_attempts_left() -> None:
    policy = LockoutPolicy()
    assert policy.attempts_left([], T0) == 5
    assert policy.attempts_left(at(0, 1), T0 + 2 * H) == 3
    assert policy.attempts_left(at(0, 1), T0 + 30 * H) == 5  # old failures age out
    assert policy.attempts_left(at(0, 1, 2, 3, 4), T0 + 100 * H) == 0


def test_custom_policy() -> None:
    policy = LockoutPolicy(max_failures=3, window=timedelta(minutes=10))
    assert policy.is_locked([T0, T0 + timedelta(minutes=5), T0 + timedelta(minutes=9)], T0 + H)
    assert not policy.is_locked([T0, T0 + timedelta(minutes=5), T0 + timedelta(minutes=11)], T0)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"max_failures": 0}, "max_failures"),
        ({"max_failures": True}, "max_failures"),
        ({"window": timedelta(0)}, "window"),
    ],
)
def test_invalid_lockout_policy(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(Invalid) as info:
        LockoutPolicy(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


@given(st.lists(st.integers(0, 24 * 3600 * 10), max_size=12))
def test_lockout_matches_brute_force_definition(offsets: list[int]) -> None:
    times = [T0 + timedelta(seconds=s) for s in offsets]
    now = T0 + timedelta(days=11)
    day = timedelta(hours=24)
    expected = any(sum(1 for t in times if start <= t <= start + day) >= 5 for start in times)
    assert is_locked(times, now) == expected
