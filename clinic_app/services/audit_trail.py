"""Writing audit events: same transaction as the change, hash-chained to the previous row.

The single :class:`AuditAnchor` row is the chain's head and start: the last event's id and
hash, and, after a purge, the id of the first remaining event and the hash it chains to.
Its ``mac`` (HMAC with the audit key) covers all four, so cutting rows off the tail, or
pretending that rows were purged, fails verification unless the key is known.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from clinic_app.models import (
    AnonymousVisitor,
    AuditAnchor,
    AuditEvent,
    AuditListPerson,
    Person,
    User,
    utcnow,
)
from clinic_app.security.audit_chain import GENESIS_HASH, chain_hash
from clinic_app.security.context import Actor

ANCHOR_ID = 1
GENESIS = GENESIS_HASH
_ANCHOR_DOMAIN = b"clinic-app/audit-anchor-row/v1\x00"
_ANCHOR_DOMAIN_V2 = b"clinic-app/audit-anchor-row/v2\x00"

# How the database was created, sealed into the anchor when the log is founded. An anchor
# from before origins were recorded has "" (a production database).
ORIGIN_PRODUCTION = "production"
ORIGIN_DEMO = "demo"
# The demo database holds fictional people only, and must run without a keychain: its key is
# published. It is chosen only by how the app was started (``clinic-app demo``), never by
# anything stored in a database, so no stored value can switch a real log to this key.
DEMO_AUDIT_KEY = hashlib.sha256(
    b"clinic-app audit v1|clinic-app demo database: fictional data only"
).digest()


def audit_row_fields(event: Any) -> dict[str, str | int | None]:
    """The fields covered by the chain hash, in the form the verifier recomputes.

    ``event`` is an :class:`AuditEvent` or a row selected from its table."""
    return {
        "seq": event.id,
        "at": event.at.isoformat(timespec="microseconds"),
        "user_id": event.user_id,
        "username": event.username,
        "role": event.role,
        "workstation": event.workstation,
        "action": event.action,
        "person_id": event.person_id,
        "target": event.target,
        "details": event.details,
        "outcome": event.outcome,
    }


@dataclass(frozen=True)
class ChainBounds:
    """Where the stored chain starts and ends, as the anchor row records it."""

    first_seq: int  # id of the first event still stored (1 until a purge)
    genesis: str  # the prev_hash of that first event
    last_seq: int  # id of the last event (first_seq - 1 when no event is stored)
    last_hash: str  # hash of the last event (``genesis`` when none)

    @property
    def count(self) -> int:
        return self.last_seq - self.first_seq + 1


def bounds_of(anchor: AuditAnchor) -> ChainBounds:
    """The anchor row's bounds (purged_before_id 0 means nothing was ever purged)."""
    if anchor.purged_before_id:
        return ChainBounds(
            anchor.purged_before_id,
            anchor.purged_anchor_hash,
            anchor.last_event_id,
            anchor.last_hash,
        )
    return ChainBounds(1, GENESIS, anchor.last_event_id, anchor.last_hash)


def anchor_mac(key: bytes, bounds: ChainBounds, origin: str = "") -> str:
    """HMAC-SHA256 over both ends of the chain and the database's origin, with
    length-prefixed fields (an anchor without an origin keeps its first format)."""
    parts: tuple[str, ...] = (
        str(bounds.first_seq),
        bounds.genesis,
        str(bounds.last_seq),
        bounds.last_hash,
    )
    domain = _ANCHOR_DOMAIN
    if origin:
        parts, domain = (*parts, origin), _ANCHOR_DOMAIN_V2
    message = domain + b"".join(len(p.encode()).to_bytes(8, "big") + p.encode() for p in parts)
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def listed_details(person_ids: Sequence[int]) -> dict[str, object]:
    """What a list's audit row says about the persons shown: how many, and a digest of
    their sorted ids that the verifier recomputes from the person index."""
    digest = hashlib.sha256(",".join(map(str, person_ids)).encode("ascii")).hexdigest()
    return {"listed": len(person_ids), "listed_sha256": digest[:32]}


def is_pristine(session: Session) -> bool:
    """True for a database with nothing to protect yet: no audit row, user, person or visitor.

    Only then may a missing anchor be founded afresh; on any other database a missing anchor
    means the log was wiped.
    """
    for model in (AuditEvent, User, Person, AnonymousVisitor):
        if session.scalar(select(model.id).limit(1)) is not None:
            return False
    return True


