"""Text folding for search and duplicate checks: accents, case, and transliteration of every
script to Latin (anyascii), so a name is found by any spelling.

``Person.search_text`` keeps, as before, each name folded ("nguyễn" -> "nguyen") and with
Cyrillic transliterated ("Олена" -> "olena"); a typed word matches anywhere in it. The
cross-script keys live in the indexed ``person_search_key`` table (:func:`index_keys`), matched
by prefix:

- the Latin transliteration (``latin``): "王小明" -> "wangxiaoming", "xiaoming", "ming" (each
  word onwards, without spaces, so "Xiaoming" and "Wang Xiaoming" both find it);
- consonant skeletons (``skeleton``), for scripts that write few or no vowels (Arabic,
  Hebrew, Thai) and spellings that differ by vowels and digraphs ("Mohammed" ~ "محمد",
  "Somchai" ~ "สมชาย").

Each kind is kept apart for names in Latin letters and in other scripts: a Latin query looks
only at the keys of names in other scripts (between two Latin spellings the folded text
already matches, and skeletons would only add noise); a query in another script looks at all.
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
# Scripts whose transliteration lacks most vowels (abjads; Thai's implicit vowels) or whose
# consonants are romanised in several ways (Hangul: g/k, d/t, j/ch).
_FEW_VOWELS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Thai", "Hang"})
# Kinds of ``person_search_key`` rows.
LATIN_OF_NATIVE, SKELETON_OF_NATIVE, SKELETON_OF_LATIN, LATIN_OF_LATIN = 0, 1, 2, 3


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


def search_keys(text: str) -> set[str]:
    """The folded forms kept in ``Person.search_text`` (substring search)."""
    return {k for k in (fold(text), transliterate(text)) if k}


def _is_latin(script: str) -> bool:
    return script in ("Latn", "")


def index_keys(text: str, script: str = "") -> set[tuple[int, str]]:
    """The (kind, key) rows a name is found by across scripts (see the module docstring)."""
    script = script or detect_script(text)
    words = latin(text).split()
    lat_kind, skel_kind = (
        (LATIN_OF_LATIN, SKELETON_OF_LATIN)
        if _is_latin(script)
        else (LATIN_OF_NATIVE, SKELETON_OF_NATIVE)
    )
    keys = {(lat_kind, "".join(words[i:])[:200]) for i in range(len(words))}
    keys |= {(skel_kind, k[:200]) for k in _skeletons(" ".join(words))}
    return {(kind, k) for kind, k in keys if k}


def query_prefixes(word: str) -> set[tuple[int, str]]:
    """(kind, prefix) pairs of ``person_search_key`` any one of which makes a typed word
    match, besides the word itself in ``Person.search_text``."""
    lat = latin(word).replace(" ", "")
    if not lat:
        return set()
    script = detect_script(word)
    native = not _is_latin(script)
    prefixes = {(LATIN_OF_NATIVE, lat)}
    if native:
        prefixes.add((LATIN_OF_LATIN, lat))
    skel = skeleton(lat)
    if len(skel) >= 2 and len(lat) >= 3:
        prefixes.add((SKELETON_OF_NATIVE, skel))
        # Only such a script needs the skeletons of Latin spellings: a
        # Cyrillic or Greek word's transliteration already has them, and its skeleton
        # ("Олена" -> "ln") would match every "Alina" and "Lena".
        if script in _FEW_VOWELS:
            prefixes.add((SKELETON_OF_LATIN, skel))
    return prefixes


def whole_query_prefixes(text: str) -> set[tuple[int, str]]:
    """For a query of several words in a non-Latin script: all of it as one key, since its
    words need not fall where the Latin spelling's do ("عبد الله" ~ "Abdullah")."""
    if len(text.split()) < 2 or _is_latin(detect_script(text)):
        return set()
    prefixes: set[tuple[int, str]] = set()
    lat = latin(text).replace(" ", "")
    if lat:
        prefixes |= {(LATIN_OF_NATIVE, lat), (LATIN_OF_LATIN, lat)}
    skel = name_skeleton(text)
    if len(skel) >= 3:
        prefixes |= {(SKELETON_OF_NATIVE, skel), (SKELETON_OF_LATIN, skel)}
    return prefixes


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
