"""Around every use case: rights as they are now, and every refused attempt audited.

Services are wrapped once, in ``build_services``. Before each public method runs, the
acting user is read again from the database: a user disabled or locked since logging in is
refused, and one given another role or site acts with the new one, on her next action in a
session already open (GUI or CLI). A refusal rolls back the unit of work it happened in,
so it is written afterwards in its own short transaction: one ``access.refused`` row (who,
what, which person id, the rule; codes and ids only) before the error is re-raised.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from clinic_app.errors import ClinicError, Forbidden
from clinic_app.models import User
from clinic_app.security.context import Actor
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.database import Database
from clinic_app.vocabulary import Role

log = logging.getLogger(__name__)

REFUSED_ACTION = "access.refused"
# What a disabled user may still do in a session already open: end or lock it.
_ALWAYS = frozenset({"users.logout", "users.lock_session", "users.verify_password"})


def current_actor(db: Database, actor: Actor) -> Actor:
    """``actor`` with the role and site the database holds now; Forbidden if the account
    was disabled or locked since the log-in."""
    with db.read() as s:
        row = s.execute(
            select(User.active, User.locked_at, User.role, User.site_id).where(
                User.id == actor.user_id
            )
        ).first()
    if row is None or not row.active or row.locked_at is not None:
        raise Forbidden("session", "the account is disabled or locked")
    role = Role(row.role)
    if role is actor.role and row.site_id == actor.site_id:
        return actor
    return Actor(actor.user_id, actor.username, role, row.site_id, actor.workstation)


def record_refusal(
    db: Database,
    trail: AuditTrail,
    actor: Actor,
    exc: Forbidden,
    *,
    call: str,
    person_id: int | None,
) -> None:
    """Write one ``access.refused`` row for ``exc`` in a transaction of its own."""
    try:
        with db.write() as s:
            trail.record(
                s,
                actor,
                REFUSED_ACTION,
                person_id=person_id,
                target=exc.action[:100],
                details={"rule": exc.reason, "call": call},
                outcome="denied",
            )
    except ClinicError as err:  # the refusal stands even if the disk is full
        log.warning("A refusal could not be audited: %s", type(err).__name__)
    exc.audited = True


class RefusalAuditing:
    """Stands in for one service: the same methods, with refusals audited."""

    def __init__(self, inner: object, name: str, db: Database, trail: AuditTrail) -> None:
        self._inner = inner
        self._name = name
        self._db = db
        self._trail = trail

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._inner, attr)
        if attr.startswith("_") or not inspect.ismethod(value):
            return value
        return self._guard(value, f"{self._name}.{attr}")

    def _guard(self, method: Callable[..., Any], call: str) -> Callable[..., Any]:
        signature = inspect.signature(method)

        @functools.wraps(method)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind_partial(*args, **kwargs)
            actor = bound.arguments.get("actor")
            try:
                if isinstance(actor, Actor) and call not in _ALWAYS:
                    fresh = current_actor(self._db, actor)
                    if fresh is not actor:
                        bound.arguments["actor"] = fresh
                        actor = fresh
                return method(*bound.args, **bound.kwargs)
            except Forbidden as exc:
                if not exc.audited and isinstance(actor, Actor):
                    pid = bound.arguments.get("person_id")
                    person_id = pid if isinstance(pid, int) and not isinstance(pid, bool) else None
                    record_refusal(
                        self._db, self._trail, actor, exc, call=call, person_id=person_id
                    )
                raise

        return guarded
