"""Individual action plans: plans per person and period, versions, goals by area and tasks.

Versions: the newest version of a plan is the one that changes. While it is a draft it is
edited in place; once agreed it is frozen, and the next edit first copies it (goals and tasks)
into a new draft numbered n+1, so every agreed version stays readable exactly as signed.
Agreeing a draft supersedes the previously agreed version.

Locking: every edit names the version it was made against as a :class:`PlanStamp` (number and
the optimistic-lock counter of the newest version); a stale stamp raises ``Conflict``.

Permissions: contact persons edit their own caseload's plans, team leads and administrators
any; shelter staff see plans without the health area, nurses see the health area only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from clinic_app.errors import Conflict, Forbidden, Invalid, NotFound
from clinic_app.models import (
    ActionPlan,
    ActionPlanVersion,
    ContactPersonAssignment,
    Partner,
    Person,
    PlanGoal,
    PlanTask,
    PlanTemplate,
    User,
    utcnow,
)
from clinic_app.rules.dates import age_on
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, Scope, allowed, require, scope_for
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import (
    YEAR_AHEAD,
    Clock,
    check_date_bounds,
    check_range,
    clean_text,
)
from clinic_app.services.contacts import current_contact, current_guardian, is_minor_on
from clinic_app.services.database import Database
from clinic_app.services.facts_loader import refresh_person
from clinic_app.services.persons import birth_fact
from clinic_app.services.plan_diff import VersionDiff, diff_goals
from clinic_app.services.plan_templates import (
    CHILD_AREAS,
    TemplateInput,
    TemplateView,
    clean_template,
    goals_to_json,
    seed_templates,
    template_view,
)
from clinic_app.services.relations import relation_to
from clinic_app.vocabulary import PlanArea, PlanState, TaskStatus

MAX_GOALS = 100
MAX_TASKS_PER_GOAL = 60
OPEN_STATUSES = frozenset({TaskStatus.OPEN, TaskStatus.IN_PROGRESS})


# --- data in and out ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanStamp:
    """The newest version of a plan as the caller saw it: its number and lock counter."""

    number: int
    version: int


@dataclass(frozen=True)
class PlanInput:
    title: str
    period_from: dt.date
    period_to: dt.date | None = None
    review_date: dt.date | None = None


@dataclass(frozen=True)
class GoalInput:
    area: PlanArea
    title: str
    description: str = ""
    # Family tracing is planned only when it is in the child's best interest: the caller
    # confirms that this was assessed.
    best_interest_confirmed: bool = False


@dataclass(frozen=True)
class TaskInput:
    """A task; the responsible is a staff user, a partner or a free-text name (one of them)."""

    description: str
    responsible_user_id: int | None = None
    responsible_partner_id: int | None = None
    responsible_text: str = ""
    due_date: dt.date | None = None
    status: TaskStatus = TaskStatus.OPEN
    note: str = ""


@dataclass(frozen=True)
class TaskView:
    id: int
    goal_id: int
    description: str
    responsible_user_id: int | None
    responsible_partner_id: int | None
    responsible_text: str
    responsible_label: str  # who, as shown: the user's or partner's name, or the free text
    due_date: dt.date | None
    status: TaskStatus
    note: str
    position: int
    overdue: bool


@dataclass(frozen=True)
class GoalView:
    id: int
    area: PlanArea
    title: str
    description: str
    position: int
    tasks: tuple[TaskView, ...]


class GoalScope(StrEnum):
    """Which goals of a plan the actor sees."""

    ALL = "all"
    WITHOUT_HEALTH = "without_health"
    HEALTH_ONLY = "health_only"


@dataclass(frozen=True)
class VersionSummary:
    number: int
    state: PlanState
    created_at: dt.datetime
    agreed_at: dt.datetime | None


@dataclass(frozen=True)
class PlanVersionView:
    id: int
    number: int
    state: PlanState
    created_at: dt.datetime
    created_by_name: str
    agreed_at: dt.datetime | None
    agreed_by_person: bool
    agreed_contact_name: str
    agreed_guardian_name: str
    note: str
    goals: tuple[GoalView, ...]


@dataclass(frozen=True)
class PlanDetail:
    id: int
    person_id: int
    case_ref: str
    title: str
    period_from: dt.date
    period_to: dt.date | None
    review_date: dt.date | None
    review_due: bool
    template_key: str
    archived: bool
    is_minor: bool
    guardian_name: str | None
    contact_person_name: str | None
    versions: tuple[VersionSummary, ...]
    shown: PlanVersionView  # the version asked for (the newest by default)
    stamp: PlanStamp  # of the newest version, for the next edit
    goal_scope: GoalScope
    may_edit: bool
    may_agree: bool


@dataclass(frozen=True)
class PlanSummary:
    id: int
    person_id: int
    case_ref: str
    display_name: str
    title: str
    period_from: dt.date
    period_to: dt.date | None
    review_date: dt.date | None
    review_due: bool
    latest_number: int
    latest_state: PlanState
    agreed_number: int | None
    open_tasks: int


@dataclass
class _Target:
    """The draft an edit applies to, and how ids the caller saw map onto its rows."""

    plan: ActionPlan
    person: Person
    draft: ActionPlanVersion
    goals: dict[int, PlanGoal]
    tasks: dict[int, PlanTask]
    new_version: bool


# --- the service -------------------------------------------------------------------------------


class ActionPlanService:
    """Plans, versions, goals, tasks and templates. Every call checks permissions and is
    audited; every change recomputes the person's review deadline."""

    def __init__(self, db: Database, audit: AuditTrail, clock: Clock) -> None:
        self._db = db
        self._audit = audit
        self._today = clock

    # --- plans ------------------------------------------------------------------------------

    def create(
        self, actor: Actor, person_id: int, data: PlanInput, template_key: str | None = None
    ) -> PlanDetail:
        """A new plan with a first draft version, pre-filled from a template if one is named."""
        clean = _clean_plan(data, self._today())
        with self._db.write() as s:
            person = _load_person(s, person_id)
            rel = relation_to(s, actor, person)
            require(actor, Action.PLAN_EDIT, own_caseload=rel.own_caseload, same_site=rel.same_site)
            if person.archived_at is not None:
                raise Conflict("person", "the case is archived")
            goals: Sequence[tuple[PlanArea, str, str, tuple[str, ...]]] = ()
            key = (template_key or "").strip()
            if key:
                seed_templates(s)
                row = s.scalar(select(PlanTemplate).where(PlanTemplate.key == key))
                if row is None:
                    raise Invalid("template", "unknown_template", "Choose one of the templates.")
                view = template_view(row)
                age, _ = age_on(birth_fact(person), self._today())
                if view.for_minors and age is not None and age >= 18:
                    raise Invalid(
                        "template", "for_minors", "This template is for persons under 18."
                    )
                goals = [(g.area, g.title, g.description, g.tasks) for g in view.goals]
            plan = ActionPlan(
                person_id=person.id,
                title=clean.title,
                period_from=clean.period_from,
                period_to=clean.period_to,
                review_date=clean.review_date,
                template_key=key,
            )
            draft = ActionPlanVersion(
                number=1, state=PlanState.DRAFT, created_by_id=actor.user_id, note=""
            )
            for gpos, (area, title, description, tasks) in enumerate(goals):
                draft.goals.append(
                    PlanGoal(
                        area=area,
                        title=title,
                        description=description,
                        position=gpos,
                        tasks=[
                            PlanTask(description=t, position=tpos, status=TaskStatus.OPEN)
                            for tpos, t in enumerate(tasks)
                        ],
                    )
                )
            plan.versions.append(draft)
            s.add(plan)
            s.flush()
            self._audit.record(
                s,
                actor,
                "plan.create",
                person_id=person.id,
                target=f"plan:{plan.id}",
                details={"template": key, "goals": len(goals), "fields": _plan_fields(clean)},
            )
            refresh_person(s, person.id, self._today())
            return self._detail(s, actor, plan, person, None)

    def update_plan(
        self, actor: Actor, plan_id: int, data: PlanInput, *, expected: PlanStamp
    ) -> PlanDetail:
        """Change the plan's title, period or review date (not versioned: they describe the
        plan, not what was agreed)."""
        clean = _clean_plan(data, self._today())
        with self._db.write() as s:
            plan, person = self._load_for_edit(s, actor, plan_id)
            _check_stamp(plan, expected)
            changed = [
                f
                for f in ("title", "period_from", "period_to", "review_date")
                if getattr(plan, f) != getattr(clean, f)
            ]
            plan.title, plan.period_from = clean.title, clean.period_from
            plan.period_to, plan.review_date = clean.period_to, clean.review_date
            _touch(_latest(plan))
            s.flush()
            self._audit.record(
                s,
                actor,
                "plan.edit",
                person_id=person.id,
                target=f"plan:{plan.id}",
                details={"fields": changed},
            )
            refresh_person(s, person.id, self._today())
            return self._detail(s, actor, plan, person, None)

    def get(self, actor: Actor, plan_id: int, number: int | None = None) -> PlanDetail:
        """A plan showing version ``number`` (default: the newest); audited as a view."""
        with self._db.write() as s:
            plan = _load_plan(s, plan_id)
            person = _load_person(s, plan.person_id)
            self._goal_scope(s, actor, person)
            detail = self._detail(s, actor, plan, person, number)
            self._audit.record(
                s,
                actor,
                "plan.view",
                person_id=person.id,
                target=f"plan:{plan.id}",
                details={"version": detail.shown.number},
            )
            return detail

    def list_for_person(self, actor: Actor, person_id: int) -> tuple[PlanSummary, ...]:
        """The person's plans, newest period first (audited)."""
        with self._db.write() as s:
            person = _load_person(s, person_id)
            self._goal_scope(s, actor, person)
            plans = s.scalars(
                select(ActionPlan)
                .where(ActionPlan.person_id == person_id)
                .order_by(ActionPlan.period_from.desc(), ActionPlan.id.desc())
            ).all()
            self._audit.record(s, actor, "plan.list", person_id=person_id)
            return self._summaries(s, [(p, person) for p in plans])

    def due_for_review(
        self, actor: Actor, within_days: int = 30, *, caseload_only: bool = True
    ) -> tuple[PlanSummary, ...]:
        """Plans (not archived) whose review date is within ``within_days`` or past, soonest
        first: for the actor's own caseload, or every plan the actor may see."""
        if not 0 <= within_days <= 3660:
            raise Invalid("within_days", "out_of_range", "Between 0 and 3660 days.")
        if scope_for(actor.role, Action.PLAN_VIEW) is Scope.NONE:
            raise Forbidden(str(Action.PLAN_VIEW))
        horizon = self._today() + dt.timedelta(days=within_days)
        with self._db.write() as s:
            q = (
                select(ActionPlan, Person)
                .join(Person, Person.id == ActionPlan.person_id)
                .where(
                    ActionPlan.archived_at.is_(None),
                    ActionPlan.review_date.is_not(None),
                    ActionPlan.review_date <= horizon,
                    Person.archived_at.is_(None),
                )
                .order_by(ActionPlan.review_date, ActionPlan.id)
            )
            if caseload_only:
                q = q.join(
                    ContactPersonAssignment,
                    (ContactPersonAssignment.person_id == Person.id)
                    & ContactPersonAssignment.to_date.is_(None),
                ).where(ContactPersonAssignment.user_id == actor.user_id)
            rows = s.execute(q).all()
            contacts = _current_contacts(s, [person.id for _plan, person in rows])
            visible = [
                (plan, person)
                for plan, person in rows
                if allowed(
                    actor,
                    Action.PLAN_VIEW,
                    own_caseload=contacts.get(person.id) == actor.user_id,
                    same_site=actor.at_site(person.current_site_id),
                )
            ]
            out = self._summaries(s, visible)
            self._audit.record(
                s,
                actor,
                "plan.review_list",
                details={"within_days": within_days, "caseload_only": caseload_only},
                listed=[p.person_id for p in out],
            )
            return out

    # --- versions ---------------------------------------------------------------------------

    def agree(
        self,
        actor: Actor,
        plan_id: int,
        agreed_by_person: bool,
        guardian_name: str | None,
        *,
        expected: PlanStamp,
    ) -> PlanDetail:
        """Freeze the newest draft as agreed (now, with the person, the contact person and for
        minors the named guardian); the previously agreed version becomes superseded."""
        if not agreed_by_person:
            raise Invalid(
                "agreed_by_person",
                "required",
                "A plan is agreed together with the person: confirm that they agreed.",
            )
        guardian = clean_text("guardian_name", guardian_name or "", max_len=200)
        today = self._today()
        with self._db.write() as s:
            plan = _load_plan(s, plan_id)
            person = _load_person(s, plan.person_id)
            rel = relation_to(s, actor, person)
            require(
                actor, Action.PLAN_AGREE, own_caseload=rel.own_caseload, same_site=rel.same_site
            )
            _check_stamp(plan, expected)
            draft = _latest(plan)
            if draft.state is not PlanState.DRAFT:
                raise Conflict("plan", "this version is already agreed")
            if not draft.goals:
                raise Invalid("goals", "required", "Add at least one goal before agreeing.")
            minor, _ = is_minor_on(person, today)
            if (minor or current_guardian(s, person.id) is not None) and not guardian:
                raise Invalid(
                    "guardian_name",
                    "required",
                    "For a minor, name the guardian who agreed to the plan.",
                )
            contact = current_contact(s, person.id)
            for older in plan.versions:
                if older.state is PlanState.AGREED:
                    older.state = PlanState.SUPERSEDED
            draft.state = PlanState.AGREED
            draft.agreed_at = utcnow()
            draft.agreed_by_person = True
            draft.agreed_contact_user_id = contact.user_id if contact else actor.user_id
            draft.agreed_guardian_name = guardian
            s.flush()
            self._audit.record(
                s,
                actor,
                "plan.agree",
                person_id=person.id,
                target=f"plan:{plan.id}",
                details={"version": draft.number, "guardian_named": bool(guardian)},
            )
            return self._detail(s, actor, plan, person, None)

    def diff_versions(self, actor: Actor, plan_id: int, a: int, b: int) -> VersionDiff:
        """What changed from version ``a`` to version ``b`` (goals and tasks the actor sees).

        Rows are paired by area and title (goals) or description (tasks); rows left over in
        the same place are paired in order and reported as changed.
        """
        with self._db.write() as s:
            plan = _load_plan(s, plan_id)
            person = _load_person(s, plan.person_id)
            scope = self._goal_scope(s, actor, person)
            va, vb = _version(plan, a), _version(plan, b)
            names = _names(s, [va, vb])
            diff = diff_goals(
                plan.id,
                a,
                b,
                [g for g in va.goals if _visible(scope, g.area)],
                [g for g in vb.goals if _visible(scope, g.area)],
                lambda t: _responsible_label(t, names),
            )
            self._audit.record(
                s,
                actor,
                "plan.diff",
                person_id=person.id,
                target=f"plan:{plan.id}",
                details={"a": a, "b": b},
            )
            return diff

    # --- goals --------------------------------------------------------------------------------

    def add_goal(
        self, actor: Actor, plan_id: int, data: GoalInput, *, expected: PlanStamp
    ) -> PlanDetail:
        """Add a goal at the end of its area."""
        clean = _clean_goal(data)

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            _check_area_for(t.person, clean, self._today())
            if len(t.draft.goals) >= MAX_GOALS:
                raise Invalid("goals", "too_many", f"At most {MAX_GOALS} goals.")
            goal = PlanGoal(
                area=clean.area,
                title=clean.title,
                description=clean.description,
                position=max((g.position for g in t.draft.goals), default=-1) + 1,
            )
            t.draft.goals.append(goal)
            s.flush()
            return f"goal:{goal.id}", ["goals"]

        return self._edit(actor, plan_id, expected, apply)

    def update_goal(
        self, actor: Actor, plan_id: int, goal_id: int, data: GoalInput, *, expected: PlanStamp
    ) -> PlanDetail:
        clean = _clean_goal(data)

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            goal = _goal(t, goal_id)
            if clean.area != goal.area:
                _check_area_for(t.person, clean, self._today())
            changed = [
                f for f in ("area", "title", "description") if getattr(goal, f) != getattr(clean, f)
            ]
            goal.area, goal.title, goal.description = clean.area, clean.title, clean.description
            return f"goal:{goal.id}", changed

        return self._edit(actor, plan_id, expected, apply)

    def remove_goal(
        self, actor: Actor, plan_id: int, goal_id: int, *, expected: PlanStamp
    ) -> PlanDetail:
        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            goal = _goal(t, goal_id)
            t.draft.goals.remove(goal)
            return f"goal:{goal_id}", ["goals"]

        return self._edit(actor, plan_id, expected, apply)

    def move_goal(
        self, actor: Actor, plan_id: int, goal_id: int, to_index: int, *, expected: PlanStamp
    ) -> PlanDetail:
        """Move a goal to ``to_index`` among the goals of its area (clamped to the ends)."""

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            goal = _goal(t, goal_id)
            ordered = sorted(t.draft.goals, key=lambda g: (g.position, g.id or 0))
            same = [g for g in ordered if g.area == goal.area]
            slots = [g.position for g in same]
            same.remove(goal)
            same.insert(max(0, min(to_index, len(same))), goal)
            for g, pos in zip(same, slots, strict=True):
                g.position = pos
            _renumber(sorted(t.draft.goals, key=lambda g: g.position))
            return f"goal:{goal.id}", ["position"]

        return self._edit(actor, plan_id, expected, apply)

    # --- tasks --------------------------------------------------------------------------------

    def add_task(
        self, actor: Actor, plan_id: int, goal_id: int, data: TaskInput, *, expected: PlanStamp
    ) -> PlanDetail:
        """Add a task at the end of a goal."""
        clean = _clean_task(data, self._today())

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            goal = _goal(t, goal_id)
            _check_responsible(s, clean)
            if len(goal.tasks) >= MAX_TASKS_PER_GOAL:
                raise Invalid("tasks", "too_many", f"At most {MAX_TASKS_PER_GOAL} tasks.")
            task = PlanTask(
                position=max((x.position for x in goal.tasks), default=-1) + 1,
            )
            _apply_task(task, clean)
            goal.tasks.append(task)
            s.flush()
            return f"task:{task.id}", _task_fields(clean)

        return self._edit(actor, plan_id, expected, apply)

    def update_task(
        self, actor: Actor, plan_id: int, task_id: int, data: TaskInput, *, expected: PlanStamp
    ) -> PlanDetail:
        clean = _clean_task(data, self._today())

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            task = _task(t, task_id)
            _check_responsible(s, clean)
            changed = [
                f
                for f in (
                    "description",
                    "responsible_user_id",
                    "responsible_partner_id",
                    "responsible_text",
                    "due_date",
                    "status",
                    "note",
                )
                if getattr(task, f) != getattr(clean, f)
            ]
            _apply_task(task, clean)
            return f"task:{task.id}", changed

        return self._edit(actor, plan_id, expected, apply)

    def set_task_status(
        self,
        actor: Actor,
        plan_id: int,
        task_id: int,
        status: TaskStatus,
        *,
        expected: PlanStamp,
    ) -> PlanDetail:
        """Mark a task open, in progress, done or cancelled."""
        status = TaskStatus(status)

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            task = _task(t, task_id)
            task.status = status
            return f"task:{task.id}", ["status"]

        return self._edit(actor, plan_id, expected, apply)

    def set_task_note(
        self, actor: Actor, plan_id: int, task_id: int, note: str, *, expected: PlanStamp
    ) -> PlanDetail:
        note = clean_text("note", note, max_len=5000, multiline=True)

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            task = _task(t, task_id)
            task.note = note
            return f"task:{task.id}", ["note"]

        return self._edit(actor, plan_id, expected, apply)

    def remove_task(
        self, actor: Actor, plan_id: int, task_id: int, *, expected: PlanStamp
    ) -> PlanDetail:
        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            task = _task(t, task_id)
            task.goal.tasks.remove(task)
            return f"task:{task_id}", ["tasks"]

        return self._edit(actor, plan_id, expected, apply)

    def move_task(
        self,
        actor: Actor,
        plan_id: int,
        task_id: int,
        to_index: int,
        *,
        expected: PlanStamp,
        to_goal_id: int | None = None,
    ) -> PlanDetail:
        """Move a task to ``to_index`` within its goal, or within another goal of the plan."""

        def apply(s: Session, t: _Target) -> tuple[str, list[str]]:
            task = _task(t, task_id)
            source = task.goal
            target = _goal(t, to_goal_id) if to_goal_id is not None else source
            ordered = sorted(target.tasks, key=lambda x: (x.position, x.id or 0))
            if task in ordered:
                ordered.remove(task)
            else:
                if len(target.tasks) >= MAX_TASKS_PER_GOAL:
                    raise Invalid("tasks", "too_many", f"At most {MAX_TASKS_PER_GOAL} tasks.")
                source.tasks.remove(task)
                target.tasks.append(task)
                _renumber(sorted(source.tasks, key=lambda x: (x.position, x.id or 0)))
            ordered.insert(max(0, min(to_index, len(ordered))), task)
            _renumber(ordered)
            return f"task:{task.id}", ["position"] + (["goal"] if target is not source else [])

        return self._edit(actor, plan_id, expected, apply)

    # --- templates ----------------------------------------------------------------------------

    def templates(self, actor: Actor) -> tuple[TemplateView, ...]:
        """Templates for new plans (the defaults are added on first use of an empty table)."""
        if (
            scope_for(actor.role, Action.PLAN_EDIT) is Scope.NONE
            and scope_for(actor.role, Action.PLAN_TEMPLATE_EDIT) is Scope.NONE
        ):
            raise Forbidden(str(Action.PLAN_EDIT))
        with self._db.write() as s:
            seed_templates(s)
            rows = s.scalars(select(PlanTemplate).order_by(PlanTemplate.id)).all()
            return tuple(template_view(r) for r in rows)

    def save_template(self, actor: Actor, data: TemplateInput) -> TemplateView:
        """Create or replace the template with ``data.key`` (administrators and team leads)."""
        require(actor, Action.PLAN_TEMPLATE_EDIT)
        clean = clean_template(data)
        with self._db.write() as s:
            seed_templates(s)
            row = s.scalar(select(PlanTemplate).where(PlanTemplate.key == clean.key))
            created = row is None
            if row is None:
                row = PlanTemplate(key=clean.key)
                s.add(row)
            row.name, row.for_minors = clean.name, clean.for_minors
            row.goals_json = goals_to_json(clean.goals)
            s.flush()
            self._audit.record(
                s,
                actor,
                "plan_template.create" if created else "plan_template.edit",
                target=f"plan_template:{row.id}",
                details={"key": clean.key, "goals": len(clean.goals)},
            )
            return template_view(row)

    # --- internals ----------------------------------------------------------------------------

    def _load_for_edit(self, s: Session, actor: Actor, plan_id: int) -> tuple[ActionPlan, Person]:
        plan = _load_plan(s, plan_id)
        person = _load_person(s, plan.person_id)
        rel = relation_to(s, actor, person)
        require(actor, Action.PLAN_EDIT, own_caseload=rel.own_caseload, same_site=rel.same_site)
        if plan.archived_at is not None or person.archived_at is not None:
            raise Conflict("plan", "the plan or case is archived")
        return plan, person

    def _edit(
        self,
        actor: Actor,
        plan_id: int,
        expected: PlanStamp,
        apply: Callable[[Session, _Target], tuple[str, list[str]]],
    ) -> PlanDetail:
        """Run one edit on the plan's draft (made from the agreed version if need be)."""
        with self._db.write() as s:
            plan, person = self._load_for_edit(s, actor, plan_id)
            _check_stamp(plan, expected)
            target = _draft_for_edit(s, actor, plan, person)
            what, fields = apply(s, target)
            _touch(target.draft)
            s.flush()
            self._audit.record(
                s,
                actor,
                "plan.edit",
                person_id=person.id,
                target=f"plan:{plan.id}",
                details={
                    "version": target.draft.number,
                    "new_version": target.new_version,
                    "item": what,
                    "fields": fields,
                },
            )
            refresh_person(s, person.id, self._today())
            return self._detail(s, actor, plan, person, None)

    def _goal_scope(self, s: Session, actor: Actor, person: Person) -> GoalScope:
        """Which goals the actor sees; Forbidden if none."""
        rel = relation_to(s, actor, person)
        kw = {"own_caseload": rel.own_caseload, "same_site": rel.same_site}
        plan = allowed(actor, Action.PLAN_VIEW, **kw)
        health = allowed(actor, Action.PLAN_VIEW_HEALTH_GOALS, **kw)
        if plan and health:
            return GoalScope.ALL
        if plan:
            return GoalScope.WITHOUT_HEALTH
        if health:
            return GoalScope.HEALTH_ONLY
        require(actor, Action.PLAN_VIEW, **kw)
        raise Forbidden(str(Action.PLAN_VIEW))  # pragma: no cover - require raised already

    def _summaries(
        self, s: Session, rows: Sequence[tuple[ActionPlan, Person]]
    ) -> tuple[PlanSummary, ...]:
        """Summaries of many plans with two aggregate queries per 500 plans (no goal rows)."""
        today = self._today()
        versions: dict[int, list[tuple[int, PlanState]]] = {}
        open_tasks: dict[tuple[int, int], int] = {}
        ids = [plan.id for plan, _person in rows]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for plan_id, number, state in s.execute(
                select(
                    ActionPlanVersion.plan_id, ActionPlanVersion.number, ActionPlanVersion.state
                ).where(ActionPlanVersion.plan_id.in_(chunk))
            ):
                versions.setdefault(plan_id, []).append((number, state))
            for plan_id, number, count in s.execute(
                select(ActionPlanVersion.plan_id, ActionPlanVersion.number, func.count(PlanTask.id))
                .join(PlanGoal, PlanGoal.plan_version_id == ActionPlanVersion.id)
                .join(PlanTask, PlanTask.goal_id == PlanGoal.id)
                .where(
                    ActionPlanVersion.plan_id.in_(chunk),
                    PlanTask.status.in_(sorted(OPEN_STATUSES)),
                )
                .group_by(ActionPlanVersion.plan_id, ActionPlanVersion.number)
            ):
                open_tasks[(plan_id, number)] = count
        out = []
        for plan, person in rows:
            numbered = sorted(versions.get(plan.id, []))
            latest_number, latest_state = numbered[-1] if numbered else (0, PlanState.DRAFT)
            agreed = next((n for n, st in numbered if st is PlanState.AGREED), None)
            out.append(
                PlanSummary(
                    id=plan.id,
                    person_id=person.id,
                    case_ref=person.case_ref,
                    display_name=person.display_name,
                    title=plan.title,
                    period_from=plan.period_from,
                    period_to=plan.period_to,
                    review_date=plan.review_date,
                    review_due=plan.review_date is not None and plan.review_date <= today,
                    latest_number=latest_number,
                    latest_state=latest_state,
                    agreed_number=agreed,
                    open_tasks=open_tasks.get((plan.id, latest_number), 0),
                )
            )
        return tuple(out)

    def _detail(
        self, s: Session, actor: Actor, plan: ActionPlan, person: Person, number: int | None
    ) -> PlanDetail:
        today = self._today()
        scope = self._goal_scope(s, actor, person)
        latest = _latest(plan)
        shown = latest if number is None else _version(plan, number)
        names = _names(s, [shown])
        rel = relation_to(s, actor, person)
        kw = {"own_caseload": rel.own_caseload, "same_site": rel.same_site}
        minor, _ = is_minor_on(person, today)
        guardian = current_guardian(s, person.id)
        contact = current_contact(s, person.id)
        contact_name = (
            s.scalar(select(User.display_name).where(User.id == contact.user_id))
            if contact
            else None
        )
        return PlanDetail(
            id=plan.id,
            person_id=person.id,
            case_ref=person.case_ref,
            title=plan.title,
            period_from=plan.period_from,
            period_to=plan.period_to,
            review_date=plan.review_date,
            review_due=plan.review_date is not None and plan.review_date <= today,
            template_key=plan.template_key,
            archived=plan.archived_at is not None,
            is_minor=minor,
            guardian_name=guardian.name if guardian else None,
            contact_person_name=contact_name,
            versions=tuple(
                VersionSummary(v.number, v.state, v.created_at, v.agreed_at)
                for v in sorted(plan.versions, key=lambda v: v.number)
            ),
            shown=_version_view(shown, scope, names, today),
            stamp=PlanStamp(latest.number, latest.version),
            goal_scope=scope,
            may_edit=allowed(actor, Action.PLAN_EDIT, **kw),
            may_agree=allowed(actor, Action.PLAN_AGREE, **kw),
        )


