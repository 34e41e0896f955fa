"""Consent to share a person's information with a partner (or any partner of a kind) for a
stated purpose: recording, withdrawing, listing, and the match printing relies on.

A consent names a recipient (one partner, or a partner kind such as "any lawyer"), a
purpose, the data categories it covers and a validity period. The purpose is stored as its
code, optionally followed by ``": "`` and the words the person agreed to
(``"health_care: dental treatment at the clinic"``); a purpose text that starts with no known
code matches no document, so an old free-text consent never silently allows printing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import Consent, Partner, Person, User, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    YEAR_AHEAD,
    Clock,
    check_date_bounds,
    check_optional_code,
    check_range,
    clean_text,
    system_today,
)
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import refresh_person
from clinic_app.services.relations import require_on_person
from clinic_app.vocabulary import DataCategory, PartnerKind


class Purpose(StrEnum):
    """Why information is shared; each document type serves one purpose."""

    LEGAL_STATUS = "legal_status"  # confirm identification, reflection period, permits
    CASE_WORK = "case_work"  # coordinate support: action plan, a minor's guardian
    HEALTH_CARE = "health_care"  # treatment, referral, visit follow-up
    ASSISTED_RETURN = "assisted_return"  # IOM's assisted voluntary return and reintegration


PURPOSE_LABELS: dict[tuple[str, Purpose], str] = {
    ("en", Purpose.LEGAL_STATUS): "Confirmation of legal status and rights",
    ("da", Purpose.LEGAL_STATUS): "Bekræftelse af retsstilling og rettigheder",
    ("en", Purpose.CASE_WORK): "Coordinating support and the action plan",
    ("da", Purpose.CASE_WORK): "Koordinering af støtte og handleplan",
    ("en", Purpose.HEALTH_CARE): "Health care and treatment",
    ("da", Purpose.HEALTH_CARE): "Sundhedsbehandling",
    ("en", Purpose.ASSISTED_RETURN): "Assisted voluntary return and reintegration",
    ("da", Purpose.ASSISTED_RETURN): "Assisteret frivillig hjemrejse og reintegration",
}


def purpose_of(text: str) -> Purpose | None:
    """The purpose code a stored purpose text starts with, or None (free text only)."""
    code = text.partition(":")[0].strip()
    try:
        return Purpose(code)
    except ValueError:
        return None


def purpose_note(text: str) -> str:
    """The free words after the purpose code (the whole text if it has no code)."""
    if purpose_of(text) is None:
        return text.strip()
    return text.partition(":")[2].strip()


def purpose_text(text: str, language: str) -> str:
    """The stored purpose as a person reads it: the label, then the agreed words."""
    purpose = purpose_of(text)
    note = purpose_note(text)
    if purpose is None:
        return note
    label = PURPOSE_LABELS[("da" if language == "da" else "en", purpose)]
    return f"{label}: {note}" if note else label


@dataclass(frozen=True)
class ConsentInput:
    """One consent as a form sends it: ``partner_id`` or ``partner_kind`` (exactly one)."""

    purpose: Purpose
    data_categories: tuple[DataCategory, ...]
    valid_from: dt.date
    valid_to: dt.date | None = None
    partner_id: int | None = None
    partner_kind: PartnerKind | None = None
    purpose_note: str = ""  # the words the person agreed to, beyond the purpose itself


@dataclass(frozen=True)
class ConsentView:
    id: int
    person_id: int
    partner_id: int | None
    partner_name: str | None
    partner_kind: PartnerKind | None  # set for a consent to any partner of a kind
    purpose: Purpose | None  # None: a free-text purpose that matches no document
    purpose_text: str  # as stored
    data_categories: tuple[DataCategory, ...]
    valid_from: dt.date
    valid_to: dt.date | None
    withdrawn_at: dt.datetime | None
    recorded_by: str | None
    active: bool  # valid today and not withdrawn

    @property
    def recipient(self) -> str:
        """The partner's name, or "any <kind>" for a consent to a partner kind."""
        if self.partner_name:
            return self.partner_name
        return f"any {self.partner_kind}" if self.partner_kind else ""


