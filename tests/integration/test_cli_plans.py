"""``contacts`` and ``plans`` on the command line: assign, caseload, list, show, diff, review."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from clinic_app.cli import main
from clinic_app.services.action_plans import PlanInput
from clinic_app.services.container import build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Role, SiteKind, TaskStatus
from tests.conftest import FAST_HASHER, PASSWORD


@pytest.fixture
def seeded(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """An administrator, a contact person 'carla' and one person; returns the case reference."""
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    assert main(["init"]) == 0
    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER)
    admin = svc.users.authenticate("admin", PASSWORD)
    site = svc.reference.create_site(admin, "SH1", "Shelter North", SiteKind.SHELTER)
    svc.users.create_user(admin, "carla", "Carla", PASSWORD, Role.CONTACT_PERSON, site.id)
    person = svc.persons.register(
        admin, PersonInput(names=(NameInput("Bogdána Dumitru"),), site_id=site.id)
    )
    db.dispose()
    capsys.readouterr()
    return person.case_ref


def test_assign_then_plans_as_the_contact_person(
    seeded: str, db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["contacts", "assign", seeded, "carla"]) == 0
    assert "Contact person: Carla" in capsys.readouterr().out
    assert main(["contacts", "assign", seeded, "admin"]) == 3
    assert "reason" in capsys.readouterr().err
    assert main(["contacts", "assign", seeded, "nobody", "--reason", "x"]) == 3
    capsys.readouterr()

    monkeypatch.setenv("CLINIC_APP_USER", "carla")
    assert main(["contacts", "caseload", "--json"]) == 0
    assert [i["case_ref"] for i in json.loads(capsys.readouterr().out)] == [seeded]

    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER)
    carla = svc.users.authenticate("carla", PASSWORD)
    today = dt.date.today()
    plan = svc.plans.create(
        carla,
        svc.persons.get_by_case_ref(carla, seeded).id,
        PlanInput("First plan", today, None, today),
        template_key="reflection_adult",
    )
    plan = svc.plans.agree(carla, plan.id, True, None, expected=plan.stamp)
    task = plan.shown.goals[0].tasks[0]
    svc.plans.set_task_status(carla, plan.id, task.id, TaskStatus.DONE, expected=plan.stamp)
    db.dispose()

    assert main(["plans", "list", seeded]) == 0
    assert "First plan" in capsys.readouterr().out
    assert main(["plans", "show", str(plan.id), "--version", "1"]) == 0
    out = capsys.readouterr().out
    assert "Version: 1 of 2, AGREED" in out and "Agreed:" in out
    assert main(["plans", "show", str(plan.id), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["shown"]["state"] == "draft"
    assert main(["plans", "diff", str(plan.id), "1", "2"]) == 0
    assert f"~ task {task.description}" in capsys.readouterr().out
    assert main(["plans", "review", "--json"]) == 0
    assert [p["id"] for p in json.loads(capsys.readouterr().out)] == [plan.id]
    assert main(["plans", "templates"]) == 0
    assert "reflection_adult" in capsys.readouterr().out
    # A contact person may not appoint contact persons.
    assert main(["contacts", "assign", seeded, "admin", "--reason", "x"]) == 4
