"""Use cases on a person's legal/case timeline: record an event, void one, list the history.

Events are checked against the legal rules before anything is written; corrections void an
event (with a reason) and never delete it. Status and deadlines are refreshed in the same unit
of work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import CaseEvent, Person, Site, utcnow
from clinic_app.rules import check_event
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    Clock,
    check_code,
    check_date_bounds,
    check_optional_code,
    clean_text,
    system_today,
)
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import birth_of, event_fact, refresh_person
from clinic_app.services.relations import require_on_person, sees_location
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    ContactChannel,
    EventKind,
    ExtensionGround,
    LegalStay,
    Outcome,
)

_KIND_ORDER = {kind: rank for rank, kind in enumerate(EventKind)}


@dataclass(frozen=True)
class EventInput:
    """One event as a form sends it. Which optional fields matter depends on ``kind``:
    identification: authority, outcome, legal_stay; legal_stay: legal_stay; first_contact:
    channel; reflection_extension_requested: ground, end_date (requested end, optional);
    reflection_extension_decided: outcome (granted / refused), end_date (from the letter);
    permit_application: applicant; permit_granted: end_date (empty = 6 months);
    permit_renewed: end_date (from the decision letter); asylum_decided: outcome."""

    kind: EventKind
    date: dt.date
    end_date: dt.date | None = None
    authority: Authority | None = None
    outcome: Outcome | None = None
    legal_stay: LegalStay | None = None
    channel: ContactChannel | None = None
    applicant: Authority | None = None
    site_id: int | None = None
    notes: str = ""
    ground: ExtensionGround | None = None


@dataclass(frozen=True)
class EventView:
    id: int
    person_id: int
    kind: EventKind
    date: dt.date
    end_date: dt.date | None
    authority: Authority | None
    outcome: Outcome | None
    legal_stay: LegalStay | None
    channel: ContactChannel | None
    applicant: Authority | None
    ground: ExtensionGround | None
    site_id: int | None
    notes: str
    created_by_id: int | None
    created_at: dt.datetime
    voided: bool
    voided_at: dt.datetime | None
    voided_reason: str


def _view(row: CaseEvent, *, show_site: bool = True) -> EventView:
    """``show_site`` False hides the event's site (a shelter stay says where she lives)."""
    return EventView(
        id=row.id,
        person_id=row.person_id,
        kind=row.kind,
        date=row.event_date,
        end_date=row.end_date,
        authority=row.authority,
        outcome=row.outcome,
        legal_stay=row.legal_stay,
        channel=row.channel,
        applicant=row.applicant,
        ground=row.ground,
        site_id=row.site_id if show_site else None,
        notes=row.notes,
        created_by_id=row.created_by_id,
        created_at=row.created_at,
        voided=row.voided_at is not None,
        voided_at=row.voided_at,
        voided_reason=row.voided_reason,
    )


def _exact_birth(person: Person) -> dt.date | None:
    """The person's birth date when it is known exactly (estimates give no lower bound)."""
    return person.birth_date if person.birth_certainty is BirthCertainty.EXACT else None


def _shows_site(actor: Actor, person: Person, row: CaseEvent) -> bool:
    """An event's site (a shelter stay: where she lived) is for the staff of her current site
    and of the event's own site, whatever their role (``person.view_location``)."""
    if row.site_id is None:
        return True
    return actor.at_site(row.site_id) or (
        person.current_site_id is not None and sees_location(actor, person.current_site_id)
    )


def _filled_fields(data: EventInput) -> list[str]:
    return sorted(k for k, v in data.__dict__.items() if v not in (None, ""))


