"""Deterministic ordering of events and facts derived from the event history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from clinic_app.rules.facts import EventFact
from clinic_app.vocabulary import EventKind, LegalStay, Outcome

# Same-day events follow the natural case flow (declaration order of EventKind).
_KIND_RANK = {kind: rank for rank, kind in enumerate(EventKind)}


def _key(event: EventFact) -> tuple[dt.date, int, dt.date, str, str, str, str, str, int]:
    return (
        event.date,
        _KIND_RANK[event.kind],
        event.end_date or dt.date.max,
        event.authority or "",
        event.outcome or "",
        event.legal_stay or "",
        event.applicant or "",
        event.ground or "",
        -1 if event.event_id is None else event.event_id,
    )


def sort_events(events: Iterable[EventFact]) -> tuple[EventFact, ...]:
    """Events in a total order, so results never depend on the order they were given."""
    return tuple(sorted(events, key=_key))


def of_kind(events: Iterable[EventFact], *kinds: EventKind) -> list[EventFact]:
    return [e for e in events if e.kind in kinds]


def legal_stay_on(events: tuple[EventFact, ...], day: dt.date) -> LegalStay | None:
    """Legal stay on ``day`` from sorted events: the latest statement on or before it wins."""
    stay: LegalStay | None = None
    for event in events:
        if event.date > day:
            break
        if event.kind in (EventKind.LEGAL_STAY, EventKind.IDENTIFICATION) and event.legal_stay:
            stay = event.legal_stay
        elif event.kind is EventKind.ASYLUM_APPLIED:
            stay = LegalStay.ASYLUM_SEEKER
        elif event.kind is EventKind.ASYLUM_DECIDED and event.outcome is Outcome.GRANTED:
            stay = LegalStay.RESIDENCE_PERMIT
        elif event.kind is EventKind.ASYLUM_DECIDED and event.outcome is Outcome.REFUSED:
            stay = LegalStay.NONE
    return stay
