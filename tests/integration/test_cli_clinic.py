"""``visits today``, ``visits summary``, ``visitors show`` and ``referrals open``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from clinic_app.cli import main
from clinic_app.services.container import build_services, open_database
from clinic_app.services.referrals import ReferralInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput
from clinic_app.vocabulary import Role, SiteKind, VisitService
from tests.conftest import FAST_HASHER, PASSWORD


@pytest.fixture
def code(db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """A clinic with one visitor seen today by the nurse 'nina'; returns the card code."""
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    assert main(["init"]) == 0
    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER)
    admin = svc.users.authenticate("admin", PASSWORD)
    clinic = svc.reference.create_site(admin, "CL1", "Clinic Vesterbro", SiteKind.CLINIC)
    svc.users.create_user(admin, "nina", "Nina", PASSWORD, Role.NURSE, clinic.id)
    nurse = svc.users.authenticate("nina", PASSWORD)
    visitor = svc.visitors.create(nurse, VisitorInput("Mira", nationality="NG"))
    visit = svc.visits.record_visit(
        nurse,
        VisitInput(
            clinic.id,
            visitor_id=visitor.id,
            services=(VisitService.CONSULTATION,),
            clinical_notes="private note",
        ),
    )
    svc.referrals.create(nurse, ReferralInput("dentist", "tooth", visit_id=visit.id))
    db.dispose()
    monkeypatch.setenv("CLINIC_APP_USER", "nina")
    capsys.readouterr()
    return visitor.code


def test_visits_today_text_and_json(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["visits", "today"]) == 0
    out = capsys.readouterr().out
    assert "CL1 Clinic Vesterbro" in out and "1 visits" in out and code in out
    assert "private note" not in out
    assert main(["visits", "today", "--site", "cl1", "--json"]) == 0
    (site,) = json.loads(capsys.readouterr().out)
    assert site["site"] == "CL1" and site["visits"][0]["visitor_code"] == code
    assert site["visits"][0]["clinical_notes"] is None
    yesterday = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    assert main(["visits", "today", "--date", yesterday, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["visits"] == []


def test_visits_summary(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["visits", "summary", "--json"]) == 0
    (summary,) = json.loads(capsys.readouterr().out)
    assert summary["visits"] == 1 and summary["new_visitors"] == 1
    assert summary["services"] == {"consultation": 1} and summary["referrals"] == 1


def test_visitor_show_and_open_referrals(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["visitors", "show", code.lower()]) == 0
    out = capsys.readouterr().out
    assert code in out and "Mira" in out and "consultation" in out
    assert main(["referrals", "open"]) == 0
    out = capsys.readouterr().out
    assert "dentist" in out and "1 open" in out and "tooth" not in out


def test_bad_input_exit_codes(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["visitors", "show", "V-ZZZZZ"]) == 3
    assert main(["visits", "today", "--date", "26/11"]) == 3
    assert main(["visits", "today", "--site", "NOPE"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "date: Use the form YYYY-MM-DD." in err
