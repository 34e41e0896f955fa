"""Reading the audit log: verification, the administrators' viewer, access reports, purge."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.orm import Session

from clinic_app.errors import Invalid, NotFound
from clinic_app.models import (
    AppSetting,
    AuditAnchor,
    AuditEvent,
    AuditListPerson,
    ContactPersonAssignment,
    Person,
)
from clinic_app.models import User as UserRow
from clinic_app.security.audit_chain import Row, make_anchor, verify_chain
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import (
    ANCHOR_ID,
    DEMO_AUDIT_KEY,
    ORIGIN_DEMO,
    AuditTrail,
    audit_row_fields,
    bounds_of,
    is_pristine,
    listed_details,
    seal_is_authentic,
)
from clinic_app.services.chain_head import HEAD_MESSAGES, head_status, remember
from clinic_app.services.common import Clock, Page, check_paging, system_today
from clinic_app.services.database import Database

RETENTION_SETTING = "audit_retention_days"
DEFAULT_RETENTION_DAYS = 5 * 365 + 2  # five years, leap days included
MIN_RETENTION_DAYS = 184  # six months, whichever six months they are
MAX_RETENTION_DAYS = 100 * 366

_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])

_REASONS = {
    "ok": "The audit log is intact.",
    "bad_sequence": "A row is missing, inserted or moved.",
    "bad_hash": "A row was changed.",
    "malformed_row": "A row holds a value of the wrong kind.",
    "truncated": "Rows are missing from the end of the log.",
    "extra_rows": "There are rows after the recorded end of the log.",
    "bad_anchor": "The record of the log's start and end was changed.",
    "missing_anchor": "The record of the log's start and end is missing.",
    "demo_key": "The log is sealed with the published demo key: it proves nothing.",
    "bad_list_index": "The record of which persons a list showed was changed.",
}


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying the chain. ``first_bad_id`` is the id of the first row that
    does not verify (for missing rows: the first missing id), or None."""

    ok: bool
    checked: int
    first_bad_id: int | None
    reason: str
    message: str
    first_id: int
    last_id: int


@dataclass(frozen=True)
class AuditFilter:
    """Filters of the audit viewer; every one is optional. ``action`` matches exactly or as a
    prefix ("person" matches person.view, person.edit, ...); dates are inclusive UTC days."""

    username: str | None = None
    person_id: int | None = None
    case_ref: str | None = None
    action: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


@dataclass(frozen=True)
class AuditRow:
    """One audit event as administrators see it: ids, usernames and codes, no personal data."""

    id: int
    at: dt.datetime
    user_id: int | None
    username: str
    role: str
    workstation: str
    action: str
    person_id: int | None
    case_ref: str | None
    target: str
    details: str
    outcome: str


@dataclass(frozen=True)
class AccessEntry:
    """One access to a person's record: when, who (user name and role), what, from where."""

    at: dt.datetime
    user_id: int | None
    username: str
    display_name: str | None
    role: str
    action: str
    outcome: str
    workstation: str
    # True: she was not opened but appeared in a list (a search, the dashboard, a day view);
    # ``listed_in`` then says which, in words.
    listed: bool = False
    listed_in: str = ""


# The lists whose audit rows record which persons they showed, in an access report's words.
LIST_NAMES: dict[str, str] = {
    "person.search": "a search",
    "person.duplicate_check": "a duplicate check",
    "dashboard.view": "the dashboard",
    "visit.day_view": "the clinic day view",
    "referral.list": "the open referrals",
    "contact_person.caseload": "a caseload list",
    "guardian.transitions": "the turning-18 list",
    "plan.review_list": "the plans due for review",
}


@dataclass(frozen=True)
class AccessReportView:
    """Who viewed or changed one person's record, oldest first (a data-subject request)."""

    person_id: int
    case_ref: str | None
    entries: tuple[AccessEntry, ...]
    generated_at: dt.datetime


