"""Pieces the clinic services share: visit views, visitor codes, site checks, relations."""

from __future__ import annotations

import datetime as dt
import secrets
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import (
    AnonymousVisitor,
    Person,
    Site,
    Visit,
    VisitServiceGiven,
)
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.relations import Relation, relation_to
from clinic_app.vocabulary import InterpreterMode, SiteKind, VisitService

# No 0/O, 1/I/L or U: a code read aloud or copied from a worn card cannot be misread.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_PREFIX = "V-"
CODE_LENGTH = 5
CLINIC_SITE_KINDS = frozenset({SiteKind.CLINIC, SiteKind.MOBILE_UNIT})


@dataclass(frozen=True)
class VisitView:
    """One visit as a list row or a detail.

    ``details_visible`` False means the actor may only know that the visit happened (date
    and site): services, reason, interpreter and follow-up are then None. ``clinical_notes``
    is None whenever the actor may not read them (and always in day views).
    """

    id: int
    visited_at: dt.datetime
    site_id: int
    site_name: str
    outing_id: int | None
    person_id: int | None
    case_ref: str | None
    display_name: str | None
    visitor_id: int | None
    visitor_code: str | None
    nickname: str | None
    details_visible: bool
    services: tuple[VisitService, ...] | None
    reason: str | None
    interpreter_language: str | None
    interpreter_mode: InterpreterMode | None
    follow_up_date: dt.date | None
    clinical_notes: str | None
    version: int

    @property
    def who(self) -> str:
        """A short label: case reference and name, or visitor code and nickname."""
        if self.case_ref is not None:
            return f"{self.case_ref} {self.display_name or ''}".strip()
        return f"{self.visitor_code or ''} {self.nickname or ''}".strip()


def normalise_code(text: str) -> str:
    """'v-7k3q9', '7K3Q9' or ' V 7K3Q9 ' -> 'V-7K3Q9' (no check that it exists)."""
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if raw.startswith("V") and len(raw) == CODE_LENGTH + 1:
        raw = raw[1:]
    return CODE_PREFIX + raw


# Codes issued before the current alphabet may also hold 0 and 1; I, L, O and U never occur.
CODE_CHARACTERS = frozenset(CODE_ALPHABET + "01")


def looks_like_code(text: str) -> bool:
    """Could this be a card code? Five characters of the card-code alphabet after an optional
    'V-'. Names such as 'Maria' or 'Ngozi' hold letters no code has; a word that does fit
    ('Kathy') may still be a name, so callers search names as well unless
    :func:`has_code_prefix`."""
    raw = normalise_code(text)[len(CODE_PREFIX) :]
    return len(raw) == CODE_LENGTH and all(ch in CODE_CHARACTERS for ch in raw)


def has_code_prefix(text: str) -> bool:
    """Typed as a card code, with its 'V-' (or 'V ') prefix: only a card code is meant."""
    t = (text or "").strip().upper()
    return looks_like_code(t) and (t.startswith("V-") or t.startswith("V "))


def new_visitor_code(s: Session) -> str:
    """A fresh unique visitor code such as 'V-7K3Q9' (24 million possibilities)."""
    for _ in range(20):
        code = CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if s.scalar(select(AnonymousVisitor.id).where(AnonymousVisitor.code == code)) is None:
            return code
    raise Conflict("visitor_code", "could not allocate a unique visitor code")


def clinic_site(s: Session, site_id: int | None, field: str = "site") -> Site:
    """The site, which must exist and be a clinic or a mobile unit."""
    site = s.get(Site, site_id) if site_id is not None else None
    if site is None:
        raise Invalid(field, "unknown_site", "Unknown site.")
    if site.kind not in CLINIC_SITE_KINDS:
        raise Invalid(field, "not_a_clinic", "Visits are recorded at a clinic or a mobile unit.")
    return site


def load_person(s: Session, person_id: int, field: str = "person") -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound(field, person_id)
    return person


def relation(s: Session, actor: Actor, person: Person | None) -> Relation:
    """How the actor relates to a person (anonymous visitors relate to nobody)."""
    return Relation() if person is None else relation_to(s, actor, person)


def may_see_details(actor: Actor, rel: Relation) -> bool:
    return allowed(actor, Action.VISIT_VIEW, own_caseload=rel.own_caseload, same_site=rel.same_site)


def may_read_notes(actor: Actor) -> bool:
    """Clinical notes without break-glass: nurses only."""
    return allowed(actor, Action.VISIT_VIEW_CLINICAL_NOTES)


def visit_query() -> Select[*tuple[Any, ...]]:
    """Visits with their site name, person (case ref, name) and visitor (code, nickname)."""
    visitor = aliased(AnonymousVisitor)
    return (
        select(
            Visit,
            Site.name,
            Person.case_ref,
            Person.display_name,
            visitor.code,
            visitor.nickname,
        )
        .join(Site, Site.id == Visit.site_id)
        .outerjoin(Person, Person.id == Visit.person_id)
        .outerjoin(visitor, visitor.id == Visit.visitor_id)
    )


def services_of(s: Session, visit_ids: Sequence[int]) -> dict[int, tuple[VisitService, ...]]:
    found: dict[int, list[VisitService]] = defaultdict(list)
    for chunk_start in range(0, len(visit_ids), 500):
        chunk = visit_ids[chunk_start : chunk_start + 500]
        rows = s.execute(
            select(VisitServiceGiven.visit_id, VisitServiceGiven.service).where(
                VisitServiceGiven.visit_id.in_(chunk)
            )
        )
        for vid, service in rows:
            found[vid].append(service)
    order = {v: i for i, v in enumerate(VisitService)}
    return {vid: tuple(sorted(svcs, key=order.__getitem__)) for vid, svcs in found.items()}


def visit_views(
    s: Session,
    rows: Iterable[Any],
    *,
    details: bool,
    notes: bool,
) -> tuple[VisitView, ...]:
    """Build views from :func:`visit_query` rows, hiding what the actor may not see."""
    rows = list(rows)
    services = services_of(s, [r[0].id for r in rows]) if details else {}
    return tuple(
        view_of(v, site_name, ref, name, code, nick, services.get(v.id, ()), details, notes)
        for v, site_name, ref, name, code, nick in rows
    )


def view_of(
    v: Visit,
    site_name: str,
    case_ref: str | None,
    display_name: str | None,
    code: str | None,
    nickname: str | None,
    services: tuple[VisitService, ...],
    details: bool,
    notes: bool,
) -> VisitView:
    return VisitView(
        id=v.id,
        visited_at=v.visited_at,
        site_id=v.site_id,
        site_name=site_name,
        outing_id=v.outing_id,
        person_id=v.person_id,
        case_ref=case_ref,
        display_name=display_name,
        visitor_id=v.visitor_id,
        visitor_code=code,
        nickname=nickname,
        details_visible=details,
        services=services if details else None,
        reason=v.reason if details else None,
        interpreter_language=v.interpreter_language if details else None,
        interpreter_mode=v.interpreter_mode if details else None,
        follow_up_date=v.follow_up_date if details else None,
        clinical_notes=v.clinical_notes if details and notes else None,
        version=v.version,
    )


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time())
    return start, start + dt.timedelta(days=1)


def parse_services(
    values: Iterable[VisitService | str], field: str = "services"
) -> tuple[VisitService, ...]:
    """Services as enum members, without repeats; Invalid for an unknown service."""
    out: list[VisitService] = []
    for value in values:
        try:
            service = VisitService(value)
        except ValueError:
            raise Invalid(field, "unknown_service", "Unknown service.") from None
        if service not in out:
            out.append(service)
    return tuple(out)
