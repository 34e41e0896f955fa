"""Who may do what: the permission matrix as data, and the checks services call.

Each (role, action) cell holds a :class:`Scope`. Services work out how the record relates to
the acting user (``own_caseload``: the actor is the person's current contact person;
``same_site``: the person's current site is the actor's site) and pass those facts in; this
module never looks at the database. Anything not in the matrix is denied.

``docs/permissions.md`` is generated from this data by :func:`permissions_markdown`
(``python -m clinic_app.security.permissions > docs/permissions.md``); a test keeps them equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from clinic_app.errors import Forbidden
from clinic_app.security.context import Actor
from clinic_app.vocabulary import Role


class Action(StrEnum):
    """Every use case that needs a permission. Values appear in audit rows: never rename."""

    PERSON_VIEW = "person.view"
    PERSON_SEARCH = "person.search"
    PERSON_CREATE = "person.create"
    PERSON_EDIT = "person.edit"
    PERSON_ARCHIVE = "person.archive"
    PERSON_VIEW_LOCATION = "person.view_location"
    CASE_EVENT_ADD = "case_event.add"
    CASE_EVENT_EDIT = "case_event.edit"
    ENTITLEMENT_VIEW = "entitlement.view"
    ENTITLEMENT_OVERRIDE = "entitlement.override"
    CONTACT_PERSON_ASSIGN = "contact_person.assign"
    GUARDIAN_EDIT = "guardian.edit"
    PLAN_VIEW = "plan.view"
    PLAN_VIEW_HEALTH_GOALS = "plan.view_health_goals"
    PLAN_EDIT = "plan.edit"
    PLAN_AGREE = "plan.agree"
    PLAN_TEMPLATE_EDIT = "plan_template.edit"
    VISIT_CREATE = "visit.create"
    VISIT_VIEW = "visit.view"
    VISIT_VIEW_CLINICAL_NOTES = "visit.view_clinical_notes"
    REFERRAL_CREATE = "referral.create"
    REFERRAL_CLOSE = "referral.close"
    CONSENT_EDIT = "consent.edit"
    DOCUMENT_PRINT = "document.print"
    DOCUMENT_PRINT_WITHOUT_CONSENT = "document.print_without_consent"
    PARTNER_EDIT = "partner.edit"
    STATISTICS_VIEW = "statistics.view"
    STATISTICS_INTERNAL = "statistics.internal"
    USER_ADMIN = "user.admin"
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"
    AUDIT_PURGE = "audit.purge"
    ACCESS_REPORT_VIEW = "access_report.view"
    BACKUP_RUN = "backup.run"
    RESTORE_RUN = "restore.run"
    SETTINGS_EDIT = "settings.edit"
    RETENTION_RUN = "retention.run"


class Scope(StrEnum):
    """How far a role's permission for an action reaches."""

    ALL = "all"  # any record
    SAME_SITE = "same_site"  # the person's current site is the actor's site
    OWN_CASELOAD = "own_caseload"  # the actor is the person's current contact person
    SITE_OR_CASELOAD = "site_or_caseload"  # either of the two above
    BREAK_GLASS = "break_glass"  # only with a stated reason, audited as break-glass
    NONE = "none"


SCOPE_MEANING: Mapping[Scope, str] = MappingProxyType(
    {
        Scope.ALL: "any record",
        Scope.SAME_SITE: "only persons whose current site is the user's site",
        Scope.OWN_CASELOAD: "only persons for whom the user is the current contact person",
        Scope.SITE_OR_CASELOAD: "persons at the user's site or on the user's own caseload",
        Scope.BREAK_GLASS: "only in an emergency, with a stated reason; audited as break-glass",
        Scope.NONE: "never",
    }
)

# Actions that are not about one person's record: only ALL or NONE make sense for them.
GLOBAL_ACTIONS: frozenset[Action] = frozenset(
    {
        Action.PERSON_CREATE,
        Action.PLAN_TEMPLATE_EDIT,
        Action.PARTNER_EDIT,
        Action.STATISTICS_VIEW,
        Action.STATISTICS_INTERNAL,
        Action.USER_ADMIN,
        Action.AUDIT_VIEW,
        Action.AUDIT_VERIFY,
        Action.AUDIT_PURGE,
        Action.BACKUP_RUN,
        Action.RESTORE_RUN,
        Action.SETTINGS_EDIT,
        Action.RETENTION_RUN,
    }
)