@dataclass(frozen=True)
class PurgeResult:
    deleted: int
    before: dt.date
    first_remaining_id: int


class AuditService:
    """Administrators' view of the audit log. Every call checks permissions and is audited."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- verification --------------------------------------------------------------------

    def verify(self, actor: Actor) -> AuditCheck:
        """Check every stored row and the anchor; the check itself is then audited."""
        require(actor, Action.AUDIT_VERIFY)
        result = verify_log(self._db, self._audit)
        head = head_status(self._db, self._audit)
        if result.ok and head in HEAD_MESSAGES:
            # Whole in itself, but older than (or another than) what this computer saw.
            result = replace(result, ok=False, reason=f"chain_{head}", message=HEAD_MESSAGES[head])
        with self._db.write() as s:
            self._audit.record(
                s,
                actor,
                "audit.verify",
                outcome="ok" if result.ok else "failed",
                details={
                    "checked": result.checked,
                    "reason": result.reason,
                    "first_bad_id": result.first_bad_id,
                },
            )
        if result.ok:
            remember(self._db, self._audit)
        return result

    def head_warning(self) -> str | None:
        """At open: a warning if the log is behind or beside the newest head this
        workstation saw (a rollback or a swapped copy), else None."""
        return HEAD_MESSAGES.get(head_status(self._db, self._audit))

    # --- viewer --------------------------------------------------------------------------

    def list_events(
        self,
        actor: Actor,
        flt: AuditFilter | None = None,
        *,
        offset: int = 0,
        limit: int = 100,
    ) -> Page[AuditRow]:
        """Audit events matching ``flt``, newest first."""
        require(actor, Action.AUDIT_VIEW)
        check_paging(offset, limit)
        flt = flt or AuditFilter()
        if flt.since and flt.until and flt.until < flt.since:
            raise Invalid("until", "end_before_start", "The end date is before the start date.")
        with self._db.write() as s:
            person_id = flt.person_id
            if flt.case_ref:
                person_id = s.scalar(
                    select(Person.id).where(Person.case_ref == flt.case_ref.strip().upper())
                )
                if person_id is None:
                    raise NotFound("person", flt.case_ref)
            q = _filtered(select(AuditEvent.id), flt, person_id)
            total = s.scalar(select(func.count()).select_from(q.subquery())) or 0
            rows = s.execute(
                _filtered(
                    select(AuditEvent, Person.case_ref).outerjoin(
                        Person, Person.id == AuditEvent.person_id
                    ),
                    flt,
                    person_id,
                )
                .order_by(AuditEvent.id.desc())
                .offset(offset)
                .limit(limit)
            ).all()
            items = tuple(_audit_row(e, ref) for e, ref in rows)
            used = [
                name
                for name in ("username", "person", "action", "since", "until")
                if getattr(flt, name if name != "person" else "person_id")
                or (name == "person" and flt.case_ref)
            ]
            self._audit.record(
                s,
                actor,
                "audit.view",
                person_id=person_id,
                details={"filters": used, "results": total},
            )
        return Page(items, total, offset, limit)

    # --- access report -------------------------------------------------------------------

    def person_id_for(self, actor: Actor, case_ref: str) -> int:
        """The person id behind a case reference, for callers of :meth:`access_report`."""
        # Any scope at all will do here; access_report checks the person's own relation.
        require(actor, Action.ACCESS_REPORT_VIEW, own_caseload=True, same_site=True)
        with self._db.read() as s:
            person_id = s.scalar(
                select(Person.id).where(Person.case_ref == case_ref.strip().upper())
            )
        if person_id is None:
            raise NotFound("person", case_ref)
        return person_id

    def access_report(self, actor: Actor, person_id: int) -> AccessReportView:
        """Every audited access to one person's record (uses ix_audit_event_person)."""
        with self._db.write() as s:
            person = s.get(Person, person_id)
            if person is None:
                # The log outlives erased persons: report on an id that has events.
                exists = s.scalar(
                    select(AuditEvent.id).where(AuditEvent.person_id == person_id).limit(1)
                )
                if exists is None:
                    raise NotFound("person", person_id)
                require(actor, Action.ACCESS_REPORT_VIEW)
                case_ref = None
            else:
                contact = s.scalar(
                    select(ContactPersonAssignment.user_id).where(
                        ContactPersonAssignment.person_id == person.id,
                        ContactPersonAssignment.to_date.is_(None),
                    )
                )
                require(
                    actor,
                    Action.ACCESS_REPORT_VIEW,
                    own_caseload=actor.is_contact_person_for(contact),
                    same_site=actor.at_site(person.current_site_id),
                )
                case_ref = person.case_ref
            columns = (
                AuditEvent.at,
                AuditEvent.id,
                AuditEvent.user_id,
                AuditEvent.username,
                AuditEvent.role,
                AuditEvent.action,
                AuditEvent.outcome,
                AuditEvent.workstation,
            )
            direct = s.execute(select(*columns).where(AuditEvent.person_id == person_id)).all()
            # Lists she appeared in, through the person index (ix_audit_list_person_person).
            shown = s.execute(
                select(*columns)
                .join(AuditListPerson, AuditListPerson.event_id == AuditEvent.id)
                .where(AuditListPerson.person_id == person_id)
            ).all()
            rows = sorted(
                [(r, False) for r in direct] + [(r, True) for r in shown],
                key=lambda pair: (pair[0].at, pair[0].id),
            )
            user_ids = {r.user_id for r, _ in rows if r.user_id is not None}
            names: dict[int, str] = {}
            if user_ids:
                found = s.execute(
                    select(UserRow.id, UserRow.display_name).where(UserRow.id.in_(user_ids))
                ).all()
                names = {uid: name for uid, name in found}
            entries = tuple(
                AccessEntry(
                    at=r.at,
                    user_id=r.user_id,
                    username=r.username,
                    display_name=names.get(r.user_id) if r.user_id is not None else None,
                    role=r.role,
                    action=r.action,
                    outcome=r.outcome,
                    workstation=r.workstation,
                    listed=listed,
                    listed_in=LIST_NAMES.get(r.action, r.action) if listed else "",
                )
                for r, listed in rows
            )
            event = self._audit.record(
                s,
                actor,
                "access_report.view",
                person_id=person_id,
                details={"entries": len(entries)},
            )
            return AccessReportView(person_id, case_ref, entries, event.at)

    # --- retention and purge -------------------------------------------------------------

    def retention_days(self) -> int:
        """Days audit rows are kept (the ``audit_retention_days`` setting, or five years)."""
        with self._db.read() as s:
            return _retention(s)

    def set_retention_days(self, actor: Actor, days: int) -> int:
        """Change the retention; never below six months."""
        require(actor, Action.SETTINGS_EDIT)
        _check_retention(days)
        with self._db.write() as s:
            before = _retention(s)
            s.merge(AppSetting(key=RETENTION_SETTING, value=str(days)))
            self._audit.record(
                s,
                actor,
                "settings.edit",
                target=f"setting:{RETENTION_SETTING}",
                details={"fields": [RETENTION_SETTING], "from": before, "to": days},
            )
        return days

    def purge(self, actor: Actor, before: dt.date) -> PurgeResult:
        """Delete audit rows from before ``before`` (a UTC day outside the retention period).

        Rows go from the start of the log up to the first row stamped on or after
        ``before`` (the log stays one unbroken chain, so a row with an earlier time after it,
        e.g. from a clock set back, is kept). The anchor then records the first remaining
        row and the hash it chains to, sealed with the key, so the shortened log still
        verifies. The purge is itself the newest audited event.
        """
        require(actor, Action.AUDIT_PURGE)
        with self._db.write() as s:
            days = _retention(s)
            latest = self._today() - dt.timedelta(days=days)
            if before > latest:
                raise Invalid(
                    "before",
                    "within_retention",
                    f"Audit rows are kept {days} days: the latest date allowed is {latest}.",
                )
            anchor = s.get(AuditAnchor, ANCHOR_ID, with_for_update=True)
            deleted = 0
            if anchor is not None and anchor.last_event_id:
                if not self._audit.anchor_is_authentic(anchor):
                    raise Invalid(
                        "audit", "bad_anchor", "The audit log does not verify; nothing purged."
                    )
                bounds = bounds_of(anchor)
                cutoff = dt.datetime.combine(before, dt.time())
                first_kept = s.scalar(
                    select(func.min(AuditEvent.id)).where(AuditEvent.at >= cutoff)
                )
                cut = first_kept if first_kept is not None else anchor.last_event_id + 1
                if cut > bounds.first_seq:
                    genesis = s.scalar(select(AuditEvent.row_hash).where(AuditEvent.id == cut - 1))
                    if genesis is None:
                        raise Invalid(
                            "audit",
                            "bad_sequence",
                            "The audit log does not verify; nothing purged.",
                        )
                    deleted = s.scalar(select(func.count()).where(AuditEvent.id < cut)) or 0
                    s.execute(delete(AuditEvent).where(AuditEvent.id < cut))
                    s.execute(delete(AuditListPerson).where(AuditListPerson.event_id < cut))
                    anchor.purged_before_id = cut
                    anchor.purged_anchor_hash = genesis
                    self._audit.seal(anchor)
            event = self._audit.record(
                s,
                actor,
                "audit.purge",
                details={"before": before.isoformat(), "deleted": deleted, "retention": days},
            )
            first = s.scalar(select(func.min(AuditEvent.id))) or event.id
        return PurgeResult(deleted, before, first)