def categories_of(text: str) -> tuple[DataCategory, ...]:
    """Parse the stored comma-separated categories, ignoring unknown values."""
    out: list[DataCategory] = []
    for raw in text.split(","):
        try:
            out.append(DataCategory(raw.strip()))
        except ValueError:
            continue
    return tuple(out)


def consent_active(c: Consent, day: dt.date) -> bool:
    return (
        c.withdrawn_at is None and c.valid_from <= day and (c.valid_to is None or c.valid_to >= day)
    )


def consent_covers(c: Consent, partner: Partner) -> bool:
    """Does ``c`` name ``partner``, or a kind ``partner`` belongs to?"""
    if c.partner_id is not None:
        return c.partner_id == partner.id
    return c.partner_kind is not None and c.partner_kind == partner.kind


@dataclass(frozen=True)
class ConsentMatch:
    """The result of looking for a consent: the matching one, or why none matched."""

    consent_id: int | None
    reason: str  # "" when matched; else a plain English sentence without personal data
    code: str  # "ok", "no_consent", "withdrawn", "not_yet_valid", "expired", "purpose",
    # "categories"


def find_consent(
    s: Session,
    person_id: int,
    partner: Partner,
    purpose: Purpose,
    categories: Iterable[DataCategory],
    day: dt.date,
) -> ConsentMatch:
    """The person's consent allowing ``categories`` to go to ``partner`` for ``purpose`` on
    ``day``; when there is none, the most helpful reason why (closest candidate first)."""
    needed = set(categories)
    rows = [
        c
        for c in s.scalars(select(Consent).where(Consent.person_id == person_id))
        if consent_covers(c, partner)
    ]
    for c in rows:
        if (
            consent_active(c, day)
            and purpose_of(c.purpose) is purpose
            and needed <= set(categories_of(c.data_categories))
        ):
            return ConsentMatch(c.id, "", "ok")
    if not rows:
        return ConsentMatch(
            None, "The person has not consented to sharing with this partner.", "no_consent"
        )
    fitting = [c for c in rows if purpose_of(c.purpose) is purpose]
    if not fitting:
        return ConsentMatch(
            None, f"No consent covers the purpose '{purpose.value}' for this partner.", "purpose"
        )
    live = [c for c in fitting if consent_active(c, day)]
    if live:
        missing = sorted(
            {cat.value for c in live for cat in needed - set(categories_of(c.data_categories))}
        )
        return ConsentMatch(
            None,
            "The consent does not cover these data categories: " + ", ".join(missing) + ".",
            "categories",
        )
    if any(c.withdrawn_at is not None for c in fitting):
        return ConsentMatch(None, "The person withdrew the consent for this partner.", "withdrawn")
    if any(c.valid_from > day for c in fitting):
        return ConsentMatch(None, "The consent is not valid yet.", "not_yet_valid")
    return ConsentMatch(None, "The consent for this partner has expired.", "expired")


