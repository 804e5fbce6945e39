"""Merged cells of a worksheet read row by row.

Office rosters often merge one 党小组 or 所在村 cell down over the rows of everyone in it; the value
belongs to each of those rows, but the file stores it only in the range's first row. For .xlsx and
.xls the reader gives the merged ranges; an OpenDocument sheet (.ods) marks them on the range's first
cell (``table:number-rows-spanned``), which :func:`ods_merged_ranges` finds by scanning the sheet's XML.
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import iterparse

# A merged range as (first row, column, last row): rows 1-based as the spreadsheet shows them,
# the column 0-based.
Span = tuple[int, int, int]

_CHUNK = 1 << 20
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TABLE = f"{{{_TABLE_NS}}}table"
_ROW = f"{{{_TABLE_NS}}}table-row"
_CELLS = (f"{{{_TABLE_NS}}}table-cell", f"{{{_TABLE_NS}}}covered-table-cell")
_NAME = f"{{{_TABLE_NS}}}name"
_ROWS_REPEATED = f"{{{_TABLE_NS}}}number-rows-repeated"
_COLUMNS_REPEATED = f"{{{_TABLE_NS}}}number-columns-repeated"
_ROWS_SPANNED = f"{{{_TABLE_NS}}}number-rows-spanned"


class MergedCells:
    """The ranges of one worksheet that span several rows, applied to its rows as they are read.

    A range's value is the one in its first cell; it fills the cells of the range's first column in
    the rows below (a range across several columns keeps its value in that column only).
    """

    def __init__(self, spans: Iterable[Span]) -> None:
        self._starts: dict[int, list[int]] = defaultdict(list)  # first row → columns
        self._below: dict[int, list[tuple[int, int]]] = defaultdict(list)  # row → (column, first row)
        self._values: dict[tuple[int, int], Any] = {}
        for first, col, last in spans:
            if last <= first or col in self._starts.get(first, ()):
                continue  # one row only, or the same range again
            self._starts[first].append(col)
            for row in range(first + 1, last + 1):
                self._below[row].append((col, first))

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


def _mentions(source: Any, marker: bytes) -> bool:
    tail = b""
    while chunk := source.read(_CHUNK):
        if marker in tail + chunk:
            return True
        tail = chunk[-len(marker):]
    return False


def ods_merged_ranges(path: Path, sheet: str) -> list[Span]:
    """The ranges merged over several rows in sheet ``sheet`` of an OpenDocument spreadsheet."""
    with zipfile.ZipFile(path) as archive:
        with archive.open("content.xml") as source:
            if not _mentions(source, b"number-rows-spanned"):
                return []  # most sheets merge nothing: no need to parse the XML
        spans: list[Span] = []
        with archive.open("content.xml") as source:
            inside, row, col = False, 0, 0
            for event, elem in iterparse(source, events=("start", "end")):
                tag = elem.tag
                if tag == _TABLE:
                    if event == "start":
                        inside, row = elem.get(_NAME) == sheet, 0
                    elif inside:
                        break  # the sheet is done
                    else:
                        elem.clear()
                elif not inside:
                    continue
                elif tag == _ROW:
                    if event == "start":
                        col = 0
                    else:
                        row += int(elem.get(_ROWS_REPEATED) or 1)
                        elem.clear()
                elif tag in _CELLS and event == "start":
                    rows = int(elem.get(_ROWS_SPANNED) or 1)
                    if rows > 1:
                        spans.append((row + 1, col, row + rows))
                    col += int(elem.get(_COLUMNS_REPEATED) or 1)
        return spans
