"""Country names for pick lists, in the current UI language (ISO 3166-1 via pycountry)."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry


@cache
def _translator(lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return gettext.NullTranslations()


@cache
def countries(lang: str) -> tuple[tuple[str, str], ...]:
    """(alpha-2 code, name) for every country, sorted by name in ``lang``."""
    tr = _translator(lang)
    pairs = [(c.alpha_2, tr.gettext(c.name)) for c in pycountry.countries]
    return tuple(sorted(pairs, key=lambda p: p[1].casefold()))


def country_name(code: str | None, lang: str) -> str:
    """The country's name in ``lang`` ("" for None, the code itself if unknown)."""
    if not code:
        return ""
    country = pycountry.countries.get(alpha_2=code)
    return _translator(lang).gettext(country.name) if country else code
