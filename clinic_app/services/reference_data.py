"""Sites and the partner directory, including the default partners seeded on a new database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_app.errors import Conflict, Invalid, NotFound
from clinic_app.models import Partner, PartnerContact, Site
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, require
from clinic_app.services.audit_trail import AuditTrail
from clinic_app.services.common import check_code, clean_text
from clinic_app.services.database import Database
from clinic_app.vocabulary import PartnerKind, SiteKind

# From the contact lists in the source documents (shared/seeds 000, 001 and 004).
DEFAULT_PARTNERS: tuple[dict[str, str], ...] = (
    {
        "name": "Danish Centre against Human Trafficking (CMM)",
        "kind": PartnerKind.AUTHORITY,
        "phone": "+45 70 20 25 50",
        "email": "cmm@socialstyrelsen.dk",
        "address": "Edisonsvej 1, 5000 Odense C",
        "notes": "Hotline Mon-Fri 8.30-16, weekends and holidays 9-15. "
        "Secure mail: sikkermail.menneskehandel@socialstyrelsen.dk",
    },
    {
        "name": "National Police, National Investigation Centre (NEC)",
        "kind": PartnerKind.POLICE,
        "phone": "+45 33 14 88 88",
        "email": "nec@politi.dk",
        "notes": "Police hotline outside the Centre's hours: +45 22 68 57 82",
    },
    {
        "name": "Danish Immigration Service",
        "kind": PartnerKind.IMMIGRATION,
        "phone": "+45 35 36 66 00",
        "email": "us@us.dk",
        "address": "Ryesgade 53, 2100 Copenhagen Ø",
    },
    {
        "name": "IOM Copenhagen",
        "kind": PartnerKind.IOM,
        "notes": "Assisted voluntary return and reintegration.",
    },
    {
        "name": "Reden International",
        "kind": PartnerKind.NGO,
        "phone": "+45 33 91 48 10",
        "email": "info@redeninternational.dk",
        "address": "Colbjørnsensgade 12, st.tv., Copenhagen",
    },
    {
        "name": "HopeNow",
        "kind": PartnerKind.NGO,
        "phone": "+45 26 16 10 12",
        "email": "info@hopenow.dk",
        "address": "Drejervej 17, 2400 København NV",
    },
    {
        "name": "AmiAmi",
        "kind": PartnerKind.NGO,
        "phone": "+45 75 93 21 69",
        "email": "vnn@amiami.dk",
        "address": "Sjællandsgade 98 B, st.tv., 7000 Fredericia",
    },
)


@dataclass(frozen=True)
class SiteView:
    id: int
    code: str
    name: str
    kind: SiteKind
    city: str


@dataclass(frozen=True)
class ContactView:
    id: int
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True)
class PartnerView:
    id: int
    name: str
    kind: PartnerKind
    phone: str
    email: str
    address: str
    website: str
    notes: str
    contacts: tuple[ContactView, ...]
    archived: bool
    version: int


def seed_partners(session: Session) -> int:
    """Add the default partners that are missing (by name). Returns how many were added."""
    existing = set(session.scalars(select(Partner.name)))
    added = 0
    for row in DEFAULT_PARTNERS:
        if row["name"] not in existing:
            session.add(Partner(**row))
            added += 1
    return added


class ReferenceService:
    """Sites and partners: read by everyone, changed by administrators (audited)."""

    def __init__(self, db: Database, audit: AuditTrail) -> None:
        self._db = db
        self._audit = audit

    def sites(self) -> tuple[SiteView, ...]:
        with self._db.read() as s:
            rows = s.scalars(select(Site).where(Site.archived.is_(False)).order_by(Site.name))
            return tuple(SiteView(r.id, r.code, r.name, r.kind, r.city) for r in rows)

    def create_site(
        self, actor: Actor, code: str, name: str, kind: SiteKind, city: str = ""
    ) -> SiteView:
        require(actor, Action.SETTINGS_EDIT)
        code = clean_text("code", code, required=True, max_len=16).upper()
        name = clean_text("name", name, required=True)
        with self._db.write() as s:
            if s.scalar(select(Site.id).where(Site.code == code)) is not None:
                raise Invalid("code", "taken", "This site code is already in use.")
            site = Site(
                code=code,
                name=name,
                kind=check_code("kind", SiteKind, kind),
                city=clean_text("city", city),
            )
            s.add(site)
            s.flush()
            self._audit.record(s, actor, "site.create", target=f"site:{site.id}")
            return SiteView(site.id, site.code, site.name, site.kind, site.city)

    def partners(self, kind: PartnerKind | None = None) -> tuple[PartnerView, ...]:
        with self._db.read() as s:
            q = select(Partner).where(Partner.archived.is_(False)).order_by(Partner.name)
            if kind is not None:
                q = q.where(Partner.kind == kind)
            return tuple(_partner_view(p) for p in s.scalars(q))

    def partner(self, partner_id: int) -> PartnerView:
        with self._db.read() as s:
            p = s.get(Partner, partner_id)
            if p is None:
                raise NotFound("partner", partner_id)
            return _partner_view(p)

    def find_partner(self, name: str) -> PartnerView:
        """A partner by exact name, or by a unique case-insensitive prefix."""
        with self._db.read() as s:
            exact = s.scalar(select(Partner).where(Partner.name == name))
            if exact is not None:
                return _partner_view(exact)
            found = [
                p
                for p in s.scalars(select(Partner))
                if p.name.casefold().startswith(name.casefold())
            ]
            if len(found) != 1:
                raise NotFound("partner", name)
            return _partner_view(found[0])

    def save_partner(
        self,
        actor: Actor,
        partner_id: int | None,
        *,
        name: str,
        kind: PartnerKind,
        phone: str = "",
        email: str = "",
        address: str = "",
        website: str = "",
        notes: str = "",
        expected_version: int | None = None,
    ) -> PartnerView:
        """Create (partner_id None) or update a partner."""
        require(actor, Action.PARTNER_EDIT)
        values = {
            "name": clean_text("name", name, required=True),
            "kind": check_code("kind", PartnerKind, kind),
            "phone": clean_text("phone", phone, max_len=60),
            "email": clean_text("email", email),
            "address": clean_text("address", address, max_len=300, multiline=True),
            "website": clean_text("website", website, max_len=300),
            "notes": clean_text("notes", notes, max_len=5000, multiline=True),
        }
        if values["email"] and "@" not in str(values["email"]):
            raise Invalid("email", "bad_email", "Not an e-mail address.")
        with self._db.write() as s:
            clash = s.scalar(select(Partner.id).where(Partner.name == values["name"]))
            if clash is not None and clash != partner_id:
                raise Invalid("name", "taken", "A partner with this name exists.")
            if partner_id is None:
                partner = Partner(**values)
                s.add(partner)
                action = "partner.create"
            else:
                found = s.get(Partner, partner_id)
                if found is None:
                    raise NotFound("partner", partner_id)
                partner = found
                if expected_version is not None and partner.version != expected_version:
                    raise Conflict("partner")
                for k, v in values.items():
                    setattr(partner, k, v)
                action = "partner.edit"
            s.flush()
            self._audit.record(s, actor, action, target=f"partner:{partner.id}")
            return _partner_view(partner)

    def add_contact(
        self,
        actor: Actor,
        partner_id: int,
        name: str,
        role: str = "",
        phone: str = "",
        email: str = "",
    ) -> PartnerView:
        require(actor, Action.PARTNER_EDIT)
        with self._db.write() as s:
            partner = s.get(Partner, partner_id)
            if partner is None:
                raise NotFound("partner", partner_id)
            partner.contacts.append(
                PartnerContact(
                    name=clean_text("contact_name", name, required=True),
                    role=clean_text("contact_role", role),
                    phone=clean_text("contact_phone", phone, max_len=60),
                    email=clean_text("contact_email", email),
                )
            )
            s.flush()
            self._audit.record(s, actor, "partner.contact_add", target=f"partner:{partner.id}")
            return _partner_view(partner)


def _partner_view(p: Partner) -> PartnerView:
    return PartnerView(
        id=p.id,
        name=p.name,
        kind=p.kind,
        phone=p.phone,
        email=p.email,
        address=p.address,
        website=p.website,
        notes=p.notes,
        contacts=tuple(ContactView(c.id, c.name, c.role, c.phone, c.email) for c in p.contacts),
        archived=p.archived,
        version=p.version,
    )
