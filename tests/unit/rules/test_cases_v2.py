"""Table of dated cases for the second version of the engine, one group per numbered point of
issue 15. Each case pins the headline status, every deadline (first due date and whether it
is *expected* or granted), the identifying authority, the payer and end of the necessary /
ordinary care line and of every extended-care line, violations, review flags and notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from clinic_app.rules import (
    EXTENDED_SERVICES,
    BirthFact,
    DeadlineKind,
    EventFact,
    PersonFacts,
    compute_entitlements,
    compute_timeline,
    render,
)
from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    ExtensionGround,
    HealthService,
    LegalStay,
    Payer,
)

from .builders import (
    D,
    application,
    asylum_applied,
    asylum_decided,
    avr_referral,
    closed,
    contact,
    cooperation,
    decision,
    departure,
    extension,
    identified,
    not_identified,
    permit,
    reflection,
    renewal,
    request,
    stay,
)

K = DeadlineKind
CMM, DIS, POLICE = Authority.CMM, Authority.IMMIGRATION_SERVICE, Authority.POLICE
RETURN, PARTICULAR, OTHER = (
    ExtensionGround.RETURN_COOPERATION,
    ExtensionGround.PARTICULAR_REASONS,
    ExtensionGround.OTHER,
)
G, X = True, False  # deadline flag: expected (G... "guess") or granted / not a reflection date
CHARGES = "charges_withdrawable"


def person(*events: EventFact, **kw: object) -> PersonFacts:
    kw.setdefault("has_contact_person", True)
    return PersonFacts(events=events, **kw)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Case:
    item: int  # the numbered point of issue 15
    name: str
    facts: PersonFacts
    today: dt.date
    status: str
    deadlines: dict[DeadlineKind, tuple[dt.date, bool]]  # kind -> (first due, expected)
    authority: Authority | None  # who decided, else who should decide
    gp: tuple[Payer, dt.date | None]  # necessary / ordinary care line: payer, end
    ext: tuple[Payer, dt.date | None]  # every extended-care line: payer, end
    violations: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    notes: tuple[str, ...] = (CHARGES,)
    minor: bool | None = None
    max_rule_set: str | None = None


T0 = D(2026, 1, 1)  # identified; 30 days -> 2026-01-31; 120 days -> 2026-05-01

CASES = [
    # 1. Extensions are requests, then decisions -------------------------------------------
    Case(1, "lawful request on return cooperation: expected until the maximum",
         person(identified(T0), request(D(2026, 1, 20), RETURN)), D(2026, 1, 25),
         "reflection_extension_requested",
         {K.REFLECTION_END: (D(2026, 5, 1), G), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 5, 1), G)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 5, 1))),
    Case(1, "lawful request for particular reasons with a requested end",
         person(identified(T0), request(D(2026, 1, 20), PARTICULAR, D(2026, 3, 15))),
         D(2026, 1, 25), "reflection_extension_requested",
         {K.REFLECTION_END: (D(2026, 3, 15), G), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 3, 15), G)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 3, 15))),
    Case(1, "a granted decision replaces the expectation with the letter's end",
         person(identified(T0), request(D(2026, 1, 20), RETURN),
                decision(D(2026, 1, 28), True, D(2026, 3, 31))), D(2026, 2, 1),
         "reflection_extended",
         {K.REFLECTION_END: (D(2026, 3, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 3, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 3, 31))),
    Case(1, "a refused request leaves the granted end",
         person(identified(T0), request(D(2026, 1, 20), RETURN), decision(D(2026, 1, 28), False)),
         D(2026, 1, 29), "reflection",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         notes=("request_refused", CHARGES)),
    Case(1, "a request without a lawful ground extends nothing and says why",
         person(identified(T0), request(D(2026, 1, 20), OTHER)), D(2026, 1, 25), "reflection",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         notes=("request_extends_nothing", CHARGES)),
    Case(1, "a request filed after the period ended extends nothing",
         person(identified(T0), request(D(2026, 2, 5), RETURN)), D(2026, 2, 6),
         "expired_must_leave", {K.REFLECTION_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, D(2026, 1, 31)),
         notes=("request_extends_nothing", CHARGES)),
    Case(1, "a request beyond the maximum extends nothing",
         person(identified(T0), request(D(2026, 1, 20), RETURN, D(2026, 6, 1))), D(2026, 1, 25),
         "reflection",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         notes=("request_extends_nothing", CHARGES)),
    Case(1, "a migrated extension (decision without request) counts as granted",
         person(identified(T0), extension(D(2026, 1, 20), D(2026, 4, 1))), D(2026, 2, 1),
         "reflection_extended",
         {K.REFLECTION_END: (D(2026, 4, 1), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 4, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 4, 1))),
    Case(1, "a second request after a granted extension is expected again",
         person(identified(T0), request(D(2026, 1, 20), RETURN),
                decision(D(2026, 1, 25), True, D(2026, 3, 1)),
                request(D(2026, 2, 25), RETURN, D(2026, 4, 15))), D(2026, 2, 26),
         "reflection_extension_requested",
         {K.REFLECTION_END: (D(2026, 4, 15), G), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 4, 15), G)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 4, 15))),
    Case(1, "a decision beyond the maximum is capped and the history needs correction",
         person(identified(T0), extension(D(2026, 1, 20), D(2026, 6, 1))), D(2026, 2, 1),
         "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 5, 1), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 5, 1), X), K.HISTORY_CORRECTION: (D(2026, 2, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 5, 1)),
         violations=("reflection_beyond_maximum",)),
    # 2. AVR cooperation is its own fact; headline precedence -----------------------------
    Case(2, "AVR cooperation does not replace the reflection status",
         person(identified(T0), cooperation(D(2026, 1, 10))), D(2026, 1, 15), "reflection",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         notes=(CHARGES, "avr_cooperation")),
    Case(2, "a referral to IOM while the period runs: reflection stays the headline",
         person(identified(T0), cooperation(D(2026, 1, 10)), avr_referral(D(2026, 1, 12))),
         D(2026, 1, 15), "reflection",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         notes=(CHARGES, "avr_cooperation")),
    Case(2, "a referral without a reflection period (EU citizen): return prepared",
         person(identified(T0, CMM, LegalStay.EU_CITIZEN), avr_referral(D(2026, 1, 10)),
                registered_in_denmark=True), D(2026, 1, 15), "return_prepared", {},
         CMM, (Payer.NATIONAL_HEALTH, None), (Payer.CMM, None)),
    Case(2, "departed on return: returned outranks the reflection period",
         person(identified(T0), avr_referral(D(2026, 1, 10)), departure(D(2026, 1, 20))),
         D(2026, 1, 25), "returned",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.AVR_FOLLOW_UP_END: (D(2026, 7, 20), X)},
         DIS, (Payer.NONE, D(2026, 1, 20)), (Payer.NONE, D(2026, 1, 20))),
    # 3. Every state a case can be in ------------------------------------------------------
    Case(3, "reflection period expired with no permit, asylum claim or departure",
         person(identified(T0)), D(2026, 3, 1), "expired_must_leave",
         {K.REFLECTION_END: (D(2026, 1, 31), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, D(2026, 1, 31))),
    Case(3, "identification refused ends the period and the extended care it carried",
         person(identified(T0), not_identified(D(2026, 1, 15))), D(2026, 1, 20),
         "identification_refused", {K.REFLECTION_END: (D(2026, 1, 15), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, D(2026, 1, 15)), notes=()),
    Case(3, "a closed case has no live legal deadline",
         person(identified(T0), closed(D(2026, 1, 10))), D(2026, 1, 12), "closed", {},
         DIS, (Payer.NONE, D(2026, 1, 10)), (Payer.NONE, D(2026, 1, 10)), notes=()),
    Case(3, "asylum case pending",
         person(asylum_applied(D(2025, 12, 1)), identified(T0, DIS, LegalStay.ASYLUM_SEEKER)),
         D(2026, 3, 1), "asylum_pending", {},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, None)),
    Case(3, "temporary residence permit",
         person(identified(T0), application(D(2026, 1, 10)), permit(D(2026, 1, 20))),
         D(2026, 2, 1), "permit",
         {K.REFLECTION_END: (D(2026, 1, 20), X), K.PERMIT_RENEWAL_REMINDER: (D(2026, 6, 20), X),
          K.PERMIT_EXPIRY: (D(2026, 7, 20), X), K.ENTITLEMENT_END: (D(2026, 7, 20), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 7, 20)),
         notes=("permit_no_work", CHARGES)),
    Case(3, "presumed victim without legal stay",
         person(contact(T0), stay(T0, LegalStay.NONE)), D(2026, 1, 2), "presumed", {},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, None)),
    Case(3, "not identified as a victim (no earlier identification)",
         person(contact(T0), not_identified(D(2026, 1, 15))), D(2026, 1, 20), "not_identified",
         {}, DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, None), notes=()),
    # 4. The rule set in force on the request date decides the maximum --------------------
    Case(4, "started under 2011 rules, requested after the change: 120 days",
         person(identified(D(2013, 6, 10)), request(D(2013, 6, 28), RETURN)), D(2013, 7, 1),
         "reflection_extension_requested",
         {K.REFLECTION_END: (D(2013, 10, 8), G), K.REFLECTION_MAX_END: (D(2013, 10, 8), X),
          K.ENTITLEMENT_END: (D(2013, 10, 8), G)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2013, 10, 8)),
         max_rule_set="2013+"),
    Case(4, "a request inside the review window is flagged for manual review",
         person(identified(D(2013, 3, 1)), request(D(2013, 3, 20), RETURN)), D(2013, 3, 25),
         "reflection_extension_requested",
         {K.REFLECTION_END: (D(2013, 6, 9), G), K.REFLECTION_MAX_END: (D(2013, 6, 9), X),
          K.ENTITLEMENT_END: (D(2013, 6, 9), G), K.MANUAL_REVIEW: (D(2013, 3, 25), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2013, 6, 9)),
         flags=("review_reflection_max",), max_rule_set="2011"),
    Case(4, "a request the day before bill L 129 was tabled is not flagged",
         person(identified(D(2013, 1, 1)), request(D(2013, 1, 29), RETURN)), D(2013, 1, 29),
         "reflection_extension_requested",
         {K.REFLECTION_END: (D(2013, 4, 11), G), K.REFLECTION_MAX_END: (D(2013, 4, 11), X),
          K.ENTITLEMENT_END: (D(2013, 4, 11), G)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2013, 4, 11)),
         max_rule_set="2011"),
    Case(4, "a period started in the window with no request yet is flagged",
         person(identified(D(2013, 5, 1))), D(2013, 5, 10), "reflection",
         {K.REFLECTION_END: (D(2013, 5, 31), X), K.REFLECTION_MAX_END: (D(2013, 8, 9), X),
          K.ENTITLEMENT_END: (D(2013, 5, 31), X), K.MANUAL_REVIEW: (D(2013, 5, 10), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2013, 5, 31)),
         flags=("review_reflection_max",), max_rule_set="2011"),
    Case(4, "the 120-day rule from the consolidation act of 2013-06-25",
         person(identified(D(2013, 6, 25))), D(2013, 6, 26), "reflection",
         {K.REFLECTION_END: (D(2013, 7, 25), X), K.REFLECTION_MAX_END: (D(2013, 10, 23), X),
          K.ENTITLEMENT_END: (D(2013, 7, 25), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2013, 7, 25)),
         max_rule_set="2013+"),
    Case(4, "a departure in the window: IOM's 3 or 6 months flagged for manual review",
         person(identified(D(2012, 12, 1)), avr_referral(D(2012, 12, 10)),
                departure(D(2013, 3, 1))), D(2013, 3, 5), "returned",
         {K.REFLECTION_END: (D(2012, 12, 31), X), K.AVR_FOLLOW_UP_END: (D(2013, 6, 1), X),
          K.MANUAL_REVIEW: (D(2013, 3, 5), X)},
         DIS, (Payer.NONE, D(2013, 3, 1)), (Payer.NONE, D(2012, 12, 31)),
         flags=("review_iom",)),
    # 5. Care for everyone under the Immigration Service's provision, and with legal stay ---
    Case(5, "asylum seeker not (yet) identified: necessary care paid by DIS",
         person(asylum_applied(T0)), D(2026, 1, 5), "asylum_pending", {},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, None)),
    Case(5, "EU citizen with a yellow card identified by CMM",
         person(identified(T0, CMM, LegalStay.EU_CITIZEN), registered_in_denmark=True),
         D(2026, 1, 5), "identified", {}, CMM, (Payer.NATIONAL_HEALTH, None), (Payer.CMM, None)),
    Case(5, "own insurance from home (insurer's country recorded)",
         person(identified(T0, CMM, LegalStay.EU_CITIZEN), own_insurance=True,
                insurer_country="RO", registered_in_denmark=True),
         D(2026, 1, 5), "identified", {}, CMM, (Payer.NATIONAL_HEALTH, None),
         (Payer.OWN_INSURANCE, None)),
    Case(5, "refugee after an asylum grant: yellow card and extended care by CMM",
         person(asylum_applied(D(2025, 6, 1)), identified(D(2025, 8, 1), DIS,
                LegalStay.ASYLUM_SEEKER), asylum_decided(D(2026, 1, 10), True),
                registered_in_denmark=True),
         D(2026, 1, 20), "asylum_granted", {},
         DIS, (Payer.NATIONAL_HEALTH, None), (Payer.CMM, None)),
    Case(5, "legal stay without a yellow card: no source says who pays ordinary care",
         person(identified(T0, CMM, LegalStay.DANISH_CITIZEN)), D(2026, 1, 5), "identified", {},
         CMM, (Payer.UNKNOWN, None), (Payer.CMM, None)),
    Case(5, "legal stay unknown: no source says who pays",
         person(contact(T0)), D(2026, 1, 5), "presumed", {},
         None, (Payer.UNKNOWN, None), (Payer.NONE, None)),
    # 6. Only valid histories count --------------------------------------------------------
    Case(6, "identification by the police (since 2022 only CMM and DIS/SIRI identify)",
         person(contact(T0), identified(D(2026, 1, 5), POLICE, LegalStay.NONE)), D(2026, 1, 6),
         "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 2, 4), X), K.REFLECTION_MAX_END: (D(2026, 5, 5), X),
          K.ENTITLEMENT_END: (D(2026, 2, 4), X), K.HISTORY_CORRECTION: (D(2026, 1, 6), X)},
         POLICE, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 2, 4)),
         violations=("not_an_identifier",)),
    Case(6, "identification while the legal stay is unknown",
         person(identified(T0, DIS, None)), D(2026, 1, 2), "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X), K.HISTORY_CORRECTION: (D(2026, 1, 2), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         violations=("legal_stay_unknown_at_identification",)),
    Case(6, "CMM identifying a person without legal stay",
         person(identified(T0, CMM, LegalStay.NONE)), D(2026, 1, 2), "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X), K.HISTORY_CORRECTION: (D(2026, 1, 2), X)},
         CMM, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         violations=("wrong_identification_authority",)),
    Case(6, "a second reflection start conflicting with the first",
         person(identified(T0), reflection(T0), reflection(D(2026, 1, 15))), D(2026, 1, 20),
         "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X), K.HISTORY_CORRECTION: (D(2026, 1, 20), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         violations=("reflection_start_conflict",)),
    Case(6, "a §9c(5) permit dated before that section existed",
         person(identified(D(2012, 3, 1)), application(D(2012, 3, 5)), permit(D(2012, 3, 10))),
         D(2012, 3, 12), "history_needs_correction",
         {K.REFLECTION_END: (D(2012, 3, 10), X), K.PERMIT_RENEWAL_REMINDER: (D(2012, 8, 11), X),
          K.PERMIT_EXPIRY: (D(2012, 9, 10), X), K.ENTITLEMENT_END: (D(2012, 9, 10), X),
          K.HISTORY_CORRECTION: (D(2012, 3, 12), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2012, 9, 10)),
         violations=("permit_before_section",), notes=("permit_no_work", CHARGES)),
    Case(6, "an 'extension' that would shorten the period",
         person(identified(T0), extension(D(2026, 1, 10), D(2026, 1, 20))), D(2026, 1, 12),
         "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.REFLECTION_MAX_END: (D(2026, 5, 1), X),
          K.ENTITLEMENT_END: (D(2026, 1, 31), X), K.HISTORY_CORRECTION: (D(2026, 1, 12), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 1, 31)),
         violations=("extension_shortens",)),
    Case(6, "a birth date after the first contact",
         person(contact(T0), stay(T0, LegalStay.NONE),
                birth=BirthFact(BirthCertainty.EXACT, birth_date=D(2026, 2, 1))),
         D(2026, 3, 1), "history_needs_correction",
         {K.GUARDIAN_MISSING: (D(2026, 3, 1), X), K.HISTORY_CORRECTION: (D(2026, 3, 1), X),
          K.TURNS_18: (D(2044, 2, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, None),
         violations=("birth_after_first_contact",), minor=True),
    Case(6, "a permit renewal without a grant",
         person(identified(T0), application(D(2026, 1, 10)),
                renewal(D(2026, 1, 20), D(2026, 6, 1))), D(2026, 2, 1),
         "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.PERMIT_RENEWAL_REMINDER: (D(2026, 5, 2), X),
          K.PERMIT_EXPIRY: (D(2026, 6, 1), X), K.ENTITLEMENT_END: (D(2026, 6, 1), X),
          K.HISTORY_CORRECTION: (D(2026, 2, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 6, 1)),
         violations=("renewal_without_grant",), notes=("permit_no_work", CHARGES)),
    # 7. Minors stay minors while in doubt ---------------------------------------------------
    Case(7, "estimated birth year: a minor until the end of that year",
         person(identified(D(2026, 2, 1)), has_current_guardian=True,
                birth=BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=2008)),
         D(2026, 12, 31), "expired_must_leave",
         {K.REFLECTION_END: (D(2026, 3, 3), X), K.TURNS_18: (D(2027, 1, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, D(2026, 3, 3)), minor=True),
    Case(7, "estimated birth year: an adult from 1 January after",
         person(identified(D(2026, 2, 1)),
                birth=BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=2008)),
         D(2027, 1, 1), "expired_must_leave",
         {K.REFLECTION_END: (D(2026, 3, 3), X), K.TURNS_18: (D(2027, 1, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.NONE, D(2026, 3, 3)), minor=False),
    Case(7, "a minor in doubt without a guardian: the guardian can still be recorded",
         person(identified(D(2026, 2, 1)),
                birth=BirthFact(BirthCertainty.ESTIMATED_YEAR, birth_year=2008)),
         D(2026, 2, 5), "reflection",
         {K.GUARDIAN_MISSING: (D(2026, 2, 5), X), K.REFLECTION_END: (D(2026, 3, 3), X),
          K.ENTITLEMENT_END: (D(2026, 3, 3), X), K.REFLECTION_MAX_END: (D(2026, 6, 1), X),
          K.TURNS_18: (D(2027, 1, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2026, 3, 3)),
         minor=True),
    Case(7, "age assessment: the youngest reading counts",
         person(identified(T0, CMM, LegalStay.EU_CITIZEN), has_current_guardian=True,
                registered_in_denmark=True,
                birth=BirthFact(BirthCertainty.AGE_ASSESSED, assessment_date=D(2026, 1, 3),
                                assessed_age=17)),
         D(2026, 1, 5), "identified", {K.TURNS_18: (D(2027, 1, 3), X)},
         CMM, (Payer.NATIONAL_HEALTH, None), (Payer.CMM, None), minor=True),
    # 8. Permits as the letters say --------------------------------------------------------
    Case(8, "a renewal decided before the expiry runs on from it without a gap",
         person(identified(T0), application(D(2026, 1, 10)), permit(D(2026, 1, 20)),
                application(D(2026, 7, 1)), renewal(D(2026, 7, 10), D(2027, 1, 20))),
         D(2026, 8, 1), "permit",
         {K.REFLECTION_END: (D(2026, 1, 20), X), K.PERMIT_RENEWAL_REMINDER: (D(2026, 12, 21), X),
          K.PERMIT_EXPIRY: (D(2027, 1, 20), X), K.ENTITLEMENT_END: (D(2027, 1, 20), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2027, 1, 20)),
         notes=("permit_no_work", CHARGES)),
    Case(8, "a renewal longer than 6 months from the previous expiry",
         person(identified(T0), application(D(2026, 1, 10)), permit(D(2026, 1, 20)),
                application(D(2026, 7, 1)), renewal(D(2026, 7, 10), D(2027, 2, 1))),
         D(2026, 8, 1), "history_needs_correction",
         {K.REFLECTION_END: (D(2026, 1, 20), X), K.PERMIT_RENEWAL_REMINDER: (D(2027, 1, 2), X),
          K.PERMIT_EXPIRY: (D(2027, 2, 1), X), K.ENTITLEMENT_END: (D(2027, 2, 1), X),
          K.HISTORY_CORRECTION: (D(2026, 8, 1), X)},
         DIS, (Payer.IMMIGRATION_SERVICE, None), (Payer.IMMIGRATION_SERVICE, D(2027, 2, 1)),
         violations=("permit_period_too_long",), notes=("permit_no_work", CHARGES)),
    Case(8, "a departure is recorded beside the legal end of the reflection period",
         person(identified(T0), avr_referral(D(2026, 1, 5)), departure(D(2026, 1, 10))),
         D(2026, 1, 12), "returned",
         {K.REFLECTION_END: (D(2026, 1, 31), X), K.AVR_FOLLOW_UP_END: (D(2026, 7, 10), X)},
         DIS, (Payer.NONE, D(2026, 1, 10)), (Payer.NONE, D(2026, 1, 10))),
    # 9. Information next to the status ---------------------------------------------------
    Case(9, "a court grants victim status: charges linked to trafficking may be withdrawn",
         person(contact(T0), stay(T0, LegalStay.NONE), not_identified(D(2026, 1, 10)),
                identified(D(2026, 3, 1), Authority.COURT, None)), D(2026, 3, 5), "reflection",
         {K.REFLECTION_END: (D(2026, 3, 31), X), K.REFLECTION_MAX_END: (D(2026, 6, 29), X),
          K.ENTITLEMENT_END: (D(2026, 3, 31), X)},
         Authority.COURT, (Payer.IMMIGRATION_SERVICE, None),
         (Payer.IMMIGRATION_SERVICE, D(2026, 3, 31))),
]  # fmt: skip


def test_at_least_forty_cases_covering_every_point() -> None:
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    assert {case.item for case in CASES} >= {1, 2, 3, 4, 5, 6, 7, 8, 9}


@pytest.mark.parametrize("case", CASES, ids=[f"{c.item}: {c.name}" for c in CASES])
def test_case(case: Case) -> None:
    t = compute_timeline(case.facts, case.today)
    assert t.status == case.status
    seen: dict[DeadlineKind, tuple[dt.date, bool]] = {}
    for d in t.deadlines:
        seen.setdefault(d.kind, (d.due, d.expected))
        assert d.unreliable is bool(case.violations) or d.kind is K.HISTORY_CORRECTION
        for lang in ("en", "da"):
            assert render(d.message, lang)
    assert seen == case.deadlines
    authority = t.identification.authority or t.identification.expected_authority
    assert authority is case.authority
    assert tuple(v.code for v in t.violations) == case.violations
    assert tuple(f.code for f in t.review_flags) == case.flags
    assert tuple(n.code for n in t.notes) == case.notes
    if case.minor is not None:
        assert t.is_minor is case.minor
    if case.max_rule_set is not None:
        assert t.reflection.max_rule_set_id == case.max_rule_set
    lines = {line.service: line for line in compute_entitlements(case.facts, case.today)}
    gp = lines[HealthService.GENERAL_PRACTICE]
    assert (gp.payer, gp.valid_until) == case.gp, gp.explanation
    for service in EXTENDED_SERVICES:
        line = lines[service]
        assert (line.payer, line.valid_until) == case.ext, line.explanation
        assert line.expected is any(exp for due, exp in case.deadlines.values() if exp)


def test_docs_list_every_status_violation_and_note() -> None:
    """docs/rules.md stays true: every status code, violation code and note is described."""
    import inspect
    import pathlib
    import re

    from clinic_app.rules import STATUS_PRECEDENCE, validation
    from clinic_app.rules import timeline as timeline_module

    docs = (pathlib.Path(__file__).parents[3] / "docs" / "rules.md").read_text("utf-8")
    codes = set(re.findall(r'_v\(\s*"([a-z_]+)"', inspect.getsource(validation)))
    notes = set(re.findall(r'Notice\(\s*"([a-z_]+)"', inspect.getsource(timeline_module)))
    assert len(codes) > 20 and notes
    for code in (*STATUS_PRECEDENCE, *codes, *notes):
        assert f"`{code}`" in docs, code
