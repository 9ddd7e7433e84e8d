"""Printed words in Chinese without Qt: read straight from the .ts catalogue the GUI's .qm is
built from. The county center prints the same ledger PDF as a station but runs no Qt."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from station_app.resources import resources_dir


def ts_translator(lang: str, path: Path | None = None):
    """(context, text) -> text in ``lang`` ('en' is the source language)."""
    if lang == "en":
        return lambda _context, text: text
    path = path or resources_dir() / "i18n" / f"{lang}.ts"
    table: dict[tuple[str, str], str] = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and \
                    translation.get("type") not in ("unfinished", "obsolete", "vanished"):
                table[(name, message.findtext("source"))] = translation.text
    return lambda context, text: table.get((context, text), text)