# --- module helpers --------------------------------------------------------------------------


def verify_log(db: Database, trail: AuditTrail) -> AuditCheck:
    """Verify the whole stored chain against the authenticated anchor (no permission check:
    for the service above, start-up checks and benchmarks)."""
    with db.read() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        if anchor is None:
            if is_pristine(s):
                return _check(True, 0, None, "ok", 0, 0)
            # Every database with users, persons or history has founded its log (users'
            # creation is audited): the anchor was removed, with or without the rows.
            first = s.scalar(select(func.min(AuditEvent.id)))
            return _check(False, 0, first, "missing_anchor", 0, 0)
        bounds = bounds_of(anchor)
        authentic = trail.anchor_is_authentic(anchor)
        if (
            not authentic
            and trail.origin != ORIGIN_DEMO
            and seal_is_authentic(DEMO_AUDIT_KEY, anchor)
        ):
            # Sealed with the published demo key: a demo database, or a real one forged to
            # look like it. Either way the log proves nothing.
            return _check(False, 0, None, "demo_key", bounds.first_seq, bounds.last_seq)
        # With a forged anchor the chain is still walked from the start it claims, so the
        # report can name the first bad row; the anchor is blamed only if every row fits.
        result = verify_chain(
            trail.key,
            _stored_rows(s, bounds.genesis),
            bounds.genesis,
            first_seq=bounds.first_seq,
            # The anchor row was just authenticated; this restates it for verify_chain.
            anchor=make_anchor(trail.key, bounds.count, bounds.last_hash) if authentic else None,
        )
        bad_id = (
            bounds.first_seq + result.first_bad_index
            if result.first_bad_index is not None
            else None
        )
        if result.ok and not authentic:
            return _check(
                False, result.checked, None, "bad_anchor", bounds.first_seq, bounds.last_seq
            )
        if result.ok:
            bad_list = _first_bad_list(s)
            if bad_list is not None:
                return _check(
                    False,
                    result.checked,
                    bad_list,
                    "bad_list_index",
                    bounds.first_seq,
                    bounds.last_seq,
                )
        return _check(
            result.ok, result.checked, bad_id, result.reason, bounds.first_seq, bounds.last_seq
        )