def seal_is_authentic(key: bytes, anchor: AuditAnchor) -> bool:
    """True if the anchor row's MAC fits its fields (origin included) under ``key``."""
    expected = anchor_mac(key, bounds_of(anchor), anchor.origin or "")
    stored = anchor.mac or ""
    return stored.isascii() and hmac.compare_digest(expected, stored)


class AuditTrail:
    """Appends audit events. Holds the HMAC key; never stores personal data values.

    ``origin`` is sealed into the anchor when this trail founds the log of a new database.
    """

    def __init__(self, key: bytes, *, origin: str = ORIGIN_PRODUCTION) -> None:
        if len(key) < 16:
            raise ValueError("audit key too short")
        self._key = key
        self._origin = origin

    @property
    def key(self) -> bytes:
        return self._key

    @property
    def origin(self) -> str:
        return self._origin

    def anchor_is_authentic(self, anchor: AuditAnchor) -> bool:
        """True if the anchor row's MAC fits its fields under this trail's key."""
        return seal_is_authentic(self._key, anchor)

    def seal(self, anchor: AuditAnchor) -> None:
        """Recompute the anchor's MAC after its fields changed (append or purge)."""
        anchor.mac = anchor_mac(self._key, bounds_of(anchor), anchor.origin or "")

    def found(self, session: Session) -> AuditAnchor:
        """The anchor row, founding the log if there is none.

        On a pristine database (see :func:`is_pristine`) the new anchor records this trail's
        origin and is sealed. On any other database a missing anchor was deleted: the
        stand-in starts after the last stored row and stays unsealed, so verification
        reports it and no later write can launder it.
        """
        anchor = session.get(AuditAnchor, ANCHOR_ID, with_for_update=True)
        if anchor is not None:
            return anchor
        pristine = is_pristine(session)
        last = session.execute(
            select(AuditEvent.id, AuditEvent.row_hash).order_by(AuditEvent.id.desc()).limit(1)
        ).first()
        anchor = AuditAnchor(
            id=ANCHOR_ID,
            last_event_id=last.id if last else 0,
            last_hash=last.row_hash if last else GENESIS,
            purged_before_id=0,
            purged_anchor_hash="",
            origin=self._origin if pristine else "",
            mac="",
        )
        if pristine:
            self.seal(anchor)
        session.add(anchor)
        session.flush()
        return anchor

    def record(
        self,
        session: Session,
        actor: Actor | None,
        action: str,
        *,
        person_id: int | None = None,
        target: str = "",
        details: Mapping[str, object] | None = None,
        outcome: str = "ok",
        username: str | None = None,
        workstation: str | None = None,
        listed: Iterable[int] | None = None,
    ) -> AuditEvent:
        """Add one event to ``session``; it commits or rolls back with the change it records.

        ``listed``: the persons a list showed (search results, the dashboard, a day view).
        Each gets a row of the person index, so her access report says she appeared in it;
        the event's chained details hold their number and a digest of their ids."""
        shown = sorted({int(p) for p in listed}) if listed is not None else None
        if shown is not None:
            details = {**(details or {}), **listed_details(shown)}
        anchor = self.found(session)
        authentic = self.anchor_is_authentic(anchor)
        next_id = anchor.last_event_id + 1
        if session.get(AuditEvent, next_id) is not None:
            # Rows were added behind the anchor's back: write after them so the application
            # keeps working, and leave the anchor unsealed so verification reports it.
            next_id = (session.scalar(select(func.max(AuditEvent.id))) or 0) + 1
            authentic = False
        event = AuditEvent(
            # The id is the chain's sequence number: taken from the anchor, never from the
            # database's counter, so ids stay gapless even if rows were cut off the tail.
            id=next_id,
            at=utcnow(),
            user_id=actor.user_id if actor else None,
            username=(username if username is not None else (actor.username if actor else ""))[:64],
            role=str(actor.role) if actor else "",
            workstation=(
                workstation if workstation is not None else (actor.workstation if actor else "")
            )[:100],
            action=action,
            person_id=person_id,
            target=target[:100],
            details=json.dumps(dict(details), sort_keys=True, default=str) if details else "",
            outcome=outcome[:16],
            prev_hash=anchor.last_hash,
        )
        event.row_hash = chain_hash(self._key, anchor.last_hash, audit_row_fields(event))
        session.add(event)
        if shown:
            session.execute(
                insert(AuditListPerson), [{"event_id": event.id, "person_id": p} for p in shown]
            )
        anchor.last_event_id = event.id
        anchor.last_hash = event.row_hash
        if authentic:
            self.seal(anchor)
        else:
            # Never re-seal an anchor that failed its check: that would launder tampering.
            anchor.mac = ""
        session.flush()
        return event