# --- module helpers ----------------------------------------------------------------------------


def _current_contacts(s: Session, person_ids: list[int]) -> dict[int, int]:
    """person id -> user id of the current contact person, for many persons in one query."""
    found: dict[int, int] = {}
    for chunk_start in range(0, len(person_ids), 500):
        chunk = person_ids[chunk_start : chunk_start + 500]
        for pid, uid in s.execute(
            select(ContactPersonAssignment.person_id, ContactPersonAssignment.user_id).where(
                ContactPersonAssignment.person_id.in_(chunk),
                ContactPersonAssignment.to_date.is_(None),
            )
        ):
            found[pid] = uid
    return found


def _load_person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("person", person_id)
    return person


def _load_plan(s: Session, plan_id: int) -> ActionPlan:
    plan = s.get(
        ActionPlan,
        plan_id,
        options=[
            selectinload(ActionPlan.versions)
            .selectinload(ActionPlanVersion.goals)
            .selectinload(PlanGoal.tasks)
        ],
    )
    if plan is None:
        raise NotFound("plan", plan_id)
    return plan


def _latest(plan: ActionPlan) -> ActionPlanVersion:
    return max(plan.versions, key=lambda v: v.number)


def _version(plan: ActionPlan, number: int) -> ActionPlanVersion:
    for v in plan.versions:
        if v.number == number:
            return v
    raise NotFound("plan version", number)


