"""Build every service for one database: the composition used by the GUI, the CLI and tests."""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass, fields

from sqlalchemy import delete, false, select
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from clinic_app.config import workstation_name
from clinic_app.errors import ClinicError
from clinic_app.models import AppSetting, AuditAnchor
from clinic_app.security.passwords import PRODUCTION, PasswordHasherConfig
from clinic_app.services.action_plans import ActionPlanService
from clinic_app.services.audit import AuditService
from clinic_app.services.audit_trail import (
    ANCHOR_ID,
    DEMO_AUDIT_KEY,
    ORIGIN_DEMO,
    AuditTrail,
    seal_is_authentic,
)
from clinic_app.services.backup import BackupService, backup_before_migration
from clinic_app.services.cases import CaseService
from clinic_app.services.chain_head import remember
from clinic_app.services.common import Clock, system_today
from clinic_app.services.consents import ConsentService
from clinic_app.services.contacts import ContactService
from clinic_app.services.dashboard import DashboardService
from clinic_app.services.database import Database, storage_error
from clinic_app.services.documents import DocumentService
from clinic_app.services.entitlements import EntitlementService
from clinic_app.services.persons import PersonService
from clinic_app.services.reference_data import ReferenceService, seed_partners
from clinic_app.services.referrals import ReferralService
from clinic_app.services.refusals import RefusalAuditing
from clinic_app.services.retention import RetentionService
from clinic_app.services.statistics import StatisticsService
from clinic_app.services.timeline import TimelineService
from clinic_app.services.users import UserService
from clinic_app.services.visitors import VisitorService
from clinic_app.services.visits import ClinicService
from clinic_app.services.workstations import (
    Membership,
    WorkstationAuditTrail,
    WorkstationService,
    current_membership,
    ensure_membership,
    is_shared,
    join_workstation,
    refuse_if_not_joined,
)
from clinic_app.storage.engine import is_encrypted_url, make_engine
from clinic_app.storage.keys import load_or_create_secret
from clinic_app.storage.migrate import current_revision, needs_upgrade, upgrade
from clinic_app.storage.open import derived_key, offer_new_recovery_key, open_engine
from clinic_app.storage.presence import check_database_file
from clinic_app.storage.sharing import is_shared_url

DB_ID_SETTING = "database_id"
log = logging.getLogger(__name__)


@dataclass
class Services:
    """All use cases over one database."""

    db: Database
    audit: AuditTrail
    audit_log: AuditService
    persons: PersonService
    users: UserService
    reference: ReferenceService
    cases: CaseService
    timeline: TimelineService
    dashboard: DashboardService
    entitlements: EntitlementService
    contacts: ContactService
    plans: ActionPlanService
    visitors: VisitorService
    visits: ClinicService
    referrals: ReferralService
    statistics: StatisticsService
    backup: BackupService
    retention: RetentionService
    consents: ConsentService
    documents: DocumentService
    workstations: WorkstationService
    clock: Clock

    def close(self) -> None:
        # The newest chain head this workstation saw, kept outside the database.
        try:
            remember(self.db, self.audit)
        except (ClinicError, SQLAlchemyError) as exc:
            log.warning("The audit chain head was not kept: %s", type(exc).__name__)
        self.db.dispose()


def open_database(
    url: str,
    *,
    recovery_key: str | None = None,
    passphrase: str | None = None,
    joining: bool = False,
    workstation: str = "",
) -> Database:
    """Open (and migrate) the database at ``url``; seed reference data on a new one.

    An encrypted URL needs its key in the keychain, or ``recovery_key`` (or, for a
    database in passphrase mode, ``passphrase``); an existing database is backed up
    (verified) before its schema is migrated. A shared database is refused, before anything
    is written, on a workstation that is not joined to it (``joining``: opened only to
    join); the first workstation on an empty one creates its secrets (see
    :mod:`clinic_app.services.workstations`).
    """
    check_database_file(url, must_exist=False)  # never a zero-byte file or a folder
    try:
        return _open(url, recovery_key, passphrase, joining, workstation)
    except OperationalError as exc:  # the server cannot be reached, TLS, authentication
        raise storage_error(exc) from exc


