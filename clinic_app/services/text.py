"""Text folding for search and duplicate checks: accents, case, and transliteration of every
script to Latin (anyascii), so a name is found by any spelling.

Three kinds of key, all plain ASCII or folded text kept in ``Person.search_text``:

- the folded name itself ("nguyễn" -> "nguyen", "Олена" stays "олена");
- its Latin transliteration (``latin``): "Олена" -> "olena", "王小明" -> "wang xiao ming",
  plus the same without spaces ("wangxiaoming") for names typed as one word;
- consonant skeletons (``skeleton``), for scripts that write few or no vowels (Arabic,
  Hebrew, Thai) and spellings that differ by vowels and digraphs ("Mohammed" ~ "محمد",
  "Somchai" ~ "สมชาย"). Skeletons of names in non-Latin scripts are stored after the
  marker :data:`NATIVE`, of Latin names after :data:`LATIN`: a Latin query looks for native
  skeletons only, since between two Latin spellings the folded text already matches and
  skeletons would only add noise. The markers are private-use characters, removed from
  what is typed, so no query can match a marker itself.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from anyascii import anyascii

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

# ISO 15924 codes by the first word of a letter's Unicode name.
_SCRIPTS = {
    "LATIN": "Latn",
    "CYRILLIC": "Cyrl",
    "GREEK": "Grek",
    "ARABIC": "Arab",
    "HEBREW": "Hebr",
    "THAI": "Thai",
    "ETHIOPIC": "Ethi",
    "DEVANAGARI": "Deva",
    "BENGALI": "Beng",
    "CJK": "Hani",
    "HANGUL": "Hang",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "TAMIL": "Taml",
    "GUJARATI": "Gujr",
    "GURMUKHI": "Guru",
    "SINHALA": "Sinh",
    "KHMER": "Khmr",
    "LAO": "Laoo",
    "MYANMAR": "Mymr",
    "TIBETAN": "Tibt",
    "SYRIAC": "Syrc",
    "THAANA": "Thaa",
}
# Also Han simplified/traditional and Korean mixed script, which detection does not tell.
SCRIPT_CODES = frozenset(_SCRIPTS.values()) | {"Hans", "Hant", "Kore"}
# Syllabic scripts whose transliteration comes out in capitalised syllables: "WangXiaoMing".
_SYLLABLES_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_WORD_RE = re.compile(r"[^0-9a-z ]+")
NATIVE, LATIN = "\ue000", "\ue001"
_PRIVATE_RE = re.compile("[\ue000-\uf8ff]")


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


def detect_script(text: str) -> str:
    """The ISO 15924 code of the script most letters of ``text`` are in ("" if none)."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        word = unicodedata.name(ch, "").split(" ", 1)[0]
        code = _SCRIPTS.get(word)
        if code:
            counts[code] = counts.get(code, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else ""


def latin(text: str) -> str:
    """The best Latin transliteration, folded to lower-case letters, digits and spaces:
    "Γιώργος" -> "giorgos", "王小明" -> "wang xiao ming", "አበበ በቀለ" -> "abebe bekele"."""
    ascii_text = anyascii(fold(text) if detect_script(text) == "Latn" else text)
    ascii_text = _SYLLABLES_RE.sub(" ", ascii_text)
    return " ".join(_NOT_WORD_RE.sub("", fold(ascii_text)).split())


def display_latin(text: str) -> str:
    """A transliteration to print for a reader who matches names in Latin letters:
    "王小明" -> "Wang Xiao Ming", "สมชาย ใจดี" -> "Smchay Aichdi"."""
    spelled = _SYLLABLES_RE.sub(" ", anyascii(unicodedata.normalize("NFC", text)))
    words = ("".join(c for c in w if c.isalnum() or c in "-'") for w in spelled.split())
    return " ".join(w[:1].upper() + w[1:] for w in words if w)


def skeleton(word: str) -> str:
    """A consonant skeleton of one transliterated word: vowels, w/y and 'h' dropped, digraphs
    and hard consonants merged, doubles collapsed. "mohammed" and "mhmd" -> "mmd" -> "md"."""
    t = _NOT_WORD_RE.sub("", word.lower()).replace(" ", "")
    t = t.replace("ch", "j").replace("ph", "f").replace("h", "")
    t = t.translate(str.maketrans("qcgz", "kkks"))
    return _collapse("".join(c for c in t if c not in "aeiouwy"))


def _collapse(t: str) -> str:
    out: list[str] = []
    for ch in t:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _skeletons(latin_text: str) -> set[str]:
    """Skeletons of each word, of each pair of adjacent words and of the whole name."""
    words = [skeleton(w) for w in latin_text.split()]
    words = [w for w in words if w]
    keys = set(words)
    keys.update(_collapse(a + b) for a, b in itertools.pairwise(words))
    keys.add(_collapse("".join(words)))
    return {k for k in keys if len(k) >= 2}


def search_keys(text: str, script: str = "") -> set[str]:
    """Every key a name may be found by (see the module docstring)."""
    script = script or detect_script(text)
    lat = latin(text)
    keys = {fold(text), transliterate(text), lat, lat.replace(" ", "")}
    marker = LATIN if script in ("Latn", "") else NATIVE
    keys.update(marker + s for s in _skeletons(lat))
    return {k for k in keys if k}


def query_patterns(word: str) -> set[str]:
    """Substrings of ``Person.search_text`` any one of which makes a typed word match."""
    word = _PRIVATE_RE.sub("", word)
    patterns = {fold(word)}
    lat = latin(word)
    if lat:
        patterns.add(lat.replace(" ", ""))
    skel = skeleton(lat)
    if len(skel) >= 2 and len(lat) >= 3:
        patterns.add(NATIVE + skel)
        if detect_script(word) not in ("Latn", ""):
            patterns.add(LATIN + skel)
    return {p for p in patterns if p}


def whole_query_patterns(text: str) -> set[str]:
    """For a query of several words in a non-Latin script: the skeleton of all of it, since
    its words need not fall where the Latin spelling's do ("عبد الله" ~ "Abdullah")."""
    text = _PRIVATE_RE.sub("", text)
    if len(text.split()) < 2 or detect_script(text) in ("Latn", ""):
        return set()
    skel = name_skeleton(text)
    return {NATIVE + skel, LATIN + skel} if len(skel) >= 3 else set()


def name_similarity_key(text: str) -> str:
    """A coarse key for duplicate detection: transliterated, letters only, common
    spelling variants merged (y/i, doubled letters, 'h' after consonants)."""
    t = transliterate(text)
    if detect_script(text) not in ("Latn", "Cyrl", ""):
        t = latin(text)
    t = "".join(c for c in t if c.isalnum() or c == " ")
    t = t.replace("y", "i").replace("w", "v").replace("ph", "f").replace("kh", "h")
    out: list[str] = []
    for ch in t:
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


def name_skeleton(text: str) -> str:
    """The skeleton of a whole name, for comparing spellings across scripts."""
    return _collapse("".join(skeleton(w) for w in latin(text).split()))
