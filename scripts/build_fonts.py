"""Build the bundled fallback fonts in ``resources/fonts/`` from Debian packages.

Run once when the fonts are updated (the results are committed):

    apt-get download fonts-noto-core fonts-droid-fallback fonts-nanum
    for d in *.deb; do dpkg-deb -x "$d" x; done
    .venv/bin/python scripts/build_fonts.py x

reportlab shapes a word with the font of its first letter, so a word such as "(สมชาย" must
come from one font. The Noto script fonts and Droid Sans Fallback lack ASCII punctuation and
digits; this script adds the ones each lacks from Noto Sans (scaled to the font's em)
with fontTools' merger. Nanum Gothic (its licence reserves its name) and Droid Sans
Fallback are copied unchanged. The
output keeps TrueType (glyf) outlines, which reportlab can embed and subset.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTO = "usr/share/fonts/truetype/noto"
COMMON = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x100),
    *(0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC),
]
SCRIPTS = ["Arabic", "Hebrew", "Thai", "Ethiopic", "Devanagari", "Bengali"]


def with_common(script_font: Path, latin_font: Path, out: Path) -> None:
    have = set(TTFont(script_font).getBestCmap())
    missing = [c for c in COMMON if c not in have]
    if not missing:
        shutil.copyfile(script_font, out)
        return
    latin = TTFont(latin_font)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=missing)
    subsetter.subset(latin)
    upem = TTFont(script_font)["head"].unitsPerEm
    if latin["head"].unitsPerEm != upem:  # Droid Sans Fallback has 256 units
        scale_upem(latin, upem)
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "common.ttf"
        latin.save(part)
        merged = Merger().merge([str(script_font), str(part)])
    merged.save(out)


def main(root: str) -> None:
    base = Path(root)
    for script in SCRIPTS:
        for weight in ("Regular", "Bold"):
            name = f"NotoSans{script}-{weight}.ttf"
            with_common(base / NOTO / name, base / NOTO / f"NotoSans-{weight}.ttf", OUT / name)
    # Droid Sans Fallback's old tables defeat the merger; Han words with punctuation are set
    # in Nanum Gothic (Hangul, 4,620 Han characters and ASCII) where it has every letter.
    droid = "DroidSansFallbackFull.ttf"
    shutil.copyfile(base / "usr/share/fonts/truetype/droid" / droid, OUT / droid)
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        shutil.copyfile(base / "usr/share/fonts/truetype/nanum" / name, OUT / name)


if __name__ == "__main__":
    main(sys.argv[1])