def _check_stamp(plan: ActionPlan, expected: PlanStamp) -> None:
    latest = _latest(plan)
    if (latest.number, latest.version) != (expected.number, expected.version):
        raise Conflict("plan")


def _touch(version: ActionPlanVersion) -> None:
    """Change the version row itself so its lock counter moves with every edit of its goals."""
    version.updated_at = utcnow()


def _draft_for_edit(s: Session, actor: Actor, plan: ActionPlan, person: Person) -> _Target:
    latest = _latest(plan)
    if latest.state is PlanState.DRAFT:
        goals = {g.id: g for g in latest.goals}
        tasks = {t.id: t for g in latest.goals for t in g.tasks}
        return _Target(plan, person, latest, goals, tasks, new_version=False)
    if latest.state is not PlanState.AGREED:  # pragma: no cover - the newest is never superseded
        raise Conflict("plan", "this version cannot be changed")
    draft = ActionPlanVersion(
        number=latest.number + 1, state=PlanState.DRAFT, created_by_id=actor.user_id, note=""
    )
    goal_map: dict[int, PlanGoal] = {}
    task_map: dict[int, PlanTask] = {}
    for g in sorted(latest.goals, key=lambda g: g.position):
        copy = PlanGoal(area=g.area, title=g.title, description=g.description, position=g.position)
        for t in sorted(g.tasks, key=lambda t: t.position):
            tc = PlanTask(
                description=t.description,
                responsible_user_id=t.responsible_user_id,
                responsible_partner_id=t.responsible_partner_id,
                responsible_text=t.responsible_text,
                due_date=t.due_date,
                status=t.status,
                note=t.note,
                position=t.position,
            )
            copy.tasks.append(tc)
            task_map[t.id] = tc
        draft.goals.append(copy)
        goal_map[g.id] = copy
    plan.versions.append(draft)
    s.flush()
    return _Target(plan, person, draft, goal_map, task_map, new_version=True)


