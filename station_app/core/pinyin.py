"""Pinyin initials for searching villagers by typing e.g. "zsm" for 张三明."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def initials(name: str) -> str:
    from pypinyin import Style, lazy_pinyin  # loads its dictionary on first use, not at start-up

    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors=lambda s: list(s))
    return "".join(ch for ch in "".join(letters).lower() if ch.isalnum())
