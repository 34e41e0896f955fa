"""Versioned legal rule sets with effective dates and cited sources.

Rule sets are data: when the law changes, add a new ``RuleSet`` with the date it took effect;
never edit the numbers of an old one, because printed documents cite rule set ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_app.vocabulary import Authority, LegalStay


@dataclass(frozen=True)
class Source:
    """Where a rule comes from. ``verified`` is False when a number or date is our reading."""

    title: str
    locator: str  # URL or seed file name
    verified: bool
    note: str = ""


@dataclass(frozen=True)
class RuleSet:
    """The numbers in force from ``effective_from`` (inclusive) to ``effective_until``."""

    id: str
    title: str
    effective_from: dt.date
    effective_until: dt.date | None  # last day in force; None = still in force
    reflection_initial_days: int  # Aliens Act §33(14)
    reflection_max_total_days: int  # initial period plus extensions
    permit_period_months: int  # Aliens Act §9c(5): granted this long at a time
    permit_renewal_reminder_days: int  # remind staff this long before a permit expires
    avr_follow_up_months: int  # IOM follow-up after arrival in the home country
    sources: tuple[Source, ...]
    notes: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (
            self.effective_until is None or day <= self.effective_until
        )


_SEED_2011_PLAN = Source(
    "Action Plan to Combat Human Trafficking 2011-2014 (reflection period up to 100 days; "
    "IOM support for up to three months after return)",
    "seeds/002_6439f3868b43c868.txt",
    verified=True,
)
_SEED_2011_CMM = Source(
    "CMM presentation, Oslo June 2011: reflection period 30+30+40 days",
    "seeds/003_199815750dedd615.txt",
    verified=True,
)
_ALIENS_ACT_2013 = Source(
    "Aliens (Consolidation) Act as amended up to Act No. 647 of 12 June 2013, §33(14): "
    "'The time limit for departure may not exceed 120 days'",
    "https://legislationline.org/taxonomy/term/13417",
    verified=True,
    note=(
        "Confirms the 120-day maximum in the law as amended in 2013. The exact date of entry "
        "into force (1 August 2013) is NOT verified: it is the project's working assumption."
    ),
)
_SEED_CURRENT = Source(
    "Current national referral description: 30 days, up to 120 days in total on cooperation "
    "on assisted voluntary return; IOM follow-up six months after arrival; §9c(5) permits "
    "6 months at a time, on police/prosecution application only",
    "seeds/004_bd71050944f98882.txt; seeds/001_f9ae9c4a6403a53b.txt",
    verified=True,
)

RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        id="2011",
        title="Rules described in the 2011-2014 action plan",
        effective_from=dt.date.min,
        effective_until=dt.date(2013, 7, 31),
        reflection_initial_days=30,
        reflection_max_total_days=100,
        permit_period_months=6,
        permit_renewal_reminder_days=30,
        avr_follow_up_months=3,
        sources=(_SEED_2011_PLAN, _SEED_2011_CMM),
        notes=(
            "Covers every date before the 2013 amendment; earlier rules are not modelled. "
            "The date the IOM follow-up grew from 3 to 6 months is unknown; it is placed at "
            "the same boundary."
        ),
    ),
    RuleSet(
        id="2013+",
        title="Aliens Act §33(14) as amended in 2013 (up to 120 days)",
        effective_from=dt.date(2013, 8, 1),
        effective_until=None,
        reflection_initial_days=30,
        reflection_max_total_days=120,
        permit_period_months=6,
        permit_renewal_reminder_days=30,
        avr_follow_up_months=6,
        sources=(_ALIENS_ACT_2013, _SEED_CURRENT),
        notes="Effective date 2013-08-01 is an unverified working assumption (see sources).",
    ),
)


def all_rule_sets() -> tuple[RuleSet, ...]:
    """Every rule set, oldest first (for the administrator's view)."""
    return RULE_SETS


def rule_set_for(day: dt.date) -> RuleSet:
    """The rule set in force on ``day``."""
    for rule_set in reversed(RULE_SETS):
        if rule_set.effective_from <= day:
            return rule_set
    return RULE_SETS[0]


def rule_set_by_id(rule_set_id: str) -> RuleSet:
    """Look a rule set up by the id a deadline recorded."""
    for rule_set in RULE_SETS:
        if rule_set.id == rule_set_id:
            return rule_set
    raise KeyError(rule_set_id)


_NO_LEGAL_STAY = frozenset({LegalStay.NONE, LegalStay.ASYLUM_SEEKER})


def identification_authority(legal_stay: LegalStay, *, tried_in_court: bool = False) -> Authority:
    """Who decides victim status, from the legal stay at the time of identification.

    No legal stay (asylum seekers included) -> Immigration Service (SIRI in some cases, which
    ``authority_may_identify`` also accepts); legal stay (Danish and EU citizens included) ->
    CMM; a court when the person is tried for a criminal offence.
    """
    if tried_in_court:
        return Authority.COURT
    if legal_stay in _NO_LEGAL_STAY:
        return Authority.IMMIGRATION_SERVICE
    return Authority.CMM


def authority_may_identify(authority: Authority, legal_stay: LegalStay) -> bool:
    """Whether ``authority`` may decide victim status for someone with ``legal_stay``."""
    if authority is Authority.COURT:
        return True
    if legal_stay in _NO_LEGAL_STAY:
        return authority in (Authority.IMMIGRATION_SERVICE, Authority.SIRI)
    return authority is Authority.CMM
