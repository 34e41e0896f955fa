"""Differences between two versions of an action plan, for the plan editor to show."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from clinic_app.models import PlanGoal, PlanTask
from clinic_app.vocabulary import PlanArea


@dataclass(frozen=True)
class DiffEntry:
    """One difference between two versions. ``id_a``/``id_b``: the row in each version."""

    kind: str  # "goal" or "task"
    change: str  # "added", "removed" or "changed"
    area: PlanArea
    goal_title: str
    title: str  # the goal's title or the task's description
    fields: tuple[str, ...]  # for "changed": which fields differ
    id_a: int | None
    id_b: int | None


@dataclass(frozen=True)
class VersionDiff:
    plan_id: int
    a: int
    b: int
    added_goals: tuple[DiffEntry, ...]
    removed_goals: tuple[DiffEntry, ...]
    changed_goals: tuple[DiffEntry, ...]
    added_tasks: tuple[DiffEntry, ...]
    removed_tasks: tuple[DiffEntry, ...]
    changed_tasks: tuple[DiffEntry, ...]

    @property
    def entries(self) -> tuple[DiffEntry, ...]:
        return (
            self.added_goals
            + self.removed_goals
            + self.changed_goals
            + self.added_tasks
            + self.removed_tasks
            + self.changed_tasks
        )

    @property
    def empty(self) -> bool:
        return not self.entries


_T = TypeVar("_T")


def _pair(
    a: Sequence[_T], b: Sequence[_T], key: Callable[[_T], object]
) -> tuple[list[tuple[_T, _T]], list[_T], list[_T]]:
    """Pair equal keys first, then what is left in order: (pairs, only in a, only in b)."""
    left = list(a)
    right = list(b)
    pairs: list[tuple[_T, _T]] = []
    for item in list(right):
        match = next((x for x in left if key(x) == key(item)), None)
        if match is not None:
            left.remove(match)
            right.remove(item)
            pairs.append((match, item))
    n = min(len(left), len(right))
    pairs += list(zip(left[:n], right[:n], strict=True))
    return pairs, left[n:], right[n:]


def _task_signature(t: PlanTask, label: Callable[[PlanTask], str]) -> dict[str, object]:
    return {
        "description": t.description,
        "responsible": label(t),
        "due_date": t.due_date,
        "status": t.status,
        "note": t.note,
    }


def diff_goals(
    plan_id: int,
    a: int,
    b: int,
    goals_a: Sequence[PlanGoal],
    goals_b: Sequence[PlanGoal],
    label: Callable[[PlanTask], str],
) -> VersionDiff:
    """Differences from goals ``goals_a`` (version ``a``) to ``goals_b`` (version ``b``).

    Rows are paired by area and title (goals) or description (tasks); rows left over in the
    same goal or area are paired in order and reported as changed. ``label`` names a task's
    responsible.
    """
    added_g: list[DiffEntry] = []
    removed_g: list[DiffEntry] = []
    changed_g: list[DiffEntry] = []
    added_t: list[DiffEntry] = []
    removed_t: list[DiffEntry] = []
    changed_t: list[DiffEntry] = []
    for area in PlanArea:
        ga = sorted((g for g in goals_a if g.area is area), key=lambda g: g.position)
        gb = sorted((g for g in goals_b if g.area is area), key=lambda g: g.position)
        pairs, only_a, only_b = _pair(ga, gb, lambda g: g.title)
        for g in only_a:
            removed_g.append(DiffEntry("goal", "removed", area, g.title, g.title, (), g.id, None))
            removed_t += [
                DiffEntry("task", "removed", area, g.title, t.description, (), t.id, None)
                for t in g.tasks
            ]
        for g in only_b:
            added_g.append(DiffEntry("goal", "added", area, g.title, g.title, (), None, g.id))
            added_t += [
                DiffEntry("task", "added", area, g.title, t.description, (), None, t.id)
                for t in g.tasks
            ]
        for old, new in pairs:
            fields = [f for f in ("title", "description") if getattr(old, f) != getattr(new, f)]
            if ga.index(old) != gb.index(new):
                fields.append("position")
            if fields:
                changed_g.append(
                    DiffEntry(
                        "goal", "changed", area, new.title, new.title, tuple(fields), old.id, new.id
                    )
                )
            ta = sorted(old.tasks, key=lambda t: t.position)
            tb = sorted(new.tasks, key=lambda t: t.position)
            tpairs, t_only_a, t_only_b = _pair(ta, tb, lambda t: t.description)
            removed_t += [
                DiffEntry("task", "removed", area, new.title, t.description, (), t.id, None)
                for t in t_only_a
            ]
            added_t += [
                DiffEntry("task", "added", area, new.title, t.description, (), None, t.id)
                for t in t_only_b
            ]
            for told, tnew in tpairs:
                sa, sb = _task_signature(told, label), _task_signature(tnew, label)
                tfields = [f for f in sa if sa[f] != sb[f]]
                if ta.index(told) != tb.index(tnew):
                    tfields.append("position")
                if tfields:
                    changed_t.append(
                        DiffEntry(
                            "task",
                            "changed",
                            area,
                            new.title,
                            tnew.description,
                            tuple(tfields),
                            told.id,
                            tnew.id,
                        )
                    )
    return VersionDiff(
        plan_id,
        a,
        b,
        tuple(added_g),
        tuple(removed_g),
        tuple(changed_g),
        tuple(added_t),
        tuple(removed_t),
        tuple(changed_t),
    )