class ConsentService:
    """Recording and withdrawing consents (``consent.edit``); listing them with the person.

    Consent expiry is a deadline on the person's timeline, so every change refreshes it.
    """

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    def record(self, actor: Actor, person_id: int, data: ConsentInput) -> ConsentView:
        """Record a consent the person gave. Nothing is written if input is bad."""
        note = clean_text("purpose_note", data.purpose_note, max_len=2000, multiline=True)
        try:
            purpose = Purpose(data.purpose)
        except ValueError:
            raise Invalid("purpose", "unknown", "Unknown purpose.") from None
        try:
            cats = tuple(dict.fromkeys(DataCategory(c) for c in data.data_categories))
        except ValueError:
            raise Invalid("data_categories", "unknown", "Unknown data category.") from None
        if not cats:
            raise Invalid("data_categories", "required", "Choose at least one kind of data.")
        if (data.partner_id is None) == (data.partner_kind is None):
            raise Invalid("partner", "one_recipient", "Choose one partner, or one kind of partner.")
        today = self._today()
        check_date_bounds("valid_from", data.valid_from, today, days_ahead=YEAR_AHEAD)
        check_date_bounds("valid_to", data.valid_to, today, days_ahead=None)
        check_range("valid_from", data.valid_from, "valid_to", data.valid_to)
        kind = check_optional_code("partner_kind", PartnerKind, data.partner_kind)
        with self._db.write() as s:
            person = _person(s, person_id)
            require_on_person(s, actor, Action.CONSENT_EDIT, person)
            if data.partner_id is not None:
                partner = s.get(Partner, data.partner_id)
                if partner is None or partner.archived:
                    raise Invalid("partner", "unknown", "No such partner in the directory.")
            row = Consent(
                person_id=person.id,
                partner_id=data.partner_id,
                partner_kind=kind,
                purpose=f"{purpose.value}: {note}" if note else purpose.value,
                data_categories=",".join(c.value for c in cats),
                valid_from=data.valid_from,
                valid_to=data.valid_to,
                recorded_by_id=actor.user_id,
            )
            s.add(row)
            s.flush()
            refresh_person(s, person.id, self._today())
            self._audit.record(
                s,
                actor,
                "consent.record",
                person_id=person.id,
                target=f"consent:{row.id}",
                details={
                    "partner_id": data.partner_id,
                    "partner_kind": kind.value if kind else None,
                    "purpose": purpose.value,
                    "categories": [c.value for c in cats],
                },
            )
            return self._view(s, row)

    def withdraw(self, actor: Actor, consent_id: int) -> ConsentView:
        """The person withdraws a consent: from now on it allows nothing."""
        with self._db.write() as s:
            # Locked: a second workstation withdrawing at the same moment waits, then sees it.
            row = s.get(Consent, consent_id, with_for_update=True)
            if row is None:
                raise NotFound("consent", consent_id)
            person = _person(s, row.person_id)
            require_on_person(s, actor, Action.CONSENT_EDIT, person)
            if row.withdrawn_at is not None:
                raise Conflict("consent", "already withdrawn")
            row.withdrawn_at = utcnow()
            s.flush()
            refresh_person(s, person.id, self._today())
            self._audit.record(
                s,
                actor,
                "consent.withdraw",
                person_id=person.id,
                target=f"consent:{row.id}",
                details={"fields": ["withdrawn_at"]},
            )
            return self._view(s, row)

    def list_for_person(self, actor: Actor, person_id: int) -> tuple[ConsentView, ...]:
        """The person's consents, newest first (audited as a view)."""
        with self._db.write() as s:
            person = _person(s, person_id)
            require_on_person(s, actor, Action.PERSON_VIEW, person)
            rows = s.scalars(
                select(Consent)
                .where(Consent.person_id == person.id)
                .order_by(Consent.valid_from.desc(), Consent.id.desc())
            ).all()
            self._audit.record(
                s, actor, "consent.list", person_id=person.id, details={"count": len(rows)}
            )
            return tuple(self._view(s, r) for r in rows)

    def get(self, actor: Actor, consent_id: int) -> ConsentView:
        with self._db.write() as s:
            row = s.get(Consent, consent_id)
            if row is None:
                raise NotFound("consent", consent_id)
            person = _person(s, row.person_id)
            require_on_person(s, actor, Action.PERSON_VIEW, person)
            self._audit.record(
                s, actor, "consent.view", person_id=person.id, target=f"consent:{row.id}"
            )
            return self._view(s, row)

    def _view(self, s: Session, row: Consent) -> ConsentView:
        return consent_view(s, row, self._today())


def consent_view(s: Session, row: Consent, today: dt.date) -> ConsentView:
    partner = s.get(Partner, row.partner_id) if row.partner_id is not None else None
    user = s.get(User, row.recorded_by_id) if row.recorded_by_id is not None else None
    return ConsentView(
        id=row.id,
        person_id=row.person_id,
        partner_id=row.partner_id,
        partner_name=partner.name if partner else None,
        partner_kind=row.partner_kind,
        purpose=purpose_of(row.purpose),
        purpose_text=row.purpose,
        data_categories=categories_of(row.data_categories),
        valid_from=row.valid_from,
        valid_to=row.valid_to,
        withdrawn_at=row.withdrawn_at,
        recorded_by=user.display_name if user else None,
        active=consent_active(row, today),
    )


def _person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return person
