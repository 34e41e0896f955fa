"""Accounts: first administrator, log-in with lock-out, and user administration."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import LoginFailure, Site, User, utcnow
from clinic_app.security.context import Actor
from clinic_app.security.lockout import DEFAULT_POLICY, LockoutPolicy
from clinic_app.security.passwords import (
    PRODUCTION,
    PasswordHasherConfig,
    check_password_policy,
    dummy_verify,
    hash_password,
    is_valid_unicode,
    needs_rehash,
    verify_password,
)
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import check_code, clean_text
from clinic_app.services.database import Database
from clinic_app.storage.open import check_recovery_key
from clinic_app.vocabulary import Role

# The longest wait between log-in attempts of the last administrator.
MAX_THROTTLE_SECONDS = 15 * 60


class LoginFailed(Forbidden):
    """Unknown user, wrong password, disabled or locked account: one message for all."""

    def __init__(self) -> None:
        super().__init__("login", "The user name or password is not correct.")


@dataclass(frozen=True)
class UserView:
    id: int
    username: str
    display_name: str
    role: Role
    site_id: int | None
    site_name: str | None
    active: bool
    locked: bool
    last_login_at: dt.datetime | None
    version: int


class UserService:
    """Accounts and authentication. Passwords are argon2id; failures lock after 5 in 24 h."""

    def __init__(
        self,
        db: Database,
        audit: AuditTrail,
        *,
        hasher: PasswordHasherConfig = PRODUCTION,
        lockout: LockoutPolicy = DEFAULT_POLICY,
    ) -> None:
        self._db = db
        self._audit = audit
        self._hasher = hasher
        self._lockout = lockout

    def has_users(self) -> bool:
        with self._db.read() as s:
            return (s.scalar(select(func.count(User.id))) or 0) > 0

    def create_first_admin(
        self, username: str, display_name: str, password: str, workstation: str = ""
    ) -> UserView:
        """Create the administrator on an empty database; refused once any user exists."""
        username, display_name = _clean_identity(username, display_name)
        check_password_policy(password, username)
        password_hash = hash_password(password, config=self._hasher)
        with self._db.write() as s:
            if (s.scalar(select(func.count(User.id))) or 0) > 0:
                raise Conflict("user", "an administrator already exists")
            # The log is founded before the first user exists; later, a missing anchor is a
            # wiped log, never a new one.
            self._audit.found(s)
            user = User(
                username=username,
                display_name=display_name,
                password_hash=password_hash,
                role=Role.ADMINISTRATOR,
            )
            s.add(user)
            s.flush()
            actor = _actor(user, workstation)
            self._audit.record(s, actor, "user.create_first_admin", target=f"user:{user.id}")
            return _view(user, None)

    def create_user(
        self,
        actor: Actor,
        username: str,
        display_name: str,
        password: str,
        role: Role,
        site_id: int | None = None,
        *,
        reason: str = "",
        check_policy: bool = True,
    ) -> UserView:
        """Create an account (administrators); the reason, if given, is kept in the audit."""
        require(actor, Action.USER_ADMIN)
        username, display_name = _clean_identity(username, display_name)
        reason = clean_text("reason", reason, max_len=1000, multiline=True)
        if check_policy:
            check_password_policy(password, username)
        password_hash = hash_password(password, config=self._hasher)
        try:
            with self._db.write() as s:
                site = s.get(Site, site_id) if site_id is not None else None
                if site_id is not None and site is None:
                    raise Invalid("site", "unknown_site", "Unknown site.")
                user = User(
                    username=username,
                    display_name=display_name,
                    password_hash=password_hash,
                    role=check_code("role", Role, role),
                    site_id=site_id,
                )
                s.add(user)
                s.flush()
                details: dict[str, object] = {"role": str(role), "site_id": site_id}
                if reason:
                    details["reason"] = reason
                self._audit.record(
                    s, actor, "user.create", target=f"user:{user.id}", details=details
                )
                return _view(user, site.name if site else None)
        except IntegrityError as exc:
            raise Invalid("username", "taken", "This user name is already in use.") from exc

    def authenticate(self, username: str, password: str, workstation: str = "") -> Actor:
        """Check credentials; the same LoginFailed for every kind of failure.

        Every branch runs one full password verification, so an unknown user name, a wrong
        password and a locked account take about the same time. The attempted user name is
        never stored for unknown users (people type passwords into the wrong field).
        """
        if not is_valid_unicode(username or "") or not is_valid_unicode(password or ""):
            # Not text at all: no account can match; refused before anything is looked up.
            raise Invalid("username", "invalid_unicode", "The user name or password is not text.")
        username = (username or "").strip().lower()
        now = utcnow()
        with self._db.write() as s:
            user = s.scalar(select(User).where(User.username == username))
            if user is None:
                dummy_verify(config=self._hasher)  # similar timing for unknown users
                self._audit.record(
                    s, None, "login.failure", outcome="denied", username="", workstation=workstation
                )
                failed = True
            elif (wait := self._throttled(s, user, now)) is not None:
                # The last administrator is never locked out; attempts wait instead.
                verify_password(user.password_hash, password, config=self._hasher)
                self._audit.record(
                    s,
                    _actor(user, workstation),
                    "login.failure",
                    outcome="throttled",
                    details={"wait_seconds": wait},
                )
                failed = True
            elif not user.active or user.locked_at is not None:
                verify_password(user.password_hash, password, config=self._hasher)
                self._audit.record(
                    s,
                    _actor(user, workstation),
                    "login.failure",
                    outcome="locked" if user.locked_at else "disabled",
                )
                failed = True
            elif not verify_password(user.password_hash, password, config=self._hasher):
                self._audit.record(s, _actor(user, workstation), "login.failure", outcome="denied")
                self._count_failure(s, user, now, workstation)
                failed = True
            else:
                failed = False
                rehashed = needs_rehash(user.password_hash, config=self._hasher)
                values: dict[str, object] = {"last_login_at": now, "failures_reset_at": now}
                if rehashed:
                    values["password_hash"] = hash_password(password, config=self._hasher)
                _bookkeep(s, user.id, **values)
                actor = _actor(user, workstation)
                self._audit.record(
                    s, actor, "login.success", details={"rehashed": 1} if rehashed else None
                )
        # The failure rows above are committed before refusing, so lock-out counts them.
        if failed:
            raise LoginFailed()
        return actor

    def attempts_left(self, username: str) -> int | None:
        """Failed log-ins still allowed before the lock (None for unknown users), for tests
        and administrators; the log-in screen never shows it."""
        with self._db.read() as s:
            user = s.scalar(select(User).where(User.username == username.strip().lower()))
            if user is None:
                return None
            if user.locked_at is not None:
                return 0
            times = s.scalars(select(LoginFailure.at).where(LoginFailure.user_id == user.id))
            since = user.failures_reset_at
            return self._lockout.attempts_left(
                [_aware(t) for t in times], _aware(utcnow()), since=_aware(since) if since else None
            )

    def _is_last_admin(self, s: Session, user: User) -> bool:
        """True for the only administrator who can still log in: never locked out."""
        if user.role is not Role.ADMINISTRATOR or not user.active or user.locked_at is not None:
            return False
        others = s.scalar(
            select(func.count(User.id)).where(
                User.role == Role.ADMINISTRATOR,
                User.active.is_(True),
                User.locked_at.is_(None),
                User.id != user.id,
            )
        )
        return not others

    def _throttled(self, s: Session, user: User, now: dt.datetime) -> int | None:
        """Seconds the last administrator must still wait before the next attempt (the
        delay doubles with each failure past the lock-out limit, up to 15 minutes)."""
        if not self._is_last_admin(s, user):
            return None
        since = user.failures_reset_at
        q = select(LoginFailure.at).where(LoginFailure.user_id == user.id)
        if since is not None:
            q = q.where(LoginFailure.at > since)
        times = sorted(s.scalars(q).all())
        over = len(times) - self._lockout.max_failures + 1
        if over <= 0:
            return None
        delay = min(2**over, MAX_THROTTLE_SECONDS)
        left = delay - (_aware(now) - _aware(times[-1])).total_seconds()
        return int(left) + 1 if left > 0 else None

    def unlock_with_recovery_key(
        self, db_url: str, username: str, recovery_key: str, reason: str, workstation: str = ""
    ) -> UserView:
        """Unlock an account without logging in, proving possession of the database's
        recovery key (``clinic-app users unlock --recovery-key``): the way back when every
        administrator is locked out. Audited, with the reason."""
        reason = clean_text("reason", reason, required=True, max_len=1000)
        check_recovery_key(db_url, recovery_key)
        with self._db.write() as s:
            user = s.scalar(select(User).where(User.username == username.strip().lower()))
            if user is None:
                raise NotFound("user", username)
            user.locked_at = None
            user.failures_reset_at = utcnow()
            self._audit.record(
                s,
                None,
                "user.unlock_recovery_key",
                target=f"user:{user.id}",
                details={"reason": reason},
                username="(recovery key)",
                workstation=workstation,
            )
            site = s.get(Site, user.site_id) if user.site_id else None
            return _view(user, site.name if site else None)

    def _count_failure(self, s: Session, user: User, now: dt.datetime, workstation: str) -> None:
        """Store one failed attempt and lock the account when the policy says so (never the
        last administrator who can log in: she is throttled instead)."""
        s.add(LoginFailure(user_id=user.id, at=now, workstation=workstation[:100]))
        s.flush()
        times = s.scalars(select(LoginFailure.at).where(LoginFailure.user_id == user.id)).all()
        since = user.failures_reset_at
        if not self._is_last_admin(s, user) and self._lockout.is_locked(
            [_aware(t) for t in times], _aware(now), since=_aware(since) if since else None
        ):
            _bookkeep(s, user.id, locked_at=now)
            self._audit.record(s, _actor(user, workstation), "user.locked", outcome="locked")

    def verify_password(self, actor: Actor, password: str) -> bool:
        """Re-authentication (idle unlock): the same user's password, audited. Wrong
        passwords count towards the lock-out like failed log-ins."""
        with self._db.write() as s:
            user = s.get(User, actor.user_id)
            usable = bool(user and user.active and user.locked_at is None)
            if user is None:
                dummy_verify(config=self._hasher)
                ok = False
            else:
                ok = verify_password(user.password_hash, password, config=self._hasher) and usable
            self._audit.record(s, actor, "session.unlock", outcome="ok" if ok else "denied")
            if user is not None and usable and not ok:
                self._count_failure(s, user, utcnow(), actor.workstation)
            elif ok and user is not None:
                _bookkeep(s, user.id, failures_reset_at=utcnow())
            return ok

    def lock_session(self, actor: Actor) -> None:
        """Record that the idle lock covered this user's session."""
        with self._db.write() as s:
            self._audit.record(s, actor, "session.lock")

    def logout(self, actor: Actor) -> None:
        """Record the end of a session (log-out, or another user taking over the workstation)."""
        with self._db.write() as s:
            self._audit.record(s, actor, "logout")

    def list_users(self, actor: Actor) -> tuple[UserView, ...]:
        """Every account, for administrators (audited)."""
        require(actor, Action.USER_ADMIN)
        with self._db.write() as s:
            rows = s.execute(
                select(User, Site.name)
                .outerjoin(Site, Site.id == User.site_id)
                .order_by(User.username)
            ).all()
            self._audit.record(s, actor, "user.list", details={"results": len(rows)})
            return tuple(_view(u, site) for u, site in rows)

    def find(self, actor: Actor, username: str) -> UserView:
        """One account by user name, for administrators (not audited: names only)."""
        require(actor, Action.USER_ADMIN)
        with self._db.read() as s:
            row = s.execute(
                select(User, Site.name)
                .outerjoin(Site, Site.id == User.site_id)
                .where(User.username == username.strip().lower())
            ).first()
            if row is None:
                raise NotFound("user", username)
            return _view(row[0], row[1])

    def staff(self) -> tuple[UserView, ...]:
        """Active users who can be contact persons or responsible for tasks (names only)."""
        with self._db.read() as s:
            rows = s.execute(
                select(User, Site.name)
                .outerjoin(Site, Site.id == User.site_id)
                .where(User.active.is_(True), User.role != Role.STATISTICS)
                .order_by(User.display_name)
            ).all()
            return tuple(_view(u, site) for u, site in rows)

    def set_active(self, actor: Actor, user_id: int, active: bool, reason: str) -> UserView:
        return self._admin_change(
            actor, user_id, reason, "user.enable" if active else "user.disable", active=active
        )

    def unlock(self, actor: Actor, user_id: int, reason: str) -> UserView:
        return self._admin_change(actor, user_id, reason, "user.unlock", unlock=True)

    def change_role(self, actor: Actor, user_id: int, role: Role, reason: str) -> UserView:
        return self._admin_change(
            actor, user_id, reason, "user.change_role", role=check_code("role", Role, role)
        )

    def reset_password(self, actor: Actor, user_id: int, password: str, reason: str) -> UserView:
        """Set a new password for another user (administrators, with a reason)."""
        require(actor, Action.USER_ADMIN)
        with self._db.read() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("user", user_id)
            username = user.username
        check_password_policy(password, username)
        return self._admin_change(
            actor,
            user_id,
            reason,
            "user.reset_password",
            password_hash=hash_password(password, config=self._hasher),
        )

    def change_own_password(self, actor: Actor, old: str, new: str) -> None:
        check_password_policy(new, actor.username)
        with self._db.write() as s:
            user = s.get(User, actor.user_id)
            if user is None or not verify_password(user.password_hash, old, config=self._hasher):
                raise Invalid("old_password", "wrong", "The current password is not correct.")
            user.password_hash = hash_password(new, config=self._hasher)
            self._audit.record(s, actor, "user.change_own_password", target=f"user:{user.id}")

    def _admin_change(
        self,
        actor: Actor,
        user_id: int,
        reason: str,
        action: str,
        *,
        active: bool | None = None,
        unlock: bool = False,
        role: Role | None = None,
        password_hash: str | None = None,
    ) -> UserView:
        require(actor, Action.USER_ADMIN)
        reason = clean_text("reason", reason, required=True, max_len=1000, multiline=True)
        with self._db.write() as s:
            user = s.get(User, user_id)
            if user is None:
                raise NotFound("user", user_id)
            if user.id == actor.user_id and (
                active is False or (role and role is not Role.ADMINISTRATOR)
            ):
                raise Invalid("user", "self_lockout", "You cannot disable or demote yourself.")
            details: dict[str, object] = {"reason_length": len(reason)}
            if active is not None:
                user.active = active
            if unlock:
                user.locked_at = None
                user.failures_reset_at = utcnow()
            if role is not None:
                details["from"], details["to"] = str(user.role), str(role)
                user.role = role
            if password_hash is not None:
                user.password_hash = password_hash
            s.flush()
            # The reason is the administrator's own words about an account, kept for review.
            details["reason"] = reason
            self._audit.record(s, actor, action, target=f"user:{user.id}", details=details)
            site = s.get(Site, user.site_id) if user.site_id else None
            return _view(user, site.name if site else None)


