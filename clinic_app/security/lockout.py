"""Log-in lockout policy: too many failed log-ins lock the account until an administrator
unlocks it.

Callers pass the failure timestamps recorded since the later of the account's last
successful log-in and its last unlock; older failures never count. Timestamps should be
timezone-aware UTC datetimes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from clinic_app.errors import Invalid


@dataclass(frozen=True)
class LockoutPolicy:
    """Lock when ``max_failures`` failures fall within any ``window``."""

    max_failures: int = 5
    window: timedelta = timedelta(hours=24)

    def __post_init__(self) -> None:
        if isinstance(self.max_failures, bool) or not isinstance(self.max_failures, int):
            raise Invalid("max_failures", "not_a_number")
        if self.max_failures < 1:
            raise Invalid("max_failures", "out_of_range")
        if self.window <= timedelta(0):
            raise Invalid("window", "out_of_range")

    def _relevant(
        self, failures: Iterable[datetime], now: datetime, since: datetime | None
    ) -> list[datetime]:
        # Failures after ``now`` are ignored so the answer is the state as of ``now``.
        return sorted(t for t in failures if t <= now and (since is None or t > since))

    def is_locked(
        self, failures: Iterable[datetime], now: datetime, *, since: datetime | None = None
    ) -> bool:
        """True if some ``window`` up to ``now`` held ``max_failures`` failures after ``since``.

        The lock does not expire with time: only a success or an unlock (a newer ``since``)
        clears it, because an attacker can simply wait out a timed lock.
        """
        times = self._relevant(failures, now, since)
        n = self.max_failures
        return any(times[i + n - 1] - times[i] <= self.window for i in range(len(times) - n + 1))

    def attempts_left(
        self, failures: Iterable[datetime], now: datetime, *, since: datetime | None = None
    ) -> int:
        """Failures still allowed before the lock, counting those in the last ``window``."""
        times = self._relevant(failures, now, since)
        if self.is_locked(times, now):
            return 0
        recent = sum(1 for t in times if now - t <= self.window)
        return self.max_failures - recent


DEFAULT_POLICY = LockoutPolicy()


def is_locked(
    failures: Iterable[datetime],
    now: datetime,
    *,
    since: datetime | None = None,
    policy: LockoutPolicy = DEFAULT_POLICY,
) -> bool:
    """Module-level shortcut for ``policy.is_locked`` with the default 5 failures in 24 hours."""
    return policy.is_locked(failures, now, since=since)
