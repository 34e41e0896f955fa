"""Workstations of a shared (PostgreSQL) database: first set-up, joining, listing, revoking.

The first workstation to open an empty shared database creates its audit secret and a
recovery key (shown once). Every further workstation is *joined* by an administrator with a
one-time enrolment code made on a joined workstation, or with the recovery key; joining puts
the audit secret and the workstation's id in that computer's keychain. A workstation that is
not joined (or was revoked) is refused before anything is written, and every audit row names
the workstation that wrote it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, inspect, select, text, update
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound, StorageError
from clinic_app.models import (
    AppSetting,
    AuditEvent,
    SharedSecret,
    Workstation,
    WorkstationEnrolment,
    utcnow,
)
from clinic_app.security.context import Actor
from clinic_app.security.passwords import PRODUCTION, PasswordHasherConfig
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import clean_text
from clinic_app.services.database import Database
from clinic_app.storage import cipher, sharing
from clinic_app.storage.sharing import AUDIT_SECRET, is_shared_url
from clinic_app.storage.sharing import server_url as server_url  # for the connect dialog

DB_ID_SETTING = "database_id"
ENROLMENT_HOURS = 2
_FIRST_LOCK = 7_017_001  # advisory lock: one first workstation, even if two start together
NOT_JOINED = (
    "This workstation is not joined to the shared database. An administrator joins it with "
    "`clinic-app workstation join` (an enrolment code from a joined workstation, or the "
    "recovery key)."
)
REVOKED = "This workstation's access to the shared database was revoked by an administrator."

KeyFromSecret = Callable[[bytes], bytes]


@dataclass(frozen=True)
class Membership:
    """This workstation's place in a shared database (secret held in memory only)."""

    database_id: str
    workstation_id: str
    name: str
    secret: bytes
    new_recovery_key: str | None = None  # set once, when this start created the database

    @property
    def label(self) -> str:
        return workstation_label(self.name, self.workstation_id)


@dataclass(frozen=True)
class WorkstationView:
    id: str
    name: str
    label: str
    joined_at: dt.datetime
    joined_by: str
    joined_with: str
    revoked_at: dt.datetime | None
    revoked_by: str
    this_one: bool


@dataclass(frozen=True)
class Enrolment:
    """A one-time code to join one workstation; shown once, valid until ``expires_at``."""

    code: str
    expires_at: dt.datetime


def workstation_label(name: str, workstation_id: str) -> str:
    """How audit rows name a workstation: its name and the start of its id."""
    return f"{name[:80]} #{workstation_id[:8]}"


def is_shared(db: Database) -> bool:
    return is_shared_url(db.engine.url)


class WorkstationAuditTrail(AuditTrail):
    """An audit trail that stamps every row with this workstation and refuses, before the
    row is written, once the workstation is revoked (the whole action then rolls back)."""

    def __init__(self, key: bytes, membership: Membership, *, registered: bool = True) -> None:
        super().__init__(key)
        self.membership = membership
        self._registered = registered

    def record(
        self, session: Session, actor: Actor | None, action: str, **options: Any
    ) -> AuditEvent:
        """As :meth:`AuditTrail.record` (same options), naming this workstation."""
        if self._registered:
            revoked = session.execute(
                select(Workstation.revoked_at).where(
                    Workstation.id == self.membership.workstation_id
                )
            ).first()
            if revoked is None:
                raise StorageError("not_joined", NOT_JOINED)
            if revoked.revoked_at is not None:
                raise StorageError("revoked", REVOKED)
        options["workstation"] = self.membership.label
        return super().record(session, actor, action, **options)


# --- opening -------------------------------------------------------------------------------


def refuse_if_not_joined(engine: Engine) -> None:
    """Before anything is written (migrations included): refuse a workstation that is not
    joined to an existing shared database. An empty database is left to the first one."""
    if not inspect(engine).has_table(Workstation.__tablename__):
        return
    with engine.connect() as conn:
        count = conn.scalar(select(func.count()).select_from(Workstation))
        if not count:
            return
        db_id = conn.scalar(select(AppSetting.value).where(AppSetting.key == DB_ID_SETTING))
        ws_id = sharing.stored_workstation_id(db_id or "")
        row = (
            conn.execute(select(Workstation.revoked_at).where(Workstation.id == ws_id)).first()
            if ws_id
            else None
        )
    if row is None or sharing.stored_audit_secret(db_id or "") is None:
        raise StorageError("not_joined", NOT_JOINED)
    if row.revoked_at is not None:
        raise StorageError("revoked", REVOKED)


def ensure_membership(db: Database, name: str) -> Membership:
    """This workstation's membership; on an empty shared database, become its first one."""
    with db.read() as s:
        count = s.scalar(select(func.count(Workstation.id))) or 0
    if count == 0:
        created = _become_first(db, name)
        if created is not None:
            return created
    return current_membership(db)


