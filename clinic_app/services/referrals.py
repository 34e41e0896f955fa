"""Referrals from the clinic to a doctor, dentist, psychologist, hospital or specialist."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import AnonymousVisitor, Partner, Person, Referral, Site, Visit, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.clinic_common import may_read_notes, relation
from clinic_app.services.database import Database
from clinic_app.services.visits import VisitReferral, clean_referral, insert_referral
from clinic_app.vocabulary import ReferralStatus, Urgency

URGENCY_ORDER = {Urgency.URGENT: 0, Urgency.SOON: 1, Urgency.ROUTINE: 2}


@dataclass(frozen=True)
class ReferralInput:
    """A referral for a person or a visitor (exactly one), or for the person/visitor of
    ``visit_id`` when neither is given. ``specialty``: a key of REFERRAL_SPECIALTIES."""

    specialty: str
    reason: str
    urgency: Urgency = Urgency.ROUTINE
    partner_id: int | None = None
    person_id: int | None = None
    visitor_id: int | None = None
    visit_id: int | None = None


@dataclass(frozen=True)
class ReferralView:
    id: int
    person_id: int | None
    case_ref: str | None
    display_name: str | None
    visitor_id: int | None
    visitor_code: str | None
    nickname: str | None
    visit_id: int | None
    site_id: int | None
    site_name: str | None
    partner_id: int | None
    partner_name: str | None
    specialty: str
    reason: str | None  # a health detail: None unless the actor may read clinical notes
    urgency: Urgency
    status: ReferralStatus
    created_at: dt.datetime
    done_at: dt.datetime | None


class ReferralService:
    """Create referrals, list the open ones, mark them done or cancelled."""

    def __init__(self, db: Database, audit: AuditTrail) -> None:
        self._db = db
        self._audit = audit

    def create(self, actor: Actor, data: ReferralInput) -> ReferralView:
        """A new open referral. Nothing is written if the input is bad."""
        clean = clean_referral(VisitReferral(data.specialty, data.reason, data.urgency))
        if data.person_id is not None and data.visitor_id is not None:
            raise Invalid("who", "both_given", "A referral is either a person's or a visitor's.")
        with self._db.write() as s:
            person_id, visitor_id = data.person_id, data.visitor_id
            if data.visit_id is not None:
                visit = s.get(Visit, data.visit_id)
                if visit is None:
                    raise Invalid("visit", "unknown_visit", "Unknown visit.")
                if person_id is None and visitor_id is None:
                    person_id, visitor_id = visit.person_id, visit.visitor_id
                elif (person_id or visit.person_id) != visit.person_id or (
                    visitor_id or visit.visitor_id
                ) != visit.visitor_id:
                    raise Invalid("visit", "other_person", "The visit is someone else's.")
            if person_id is None and visitor_id is None:
                raise Invalid("who", "required", "Choose a registered person or a visitor.")
            person = None
            if visitor_id is not None:
                visitor = s.get(AnonymousVisitor, visitor_id)
                if visitor is None:
                    raise NotFound("visitor", visitor_id)
                person_id = person_id or visitor.linked_person_id
            if person_id is not None:
                person = s.get(Person, person_id)
                if person is None:
                    raise NotFound("person", person_id)
            rel = relation(s, actor, person)
            require(
                actor,
                Action.REFERRAL_CREATE,
                own_caseload=rel.own_caseload,
                same_site=rel.same_site,
            )
            referral = insert_referral(
                s,
                self._audit,
                actor,
                replace(clean, partner_id=data.partner_id),
                person_id,
                visitor_id,
                data.visit_id,
            )
            return self._one(s, actor, referral.id)

    def get(self, actor: Actor, referral_id: int) -> ReferralView:
        with self._db.write() as s:
            referral = self._load(s, referral_id)
            self._require(s, actor, Action.VISIT_VIEW, referral)
            self._audit.record(
                s,
                actor,
                "referral.view",
                person_id=referral.person_id,
                target=f"referral:{referral.id}",
            )
            return self._one(s, actor, referral.id)

    def mark_done(self, actor: Actor, referral_id: int) -> ReferralView:
        return self._close(actor, referral_id, ReferralStatus.DONE)

    def cancel(self, actor: Actor, referral_id: int) -> ReferralView:
        return self._close(actor, referral_id, ReferralStatus.CANCELLED)

    def open_referrals(self, actor: Actor, site_id: int | None = None) -> tuple[ReferralView, ...]:
        """Open referrals, most urgent and oldest first; ``site_id`` keeps those made at
        visits to that site."""
        require(actor, Action.VISIT_VIEW)
        with self._db.write() as s:
            q = _query().where(Referral.status == ReferralStatus.OPEN)
            if site_id is not None:
                q = q.where(Visit.site_id == site_id)
            notes = may_read_notes(actor)
            rows = s.execute(q.order_by(Referral.created_at, Referral.id))
            views = [_view(notes, *row) for row in rows]
            views.sort(key=lambda v: URGENCY_ORDER[v.urgency])
            self._audit.record(
                s,
                actor,
                "referral.list",
                details={"site_id": site_id, "results": len(views)},
                listed=[v.person_id for v in views if v.person_id is not None],
            )
            return tuple(views)

    def for_person(self, actor: Actor, person_id: int) -> tuple[ReferralView, ...]:
        """All of a person's referrals, newest first."""
        with self._db.write() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("person", person_id)
            rel = relation(s, actor, person)
            require(
                actor, Action.VISIT_VIEW, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            rows = s.execute(
                _query()
                .where(Referral.person_id == person_id)
                .order_by(Referral.created_at.desc(), Referral.id.desc())
            )
            notes = may_read_notes(actor)
            views = tuple(_view(notes, *row) for row in rows)
            self._audit.record(
                s, actor, "referral.list", person_id=person_id, details={"results": len(views)}
            )
            return views

    # --- internals -------------------------------------------------------------------------

    def _close(self, actor: Actor, referral_id: int, status: ReferralStatus) -> ReferralView:
        with self._db.write() as s:
            referral = self._load(s, referral_id)
            self._require(s, actor, Action.REFERRAL_CLOSE, referral)
            if referral.status is not ReferralStatus.OPEN:
                raise Conflict("referral", f"already {referral.status.value}")
            referral.status = status
            referral.done_at = utcnow()
            s.flush()
            self._audit.record(
                s,
                actor,
                f"referral.{'done' if status is ReferralStatus.DONE else 'cancel'}",
                person_id=referral.person_id,
                target=f"referral:{referral.id}",
            )
            return self._one(s, actor, referral.id)

    def _load(self, s: Session, referral_id: int) -> Referral:
        referral = s.get(Referral, referral_id)
        if referral is None:
            raise NotFound("referral", referral_id)
        return referral

    def _require(self, s: Session, actor: Actor, action: Action, referral: Referral) -> None:
        person = s.get(Person, referral.person_id) if referral.person_id is not None else None
        rel = relation(s, actor, person)
        require(actor, action, own_caseload=rel.own_caseload, same_site=rel.same_site)

    def _one(self, s: Session, actor: Actor, referral_id: int) -> ReferralView:
        return _view(
            may_read_notes(actor), *s.execute(_query().where(Referral.id == referral_id)).one()
        )


def _query() -> Select[*tuple[Any, ...]]:
    visitor = aliased(AnonymousVisitor)
    return (
        select(
            Referral,
            Person.case_ref,
            Person.display_name,
            visitor.code,
            visitor.nickname,
            Visit.site_id,
            Site.name,
            Partner.name,
        )
        .outerjoin(Person, Person.id == Referral.person_id)
        .outerjoin(visitor, visitor.id == Referral.visitor_id)
        .outerjoin(Visit, Visit.id == Referral.visit_id)
        .outerjoin(Site, Site.id == Visit.site_id)
        .outerjoin(Partner, Partner.id == Referral.partner_id)
    )


def _view(
    notes: bool,
    r: Referral,
    case_ref: str | None,
    name: str | None,
    code: str | None,
    nickname: str | None,
    site_id: int | None,
    site_name: str | None,
    partner_name: str | None,
) -> ReferralView:
    return ReferralView(
        id=r.id,
        person_id=r.person_id,
        case_ref=case_ref,
        display_name=name,
        visitor_id=r.visitor_id,
        visitor_code=code,
        nickname=nickname,
        visit_id=r.visit_id,
        site_id=site_id,
        site_name=site_name,
        partner_id=r.partner_id,
        partner_name=partner_name,
        specialty=r.specialty,
        reason=r.reason if notes else None,
        urgency=r.urgency,
        status=r.status,
        created_at=r.created_at,
        done_at=r.done_at,
    )
