"""Fill unfinished entries of a Qt .ts catalogue from a JSON object {source: translation}.

    .venv/bin/python tools/ts_fill.py resources/i18n/zh_CN.ts new-strings.json

The .ts file stays the source of truth (lupdate keeps what is translated); this only saves
hand-editing XML for a batch of new strings. Prints what is still untranslated.
"""

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, json_path: str) -> int:
    mapping = json.load(open(json_path, encoding="utf-8"))
    tree = ET.parse(ts_path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation.get("type") != "unfinished":
            continue
        if source in mapping:
            translation.text = mapping[source]
            del translation.attrib["type"]
        else:
            missing.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    with open(ts_path, "r+", encoding="utf-8") as fh:  # keep lupdate's doctype line
        text = fh.read().replace("?>\n<TS", "?>\n<!DOCTYPE TS>\n<TS", 1)
        fh.seek(0), fh.write(text), fh.truncate()
    for source in missing:
        print("untranslated:", source)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
