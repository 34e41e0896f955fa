"""English and Danish names of the statistics tables and their categories.

Used where no Qt translator exists: the command line and the printed yearly summary. The
UI translates the same codes itself.
"""

from __future__ import annotations

import gettext
from functools import cache
from typing import Literal

import pycountry

Language = Literal["en", "da"]

TABLE_TITLES: dict[str, tuple[str, str]] = {
    "victims": ("Identified and presumed victims", "Identificerede og formodede ofre"),
    "identified_by_exploitation": (
        "Identified victims by form of exploitation",
        "Identificerede ofre efter udnyttelsesform",
    ),
    "identified_by_gender": ("Identified victims by gender", "Identificerede ofre efter køn"),
    "identified_by_age": (
        "Identified victims, adults and children (age at identification)",
        "Identificerede ofre, voksne og børn (alder ved identifikation)",
    ),
    "identified_by_nationality": (
        "Identified victims by nationality",
        "Identificerede ofre efter nationalitet",
    ),
    "identified_by_authority": (
        "Identified victims by identifying authority",
        "Identificerede ofre efter identificerende myndighed",
    ),
    "identified_by_outcome": (
        "Identified victims by outcome",
        "Identificerede ofre efter udfald",
    ),
    "shelter_stays": ("Shelter stays begun, by shelter", "Påbegyndte krisecenterophold"),
    "clinic_activity": ("Clinic activity", "Klinikkens aktivitet"),
}

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "identified": ("Identified", "Identificeret"),
    "presumed": ("Presumed (not yet identified)", "Formodet (endnu ikke identificeret)"),
    "sexual": ("Sexual exploitation", "Seksuel udnyttelse"),
    "forced_labour": ("Forced labour", "Tvangsarbejde"),
    "forced_criminality": ("Forced criminality", "Tvang til kriminalitet"),
    "organ_removal": ("Removal of organs", "Fjernelse af organer"),
    "other": ("Other", "Andet"),
    "not_recorded": ("Not recorded", "Ikke registreret"),
    "female": ("Female", "Kvinde"),
    "male": ("Male", "Mand"),
    "unknown": ("Unknown", "Ukendt"),
    "adult": ("Adults", "Voksne"),
    "child": ("Children (under 18)", "Børn (under 18)"),
    "immigration_service": ("Danish Immigration Service", "Udlændingestyrelsen"),
    "siri": (
        "Agency for International Recruitment and Integration",
        "Styrelsen for International Rekruttering og Integration",
    ),
    "cmm": ("Danish Centre against Human Trafficking", "Center mod Menneskehandel"),
    "court": ("Court", "Retten"),
    "police": ("Police", "Politiet"),
    "prosecution": ("Prosecution service", "Anklagemyndigheden"),
    "asylum_granted": ("Asylum granted", "Asyl givet"),
    "return": ("Assisted voluntary return", "Assisteret frivillig hjemrejse"),
    "permit": ("Residence permit (§9c(5))", "Opholdstilladelse (§ 9 c, stk. 5)"),
    "visits": ("Visits", "Besøg"),
    "anonymous_visitors": ("Anonymous visitors", "Anonyme besøgende"),
    "mobile_outings": ("Mobile outings", "Opsøgende ture"),
    "services_given": ("Services given", "Ydelser givet"),
    "referrals": ("Referrals", "Henvisninger"),
    "other_nationalities": ("Other nationalities", "Andre nationaliteter"),
}

NOTES: dict[str, tuple[str, str]] = {
    "overlapping": (
        "A person can have several forms of exploitation and is counted under each: the "
        "columns do not add up to the total, which counts persons.",
        "En person kan have flere udnyttelsesformer og tælles under hver: kolonnerne summerer "
        "ikke til totalen, som tæller personer.",
    ),
    "suppressed": (
        "Counts from 1 to {t} are not shown, nor some others that would let them be worked "
        "out from the totals.",
        "Tal fra 1 til {t} vises ikke, og heller ikke visse andre, som ellers ville kunne "
        "regnes ud fra totalerne.",
    ),
    "internal": (
        "INTERNAL: small counts are shown; not for publication.",
        "INTERNT: små tal vises; må ikke offentliggøres.",
    ),
    "threshold": (
        "Published figures: counts from 1 to {n_1} are hidden (threshold {n}), and so are "
        "some others that would let them be worked out.",
        "Offentliggjorte tal: tal fra 1 til {n_1} er skjult (tærskel {n}), og det er visse "
        "andre også, som ellers ville kunne regnes ud.",
    ),
    "not_released": (
        "A year that is not over is not published yet: its figures are hidden.",
        "Et år, der ikke er slut, er endnu ikke offentliggjort: dets tal er skjult.",
    ),
    "presumed": (
        "Presumed: first contact in the year and no identification decision recorded.",
        "Formodet: første kontakt i året og ingen afgørelse om identifikation registreret.",
    ),
    "outcome": (
        "Outcome recorded to date: asylum granted, else assisted return, else a permit.",
        "Udfald registreret til dato: asyl, ellers assisteret hjemrejse, ellers opholdstilladelse.",
    ),
    "summary": (
        "Persons with several forms of exploitation count under each. A hidden count may "
        "also be {n} or more, hidden so that a small one cannot be worked out from the total.",
        "Personer med flere udnyttelsesformer tælles under hver. Et skjult tal kan også være "
        "{n} eller derover, skjult så et lille tal ikke kan regnes ud fra totalen.",
    ),
    "age": (
        "Age on the day of identification, from the best known birth date; an estimated "
        "year counts from its end (a minor while in doubt), an age assessment as the youngest "
        "reading.",
        "Alder på identifikationsdagen ud fra den bedst kendte fødselsdato; et anslået år "
        "regnes fra årets udgang (mindreårig, så længe der er tvivl), en aldersvurdering som den "
        "yngste læsning.",
    ),
}


def _pick(pair: tuple[str, str], language: Language) -> str:
    return pair[1] if language == "da" else pair[0]


def table_title(key: str, language: Language = "en") -> str:
    """The heading of a statistics table."""
    return _pick(TABLE_TITLES[key], language) if key in TABLE_TITLES else key


def category_label(code: str, language: Language = "en") -> str:
    """A category's name; country codes and site codes are shown as they are."""
    return _pick(CATEGORY_LABELS[code], language) if code in CATEGORY_LABELS else code


@cache
def _country_names(language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_label(code: str, language: Language = "en") -> str:
    """A country's name for an ISO 3166-1 alpha-2 code; other codes as category labels."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return category_label(code, language)
    if language == "en":
        return str(getattr(country, "common_name", country.name))
    return _country_names(language).gettext(country.name)


def note_text(key: str, language: Language = "en", **values: object) -> str:
    """An explanatory note under a table."""
    return _pick(NOTES[key], language).format(**values)
