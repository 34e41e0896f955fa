"""The sidebar: which areas (pages) the main window offers, in order.

To add an area, append an :class:`Area` to the tuple in :func:`all_areas`. Import your page
module inside the factory so start-up stays fast and nothing is built at import time. Areas
that are not built yet are simply absent (no placeholders).

A page is any QWidget. It may implement, and the shell then calls:

* ``refresh()``: the page is shown (again), or data changed; reload from services.
* ``clear_personal_data()``: the screen locks; drop every piece of personal data from widgets.
* ``has_unsaved_changes() -> bool``: asked before switch user / quit to warn about discarding.
* ``retranslate_ui()``: the language changed. Without it the shell rebuilds the page from
  its factory instead (fine for pages without typed input).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, Scope, scope_for
from clinic_app.ui.documents.labels import AREA_TITLE as DOCUMENTS_TITLE
from clinic_app.ui.tr import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from clinic_app.ui.context import UiContext

TR_CONTEXT = "Areas"


def _everyone(_actor: Actor) -> bool:
    return True


@dataclass(frozen=True)
class Area:
    """One sidebar entry.

    ``title`` is the English source text, marked with ``QT_TRANSLATE_NOOP("Areas", ...)`` so
    Qt Linguist finds it; :meth:`display_title` translates it at display time. ``icon`` is
    the name of an SVG in ``resources/icons/areas/`` (see :mod:`clinic_app.ui.icons`).
    """

    key: str
    title: str
    icon: str
    factory: Callable[[UiContext], QWidget]
    visible: Callable[[Actor], bool] = _everyone

    def display_title(self) -> str:
        return QCoreApplication.translate(TR_CONTEXT, self.title)


def _dashboard(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.dashboard import DashboardPage

    return DashboardPage(ctx)


def _persons(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.persons import PersonsPage

    return PersonsPage(ctx)


def _administration(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.administration import AdministrationPage

    return AdministrationPage(ctx)


def _statistics(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.statistics import StatisticsPage

    return StatisticsPage(ctx)


def _action_plans(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.action_plans import ActionPlansPage

    return ActionPlansPage(ctx)


def _documents(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.documents import DocumentsPage

    return DocumentsPage(ctx)


def _clinic(ctx: UiContext) -> QWidget:
    from clinic_app.ui.pages.clinic import ClinicPage

    return ClinicPage(ctx)


def landing_area(actor: Actor) -> str:
    """The area a role's day starts in: a nurse records visits, everyone else looks at
    what is due (the first area shown)."""
    from clinic_app.vocabulary import Role

    return "clinic" if actor.role is Role.NURSE else "dashboard"


def can_ever(actor: Actor, action: Action) -> bool:
    """True if the actor's role may do ``action`` on at least some records (for hiding UI)."""
    return scope_for(actor.role, action) is not Scope.NONE


def _can_view_persons(actor: Actor) -> bool:
    return can_ever(actor, Action.PERSON_VIEW)


def _can_search_persons(actor: Actor) -> bool:
    return can_ever(actor, Action.PERSON_SEARCH)


def all_areas() -> tuple[Area, ...]:
    """Every area in sidebar order (the shell filters by ``visible(actor)``)."""
    return (
        Area(
            "dashboard",
            QT_TRANSLATE_NOOP("Areas", "Dashboard"),
            "dashboard",
            _dashboard,
            _can_view_persons,
        ),
        Area(
            "persons",
            QT_TRANSLATE_NOOP("Areas", "Persons"),
            "persons",
            _persons,
            _can_search_persons,
        ),
        Area(
            "clinic",
            QT_TRANSLATE_NOOP("Areas", "Clinic"),
            "clinic",
            _clinic,
            lambda actor: can_ever(actor, Action.VISIT_VIEW),
        ),
        Area(
            "action_plans",
            QT_TRANSLATE_NOOP("Areas", "Action plans"),
            "action_plans",
            _action_plans,
            lambda actor: can_ever(actor, Action.PLAN_VIEW),
        ),
        Area(
            "documents",
            DOCUMENTS_TITLE,
            "documents",
            _documents,
            lambda actor: can_ever(actor, Action.DOCUMENT_PRINT),
        ),
        Area(
            "statistics",
            QT_TRANSLATE_NOOP("Areas", "Statistics"),
            "statistics",
            _statistics,
            lambda actor: can_ever(actor, Action.STATISTICS_VIEW),
        ),
        # Clinic, Action plans, Documents, Statistics, Administration: add here when built.
        Area(
            "administration",
            QT_TRANSLATE_NOOP("Areas", "Administration"),
            "administration",
            _administration,
            lambda actor: can_ever(actor, Action.USER_ADMIN) or can_ever(actor, Action.AUDIT_VIEW),
        ),
    )


def visible_areas(actor: Actor) -> tuple[Area, ...]:
    return tuple(a for a in all_areas() if a.visible(actor))


def area(key: str) -> Area:
    """The area with ``key`` (KeyError if absent)."""
    for a in all_areas():
        if a.key == key:
            return a
    raise KeyError(key)
