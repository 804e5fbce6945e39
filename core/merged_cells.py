"""Merged cells of a worksheet read row by row.

Office rosters often merge one 党小组 or 所在村 cell down over the rows of everyone in it; the value
belongs to each of those rows, but the file stores it only in the range's first row. openpyxl's
read-only worksheets do not expose merged ranges (they follow the cell data in the file), so they
are found by scanning the worksheet's XML once without parsing it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import IO, Any

_MERGE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"')
_CHUNK = 1 << 20
_OVERLAP = 256  # longer than any mergeCell element, so none is missed between two chunks


def _column(letters: bytes) -> int:
    """0-based index of a column name: b"A" → 0, b"AB" → 27."""
    index = 0
    for letter in letters:
        index = index * 26 + letter - 64
    return index - 1


class MergedCells:
    """The ranges of one worksheet that span several rows, applied to its rows as they are read.

    A range's value is the one in its first cell; it fills the cells of the range's first column in
    the rows below (a range across several columns keeps its value in that column only).
    """

    def __init__(self, source: IO[bytes]) -> None:
        self._starts: dict[int, list[int]] = defaultdict(list)  # first row → columns
        self._below: dict[int, list[tuple[int, int]]] = defaultdict(list)  # row → (column, first row)
        self._values: dict[tuple[int, int], Any] = {}
        tail = b""
        while chunk := source.read(_CHUNK):
            text = tail + chunk
            for match in _MERGE.finditer(text):
                col, first, last = _column(match[1]), int(match[2]), int(match[4])
                if last <= first or col in self._starts.get(first, ()):
                    continue  # one row only, or already seen in the overlap of two chunks
                self._starts[first].append(col)
                for row in range(first + 1, last + 1):
                    self._below[row].append((col, first))
            tail = text[-_OVERLAP:]

    def __bool__(self) -> bool:
        return bool(self._below)

    def fill(self, number: int, values: Sequence[Any]) -> Sequence[Any]:
        """Row ``number``'s values with the merged cells it lies under filled in."""
        for col in self._starts.get(number, ()):
            self._values[(col, number)] = values[col] if col < len(values) else None
        covering = self._below.get(number)
        if not covering:
            return values
        out = list(values)
        for col, first in covering:
            value = self._values.get((col, first))
            if value is None:
                continue
            out.extend([None] * (col + 1 - len(out)))
            if out[col] is None:
                out[col] = value
        return out