_A, _S, _C, _SC, _BG, _N = (
    Scope.ALL,
    Scope.SAME_SITE,
    Scope.OWN_CASELOAD,
    Scope.SITE_OR_CASELOAD,
    Scope.BREAK_GLASS,
    Scope.NONE,
)

# Column order of every row below.
ROLE_ORDER: tuple[Role, ...] = (
    Role.ADMINISTRATOR,
    Role.TEAM_LEAD,
    Role.SHELTER_STAFF,
    Role.NURSE,
    Role.CONTACT_PERSON,
    Role.STATISTICS,
)


@dataclass(frozen=True)
class Rule:
    """One row of the matrix: a scope per role in :data:`ROLE_ORDER`, and why."""

    scopes: tuple[Scope, Scope, Scope, Scope, Scope, Scope]
    note: str


# Statistics users never see person data, so their column is NONE except statistics.view.
# Nurses work across clinics and the mobile unit, whose visitors belong to no shelter, so they
# find and see any person's identity, entitlements and health goals, but never plans as a whole.
_RULES: dict[Action, Rule] = {
    #                                 admin team_lead shelter nurse contact statistics
    Action.PERSON_VIEW: Rule((_A, _A, _S, _A, _SC, _N), "Identity and case overview."),
    Action.PERSON_SEARCH: Rule(
        (_A, _A, _S, _A, _SC, _N), "Each search hit is checked like person.view."
    ),
    Action.PERSON_CREATE: Rule((_A, _A, _A, _A, _A, _N), "Register a new person or visitor."),
    Action.PERSON_EDIT: Rule((_A, _A, _S, _S, _C, _N), "Names, birth data, flags."),
    Action.PERSON_ARCHIVE: Rule((_A, _A, _N, _N, _N, _N), "Close and archive a case."),
    Action.PERSON_VIEW_LOCATION: Rule(
        (_S, _S, _S, _S, _S, _N),
        "Safety-sensitive whereabouts: staff of the person's own site only, whatever the role.",
    ),
    Action.CASE_EVENT_ADD: Rule((_A, _A, _S, _N, _C, _N), "Legal and case timeline events."),
    Action.CASE_EVENT_EDIT: Rule(
        (_A, _A, _N, _N, _C, _N), "Correcting an event moves legal deadlines."
    ),
    Action.ENTITLEMENT_VIEW: Rule((_A, _A, _S, _A, _SC, _N), "What is covered, by whom, until."),
    Action.ENTITLEMENT_OVERRIDE: Rule(
        (_A, _A, _N, _N, _N, _N), "Override a computed entitlement; reason required."
    ),
    Action.CONTACT_PERSON_ASSIGN: Rule((_A, _A, _N, _N, _N, _N), "Appoint the contact person."),
    Action.GUARDIAN_EDIT: Rule((_A, _A, _N, _N, _C, _N), "A minor's personal representative."),
    Action.PLAN_VIEW: Rule((_A, _A, _S, _N, _C, _N), "Individual action plan, without health."),
    Action.PLAN_VIEW_HEALTH_GOALS: Rule(
        (_A, _A, _N, _A, _C, _N), "The health area of an action plan."
    ),
    Action.PLAN_EDIT: Rule((_A, _A, _N, _N, _C, _N), "Contact persons: own caseload only."),
    Action.PLAN_AGREE: Rule((_A, _A, _N, _N, _C, _N), "Record that a plan was agreed/signed."),
    Action.PLAN_TEMPLATE_EDIT: Rule((_A, _A, _N, _N, _N, _N), "Templates for new plans."),
    Action.VISIT_CREATE: Rule((_N, _N, _N, _A, _N, _N), "Clinic visits are recorded by nurses."),
    Action.VISIT_VIEW: Rule((_A, _A, _N, _A, _C, _N), "Date, services, referrals; no notes."),
    Action.VISIT_VIEW_CLINICAL_NOTES: Rule(
        (_BG, _N, _N, _A, _N, _N),
        "Nurses only. Administrators only by break-glass (reason, separate audit row).",
    ),
    Action.REFERRAL_CREATE: Rule((_N, _A, _N, _A, _C, _N), "Referral to doctor, dentist etc."),
    Action.REFERRAL_CLOSE: Rule((_N, _A, _N, _A, _C, _N), "Mark a referral done/cancelled."),
    Action.CONSENT_EDIT: Rule((_A, _A, _S, _A, _C, _N), "Consent to share with a partner."),
    Action.DOCUMENT_PRINT: Rule(
        (_A, _A, _S, _A, _SC, _N),
        "Also needs the view permission for every part printed, and a matching consent.",
    ),
    Action.DOCUMENT_PRINT_WITHOUT_CONSENT: Rule(
        (_A, _A, _N, _N, _N, _N), "Print without a matching consent; reason required, audited."
    ),
    Action.PARTNER_EDIT: Rule((_A, _A, _N, _N, _N, _N), "Partner organisations' details."),
    Action.STATISTICS_VIEW: Rule(
        (_A, _A, _N, _N, _N, _A), "Published tables with small counts suppressed."
    ),
    Action.STATISTICS_INTERNAL: Rule(
        (_A, _A, _N, _N, _N, _N), "Unsuppressed small counts could identify a person."
    ),
    Action.USER_ADMIN: Rule((_A, _N, _N, _N, _N, _N), "Users, roles, unlocking accounts."),
    Action.AUDIT_VIEW: Rule((_A, _N, _N, _N, _N, _N), "The whole audit log."),
    Action.AUDIT_VERIFY: Rule((_A, _N, _N, _N, _N, _N), "Check the audit hash chain."),
    Action.AUDIT_PURGE: Rule((_A, _N, _N, _N, _N, _N), "Drop audit rows past retention."),
    Action.ACCESS_REPORT_VIEW: Rule(
        (_A, _A, _N, _N, _N, _N), "Who accessed one person's record (GDPR access request)."
    ),
    Action.BACKUP_RUN: Rule((_A, _N, _N, _N, _N, _N), "Make a backup."),
    Action.RESTORE_RUN: Rule((_A, _N, _N, _N, _N, _N), "Restore a backup."),
    Action.SETTINGS_EDIT: Rule((_A, _N, _N, _N, _N, _N), "Organisation-wide settings."),
    Action.RETENTION_RUN: Rule((_A, _N, _N, _N, _N, _N), "Anonymise or erase closed cases."),
}

