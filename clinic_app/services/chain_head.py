"""The last audit chain head this workstation has seen, kept outside the database.

A copy of an older backup over the database file leaves a log that verifies on its own,
with the later accesses gone. So each workstation remembers, in its keychain, the newest
head (row id and hash) it saw: at close, after ``audit verify`` and after a restore made
through the app. When the database's chain is behind that head, or holds another row at
its id (a fork), opening and ``audit verify`` say so.
"""

from __future__ import annotations

import hmac
import logging
from dataclasses import dataclass

from sqlalchemy import select

from clinic_app.errors import StorageError
from clinic_app.models import AppSetting, AuditAnchor, AuditEvent
from clinic_app.services.audit_trail import ANCHOR_ID, ORIGIN_DEMO, AuditTrail, bounds_of
from clinic_app.services.database import Database
from clinic_app.storage.keys import get_secret, set_secret

log = logging.getLogger(__name__)

DB_ID_SETTING = "database_id"

HEAD_MESSAGES = {
    "behind": (
        "The audit log ends before the last entry this computer saw: the database was "
        "rolled back (an older copy put in its place) or entries were cut off."
    ),
    "forked": (
        "The audit log differs from what this computer saw: the database was replaced by "
        "another copy."
    ),
}


@dataclass(frozen=True)
class ChainHead:
    seq: int
    hash: str


def _name(db: Database) -> str | None:
    with db.read() as s:
        db_id = s.scalar(select(AppSetting.value).where(AppSetting.key == DB_ID_SETTING))
    return f"audit-head:{db_id}" if db_id else None


def _current(db: Database) -> ChainHead | None:
    with db.read() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        if anchor is None:
            return None
        bounds = bounds_of(anchor)
        return ChainHead(bounds.last_seq, bounds.last_hash)


def remembered(db: Database) -> ChainHead | None:
    """The head kept in the keychain for this database, if any."""
    name = _name(db)
    raw = get_secret(name) if name else None
    if not raw:
        return None
    seq, _, digest = raw.decode("ascii", "replace").partition(":")
    return ChainHead(int(seq), digest) if seq.isdigit() else None


def remember(db: Database, trail: AuditTrail, *, restored: bool = False) -> None:
    """Keep the database's present head as the newest this workstation has seen (a demo
    database, with its published key, keeps nothing).

    A head behind or beside the remembered one is kept only for a restore made through the
    app (``restored``): otherwise closing a rolled-back database would launder it."""
    if trail.origin == ORIGIN_DEMO:
        return
    if not restored and head_status(db, trail) in HEAD_MESSAGES:
        return
    name, head = _name(db), _current(db)
    if name is None or head is None:
        return
    try:
        set_secret(name, f"{head.seq}:{head.hash}".encode("ascii"))
    except StorageError as exc:
        log.warning("The audit chain head could not be kept: %s", exc.code)


def head_status(db: Database, trail: AuditTrail) -> str:
    """``ok``, ``behind`` (rolled back or cut off), ``forked`` (another copy), or
    ``unknown`` (nothing remembered, no keychain, or a demo database)."""
    if trail.origin == ORIGIN_DEMO:
        return "unknown"
    try:
        seen = remembered(db)
    except StorageError:
        return "unknown"
    if seen is None:
        return "unknown"
    with db.read() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        last = bounds_of(anchor).last_seq if anchor is not None else 0
        stored = s.scalar(select(AuditEvent.row_hash).where(AuditEvent.id == seen.seq))
        first = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id).limit(1))
    if last < seen.seq:
        return "behind"
    if stored is None:
        # Purged rows (before the first kept one) cannot be compared; a hole is a fork.
        return "ok" if first is not None and seen.seq < first else "forked"
    return "ok" if hmac.compare_digest(stored, seen.hash) else "forked"
