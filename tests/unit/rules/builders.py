"""Short constructors for rule facts used across the rules tests."""

from __future__ import annotations

import datetime as dt

from clinic_app.rules import EventFact
from clinic_app.vocabulary import Authority, EventKind, ExtensionGround, LegalStay, Outcome

D = dt.date


def contact(day: dt.date) -> EventFact:
    return EventFact(EventKind.FIRST_CONTACT, day)


def identified(
    day: dt.date,
    authority: Authority = Authority.IMMIGRATION_SERVICE,
    stay: LegalStay | None = LegalStay.NONE,
) -> EventFact:
    return EventFact(
        EventKind.IDENTIFICATION, day, authority=authority, outcome=Outcome.IDENTIFIED,
        legal_stay=stay,
    )  # fmt: skip


def not_identified(
    day: dt.date,
    authority: Authority = Authority.IMMIGRATION_SERVICE,
    stay: LegalStay | None = LegalStay.NONE,
) -> EventFact:
    return EventFact(
        EventKind.IDENTIFICATION, day, authority=authority, outcome=Outcome.NOT_IDENTIFIED,
        legal_stay=stay,
    )  # fmt: skip


def stay(day: dt.date, legal_stay: LegalStay) -> EventFact:
    return EventFact(EventKind.LEGAL_STAY, day, legal_stay=legal_stay)


def reflection(day: dt.date) -> EventFact:
    return EventFact(EventKind.REFLECTION_START, day)


def extension(day: dt.date, new_end: dt.date) -> EventFact:
    """An extension granted by a decision letter (what an old ``reflection_extension``
    migrates to)."""
    return decision(day, True, new_end)


def request(
    day: dt.date,
    ground: ExtensionGround | None = ExtensionGround.RETURN_COOPERATION,
    until: dt.date | None = None,
) -> EventFact:
    return EventFact(EventKind.REFLECTION_EXTENSION_REQUESTED, day, end_date=until, ground=ground)


def decision(day: dt.date, granted: bool, until: dt.date | None = None) -> EventFact:
    outcome = Outcome.GRANTED if granted else Outcome.REFUSED
    return EventFact(EventKind.REFLECTION_EXTENSION_DECIDED, day, end_date=until, outcome=outcome)


def cooperation(day: dt.date) -> EventFact:
    return EventFact(EventKind.AVR_COOPERATION, day)


def application(day: dt.date, applicant: Authority = Authority.POLICE) -> EventFact:
    return EventFact(EventKind.PERMIT_APPLICATION, day, applicant=applicant)


def permit(day: dt.date, until: dt.date | None = None, event_id: int | None = None) -> EventFact:
    return EventFact(EventKind.PERMIT_GRANTED, day, end_date=until, event_id=event_id)


def renewal(day: dt.date, until: dt.date | None = None) -> EventFact:
    return EventFact(EventKind.PERMIT_RENEWED, day, end_date=until)


def permit_ended(day: dt.date) -> EventFact:
    return EventFact(EventKind.PERMIT_ENDED, day)


def asylum_applied(day: dt.date) -> EventFact:
    return EventFact(EventKind.ASYLUM_APPLIED, day)


def asylum_decided(day: dt.date, granted: bool) -> EventFact:
    outcome = Outcome.GRANTED if granted else Outcome.REFUSED
    return EventFact(EventKind.ASYLUM_DECIDED, day, outcome=outcome)


def avr_referral(day: dt.date) -> EventFact:
    return EventFact(EventKind.AVR_REFERRAL, day)


def departure(day: dt.date) -> EventFact:
    return EventFact(EventKind.AVR_DEPARTURE, day)


def closed(day: dt.date) -> EventFact:
    return EventFact(EventKind.CASE_CLOSED, day)
