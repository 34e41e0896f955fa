"""Retention: preview, anonymise (statistics kept), erase (no trace in the file), audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from clinic_app.errors import Conflict, Invalid
from clinic_app.models import (
    AuditEvent,
    CaseEvent,
    Consent,
    GuardianAssignment,
    Person,
    PersonExploitation,
    PersonName,
    Visit,
)
from clinic_app.security.context import Actor
from clinic_app.services.cases import EventInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import (
    BirthCertainty,
    ContactChannel,
    EventKind,
    ExploitationForm,
    PartnerKind,
    Sex,
    SiteKind,
)
from tests.conftest import TODAY
from tests.unit.storage.helpers import admin_of, file_bytes, open_services

SECRET_NAME = "Qxzwvy Brannigork"
SECRET_ALIAS = "Jolvenstrup Maxiwell"
SECRET_NOTE = "Sentinelnote Kvorbfjeld"
SECRET_PHONE = "+45 99 88 77 66"


def _person(svc: Services, admin: Actor, site_id: int, archived_years_ago: int | None) -> int:
    p = svc.persons.register(
        admin,
        PersonInput(
            names=(NameInput(SECRET_NAME, preferred=True), NameInput(SECRET_ALIAS, True)),
            sex=Sex.FEMALE,
            birth_certainty=BirthCertainty.EXACT,
            birth_date=dt.date(1990, 5, 17),
            nationality="NG",
            exploitation=(ExploitationForm.SEXUAL,),
            notes=SECRET_NOTE,
        ),
    )
    svc.cases.record_event(
        admin,
        p.id,
        EventInput(
            kind=EventKind.FIRST_CONTACT,
            date=dt.date(2014, 3, 18),
            channel=ContactChannel.STREET_OUTREACH,
            notes=SECRET_NOTE,
        ),
    )
    with svc.db.write() as s:
        s.add(
            GuardianAssignment(
                person_id=p.id,
                name=SECRET_ALIAS + " Guardian",
                organisation="Org",
                phone=SECRET_PHONE,
                email="guardian@example.org",
                appointed_date=dt.date(2014, 3, 20),
            )
        )
        s.add(
            Consent(
                person_id=p.id,
                partner_kind=PartnerKind.LEGAL,
                purpose=SECRET_NOTE,
                data_categories="health",
                valid_from=dt.date(2014, 3, 20),
            )
        )
        s.add(
            Visit(
                person_id=p.id,
                site_id=site_id,
                visited_at=dt.datetime(2014, 4, 1, 10),
                reason=SECRET_NOTE,
                clinical_notes=SECRET_NOTE,
            )
        )
    if archived_years_ago is not None:
        svc.persons.archive(admin, p.id, f"moved away {SECRET_NOTE}")
        with svc.db.write() as s:
            s.execute(
                update(Person)
                .where(Person.id == p.id)
                .values(archived_at=dt.datetime(TODAY.year - archived_years_ago, 1, 2))
                .execution_options(synchronize_session=False)
            )
    return p.id


@pytest.fixture
def plain(tmp_path: Path) -> tuple[Services, Actor, int, Path]:
    path = tmp_path / "plain.db"
    svc = open_services(f"sqlite:///{path}")
    admin = admin_of(svc)
    site = svc.reference.create_site(admin, "CL1", "Clinic", SiteKind.CLINIC, "Copenhagen")
    return svc, admin, site.id, path


def _count(svc: Services, model: type, pid: int) -> int:
    with svc.db.read() as s:
        return int(
            s.scalar(select(func.count()).select_from(model).where(model.person_id == pid)) or 0
        )


def test_preview_lists_only_closed_cases_past_retention(plain: tuple) -> None:
    svc, admin, site, _ = plain
    old = _person(svc, admin, site, archived_years_ago=12)
    recent = _person(svc, admin, site, archived_years_ago=3)
    active = _person(svc, admin, site, archived_years_ago=None)
    preview = svc.retention.preview(admin)
    assert preview.policy.years == 10 and preview.policy.mode == "anonymise"
    assert [c.person_id for c in preview.candidates] == [old]
    assert preview.candidates[0].rows["person_name"] == 2
    assert _count(svc, PersonName, old) == 2  # a preview changes nothing
    svc.retention.set_policy(admin, 2, "erase")
    ids = {c.person_id for c in svc.retention.preview(admin).candidates}
    assert ids == {old, recent} and active not in ids
    svc.close()


def test_anonymise_keeps_statistics_and_removes_identity(plain: tuple) -> None:
    svc, admin, site, path = plain
    pid = _person(svc, admin, site, archived_years_ago=11)
    outcome = svc.retention.run(admin)
    assert outcome.anonymised == (pid,) and outcome.checkpointed
    with svc.db.read() as s:
        person = s.get(Person, pid)
        assert person is not None
        assert person.display_name == "Anonymised" and person.notes == ""
        assert person.birth_date is None and person.birth_year == 1990
        assert person.sex is Sex.FEMALE and person.nationality == "NG"
        assert person.anonymised_at is not None and person.archived_reason == ""
        forms = s.scalars(
            select(PersonExploitation.form).where(PersonExploitation.person_id == pid)
        )
        assert list(forms) == [ExploitationForm.SEXUAL]
        event = s.scalars(select(CaseEvent).where(CaseEvent.person_id == pid)).one()
        assert event.kind is EventKind.FIRST_CONTACT and event.event_date == dt.date(2014, 3, 1)
        assert event.notes == ""
        visit = s.scalars(select(Visit).where(Visit.person_id == pid)).one()
        assert visit.clinical_notes == "" and visit.reason == ""
    assert _count(svc, PersonName, pid) == 0
    assert _count(svc, GuardianAssignment, pid) == 0
    assert _count(svc, Consent, pid) == 0
    assert svc.retention.run(admin).anonymised == ()  # done once
    svc.close()
    raw = file_bytes(path)
    for secret in (SECRET_NAME, SECRET_ALIAS, SECRET_NOTE, SECRET_PHONE):
        assert secret.encode() not in raw


def test_erasure_leaves_no_trace_in_the_database_or_wal(plain: tuple) -> None:
    svc, admin, site, path = plain
    pid = _person(svc, admin, site, archived_years_ago=1)
    other = svc.persons.register(admin, PersonInput(names=(NameInput("Ordinary Other"),)))
    raw = file_bytes(path)
    keeper = svc.db.engine.raw_connection()  # keeps the WAL populated meanwhile
    try:
        assert any(secret.encode() in raw + file_bytes(path) for secret in (SECRET_NAME,))
        outcome = svc.retention.erase_person(admin, pid)
    finally:
        keeper.close()
    assert outcome.erased == (pid,)
    with svc.db.read() as s:
        assert s.get(Person, pid) is None
        for model in (PersonName, CaseEvent, GuardianAssignment, Consent, Visit):
            assert _count(svc, model, pid) == 0
        audit = s.scalars(select(AuditEvent).where(AuditEvent.person_id == pid)).all()
        assert audit and audit[-1].action == "retention.erase"
        assert all(SECRET_NOTE not in a.details and SECRET_NAME not in a.details for a in audit)
    assert svc.retention.scrub()
    svc.close()
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    wal_data = wal.read_bytes() if wal.exists() else b""
    for blob in (data, wal_data):
        for secret in (
            SECRET_NAME,
            SECRET_ALIAS,
            SECRET_NOTE,
            SECRET_PHONE,
            "guardian@example.org",
        ):
            assert secret.encode() not in blob
            assert secret.lower().encode() not in blob
    assert b"Ordinary Other" in data  # the rest of the file is still readable data
    del other


def test_erasure_needs_an_archived_case_and_a_valid_policy(plain: tuple) -> None:
    svc, admin, site, _ = plain
    pid = _person(svc, admin, site, archived_years_ago=None)
    with pytest.raises(Conflict):
        svc.retention.erase_person(admin, pid)
    assert _count(svc, PersonName, pid) == 2
    with pytest.raises(Invalid):
        svc.retention.set_policy(admin, 0, "erase")
    with pytest.raises(Invalid):
        svc.retention.set_policy(admin, 10, "shred")
    svc.close()


def test_cli_retention_preview_and_run(
    plain: tuple, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from clinic_app.cli import main
    from tests.conftest import PASSWORD

    svc, admin, site, path = plain
    pid = _person(svc, admin, site, archived_years_ago=15)
    svc.close()
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    url = f"sqlite:///{path}"
    assert main(["--db", url, "retention", "preview"]) == 0
    out = capsys.readouterr().out
    assert "1 case(s)" in out and SECRET_NAME not in out
    assert main(["--db", url, "retention", "run"]) == 3  # needs --yes
    assert main(["--db", url, "retention", "run", "--yes"]) == 0
    assert "Anonymised 1" in capsys.readouterr().out
    del pid