def _goal(t: _Target, goal_id: int) -> PlanGoal:
    goal = t.goals.get(goal_id)
    if goal is None:
        if any(g.id == goal_id for v in t.plan.versions for g in v.goals):
            raise Conflict("plan", "an earlier version cannot be changed")
        raise NotFound("goal", goal_id)
    return goal


def _task(t: _Target, task_id: int) -> PlanTask:
    task = t.tasks.get(task_id)
    if task is None:
        if any(x.id == task_id for v in t.plan.versions for g in v.goals for x in g.tasks):
            raise Conflict("plan", "an earlier version cannot be changed")
        raise NotFound("task", task_id)
    return task


_Positioned = TypeVar("_Positioned", PlanGoal, PlanTask)


def _renumber(items: list[_Positioned]) -> None:
    for i, item in enumerate(items):
        item.position = i


def _clean_plan(data: PlanInput, today: dt.date) -> PlanInput:
    title = clean_text("title", data.title, required=True, max_len=200)
    if data.period_from is None:
        raise Invalid("period_from", "required", "Enter the start of the plan period.")
    check_date_bounds("period_from", data.period_from, today, days_ahead=YEAR_AHEAD)
    check_date_bounds("period_to", data.period_to, today, days_ahead=None)
    check_date_bounds("review_date", data.review_date, today, days_ahead=None)
    check_range("period_from", data.period_from, "period_to", data.period_to)
    if data.review_date is not None and data.review_date < data.period_from:
        raise Invalid(
            "review_date", "before_period", "The review date is before the plan period starts."
        )
    return PlanInput(title, data.period_from, data.period_to, data.review_date)


