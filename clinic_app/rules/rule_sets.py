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
    permit_section_in_force: bool = True  # Aliens Act §9c(5) exists under this set

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
    note="Confirms the 120-day maximum in the law as consolidated in June 2013.",
)
_BILL_L129 = Source(
    "Bill L 129 (2012-13), tabled 30 January 2013 by the Minister of Justice: §1 no. 4 changes "
    "'100' to '120' in §33(14), 3rd sentence; §1 no. 1 inserts §9c(5) (permit for "
    "investigation or prosecution); §2: in force the day after publication in Lovtidende",
    "https://ft.dk/samling/20121/lovforslag/l129/20121_l129_som_fremsat.htm",
    verified=True,
    note=(
        "The bill was split (Folketinget status 'Delt'); the day the resulting act was "
        "published, and so the day it took effect, was NOT found in the sources searched. "
        "Known bounds: not before 2013-01-31 (day after tabling); in force by the consolidation "
        "act of 2013-06-25, which already reads 120. The boundary below is that later, "
        "certain date; requests in between are flagged for manual review."
    ),
)
_CMM_2024 = Source(
    "CMM, 'Refleksions- og restitutionsperiode': 30 days; extended on request 'hvis særlige "
    "grunde taler for det, eller hvis udlændingen samarbejder om en forberedt hjemsendelse'; "
    "at most 120 days",
    "https://admin.cmm.dk/tilbud-til-ofre/refleksions-og-restitutionsperiode",
    verified=True,
    note="The two grounds of an extension request (Aliens Act §33(14)).",
)
_SEED_CURRENT = Source(
    "Current national referral description: 30 days, up to 120 days in total on cooperation "
    "on assisted voluntary return; IOM follow-up six months after arrival; §9c(5) permits "
    "6 months at a time, on police/prosecution application only",
    "seeds/004_bd71050944f98882.txt; seeds/001_f9ae9c4a6403a53b.txt",
    verified=True,
)

# Bill L 129 (2012-13) was tabled on 2013-01-30; the consolidation act of 2013-06-25 already
# reads 120 days. Between the two the exact day of the change is not confirmed: decisions that
# depend on it (the maximum of a request, IOM's follow-up, a §9c(5) permit) are flagged for
# manual review instead of silently picking a side.
REVIEW_WINDOW_START = dt.date(2013, 1, 30)
REVIEW_WINDOW_END = dt.date(2013, 6, 25)
# Since 2022 only CMM and the Immigration Service / SIRI identify (courts grant status in
# criminal cases); who identified before is not modelled, so older identifications by other
# bodies are flagged rather than refused.
IDENTIFIERS_FIXED_FROM = dt.date(2022, 1, 1)


def in_review_window(day: dt.date) -> bool:
    """Whether ``day`` falls where the 2013 amendment's in-force date is not confirmed."""
    return REVIEW_WINDOW_START <= day <= REVIEW_WINDOW_END


RULE_SETS: tuple[RuleSet, ...] = (
    RuleSet(
        id="2011",
        title="Rules described in the 2011-2014 action plan",
        effective_from=dt.date.min,
        effective_until=dt.date(2013, 6, 24),
        reflection_initial_days=30,
        reflection_max_total_days=100,
        permit_period_months=6,
        permit_renewal_reminder_days=30,
        avr_follow_up_months=3,
        sources=(_SEED_2011_PLAN, _SEED_2011_CMM),
        notes=(
            "Covers every date before the 2013 amendment; earlier rules are not modelled. "
            "No §9c(5) permit exists under this set (bill L 129 created it). The date the IOM "
            "follow-up grew from 3 to 6 months is unknown; it is placed at the same boundary "
            "and departures in the review window are flagged."
        ),
        permit_section_in_force=False,
    ),
    RuleSet(
        id="2013+",
        title="Aliens Act §33(14) as amended in 2013 (up to 120 days)",
        effective_from=REVIEW_WINDOW_END,
        effective_until=None,
        reflection_initial_days=30,
        reflection_max_total_days=120,
        permit_period_months=6,
        permit_renewal_reminder_days=30,
        avr_follow_up_months=6,
        sources=(_BILL_L129, _ALIENS_ACT_2013, _CMM_2024, _SEED_CURRENT),
        notes=(
            "UNCERTAIN effective date: the amending act from bill L 129 took effect the day "
            "after publication, which is not confirmed; 2013-06-25 (the consolidation act "
            "already reading 120) is the latest possible day. Requests dated 2013-01-30 to "
            "2013-06-25 are flagged for manual review."
        ),
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


IDENTIFYING_BODIES = frozenset(
    {Authority.IMMIGRATION_SERVICE, Authority.SIRI, Authority.CMM, Authority.COURT}
)


def authority_may_identify(authority: Authority, legal_stay: LegalStay) -> bool:
    """Whether ``authority`` may decide victim status for someone with ``legal_stay``."""
    if authority is Authority.COURT:
        return True
    if authority not in IDENTIFYING_BODIES:
        return False
    if legal_stay in _NO_LEGAL_STAY:
        return authority in (Authority.IMMIGRATION_SERVICE, Authority.SIRI)
    return authority is Authority.CMM
