"""Which document may go to whom: the partner kinds each document type may reach, the purpose
and data categories it discloses, and the cases where the law allows sharing without consent.

:mod:`clinic_app.services.documents` applies these rules; ``docs/documents.md`` shows them
(:func:`routing_markdown`) and explains the legal reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from clinic_app.documents.data import Language
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.consents import Purpose
from clinic_app.vocabulary import DataCategory, DocumentType, PartnerKind, Role

_D = DocumentType

# Which document types may go to which kind of partner. Everything else is refused, whatever
# the consent says: a police officer never receives a health referral, a doctor never a
# status confirmation.
PARTNER_DOCUMENTS: Mapping[PartnerKind, frozenset[DocumentType]] = MappingProxyType(
    {
        PartnerKind.POLICE: frozenset({_D.STATUS_CONFIRMATION, _D.CONSENT_FORM}),
        PartnerKind.IMMIGRATION: frozenset({_D.STATUS_CONFIRMATION, _D.CONSENT_FORM}),
        PartnerKind.LEGAL: frozenset({_D.STATUS_CONFIRMATION, _D.ACTION_PLAN, _D.CONSENT_FORM}),
        PartnerKind.MEDICAL: frozenset({_D.HEALTH_REFERRAL, _D.VISIT_SUMMARY, _D.CONSENT_FORM}),
        PartnerKind.IOM: frozenset({_D.IOM_REFERRAL, _D.CONSENT_FORM}),
        PartnerKind.NGO: frozenset({_D.ACTION_PLAN, _D.CONSENT_FORM}),
        PartnerKind.MUNICIPALITY: frozenset(
            {_D.ACTION_PLAN, _D.GUARDIAN_SUMMARY, _D.HEALTH_REFERRAL, _D.CONSENT_FORM}
        ),
        PartnerKind.AUTHORITY: frozenset(
            {_D.STATUS_CONFIRMATION, _D.ACTION_PLAN, _D.IOM_REFERRAL, _D.CONSENT_FORM}
        ),
    }
)

# Documents printed with no partner: the person's own copy of the action plan (they sign
# it), their access report, and the guardian summary, which goes to the minor's current
# guardian (the child's legal representative, not a partner).
NO_PARTNER_DOCUMENTS: frozenset[DocumentType] = frozenset(
    {_D.ACTION_PLAN, _D.ACCESS_REPORT, _D.GUARDIAN_SUMMARY}
)

# Documents that state status, deadlines or who pays: refused while the history needs
# correction (docs/rules.md, "History validation").
STATUS_DOCUMENTS: frozenset[DocumentType] = frozenset(
    {_D.STATUS_CONFIRMATION, _D.HEALTH_REFERRAL, _D.GUARDIAN_SUMMARY, _D.IOM_REFERRAL}
)

# Documents that never go to a partner.
PERSON_ONLY_DOCUMENTS: frozenset[DocumentType] = frozenset({_D.ACCESS_REPORT})

# The purpose each document serves, matched against the consent's purpose.
DOCUMENT_PURPOSE: Mapping[DocumentType, Purpose] = MappingProxyType(
    {
        _D.STATUS_CONFIRMATION: Purpose.LEGAL_STATUS,
        _D.ACTION_PLAN: Purpose.CASE_WORK,
        _D.GUARDIAN_SUMMARY: Purpose.CASE_WORK,
        _D.HEALTH_REFERRAL: Purpose.HEALTH_CARE,
        _D.VISIT_SUMMARY: Purpose.HEALTH_CARE,
        _D.IOM_REFERRAL: Purpose.ASSISTED_RETURN,
    }
)

# The data categories each document discloses (IDENTITY is added when the name is printed).
DOCUMENT_CATEGORIES: Mapping[DocumentType, frozenset[DataCategory]] = MappingProxyType(
    {
        _D.STATUS_CONFIRMATION: frozenset({DataCategory.LEGAL_STATUS}),
        _D.ACTION_PLAN: frozenset({DataCategory.IDENTITY, DataCategory.ACTION_PLAN}),
        _D.GUARDIAN_SUMMARY: frozenset(
            {DataCategory.IDENTITY, DataCategory.LEGAL_STATUS, DataCategory.ACTION_PLAN}
        ),
        _D.HEALTH_REFERRAL: frozenset({DataCategory.HEALTH}),
        _D.VISIT_SUMMARY: frozenset({DataCategory.HEALTH}),
        _D.IOM_REFERRAL: frozenset({DataCategory.IDENTITY, DataCategory.LEGAL_STATUS}),
        _D.CONSENT_FORM: frozenset(),
        _D.ACCESS_REPORT: frozenset(DataCategory),
    }
)

# Documents whose content always includes the name (the renderer prints it).
NAME_ALWAYS: frozenset[DocumentType] = frozenset(
    {_D.ACTION_PLAN, _D.CONSENT_FORM, _D.IOM_REFERRAL, _D.GUARDIAN_SUMMARY, _D.ACCESS_REPORT}
)


_CASE_ROLES = frozenset({Role.ADMINISTRATOR, Role.TEAM_LEAD})
_HEALTH_ROLES = frozenset({Role.ADMINISTRATOR, Role.TEAM_LEAD, Role.NURSE})


@dataclass(frozen=True)
class OverrideRule:
    """Sharing without consent that the law allows (our reading; see docs/documents.md)."""

    minors_only: bool
    basis: str  # the legal basis, printed in the refusal message and the docs
    basis_da: str  # the same in Danish, for the footer of a Danish document
    # Who may use this basis (besides holding document.print_without_consent): the role
    # whose work needs it, e.g. a nurse referring to a doctor.
    roles: frozenset[Role] = _CASE_ROLES

    def basis_in(self, lang: Language) -> str:
        return self.basis_da if lang == "da" else self.basis


_CHILD_IN_NEED = (
    "duty to notify the municipality about a child in need (Barnets lov §133, "
    "formerly Social Services Act §153)",
    "underretningspligten over for kommunen om et barn med behov for støtte (barnets lov "
    "§ 133, tidligere serviceloven § 153)",
)
_VITAL_HEALTH = (
    "vital interests when the person cannot consent (Health Act §43(2); GDPR art. 9(2)(c))",
    "vitale interesser, når personen ikke kan give samtykke (sundhedsloven § 43, stk. 2; "
    "databeskyttelsesforordningens art. 9, stk. 2, litra c)",
)

OVERRIDES: Mapping[tuple[PartnerKind, DocumentType], OverrideRule] = MappingProxyType(
    {
        (PartnerKind.POLICE, _D.STATUS_CONFIRMATION): OverrideRule(
            True,
            "a child's safety: vital interests of the child (GDPR art. 6(1)(d) and 9(2)(c))",
            "et barns sikkerhed: barnets vitale interesser (databeskyttelsesforordningens "
            "art. 6, stk. 1, litra d, og art. 9, stk. 2, litra c)",
        ),
        (PartnerKind.MUNICIPALITY, _D.GUARDIAN_SUMMARY): OverrideRule(True, *_CHILD_IN_NEED),
        (PartnerKind.MUNICIPALITY, _D.ACTION_PLAN): OverrideRule(True, *_CHILD_IN_NEED),
        (PartnerKind.MEDICAL, _D.HEALTH_REFERRAL): OverrideRule(
            False, *_VITAL_HEALTH, roles=_HEALTH_ROLES
        ),
        (PartnerKind.MEDICAL, _D.VISIT_SUMMARY): OverrideRule(
            False, *_VITAL_HEALTH, roles=_HEALTH_ROLES
        ),
    }
)


def document_types_for(kind: PartnerKind | None) -> tuple[DocumentType, ...]:
    """The document types that may go to a partner of ``kind`` (None: no partner)."""
    allowed_types = (
        NO_PARTNER_DOCUMENTS if kind is None else PARTNER_DOCUMENTS.get(kind, frozenset())
    )
    return tuple(t for t in DocumentType if t in allowed_types)


def partner_kinds_for(doc_type: DocumentType) -> tuple[PartnerKind, ...]:
    """The partner kinds that may receive ``doc_type``."""
    return tuple(k for k in PartnerKind if doc_type in PARTNER_DOCUMENTS.get(k, frozenset()))


def categories_for(doc_type: DocumentType, include_name: bool) -> frozenset[DataCategory]:
    cats = set(DOCUMENT_CATEGORIES.get(doc_type, frozenset()))
    if (include_name or doc_type in NAME_ALWAYS) and doc_type is not _D.CONSENT_FORM:
        cats.add(DataCategory.IDENTITY)
    return frozenset(cats)


def may_override(actor: Actor, rule: OverrideRule | None) -> bool:
    """Whether ``actor`` may share without consent under ``rule`` (with a reason)."""
    return (
        rule is not None
        and actor.role in rule.roles
        and allowed(actor, Action.DOCUMENT_PRINT_WITHOUT_CONSENT)
    )


def no_consent_reason(reason: str, rule: OverrideRule | None) -> str:
    if rule is None:
        return f"{reason} Without consent this document cannot be shared with this partner."
    names = [n for r, n in _ROLE_NAMES if r in rule.roles]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return (
        f"{reason} The law allows sharing without consent here ({rule.basis}), but only a "
        f"{who} may do so, with a stated reason."
    )


_ROLE_NAMES = (
    (Role.NURSE, "nurse"),
    (Role.TEAM_LEAD, "team lead"),
    (Role.ADMINISTRATOR, "administrator"),
)


def routing_markdown() -> str:
    """The partner-kind table and the lawful overrides as Markdown, for docs/documents.md."""
    types = [t for t in DocumentType if t is not _D.STATISTICS_SUMMARY]
    lines = ["| partner kind | " + " | ".join(f"`{t.value}`" for t in types) + " |"]
    lines.append("|---" * (len(types) + 1) + "|")
    for kind in PartnerKind:
        allowed_types = PARTNER_DOCUMENTS.get(kind, frozenset())
        cells = " | ".join("yes" if t in allowed_types else "—" for t in types)
        lines.append(f"| `{kind.value}` | {cells} |")
    cells = " | ".join("yes" if t in NO_PARTNER_DOCUMENTS else "—" for t in types)
    lines.append(f"| (no partner) | {cells} |")
    lines += ["", "| partner kind | document | minors only | legal basis (our reading) |"]
    lines.append("|---|---|---|---|")
    for (kind, doc_type), rule in OVERRIDES.items():
        minors = "yes" if rule.minors_only else "no"
        lines.append(f"| `{kind.value}` | `{doc_type.value}` | {minors} | {rule.basis} |")
    return "\n".join(lines) + "\n"
