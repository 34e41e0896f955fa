"""De-identified case records in the columns of the Human Trafficking Case Data Standard.

Column names follow the CTDC global dataset, the published form of IOM's HTCDS (see
``docs/htcds-mapping.md`` for the sources and every mapping decision). Columns with no
HTCDS/CTDC equivalent start with ``x_``. Pure Python: the statistics service supplies the
rows, this module only generalises and writes them.

De-identification: no names, no case references or database ids (a random record id per
export, rows in random order), dates reduced to the year, ages to the CTDC bands; then the
file is made k-anonymous on its quasi-identifiers (year, gender, age, citizenship): they are
generalised (wider periods and age bands, regions instead of countries) and records in
groups still smaller than k are withheld (:func:`k_anonymise`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import secrets
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from clinic_app.rules.dates import age_on
from clinic_app.rules.facts import BirthFact
from clinic_app.vocabulary import BirthCertainty, ExploitationForm, Sex

BOM = "\ufeff"
DEFAULT_K = 11  # as CTDC uses for its published global dataset
DATASOURCE = "Case Management"

COLUMNS: tuple[str, ...] = (
    "recordId",
    "yearOfRegistration",
    "Datasource",
    "gender",
    "ageBroad",
    "majorityStatus",
    "citizenship",
    "isForcedLabour",
    "isSexualExploit",
    "isOtherExploit",
    "isSexAndLabour",
    "isOrganRemoval",
    "typeOfExploitConcatenated",
    "x_forcedCriminality",
    "x_identificationStatus",
    "x_identifyingAuthority",
    "x_outcome",
)

# CTDC's broad age bands (lower bound, label); the last one is open-ended.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "0--8"),
    (9, "09--17"),
    (18, "18--20"),
    (21, "21--23"),
    (24, "24--26"),
    (27, "27--29"),
    (30, "30--38"),
    (39, "39--47"),
    (48, "48+"),
)

GENDER: dict[Sex, str] = {
    Sex.FEMALE: "Female",
    Sex.MALE: "Male",
    Sex.OTHER: "Transgender/NonConforming",
    Sex.UNKNOWN: "Unknown",
}

_EXPLOIT_NAMES: dict[str, str] = {
    ExploitationForm.FORCED_LABOUR.value: "Forced labour",
    ExploitationForm.SEXUAL.value: "Sexual exploitation",
    ExploitationForm.ORGAN_REMOVAL.value: "Removal of organs",
    ExploitationForm.FORCED_CRIMINALITY.value: "Other",
    ExploitationForm.OTHER.value: "Other",
}


@dataclass(frozen=True)
class HtcdsSource:
    """What the service knows of one person, before de-identification."""

    status: str  # "identified" or "presumed"
    day: dt.date  # identification (or first contact) day; only its year is exported
    sex: Sex
    nationality: str | None
    birth_certainty: BirthCertainty
    birth_date: dt.date | None
    birth_year: int | None
    assessment_date: dt.date | None
    assessed_age: int | None
    forms: frozenset[str]
    authority: str | None
    outcome: str


@dataclass(frozen=True)
class HtcdsExport:
    export_id: str  # random; also the prefix of every record id, and the audit target
    rows: int  # records written
    columns: tuple[str, ...]
    data: bytes  # UTF-8 CSV with BOM
    k: int = DEFAULT_K
    withheld: int = 0  # records left out because their group stayed smaller than k
    generalised: int = 0  # records written with a coarser year, age, citizenship or gender
    smallest_class: int = 0  # the smallest group of equal quasi-identifiers written
    levels: tuple[int, int, int, int] = (0, 0, 0, 0)  # year, age, citizenship, gender


def age_band(age: int | None) -> str:
    """The CTDC band of ``age`` in completed years, or "" when unknown."""
    if age is None:
        return ""
    label = ""
    for lower, name in AGE_BANDS:
        if age >= lower:
            label = name
    return label


def record(source: HtcdsSource, record_id: str) -> dict[str, str]:
    """One de-identified row (citizenship not yet generalised)."""
    birth = BirthFact(
        source.birth_certainty,
        source.birth_date,
        source.birth_year,
        source.assessment_date,
        source.assessed_age,
    )
    age, _ = age_on(birth, source.day)
    forms = source.forms
    sexual = ExploitationForm.SEXUAL.value in forms
    labour = ExploitationForm.FORCED_LABOUR.value in forms
    other = bool(forms & {ExploitationForm.OTHER.value, ExploitationForm.FORCED_CRIMINALITY.value})
    names = sorted({_EXPLOIT_NAMES.get(f, "Other") for f in forms})

    def flag(value: bool) -> str:
        return "1" if value else "0"

    return {
        "recordId": record_id,
        "yearOfRegistration": str(source.day.year),
        "Datasource": DATASOURCE,
        "gender": GENDER[source.sex],
        "ageBroad": age_band(age),
        "majorityStatus": "" if age is None else ("Adult" if age >= 18 else "Minor"),
        "citizenship": source.nationality or "",
        "isForcedLabour": flag(labour),
        "isSexualExploit": flag(sexual),
        "isOtherExploit": flag(other),
        "isSexAndLabour": flag(sexual and labour),
        "isOrganRemoval": flag(ExploitationForm.ORGAN_REMOVAL.value in forms),
        "typeOfExploitConcatenated": ";".join(names),
        "x_forcedCriminality": flag(ExploitationForm.FORCED_CRIMINALITY.value in forms),
        "x_identificationStatus": source.status,
        "x_identifyingAuthority": source.authority or "",
        "x_outcome": source.outcome if source.status == "identified" else "",
    }


# --- k-anonymity -----------------------------------------------------------------------

MIN_K = 11
MAX_K = 1000

# The quasi-identifiers (documented in docs/htcds-mapping.md): what someone who knows a
# person could know of them. Each has generalisation levels, the last one blank.
QUASI_IDENTIFIERS = ("yearOfRegistration", "gender", "ageBroad", "citizenship")
YEAR_LEVELS = 4  # the year, two years, five years, the whole period
AGE_LEVELS = 4  # CTDC band, wider band, minor/adult, blank
CITIZENSHIP_LEVELS = 3  # country, UN region, blank
GENDER_LEVELS = 2  # as recorded, blank

# UN M49 regions by ISO 3166-1 alpha-2 code.
_REGIONS: dict[str, str] = {
    code: region
    for region, codes in (
        (
            "Africa",
            "DZ EG LY MA SD TN EH IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ "
            "ZM ZW AO CM CF TD CG CD GQ GA ST BW SZ LS NA ZA BJ BF CV CI GM GH GN GW LR ML MR "
            "NE NG SH SN SL TG",
        ),
        (
            "Americas",
            "AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC "
            "VI BZ CR SV GT HN MX NI PA AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE BM CA "
            "GL PM US",
        ),
        (
            "Asia",
            "KZ KG TJ TM UZ CN HK MO KP JP MN KR BN KH ID LA MY MM PH SG TH TL VN AF BD BT IN "
            "IR MV NP PK LK AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE TW",
        ),
        (
            "Europe",
            "BY BG CZ HU PL MD RO RU SK UA AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB AL "
            "AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK AT BE FR DE LI LU MC NL CH",
        ),
        (
            "Oceania",
            "AU NZ NF HM CX CC FJ NC PG SB VU GU KI MH FM NR MP PW AS CK PF NU PN WS TK TO TV "
            "WF UM",
        ),
    )
    for code in codes.split()
}

_WIDE_BANDS = {
    "0--8": "0--17",
    "09--17": "0--17",
    "18--20": "18--29",
    "21--23": "18--29",
    "24--26": "18--29",
    "27--29": "18--29",
    "30--38": "30--47",
    "39--47": "30--47",
    "48+": "48+",
}


def region(code: str) -> str:
    """The UN region of a country code ("" when unknown)."""
    return _REGIONS.get(code.upper(), "") if code else ""


def _year_value(year: str, level: int, first: int, last: int) -> str:
    y = int(year)
    if level == 0:
        return year
    if level == 3:
        return str(first) if first == last else f"{first}-{last}"
    width = 2 if level == 1 else 5
    low = max(first, y - (y - first) % width)
    high = min(last, low + width - 1)
    return str(low) if low == high else f"{low}-{high}"


def _age_value(band: str, majority: str, level: int) -> tuple[str, str]:
    if not band or level == 3:
        return "", ""
    if level == 0:
        return band, majority
    if level == 1:
        return _WIDE_BANDS[band], majority
    return ("0--17" if majority == "Minor" else "18+"), majority


def _generalise(
    row: dict[str, str], levels: tuple[int, int, int, int], first: int, last: int
) -> tuple[str, str, str, str, str]:
    """(year, gender, age band, majority, citizenship) at the given levels."""
    y, a, c, g = levels
    age, majority = _age_value(row["ageBroad"], row["majorityStatus"], a)
    citizenship = row["citizenship"] if c == 0 else (region(row["citizenship"]) if c == 1 else "")
    return (
        _year_value(row["yearOfRegistration"], y, first, last),
        row["gender"] if g == 0 else "",
        age,
        majority,
        citizenship,
    )


@dataclass(frozen=True)
class Anonymised:
    rows: list[dict[str, str]]
    levels: tuple[int, int, int, int]  # year, age, citizenship, gender
    withheld: int
    generalised: int
    smallest_class: int  # 0 when nothing is left


def k_anonymise(rows: Sequence[dict[str, str]], k: int) -> Anonymised:
    """Generalise the quasi-identifiers and withhold what stays in groups smaller than ``k``.

    First one level per attribute for the whole file: every combination is tried and the
    one losing least chosen (per kept record the share of each attribute's ladder climbed,
    per withheld record all four). Records that would then be withheld are tried again at
    coarser levels (local recoding), and written where they form a group of ``k``.
    ``levels`` reports the file-wide levels.
    """
    if k < 1:
        raise ValueError("k must be positive")
    if not rows:
        return Anonymised([], (0, 0, 0, 0), 0, 0, 0)
    years = [int(r["yearOfRegistration"]) for r in rows]
    first, last = min(years), max(years)
    # Each record's value at each level, worked out once: (year, gender, (age, majority),
    # citizenship) ladders.
    ladders = [
        (
            [_year_value(r["yearOfRegistration"], y, first, last) for y in range(YEAR_LEVELS)],
            [r["gender"], ""],
            [_age_value(r["ageBroad"], r["majorityStatus"], a) for a in range(AGE_LEVELS)],
            [r["citizenship"], region(r["citizenship"]), ""],
        )
        for r in rows
    ]
    best: tuple[float, int, tuple[int, int, int, int]] | None = None
    for y in range(YEAR_LEVELS):
        for a in range(AGE_LEVELS):
            for c in range(CITIZENSHIP_LEVELS):
                for g in range(GENDER_LEVELS):
                    levels = (y, a, c, g)
                    sizes = Counter((ys[y], gs[g], ags[a], cs[c]) for ys, gs, ags, cs in ladders)
                    withheld = sum(n for n in sizes.values() if n < k)
                    share = y / 3 + a / 3 + c / 2 + g
                    loss = (len(rows) - withheld) * share + 4 * withheld
                    candidate = (loss, withheld, levels)
                    if best is None or candidate < best:
                        best = candidate
    assert best is not None
    levels = best[2]
    # Local recoding: the records the chosen levels would withhold are tried at coarser
    # levels, least lost first; a group of at least k at some level is written at it.
    coarser = sorted(
        (
            (y, a, c, g)
            for y in range(levels[0], YEAR_LEVELS)
            for a in range(levels[1], AGE_LEVELS)
            for c in range(levels[2], CITIZENSHIP_LEVELS)
            for g in range(levels[3], GENDER_LEVELS)
        ),
        key=lambda lv: (lv[0] / 3 + lv[1] / 3 + lv[2] / 2 + lv[3], lv),
    )
    chosen: dict[int, tuple[str, str, str, str, str]] = {}
    remaining = list(range(len(rows)))
    for lv in coarser:
        if not remaining:
            break
        tried = {i: _generalise(rows[i], lv, first, last) for i in remaining}
        counted = Counter(tried.values())
        for i in remaining:
            if counted[tried[i]] >= k:
                chosen[i] = tried[i]
        remaining = [i for i in remaining if i not in chosen]
    # Written groups only grow when levels meet, but check the promise all the same.
    groups = Counter(chosen.values())
    kept: list[dict[str, str]] = []
    generalised = 0
    for i, r in enumerate(rows):
        key = chosen.get(i)
        if key is None or groups[key] < k:
            continue
        if key != _generalise(r, (0, 0, 0, 0), first, last):
            generalised += 1
        out = dict(r)
        (
            out["yearOfRegistration"],
            out["gender"],
            out["ageBroad"],
            out["majorityStatus"],
            out["citizenship"],
        ) = key
        kept.append(out)
    smallest = min((n for n in groups.values() if n >= k), default=0)
    return Anonymised(kept, levels, len(rows) - len(kept), generalised, smallest)


def build_htcds_csv(sources: Sequence[HtcdsSource], k: int = DEFAULT_K) -> HtcdsExport:
    """The export file: random record ids and order, k-anonymous quasi-identifiers."""
    export_id = secrets.token_hex(6)
    rng = secrets.SystemRandom()
    shuffled = list(sources)
    rng.shuffle(shuffled)
    plain = [record(src, "") for src in shuffled]
    result = k_anonymise(plain, k)
    rows = result.rows
    for i, r in enumerate(rows):
        r["recordId"] = f"{export_id}-{i + 1:06d}"
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return HtcdsExport(
        export_id,
        len(rows),
        COLUMNS,
        buf.getvalue().encode("utf-8"),
        k=k,
        withheld=result.withheld,
        generalised=result.generalised,
        smallest_class=result.smallest_class,
        levels=result.levels,
    )
