"""Audit actions as a person reads them in her access report, English and Danish.

The audit log stores codes (``person.view``); the access report (GDPR art. 15) says what
happened ("Viewed the record") and groups a day's actions by user, so 200 views read as one
line. Codes without a text of their own are described by their area, never printed raw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from clinic_app.documents.data import AuditLine, Language

ACTION_TEXT: dict[str, tuple[str, str]] = {
    "person.view": ("Viewed the record", "Så oplysningerne"),
    "person.search": ("Appeared in a search", "Fremgik af en søgning"),
    "person.create": ("Registered you", "Registrerede dig"),
    "person.edit": ("Changed the record", "Ændrede oplysningerne"),
    "person.alias_add": ("Added a name", "Tilføjede et navn"),
    "person.alias_remove": ("Removed a name", "Fjernede et navn"),
    "person.archive": ("Closed the case", "Afsluttede sagen"),
    "person.unarchive": ("Reopened the case", "Genåbnede sagen"),
    "person.duplicate_check": (
        "Checked for a double registration",
        "Tjekkede for dobbelt registrering",
    ),
    "timeline.view": ("Viewed the legal status", "Så den juridiske status"),
    "case_event.add": ("Recorded a case event", "Registrerede en hændelse i sagen"),
    "case_event.list": ("Viewed the case events", "Så hændelserne i sagen"),
    "case_event.void": ("Cancelled a case event", "Annullerede en hændelse i sagen"),
    "entitlement.view": ("Viewed the health entitlements", "Så retten til sundhedsydelser"),
    "entitlement.override": ("Changed a health entitlement", "Ændrede en ret til sundhedsydelser"),
    "entitlement.revoke": (
        "Withdrew a health entitlement",
        "Tilbagekaldte en ret til sundhedsydelser",
    ),
    "plan.view": ("Viewed the action plan", "Så handlingsplanen"),
    "plan.list": ("Viewed the list of action plans", "Så listen over handlingsplaner"),
    "plan.create": ("Created an action plan", "Oprettede en handlingsplan"),
    "plan.edit": ("Changed the action plan", "Ændrede handlingsplanen"),
    "plan.agree": ("Recorded the plan as agreed", "Registrerede planen som aftalt"),
    "plan.diff": ("Compared versions of the plan", "Sammenlignede versioner af planen"),
    "plan.review_list": (
        "Appeared in a list of plans to review",
        "Fremgik af en liste over planer til opfølgning",
    ),
    "visit.create": ("Recorded a clinic visit", "Registrerede et klinikbesøg"),
    "visit.edit": ("Changed a clinic visit", "Ændrede et klinikbesøg"),
    "visit.view": ("Viewed a clinic visit", "Så et klinikbesøg"),
    "visit.list": ("Viewed the clinic visits", "Så klinikbesøgene"),
    "visit.day_view": ("Appeared in a clinic's day view", "Fremgik af klinikkens dagsoversigt"),
    "visit.clinical_notes_break_glass": (
        "Read clinical notes in an emergency",
        "Læste kliniske notater i en nødsituation",
    ),
    "visitor.link": (
        "Linked anonymous clinic visits to the record",
        "Knyttede anonyme klinikbesøg til sagen",
    ),
    "referral.create": ("Referred you to a health professional", "Henviste dig til en behandler"),
    "referral.view": ("Viewed a referral", "Så en henvisning"),
    "referral.list": (
        "Appeared in a list of open referrals",
        "Fremgik af en liste over åbne henvisninger",
    ),
    "consent.record": ("Recorded a consent", "Registrerede et samtykke"),
    "consent.withdraw": (
        "Recorded that a consent was withdrawn",
        "Registrerede tilbagekaldelse af et samtykke",
    ),
    "consent.view": ("Viewed a consent", "Så et samtykke"),
    "consent.list": ("Viewed the consents", "Så samtykkerne"),
    "contacts.view": ("Viewed the contact person and guardian", "Så kontaktperson og værge"),
    "contact_person.assign": ("Appointed the contact person", "Udpegede kontaktpersonen"),
    "contact_person.reassign": ("Changed the contact person", "Skiftede kontaktperson"),
    "contact_person.end": (
        "Ended the contact person's appointment",
        "Afsluttede kontaktpersonens udpegning",
    ),
    "contact_person.caseload": (
        "Appeared in a contact person's caseload",
        "Fremgik af en kontaktpersons sagsliste",
    ),
    "guardian.view": ("Viewed the guardian", "Så den personlige repræsentant"),
    "guardian.record": ("Recorded a guardian", "Registrerede en personlig repræsentant"),
    "guardian.edit": (
        "Changed the guardian's details",
        "Ændrede den personlige repræsentants oplysninger",
    ),
    "guardian.replace": ("Replaced the guardian", "Udskiftede den personlige repræsentant"),
    "guardian.end": ("Ended the guardianship", "Afsluttede værgemålet"),
    "guardian.transitions": (
        "Appeared in a list of minors turning 18",
        "Fremgik af en liste over mindreårige, der fylder 18",
    ),
    "dashboard.view": ("Appeared on a deadline overview", "Fremgik af en oversigt over frister"),
    "document.prepare": ("Prepared a document", "Klargjorde et dokument"),
    "document.print": ("Printed a document", "Udskrev et dokument"),
    "document.save": ("Saved a document as a file", "Gemte et dokument som fil"),
    "document.export": ("Exported a document", "Eksporterede et dokument"),
    "document.refused": ("Was refused a document", "Fik afslag på et dokument"),
    "document.log_view": ("Viewed the list of documents", "Så listen over dokumenter"),
    "access_report.view": ("Viewed who accessed the record", "Så, hvem der har haft adgang"),
    "audit.view": ("Viewed the access log", "Så adgangsloggen"),
}

# Areas, for codes with no text of their own (a new action is still described, never raw).
AREA_TEXT: dict[str, tuple[str, str]] = {
    "person": ("Other use of the record", "Anden brug af oplysningerne"),
    "plan": ("Other use of the action plan", "Anden brug af handlingsplanen"),
    "visit": ("Other use of clinic visits", "Anden brug af klinikbesøg"),
    "document": ("Other use of documents", "Anden brug af dokumenter"),
}
OTHER = ("Other use of the information", "Anden brug af oplysningerne")


def action_text(language: Language, code: str) -> str:
    """What the audit action ``code`` did, in words."""
    pair = ACTION_TEXT.get(code) or AREA_TEXT.get(code.split(".")[0], OTHER)
    return pair[1] if language == "da" else pair[0]


def grouped_access(language: Language, lines: Iterable[AuditLine]) -> list[tuple[date, str, str]]:
    """(day, user, "Viewed the record (3 times), Printed a document") per day and user, in
    the order they first happened."""
    groups: dict[tuple[date, str], Counter[str]] = {}
    for line in lines:
        key = (line.at.date(), line.user)
        groups.setdefault(key, Counter())[action_text(language, line.action)] += 1
    times = "gange" if language == "da" else "times"
    out: list[tuple[date, str, str]] = []
    for (day, user), counts in groups.items():
        parts = [f"{text} ({n} {times})" if n > 1 else text for text, n in counts.items()]
        out.append((day, user, ", ".join(parts)))
    return out
