"""Fonts for every script a name may be written in, picked per run of text, and bidi order.

The base face is DejaVu Sans (Latin with Vietnamese, Cyrillic, Greek, Hebrew, Arabic in
upright faces). Scripts it lacks fall back, by Unicode block, to bundled TrueType (glyf)
fonts reportlab can embed and subset: Noto Sans Arabic, Hebrew, Thai, Ethiopic, Devanagari
and Bengali (SIL OFL, with ASCII punctuation and digits added from Noto Sans by
``scripts/build_fonts.py``), Nanum Gothic for Hangul (SIL OFL) and Droid Sans Fallback for
Han, simplified and traditional (Apache 2.0). The fallback fonts are registered only when a
document first needs them.

A word is set in one font wherever one font has all its letters: reportlab shapes a word
with the font of its first letter.

Bidi: reportlab shapes each word with HarfBuzz (right-to-left words come out in visual
order) but leaves the words of a line in typed order, so "محمد عبد الله" would print as
"الله عبد محمد". :func:`visual_order` applies the Unicode bidirectional algorithm
(python-bidi) to each line and hands reportlab the words in visual order.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from clinic_app.config import resources_dir

FONT_DIR = resources_dir() / "fonts"
FONT = "ClinicSans"
FONT_BOLD = "ClinicSans-Bold"
FONT_OBLIQUE = "ClinicSans-Oblique"

REGULAR, BOLD, OBLIQUE = "regular", "bold", "oblique"
_BASE_FACES = {REGULAR: FONT, BOLD: FONT_BOLD, OBLIQUE: FONT_OBLIQUE}
_FACE_OF = {v: k for k, v in _BASE_FACES.items()}


@dataclass(frozen=True, slots=True)
class Fallback:
    """A bundled font for one script: its regular and bold files (bold may repeat)."""

    name: str
    regular: str
    bold: str
    ranges: tuple[tuple[int, int], ...]
    # Arabic is drawn in Noto Sans Arabic even though DejaVu has it: better joining forms.
    preferred: bool = False


FALLBACKS: tuple[Fallback, ...] = (
    Fallback(
        "ClinicArabic",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        preferred=True,
    ),
    Fallback(
        "ClinicHebrew",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
        ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    ),
    Fallback(
        "ClinicThai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", ((0x0E00, 0x0E7F),)
    ),
    Fallback(
        "ClinicEthiopic",
        "NotoSansEthiopic-Regular.ttf",
        "NotoSansEthiopic-Bold.ttf",
        ((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)),
    ),
    Fallback(
        "ClinicDevanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    ),
    Fallback(
        "ClinicBengali",
        "NotoSansBengali-Regular.ttf",
        "NotoSansBengali-Bold.ttf",
        ((0x0980, 0x09FF),),
    ),
    Fallback(
        "ClinicHangul",
        "NanumGothic.ttf",
        "NanumGothicBold.ttf",
        ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF)),
    ),
    Fallback(
        "ClinicHan",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallbackFull.ttf",
        (
            (0x2E80, 0x2FDF),
            (0x3000, 0x30FF),
            (0x3190, 0x31FF),
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0xF900, 0xFAFF),
            (0xFE30, 0xFE4F),
            (0xFF00, 0xFFEF),
        ),
    ),
)

# Scripts HarfBuzz must shape (joining, conjuncts, mark placement) or that run right to left.
_SHAPED_RE = re.compile("[\u0590-\u08ff\u0900-\u09ff\u0e00-\u0e7f\ufb1d-\ufdff\ufe70-\ufefc]")
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Mirrored pairs the bidi algorithm swaps in right-to-left runs; HarfBuzz swaps them again
# when it shapes a right-to-left word, so a word handed back to it is swapped first.
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def _fallback_for(cp: int) -> Fallback | None:
    for fb in FALLBACKS:
        for lo, hi in fb.ranges:
            if lo <= cp <= hi:
                return fb
    return None


@functools.cache
def register_fonts() -> frozenset[int]:
    """Register the base DejaVu Sans family once; return the code points it covers.

    Called lazily by the renderers, never at import time. Fallback fonts register on first
    use (:func:`covers`).
    """
    faces = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        FONT_OBLIQUE: "DejaVuSans-Oblique.ttf",
    }
    for name, filename in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_OBLIQUE, boldItalic=FONT_BOLD
    )
    return _face_coverage(FONT)


@functools.cache
def _face_coverage(font_name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


@functools.cache
def _register_fallback(fb: Fallback) -> frozenset[int]:
    """Register one fallback family (regular, bold); return what the regular face covers."""
    pdfmetrics.registerFont(TTFont(fb.name, str(FONT_DIR / fb.regular)))
    bold = fb.name
    if fb.bold != fb.regular:
        bold = fb.name + "-Bold"
        pdfmetrics.registerFont(TTFont(bold, str(FONT_DIR / fb.bold)))
    pdfmetrics.registerFontFamily(
        fb.name, normal=fb.name, bold=bold, italic=fb.name, boldItalic=bold
    )
    return _face_coverage(fb.name)


def _fallback_face(fb: Fallback, face: str) -> str:
    _register_fallback(fb)
    return fb.name + "-Bold" if face == BOLD and fb.bold != fb.regular else fb.name


def covers(ch: str) -> bool:
    """Whether some bundled font has a glyph for ``ch`` (registers its fallback if needed)."""
    cp = ord(ch)
    fb = _fallback_for(cp)
    if fb is not None and cp in _register_fallback(fb):
        return True
    return cp in register_fonts()


def all_font_files() -> tuple[Path, ...]:
    """Every bundled font file, for the desktop UI to register."""
    names = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"]
    for fb in FALLBACKS:
        names += [fb.regular] if fb.bold == fb.regular else [fb.regular, fb.bold]
    return tuple(FONT_DIR / n for n in names)


def needs_shaping(text: str) -> bool:
    return bool(_SHAPED_RE.search(text))


def face_of(font_name: str) -> str:
    return _FACE_OF.get(font_name, REGULAR)


def _font_for_token(token: str, face: str) -> list[tuple[str, str]]:
    """Split one space-free token into (font name, text) runs, preferring a single font.

    One font per word matters: reportlab shapes a word with the font of its first run.
    """
    base = _BASE_FACES[face]
    base_cov = _face_coverage(base)
    script: Fallback | None = None
    for ch in token:
        fb = _fallback_for(ord(ch))
        if fb is not None and (fb.preferred or ord(ch) not in base_cov):
            script = fb
            break
    if script is None and all(ord(ch) in base_cov for ch in token):
        return [(base, token)]
    if script is not None:
        name = _fallback_face(script, face)
        if all(ord(ch) in _face_coverage(name) for ch in token):
            return [(name, token)]
        if all(ord(ch) in base_cov for ch in token):
            return [(base, token)]
        for other in FALLBACKS:  # e.g. "(王小明)": Nanum Gothic has the Han and the brackets
            name = _fallback_face(other, face)
            if other is not script and all(ord(ch) in _face_coverage(name) for ch in token):
                return [(name, token)]
    runs: list[tuple[str, str]] = []
    for ch in token:
        fb = _fallback_for(ord(ch))
        name = base
        if fb is not None and (fb.preferred or ord(ch) not in base_cov):
            candidate = _fallback_face(fb, face)
            if ord(ch) in _face_coverage(candidate):
                name = candidate
        if ord(ch) not in _face_coverage(name):
            name = FONT  # the regular face covers more (Arabic in the oblique face)
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + ch)
        else:
            runs.append((name, ch))
    return runs


def font_runs(text: str, face: str = REGULAR) -> list[tuple[str, str]]:
    """``text`` (one visual line) as (font name, text) runs; spaces join the run before."""
    runs: list[tuple[str, str]] = []
    for piece in re.split(r"( +)", text):
        if not piece:
            continue
        parts = [(runs[-1][0] if runs else _BASE_FACES[face], piece)] if piece[0] == " " else None
        for name, chunk in parts or _font_for_token(piece, face):
            if runs and runs[-1][0] == name:
                runs[-1] = (name, runs[-1][1] + chunk)
            else:
                runs.append((name, chunk))
    return runs


def visual_order(line: str) -> str:
    """One line in visual word order by the Unicode bidi algorithm, each right-to-left word
    left in typed order for HarfBuzz, which lays it out right to left itself.

    The paragraph direction is the document's (left to right); lines without right-to-left
    letters come back unchanged.
    """
    if not _RTL_RE.search(line):
        return line
    visual = get_display(line, base_dir="L")
    return " ".join(
        word[::-1].translate(_MIRROR) if _RTL_RE.search(word) else word
        for word in visual.split(" ")
    )