_MATRIX: Mapping[Action, Mapping[Role, Scope]] = MappingProxyType(
    {
        action: MappingProxyType(dict(zip(ROLE_ORDER, rule.scopes, strict=True)))
        for action, rule in _RULES.items()
    }
)


def matrix() -> Mapping[Action, Mapping[Role, Scope]]:
    """The whole table, read-only, for documentation and for hiding UI controls."""
    return _MATRIX


def scope_for(role: Role, action: Action) -> Scope:
    """The scope ``role`` has for ``action``; NONE for anything not in the matrix."""
    return _MATRIX.get(action, {}).get(role, Scope.NONE)


def needs_break_glass(actor: Actor, action: Action) -> bool:
    """True if ``actor`` may do ``action`` only by break-glass (the UI must ask for a reason)."""
    return scope_for(actor.role, action) is Scope.BREAK_GLASS


def _denial(
    actor: Actor, action: Action, own_caseload: bool, same_site: bool, break_glass: bool
) -> str | None:
    """None if allowed, else the reason (a short English code phrase, no personal data)."""
    scope = scope_for(actor.role, action)
    if scope is Scope.ALL:
        return None
    if scope is Scope.SAME_SITE:
        return None if same_site else "only for persons at your site"
    if scope is Scope.OWN_CASELOAD:
        return None if own_caseload else "only for your own caseload"
    if scope is Scope.SITE_OR_CASELOAD:
        return None if same_site or own_caseload else "only for your site or own caseload"
    if scope is Scope.BREAK_GLASS:
        return None if break_glass else "needs break-glass with a reason"
    return "not permitted for this role"


def allowed(
    actor: Actor,
    action: Action,
    *,
    own_caseload: bool = False,
    same_site: bool = False,
    break_glass: bool = False,
) -> bool:
    """May ``actor`` do ``action`` on a record with these relations to them?

    Pass ``break_glass=True`` only after the reason was collected and will be audited.
    """
    return _denial(actor, action, own_caseload, same_site, break_glass) is None


def require(
    actor: Actor,
    action: Action,
    *,
    own_caseload: bool = False,
    same_site: bool = False,
    break_glass: bool = False,
) -> None:
    """Like :func:`allowed` but raise ``Forbidden(action, reason)`` when denied."""
    reason = _denial(actor, action, own_caseload, same_site, break_glass)
    if reason is not None:
        raise Forbidden(str(action), reason)


