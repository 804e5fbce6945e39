"""A fast streaming writer of .xlsx workbooks for large reports.

openpyxl builds an object per cell, which takes seconds for a sheet of 100,000 rows; this writer
streams the sheet XML straight into the zip. It writes what reports need: several sheets, a
title row, a bold frozen header, column widths, text and number cells. Strings are stored inline.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from core.tabular import display_width, replacing_file

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FLUSH_ROWS = 2000
_WIDTH_SAMPLE = 500

# Style indexes of styles.xml below.
_PLAIN, _HEADER, _TITLE, _TEXT = 0, 1, 2, 3

_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="@"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font>
<font><b/><sz val="16"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1">
<alignment vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass
class Sheet:
    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    heading: str | None = None  # a title row above the header
    text_columns: set[int] = field(default_factory=set)  # 0-based columns kept as text


def _column_letter(index: int) -> str:
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: object, style: int = _PLAIN) -> str:
    s = f' s="{style}"' if style else ""
    if value is None or value == "":
        return f'<c r="{ref}"{s}/>' if style else ""
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float) and style != _TEXT:
        if isinstance(value, float) and not math.isfinite(value):
            value = str(value)
        else:
            return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, dt.date):
        value = value.isoformat()
    text = str(value)
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _safe_title(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", title)[:31] or "Sheet"
    name, n = base, 2
    while name.lower() in taken:
        name = f"{base[:28]}({n})"
        n += 1
    taken.add(name.lower())
    return name


def _write_sheet(zf: zipfile.ZipFile, number: int, sheet: Sheet) -> None:
    row_iter = iter(sheet.rows)
    sample = list(itertools.islice(row_iter, _WIDTH_SAMPLE))
    widths = [display_width(h) for h in sheet.headers]
    for row in sample:
        for col, value in enumerate(row[: len(widths)]):
            widths[col] = max(widths[col], display_width(value))
    letters = [_column_letter(i) for i in range(max(len(widths), 1))]
    header_row = 2 if sheet.heading else 1
    cols = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{min(max(w, 6) + 2, 60)}" customWidth="1"'
        + (f' style="{_TEXT}"' if i in sheet.text_columns else "") + "/>"
        for i, w in enumerate(widths)
    )
    with zf.open(f"xl/worksheets/sheet{number}.xml", "w", force_zip64=True) as out:
        out.write(
            (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<sheetViews><sheetView workbookViewId="0"><pane ySplit="{header_row}" '
                f'topLeftCell="A{header_row + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
                f"<sheetFormatPr defaultRowHeight=\"15\"/><cols>{cols}</cols><sheetData>"
            ).encode()
        )
        chunk: list[str] = []
        if sheet.heading:
            chunk.append(f'<row r="1" ht="30" customHeight="1">{_cell("A1", sheet.heading, _TITLE)}</row>')
        chunk.append(
            f'<row r="{header_row}">'
            + "".join(_cell(f"{letters[c]}{header_row}", h, _HEADER) for c, h in enumerate(sheet.headers))
            + "</row>"
        )
        text_cols = sheet.text_columns
        for number_in_sheet, row in enumerate(itertools.chain(sample, row_iter), start=header_row + 1):
            cells = "".join(
                _cell(f"{letters[c]}{number_in_sheet}", v, _TEXT if c in text_cols else _PLAIN)
                for c, v in enumerate(row[: len(letters)])
            )
            chunk.append(f'<row r="{number_in_sheet}">{cells}</row>')
            if len(chunk) >= _FLUSH_ROWS:
                out.write("".join(chunk).encode())
                chunk = []
        out.write("".join(chunk).encode())
        merge = ""
        if sheet.heading and len(letters) > 1:
            merge = f'<mergeCells count="1"><mergeCell ref="A1:{letters[-1]}1"/></mergeCells>'
        out.write(f"</sheetData>{merge}</worksheet>".encode())


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the sheets to ``path`` (replaced atomically); raises ``TableWriteError`` in Chinese."""
    taken: set[str] = set()
    titles = [_safe_title(s.title, taken) for s in sheets]
    with replacing_file(Path(path)) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>'
            for i in range(1, len(sheets) + 1)
        )
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=overrides))
        zf.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_REL_PACKAGE}">'
            f'<Relationship Id="rId1" Type="{_NS_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        sheet_entries = "".join(
            f'<sheet name="{escape(t, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
            for i, t in enumerate(titles, start=1)
        )
        zf.writestr(
            "xl/workbook.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'xmlns:r="{_NS_R}"><sheets>{sheet_entries}</sheets></workbook>',
        )
        rels = "".join(
            f'<Relationship Id="rId{i}" Type="{_NS_R}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)
        )
        styles_id = len(sheets) + 1
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{_REL_PACKAGE}">'
            f'{rels}<Relationship Id="rId{styles_id}" Type="{_NS_R}/styles" Target="styles.xml"/></Relationships>',
        )
        zf.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(sheets, start=1):
            _write_sheet(zf, number, sheet)