def _first_bad_list(s: Session) -> int | None:
    """The first list event whose person index does not fit the digest in its chained
    details (rows added to or removed from the index), or None."""
    stated: dict[int, str] = {}
    for event_id, details in s.execute(
        select(AuditEvent.id, AuditEvent.details).where(
            AuditEvent.details.contains('"listed_sha256"')
        )
    ):
        try:
            stated[event_id] = str(json.loads(details)["listed_sha256"])
        except (ValueError, KeyError, TypeError):
            return int(event_id)
    found: dict[int, list[int]] = {}
    for event_id, person_id in s.execute(
        select(AuditListPerson.event_id, AuditListPerson.person_id).order_by(
            AuditListPerson.event_id, AuditListPerson.person_id
        )
    ).yield_per(10000):
        found.setdefault(event_id, []).append(person_id)
    bad = [eid for eid in found if eid not in stated]
    for event_id, digest in stated.items():
        if listed_details(found.get(event_id, []))["listed_sha256"] != digest:
            bad.append(event_id)
    return min(bad) if bad else None


def _stored_rows(s: Session, genesis: str) -> Iterator[tuple[Row, str]]:
    """Rows in id order, streamed. A stored prev_hash that does not match the previous row's
    hash is reported as a bad hash on that row."""
    prev = genesis
    result = s.execute(select(AuditEvent.__table__).order_by(AuditEvent.id)).yield_per(5000)
    for row in result:
        stored = row.row_hash
        yield audit_row_fields(row), stored if row.prev_hash == prev else ""
        prev = stored


