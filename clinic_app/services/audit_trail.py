"""Writing audit events: same transaction as the change, hash-chained to the previous row."""

from __future__ import annotations

import json
from collections.abc import Mapping

from sqlalchemy.orm import Session

from clinic_app.models import AuditAnchor, AuditEvent, utcnow
from clinic_app.security.audit_chain import chain_hash
from clinic_app.security.context import Actor

ANCHOR_ID = 1
GENESIS = ""


def audit_row_fields(event: AuditEvent) -> dict[str, str | int | None]:
    """The fields covered by the chain hash, in the form the verifier recomputes."""
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


class AuditTrail:
    """Appends audit events. Holds the HMAC key; never stores personal data values."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 16:
            raise ValueError("audit key too short")
        self._key = key

    @property
    def key(self) -> bytes:
        return self._key

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
            anchor = AuditAnchor(id=ANCHOR_ID, last_event_id=0, last_hash=GENESIS)
            session.add(anchor)
        event = AuditEvent(
            at=utcnow(),
            user_id=actor.user_id if actor else None,
            username=username if username is not None else (actor.username if actor else ""),
            role=str(actor.role) if actor else "",
            workstation=workstation
            if workstation is not None
            else (actor.workstation if actor else ""),
            action=action,
            person_id=person_id,
            target=target[:100],
            details=json.dumps(dict(details), sort_keys=True, default=str) if details else "",
            outcome=outcome,
            prev_hash=anchor.last_hash,
        )
        session.add(event)
        session.flush()  # assigns the id, which the hash covers (reordering is detectable)
        event.row_hash = chain_hash(self._key, anchor.last_hash, audit_row_fields(event))
        anchor.last_event_id = event.id
        anchor.last_hash = event.row_hash
        return event
