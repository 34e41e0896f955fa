"""``timeline``, ``dashboard``, ``rules`` and ``deadlines refresh`` on the command line."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from clinic_app.cli import main
from clinic_app.services.cases import EventInput
from clinic_app.services.container import build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import (
    Authority,
    EventKind,
    ExtensionGround,
    LegalStay,
    Outcome,
    SiteKind,
)
from tests.conftest import FAST_HASHER, PASSWORD


@pytest.fixture
def cli_env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    return db_url


def seed_identified_person(db_url: str, identified_on: dt.date) -> str:
    """A person at site SH1 identified on ``identified_on``; returns the case reference."""
    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER)
    admin = svc.users.authenticate("admin", PASSWORD)
    site = svc.reference.create_site(admin, "SH1", "Shelter North", SiteKind.SHELTER)
    person = svc.persons.register(
        admin, PersonInput(names=(NameInput("Bogdána Dumitru"),), site_id=site.id)
    )
    svc.cases.record_event(admin, person.id, EventInput(EventKind.FIRST_CONTACT, identified_on))
    svc.cases.record_event(
        admin,
        person.id,
        EventInput(
            EventKind.IDENTIFICATION,
            identified_on,
            authority=Authority.IMMIGRATION_SERVICE,
            outcome=Outcome.IDENTIFIED,
            legal_stay=LegalStay.NONE,
        ),
    )
    db.dispose()
    return person.case_ref


@pytest.fixture
def case_ref(cli_env: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["init"]) == 0
    ref = seed_identified_person(cli_env, dt.date.today() - dt.timedelta(days=10))
    capsys.readouterr()
    return ref


def test_timeline_text_and_json(case_ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    end = dt.date.today() + dt.timedelta(days=20)
    assert main(["timeline", case_ref.lower()]) == 0
    text = capsys.readouterr().out
    assert "Reflection period running [reflection]" in text
    assert f"Reflection period ends {end}" in text and "rule set 2013+" in text
    assert "dentistry" in text and "immigration_service" in text
    assert main(["timeline", case_ref, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "reflection" and data["case_ref"] == case_ref
    ends = [d for d in data["deadlines"] if d["kind"] == "reflection_end"]
    assert ends[0]["due"] == end.isoformat() and ends[0]["rule_set_id"] == "2013+"
    assert {e["payer"] for e in data["entitlements"] if e["covered"]} == {"immigration_service"}
    assert [r["id"] for r in data["rule_sets"]] == ["2013+"]


def test_dashboard_for_a_site_and_an_empty_caseload(
    case_ref: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dashboard", "--site", "sh1"]) == 0
    text = capsys.readouterr().out
    assert "Due within 30 days (2):" in text and case_ref in text and "Bogdána Dumitru" in text
    assert main(["dashboard", "--site", "SH1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["due_30_days"] == 2
    assert {i["kind"] for i in data["items"]} >= {"reflection_end", "contact_person_missing"}
    assert main(["dashboard", "--caseload", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["items"] == []
    assert main(["dashboard", "--site", "NOPE"]) == 3
    assert capsys.readouterr().err.strip() == "error: site not found"


def test_rules_and_refresh(case_ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    text = capsys.readouterr().out
    assert "Rule set 2011" in text and "at most 100 days" in text
    assert "Rule set 2013+" in text and "(in force)" in text
    assert main(["rules", "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["2011", "2013+"]
    assert main(["dashboard", "--site", "SH1"]) == 0
    assert "Note: deadlines were last recomputed for everyone on never" in capsys.readouterr().out
    assert main(["deadlines", "refresh"]) == 0
    assert "1 persons checked" in capsys.readouterr().out
    assert main(["dashboard", "--site", "SH1"]) == 0
    assert "Note:" not in capsys.readouterr().out


def test_unknown_case_ref(case_ref: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "26-ZZZZZ"]) == 3
    assert capsys.readouterr().err.strip() == "error: person not found"


def test_timeline_shows_requests_expected_and_review_flags(
    cli_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``clinic-app timeline``: the new status, the expected (not granted) end, notes, and the
    explanations in Danish with ``--language da``."""
    assert main(["init"]) == 0
    identified_on = dt.date.today() - dt.timedelta(days=10)
    ref = seed_identified_person(cli_env, identified_on)
    db = open_database(cli_env)
    svc = build_services(db, hasher=FAST_HASHER)
    admin = svc.users.authenticate("admin", PASSWORD)
    pid = svc.timeline.timeline_by_case_ref(admin, ref).person_id
    svc.cases.record_event(
        admin,
        pid,
        EventInput(
            EventKind.REFLECTION_EXTENSION_REQUESTED,
            dt.date.today(),
            ground=ExtensionGround.RETURN_COOPERATION,
        ),
    )
    db.dispose()
    capsys.readouterr()
    expected_end = identified_on + dt.timedelta(days=120)
    assert main(["timeline", ref, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "reflection_extension_requested" and data["valid"] is True
    assert data["reflection_expected_end"] == expected_end.isoformat()
    end = next(d for d in data["deadlines"] if d["kind"] == "reflection_end")
    assert end["expected"] is True and end["due"] == expected_end.isoformat()
    assert end["message"]["key"] == "reflection.end.expected"
    assert data["review_flags"] == [] and data["notes"][0]["code"] == "charges_withdrawable"
    assert main(["timeline", ref]) == 0
    text = capsys.readouterr().out
    assert "[reflection_extension_requested]" in text and "[EXPECTED]" in text
    assert main(["timeline", ref, "--language", "da"]) == 0
    text = capsys.readouterr().out
    assert "Refleksionsperiode (forlængelse søgt, forventet)" in text
    assert "FORVENTET" in text and "retsplejelovens § 722, stk. 2" in text