_DOC_HEAD = """\
# Permissions

<!-- Generated by clinic_app.security.permissions.permissions_markdown(); do not edit.
     Regenerate: python -m clinic_app.security.permissions > docs/permissions.md -->

Services decide every permission (`clinic_app.security.permissions.require`); the UI only
hides what a role cannot do. Anything not listed is denied. Each cell is a scope:

"""

_DOC_TAIL = """
## Decisions

- **Clinical notes** are for nurses. An administrator may open them only by *break-glass*:
  the UI asks for a reason, the service passes `break_glass=True` and writes a separate audit
  row with the reason. No other role can reach clinical notes at all.
- **Safety-sensitive location** (where a person sleeps) is shown only to staff of that
  person's current site, whatever their role; administrators and team leads elsewhere do not
  see it. This holds on every path, not only the record: a site filter or scope (persons
  search, the dashboard's site list, unsuppressed statistics of one site) is allowed for
  one's own site only, and any other site is refused with the same answer whether or not
  anyone is there (`services/relations.py` `require_site_scope`); search rows carry no site
  name; a case history shows an event's site (a shelter stay) only to the staff of her
  current site or of that event's site; published statistics by shelter list every shelter,
  with small counts suppressed. Clinic visits show the clinic where the visit took place.
  `tests/unit/services/test_location_secrecy.py` calls every public method that returns
  person rows as users of another site (administrator, team lead, nurse, her own contact
  person) and finds no field naming, numbering or coding her site.
- **Action plans**: contact persons view and edit only their own caseload; team leads and
  administrators any. Nurses see a plan's health goals, not the rest of the plan.
- **Nurses** work in the clinics and the mobile unit, whose visitors mostly belong to no
  shelter, so they find and see any person's identity and entitlements; they record visits
  and referrals, and see no action plan beyond its health goals.
- **Administrators** run the system and may see case data, but do not record clinical work
  (visits, referrals) and reach clinical notes only by break-glass.
- **Statistics users** see published statistics only: no person data, no unsuppressed counts.
- **Printing** needs `document.print` *and* the view permission for each part printed, *and*
  a consent matching the partner and purpose; `document.print_without_consent` replaces the
  consent only, needs a reason and is audited.
- **Every list** shows only persons the role may see (persons search, duplicate check,
  dashboard, caseload, turning-18 list, plans due for review, clinic day view, open
  referrals), and is audited with which persons appeared in it.
- **Linking a visitor** to a person moves her visits onto the record: it needs
  `visit.create` and `person.edit` on that person, and a reason; unlinking likewise.
- **Refusals** are audited (`access.refused`: who, what, which person id, the rule).
- **Rights are read at each action**: a user disabled, or given another role or site, acts
  with what the database holds now, not with what she had at log-in.
- `tests/unit/services/test_permission_matrix_services.py` probes every action for every
  role in three relations (consent and printing included), checks that each refusal leaves
  exactly one audit row, and that every list-returning method shows only persons the role
  may see.
- The actor's relation to a record is computed by the service (`Actor.is_contact_person_for`,
  `Actor.at_site`): *own caseload* means the actor is the person's current contact person;
  *same site* means the person's current site equals the actor's site (a user with no site
  is never on the same site).
"""


def permissions_markdown() -> str:
    """Render the matrix, scope legend and decisions as the Markdown of docs/permissions.md."""
    lines = [_DOC_HEAD.rstrip("\n"), ""]
    lines += [
        f"- {'— (`none`)' if scope is Scope.NONE else f'`{scope}`'}: {SCOPE_MEANING[scope]}"
        for scope in Scope
    ]
    lines += ["", "## Matrix", ""]
    lines.append("| Action | " + " | ".join(f"`{role}`" for role in ROLE_ORDER) + " | Note |")
    lines.append("|---" * (len(ROLE_ORDER) + 2) + "|")
    for action, rule in _RULES.items():
        cells = " | ".join("—" if s is Scope.NONE else str(s) for s in rule.scopes)
        lines.append(f"| `{action}` | {cells} | {rule.note} |")
    return "\n".join(lines) + "\n" + _DOC_TAIL


if __name__ == "__main__":
    print(permissions_markdown(), end="")
