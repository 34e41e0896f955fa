"""How a person's record relates to the acting user, for the permission checks of every service."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.models import ContactPersonAssignment, Person
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed, require


@dataclass(frozen=True)
class Relation:
    """``own_caseload``: the actor is the person's current contact person; ``same_site``: the
    person's current site is the actor's site."""

    own_caseload: bool = False
    same_site: bool = False


def current_contact_user_id(s: Session, person_id: int) -> int | None:
    """The user id of the person's current contact person, if any."""
    return s.scalar(
        select(ContactPersonAssignment.user_id).where(
            ContactPersonAssignment.person_id == person_id,
            ContactPersonAssignment.to_date.is_(None),
        )
    )


def relation_to(s: Session, actor: Actor, person: Person) -> Relation:
    """The actor's relation to ``person`` (one indexed query for the contact person)."""
    return Relation(
        own_caseload=actor.is_contact_person_for(current_contact_user_id(s, person.id)),
        same_site=actor.at_site(person.current_site_id),
    )


def require_site_scope(actor: Actor, site_id: int | None) -> None:
    """Refuse a filter or scope by a site other than the actor's own.

    Listing the persons at a site says where they are (``person.view_location``), so only that
    site's staff may ask, whatever their role. The refusal names no person, so it confirms
    nobody's presence. ``None`` (no site filter) is always allowed.
    """
    if site_id is not None:
        require(actor, Action.PERSON_VIEW_LOCATION, same_site=actor.at_site(site_id))


def sees_location(actor: Actor, site_id: int | None) -> bool:
    """May ``actor`` see that a person is at ``site_id`` (nothing to hide when it is None)?"""
    return site_id is None or allowed(
        actor, Action.PERSON_VIEW_LOCATION, same_site=actor.at_site(site_id)
    )


def require_on_person(s: Session, actor: Actor, action: Action, person: Person) -> Relation:
    """Check ``action`` on ``person`` for ``actor``; raise Forbidden if denied."""
    rel = relation_to(s, actor, person)
    require(actor, action, own_caseload=rel.own_caseload, same_site=rel.same_site)
    return rel
