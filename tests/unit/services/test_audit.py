"""The audit service and ``clinic-app audit``: verify (tamper detection), viewer, access
report, retention and purge."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from clinic_app.cli import context as cli_context
from clinic_app.cli import main
from clinic_app.errors import Forbidden, Invalid, NotFound
from clinic_app.models import AuditAnchor, AuditEvent, ContactPersonAssignment
from clinic_app.security.audit_chain import chain_hash, verify_chain
from clinic_app.security.context import Actor
from clinic_app.services.audit import (
    DEFAULT_RETENTION_DAYS,
    MIN_RETENTION_DAYS,
    AuditFilter,
    verify_log,
)
from clinic_app.services.audit_trail import ANCHOR_ID, AuditTrail, audit_row_fields
from clinic_app.services.container import Services, build_services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Role
from tests.conftest import FAST_HASHER, PASSWORD, TODAY, make_user
from tests.unit.services.audit_helpers import actions, append_rows, last_id

N_ROWS = 10_000


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    """Run ``clinic-app`` against the test database as the administrator."""
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    # The production argon2 cost belongs in benchmarks, not in every command of a test.
    monkeypatch.setattr(
        cli_context, "build_services", functools.partial(build_services, hasher=FAST_HASHER)
    )
    return lambda *argv: main([str(a) for a in argv])


def register(services: Services, actor: Actor, name: str = "Bogdána Dumitru", **kw: object) -> int:
    data = PersonInput(names=(NameInput(name),), nationality="RO", **kw)  # type: ignore[arg-type]
    return services.persons.register(actor, data).id


# --- verify: tamper detection ----------------------------------------------------------------


def _swap(s: Session, a: int, b: int) -> None:
    """Exchange the whole content of rows ``a`` and ``b`` (ids stay): a reordering."""
    cols = [c for c in AuditEvent.__table__.columns if c.name != "id"]
    ra = s.execute(select(*cols).where(AuditEvent.id == a)).one()._asdict()
    rb = s.execute(select(*cols).where(AuditEvent.id == b)).one()._asdict()
    s.execute(update(AuditEvent).where(AuditEvent.id == a).values(**rb))
    s.execute(update(AuditEvent).where(AuditEvent.id == b).values(**ra))


def _insert_middle(s: Session, at: int) -> None:
    """Shift rows ``at``.. up by one and put a new row at ``at``: an insertion."""
    top = s.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0
    for i in range(top, at - 1, -1):
        s.execute(update(AuditEvent).where(AuditEvent.id == i).values(id=i + 1))
    s.add(
        AuditEvent(
            id=at,
            at=dt.datetime(2020, 6, 1),
            username="intruder",
            action="person.view",
            prev_hash="0" * 64,
            row_hash="0" * 64,
        )
    )


def _append_forged(s: Session, key: bytes) -> int:
    """A row after the tail whose hash fits the chain (as if written with the key) but which
    the anchor does not know about."""
    last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    row = AuditEvent(
        id=last.id + 1,
        at=dt.datetime(2021, 1, 1),
        user_id=1,
        username="admin",
        role="administrator",
        workstation="x",
        action="person.view",
        person_id=None,
        target="",
        details="",
        outcome="ok",
        prev_hash=last.row_hash,
    )
    row.row_hash = chain_hash(key, last.row_hash, audit_row_fields(row))
    s.add(row)
    return row.id


def _truncate_and_rewind_anchor(s: Session) -> None:
    s.execute(delete(AuditEvent).where(AuditEvent.id > 9000))
    h = s.scalar(select(AuditEvent.row_hash).where(AuditEvent.id == 9000))
    s.execute(update(AuditAnchor).values(last_event_id=9000, last_hash=h))


def _forge_purge(s: Session) -> None:
    s.execute(delete(AuditEvent).where(AuditEvent.id < 100))
    h = s.scalar(select(AuditEvent.prev_hash).where(AuditEvent.id == 100))
    s.execute(update(AuditAnchor).values(purged_before_id=100, purged_anchor_hash=h))


Tamper = Callable[[Session, bytes], object]

# (tamper, expected reason, expected first bad id; None: not a row; ...: any row)
TAMPERS: dict[str, tuple[Tamper, str, object]] = {
    "edit username": (
        lambda s, k: s.execute(
            update(AuditEvent).where(AuditEvent.id == 5000).values(username="someone")
        ),
        "bad_hash",
        5000,
    ),
    "edit person id": (
        lambda s, k: s.execute(update(AuditEvent).where(AuditEvent.id == 7).values(person_id=99)),
        "bad_hash",
        7,
    ),
    "edit time": (
        lambda s, k: s.execute(
            update(AuditEvent)
            .where(AuditEvent.id == 4321)
            .values(at=dt.datetime(2019, 1, 1, 0, 0, 1))
        ),
        "bad_hash",
        4321,
    ),
    "edit outcome": (
        lambda s, k: s.execute(
            update(AuditEvent).where(AuditEvent.id == N_ROWS).values(outcome="denied")
        ),
        "bad_hash",
        N_ROWS,
    ),
    "edit stored prev_hash": (
        lambda s, k: s.execute(
            update(AuditEvent).where(AuditEvent.id == 3333).values(prev_hash="f" * 64)
        ),
        "bad_hash",
        3333,
    ),
    "delete a middle row": (
        lambda s, k: s.execute(delete(AuditEvent).where(AuditEvent.id == 6000)),
        "bad_sequence",
        6000,
    ),
    "delete the first row": (
        lambda s, k: s.execute(delete(AuditEvent).where(AuditEvent.id == 1)),
        "bad_sequence",
        1,
    ),
    "insert a row": (lambda s, k: _insert_middle(s, 2500), "bad_hash", 2500),
    # The next log-in cannot take the forged row's id; it writes after it and leaves the
    # anchor unsealed, so the tampering stays visible.
    "append a row past the anchor": (_append_forged, "bad_hash", ...),
    "reorder two rows": (lambda s, k: _swap(s, 100, 101), "bad_hash", 100),
    # The log-in before verifying writes the next id after the old tail: a gap at 9001.
    "truncate the tail": (
        lambda s, k: s.execute(delete(AuditEvent).where(AuditEvent.id > 9000)),
        "bad_sequence",
        9001,
    ),
    "truncate and rewind the anchor": (
        lambda s, k: _truncate_and_rewind_anchor(s),
        "bad_anchor",
        None,
    ),
    "forge a purge": (lambda s, k: _forge_purge(s), "bad_anchor", None),
    "delete the anchor": (lambda s, k: s.execute(delete(AuditAnchor)), "bad_anchor", None),
}


@pytest.mark.parametrize("name", list(TAMPERS))
def test_audit_verify_detects_tampering_in_a_10000_row_log(
    services: Services,
    cli: Callable[..., int],
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    append_rows(services, N_ROWS)
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    assert cli("audit", "verify") == 0
    assert f"{N_ROWS + 2} audit rows verified" in capsys.readouterr().out

    tamper, reason, bad_id = TAMPERS[name]
    with services.db.write() as s:
        tamper(s, services.audit.key)

    assert cli("audit", "verify", "--json") == 1
    result = json.loads(capsys.readouterr().out)
    assert (result["ok"], result["reason"]) == (False, reason)
    if bad_id is ...:
        bad_id = result["first_bad_id"]
        assert isinstance(bad_id, int)
    assert result["first_bad_id"] == bad_id
    assert cli("audit", "verify") == 1
    text = capsys.readouterr().out
    assert text.startswith("TAMPERED")
    if bad_id is not None:
        assert f"row id {bad_id}:" in text


def test_an_edit_anywhere_is_found_at_that_row(services: Services, admin: Actor) -> None:
    """From the first to the last of 10,000 rows: an edited field is found at that row."""
    append_rows(services, N_ROWS - 2)
    key = services.audit.key
    with services.db.read() as s:
        rows = [(audit_row_fields(r), r.row_hash) for r in s.execute(select(AuditEvent.__table__))]
    assert len(rows) == N_ROWS
    for i in (*range(0, N_ROWS, 499), N_ROWS - 1):  # first to last, several fields
        for field in ("username", "action", "details", "workstation"):
            changed = list(rows)
            fields = dict(changed[i][0])
            fields[field] = str(fields[field]) + "x"
            changed[i] = (fields, changed[i][1])
            result = verify_chain(key, changed)
            assert (result.ok, result.first_bad_index) == (False, i)


def test_verify_is_audited_and_refused_to_others(services: Services, admin: Actor) -> None:
    team_lead = make_user(services, admin, "tina", Role.TEAM_LEAD, None)
    before = last_id(services)
    check = services.audit_log.verify(admin)
    assert check.ok and check.first_bad_id is None
    assert actions(services, before) == ["audit.verify"]
    with pytest.raises(Forbidden):
        services.audit_log.verify(team_lead)


def test_verify_log_reports_wrong_key(services: Services, admin: Actor) -> None:
    assert verify_log(services.db, services.audit).ok
    other = verify_log(services.db, AuditTrail(b"another key, 32 bytes long......"))
    assert (other.ok, other.reason, other.first_bad_id) == (False, "bad_hash", 1)


def test_ids_stay_gapless_after_the_tail_was_cut(services: Services, admin: Actor) -> None:
    """New events take their id from the anchor, so a cut tail is still reported."""
    append_rows(services, 50)
    with services.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id > 40))
    services.users.logout(admin)
    check = verify_log(services.db, services.audit)
    assert (check.ok, check.reason, check.first_bad_id) == (False, "bad_sequence", 41)


# --- viewer ----------------------------------------------------------------------------------


def test_viewer_filters_by_user_person_action_and_period(
    services: Services, admin: Actor, staff: Actor
) -> None:
    pid = register(services, staff, site_id=staff.site_id)
    other = register(services, admin, "Olena Kovalenko")
    services.persons.get(admin, pid)
    services.persons.get(admin, other)
    log = services.audit_log
    ref = services.persons.get(admin, pid).case_ref

    by_user = log.list_events(admin, AuditFilter(username="sofie"))
    assert {e.username for e in by_user.items} == {"sofie"}
    assert {e.action for e in by_user.items} >= {"login.success", "person.create"}

    by_person = log.list_events(admin, AuditFilter(case_ref=ref.lower()))
    assert {e.person_id for e in by_person.items} == {pid}
    assert [e.action for e in reversed(by_person.items)] == [
        "person.create",
        "person.view",
        "person.view",
    ]
    assert all(e.case_ref == ref for e in by_person.items)

    assert {e.action for e in log.list_events(admin, AuditFilter(action="person")).items} == {
        "person.create",
        "person.view",
    }
    assert {e.action for e in log.list_events(admin, AuditFilter(action="person.view")).items} == {
        "person.view"
    }
    today = dt.datetime.now(dt.UTC).date()
    assert log.list_events(admin, AuditFilter(until=today - dt.timedelta(days=1))).total == 0
    assert log.list_events(admin, AuditFilter(since=today)).total > 0
    with pytest.raises(Invalid) as err:
        log.list_events(admin, AuditFilter(since=today, until=today - dt.timedelta(days=1)))
    assert err.value.field == "until"
    with pytest.raises(NotFound):
        log.list_events(admin, AuditFilter(case_ref="26-NOONE"))


def test_viewer_pages_newest_first_and_is_audited(services: Services, admin: Actor) -> None:
    append_rows(services, 250)
    log = services.audit_log
    first = log.list_events(admin, limit=100)
    second = log.list_events(admin, offset=100, limit=100)
    assert first.total == second.total - 1  # the first listing was audited in between
    assert first.items[0].id > first.items[-1].id
    assert [e.id for e in first.items] == sorted((e.id for e in first.items), reverse=True)
    assert second.items[0].id == first.items[-1].id  # shifted by the one new event
    assert actions(services, last_id(services) - 1) == ["audit.view"]
    with pytest.raises(Invalid):
        log.list_events(admin, limit=0)


def test_viewer_rows_hold_no_personal_data_and_search_terms_are_not_stored(
    services: Services, admin: Actor
) -> None:
    pid = register(services, admin, "Bogdána Dumitru")
    services.persons.search(admin, "dumitru 1998")
    services.persons.add_alias(admin, pid, NameInput("Dana Dumitrescu", is_alias=True))
    services.persons.get(admin, pid)
    page = services.audit_log.list_events(admin, limit=1000)
    text = json.dumps([vars(e) for e in page.items], default=str).casefold()
    for secret in ("bogdána", "bogdana", "dumitru", "dana", "1998"):
        assert secret not in text


def test_viewer_is_for_administrators_only(services: Services, admin: Actor) -> None:
    for role in (Role.TEAM_LEAD, Role.NURSE, Role.STATISTICS):
        actor = make_user(services, admin, f"user_{role.value}", role, None)
        with pytest.raises(Forbidden):
            services.audit_log.list_events(actor)


def test_cli_audit_list_with_filters(
    services: Services, admin: Actor, cli: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    pid = register(services, admin)
    ref = services.persons.get(admin, pid).case_ref
    capsys.readouterr()
    assert cli("audit", "list", "--person", ref, "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in out["items"]] == ["person.view", "person.create"]
    assert (
        cli("audit", "list", "--user", "admin", "--action", "login", "--since", "2026-01-01") == 0
    )
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].endswith("events") and all("login." in ln for ln in lines[:-1])
    with pytest.raises(SystemExit):
        cli("audit", "list", "--since", "yesterday")


# --- access report ---------------------------------------------------------------------------


def test_access_report_lists_who_viewed_or_changed_one_person(
    services: Services, admin: Actor, staff: Actor, nurse: Actor
) -> None:
    pid = register(services, staff, site_id=staff.site_id)
    other = register(services, admin, "Olena Kovalenko")
    services.persons.get(nurse, pid)
    services.persons.add_alias(staff, pid, NameInput("Dana", is_alias=True))
    services.persons.get(admin, other)
    services.persons.search(nurse, "dumitru")  # she appeared in the results: in the report

    report = services.audit_log.access_report(admin, pid)
    assert report.person_id == pid and report.case_ref
    assert [(e.username, e.action, e.listed) for e in report.entries] == [
        ("sofie", "person.create", False),
        ("nina", "person.view", False),
        ("sofie", "person.alias_add", False),
        ("nina", "person.search", True),
    ]
    assert report.entries[1].role == "nurse" and report.entries[1].display_name == "Nina"
    assert report.entries[1].workstation == "test-pc"
    # The report is itself audited against the person, so the next one shows it.
    again = services.audit_log.access_report(admin, pid)
    assert again.entries[-1].action == "access_report.view"


def test_access_report_permissions(
    services: Services, admin: Actor, staff: Actor, site_ids: dict[str, int]
) -> None:
    pid = register(services, staff, site_id=staff.site_id)
    lead = make_user(services, admin, "tina", Role.TEAM_LEAD, None)
    contact = make_user(services, admin, "carl", Role.CONTACT_PERSON, site_ids["shelter"])
    with services.db.write() as s:
        s.add(ContactPersonAssignment(person_id=pid, user_id=contact.user_id, from_date=TODAY))
    assert services.audit_log.access_report(lead, pid).entries
    for actor in (staff, contact):
        with pytest.raises(Forbidden):
            services.audit_log.access_report(actor, pid)
    with pytest.raises(NotFound):
        services.audit_log.access_report(admin, 424242)


def test_cli_access_report(
    services: Services, admin: Actor, cli: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    pid = register(services, admin)
    ref = services.persons.get(admin, pid).case_ref
    capsys.readouterr()
    assert cli("audit", "access-report", ref, "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in out["entries"]] == ["person.create", "person.view"]
    assert cli("audit", "access-report", "26-NOONE") == 3


# --- retention and purge ---------------------------------------------------------------------


def test_retention_defaults_to_five_years_and_never_below_six_months(
    services: Services, admin: Actor
) -> None:
    log = services.audit_log
    assert log.retention_days() == DEFAULT_RETENTION_DAYS >= 5 * 365
    for bad in (0, -1, MIN_RETENTION_DAYS - 1, 150):
        with pytest.raises(Invalid) as err:
            log.set_retention_days(admin, bad)
        assert err.value.code == "too_short"
    assert log.retention_days() == DEFAULT_RETENTION_DAYS
    before = last_id(services)
    assert log.set_retention_days(admin, 365) == 365
    assert log.retention_days() == 365
    assert actions(services, before) == ["settings.edit"]
    with pytest.raises(Forbidden):
        log.set_retention_days(make_user(services, admin, "tina", Role.TEAM_LEAD, None), 400)


def test_purge_keeps_rows_within_retention(services: Services, admin: Actor) -> None:
    latest = TODAY - dt.timedelta(days=DEFAULT_RETENTION_DAYS)
    with pytest.raises(Invalid) as err:
        services.audit_log.purge(admin, latest + dt.timedelta(days=1))
    assert err.value.code == "within_retention"
    assert str(latest) in err.value.message


def test_purge_deletes_old_rows_is_audited_and_the_chain_still_verifies(
    services: Services,
) -> None:
    append_rows(services, 3000, start=dt.datetime(2018, 1, 1), step=dt.timedelta(hours=1))
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = services.users.authenticate("admin", PASSWORD, "test-pc")
    # Rows are hourly from 2018-01-01: 83 days (1992 rows) lie before 2018-03-25.
    result = services.audit_log.purge(admin, dt.date(2018, 3, 25))
    assert result.deleted == 1992
    assert result.first_remaining_id == 1993
    check = verify_log(services.db, services.audit)
    assert check.ok and check.first_id == 1993
    assert actions(services, last_id(services) - 1) == ["audit.purge"]
    # Later events still chain on, and a second purge continues from the new start.
    services.users.logout(admin)
    assert services.audit_log.purge(admin, dt.date(2018, 4, 1)).deleted == 7 * 24
    assert verify_log(services.db, services.audit).ok


def test_purge_with_nothing_old_deletes_nothing_but_is_audited(
    services: Services, admin: Actor
) -> None:
    result = services.audit_log.purge(admin, dt.date(2015, 1, 1))
    assert (result.deleted, result.first_remaining_id) == (0, 1)
    assert actions(services, last_id(services) - 1) == ["audit.purge"]
    assert verify_log(services.db, services.audit).ok


def test_truncation_without_later_writes_is_reported_as_truncated(
    services: Services, admin: Actor
) -> None:
    append_rows(services, 100)
    with services.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id > 90))
    check = verify_log(services.db, services.audit)
    assert (check.ok, check.reason, check.first_bad_id) == (False, "truncated", 91)


def test_missing_anchor_is_reported(services: Services, admin: Actor) -> None:
    with services.db.write() as s:
        s.execute(delete(AuditAnchor))
    check = verify_log(services.db, services.audit)
    assert (check.ok, check.reason, check.first_bad_id) == (False, "missing_anchor", 1)


def test_tampered_anchor_is_never_resealed_by_later_events(
    services: Services, admin: Actor
) -> None:
    append_rows(services, 100)
    with services.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.id > 50))
        h = s.scalar(select(AuditEvent.row_hash).where(AuditEvent.id == 50))
        s.execute(update(AuditAnchor).values(last_event_id=50, last_hash=h))
    for _ in range(3):
        services.users.logout(admin)
    check = verify_log(services.db, services.audit)
    assert (check.ok, check.reason) == (False, "bad_anchor")


def test_cli_purge_needs_yes_and_an_administrator(
    services: Services, cli: Callable[..., int], capsys: pytest.CaptureFixture[str]
) -> None:
    append_rows(services, 500, start=dt.datetime(2017, 1, 1))
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    assert cli("audit", "purge", "--before", "2018-01-01") == 3
    assert "--yes" in capsys.readouterr().err
    assert cli("audit", "purge", "--before", "2018-01-01", "--yes") == 0
    assert re.search(r"Deleted 500 audit rows", capsys.readouterr().out)
    assert cli("audit", "verify") == 0
    assert cli("audit", "purge", "--before", str(TODAY), "--yes") == 3
    assert "kept" in capsys.readouterr().err


def test_forged_anchor_blocks_purge(services: Services) -> None:
    append_rows(services, 100, start=dt.datetime(2015, 1, 1))
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = services.users.authenticate("admin", PASSWORD, "test-pc")
    with services.db.write() as s:
        s.execute(update(AuditAnchor).where(AuditAnchor.id == ANCHOR_ID).values(mac="0" * 64))
    with pytest.raises(Invalid) as err:
        services.audit_log.purge(admin, dt.date(2016, 1, 1))
    assert err.value.code == "bad_anchor"
