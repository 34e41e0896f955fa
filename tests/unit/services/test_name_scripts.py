"""Names in every script: scripts and the official Latin spelling on names, search and the
duplicate check across scripts, through the person service."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from clinic_app.errors import Invalid
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import BirthCertainty, DocumentType, Sex

# (native spelling, Latin spelling as a passport or an interpreter writes it, script)
PAIRS = [
    ("محمد عبد الله", "Mohammed Abdullah", "Arab"),
    ("שרה כהן", "Sarah Cohen", "Hebr"),
    ("สมชาย ใจดี", "Somchai Jaidee", "Thai"),
    ("王小明", "Wang Xiaoming", "Hani"),
    ("陳美玲", "Chen Meiling", "Hani"),
    ("Олена Кравчук", "Olena Kravchuk", "Cyrl"),
    ("Γιώργος Παπαδόπουλος", "Giorgos Papadopoulos", "Grek"),
    ("አበበ በቀለ", "Abebe Bekele", "Ethi"),
    ("김민준", "Kim Minjun", "Hang"),
    ("राहुल शर्मा", "Rahul Sharma", "Deva"),
]


def _input(*names: NameInput, year: int = 1995, country: str | None = None) -> PersonInput:
    return PersonInput(
        names=names,
        sex=Sex.UNKNOWN,
        birth_certainty=BirthCertainty.ESTIMATED_YEAR,
        birth_year=year,
        nationality=country,
    )


def _ids(services: Services, actor: Actor, text: str) -> list[int]:
    return [p.id for p in services.persons.search(actor, text).items]


@pytest.mark.parametrize(("native", "latin_spelling", "script"), PAIRS)
def test_latin_finds_native_and_native_finds_latin(
    services: Services, admin: Actor, native: str, latin_spelling: str, script: str
) -> None:
    written = services.persons.register(admin, _input(NameInput(native, preferred=True)))
    spelled = services.persons.register(admin, _input(NameInput(latin_spelling, preferred=True)))
    other = services.persons.register(admin, _input(NameInput("Grace Okafor", preferred=True)))
    assert written.names[0].script == script  # detected
    assert spelled.names[0].script == "Latn"
    found = _ids(services, admin, latin_spelling)
    assert written.id in found and spelled.id in found and other.id not in found
    found = _ids(services, admin, native)
    assert written.id in found and other.id not in found
    assert spelled.id in found  # the reverse direction: a Latin record found by native text


def test_accent_and_case_variants_across_scripts(services: Services, admin: Actor) -> None:
    viet = services.persons.register(admin, _input(NameInput("Nguyễn Thị Hương", preferred=True)))
    greek = services.persons.register(admin, _input(NameInput("Ελένη Νικολάου", preferred=True)))
    for text in ("nguyen thi huong", "NGUYỄN HƯƠNG", "Nguyen Huong"):
        assert _ids(services, admin, text) == [viet.id]
    for text in ("ELENI", "eleni nikolaou", "ελένη", "ΕΛΕΝΗ"):
        assert _ids(services, admin, text) == [greek.id]


def test_script_is_editable_and_checked(services: Services, admin: Actor) -> None:
    p = services.persons.register(
        admin, _input(NameInput("Sara", preferred=True, script="latn", language="he"))
    )
    assert p.names[0].script == "Latn"
    with pytest.raises(Invalid) as err:
        services.persons.register(admin, _input(NameInput("Sara", script="Xxxx")))
    assert err.value.code == "unknown_script"


def test_one_official_latin_spelling_per_person(services: Services, admin: Actor) -> None:
    p = services.persons.register(
        admin,
        _input(
            NameInput("Олена Кравчук", preferred=True),
            NameInput("Olena Kravchuk", is_alias=True, official_latin=True),
        ),
    )
    official = [n for n in p.names if n.official_latin]
    assert [n.name for n in official] == ["Olena Kravchuk"]
    p = services.persons.add_alias(
        admin, p.id, NameInput("Olena Kravchuk-Bondar", is_alias=True, official_latin=True)
    )
    assert [n.name for n in p.names if n.official_latin] == ["Olena Kravchuk-Bondar"]
    with pytest.raises(Invalid) as err:
        services.persons.register(
            admin,
            _input(
                NameInput("Anna Berg", official_latin=True),
                NameInput("Anna Bergh", is_alias=True, official_latin=True),
            ),
        )
    assert err.value.code == "several_official"
    with pytest.raises(Invalid) as err:
        services.persons.register(admin, _input(NameInput("王小明", official_latin=True)))
    assert err.value.code == "official_not_latin"


@pytest.mark.parametrize(("native", "latin_spelling", "script"), PAIRS)
def test_duplicate_found_across_scripts_at_registration(
    services: Services, admin: Actor, native: str, latin_spelling: str, script: str
) -> None:
    first = services.persons.register(admin, _input(NameInput(native, preferred=True)))
    found = services.persons.find_similar(admin, [latin_spelling], 1996, None)
    assert [c.id for c in found] == [first.id], script
    assert services.persons.find_similar(admin, [latin_spelling], 1970, None) == ()
    second = services.persons.register(admin, _input(NameInput(latin_spelling, preferred=True)))
    found = services.persons.find_similar(admin, [native], 1995, None)
    assert {c.id for c in found} == {first.id, second.id}


def test_duplicate_check_for_a_new_alias_skips_the_person_itself(
    services: Services, admin: Actor
) -> None:
    thai = services.persons.register(admin, _input(NameInput("สมชาย ใจดี", preferred=True)))
    latin = services.persons.register(admin, _input(NameInput("Somchai Jaidee", preferred=True)))
    found = services.persons.find_similar(
        admin, ["Somchai Jaidee"], 1995, None, exclude_id=latin.id
    )
    assert [c.id for c in found] == [thai.id]
    assert services.persons.find_similar(admin, ["Grace Okafor"], 1995, None) == ()


def test_the_official_spelling_moves_to_another_name_on_update(
    services: Services, admin: Actor
) -> None:
    p = services.persons.register(
        admin,
        _input(
            NameInput("Олена Кравчук", preferred=True),
            NameInput("Olena Kravchuk", is_alias=True, official_latin=True),
            NameInput("Olena Kravtchouk", is_alias=True),
        ),
    )
    moved = services.persons.update(
        admin,
        p.id,
        _input(
            NameInput("Олена Кравчук", preferred=True),
            NameInput("Olena Kravchuk", is_alias=True),
            NameInput("Olena Kravtchouk", is_alias=True, official_latin=True),
        ),
        p.version,
    )
    assert [n.name for n in moved.names if n.official_latin] == ["Olena Kravtchouk"]
    replaced = services.persons.update(
        admin,
        p.id,
        _input(
            NameInput("Олена Кравчук", preferred=True),
            NameInput("Olena Kravchuk-Bondar", is_alias=True, official_latin=True),
        ),
        moved.version,
    )
    assert [n.name for n in replaced.names if n.official_latin] == ["Olena Kravchuk-Bondar"]


def test_documents_print_the_name_as_written_and_as_partners_spell_it(
    services: Services, admin: Actor
) -> None:
    olena = services.persons.register(
        admin,
        _input(
            NameInput("Олена Кравчук", preferred=True),
            NameInput("Olena Kravchuk", is_alias=True, official_latin=True),
        ),
    )
    somchai = services.persons.register(admin, _input(NameInput("สมชาย ใจดี", preferred=True)))
    ana = services.persons.register(
        admin, _input(NameInput("Ana Popescu", preferred=True, official_latin=True))
    )

    def printed(pid: int, lang: str = "en") -> str:
        doc = services.documents.prepare(admin, DocumentType.ACCESS_REPORT, pid, None, lang)
        reader = PdfReader(io.BytesIO(doc.pdf))
        text = "\n".join(page.extract_text() for page in reader.pages)
        return " ".join(text.split())

    assert "Олена Кравчук — official spelling: Olena Kravchuk" in printed(olena.id)
    assert "Олена Кравчук — officiel stavemåde: Olena Kravchuk" in printed(olena.id, "da")
    assert "สมชาย ใจดี — transliteration: Smchay Aichdi" in printed(somchai.id)
    text = printed(ana.id)
    assert "Ana Popescu" in text and "official spelling" not in text  # the same spelling


def test_a_cyrillic_word_does_not_match_latin_names_by_skeleton(
    services: Services, admin: Actor
) -> None:
    olena = services.persons.register(admin, _input(NameInput("Olena Kravchuk", preferred=True)))
    services.persons.register(admin, _input(NameInput("Alina Popa", preferred=True)))
    services.persons.register(admin, _input(NameInput("Lena Berg", preferred=True)))
    assert _ids(services, admin, "Олена") == [olena.id]
