"""Action plan and contact benchmarks on a demo database: open a plan, the first edit of an
agreed plan (which copies it into a new draft version), differences between two versions, plans
due for review (one caseload and the whole organisation) and the turning-18 list.

Run from the repository root:
    .venv/bin/python benchmarks/bench_plans.py [--persons N] [--rounds R]

Prints each figure with its target and the ratio (figure / target; below 1.0 meets it). Uses an
in-memory keychain and a fresh SQLite file in a temporary directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import keyring
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clinic_app.models import ActionPlan, ActionPlanVersion, ContactPersonAssignment, User
from clinic_app.security.context import Actor
from clinic_app.services.container import build_services, open_database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.vocabulary import PlanState, Role
from tests.fakes import MemoryKeyring

TODAY = dt.date(2026, 11, 26)
TARGETS_MS = {
    "open a plan": 50.0,
    "first edit of an agreed plan (new version)": 100.0,
    "differences between versions": 50.0,
    "due for review, largest caseload": 50.0,
    "due for review, whole organisation": 1000.0,
    "turning 18 within 60 days": 200.0,
}


def _time(label: str, calls: list[Callable[[], object]]) -> None:
    calls[0]()  # warm-up: page cache and statement cache
    times = []
    for call in calls[1:]:
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000)
    median = statistics.median(times)
    target = TARGETS_MS[label]
    print(
        f"{label}: median {median:.1f} ms, max {max(times):.1f} ms over {len(times)} calls "
        f"(target {target:.0f} ms, ratio {median / target:.2f})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    folder = Path(tempfile.mkdtemp(prefix="clinic-bench-plans-"))
    db = open_database(f"sqlite:///{folder / 'demo.db'}")
    t0 = time.perf_counter()
    generate_demo_data(db, persons=args.persons, seed=1, today=TODAY)
    print(f"demo data: {args.persons:,} persons in {time.perf_counter() - t0:.1f} s")
    svc = build_services(db, clock=lambda: TODAY, demo=True)
    with db.read() as s:
        admin_id = s.scalar(select(User.id).where(User.role == Role.ADMINISTRATOR))
        busiest = s.execute(
            select(ContactPersonAssignment.user_id, func.count())
            .where(ContactPersonAssignment.to_date.is_(None))
            .group_by(ContactPersonAssignment.user_id)
            .order_by(func.count().desc())
        ).first()
        latest = (
            select(ActionPlanVersion.plan_id, func.max(ActionPlanVersion.number).label("n"))
            .group_by(ActionPlanVersion.plan_id)
            .subquery()
        )
        agreed = list(
            s.scalars(
                select(ActionPlan.id)
                .join(latest, latest.c.plan_id == ActionPlan.id)
                .join(
                    ActionPlanVersion,
                    (ActionPlanVersion.plan_id == ActionPlan.id)
                    & (ActionPlanVersion.number == latest.c.n),
                )
                .where(ActionPlanVersion.state == PlanState.AGREED)
                .order_by(ActionPlan.id)
                .limit(args.rounds + 1)
            )
        )
        plans = s.scalar(select(func.count(ActionPlan.id))) or 0
    assert admin_id is not None and busiest is not None and len(agreed) > args.rounds
    admin = Actor(admin_id, "admin", Role.ADMINISTRATOR, None, "bench")
    contact = Actor(busiest[0], "contact", Role.CONTACT_PERSON, None, "bench")
    print(f"{plans:,} plans; largest caseload {busiest[1]} persons")

    def edit(plan_id: int) -> object:
        detail = svc.plans.get(admin, plan_id)
        task = detail.shown.goals[0].tasks[0]
        t0 = time.perf_counter()
        svc.plans.set_task_note(admin, plan_id, task.id, "Reviewed", expected=detail.stamp)
        return time.perf_counter() - t0

    rounds = range(args.rounds + 1)
    _time("open a plan", [lambda: svc.plans.get(admin, agreed[0]) for _ in rounds])
    # Only the edit is timed: the preceding get is the editor's own load.
    edit_times = [edit(pid) * 1000 for pid in agreed[1:]]
    median = statistics.median(edit_times)
    target = TARGETS_MS["first edit of an agreed plan (new version)"]
    print(
        f"first edit of an agreed plan (new version): median {median:.1f} ms, "
        f"max {max(edit_times):.1f} ms over {len(edit_times)} plans "
        f"(target {target:.0f} ms, ratio {median / target:.2f})"
    )
    _time(
        "differences between versions",
        [lambda: svc.plans.diff_versions(admin, agreed[1], 1, 2) for _ in rounds],
    )
    _time(
        "due for review, largest caseload",
        [lambda: svc.plans.due_for_review(contact, 30) for _ in rounds],
    )
    whole = svc.plans.due_for_review(admin, 30, caseload_only=False)
    print(f"   whole organisation: {len(whole):,} plans due within 30 days")
    _time(
        "due for review, whole organisation",
        [lambda: svc.plans.due_for_review(admin, 30, caseload_only=False) for _ in range(6)],
    )
    _time(
        "turning 18 within 60 days", [lambda: svc.contacts.transitions_due(admin) for _ in rounds]
    )
    svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
