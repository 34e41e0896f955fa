"""Test helpers for audit logs: append many valid rows at once, read the log back."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from sqlalchemy import insert, select

from clinic_app.models import AuditAnchor, AuditEvent
from clinic_app.security.audit_chain import chain_hash
from clinic_app.services.audit_trail import ANCHOR_ID, GENESIS, audit_row_fields
from clinic_app.services.container import Services


def append_rows(
    services: Services,
    n: int,
    *,
    start: dt.datetime = dt.datetime(2020, 1, 1),
    step: dt.timedelta = dt.timedelta(minutes=1),
    person_ids: tuple[int | None, ...] = (None,),
) -> None:
    """Append ``n`` validly chained events (bulk insert) and move the anchor past them."""
    trail = services.audit
    with services.db.write() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        if anchor is None:
            anchor = AuditAnchor(
                id=ANCHOR_ID,
                last_event_id=0,
                last_hash=GENESIS,
                purged_before_id=0,
                purged_anchor_hash="",
            )
            s.add(anchor)
        seq, prev = anchor.last_event_id, anchor.last_hash
        rows: list[dict[str, object]] = []
        for i in range(n):
            seq += 1
            row: dict[str, object] = {
                "id": seq,
                "at": start + i * step,
                "user_id": 1,
                "username": "admin",
                "role": "administrator",
                "workstation": "test-pc",
                "action": "person.view",
                "person_id": person_ids[i % len(person_ids)],
                "target": "",
                "details": "",
                "outcome": "ok",
            }
            digest = chain_hash(trail.key, prev, audit_row_fields(SimpleNamespace(**row)))
            row["prev_hash"], row["row_hash"] = prev, digest
            rows.append(row)
            prev = digest
        s.execute(insert(AuditEvent), rows)
        anchor.last_event_id, anchor.last_hash = seq, prev
        trail.seal(anchor)


def actions(services: Services, after_id: int = 0) -> list[str]:
    """Actions of the stored events with id > ``after_id``, oldest first."""
    with services.db.read() as s:
        return list(
            s.scalars(
                select(AuditEvent.action).where(AuditEvent.id > after_id).order_by(AuditEvent.id)
            )
        )


def last_id(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0