def _bookkeep(s: Session, user_id: int, **values: object) -> None:
    """Log-in bookkeeping as one atomic UPDATE that leaves the row's version alone.

    Two log-ins of one account at the same moment (two workstations) must both succeed: a
    versioned ORM flush would make the second fail with a stale-data error. An administrator's
    edit of the same account still sees its version unchanged, as no one edited the account.
    """
    s.execute(
        update(User).where(User.id == user_id).values(**values),
        execution_options={"synchronize_session": False},
    )


def _clean_identity(username: str, display_name: str) -> tuple[str, str]:
    username = clean_text("username", username, required=True, max_len=64).lower()
    if not all(c.isalnum() or c in "._-" for c in username):
        raise Invalid("username", "bad_characters", "Use letters, digits, dot, dash or underscore.")
    return username, clean_text("display_name", display_name, required=True, max_len=200)


def _actor(user: User, workstation: str) -> Actor:
    return Actor(user.id, user.username, user.role, user.site_id, workstation)


def _aware(t: dt.datetime) -> dt.datetime:
    return t.replace(tzinfo=dt.UTC)


def _view(user: User, site_name: str | None) -> UserView:
    return UserView(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        site_id=user.site_id,
        site_name=site_name,
        active=user.active,
        locked=user.locked_at is not None,
        last_login_at=user.last_login_at,
        version=user.version,
    )
