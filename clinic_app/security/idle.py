"""Idle-lock policy: after how long without input the screen locks and hides personal data.

Times are seconds from a monotonic clock (``time.monotonic()``), so changing the wall clock
cannot keep a workstation unlocked.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.errors import Invalid

DEFAULT_MINUTES = 5
MIN_MINUTES = 1
MAX_MINUTES = 15  # longer would leave an unattended screen open too long
FIELD = "idle_lock_minutes"


def validate_idle_minutes(value: object) -> int:
    """Return ``value`` as whole minutes, or raise ``Invalid(FIELD, code)``.

    Codes: ``not_a_number`` (not an int, e.g. text or a bool), ``out_of_range``.
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(FIELD, "not_a_number")
    if not MIN_MINUTES <= value <= MAX_MINUTES:
        raise Invalid(FIELD, "out_of_range")
    return value


@dataclass(frozen=True)
class IdlePolicy:
    """Lock after ``minutes`` without input (1..15, default 5)."""

    minutes: int = DEFAULT_MINUTES

    def __post_init__(self) -> None:
        validate_idle_minutes(self.minutes)

    @property
    def timeout_seconds(self) -> float:
        return self.minutes * 60.0

    def remaining(self, last_activity: float, now: float) -> float:
        """Seconds until the lock, 0 when due."""
        if now < last_activity:
            # A clock that runs backwards is a fault; locking is the safe answer.
            return 0.0
        return max(0.0, self.timeout_seconds - (now - last_activity))

    def should_lock(self, last_activity: float, now: float) -> bool:
        """True once ``now`` is at least the timeout after ``last_activity``."""
        return self.remaining(last_activity, now) == 0.0
