#!/usr/bin/env python
"""Write English translations into locale/en/LC_MESSAGES/django.po from a JSON file {msgid: msgstr} (a plural
entry takes a list [singular, plural]); each entry applied loses its fuzzy flag.

    .venv/bin/python scripts/apply_translations.py translations.json
    .venv/bin/python scripts/apply_translations.py --missing        # prints what is untranslated or fuzzy, as JSON
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parents[1] / "locale/en/LC_MESSAGES/django.po"


def missing(po):
    return {
        e.msgid: ([e.msgid, e.msgid_plural] if e.msgid_plural else "")
        for e in po
        if not e.obsolete and ("fuzzy" in e.flags or not (e.msgstr or any(e.msgstr_plural.values())))
    }


def main():
    po = polib.pofile(str(PO), wrapwidth=120)
    if sys.argv[1:] == ["--missing"]:
        print(json.dumps(missing(po), ensure_ascii=False, indent=1))
        return
    translations = json.loads(Path(sys.argv[1]).read_text())
    applied = 0
    for entry in po:
        if entry.obsolete or entry.msgid not in translations:
            continue
        value = translations[entry.msgid]
        if entry.msgid_plural:
            singular, plural = value if isinstance(value, list) else (value, value)
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        applied += 1
    po.save()
    print(f"{applied} translations applied; {len(missing(po))} still missing")


if __name__ == "__main__":
    main()