def _plan_fields(data: PlanInput) -> list[str]:
    return [f for f in ("title", "period_from", "period_to", "review_date") if getattr(data, f)]


def _clean_goal(data: GoalInput) -> GoalInput:
    try:
        area = PlanArea(data.area)
    except ValueError:
        raise Invalid("area", "unknown_area", "Choose an area.") from None
    return GoalInput(
        area,
        clean_text("title", data.title, required=True, max_len=300),
        clean_text("description", data.description, max_len=5000, multiline=True),
        data.best_interest_confirmed,
    )


def _check_area_for(person: Person, goal: GoalInput, today: dt.date) -> None:
    age, _ = age_on(birth_fact(person), today)
    if goal.area in CHILD_AREAS and age is not None and age >= 18:
        raise Invalid("area", "children_only", "This area is for children's plans only.")
    if goal.area is PlanArea.FAMILY_TRACING and not goal.best_interest_confirmed:
        raise Invalid(
            "best_interest",
            "required",
            "Family tracing is planned only if it is in the child's best interest: "
            "confirm that this was assessed.",
        )


def _clean_task(data: TaskInput, today: dt.date) -> TaskInput:
    check_date_bounds("due_date", data.due_date, today, days_ahead=None)
    text = clean_text("responsible_text", data.responsible_text, max_len=200)
    given = sum(
        1 for v in (data.responsible_user_id, data.responsible_partner_id, text or None) if v
    )
    if given > 1:
        raise Invalid(
            "responsible",
            "several",
            "Choose one responsible: a staff member, a partner or a name.",
        )
    try:
        status = TaskStatus(data.status)
    except ValueError:
        raise Invalid("status", "unknown_status", "Choose a status.") from None
    return TaskInput(
        description=clean_text(
            "description", data.description, required=True, max_len=2000, multiline=True
        ),
        responsible_user_id=data.responsible_user_id,
        responsible_partner_id=data.responsible_partner_id,
        responsible_text=text,
        due_date=data.due_date,
        status=status,
        note=clean_text("note", data.note, max_len=5000, multiline=True),
    )


