"""What is due: overdue, due within 7 days and within 30 days, for one contact person's caseload
or for a whole site, sorted by urgency.

Reads the stored ``PersonDeadline`` rows with one indexed, ordered query (no rule computation
per person), so it stays fast on tens of thousands of persons. The rows are kept current by
``facts_loader.refresh_person`` on every change and by the daily ``refresh_all``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from sqlalchemy import Row, Select, case, select

from clinic_app.errors import Invalid, NotFound
from clinic_app.models import AppSetting, ContactPersonAssignment, Person, PersonDeadline, Site
from clinic_app.rules import DeadlineKind, Message, from_json
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import Clock, system_today
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import (
    LAST_REFRESH_SETTING,
    RefreshReport,
    refresh_all,
    tab_for,
)
from clinic_app.services.relations import require_site_scope

Scope = Literal["caseload", "site"]
Category = Literal["overdue", "due_7_days", "due_30_days"]
CATEGORIES: tuple[Category, ...] = ("overdue", "due_7_days", "due_30_days")

DUE_SOON_DAYS = 7
DUE_LATER_DAYS = 30
# Deadlines that passed more than this long ago are history, not overdue work: the record's
# timeline tab still shows them.
OVERDUE_WINDOW_DAYS = 30
# A list a person can work through; the counts say how many more there are.
DEFAULT_PER_CATEGORY = 200
MAX_PER_CATEGORY = 100_000

# Among deadlines on the same day, obligations that protect the person come first.
_URGENCY = {
    kind: rank
    for rank, kind in enumerate(
        (
            DeadlineKind.GUARDIAN_MISSING,
            DeadlineKind.HISTORY_CORRECTION,
            DeadlineKind.TURNS_18,
            DeadlineKind.PERMIT_EXPIRY,
            DeadlineKind.PERMIT_RENEWAL_REMINDER,
            DeadlineKind.REFLECTION_END,
            DeadlineKind.REFLECTION_MAX_END,
            DeadlineKind.ENTITLEMENT_END,
            DeadlineKind.MANUAL_REVIEW,
            DeadlineKind.CONTACT_PERSON_MISSING,
            DeadlineKind.AVR_FOLLOW_UP_END,
            DeadlineKind.PLAN_REVIEW,
            DeadlineKind.CONSENT_EXPIRY,
        )
    )
}
_URGENCY_BY_VALUE = {kind.value: rank for kind, rank in _URGENCY.items()}
_TAB_BY_VALUE = {kind.value: tab_for(kind.value) for kind in DeadlineKind}

# Any select of columns: the scope filter narrows the counts and the items alike.
_S = TypeVar("_S", bound="Select[*tuple[Any, ...]]")


def _item(row: Row[*tuple[Any, ...]], category: Category, today: dt.date) -> DashboardItem:
    pid, ref, name, kind, due, text, uncertain, rule_set, message, expected, unreliable, status = (
        row
    )
    return DashboardItem(
        pid,
        ref,
        name,
        kind,
        due,
        (due - today).days,
        category,
        text,
        uncertain,
        rule_set or None,
        _TAB_BY_VALUE.get(kind, "timeline"),
        from_json(message),
        bool(expected),
        bool(unreliable),
        status,
    )


@dataclass(frozen=True)
class DashboardItem:
    person_id: int
    case_ref: str
    display_name: str
    kind: str  # a DeadlineKind value
    due: dt.date
    days_left: int  # negative when overdue
    category: Category
    explanation: str
    uncertain: bool
    rule_set_id: str | None
    tab: str  # the person-record tab to open: timeline, contacts, plans, entitlements, consents
    message: Message | None  # render(message, lang); None for rows stored before v2
    expected: bool  # follows a requested extension not yet decided
    unreliable: bool  # the person's history needs correction
    status: str  # the person's headline status (Person.status)


@dataclass(frozen=True)
class DashboardView:
    scope: Scope
    site_id: int | None
    today: dt.date
    items: tuple[DashboardItem, ...]  # most urgent first
    counts: dict[Category, int]
    counts_by_kind: dict[str, int]
    # The day the date-dependent deadlines were last recomputed for everyone (refresh_all);
    # the UI should warn when it is not today.
    refreshed_on: dt.date | None

    def of(self, category: Category) -> tuple[DashboardItem, ...]:
        return tuple(i for i in self.items if i.category == category)


class DashboardService:
    """The dashboard of what is due. Checks permissions and audits each view (counts only)."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock = system_today) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    def dashboard(
        self,
        actor: Actor,
        scope: Scope = "caseload",
        site_id: int | None = None,
        *,
        per_category: int | None = DEFAULT_PER_CATEGORY,
    ) -> DashboardView:
        """Deadlines from ``OVERDUE_WINDOW_DAYS`` ago to 30 days ahead for active persons:
        ``caseload`` = persons whose current contact person is the actor; ``site`` = persons
        whose current site is ``site_id`` (default: the actor's site).

        Lists at most ``per_category`` items per category, most urgent first (None = all);
        the counts always cover everything."""
        if per_category is not None and not 1 <= per_category <= MAX_PER_CATEGORY:
            raise Invalid("per_category", "out_of_range", f"Between 1 and {MAX_PER_CATEGORY}.")
        today = self._today()
        soon = today + dt.timedelta(days=DUE_SOON_DAYS)
        start = today - dt.timedelta(days=OVERDUE_WINDOW_DAYS)
        end = today + dt.timedelta(days=DUE_LATER_DAYS)
        due = PersonDeadline.due_date
        scoped = self._scope_filter(actor, scope, site_id)
        if scope == "site":
            site_id = site_id if site_id is not None else actor.site_id
        urgency = case(_URGENCY_BY_VALUE, value=PersonDeadline.kind, else_=len(_URGENCY))
        query = scoped(
            select(
                PersonDeadline.person_id,
                Person.case_ref,
                Person.display_name,
                PersonDeadline.kind,
                due,
                PersonDeadline.explanation,
                PersonDeadline.uncertain,
                PersonDeadline.rule_set,
                PersonDeadline.message,
                PersonDeadline.expected,
                PersonDeadline.unreliable,
                Person.status,
            )
            .join(Person, Person.id == PersonDeadline.person_id)
            .where(Person.archived_at.is_(None), due >= start, due <= end)
            .order_by(due, urgency, Person.case_ref, PersonDeadline.person_id, PersonDeadline.id)
        )
        cap = per_category if per_category is not None else MAX_PER_CATEGORY
        with self._db.write() as s:
            if scope == "site" and s.get(Site, site_id) is None:
                raise NotFound("site", site_id)
            # One query, ordered by the database (due date first, so the categories come out
            # in order too); Core rows, no ORM loading. Every row is counted, but only the
            # first ``cap`` of each category become items.
            counts: Counter[str] = Counter()
            by_kind: Counter[str] = Counter()
            items: list[DashboardItem] = []
            for row in s.connection().execute(query):
                day, kind = row[4], row[3]
                name: Category = (
                    "overdue" if day < today else "due_7_days" if day <= soon else "due_30_days"
                )
                counts[name] += 1
                by_kind[kind] += 1
                if counts[name] <= cap:
                    items.append(_item(row, name, today))
            refreshed = s.get(AppSetting, LAST_REFRESH_SETTING)
            self._audit.record(
                s,
                actor,
                "dashboard.view",
                target=f"{scope}:{site_id}" if scope == "site" else scope,
                details={"items": len(items), "total": sum(counts.values())},
                listed=[i.person_id for i in items],
            )
        return DashboardView(
            scope=scope,
            site_id=site_id if scope == "site" else None,
            today=today,
            items=tuple(items),
            counts={c: counts.get(c, 0) for c in CATEGORIES},
            counts_by_kind=dict(sorted(by_kind.items())),
            refreshed_on=dt.date.fromisoformat(refreshed.value) if refreshed else None,
        )

    def _scope_filter(self, actor: Actor, scope: Scope, site_id: int | None) -> Callable[[_S], _S]:
        """Check the actor may see the scope; return what narrows a query to it."""
        if scope == "caseload":
            if site_id is not None:
                raise Invalid("site_id", "not_with_caseload", "A caseload is not per site.")
            # The actor is the contact person of every person listed; a role that sees only
            # its own site's persons sees only the part of its caseload at that site.
            own_site_only = not allowed(actor, Action.PERSON_VIEW, own_caseload=True)
            if own_site_only:
                # A user with no site is never on the same site as anyone.
                require(actor, Action.PERSON_VIEW, same_site=actor.site_id is not None)

            def caseload(query: _S) -> _S:
                query = query.join(
                    ContactPersonAssignment,
                    (ContactPersonAssignment.person_id == Person.id)
                    & ContactPersonAssignment.to_date.is_(None),
                ).where(ContactPersonAssignment.user_id == actor.user_id)
                if own_site_only:
                    query = query.where(Person.current_site_id == actor.site_id)
                return query

            return caseload
        if scope == "site":
            chosen = site_id if site_id is not None else actor.site_id
            if chosen is None:
                raise Invalid("site_id", "required", "Choose a site.")
            # Who is at a site is where they are: only that site's staff see it.
            require_site_scope(actor, chosen)
            require(actor, Action.PERSON_VIEW, same_site=actor.at_site(chosen))
            return lambda query: query.where(Person.current_site_id == chosen)
        raise Invalid("scope", "unknown", "Choose caseload or site.")

    def refresh_all(self, actor: Actor) -> RefreshReport:
        """Recompute every active person's status and deadlines for today (administrators;
        normally run at start-up or nightly, see ``facts_loader``)."""
        require(actor, Action.SETTINGS_EDIT)
        report = refresh_all(self._db, self._today())
        with self._db.write() as s:
            self._audit.record(
                s,
                actor,
                "deadlines.refresh",
                details={"persons": report.persons, "changed": report.changed},
            )
        return report
