"""Default action-plan templates, one per typical situation, and their JSON form.

The defaults are inserted into ``plan_template`` the first time templates are used on an empty
table; from then on administrators edit them there. Goals are stored as JSON:
``[{"area": "health", "title": "...", "description": "...", "tasks": ["...", ...]}]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_app.errors import Invalid
from clinic_app.models import PlanTemplate
from clinic_app.services.common import check_code, clean_text
from clinic_app.vocabulary import PlanArea

ADULT_REFLECTION = "reflection_adult"
MINOR = "minor"
RETURN_IOM = "return_iom"
RESIDENCE_PERMIT = "residence_permit"

# Areas that belong to children's plans only.
CHILD_AREAS: frozenset[PlanArea] = frozenset(
    {PlanArea.SCHOOLING, PlanArea.FAMILY_TRACING, PlanArea.DURABLE_SOLUTION}
)

MAX_TEMPLATE_GOALS = 60
MAX_GOAL_TASKS = 40


@dataclass(frozen=True)
class TemplateGoal:
    area: PlanArea
    title: str
    description: str = ""
    tasks: tuple[str, ...] = ()


@dataclass(frozen=True)
class TemplateView:
    id: int
    key: str
    name: str
    for_minors: bool
    goals: tuple[TemplateGoal, ...]


@dataclass(frozen=True)
class TemplateInput:
    key: str
    name: str
    for_minors: bool
    goals: tuple[TemplateGoal, ...]


def _g(area: PlanArea, title: str, *tasks: str, description: str = "") -> TemplateGoal:
    return TemplateGoal(area, title, description, tasks)


DEFAULT_TEMPLATES: tuple[TemplateInput, ...] = (
    TemplateInput(
        ADULT_REFLECTION,
        "Adult in the reflection period",
        False,
        (
            _g(
                PlanArea.SAFETY_HOUSING,
                "Safe housing during the reflection period",
                "Agree safety rules for phone and social media",
                "Review the risk of contact from the traffickers",
            ),
            _g(
                PlanArea.HEALTH,
                "Health check and extended health care",
                "Health check at the clinic",
                "Referral to a psychologist if wanted",
                "Dental check",
            ),
            _g(
                PlanArea.LEGAL,
                "Legal counselling",
                "Meeting with a lawyer about rights and options",
                "Explain the reflection period and possible extension",
            ),
            _g(
                PlanArea.PSYCHOSOCIAL,
                "Psychosocial support",
                "Weekly talk with the contact person",
                "Offer a support group or activity",
            ),
            _g(
                PlanArea.EDUCATION,
                "Up-skilling",
                "English course",
                "IT course",
            ),
            _g(
                PlanArea.RETURN_RESIDENCE,
                "Decide on the next step after the reflection period",
                "Inform about assisted voluntary return with IOM",
                "Inform about residence permit and asylum options",
            ),
        ),
    ),
    TemplateInput(
        MINOR,
        "Minor (under 18)",
        True,
        (
            _g(
                PlanArea.SAFETY_HOUSING,
                "Safe residence in a children's centre or council housing",
                "Agree safety rules with the child and the guardian",
            ),
            _g(
                PlanArea.HEALTH,
                "Health check adapted to the child",
                "Health check with a paediatric nurse",
                "Referral to child psychologist if needed",
            ),
            _g(
                PlanArea.LEGAL,
                "Legal counselling together with the guardian",
                "Meeting with a lawyer, the guardian present",
            ),
            _g(
                PlanArea.SCHOOLING,
                "Schooling",
                "Enrol in school or a reception class",
                "Arrange Danish lessons",
            ),
            _g(
                PlanArea.DURABLE_SOLUTION,
                "A durable solution in the child's best interest",
                "Best-interest assessment with the guardian",
                "Decide whether family tracing is in the child's best interest",
                "Plan any return together with the guardian",
                description=(
                    "Family tracing and reunion only if in the child's best interest and durable."
                ),
            ),
            _g(
                PlanArea.PSYCHOSOCIAL,
                "Psychosocial support",
                "Regular talks with the contact person and the guardian",
                "Leisure activities",
            ),
        ),
    ),
    TemplateInput(
        RETURN_IOM,
        "Preparing return with IOM",
        False,
        (
            _g(
                PlanArea.RETURN_RESIDENCE,
                "Prepared return and reintegration with IOM",
                "Referral to IOM for assisted voluntary return",
                "Travel documents",
                "Reintegration plan: housing, income and education at home",
            ),
            _g(
                PlanArea.HEALTH,
                "Health before travel",
                "Health check and medicine for the journey",
                "Hand over medical records to take home",
            ),
            _g(
                PlanArea.SAFETY_HOUSING,
                "Safe travel and arrival",
                "Risk assessment for the return",
                "Reception on arrival arranged by IOM",
            ),
            _g(
                PlanArea.EDUCATION,
                "Skills for reintegration",
                "Vocational course or small-business training",
            ),
        ),
    ),
    TemplateInput(
        RESIDENCE_PERMIT,
        "Residence permit holder",
        False,
        (
            _g(
                PlanArea.LEGAL,
                "Residence permit and case cooperation",
                "Note the permit's expiry and renewal",
                "Support for police and prosecution meetings",
            ),
            _g(
                PlanArea.EDUCATION,
                "Work and education",
                "Apply for a work permit",
                "Danish and English courses",
            ),
            _g(
                PlanArea.SAFETY_HOUSING,
                "Stable housing",
                "Find longer-term housing",
            ),
            _g(
                PlanArea.HEALTH,
                "Health care",
                "Register with a general practitioner",
            ),
            _g(
                PlanArea.PSYCHOSOCIAL,
                "Psychosocial support",
                "Regular talks with the contact person",
            ),
        ),
    ),
)


def goals_to_json(goals: tuple[TemplateGoal, ...]) -> str:
    return json.dumps(
        [
            {
                "area": g.area.value,
                "title": g.title,
                "description": g.description,
                "tasks": list(g.tasks),
            }
            for g in goals
        ],
        ensure_ascii=False,
    )


def goals_from_json(text: str) -> tuple[TemplateGoal, ...]:
    """Parse stored goals; entries that do not fit the format are skipped rather than fatal."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return ()
    goals: list[TemplateGoal] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        raw_area = item.get("area")
        if not isinstance(raw_area, str) or raw_area not in set(PlanArea):
            continue
        area = PlanArea(raw_area)
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            continue
        tasks = item.get("tasks", [])
        description = item.get("description", "")
        goals.append(
            TemplateGoal(
                area,
                title.strip(),
                description if isinstance(description, str) else "",
                tuple(t for t in tasks if isinstance(t, str) and t.strip())
                if isinstance(tasks, list)
                else (),
            )
        )
    return tuple(goals)


