"""Pinyin keys of Chinese names for search: full pinyin (``zhangsan``) and initials (``zs``)."""

from __future__ import annotations

from functools import lru_cache

# Surnames whose reading differs from the character's most common reading.
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha", "区": "ou",
    "盖": "ge", "覃": "qin", "缪": "miao", "翟": "zhai", "乐": "yue", "尉": "yu", "长": "chang",
    "种": "chong", "秘": "bi", "员": "yun", "召": "shao", "繁": "po", "万俟": "moqi",
}


@lru_cache(maxsize=8192)
def _char_pinyin(char: str) -> str:
    from pypinyin import Style, lazy_pinyin  # loading its dictionaries takes ~0.2 s: only when needed

    reading = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
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