def _check_responsible(s: Session, data: TaskInput) -> None:
    if data.responsible_user_id is not None:
        user = s.get(User, data.responsible_user_id)
        if user is None or not user.active:
            raise Invalid("responsible", "unknown_user", "Choose an active staff member.")
    if data.responsible_partner_id is not None:
        partner = s.get(Partner, data.responsible_partner_id)
        if partner is None or partner.archived:
            raise Invalid("responsible", "unknown_partner", "Choose a partner from the list.")


def _apply_task(task: PlanTask, data: TaskInput) -> None:
    task.description = data.description
    task.responsible_user_id = data.responsible_user_id
    task.responsible_partner_id = data.responsible_partner_id
    task.responsible_text = data.responsible_text
    task.due_date = data.due_date
    task.status = data.status
    task.note = data.note


def _task_fields(data: TaskInput) -> list[str]:
    return [
        f
        for f in (
            "description",
            "responsible_user_id",
            "responsible_partner_id",
            "responsible_text",
            "due_date",
            "status",
            "note",
        )
        if getattr(data, f)
    ]


def _visible(scope: GoalScope, area: PlanArea) -> bool:
    if scope is GoalScope.HEALTH_ONLY:
        return area is PlanArea.HEALTH
    if scope is GoalScope.WITHOUT_HEALTH:
        return area is not PlanArea.HEALTH
    return True


