"""Anonymous clinic visitors: a code on a card, perhaps a first name, and their history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Result, func, select, update
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import AnonymousVisitor, Person, Referral, Site, Visit, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.clinic_common import (
    CLINIC_SITE_KINDS,
    VisitView,
    looks_like_code,
    may_read_notes,
    new_visitor_code,
    normalise_code,
    relation,
    visit_query,
    visit_views,
)
from clinic_app.services.common import Clock, check_country, clean_text, system_today
from clinic_app.services.database import Database
from clinic_app.services.text import fold
from clinic_app.vocabulary import AgeBand

SEARCH_LIMIT = 50


@dataclass(frozen=True)
class VisitorInput:
    """A new anonymous visitor. Everything is optional: identification is never forced."""

    nickname: str = ""
    age_band: AgeBand = AgeBand.UNKNOWN
    nationality: str | None = None  # ISO 3166-1 alpha-2
    language: str = ""
    first_site_id: int | None = None


@dataclass(frozen=True)
class VisitorView:
    id: int
    code: str
    nickname: str
    age_band: AgeBand
    nationality: str | None
    language: str
    first_site_id: int | None
    linked_person_id: int | None
    linked_case_ref: str | None
    linked_at: dt.datetime | None
    visit_count: int
    last_visit: dt.datetime | None


class VisitorService:
    """Create, find and link anonymous visitors. Viewing needs ``visit.view`` for any record
    (nurses, team leads, administrators); creating needs ``visit.create`` (nurses)."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    def create(self, actor: Actor, data: VisitorInput) -> VisitorView:
        """A new visitor with a fresh card code such as 'V-7K3Q9'."""
        require(actor, Action.VISIT_CREATE)
        clean = clean_visitor(data, "")
        with self._db.write() as s:
            visitor = add_visitor(s, clean)
            self._audit.record(
                s,
                actor,
                "visitor.create",
                target=f"visitor:{visitor.id}",
                details={"fields": visitor_fields(clean)},
            )
            return _view(s, visitor)

    def get(self, actor: Actor, visitor_id: int) -> VisitorView:
        require(actor, Action.VISIT_VIEW)
        with self._db.write() as s:
            visitor = _load(s, visitor_id)
            self._audit.record(s, actor, "visitor.view", target=f"visitor:{visitor.id}")
            return _view(s, visitor)

    def find_by_code(self, actor: Actor, code: str) -> VisitorView:
        """The visitor with this card code (case, spaces and the 'V-' prefix do not matter)."""
        require(actor, Action.VISIT_VIEW)
        wanted = normalise_code(code)
        with self._db.write() as s:
            visitor = s.scalar(select(AnonymousVisitor).where(AnonymousVisitor.code == wanted))
            if visitor is None:
                raise NotFound("visitor", wanted[:16])
            self._audit.record(s, actor, "visitor.view", target=f"visitor:{visitor.id}")
            return _view(s, visitor)

    def search(self, actor: Actor, text: str, limit: int = 20) -> tuple[VisitorView, ...]:
        """Visitors by exact code, else by nickname (accents and case ignored; every word
        must appear). Audited without the search text."""
        require(actor, Action.VISIT_VIEW)
        if not 1 <= limit <= SEARCH_LIMIT:
            raise Invalid("limit", "out_of_range", f"Between 1 and {SEARCH_LIMIT}.")
        words = fold(clean_text("text", text, max_len=100)).split()
        with self._db.write() as s:
            found: list[AnonymousVisitor] = []
            if looks_like_code(text):
                hit = s.scalar(
                    select(AnonymousVisitor).where(AnonymousVisitor.code == normalise_code(text))
                )
                if hit is not None:
                    found.append(hit)
            if not found and words:
                # Nicknames are short and few (a clinic meets some thousands of visitors), so
                # folding in Python keeps accent-insensitive matching without a search column.
                rows = s.execute(
                    select(AnonymousVisitor.id, AnonymousVisitor.nickname).where(
                        AnonymousVisitor.nickname != ""
                    )
                )
                ids = [vid for vid, nick in rows if all(w in fold(nick) for w in words)]
                if ids:
                    found = list(
                        s.scalars(
                            select(AnonymousVisitor)
                            .where(AnonymousVisitor.id.in_(ids[:500]))
                            .order_by(AnonymousVisitor.nickname, AnonymousVisitor.id)
                        )
                    )
            views = [_view(s, v) for v in found]
            # Most recently seen first: the visitor at the desk today is usually a regular.
            views.sort(key=lambda v: v.last_visit or dt.datetime.min, reverse=True)
            self._audit.record(
                s, actor, "visitor.search", details={"terms": len(words), "results": len(views)}
            )
            return tuple(views[:limit])

    def history(self, actor: Actor, visitor_id: int) -> tuple[VisitView, ...]:
        """The visitor's visits, newest first; clinical notes for nurses only."""
        require(actor, Action.VISIT_VIEW)
        with self._db.write() as s:
            visitor = _load(s, visitor_id)
            rows = s.execute(
                visit_query()
                .where(Visit.visitor_id == visitor.id)
                .order_by(Visit.visited_at.desc(), Visit.id.desc())
            ).all()
            notes = may_read_notes(actor)
            views = visit_views(s, rows, details=True, notes=notes)
            self._audit.record(
                s,
                actor,
                "visitor.history",
                person_id=visitor.linked_person_id,
                target=f"visitor:{visitor.id}",
                details={"visits": len(views), "clinical_notes": notes},
            )
            return views

    def link_to_person(
        self, actor: Actor, visitor_id: int, person_id: int, reason: str
    ) -> VisitorView:
        """Link a visitor to a registered person (she entered a shelter). Her visits and
        referrals are carried over to the person; the visitor code keeps working.

        It changes her record, so it needs the right to edit that person and to record
        visits, and a reason; :meth:`unlink` undoes it."""
        why = clean_text("reason", reason, required=True, max_len=1000)
        require(actor, Action.VISIT_CREATE)
        with self._db.write() as s:
            visitor = _load(s, visitor_id)
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("person", person_id)
            rel = relation(s, actor, person)
            require(
                actor, Action.PERSON_EDIT, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            if visitor.linked_person_id is not None and visitor.linked_person_id != person.id:
                raise Conflict("visitor", "already linked to another person")
            visits, referrals = _move(s, visitor.id, None, person.id)
            if visitor.linked_person_id is None:
                visitor.linked_person_id = person.id
                visitor.linked_at = utcnow()
            s.flush()
            self._audit.record(
                s,
                actor,
                "visitor.link",
                person_id=person.id,
                target=f"visitor:{visitor.id}",
                details={
                    "visitor_id": visitor.id,
                    "person_id": person.id,
                    "visits": visits,
                    "referrals": referrals,
                    "reason": why,
                },
            )
            return _view(s, visitor)

    def unlink(self, actor: Actor, visitor_id: int, reason: str) -> VisitorView:
        """Undo a link made in error: the visitor's visits and referrals go back to the
        anonymous visitor (those recorded for the person herself stay). Same rights as
        linking; audited with the reason."""
        why = clean_text("reason", reason, required=True, max_len=1000)
        require(actor, Action.VISIT_CREATE)
        with self._db.write() as s:
            visitor = _load(s, visitor_id)
            if visitor.linked_person_id is None:
                raise Conflict("visitor", "not linked to a person")
            person = s.get(Person, visitor.linked_person_id)
            if person is not None:
                rel = relation(s, actor, person)
                require(
                    actor,
                    Action.PERSON_EDIT,
                    own_caseload=rel.own_caseload,
                    same_site=rel.same_site,
                )
            person_id = visitor.linked_person_id
            visits, referrals = _move(s, visitor.id, person_id, None)
            visitor.linked_person_id = None
            visitor.linked_at = None
            s.flush()
            self._audit.record(
                s,
                actor,
                "visitor.unlink",
                person_id=person_id,
                target=f"visitor:{visitor.id}",
                details={
                    "visitor_id": visitor.id,
                    "person_id": person_id,
                    "visits": visits,
                    "referrals": referrals,
                    "reason": why,
                },
            )
            return _view(s, visitor)


def _move(s: Session, visitor_id: int, old: int | None, new: int | None) -> tuple[int, int]:
    """Give the visitor's visits and referrals held by ``old`` (None: nobody) to ``new``."""

    def held(col: Any) -> Any:
        return col.is_(None) if old is None else col == old

    visits = _count(
        s.execute(
            update(Visit)
            .where(Visit.visitor_id == visitor_id, held(Visit.person_id))
            .values(person_id=new, version=Visit.version + 1)
            .execution_options(synchronize_session=False)
        )
    )
    referrals = _count(
        s.execute(
            update(Referral)
            .where(Referral.visitor_id == visitor_id, held(Referral.person_id))
            .values(person_id=new)
            .execution_options(synchronize_session=False)
        )
    )
    return visits, referrals


# --- helpers shared with the visit service ----------------------------------------------------


def clean_visitor(data: VisitorInput, prefix: str) -> VisitorInput:
    """Validated copy of ``data``; field names get ``prefix`` (for rows of an outing grid)."""
    try:
        band = AgeBand(data.age_band)
    except ValueError:
        raise Invalid(f"{prefix}age_band", "unknown_age_band", "Unknown age band.") from None
    language = clean_text(f"{prefix}language", data.language, max_len=16)
    if language and not all(part.isalnum() for part in language.split("-")):
        raise Invalid(
            f"{prefix}language", "bad_language_tag", "Use a language code such as 'ro' or 'uk'."
        )
    return VisitorInput(
        nickname=clean_text(f"{prefix}nickname", data.nickname, max_len=100),
        age_band=band,
        nationality=check_country(f"{prefix}nationality", data.nationality),
        language=language.lower(),
        first_site_id=data.first_site_id,
    )


def add_visitor(s: Session, data: VisitorInput) -> AnonymousVisitor:
    """Insert a cleaned visitor with a new code (the caller audits)."""
    if data.first_site_id is not None:
        site = s.get(Site, data.first_site_id)
        if site is None or site.kind not in CLINIC_SITE_KINDS:
            raise Invalid("site", "not_a_clinic", "Visits are recorded at a clinic or mobile unit.")
    visitor = AnonymousVisitor(
        code=new_visitor_code(s),
        nickname=data.nickname,
        age_band=data.age_band,
        nationality=data.nationality,
        language=data.language,
        first_site_id=data.first_site_id,
    )
    s.add(visitor)
    s.flush()
    return visitor


def visitor_fields(data: VisitorInput) -> list[str]:
    return sorted(k for k, v in data.__dict__.items() if v not in (None, "", AgeBand.UNKNOWN))


def _count(result: Result[*tuple[Any, ...]]) -> int:
    return int(cast(CursorResult[*tuple[Any, ...]], result).rowcount)


def _load(s: Session, visitor_id: int) -> AnonymousVisitor:
    visitor = s.get(AnonymousVisitor, visitor_id)
    if visitor is None:
        raise NotFound("visitor", visitor_id)
    return visitor


def _view(s: Session, v: AnonymousVisitor) -> VisitorView:
    count, last = s.execute(
        select(func.count(Visit.id), func.max(Visit.visited_at)).where(Visit.visitor_id == v.id)
    ).one()
    ref = (
        s.scalar(select(Person.case_ref).where(Person.id == v.linked_person_id))
        if v.linked_person_id is not None
        else None
    )
    return VisitorView(
        id=v.id,
        code=v.code,
        nickname=v.nickname,
        age_band=v.age_band,
        nationality=v.nationality,
        language=v.language,
        first_site_id=v.first_site_id,
        linked_person_id=v.linked_person_id,
        linked_case_ref=ref,
        linked_at=v.linked_at,
        visit_count=int(count or 0),
        last_visit=last,
    )
