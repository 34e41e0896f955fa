"""Country and language names in a document's language (ISO 3166-1 and ISO 639 via pycountry).

A Danish document says "Syrien"-style Danish names and "arabisk", never "Syrian Arab
Republic" or a bare code such as "ar".
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from clinic_app.documents.data import Language


@cache
def _translations(domain: str, language: Language) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language], fallback=True)


def country_name(code: str | None, language: Language) -> str:
    """The country of an alpha-2 code in ``language`` ("" for none, the code if unknown)."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language == "en":
        return str(getattr(country, "common_name", country.name))
    return _translations("iso3166-1", language).gettext(country.name)


def language_name(tag: str | None, language: Language) -> str:
    """The language of a BCP 47 tag ("ar", "fa-AF", "prs") in ``language``, lower case in
    Danish as Danish writes it; the tag itself if unknown."""
    if not tag:
        return ""
    primary = tag.split("-")[0].strip().lower()
    found = (
        pycountry.languages.get(alpha_2=primary)
        if len(primary) == 2
        else pycountry.languages.get(alpha_3=primary)
    )
    if found is None:
        return tag
    name = _translations("iso639-3", language).gettext(found.name)
    return name[:1].lower() + name[1:] if language == "da" else name
