"""Small pieces every service uses: pages of results, the clock, input checks."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Generic, TypeVar

import pycountry

from clinic_app.errors import Invalid

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

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


# Bidi embeddings, overrides and isolates: in a one-line field (a name, a title) they can
# make text display in an order other than the stored one (spoofing a name or a code).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Format characters that show nothing: zero-width space/joiners, bidi marks, BOM, soft hyphen.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Mn", "Me"})


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """The hygiene rule every free-text field obeys; the code of the broken part, or None.

    Valid Unicode only (no lone surrogates); no C0/C1 control characters or DEL, except
    newline and tab in a multi-line field; no bidi embedding/override/isolate controls in a
    one-line field; not made only of invisible characters (zero-width, bidi marks,
    combining marks without a base).
    """
    allowed = "\n\t" if multiline else ""
    for ch in value:
        o = ord(ch)
        if 0xD800 <= o <= 0xDFFF:
            return "invalid_unicode"
        if (o < 32 or 0x7F <= o <= 0x9F) and ch not in allowed:
            return "control_characters"
        if not multiline and ch in _BIDI_CONTROLS:
            return "bidi_controls"
    if value and all(
        ch.isspace() or unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in value
    ):
        return "invisible_only"
    return None


_PROBLEM_MESSAGES = {
    "invalid_unicode": "Contains characters that are not valid text.",
    "control_characters": "Contains invisible control characters.",
    "bidi_controls": "Contains text-direction control characters.",
    "invisible_only": "Contains only invisible characters.",
}


def clean_text(
    field: str,
    value: str | None,
    *,
    required: bool = False,
    max_len: int = 200,
    multiline: bool = False,
) -> str:
    """Free text as stored: surrounding space stripped, then the hygiene rule
    (:func:`text_problem`), the length limit and, if ``required``, not empty."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise Invalid(field, "not_text", "Must be text.")
    text = value.strip()
    if len(text) > max_len:
        raise Invalid(field, "too_long", f"At most {max_len} characters.")
    problem = text_problem(text, multiline=multiline)
    if problem is not None:
        raise Invalid(field, problem, _PROBLEM_MESSAGES[problem])
    if required and not text:
        raise Invalid(field, "required", "This field is required.")
    return text


def check_code(field: str, kind: type[E], value: object) -> E:
    """``value`` as a member of the enumeration ``kind``; Invalid(field, "unknown_code")."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except (ValueError, TypeError, KeyError):
        raise Invalid(field, "unknown_code", "Unknown value; choose one from the list.") from None


def check_optional_code(field: str, kind: type[E], value: object) -> E | None:
    return None if value is None else check_code(field, kind, value)


def check_int(field: str, value: object, *, low: int = 0, high: int = 2**63 - 1) -> int:
    """An integer within ``low``..``high`` (a database id or count); Invalid otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(field, "not_a_number", "Must be a whole number.")
    if not low <= value <= high:
        raise Invalid(field, "out_of_range", f"Between {low} and {high}.")
    return value


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


# No case, consent or plan this app records predates the Danish anti-trafficking action
# plans; a date before this is a typing error (1800-01-01, 0001-01-01).
EARLIEST_EVENT = dt.date(1990, 1, 1)


def check_date_bounds(
    field: str,
    day: dt.date | None,
    today: dt.date,
    *,
    earliest: dt.date = EARLIEST_EVENT,
    days_ahead: int | None = 0,
    after: dt.date | None = None,
) -> None:
    """A plausible date: not before ``earliest`` (nor ``after``, e.g. the person's birth),
    at most ``days_ahead`` after today (None: no limit beyond ``far_future``).

    Codes: ``too_early``, ``before_birth``, ``in_future`` (``days_ahead == 0``), ``too_far_ahead``.
    The bounds of each field are listed in docs/input-rules.md.
    """
    if day is None:
        return
    if not isinstance(day, dt.date):
        raise Invalid(field, "not_a_date", "Must be a date.")
    if day < earliest:
        raise Invalid(field, "too_early", f"The date is before {earliest.isoformat()}.")
    if after is not None and day < after:
        raise Invalid(field, "before_birth", "The date is before the person's birth.")
    limit = days_ahead if days_ahead is not None else FAR_FUTURE_DAYS
    if (day - today).days > limit:
        if limit == 0:
            raise Invalid(field, "in_future", "The date is in the future.")
        raise Invalid(
            field, "too_far_ahead", f"The date is more than {limit // 365 or 1} year(s) ahead."
        )


FAR_FUTURE_DAYS = 10 * 366  # an end or review date beyond ten years is a typing error
YEAR_AHEAD = 366


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
