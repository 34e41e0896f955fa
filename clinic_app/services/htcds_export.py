"""De-identified case records in the columns of the Human Trafficking Case Data Standard.

Column names follow the CTDC global dataset, the published form of IOM's HTCDS (see
``docs/htcds-mapping.md`` for the sources and every mapping decision). Columns with no
HTCDS/CTDC equivalent start with ``x_``. Pure Python: the statistics service supplies the
rows, this module only generalises and writes them.

De-identification: no names, no case references or database ids (a random record id per
export, rows in random order), dates reduced to the year, ages to the CTDC bands, and a
citizenship shared by fewer than ``min_group`` records of the export left blank.
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
    rows: int
    columns: tuple[str, ...]
    data: bytes  # UTF-8 CSV with BOM


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


def build_htcds_csv(sources: Sequence[HtcdsSource], min_group: int = 5) -> HtcdsExport:
    """The export file: random record ids and order, rare citizenships blanked."""
    export_id = secrets.token_hex(6)
    rng = secrets.SystemRandom()
    shuffled = list(sources)
    rng.shuffle(shuffled)
    rows = [record(src, f"{export_id}-{i + 1:06d}") for i, src in enumerate(shuffled)]
    per_country = Counter(r["citizenship"] for r in rows)
    for r in rows:
        if per_country[r["citizenship"]] < min_group:
            r["citizenship"] = ""
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return HtcdsExport(export_id, len(rows), COLUMNS, buf.getvalue().encode("utf-8"))
