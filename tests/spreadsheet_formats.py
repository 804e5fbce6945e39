"""One table written as .xlsx (openpyxl), legacy .xls (xlwt) or .ods (odfpy), at test time.

A :class:`Book` holds sheets of plain Python values (text, numbers, dates, ``None``), merged ranges and
hidden sheets; :func:`save` writes it in the format the file name asks for, as Excel, WPS or
LibreOffice would save it (dates as date cells, numbers as number cells).
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

Value = str | int | float | dt.date | None


@dataclass(frozen=True)
class OdsFormula:
    """A formula cell of an .ods file (LibreOffice's "of:=1+1") with the result it last computed."""

    formula: str
    cached: float
FORMATS = ("xlsx", "xls", "ods")


@dataclass
class Grid:
    name: str
    rows: Sequence[Sequence[Value]]
    merged: Sequence[tuple[int, int, int, int]] = ()  # (first row, first column, last row, last column), 0-based
    hidden: bool = False


@dataclass
class Book:
    sheets: list[Grid] = field(default_factory=list)


def save(book: Book, path: Path) -> Path:
    """Write ``book`` as the format of ``path``'s suffix (.xlsx, .xls, .et or .ods)."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _xlsx(book, path)
    elif suffix in (".xls", ".et"):
        path.write_bytes(xls_bytes(book))
    elif suffix == ".ods":
        _ods(book, path)
    else:
        raise ValueError(suffix)
    return path


def _xlsx(book: Book, path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for grid in book.sheets:
        ws = wb.create_sheet(grid.name)
        for r, row in enumerate(grid.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = ws.cell(r, c, value)
                    cell.number_format = "yyyy-mm-dd" if isinstance(value, dt.date) else "General"
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # typed as text, as Excel keeps it after a leading apostrophe
        for top, left, bottom, right in grid.merged:
            ws.merge_cells(start_row=top + 1, start_column=left + 1, end_row=bottom + 1, end_column=right + 1)
        if grid.hidden:
            ws.sheet_state = "hidden"
    wb.active = next(n for n, g in enumerate(book.sheets) if not g.hidden)
    wb.save(path)


def _xls_workbook(book: Book) -> object:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for grid in book.sheets:
        ws = wb.add_sheet(grid.name)
        merged = {(top, left): (bottom, right) for top, left, bottom, right in grid.merged}
        covered = {(r, c) for (top, left), (bottom, right) in merged.items()
                   for r in range(top, bottom + 1) for c in range(left, right + 1)} - set(merged)
        for r, row in enumerate(grid.rows):
            for c, value in enumerate(row):
                if (r, c) in covered or (value is None and (r, c) not in merged):
                    continue
                style = day if isinstance(value, dt.date) else xlwt.Style.default_style
                if (r, c) in merged:
                    bottom, right = merged[(r, c)]
                    ws.write_merge(r, bottom, c, right, value, style)
                else:
                    ws.write(r, c, value, style)
        if grid.hidden:
            ws.visibility = 1
    wb.active_sheet = next(n for n, g in enumerate(book.sheets) if not g.hidden)
    return wb


def xls_bytes(book: Book, password_protected: bool = False) -> bytes:
    """The .xls file of ``book``; ``password_protected`` marks its workbook stream as encrypted
    (a FILEPASS record after the first BOF, as Excel writes for a password to open)."""
    import io

    from xlwt import CompoundDoc

    wb = _xls_workbook(book)
    stream = wb.get_biff_data()  # type: ignore[attr-defined]
    if password_protected:
        kind, size = struct.unpack("<HH", stream[:4])
        assert kind == 0x0809  # BOF
        rc4 = struct.pack("<HHH", 1, 1, 1) + bytes(48)  # RC4, version 1.1, salt and verifier
        stream = stream[: 4 + size] + struct.pack("<HH", 0x002F, len(rc4)) + rc4 + stream[4 + size:]
    out = io.BytesIO()
    CompoundDoc.XlsDoc().save(out, stream)
    return out.getvalue()


def encrypted_xlsx_bytes() -> bytes:
    """An OLE file holding an ``EncryptedPackage`` stream: what Excel saves for an .xlsx with a password."""
    raw = bytearray(xls_bytes(Book([Grid("Sheet1", [["x"]])])))
    name = "Workbook".encode("utf-16-le")
    at = raw.index(name)
    new = "EncryptedPackage".encode("utf-16-le") + b"\0\0"
    raw[at:at + len(new)] = new
    struct.pack_into("<H", raw, at + 64, len(new))  # the directory entry's name length
    return bytes(raw)


def encrypted_ods_bytes() -> bytes:
    """An .ods saved with a password: its manifest says the parts are encrypted, the parts are noise."""
    import io
    import random
    import zipfile

    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" '
                'manifest:checksum="x"/></manifest:file-entry></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", random.Random(3).randbytes(4000))
    return out.getvalue()


def _ods(book: Book, path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TableProperties
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    hidden = Style(name="hiddenTable", family="table")
    hidden.addElement(TableProperties(display=False))
    doc.automaticstyles.addElement(hidden)
    for grid in book.sheets:
        table = Table(name=grid.name, stylename=hidden) if grid.hidden else Table(name=grid.name)
        merged = {(top, left): (bottom, right) for top, left, bottom, right in grid.merged}
        covered = {(r, c) for (top, left), (bottom, right) in merged.items()
                   for r in range(top, bottom + 1) for c in range(left, right + 1)} - set(merged)
        width = max([len(row) for row in grid.rows] + [right + 1 for _t, _l, _b, right in grid.merged], default=0)
        for r in range(max(len(grid.rows), max((b + 1 for _t, _l, b, _r in grid.merged), default=0))):
            row = list(grid.rows[r]) if r < len(grid.rows) else []
            element = TableRow()
            for c in range(width):
                value = row[c] if c < len(row) else None
                if (r, c) in covered:
                    element.addElement(CoveredTableCell())
                    continue
                span = {}
                if (r, c) in merged:
                    bottom, right = merged[(r, c)]
                    span = {"numberrowsspanned": bottom - r + 1, "numbercolumnsspanned": right - c + 1}
                element.addElement(_ods_cell(TableCell, P, value, span))
            table.addElement(element)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))


def _ods_cell(cell_type: type, paragraph: type, value: Value | OdsFormula, span: dict[str, int]) -> object:
    if value is None:
        return cell_type(**span)
    if isinstance(value, OdsFormula):
        cell = cell_type(formula=value.formula, valuetype="float", value=repr(value.cached), **span)
        cell.addElement(paragraph(text=repr(value.cached)))
        return cell
    if isinstance(value, dt.date):
        cell = cell_type(valuetype="date", datevalue=value.isoformat(), **span)
        shown = value.isoformat()
    elif isinstance(value, int | float):
        cell = cell_type(valuetype="float", value=repr(value), **span)
        shown = repr(value)
    else:
        cell = cell_type(valuetype="string", **span)
        shown = value
    cell.addElement(paragraph(text=shown))
    return cell