def current_membership(db: Database) -> Membership:
    """The joined workstation's membership, from its keychain; StorageError if not joined."""
    with db.read() as s:
        db_id = _database_id(s)
        ws_id = sharing.stored_workstation_id(db_id)
        row = s.get(Workstation, ws_id) if ws_id else None
        secret = sharing.stored_audit_secret(db_id)
        if row is None or secret is None:
            raise StorageError("not_joined", NOT_JOINED)
        if row.revoked_at is not None:
            raise StorageError("revoked", REVOKED)
        return Membership(db_id, row.id, row.name, secret)


def _database_id(s: Session) -> str:
    return s.scalar(select(AppSetting.value).where(AppSetting.key == DB_ID_SETTING)) or ""


def _become_first(db: Database, name: str) -> Membership | None:
    """Create the audit secret, the recovery key and the first workstation row (None if
    another workstation was first after all)."""
    ws_id = uuid.uuid4().hex
    with db.write() as s:
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _FIRST_LOCK})
        if s.scalar(select(func.count(Workstation.id))):
            return None
        db_id = _database_id(s)
        secret = sharing.stored_audit_secret(db_id)
        if secret is None:
            if s.scalar(select(func.count(AuditEvent.id))):
                # Audited by some other workstation's key, which this keychain lacks.
                raise StorageError("not_joined", NOT_JOINED)
            secret = cipher.new_database_key()
        recovery_key = cipher.new_recovery_key()
        s.merge(
            SharedSecret(
                name=AUDIT_SECRET,
                sealed=sharing.seal(
                    secret, sharing.recovery_bytes(recovery_key), _label(db_id, "recovery")
                ),
            )
        )
        s.add(
            Workstation(
                id=ws_id,
                name=_clean_name(name),
                joined_at=utcnow(),
                joined_by="",
                joined_with="first",
                revoked_by="",
            )
        )
        s.flush()
        membership = Membership(db_id, ws_id, _clean_name(name), secret, recovery_key)
        # In the keychain before the commit: a committed row always has its keychain entry.
        sharing.remember_membership(db_id, secret, ws_id)
    return membership


def _label(db_id: str, kind: str) -> str:
    return f"clinic-app shared {AUDIT_SECRET} {kind} {db_id}"


def _clean_name(name: str) -> str:
    return clean_text("name", name, required=True, max_len=80)


# --- joining -------------------------------------------------------------------------------


def join_workstation(
    db: Database,
    key_from_secret: KeyFromSecret,
    *,
    username: str,
    password: str,
    name: str,
    code: str | None = None,
    recovery_key: str | None = None,
    hasher: PasswordHasherConfig = PRODUCTION,
) -> Membership:
    """Join this workstation: an administrator's log-in plus an enrolment code or the
    recovery key. The audit secret and the workstation id go to this keychain."""
    from clinic_app.services.users import UserService

    if (code is None) == (recovery_key is None):
        raise Invalid("code", "required", "Give an enrolment code or the recovery key.")
    name = _clean_name(name)
    with db.read() as s:
        db_id = _database_id(s)
        if code is not None:
            code_id, code_secret = sharing.parse_enrolment_code(code)
            enrolment = s.get(WorkstationEnrolment, code_id)
            _check_enrolment(enrolment)
            assert enrolment is not None
            secret = sharing.unseal(enrolment.sealed, code_secret, _label(db_id, "code"))
            if secret is None:
                raise Invalid("code", "wrong", "This enrolment code is not correct.")
        else:
            assert recovery_key is not None
            stored = s.get(SharedSecret, AUDIT_SECRET)
            if stored is None:
                raise NotFound("shared secret")
            secret = sharing.unseal(
                stored.sealed, sharing.recovery_bytes(recovery_key), _label(db_id, "recovery")
            )
            if secret is None:
                raise Invalid(
                    "recovery_key", "wrong", "The recovery key does not fit this database."
                )
    ws_id = uuid.uuid4().hex
    membership = Membership(db_id, ws_id, name, secret)
    trail = WorkstationAuditTrail(key_from_secret(secret), membership, registered=False)
    actor = UserService(db, trail, hasher=hasher).authenticate(username, password, membership.label)
    require(actor, Action.USER_ADMIN)
    sharing.remember_membership(db_id, secret, ws_id)
    try:
        with db.write() as s:
            if code is not None:
                enrolment = s.get(WorkstationEnrolment, code_id, with_for_update=True)
                _check_enrolment(enrolment)
                assert enrolment is not None
                enrolment.used_at = utcnow()
                enrolment.used_by = ws_id
            s.add(
                Workstation(
                    id=ws_id,
                    name=name,
                    joined_at=utcnow(),
                    joined_by=actor.username,
                    joined_with="code" if code is not None else "recovery",
                    revoked_by="",
                )
            )
            s.flush()
            trail.record(
                s,
                actor,
                "workstation.join",
                target=f"workstation:{ws_id}",
                details={"with": "code" if code is not None else "recovery_key"},
            )
    except BaseException:
        sharing.forget_membership(db_id)
        raise
    return membership


