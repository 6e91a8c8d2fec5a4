#!/usr/bin/env python3
"""Refresh each addon's i18n/<addon>.pot from a database and merge it into
i18n/zh_CN.po, keeping every existing translation.

    python3 scripts/i18n_sync.py DB [--fill translations.json]

--fill takes a JSON object {msgid: msgstr} for terms still untranslated.
Prints the msgids that remain untranslated (the suite fails on them).
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ADDONS = [
    "liangze_base",
    "liangze_responsibility",
    "liangze_supervision",
    "liangze_accountability",
    "liangze_integrity",
    "liangze_discipline",
    "liangze_responsibility_sms",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--fill", type=Path)
    parser.add_argument("--addons-path", default="")
    args = parser.parse_args()
    fill = json.loads(args.fill.read_text()) if args.fill else {}
    addons_path = ",".join(filter(None, [args.addons_path, str(ROOT)]))
    subprocess.run(["odoo", f"--addons-path={addons_path}", "i18n", "export", "-d", args.db, "--", *ADDONS], check=True)
    missing = 0
    for addon in ADDONS:
        pot = polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
        po_path = ROOT / addon / "i18n" / "zh_CN.po"
        old = {e.msgid: e.msgstr for e in polib.pofile(str(po_path))} if po_path.exists() else {}
        po = polib.POFile(wrapwidth=78)
        po.metadata = dict(pot.metadata, Language="zh_CN", **{"Plural-Forms": "nplurals=1; plural=0;"})
        po.header = (
            f"Translation of Odoo Server.\nThis file contains the translation of the following modules:\n\t* {addon}"
        )
        for entry in pot:
            entry.msgstr = old.get(entry.msgid) or fill.get(entry.msgid, "")
            po.append(entry)
            if not entry.msgstr:
                missing += 1
                print(f"{addon}: untranslated: {entry.msgid!r}")
        po.save(str(po_path))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