@dataclass(frozen=True)
class _Names:
    users: dict[int, str]
    partners: dict[int, str]


def _names(s: Session, versions: Sequence[ActionPlanVersion]) -> _Names:
    user_ids: set[int] = set()
    partner_ids: set[int] = set()
    for v in versions:
        for uid in (v.created_by_id, v.agreed_contact_user_id):
            if uid is not None:
                user_ids.add(uid)
        for g in v.goals:
            for t in g.tasks:
                if t.responsible_user_id is not None:
                    user_ids.add(t.responsible_user_id)
                if t.responsible_partner_id is not None:
                    partner_ids.add(t.responsible_partner_id)
    users: dict[int, str] = {}
    partners: dict[int, str] = {}
    if user_ids:
        users = {
            uid: name
            for uid, name in s.execute(
                select(User.id, User.display_name).where(User.id.in_(user_ids))
            )
        }
    if partner_ids:
        partners = {
            pid: name
            for pid, name in s.execute(
                select(Partner.id, Partner.name).where(Partner.id.in_(partner_ids))
            )
        }
    return _Names(users, partners)


def _responsible_label(t: PlanTask, names: _Names) -> str:
    if t.responsible_user_id is not None:
        return names.users.get(t.responsible_user_id, "")
    if t.responsible_partner_id is not None:
        return names.partners.get(t.responsible_partner_id, "")
    return t.responsible_text


