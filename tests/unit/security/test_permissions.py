"""The whole permission matrix, checked cell by cell against an independently written table."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from clinic_app.errors import Forbidden
from clinic_app.security.context import Actor
from clinic_app.security.permissions import (
    GLOBAL_ACTIONS,
    Action,
    Scope,
    allowed,
    matrix,
    needs_break_glass,
    permissions_markdown,
    require,
)
from clinic_app.vocabulary import Role

DOC = Path(__file__).resolve().parents[3] / "docs" / "permissions.md"

# Written per role (the module is written per action) so a slip in one is not copied into the
# other. Codes: A any record, S same site, C own caseload, SC site or caseload, BG break-glass.
# Actions missing from a role's dict are denied.
EXPECTED: dict[Role, dict[str, str]] = {
    Role.ADMINISTRATOR: {
        "person.view": "A", "person.search": "A", "person.create": "A", "person.edit": "A",
        "person.archive": "A", "person.view_location": "S",
        "case_event.add": "A", "case_event.edit": "A",
        "entitlement.view": "A", "entitlement.override": "A",
        "contact_person.assign": "A", "guardian.edit": "A",
        "plan.view": "A", "plan.view_health_goals": "A", "plan.edit": "A", "plan.agree": "A",
        "plan_template.edit": "A",
        "visit.view": "A", "visit.view_clinical_notes": "BG",
        "consent.edit": "A", "document.print": "A", "document.print_without_consent": "A",
        "partner.edit": "A", "statistics.view": "A", "statistics.internal": "A",
        "user.admin": "A", "audit.view": "A", "audit.verify": "A", "audit.purge": "A",
        "access_report.view": "A", "backup.run": "A", "restore.run": "A",
        "settings.edit": "A", "retention.run": "A",
    },
    Role.TEAM_LEAD: {
        "person.view": "A", "person.search": "A", "person.create": "A", "person.edit": "A",
        "person.archive": "A", "person.view_location": "S",
        "case_event.add": "A", "case_event.edit": "A",
        "entitlement.view": "A", "entitlement.override": "A",
        "contact_person.assign": "A", "guardian.edit": "A",
        "plan.view": "A", "plan.view_health_goals": "A", "plan.edit": "A", "plan.agree": "A",
        "plan_template.edit": "A",
        "visit.view": "A",
        "referral.create": "A", "referral.close": "A",
        "consent.edit": "A", "document.print": "A", "document.print_without_consent": "A",
        "partner.edit": "A", "statistics.view": "A", "statistics.internal": "A",
        "access_report.view": "A",
    },
    Role.SHELTER_STAFF: {
        "person.view": "S", "person.search": "S", "person.create": "A", "person.edit": "S",
        "person.view_location": "S", "case_event.add": "S", "entitlement.view": "S",
        "plan.view": "S", "consent.edit": "S", "document.print": "S",
    },
    Role.NURSE: {
        "person.view": "A", "person.search": "A", "person.create": "A", "person.edit": "S",
        "person.view_location": "S", "entitlement.view": "A", "plan.view_health_goals": "A",
        "visit.create": "A", "visit.view": "A", "visit.view_clinical_notes": "A",
        "referral.create": "A", "referral.close": "A",
        "consent.edit": "A", "document.print": "A",
        # only under a basis naming nurses (health documents to a doctor), see document_routing
        "document.print_without_consent": "A",
    },
    Role.CONTACT_PERSON: {
        "person.view": "SC", "person.search": "SC", "person.create": "A", "person.edit": "C",
        "person.view_location": "S", "case_event.add": "C", "case_event.edit": "C",
        "entitlement.view": "SC", "guardian.edit": "C",
        "plan.view": "C", "plan.view_health_goals": "C", "plan.edit": "C", "plan.agree": "C",
        "visit.view": "C", "referral.create": "C", "referral.close": "C",
        "consent.edit": "C", "document.print": "SC",
    },
    Role.STATISTICS: {"statistics.view": "A"},
}  # fmt: skip

ALL_ACTIONS = [
    "person.view", "person.search", "person.create", "person.edit", "person.archive",
    "person.view_location", "case_event.add", "case_event.edit", "entitlement.view",
    "entitlement.override", "contact_person.assign", "guardian.edit", "plan.view",
    "plan.view_health_goals", "plan.edit", "plan.agree", "plan_template.edit", "visit.create",
    "visit.view", "visit.view_clinical_notes", "referral.create", "referral.close",
    "consent.edit", "document.print", "document.print_without_consent", "partner.edit",
    "statistics.view", "statistics.internal", "user.admin", "audit.view", "audit.verify",
    "audit.purge", "access_report.view", "backup.run", "restore.run", "settings.edit",
    "retention.run",
]  # fmt: skip


def expected_allowed(code: str | None, own: bool, site: bool, glass: bool) -> bool:
    return {
        None: False,
        "A": True,
        "S": site,
        "C": own,
        "SC": site or own,
        "BG": glass,
    }[code]


def actor(role: Role, site_id: int | None = 1) -> Actor:
    return Actor(user_id=7, username="tester", role=role, site_id=site_id, workstation="ws-1")


CASES = [
    (role, action, own, site, glass)
    for role in Role
    for action in Action
    for own, site, glass in itertools.product([False, True], repeat=3)
]


def test_action_list_is_exactly_the_use_cases() -> None:
    assert [str(a) for a in Action] == ALL_ACTIONS


def test_expected_table_names_only_real_actions() -> None:
    for actions in EXPECTED.values():
        assert set(actions) <= set(ALL_ACTIONS)


@pytest.mark.parametrize(("role", "action", "own", "site", "glass"), CASES)
def test_every_cell(role: Role, action: Action, own: bool, site: bool, glass: bool) -> None:
    want = expected_allowed(EXPECTED[role].get(str(action)), own, site, glass)
    who = actor(role)
    got = allowed(who, action, own_caseload=own, same_site=site, break_glass=glass)
    assert got is want
    if want:
        require(who, action, own_caseload=own, same_site=site, break_glass=glass)
    else:
        with pytest.raises(Forbidden) as info:
            require(who, action, own_caseload=own, same_site=site, break_glass=glass)
        assert info.value.action == str(action)
        assert info.value.reason


def test_case_count_covers_the_whole_matrix() -> None:
    assert len(CASES) == len(Role) * len(Action) * 8 == 6 * 37 * 8


def test_matrix_has_every_role_for_every_action() -> None:
    table = matrix()
    assert set(table) == set(Action)
    for row in table.values():
        assert set(row) == set(Role)


def test_matrix_is_read_only() -> None:
    with pytest.raises(TypeError):
        matrix()[Action.USER_ADMIN] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        matrix()[Action.USER_ADMIN][Role.NURSE] = Scope.ALL  # type: ignore[index]


def test_global_actions_have_no_record_scopes() -> None:
    for action in GLOBAL_ACTIONS:
        assert set(matrix()[action].values()) <= {Scope.ALL, Scope.NONE}, action


def test_statistics_role_sees_no_person_data() -> None:
    granted = {a for a, row in matrix().items() if row[Role.STATISTICS] is not Scope.NONE}
    assert granted == {Action.STATISTICS_VIEW}


def test_only_nurses_read_clinical_notes_and_admin_only_by_break_glass() -> None:
    row = matrix()[Action.VISIT_VIEW_CLINICAL_NOTES]
    assert {r for r, s in row.items() if s is Scope.ALL} == {Role.NURSE}
    assert {r for r, s in row.items() if s is Scope.BREAK_GLASS} == {Role.ADMINISTRATOR}
    assert needs_break_glass(actor(Role.ADMINISTRATOR), Action.VISIT_VIEW_CLINICAL_NOTES)
    assert not needs_break_glass(actor(Role.NURSE), Action.VISIT_VIEW_CLINICAL_NOTES)


def test_location_is_never_visible_off_site() -> None:
    for role in Role:
        assert not allowed(actor(role), Action.PERSON_VIEW_LOCATION, own_caseload=True)


def test_unknown_action_is_denied() -> None:
    with pytest.raises(Forbidden):
        require(actor(Role.ADMINISTRATOR), "no.such_action")  # type: ignore[arg-type]


def test_actor_relations() -> None:
    a = actor(Role.CONTACT_PERSON, site_id=3)
    assert a.at_site(3) and not a.at_site(4) and not a.at_site(None)
    assert not actor(Role.NURSE, site_id=None).at_site(None)
    assert a.is_contact_person_for(7) and not a.is_contact_person_for(8)
    assert not a.is_contact_person_for(None)


def test_docs_are_generated_from_the_data() -> None:
    assert DOC.read_text(encoding="utf-8") == permissions_markdown(), (
        "docs/permissions.md is stale: python -m clinic_app.security.permissions > "
        "docs/permissions.md"
    )


def test_docs_table_lists_every_action() -> None:
    text = permissions_markdown()
    for action in Action:
        assert f"| `{action}` |" in text
