"""Who is acting: passed explicitly to every service call."""

from __future__ import annotations

from dataclasses import dataclass

from clinic_app.vocabulary import Role


@dataclass(frozen=True)
class Actor:
    """The logged-in user as services see them."""

    user_id: int
    username: str
    role: Role
    site_id: int | None = None
    workstation: str = ""

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMINISTRATOR

    def at_site(self, site_id: int | None) -> bool:
        """True if a record at ``site_id`` is at this user's site (never for unknown sites)."""
        return self.site_id is not None and site_id == self.site_id

    def is_contact_person_for(self, contact_person_user_id: int | None) -> bool:
        """True if this user is the given person's current contact person."""
        return contact_person_user_id is not None and contact_person_user_id == self.user_id
