"""Every refused attempt is audited: who, what, which person id, the rule that refused.

A refusal rolls back the unit of work it happened in, so it is written afterwards in its
own short transaction. Services are wrapped once, in ``build_services``; each public
method that raises :class:`Forbidden` leaves one ``access.refused`` row (no personal data:
codes and ids only) and re-raises.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import Any

from clinic_app.errors import ClinicError, Forbidden
from clinic_app.security.context import Actor
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.database import Database

log = logging.getLogger(__name__)

REFUSED_ACTION = "access.refused"


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
            try:
                return method(*args, **kwargs)
            except Forbidden as exc:
                if not exc.audited:
                    bound = _bind(signature, args, kwargs)
                    actor = bound.get("actor")
                    if isinstance(actor, Actor):
                        pid = bound.get("person_id")
                        person_id = (
                            pid if isinstance(pid, int) and not isinstance(pid, bool) else None
                        )
                        record_refusal(
                            self._db, self._trail, actor, exc, call=call, person_id=person_id
                        )
                raise

        return guarded


def _bind(signature: inspect.Signature, args: Any, kwargs: Any) -> dict[str, Any]:
    try:
        return dict(signature.bind_partial(*args, **kwargs).arguments)
    except TypeError:
        return {}
