"""The visit form's lines about health-care cover: what is covered, by whom, until when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from clinic_app.rules import EntitlementLine
from clinic_app.services.visits import CoverageWarning
from clinic_app.ui.clinic.common import HEALTH_SERVICES, PAYERS, SERVICES, label

# The texts keep the visit form's translation context, where their Danish lives.


def line_text(line: EntitlementLine) -> str:
    """'Doctor: covered, paid by the region, until 2027-01-31' (or 'not covered')."""
    name = label(HEALTH_SERVICES, line.service)
    if not line.covered:
        return QCoreApplication.translate("VisitForm", "%1: not covered").replace("%1", name)
    until = (
        line.valid_until.isoformat()
        if line.valid_until
        else QCoreApplication.translate("VisitForm", "no end date known")
    )
    return (
        QCoreApplication.translate("VisitForm", "%1: covered, paid by %2, until %3")
        .replace("%1", name)
        .replace("%2", label(PAYERS, line.payer))
        .replace("%3", until)
    )


def warning_text(warning: CoverageWarning, day: dt.date) -> str:
    """A coverage warning for the visit on ``day``."""
    service = label(SERVICES, warning.service)
    if warning.code == "not_covered":
        return QCoreApplication.translate("VisitForm", "Warning: %1 is not covered.").replace(
            "%1", service
        )
    if warning.code == "ends_soon" and warning.until is not None:
        days = (warning.until - day).days
        return (
            QCoreApplication.translate(
                "VisitForm", "Warning: cover for %1 ends on %2 (in %n day(s)).", None, days
            )
            .replace("%1", service)
            .replace("%2", warning.until.isoformat())
        )
    return QCoreApplication.translate(
        "VisitForm", "Check cover for %1 with the receiving partner."
    ).replace("%1", service)
