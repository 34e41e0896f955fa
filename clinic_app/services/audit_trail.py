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
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.models import AuditAnchor, AuditEvent, utcnow
from clinic_app.security.audit_chain import GENESIS_HASH, chain_hash
from clinic_app.security.context import Actor

ANCHOR_ID = 1
GENESIS = GENESIS_HASH
_ANCHOR_DOMAIN = b"clinic-app/audit-anchor-row/v1\x00"


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


def anchor_mac(key: bytes, bounds: ChainBounds) -> str:
    """HMAC-SHA256 over both ends of the chain, with length-prefixed fields."""
    parts = (str(bounds.first_seq), bounds.genesis, str(bounds.last_seq), bounds.last_hash)
    message = _ANCHOR_DOMAIN + b"".join(
        len(p.encode()).to_bytes(8, "big") + p.encode() for p in parts
    )
    return hmac.new(key, message, hashlib.sha256).hexdigest()


class AuditTrail:
    """Appends audit events. Holds the HMAC key; never stores personal data values."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("audit key too short")
        self._key = key

    @property
    def key(self) -> bytes:
        return self._key

    def anchor_is_authentic(self, anchor: AuditAnchor) -> bool:
        """True if the anchor row's MAC fits its fields under this trail's key."""
        expected = anchor_mac(self._key, bounds_of(anchor))
        stored = anchor.mac or ""
        return stored.isascii() and hmac.compare_digest(expected, stored)

    def seal(self, anchor: AuditAnchor) -> None:
        """Recompute the anchor's MAC after its fields changed (append or purge)."""
        anchor.mac = anchor_mac(self._key, bounds_of(anchor))

    def _new_anchor(self, session: Session) -> AuditAnchor:
        """The anchor row for a new log, or a stand-in (unsealed) if the row was deleted."""
        last = session.execute(
            select(AuditEvent.id, AuditEvent.row_hash).order_by(AuditEvent.id.desc()).limit(1)
        ).first()
        anchor = AuditAnchor(
            id=ANCHOR_ID,
            last_event_id=last.id if last else 0,
            last_hash=last.row_hash if last else GENESIS,
            purged_before_id=0,
            purged_anchor_hash="",
            mac="",
        )
        session.add(anchor)
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
    ) -> AuditEvent:
        """Add one event to ``session``; it commits or rolls back with the change it records."""
        anchor = session.get(AuditAnchor, ANCHOR_ID, with_for_update=True)
        if anchor is None:
            anchor = self._new_anchor(session)
            authentic = anchor.last_event_id == 0
        else:
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
        anchor.last_event_id = event.id
        anchor.last_hash = event.row_hash
        if authentic:
            self.seal(anchor)
        else:
            # Never re-seal an anchor that failed its check: that would launder tampering.
            anchor.mac = ""
        session.flush()
        return event