class CaseService:
    """Recording and correcting case events. Every call checks permissions and is audited."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    def record_event(self, actor: Actor, person_id: int, data: EventInput) -> EventView:
        """Add an event after checking it against the history and the legal rules
        (``Invalid`` names the field; nothing is written)."""
        today = self._today()
        notes = clean_text("notes", data.notes, max_len=4000, multiline=True)
        if data.end_date is not None and data.end_date < data.date:
            raise Invalid("end_date", "end_before_start", "The end date is before the start date.")
        # A future date is the legal rules' own check (event_in_future), after these bounds.
        check_date_bounds("date", data.date, today, days_ahead=None)
        check_date_bounds("end_date", data.end_date, today, days_ahead=None)
        data = replace(
            data,
            kind=check_code("kind", EventKind, data.kind),
            authority=check_optional_code("authority", Authority, data.authority),
            outcome=check_optional_code("outcome", Outcome, data.outcome),
            legal_stay=check_optional_code("legal_stay", LegalStay, data.legal_stay),
            channel=check_optional_code("channel", ContactChannel, data.channel),
            applicant=check_optional_code("applicant", Authority, data.applicant),
        )
        with self._db.write() as s:
            person = self._person(s, person_id)
            require_on_person(s, actor, Action.CASE_EVENT_ADD, person)
            check_date_bounds("date", data.date, today, days_ahead=None, after=_exact_birth(person))
            if person.archived_at is not None:
                raise Conflict("person", "archived: restore the case before adding events")
            if data.site_id is not None and s.get(Site, data.site_id) is None:
                raise Invalid("site_id", "unknown_site", "No such site.")
            row = CaseEvent(
                person_id=person.id,
                kind=data.kind,
                event_date=data.date,
                end_date=data.end_date,
                authority=data.authority,
                outcome=data.outcome,
                legal_stay=data.legal_stay,
                channel=data.channel,
                applicant=data.applicant,
                ground=data.ground,
                site_id=data.site_id,
                notes=notes,
                created_by_id=actor.user_id,
            )
            existing = [event_fact(e) for e in self._events(s, person.id, include_voided=False)]
            # Raises Invalid(field, code, message) before the row is added to the session.
            check_event(existing, event_fact(row), today=today, birth=birth_of(person))
            s.add(row)
            s.flush()
            refresh_person(s, person.id, today)
            self._audit.record(
                s,
                actor,
                "case_event.add",
                person_id=person.id,
                target=f"case_event:{row.id}",
                details={"fields": _filled_fields(data)},
            )
            return _view(row)

    def void_event(self, actor: Actor, event_id: int, reason: str) -> EventView:
        """Mark an event void with a reason (it stays in the history, out of the rules).

        The history is validated again: a void that leaves it inconsistent (say, the grant
        under a renewal) is allowed, since corrections go one event at a time, but the person's
        status becomes "history needs correction" and status documents are refused until the
        history is consistent again."""
        reason = clean_text("reason", reason, required=True, max_len=1000, multiline=True)
        with self._db.write() as s:
            row = s.get(CaseEvent, event_id)
            if row is None:
                raise NotFound("case_event", event_id)
            person = self._person(s, row.person_id)
            require_on_person(s, actor, Action.CASE_EVENT_EDIT, person)
            if row.voided_at is not None:
                raise Conflict("case_event", "already void")
            row.voided_at = utcnow()
            row.voided_reason = reason
            s.flush()
            refresh_person(s, person.id, self._today())
            self._audit.record(
                s,
                actor,
                "case_event.void",
                person_id=person.id,
                target=f"case_event:{row.id}",
                details={"fields": ["voided_at", "voided_reason"]},
            )
            return _view(row, show_site=_shows_site(actor, person, row))

    def history(
        self, actor: Actor, person_id: int, *, include_voided: bool = True
    ) -> tuple[EventView, ...]:
        """The person's events in date order (then legal order, then entry order)."""
        with self._db.write() as s:
            person = self._person(s, person_id)
            require_on_person(s, actor, Action.PERSON_VIEW, person)
            rows = self._events(s, person.id, include_voided=include_voided)
            self._audit.record(s, actor, "case_event.list", person_id=person.id)
            return tuple(_view(r, show_site=_shows_site(actor, person, r)) for r in rows)

    def _person(self, s: Session, person_id: int) -> Person:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound("person", person_id)
        return person

    def _events(self, s: Session, person_id: int, *, include_voided: bool) -> list[CaseEvent]:
        query = select(CaseEvent).where(CaseEvent.person_id == person_id)
        if not include_voided:
            query = query.where(CaseEvent.voided_at.is_(None))
        rows = list(s.scalars(query))
        rows.sort(key=lambda e: (e.event_date, _KIND_ORDER[e.kind], e.id))
        return rows
