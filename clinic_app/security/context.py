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
