"""Finding the header row of an office spreadsheet and which column holds which field.

Offices name their columns in many ways ("身份证号", "公民身份号码（18位）", "姓 名" …). Only exact
matches after normalisation count; nothing is guessed. A :class:`ColumnSet` says which names each
field may have; :func:`locate_header` finds the row that names the most of them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from core.tabular import TableReadError, TableRow

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


class ColumnSet:
    """The fields of one kind of sheet: each key with its accepted header texts (label first)."""

    def __init__(self, names: Mapping[str, Sequence[str]], required: str) -> None:
        self.names = dict(names)
        self.required = required
        self._lookup: dict[str, str] = {}
        for key, texts in self.names.items():
            for text in (key, *texts):
                normal = normalise_header(text)
                if self._lookup.setdefault(normal, key) != key:
                    raise ValueError(f"header {text!r} is claimed by {self._lookup[normal]!r} and {key!r}")

    def label(self, key: str) -> str:
        return self.names[key][0]

    def match(self, text: object) -> str | None:
        """The field key a header cell names, or ``None``."""
        if text is None:
            return None
        normal = normalise_header(str(text))
        return self._lookup.get(normal) if normal else None


@dataclass
class HeaderMatch:
    row_index: int  # index into the rows given to locate_header
    row_number: int  # spreadsheet row number of the header
    headers: list[str]  # header texts as written ("" for empty cells)
    mapping: dict[int, str]  # column index → field key
    unknown_columns: list[str]  # non-empty header texts that matched nothing, in column order


def _match_row(columns: ColumnSet, index: int, row: TableRow) -> HeaderMatch:
    headers = ["" if v is None else str(v) for v in row.values]
    mapping: dict[int, str] = {}
    unknown: list[str] = []
    for column, text in enumerate(headers):
        key = columns.match(text)
        if key is not None and key not in mapping.values():
            mapping[column] = key
        elif text:
            unknown.append(text)
    return HeaderMatch(index, row.number, headers, mapping, unknown)


def locate_header(rows: Sequence[TableRow], columns: ColumnSet, search_depth: int = 30) -> HeaderMatch:
    """The header row among the first ``search_depth`` rows.

    It is the first row with the most recognised columns, at least two of them, one being the
    required field. A field named twice is taken from its first column; the later one is listed
    as unknown. Raises :class:`TableReadError` when there is no such row.
    """
    best: HeaderMatch | None = None
    for index, row in enumerate(rows[:search_depth]):
        match = _match_row(columns, index, row)
        if columns.required not in match.mapping.values() or len(match.mapping) < 2:
            continue
        if best is None or len(match.mapping) > len(best.mapping):
            best = match
    if best is None:
        examples = "、".join(texts[0] for texts in list(columns.names.values())[:5])
        raise TableReadError(
            f"没有找到表头行：前 {search_depth} 行中没有同时包含「{columns.label(columns.required)}」"
            f"和其他已知列名的行。请确认表格中有一行列名，例如：{examples}"
        )
    return best
