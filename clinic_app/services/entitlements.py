"""Manual health-service entitlements: a staff decision, with a mandatory reason, that adds to
or overrides what the rules compute for one service. Revoked entries stay on record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import Entitlement, Person, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    YEAR_AHEAD,
    Clock,
    check_code,
    check_date_bounds,
    check_range,
    clean_text,
    system_today,
)
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import refresh_person
from clinic_app.services.relations import require_on_person
from clinic_app.vocabulary import HealthService, Payer


@dataclass(frozen=True)
class ManualEntitlementInput:
    """``payer = Payer.NONE`` records a decision that the service is not covered."""

    service: HealthService
    payer: Payer
    reason: str
    valid_from: dt.date | None = None  # None = today
    valid_to: dt.date | None = None  # None = until revoked


@dataclass(frozen=True)
class ManualEntitlementView:
    id: int
    person_id: int
    service: HealthService
    covered: bool
    payer: Payer
    valid_from: dt.date
    valid_to: dt.date | None
    reason: str
    created_by_id: int | None
    created_at: dt.datetime
    revoked: bool
    revoked_at: dt.datetime | None


def _view(row: Entitlement) -> ManualEntitlementView:
    return ManualEntitlementView(
        id=row.id,
        person_id=row.person_id,
        service=row.service,
        covered=row.covered,
        payer=row.payer,
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        reason=row.reason,
        created_by_id=row.created_by_id,
        created_at=row.created_at,
        revoked=row.revoked_at is not None,
        revoked_at=row.revoked_at,
    )


class EntitlementService:
    """Adding, revoking and listing manual entitlements; the timeline is refreshed with each."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    def add_manual(
        self, actor: Actor, person_id: int, data: ManualEntitlementInput
    ) -> ManualEntitlementView:
        """Record an override; the reason is required. Nothing is written on bad input."""
        reason = clean_text("reason", data.reason, required=True, max_len=1000, multiline=True)
        if data.payer is Payer.UNKNOWN:
            raise Invalid(
                "payer", "unknown_payer", "A manual decision names who pays (or not covered)."
            )
        today = self._today()
        valid_from = data.valid_from or today
        check_date_bounds("valid_from", valid_from, today, days_ahead=YEAR_AHEAD)
        check_date_bounds("valid_to", data.valid_to, today, days_ahead=None)
        check_range("valid_from", valid_from, "valid_to", data.valid_to)
        data = replace(
            data,
            service=check_code("service", HealthService, data.service),
            payer=check_code("payer", Payer, data.payer),
        )
        with self._db.write() as s:
            person = self._person(s, person_id)
            require_on_person(s, actor, Action.ENTITLEMENT_OVERRIDE, person)
            row = Entitlement(
                person_id=person.id,
                service=data.service,
                payer=data.payer,
                covered=data.payer is not Payer.NONE,
                valid_from=valid_from,
                valid_to=data.valid_to,
                reason=reason,
                created_by_id=actor.user_id,
            )
            s.add(row)
            s.flush()
            refresh_person(s, person.id, self._today())
            self._audit.record(
                s,
                actor,
                "entitlement.override",
                person_id=person.id,
                target=f"entitlement:{row.id}",
                details={"fields": ["service", "payer", "valid_from", "valid_to", "reason"]},
            )
            return _view(row)

    def revoke(self, actor: Actor, entitlement_id: int) -> ManualEntitlementView:
        """Withdraw a manual entitlement: the rules' own answer applies again."""
        with self._db.write() as s:
            row = s.get(Entitlement, entitlement_id)
            if row is None:
                raise NotFound("entitlement", entitlement_id)
            person = self._person(s, row.person_id)
            require_on_person(s, actor, Action.ENTITLEMENT_OVERRIDE, person)
            if row.revoked_at is not None:
                raise Conflict("entitlement", "already revoked")
            row.revoked_at = utcnow()
            s.flush()
            refresh_person(s, person.id, self._today())
            self._audit.record(
                s,
                actor,
                "entitlement.revoke",
                person_id=person.id,
                target=f"entitlement:{row.id}",
                details={"fields": ["revoked_at"]},
            )
            return _view(row)

    def list_manual(
        self, actor: Actor, person_id: int, *, include_revoked: bool = False
    ) -> tuple[ManualEntitlementView, ...]:
        """The person's manual entitlements, newest first (audited as a view)."""
        with self._db.write() as s:
            person = self._person(s, person_id)
            require_on_person(s, actor, Action.ENTITLEMENT_VIEW, person)
            query = select(Entitlement).where(Entitlement.person_id == person.id)
            if not include_revoked:
                query = query.where(Entitlement.revoked_at.is_(None))
            rows = s.scalars(query.order_by(Entitlement.valid_from.desc(), Entitlement.id.desc()))
            views = tuple(_view(r) for r in rows)
            self._audit.record(s, actor, "entitlement.view", person_id=person.id)
            return views

    def _person(self, s: Session, person_id: int) -> Person:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFound("person", person_id)
        return person
