"""Input facts: plain frozen data the services layer maps database rows to.

Dates are ``datetime.date``; every collection is a tuple so facts are hashable and immutable.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_app.vocabulary import (
    Authority,
    BirthCertainty,
    EventKind,
    ExtensionGround,
    HealthService,
    LegalStay,
    Outcome,
    PartnerKind,
    Payer,
)


@dataclass(frozen=True)
class EventFact:
    """One legal/case event. Which optional fields matter depends on ``kind``:

    identification: authority, outcome, legal_stay (at the time); legal_stay: legal_stay;
    reflection_extension_requested: ground, end_date (the requested end, optional);
    reflection_extension_decided: outcome (granted / refused), end_date (from the letter);
    permit_application: applicant; permit_granted: end_date (None = the rule set's 6 months);
    permit_renewed: end_date (from the decision letter); asylum_decided: outcome.
    """

    kind: EventKind
    date: dt.date
    end_date: dt.date | None = None
    authority: Authority | None = None
    outcome: Outcome | None = None
    legal_stay: LegalStay | None = None
    applicant: Authority | None = None
    event_id: int | None = None
    ground: ExtensionGround | None = None


@dataclass(frozen=True)
class BirthFact:
    """What is known of the birth date: exact date, estimated year, or an age assessment."""

    certainty: BirthCertainty
    birth_date: dt.date | None = None
    birth_year: int | None = None
    assessment_date: dt.date | None = None
    assessed_age: int | None = None


@dataclass(frozen=True)
class ManualEntitlement:
    """A staff decision that overrides the computed entitlement for one service."""

    service: HealthService
    payer: Payer  # Payer.NONE records a decision that the service is not covered
    valid_from: dt.date | None
    valid_to: dt.date | None
    reason: str


@dataclass(frozen=True)
class ConsentFact:
    """A consent to share information with a named partner."""

    consent_id: int
    partner_name: str
    partner_kind: PartnerKind | None = None
    valid_to: dt.date | None = None
    withdrawn: bool = False
    given_on: dt.date | None = None


@dataclass(frozen=True)
class PersonFacts:
    """Everything the rules need to know about one person."""

    events: tuple[EventFact, ...] = ()
    birth: BirthFact | None = None
    under_dis_provision: bool | None = None  # None = derive from legal stay
    own_insurance: bool = False  # medical insurance from the home country
    insurer_country: str | None = None  # ISO 3166 alpha-2 of that insurer, when known
    registered_in_denmark: bool = False  # holds the yellow national health insurance card
    manual_entitlements: tuple[ManualEntitlement, ...] = ()
    plan_review_dates: tuple[dt.date, ...] = ()
    consents: tuple[ConsentFact, ...] = ()
    has_current_guardian: bool = False  # minors: a professional personal representative
    has_contact_person: bool = False
