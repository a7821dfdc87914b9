"""Web fonts for the interface: WOFF2 subsets of Noto Sans with the characters the portal's pages use (Latin,
Latin-1 and Latin Extended-A for Indonesian and English names, punctuation, arrows, check marks, ², ×, ·).
The books keep the full TTF files (static/fonts/*.ttf) for WeasyPrint. Run again after changing the ranges:

    .venv/bin/python scripts/subset_fonts.py
"""

from pathlib import Path

from fontTools import subset

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "static" / "fonts"
TARGET = SOURCE / "web"
FACES = ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"]
UNICODES = "U+0020-007E,U+00A0-017F,U+0192,U+02C6,U+02DC,U+2000-206F,U+20AC,U+20B9,U+2122,U+2190-21FF,U+2212,U+2713,U+2714,U+2717,U+2715"


def main():
    TARGET.mkdir(exist_ok=True)
    for face in FACES:
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
        options.name_IDs = ["*"]  # keep the licence and the font's names
        options.notdef_outline = True
        font = subset.load_font(str(SOURCE / f"{face}.ttf"), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        out = TARGET / f"{face}.woff2"
        subset.save_font(font, str(out), options)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()