def _check(
    ok: bool, checked: int, bad_id: int | None, reason: str, first: int, last: int
) -> AuditCheck:
    return AuditCheck(ok, checked, bad_id, reason, _REASONS.get(reason, reason), first, last)


def _filtered(q: _Q, flt: AuditFilter, person_id: int | None) -> _Q:
    if flt.username:
        q = q.where(AuditEvent.username == flt.username.strip().lower())
    if person_id is not None:
        q = q.where(AuditEvent.person_id == person_id)
    if flt.action:
        action = flt.action.strip().rstrip(".*")
        q = q.where(
            or_(
                AuditEvent.action == action,
                AuditEvent.action.startswith(action + ".", autoescape=True),
            )
        )
    if flt.since:
        q = q.where(AuditEvent.at >= dt.datetime.combine(flt.since, dt.time()))
    if flt.until:
        q = q.where(
            AuditEvent.at < dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time())
        )
    return q


def _audit_row(e: AuditEvent, case_ref: str | None) -> AuditRow:
    return AuditRow(
        id=e.id,
        at=e.at,
        user_id=e.user_id,
        username=e.username,
        role=e.role,
        workstation=e.workstation,
        action=e.action,
        person_id=e.person_id,
        case_ref=case_ref,
        target=e.target,
        details=e.details,
        outcome=e.outcome,
    )


def _check_retention(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int):
        raise Invalid("audit_retention_days", "not_a_number", "Give a whole number of days.")
    if days < MIN_RETENTION_DAYS:
        raise Invalid(
            "audit_retention_days",
            "too_short",
            f"Audit rows must be kept at least six months ({MIN_RETENTION_DAYS} days).",
        )
    if days > MAX_RETENTION_DAYS:
        raise Invalid("audit_retention_days", "too_long", "At most 100 years.")


def _retention(s: Session) -> int:
    raw = s.scalar(select(AppSetting.value).where(AppSetting.key == RETENTION_SETTING))
    if raw is None or not raw.strip():
        return DEFAULT_RETENTION_DAYS
    try:
        days = int(raw)
    except ValueError as exc:
        raise Invalid(
            "audit_retention_days", "not_a_number", "Stored value is not a number."
        ) from exc
    # A value below the floor (edited outside the app) never shortens retention.
    return max(days, MIN_RETENTION_DAYS)
