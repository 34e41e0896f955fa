"""How names are shown and chosen: the script of a name and the official Latin spelling."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from clinic_app.services.persons import NameView, PersonDetail
from clinic_app.services.text import detect_script, latin


def script_labels() -> dict[str, str]:
    """The scripts offered in the form (ISO 15924 code -> name), in the user's language."""
    return {
        "Latn": QCoreApplication.translate("Names", "Latin"),
        "Cyrl": QCoreApplication.translate("Names", "Cyrillic"),
        "Grek": QCoreApplication.translate("Names", "Greek"),
        "Arab": QCoreApplication.translate("Names", "Arabic"),
        "Hebr": QCoreApplication.translate("Names", "Hebrew"),
        "Thai": QCoreApplication.translate("Names", "Thai"),
        "Ethi": QCoreApplication.translate("Names", "Ethiopic (Ge'ez)"),
        "Deva": QCoreApplication.translate("Names", "Devanagari"),
        "Beng": QCoreApplication.translate("Names", "Bengali"),
        "Hani": QCoreApplication.translate("Names", "Chinese characters"),
        "Hang": QCoreApplication.translate("Names", "Korean (Hangul)"),
    }


def script_combo() -> QComboBox:
    """A choice of script; the first entry leaves it to detection from the letters."""
    box = QComboBox()
    box.addItem(QCoreApplication.translate("Names", "Detect from the letters"), "")
    for code, name in script_labels().items():
        box.addItem(f"{name} ({code})", code)
    box.setAccessibleName(QCoreApplication.translate("Names", "Script of the name"))
    return box


def set_script(box: QComboBox, name: str, script: str) -> None:
    """Show ``script`` as chosen, or "detect" when it is what detection gives anyway."""
    code = "" if not script or script == detect_script(name) else script
    index = box.findData(code)
    if index < 0:  # a script the list does not offer: keep it selectable
        box.addItem(script, script)
        index = box.count() - 1
    box.setCurrentIndex(index)


def official_name(detail: PersonDetail) -> NameView | None:
    return next((n for n in detail.names if n.official_latin), None)


def preferred_name(detail: PersonDetail) -> NameView | None:
    return next((n for n in detail.names if n.preferred), None) or next(
        (n for n in detail.names if not n.is_alias), detail.names[0] if detail.names else None
    )


def official_text(detail: PersonDetail) -> str:
    """The official Latin spelling for the record; where none is recorded and the name is not
    in Latin letters, the transliteration, marked as such."""
    official = official_name(detail)
    if official is not None:
        return official.name
    preferred = preferred_name(detail)
    if preferred is None or preferred.script in ("Latn", ""):
        return QCoreApplication.translate("Names", "none recorded")
    return QCoreApplication.translate("Names", "none recorded (transliteration: %1)").replace(
        "%1", latin(preferred.name)
    )
