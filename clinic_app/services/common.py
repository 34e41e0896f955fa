"""Small pieces every service uses: pages of results, the clock, input checks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

import pycountry

from clinic_app.errors import Invalid

T = TypeVar("T")

Clock = Callable[[], dt.date]


def system_today() -> dt.date:
    return dt.date.today()


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer result, with the total count for scroll bars and labels."""

    items: tuple[T, ...]
    total: int
    offset: int
    limit: int


@cache
def country_codes() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def clean_text(field: str, value: str, *, required: bool = False, max_len: int = 200) -> str:
    """Strip surrounding space; refuse empty required text, over-long text and control bytes."""
    text = (value or "").strip()
    if required and not text:
        raise Invalid(field, "required", "This field is required.")
    if len(text) > max_len:
        raise Invalid(field, "too_long", f"At most {max_len} characters.")
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
        raise Invalid(field, "control_characters", "Contains invisible control characters.")
    return text


def check_country(field: str, code: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code (upper case), or None when not given."""
    if code is None or not code.strip():
        return None
    up = code.strip().upper()
    if up not in country_codes():
        raise Invalid(field, "unknown_country", f"Unknown country code: {up[:8]}")
    return up


def check_not_future(field: str, day: dt.date | None, today: dt.date) -> None:
    if day is not None and day > today:
        raise Invalid(field, "in_future", "The date is in the future.")


def check_range(
    start_field: str, start: dt.date | None, end_field: str, end: dt.date | None
) -> None:
    if start is not None and end is not None and end < start:
        raise Invalid(end_field, "end_before_start", "The end date is before the start date.")


def check_paging(offset: int, limit: int, max_limit: int = 1000) -> None:
    if offset < 0:
        raise Invalid("offset", "negative")
    if not 1 <= limit <= max_limit:
        raise Invalid("limit", "out_of_range", f"Between 1 and {max_limit}.")


_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def clean_email(field: str, value: str, *, max_len: int = 200) -> str:
    """An e-mail address ('name@example.dk'), or '' when none is given.

    Invalid(field, "bad_email") for anything else: 'karen@', '@example.dk', 'karen@example',
    two @, or spaces inside (a mistyped address sends a letter about a victim to no one, or
    to the wrong one)."""
    email = clean_text(field, value, max_len=max_len)
    if email and not _EMAIL.fullmatch(email):
        raise Invalid(field, "bad_email", "Enter an e-mail address such as name@example.dk.")
    return email