def _task_view(t: PlanTask, names: _Names, today: dt.date) -> TaskView:
    return TaskView(
        id=t.id,
        goal_id=t.goal_id,
        description=t.description,
        responsible_user_id=t.responsible_user_id,
        responsible_partner_id=t.responsible_partner_id,
        responsible_text=t.responsible_text,
        responsible_label=_responsible_label(t, names),
        due_date=t.due_date,
        status=t.status,
        note=t.note,
        position=t.position,
        overdue=t.due_date is not None and t.due_date < today and t.status in OPEN_STATUSES,
    )


def _version_view(
    v: ActionPlanVersion, scope: GoalScope, names: _Names, today: dt.date
) -> PlanVersionView:
    goals = tuple(
        GoalView(
            id=g.id,
            area=g.area,
            title=g.title,
            description=g.description,
            position=g.position,
            tasks=tuple(
                _task_view(t, names, today) for t in sorted(g.tasks, key=lambda t: t.position)
            ),
        )
        for g in sorted(v.goals, key=lambda g: g.position)
        if _visible(scope, g.area)
    )
    return PlanVersionView(
        id=v.id,
        number=v.number,
        state=v.state,
        created_at=v.created_at,
        created_by_name=names.users.get(v.created_by_id, "") if v.created_by_id else "",
        agreed_at=v.agreed_at,
        agreed_by_person=v.agreed_by_person,
        agreed_contact_name=names.users.get(v.agreed_contact_user_id, "")
        if v.agreed_contact_user_id
        else "",
        agreed_guardian_name=v.agreed_guardian_name,
        note=v.note,
        goals=goals,
    )
