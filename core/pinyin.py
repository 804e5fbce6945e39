"""Pinyin keys of Chinese names for search: full pinyin (``zhangsan``) and initials (``zs``)."""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import lru_cache
from typing import Any

# Surnames whose reading differs from the character's most common reading.
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
    "盖": "ge", "覃": "qin", "缪": "miao", "翟": "zhai", "乐": "yue", "尉": "yu", "长": "chang",
    "种": "chong", "秘": "bi", "员": "yun", "召": "shao", "繁": "po", "万俟": "moqi",
}


@lru_cache(maxsize=1)
def _pypinyin() -> tuple[Callable[..., list[str]], Any]:
    """pypinyin, loaded on first use (its dictionaries take ~0.2 s). They are ~200,000 lists that live
    as long as the program and never form garbage; every full collection of the cycle collector would
    walk them again (~50 ms, a visible stall when it falls in a page refresh). So once they are loaded,
    what is garbage now is collected and everything left is moved out of the collector's sight
    (``gc.freeze``); reference counting still frees those objects as usual."""
    from pypinyin import Style, lazy_pinyin

    gc.collect()
    gc.freeze()
    return lazy_pinyin, Style


@lru_cache(maxsize=8192)
def _char_pinyin(char: str) -> str:
    lazy_pinyin, style = _pypinyin()
    reading = lazy_pinyin(char, style=style.NORMAL, errors="ignore")
    return reading[0].lower() if reading else ""


def name_keys(name: str) -> tuple[str, str]:
    """``("zhangsan", "zs")`` for ``"张三"``; characters without a reading (``·``, letters) are skipped
    for initials and kept lower-cased for the full form."""
    syllables: list[str] = []
    rest = name
    for surname, reading in _SURNAME_READINGS.items():
        if len(surname) > 1 and name.startswith(surname):
            syllables.append(reading)
            rest = name[len(surname):]
            break
    else:
        if name and name[0] in _SURNAME_READINGS:
            syllables.append(_SURNAME_READINGS[name[0]])
            rest = name[1:]
    for char in rest:
        if char.isascii():
            if char.isalpha():
                syllables.append(char.lower())
            continue
        reading = _char_pinyin(char)
        if reading:
            syllables.append(reading)
    full = "".join(syllables)
    initials = "".join(s[0] for s in syllables)
    return full, initials