def _check_enrolment(enrolment: WorkstationEnrolment | None) -> None:
    if enrolment is None:
        raise Invalid("code", "wrong", "This enrolment code is not correct.")
    if enrolment.used_at is not None:
        raise Invalid("code", "used", "This enrolment code was already used.")
    if enrolment.expires_at < utcnow():
        raise Invalid("code", "expired", "This enrolment code has expired; make a new one.")


# --- administration ------------------------------------------------------------------------


class WorkstationService:
    """Enrolment codes, the list of workstations and revocation (administrators, audited)."""

    def __init__(self, db: Database, audit: AuditTrail) -> None:
        self._db = db
        self._audit = audit

    @property
    def membership(self) -> Membership | None:
        """This workstation's membership (None for a local database)."""
        trail = self._audit
        return trail.membership if isinstance(trail, WorkstationAuditTrail) else None

    def _joined(self) -> Membership:
        found = self.membership
        if found is None:
            raise Invalid("database", "not_shared", "Only a shared database has workstations.")
        return found

    def enrol(self, actor: Actor, hours: int = ENROLMENT_HOURS) -> Enrolment:
        """A one-time code that joins one more workstation within ``hours`` (shown once)."""
        require(actor, Action.USER_ADMIN)
        if not 1 <= hours <= 72:
            raise Invalid("hours", "range", "An enrolment code is valid for 1 to 72 hours.")
        me = self._joined()
        code, code_id = sharing.new_enrolment_code()
        _id, code_secret = sharing.parse_enrolment_code(code)
        now = utcnow()
        expires = now + dt.timedelta(hours=hours)
        with self._db.write() as s:
            if s.get(WorkstationEnrolment, code_id) is not None:
                raise Conflict("enrolment", "try again")
            s.add(
                WorkstationEnrolment(
                    id=code_id,
                    created_at=now,
                    expires_at=expires,
                    created_by=actor.username,
                    created_on=me.workstation_id,
                    sealed=sharing.seal(me.secret, code_secret, _label(me.database_id, "code")),
                    used_by="",
                )
            )
            self._audit.record(
                s,
                actor,
                "workstation.enrol",
                target=f"enrolment:{code_id}",
                details={"hours": hours},
            )
        return Enrolment(code, expires)

    def list(self, actor: Actor) -> tuple[WorkstationView, ...]:
        """Every workstation ever joined, revoked ones included (audited)."""
        require(actor, Action.USER_ADMIN)
        me = self.membership
        with self._db.write() as s:
            rows = s.scalars(select(Workstation).order_by(Workstation.joined_at)).all()
            self._audit.record(s, actor, "workstation.list", details={"results": len(rows)})
            return tuple(_view(w, me) for w in rows)

    def revoke(self, actor: Actor, workstation_id: str, reason: str) -> WorkstationView:
        """Stop a workstation from writing (lost or retired computer). Its enrolment codes
        that are still open stop working too."""
        require(actor, Action.USER_ADMIN)
        reason = clean_text("reason", reason, required=True, max_len=1000)
        me = self._joined()
        with self._db.write() as s:
            matches = s.scalars(
                select(Workstation).where(Workstation.id.startswith(workstation_id.strip()))
            ).all()
            if len(workstation_id.strip()) < 4 or len(matches) != 1:
                raise NotFound("workstation", workstation_id)
            ws = matches[0]
            if ws.id == me.workstation_id:
                raise Invalid("workstation", "self", "Revoke it from another workstation.")
            if ws.revoked_at is not None:
                raise Conflict("workstation", "already revoked")
            ws.revoked_at = utcnow()
            ws.revoked_by = actor.username
            s.execute(
                update(WorkstationEnrolment)
                .where(
                    WorkstationEnrolment.created_on == ws.id,
                    WorkstationEnrolment.used_at.is_(None),
                )
                .values(expires_at=ws.revoked_at),
                execution_options={"synchronize_session": False},
            )
            s.flush()
            self._audit.record(
                s,
                actor,
                "workstation.revoke",
                target=f"workstation:{ws.id}",
                details={"reason": reason},
            )
            return _view(ws, me)


def _view(w: Workstation, me: Membership | None) -> WorkstationView:
    return WorkstationView(
        id=w.id,
        name=w.name,
        label=workstation_label(w.name, w.id),
        joined_at=w.joined_at,
        joined_by=w.joined_by,
        joined_with=w.joined_with,
        revoked_at=w.revoked_at,
        revoked_by=w.revoked_by,
        this_one=me is not None and me.workstation_id == w.id,
    )
