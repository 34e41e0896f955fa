"""What is due: overdue, due within 7 days and within 30 days, for one contact person's caseload
or for a whole site, sorted by urgency.

Reads the stored ``PersonDeadline`` rows with one indexed query (no rule computation per
person), so it stays fast on tens of thousands of persons. The rows are kept current by
``facts_loader.refresh_person`` on every change and by the daily ``refresh_all``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from typing import Literal

from sqlalchemy import select

from clinic_app.errors import Invalid, NotFound
from clinic_app.models import AppSetting, ContactPersonAssignment, Person, PersonDeadline, Site
from clinic_app.rules import DeadlineKind
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

Scope = Literal["caseload", "site"]
Category = Literal["overdue", "due_7_days", "due_30_days"]
CATEGORIES: tuple[Category, ...] = ("overdue", "due_7_days", "due_30_days")

DUE_SOON_DAYS = 7
DUE_LATER_DAYS = 30
# Deadlines that passed more than this long ago are history, not overdue work: the record's
# timeline tab still shows them.
OVERDUE_WINDOW_DAYS = 30

# Among deadlines on the same day, obligations that protect the person come first.
_URGENCY = {
    kind: rank
    for rank, kind in enumerate(
        (
            DeadlineKind.GUARDIAN_MISSING,
            DeadlineKind.TURNS_18,
            DeadlineKind.PERMIT_EXPIRY,
            DeadlineKind.PERMIT_RENEWAL_REMINDER,
            DeadlineKind.REFLECTION_END,
            DeadlineKind.REFLECTION_MAX_END,
            DeadlineKind.ENTITLEMENT_END,
            DeadlineKind.CONTACT_PERSON_MISSING,
            DeadlineKind.AVR_FOLLOW_UP_END,
            DeadlineKind.PLAN_REVIEW,
            DeadlineKind.CONSENT_EXPIRY,
        )
    )
}
_URGENCY_BY_VALUE = {kind.value: rank for kind, rank in _URGENCY.items()}
_TAB_BY_VALUE = {kind.value: tab_for(kind.value) for kind in DeadlineKind}


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
        self, actor: Actor, scope: Scope = "caseload", site_id: int | None = None
    ) -> DashboardView:
        """Deadlines from ``OVERDUE_WINDOW_DAYS`` ago to 30 days ahead for active persons:
        ``caseload`` = persons whose current contact person is the actor; ``site`` = persons
        whose current site is ``site_id`` (default: the actor's site)."""
        today = self._today()
        start = today - dt.timedelta(days=OVERDUE_WINDOW_DAYS)
        end = today + dt.timedelta(days=DUE_LATER_DAYS)
        query = (
            select(
                PersonDeadline.person_id,
                Person.case_ref,
                Person.display_name,
                PersonDeadline.kind,
                PersonDeadline.due_date,
                PersonDeadline.explanation,
                PersonDeadline.uncertain,
                PersonDeadline.rule_set,
            )
            .join(Person, Person.id == PersonDeadline.person_id)
            .where(
                Person.archived_at.is_(None),
                PersonDeadline.due_date >= start,
                PersonDeadline.due_date <= end,
            )
        )
        if scope == "caseload":
            if site_id is not None:
                raise Invalid("site_id", "not_with_caseload", "A caseload is not per site.")
            # The actor is the contact person of every person listed; a role that sees only
            # its own site's persons sees only the part of its caseload at that site.
            if not allowed(actor, Action.PERSON_VIEW, own_caseload=True):
                # A user with no site is never on the same site as anyone.
                require(actor, Action.PERSON_VIEW, same_site=actor.site_id is not None)
                query = query.where(Person.current_site_id == actor.site_id)
            query = query.join(
                ContactPersonAssignment,
                (ContactPersonAssignment.person_id == Person.id)
                & ContactPersonAssignment.to_date.is_(None),
            ).where(ContactPersonAssignment.user_id == actor.user_id)
        elif scope == "site":
            site_id = site_id if site_id is not None else actor.site_id
            if site_id is None:
                raise Invalid("site_id", "required", "Choose a site.")
            require(actor, Action.PERSON_VIEW, same_site=actor.at_site(site_id))
            query = query.where(Person.current_site_id == site_id)
        else:
            raise Invalid("scope", "unknown", "Choose caseload or site.")
        with self._db.write() as s:
            if scope == "site" and s.get(Site, site_id) is None:
                raise NotFound("site", site_id)
            # Core rows (no ORM loading): this loop is most of the time on a large site.
            rows = s.connection().execute(query).all()
            ranked: list[tuple[tuple[dt.date, int, str, int], DashboardItem]] = []
            for pid, ref, name, kind, due, text, uncertain, rule_set in rows:
                days = (due - today).days
                category: Category = (
                    "overdue"
                    if days < 0
                    else "due_7_days"
                    if days <= DUE_SOON_DAYS
                    else "due_30_days"
                )
                ranked.append(
                    (
                        (due, _URGENCY_BY_VALUE.get(kind, len(_URGENCY)), ref, pid),
                        DashboardItem(
                            pid,
                            ref,
                            name,
                            kind,
                            due,
                            days,
                            category,
                            text,
                            uncertain,
                            rule_set or None,
                            _TAB_BY_VALUE.get(kind, "timeline"),
                        ),
                    )
                )
            ranked.sort(key=itemgetter(0))
            refreshed = s.get(AppSetting, LAST_REFRESH_SETTING)
            items = [item for _, item in ranked]
            counts = Counter(i.category for i in items)
            self._audit.record(
                s,
                actor,
                "dashboard.view",
                target=f"{scope}:{site_id}" if scope == "site" else scope,
                details={"items": len(items), "persons": len({i.person_id for i in items})},
            )
        return DashboardView(
            scope=scope,
            site_id=site_id if scope == "site" else None,
            today=today,
            items=tuple(items),
            counts={c: counts.get(c, 0) for c in CATEGORIES},
            counts_by_kind=dict(sorted(Counter(i.kind for i in items).items())),
            refreshed_on=dt.date.fromisoformat(refreshed.value) if refreshed else None,
        )

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
