"""Recognising the header row of a roster sheet and which column holds which field.

Offices name their columns in many ways ("身份证号", "公民身份号码（18位）", "姓 名" …). Only exact
matches after normalisation count; nothing is guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from core.roster.fields import MEMBER_FIELDS, label_of
from core.tabular import TableReadError, TableRow

# Field key → accepted header texts; the label from fields.py comes first.
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "姓 名", "名字", "党员姓名", "name"),
    "gender": ("性别", "gender", "sex"),
    "ethnicity": ("民族", "ethnicity"),
    "birth_date": (
        "出生日期", "出生年月", "出生年月日", "出生时间", "生日", "birth date", "birth_date", "birthday",
    ),
    "id_number": (
        "公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "公民身份证号码", "身份证件号码",
        "公民身份号", "id number", "id_number", "id",
    ),
    "education": ("学历", "文化程度", "education"),
    "phone": ("手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "phone", "mobile"),
    "wechat": ("微信情况", "微信", "使用微信情况", "wechat"),
    "village": ("所在村", "村", "村居", "住址", "家庭住址", "village"),
    "village_group": ("村民小组", "组", "村组", "village group"),
    "group": ("党小组", "所在党小组", "party group", "group"),
    "category": ("人员类别", "党员类别", "类别", "正式或预备", "category"),
    "joined_date": ("入党日期", "入党时间", "入党年月", "joined", "joined_date"),
    "confirmed_date": ("转正日期", "转正时间", "confirmed_date"),
    "status": ("状态", "党员状态", "status"),
    "status_date": ("状态日期", "状态变更日期", "status_date"),
    "note": ("备注", "说明", "note", "notes"),
}

# Required markers and hints that decorate a header: "*姓名", "出生日期（年月日）", "手机：".
_MARKS = "*※★☆:"
_TRAILING_HINT = re.compile(r"(\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$")
_WHITESPACE = re.compile(r"\s+")


def normalise_header(text: str) -> str:
    """Full-width → half-width, no whitespace, lower case, without markers or a trailing hint."""
    text = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).lower()
    while True:
        stripped = _TRAILING_HINT.sub("", text.strip(_MARKS))
        if stripped == text:
            return text
        text = stripped


def _build_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for key, synonyms in COLUMN_SYNONYMS.items():
        for text in (label_of(key), key, *synonyms):
            normal = normalise_header(text)
            if lookup.setdefault(normal, key) != key:
                raise ValueError(f"header {text!r} is claimed by {lookup[normal]!r} and {key!r}")
    return lookup


_LOOKUP = _build_lookup()


def match_header(text: object) -> str | None:
    """The field key a header cell names, or ``None``."""
    if text is None:
        return None
    normal = normalise_header(str(text))
    return _LOOKUP.get(normal) if normal else None


@dataclass
class HeaderMatch:
    row_index: int  # index into the rows given to locate_header
    row_number: int  # spreadsheet row number of the header
    headers: list[str]  # header texts as written ("" for empty cells)
    mapping: dict[int, str]  # column index → field key
    unknown_columns: list[str]  # non-empty header texts that matched nothing, in column order


def _match_row(index: int, row: TableRow) -> HeaderMatch:
    headers = ["" if v is None else str(v) for v in row.values]
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for column, text in enumerate(headers):
        key = match_header(text)
        if key is not None and key not in mapping.values():
            mapping[column] = key
        elif text:
            unknown.append(text)
    return HeaderMatch(index, row.number, headers, mapping, unknown)


def locate_header(rows: Sequence[TableRow], search_depth: int = 30) -> HeaderMatch:
    """The header row among the first ``search_depth`` rows.

    It is the first row with the most recognised columns, at least two of them, one being 姓名.
    A field named twice is taken from its first column; the later one is listed as unknown.
    Raises :class:`TableReadError` when there is no such row.
    """
    best: HeaderMatch | None = None
    for index, row in enumerate(rows[:search_depth]):
        match = _match_row(index, row)
        if "name" not in match.mapping.values() or len(match.mapping) < 2:
            continue
        if best is None or len(match.mapping) > len(best.mapping):
            best = match
    if best is None:
        examples = "、".join(f.label for f in MEMBER_FIELDS[:5])
        raise TableReadError(
            f"没有找到表头行：前 {search_depth} 行中没有同时包含「姓名」和其他已知列名的行。"
            f"请确认表格中有一行列名，例如：{examples}；"
            "也可以写成「身份证号」「出生年月」「联系电话」「文化程度」等常见叫法。"
        )
    return best
