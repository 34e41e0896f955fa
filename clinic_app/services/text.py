"""Text folding for search and duplicate checks: accents, case, and Cyrillic transliteration."""

from __future__ import annotations

import unicodedata

# Letters that do not decompose into a base letter plus a combining mark.
_SPECIAL = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th", "ß": "ss"}
)

# Simple, reversible-enough Cyrillic to Latin transliteration (close to ISO 9 / BGN usage).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ё": "e",
    "й": "y",
}  # fmt: skip


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces: "Bogdána  DUMITRU" -> "bogdana dumitru"."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.split())


def transliterate(text: str) -> str:
    """Cyrillic letters to Latin, after folding; other scripts pass through unchanged."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    out = "".join(_CYRILLIC.get(ch, ch) for ch in folded)
    return fold(out)


def search_keys(text: str) -> set[str]:
    """Every folded form a name may be found by."""
    keys = {fold(text)}
    keys.add(transliterate(text))
    return {k for k in keys if k}


def name_similarity_key(text: str) -> str:
    """A coarse key for duplicate detection: transliterated, letters only, common
    spelling variants merged (y/i, doubled letters, 'h' after consonants)."""
    t = transliterate(text)
    t = "".join(c for c in t if c.isalnum() or c == " ")
    t = t.replace("y", "i").replace("w", "v").replace("ph", "f").replace("kh", "h")
    out: list[str] = []
    for ch in t:
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)