def _open(
    url: str,
    recovery_key: str | None,
    passphrase: str | None,
    joining: bool,
    workstation: str,
) -> Database:
    if (recovery_key is not None or passphrase is not None) and is_encrypted_url(url):
        engine = open_engine(url, recovery_key=recovery_key, passphrase=passphrase)
    else:
        engine = make_engine(url)
    shared = is_shared_url(url)
    if shared and not joining:
        try:
            refuse_if_not_joined(engine)
        except BaseException:
            engine.dispose()
            raise
    try:
        if needs_upgrade(engine):
            if current_revision(engine) is not None:
                backup_before_migration(engine)
            upgrade(engine)
    except DatabaseError as exc:  # locked, disk full, read-only: a start-up state, not a crash
        engine.dispose()
        raise storage_error(exc) from exc
    db = Database(engine)
    with db.write() as s:
        if s.get(AppSetting, DB_ID_SETTING) is None:
            s.add(AppSetting(key=DB_ID_SETTING, value=str(uuid.uuid4())))
        seed_partners(s)
        if engine.dialect.name == "sqlite":
            # A write that changes nothing: a read-only file is told at start, not at log-in.
            s.execute(delete(AppSetting).where(false()))
    if shared and not joining:
        created = ensure_membership(db, workstation or workstation_name())
        if created.new_recovery_key is not None:
            offer_new_recovery_key(db.engine, created.new_recovery_key)
    return db


def join(
    db: Database,
    *,
    username: str,
    password: str,
    name: str,
    code: str | None = None,
    recovery_key: str | None = None,
    hasher: PasswordHasherConfig = PRODUCTION,
) -> Membership:
    """Join this workstation to the shared database ``db`` (opened with ``joining=True``)
    with an enrolment code or the recovery key, by an administrator's log-in."""
    return join_workstation(
        db,
        audit_key_from_secret,
        username=username,
        password=password,
        name=name,
        code=code,
        recovery_key=recovery_key,
        hasher=hasher,
    )


def database_id(db: Database) -> str:
    with db.read() as s:
        return s.scalar(select(AppSetting.value).where(AppSetting.key == DB_ID_SETTING)) or ""


def is_demo(db: Database) -> bool:
    """True if the database was created as a demo (``demo-data``): its anchor says so and is
    sealed with the published demo key. This tells how to open it; it never picks a key."""
    with db.read() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        return (
            anchor is not None
            and anchor.origin == ORIGIN_DEMO
            and seal_is_authentic(DEMO_AUDIT_KEY, anchor)
        )


def audit_key_for(db: Database) -> bytes:
    """The audit chain's HMAC key: derived from the database key for an encrypted database,
    else a secret kept in the system keychain. No value stored in the database chooses it."""
    derived = derived_key(db.engine, b"audit-chain v1")
    if derived is not None:
        secret = derived
    elif is_shared(db):
        secret = current_membership(db).secret  # put in this keychain when it was joined
    else:
        secret = load_or_create_secret(f"audit-key:{database_id(db)}")
    return audit_key_from_secret(secret)


def audit_key_from_secret(secret: bytes) -> bytes:
    return hashlib.sha256(b"clinic-app audit v1|" + secret).digest()


def _trail(db: Database, key: bytes) -> AuditTrail:
    """A shared database's trail names this workstation on every row and stops when revoked."""
    return WorkstationAuditTrail(key, current_membership(db)) if is_shared(db) else AuditTrail(key)


def build_services(
    db: Database,
    *,
    audit_key: bytes | None = None,
    hasher: PasswordHasherConfig = PRODUCTION,
    clock: Clock = system_today,
    demo: bool = False,
) -> Services:
    """Every service over ``db``. ``demo`` is how the app was started (``clinic-app demo``):
    only then is the log kept with the published demo key, whatever the database holds."""
    if demo:
        audit = AuditTrail(DEMO_AUDIT_KEY, origin=ORIGIN_DEMO)
    else:
        audit = _trail(db, audit_key if audit_key is not None else audit_key_for(db))
    services = Services(
        db=db,
        audit=audit,
        audit_log=AuditService(db, audit, clock),
        persons=PersonService(db, audit, clock),
        users=UserService(db, audit, hasher=hasher),
        reference=ReferenceService(db, audit),
        cases=CaseService(db, audit, clock),
        timeline=TimelineService(db, audit, clock),
        dashboard=DashboardService(db, audit, clock),
        entitlements=EntitlementService(db, audit, clock),
        contacts=ContactService(db, audit, clock),
        plans=ActionPlanService(db, audit, clock),
        visitors=VisitorService(db, audit, clock),
        visits=ClinicService(db, audit, clock),
        referrals=ReferralService(db, audit),
        statistics=StatisticsService(db, audit, clock),
        backup=BackupService(db, audit),
        retention=RetentionService(db, audit, clock),
        consents=ConsentService(db, audit, clock),
        documents=DocumentService(db, audit, clock),
        workstations=WorkstationService(db, audit),
        clock=clock,
    )
    _audit_refusals(services)
    return services


def _audit_refusals(services: Services) -> None:
    """Every use case's refusals are audited in their own transaction (see ``refusals``)."""
    for f in fields(services):
        if f.name not in ("db", "audit", "clock"):
            inner = getattr(services, f.name)
            setattr(services, f.name, RefusalAuditing(inner, f.name, services.db, services.audit))