def clean_template(data: TemplateInput) -> TemplateInput:
    """Validate a template an administrator saves; Invalid names the first problem."""
    key = clean_text("key", data.key, required=True, max_len=40).lower()
    if not all(ch.isalnum() or ch == "_" for ch in key):
        raise Invalid("key", "bad_key", "Use letters, digits and underscores only.")
    name = clean_text("name", data.name, required=True, max_len=200)
    if not data.goals:
        raise Invalid("goals", "required", "A template needs at least one goal.")
    if len(data.goals) > MAX_TEMPLATE_GOALS:
        raise Invalid("goals", "too_many", f"At most {MAX_TEMPLATE_GOALS} goals.")
    goals = []
    for g in data.goals:
        if g.area in CHILD_AREAS and not data.for_minors:
            raise Invalid("area", "children_only", "This area is for children's plans only.")
        if len(g.tasks) > MAX_GOAL_TASKS:
            raise Invalid("tasks", "too_many", f"At most {MAX_GOAL_TASKS} tasks per goal.")
        goals.append(
            TemplateGoal(
                check_code("area", PlanArea, g.area),
                clean_text("title", g.title, required=True, max_len=300),
                clean_text("description", g.description, max_len=5000, multiline=True),
                tuple(
                    clean_text("tasks", t, required=True, max_len=2000, multiline=True)
                    for t in g.tasks
                    if t.strip()
                ),
            )
        )
    return TemplateInput(key, name, data.for_minors, tuple(goals))


def seed_templates(s: Session) -> int:
    """Insert the default templates if the table is empty; return how many were added."""
    if (s.scalar(select(func.count(PlanTemplate.id))) or 0) > 0:
        return 0
    for t in DEFAULT_TEMPLATES:
        s.add(
            PlanTemplate(
                key=t.key, name=t.name, for_minors=t.for_minors, goals_json=goals_to_json(t.goals)
            )
        )
    s.flush()
    return len(DEFAULT_TEMPLATES)


def template_view(row: PlanTemplate) -> TemplateView:
    return TemplateView(row.id, row.key, row.name, row.for_minors, goals_from_json(row.goals_json))
