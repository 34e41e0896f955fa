"""The tabs of a person's record, in order.

To add a tab, append a :class:`PersonTab` to the tuple in :func:`all_tabs` (or replace the
entry whose key you take over). Import your widget module inside the factory.

A tab widget gets ``(ctx, person_id)`` and loads its own data through services. Like pages
(see ``clinic_app/ui/areas.py``) it may implement ``refresh()``, ``clear_personal_data()``,
``has_unsaved_changes() -> bool`` and ``retranslate_ui()``; the record window calls them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action
from clinic_app.ui.areas import can_ever
from clinic_app.ui.documents.labels import PERSON_TAB_TITLE as DOCUMENTS_TITLE
from clinic_app.ui.tr import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clinic_app.ui.context import UiContext

TR_CONTEXT = "PersonTabs"

OVERVIEW = "overview"
TIMELINE = "timeline"
ENTITLEMENTS = "entitlements"
CONTACTS = "contacts"
HISTORY = "history"
CLINIC_VISITS = "clinic_visits"
PLANS = "plans"
DOCUMENTS = "documents"


def _everyone(_actor: Actor) -> bool:
    return True


@dataclass(frozen=True)
class PersonTab:
    """One tab of the person record; ``title`` is marked QT_TRANSLATE_NOOP("PersonTabs", ...)."""

    key: str
    title: str
    factory: Callable[[UiContext, int], QWidget]
    visible: Callable[[Actor], bool] = _everyone

    def display_title(self) -> str:
        return QCoreApplication.translate(TR_CONTEXT, self.title)


def _overview(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.person.overview import OverviewTab

    return OverviewTab(ctx, person_id)


def _timeline(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.person.timeline import TimelineTab

    return TimelineTab(ctx, person_id)


def _entitlements(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.person.entitlements import EntitlementsTab

    return EntitlementsTab(ctx, person_id)


def _contacts(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.person.contacts_tab import ContactsTab

    return ContactsTab(ctx, person_id)


def _plans(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.plans.person_tab import PlansTab

    return PlansTab(ctx, person_id)


def _sees_plans(actor: Actor) -> bool:
    return can_ever(actor, Action.PLAN_VIEW) or can_ever(actor, Action.PLAN_VIEW_HEALTH_GOALS)


def _clinic_visits(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.clinic.person_visits import PersonVisitsTab

    return PersonVisitsTab(ctx, person_id)


def _documents(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.documents.person_tab import DocumentsTab

    return DocumentsTab(ctx, person_id)


def _history(ctx: UiContext, person_id: int) -> QWidget:
    from clinic_app.ui.person.history import HistoryTab

    return HistoryTab(ctx, person_id)


def _sees_entitlements(actor: Actor) -> bool:
    return can_ever(actor, Action.ENTITLEMENT_VIEW)


def all_tabs() -> tuple[PersonTab, ...]:
    """Every person tab in display order (the record window filters by ``visible``)."""
    return (
        PersonTab(OVERVIEW, QT_TRANSLATE_NOOP("PersonTabs", "Overview"), _overview),
        PersonTab(TIMELINE, QT_TRANSLATE_NOOP("PersonTabs", "Legal timeline"), _timeline),
        PersonTab(
            ENTITLEMENTS,
            QT_TRANSLATE_NOOP("PersonTabs", "Entitlements"),
            _entitlements,
            _sees_entitlements,
        ),
        PersonTab(CONTACTS, QT_TRANSLATE_NOOP("PersonTabs", "Contacts"), _contacts),
        PersonTab(PLANS, QT_TRANSLATE_NOOP("PersonTabs", "Action plans"), _plans, _sees_plans),
        PersonTab(
            CLINIC_VISITS,
            QT_TRANSLATE_NOOP("PersonTabs", "Clinic visits"),
            _clinic_visits,
            lambda actor: can_ever(actor, Action.PERSON_VIEW),
        ),
        PersonTab(
            DOCUMENTS,
            DOCUMENTS_TITLE,
            _documents,
            lambda actor: can_ever(actor, Action.DOCUMENT_PRINT),
        ),
        PersonTab(HISTORY, QT_TRANSLATE_NOOP("PersonTabs", "History"), _history),
    )


def visible_tabs(actor: Actor) -> tuple[PersonTab, ...]:
    return tuple(t for t in all_tabs() if t.visible(actor))
