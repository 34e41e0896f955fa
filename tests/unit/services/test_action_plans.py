"""Action plans through the service layer: templates, goals and tasks, versions (agree,
freeze, new draft, supersede), differences between versions, locking and permissions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clinic_app.errors import Conflict, Forbidden, Invalid
from clinic_app.models import AuditEvent, PersonDeadline, PlanTemplate
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import GoalInput, GoalScope, PlanDetail, PlanInput, TaskInput
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.plan_templates import (
    DEFAULT_TEMPLATES,
    TemplateGoal,
    TemplateInput,
)
from clinic_app.vocabulary import BirthCertainty, PlanArea, PlanState, Role, TaskStatus
from tests.conftest import TODAY, make_user
from tests.unit.services.test_contacts import minor, register

PERIOD = PlanInput("Reflection period plan", TODAY, TODAY + dt.timedelta(days=120), TODAY)


@pytest.fixture
def carla(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "carla", Role.CONTACT_PERSON, site_ids["shelter"])


@pytest.fixture
def person(services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor) -> int:
    pid = register(services, admin, site_ids["shelter"])
    services.contacts.assign(admin, pid, carla.user_id)
    return pid


def first_task(plan: PlanDetail, area: PlanArea) -> int:
    goal = next(g for g in plan.shown.goals if g.area is area)
    return goal.tasks[0].id


def test_templates_are_seeded_once_and_prefill_goals(
    services: Services, carla: Actor, person: int
) -> None:
    keys = [t.key for t in services.plans.templates(carla)]
    assert keys == [t.key for t in DEFAULT_TEMPLATES]
    assert set(keys) == {"reflection_adult", "minor", "return_iom", "residence_permit"}
    services.plans.templates(carla)
    with services.db.read() as s:
        assert s.scalar(select(func.count(PlanTemplate.id))) == 4

    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    assert plan.template_key == "reflection_adult"
    assert plan.shown.number == 1 and plan.shown.state is PlanState.DRAFT
    areas = [g.area for g in plan.shown.goals]
    assert areas[:2] == [PlanArea.SAFETY_HOUSING, PlanArea.HEALTH]
    assert all(g.tasks for g in plan.shown.goals)
    assert all(t.status is TaskStatus.OPEN for g in plan.shown.goals for t in g.tasks)

    with pytest.raises(Invalid) as err:
        services.plans.create(carla, person, PERIOD, template_key="nope")
    assert err.value.code == "unknown_template"
    with pytest.raises(Invalid) as err:
        services.plans.create(carla, person, PERIOD, template_key="minor")
    assert err.value.code == "for_minors"


def test_minor_template_has_child_goals(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    pid = minor(services, admin, site_ids["shelter"], TODAY + dt.timedelta(days=400))
    plan = services.plans.create(admin, pid, PERIOD, template_key="minor")
    areas = {g.area for g in plan.shown.goals}
    assert {PlanArea.SCHOOLING, PlanArea.DURABLE_SOLUTION} <= areas
    assert plan.is_minor


def test_only_administrators_and_team_leads_edit_templates(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, person: int
) -> None:
    data = TemplateInput(
        "reflection_adult",
        "Adult, short stay",
        False,
        (TemplateGoal(PlanArea.HEALTH, "Health check", tasks=("Book a doctor",)),),
    )
    with pytest.raises(Forbidden):
        services.plans.save_template(carla, data)
    saved = services.plans.save_template(admin, data)
    assert saved.name == "Adult, short stay" and len(saved.goals) == 1
    lead = make_user(services, admin, "lene", Role.TEAM_LEAD, site_ids["shelter"])
    services.plans.save_template(
        lead, TemplateInput("new_key", "New", False, (TemplateGoal(PlanArea.LEGAL, "Lawyer"),))
    )
    with pytest.raises(Invalid) as err:
        services.plans.save_template(
            admin, TemplateInput("x", "X", False, (TemplateGoal(PlanArea.SCHOOLING, "School"),))
        )
    assert err.value.code == "children_only"
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    assert [(g.title, [t.description for t in g.tasks]) for g in plan.shown.goals] == [
        ("Health check", ["Book a doctor"])
    ]
    assert len(services.plans.templates(carla)) == 5


def test_agreeing_freezes_and_edits_make_a_new_draft_version(
    services: Services, carla: Actor, person: int
) -> None:
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    task_id = first_task(plan, PlanArea.HEALTH)
    plan = services.plans.update_task(
        carla,
        plan.id,
        task_id,
        TaskInput("Health check at the clinic", responsible_user_id=carla.user_id),
        expected=plan.stamp,
    )
    assert plan.shown.number == 1  # a draft is edited in place
    agreed = services.plans.agree(carla, plan.id, True, None, expected=plan.stamp)
    assert agreed.shown.state is PlanState.AGREED and agreed.shown.agreed_at is not None
    assert agreed.shown.agreed_contact_name == "Carla" and agreed.shown.agreed_by_person
    with pytest.raises(Conflict):
        services.plans.agree(carla, plan.id, True, None, expected=agreed.stamp)

    # Editing the agreed version (by its ids) makes version 2 as a draft.
    v1_task = first_task(agreed, PlanArea.HEALTH)
    v2 = services.plans.set_task_status(
        carla, plan.id, v1_task, TaskStatus.DONE, expected=agreed.stamp
    )
    assert [(v.number, v.state) for v in v2.versions] == [
        (1, PlanState.AGREED),
        (2, PlanState.DRAFT),
    ]
    assert v2.shown.number == 2
    assert next(t for g in v2.shown.goals for t in g.tasks if t.status is TaskStatus.DONE)

    v1 = services.plans.get(carla, plan.id, number=1)
    assert v1.shown.state is PlanState.AGREED
    assert v1.shown.goals == agreed.shown.goals  # unchanged, still readable
    assert first_task(v1, PlanArea.HEALTH) == v1_task

    # A second edit goes into the same draft; ids from version 1 are now refused.
    v2b = services.plans.add_goal(
        carla, plan.id, GoalInput(PlanArea.EDUCATION, "Driving licence"), expected=v2.stamp
    )
    assert len(v2b.versions) == 2
    with pytest.raises(Conflict) as err:
        services.plans.set_task_note(carla, plan.id, v1_task, "x", expected=v2b.stamp)
    assert "earlier version" in err.value.message

    final = services.plans.agree(carla, plan.id, True, None, expected=v2b.stamp)
    assert [(v.number, v.state) for v in final.versions] == [
        (1, PlanState.SUPERSEDED),
        (2, PlanState.AGREED),
    ]
    assert services.plans.get(carla, plan.id, number=1).shown.goals == agreed.shown.goals


def test_stale_stamp_is_a_conflict_and_nothing_is_written(
    services: Services, carla: Actor, person: int
) -> None:
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    task_id = first_task(plan, PlanArea.LEGAL)
    newer = services.plans.set_task_note(
        carla, plan.id, task_id, "Lawyer booked", expected=plan.stamp
    )
    assert newer.stamp != plan.stamp
    with pytest.raises(Conflict):
        services.plans.set_task_note(carla, plan.id, task_id, "Overwrite", expected=plan.stamp)
    again = services.plans.get(carla, plan.id)
    notes = [t.note for g in again.shown.goals for t in g.tasks if t.id == task_id]
    assert notes == ["Lawyer booked"]


def test_diff_shows_added_removed_and_changed(
    services: Services, carla: Actor, person: int
) -> None:
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    plan = services.plans.agree(carla, plan.id, True, None, expected=plan.stamp)
    legal_task = first_task(plan, PlanArea.LEGAL)
    health_goal = next(g for g in plan.shown.goals if g.area is PlanArea.HEALTH)
    plan = services.plans.set_task_status(
        carla, plan.id, legal_task, TaskStatus.DONE, expected=plan.stamp
    )
    plan = services.plans.add_goal(
        carla, plan.id, GoalInput(PlanArea.EDUCATION, "Driving licence"), expected=plan.stamp
    )
    new_health = next(g for g in plan.shown.goals if g.area is PlanArea.HEALTH)
    plan = services.plans.remove_task(carla, plan.id, new_health.tasks[-1].id, expected=plan.stamp)
    diff = services.plans.diff_versions(carla, plan.id, 1, 2)
    assert [e.title for e in diff.added_goals] == ["Driving licence"]
    assert [e.title for e in diff.removed_tasks] == [health_goal.tasks[-1].description]
    assert [(e.fields, e.id_a) for e in diff.changed_tasks] == [(("status",), legal_task)]
    assert not diff.removed_goals and not diff.changed_goals
    assert services.plans.diff_versions(carla, plan.id, 1, 1).empty


def test_reorder_goals_and_tasks(services: Services, carla: Actor, person: int) -> None:
    plan = services.plans.create(carla, person, PERIOD)
    for title in ("First", "Second", "Third"):
        plan = services.plans.add_goal(
            carla, plan.id, GoalInput(PlanArea.LEGAL, title), expected=plan.stamp
        )
    third = plan.shown.goals[2]
    plan = services.plans.move_goal(carla, plan.id, third.id, 0, expected=plan.stamp)
    assert [g.title for g in plan.shown.goals] == ["Third", "First", "Second"]
    goal = plan.shown.goals[0]
    for text in ("a", "b", "c"):
        plan = services.plans.add_task(
            carla, plan.id, goal.id, TaskInput(text), expected=plan.stamp
        )
    tasks = plan.shown.goals[0].tasks
    plan = services.plans.move_task(carla, plan.id, tasks[0].id, 2, expected=plan.stamp)
    assert [t.description for t in plan.shown.goals[0].tasks] == ["b", "c", "a"]
    other = plan.shown.goals[1]
    plan = services.plans.move_task(
        carla, plan.id, tasks[0].id, 0, expected=plan.stamp, to_goal_id=other.id
    )
    assert [t.description for t in plan.shown.goals[0].tasks] == ["b", "c"]
    assert [t.description for t in plan.shown.goals[1].tasks] == ["a"]


def test_task_input_rules(services: Services, carla: Actor, person: int) -> None:
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    goal = plan.shown.goals[0]
    with pytest.raises(Invalid) as err:
        services.plans.add_task(
            carla,
            plan.id,
            goal.id,
            TaskInput("x", responsible_user_id=carla.user_id, responsible_text="IOM"),
            expected=plan.stamp,
        )
    assert err.value.code == "several"
    with pytest.raises(Invalid) as err:
        services.plans.add_task(carla, plan.id, goal.id, TaskInput(" "), expected=plan.stamp)
    assert err.value.field == "description"
    with pytest.raises(Invalid) as err:
        services.plans.add_task(
            carla,
            plan.id,
            goal.id,
            TaskInput("x", responsible_partner_id=99999),
            expected=plan.stamp,
        )
    assert err.value.code == "unknown_partner"
    partner = services.reference.partners()[0]
    plan = services.plans.add_task(
        carla,
        plan.id,
        goal.id,
        TaskInput("Call", responsible_partner_id=partner.id, due_date=TODAY - dt.timedelta(days=1)),
        expected=plan.stamp,
    )
    task = plan.shown.goals[0].tasks[-1]
    assert task.responsible_label == partner.name and task.overdue


def test_child_areas_and_family_tracing_rules(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, person: int
) -> None:
    plan = services.plans.create(carla, person, PERIOD)
    with pytest.raises(Invalid) as err:
        services.plans.add_goal(
            carla, plan.id, GoalInput(PlanArea.SCHOOLING, "School"), expected=plan.stamp
        )
    assert err.value.code == "children_only"
    child = minor(services, admin, site_ids["shelter"], TODAY + dt.timedelta(days=400))
    cplan = services.plans.create(admin, child, PERIOD)
    with pytest.raises(Invalid) as err:
        services.plans.add_goal(
            admin, cplan.id, GoalInput(PlanArea.FAMILY_TRACING, "Trace"), expected=cplan.stamp
        )
    assert err.value.field == "best_interest"
    cplan = services.plans.add_goal(
        admin,
        cplan.id,
        GoalInput(PlanArea.FAMILY_TRACING, "Trace", best_interest_confirmed=True),
        expected=cplan.stamp,
    )
    # A minor's plan is agreed with the guardian named.
    with pytest.raises(Invalid) as err:
        services.plans.agree(admin, cplan.id, True, "", expected=cplan.stamp)
    assert err.value.field == "guardian_name"
    with pytest.raises(Invalid) as err:
        services.plans.agree(admin, cplan.id, False, "Karen Holm", expected=cplan.stamp)
    assert err.value.field == "agreed_by_person"
    services.contacts.record_guardian(admin, child, GuardianInput("Karen Holm"))
    agreed = services.plans.agree(admin, cplan.id, True, "Karen Holm", expected=cplan.stamp)
    assert agreed.shown.agreed_guardian_name == "Karen Holm"
    assert agreed.guardian_name == "Karen Holm"
    assert agreed.shown.agreed_contact_name == "Administrator"  # no contact person yet


def test_nurse_sees_health_goals_only_and_staff_everything_else(
    services: Services,
    admin: Actor,
    carla: Actor,
    nurse: Actor,
    staff: Actor,
    person: int,
) -> None:
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    seen = services.plans.get(nurse, plan.id)
    assert seen.goal_scope is GoalScope.HEALTH_ONLY
    assert {g.area for g in seen.shown.goals} == {PlanArea.HEALTH}
    assert not seen.may_edit
    assert [s.id for s in services.plans.list_for_person(nurse, person)] == [plan.id]
    diff_areas = {e.area for e in services.plans.diff_versions(nurse, plan.id, 1, 1).entries}
    assert diff_areas <= {PlanArea.HEALTH}
    with pytest.raises(Forbidden):
        services.plans.set_task_status(
            nurse, plan.id, first_task(seen, PlanArea.HEALTH), TaskStatus.DONE, expected=seen.stamp
        )
    shelter_view = services.plans.get(staff, plan.id)  # same site: the plan without health
    assert PlanArea.HEALTH not in {g.area for g in shelter_view.shown.goals}
    assert len(shelter_view.shown.goals) == len(plan.shown.goals) - 1
    full = services.plans.get(admin, plan.id)
    assert full.goal_scope is GoalScope.ALL and full.may_edit


def test_other_contact_person_cannot_edit_but_team_lead_can(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, person: int
) -> None:
    plan = services.plans.create(carla, person, PERIOD, template_key="reflection_adult")
    dorte = make_user(services, admin, "dorte", Role.CONTACT_PERSON, site_ids["shelter"])
    with pytest.raises(Forbidden):
        services.plans.get(dorte, plan.id)
    with pytest.raises(Forbidden):
        services.plans.add_goal(dorte, plan.id, GoalInput(PlanArea.LEGAL, "x"), expected=plan.stamp)
    with pytest.raises(Forbidden):
        services.plans.agree(dorte, plan.id, True, None, expected=plan.stamp)
    with pytest.raises(Forbidden):
        services.plans.create(dorte, person, PERIOD)
    lead = make_user(services, admin, "lene", Role.TEAM_LEAD, None)
    changed = services.plans.add_goal(
        lead, plan.id, GoalInput(PlanArea.LEGAL, "Court date"), expected=plan.stamp
    )
    assert any(g.title == "Court date" for g in changed.shown.goals)
    services.plans.get(carla, plan.id, number=1)
    with services.db.read() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.person_id == person)).all()
    assert actions.count("plan.edit") == 1 and "plan.create" in actions
    assert "plan.view" in actions


def test_review_dates_feed_deadlines_and_review_list(
    services: Services, admin: Actor, site_ids: dict[str, int], carla: Actor, person: int
) -> None:
    review = TODAY + dt.timedelta(days=10)
    plan = services.plans.create(
        carla, person, PlanInput("Plan", TODAY, None, review), template_key="reflection_adult"
    )
    with services.db.read() as s:
        dues = s.scalars(
            select(PersonDeadline.due_date).where(
                PersonDeadline.person_id == person, PersonDeadline.kind == "plan_review"
            )
        ).all()
    assert dues == [review]
    assert [p.id for p in services.plans.due_for_review(carla, 14)] == [plan.id]
    assert services.plans.due_for_review(carla, 5) == ()
    other = register(services, admin, site_ids["shelter"], birth_certainty=BirthCertainty.UNKNOWN)
    services.plans.create(admin, other, PlanInput("Other", TODAY, None, TODAY))
    assert [p.id for p in services.plans.due_for_review(carla, 14)] == [plan.id]
    assert len(services.plans.due_for_review(admin, 14, caseload_only=False)) == 2
    moved = services.plans.update_plan(
        carla,
        plan.id,
        PlanInput("Plan", TODAY, None, TODAY + dt.timedelta(days=40)),
        expected=plan.stamp,
    )
    assert moved.review_date == TODAY + dt.timedelta(days=40)
    assert services.plans.due_for_review(carla, 14) == ()
    with pytest.raises(Invalid) as err:
        services.plans.update_plan(
            carla,
            plan.id,
            PlanInput("Plan", TODAY, TODAY - dt.timedelta(days=1)),
            expected=moved.stamp,
        )
    assert err.value.field == "period_to"
