"""Building awkward spreadsheet files at test time: workbooks written as raw XML (so that they hold
exactly what Excel or WPS would save — cached formula results, merged ranges, hidden sheets and
rows, cells longer than openpyxl would write), CSV text in many encodings, and plain garbage."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


@dataclass(frozen=True)
class Formula:
    """A formula cell as Excel saves it: the formula and the result it last computed."""

    formula: str
    cached: str | float | None = None


Cell = str | int | float | Formula | None


@dataclass
class Sheet:
    name: str
    rows: Sequence[Sequence[Cell]]
    state: str = "visible"  # visible | hidden | veryHidden
    merged: Sequence[str] = ()  # ranges such as "A1:J1"
    hidden_rows: Sequence[int] = ()  # 1-based row numbers
    shared_strings: bool = False  # text in sharedStrings.xml (as Excel does) instead of inline
    xml: str | None = None  # the worksheet part exactly as given (``rows`` and the rest are ignored)
    _strings: list[str] = field(default_factory=list)


def column_letter(index: int) -> str:
    letters, n = "", index + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cell(ref: str, value: Cell, sheet: Sheet) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        formula = f"<f>{escape(value.formula)}</f>"
        if value.cached is None:
            return f'<c r="{ref}">{formula}</c>'
        if isinstance(value.cached, str):
            return f'<c r="{ref}" t="str">{formula}<v>{escape(value.cached)}</v></c>'
        return f'<c r="{ref}">{formula}<v>{value.cached}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if sheet.shared_strings:
        sheet._strings.append(value)
        return f'<c r="{ref}" t="s"><v>{len(sheet._strings) - 1}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _sheet_xml(sheet: Sheet) -> str:
    if sheet.xml is not None:
        return sheet.xml
    rows = []
    for number, values in enumerate(sheet.rows, start=1):
        cells = "".join(_cell(f"{column_letter(col)}{number}", v, sheet) for col, v in enumerate(values))
        hidden = ' hidden="1"' if number in sheet.hidden_rows else ""
        rows.append(f'<row r="{number}"{hidden}>{cells}</row>')
    merged = ""
    if sheet.merged:
        merged = f'<mergeCells count="{len(sheet.merged)}">' + "".join(
            f'<mergeCell ref="{ref}"/>' for ref in sheet.merged) + "</mergeCells>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_NS}">'
            f'<sheetData>{"".join(rows)}</sheetData>{merged}</worksheet>')


def write_workbook(path: Path, sheets: Sequence[Sheet], shared_strings_xml: str | None = None) -> Path:
    """A workbook of ``sheets``; ``shared_strings_xml`` replaces the shared strings part as given."""
    body = [_sheet_xml(sheet) for sheet in sheets]  # fills each sheet's shared strings
    strings = [s for sheet in sheets for s in sheet._strings]
    if shared_strings_xml is None and strings:
        shared_strings_xml = (f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_NS}" count="{len(strings)}">'
                              + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
                              + "</sst>")
    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_SHEET_TYPE}"/>'
                        for n in range(1, len(sheets) + 1))
    if shared_strings_xml is not None:
        overrides += ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                      'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
            'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            f'spreadsheetml.sheet.main+xml"/>{overrides}</Types>'))
        zf.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
                    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        entries = "".join(
            f'<sheet name="{escape(s.name)}" sheetId="{n}" state="{s.state}" r:id="rId{n}"/>'
            for n, s in enumerate(sheets, start=1))
        zf.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_NS}" '
                    f'xmlns:r="{_REL}"><sheets>{entries}</sheets></workbook>')
        rels = "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                       for n in range(1, len(sheets) + 1))
        if shared_strings_xml is not None:
            rels += f'<Relationship Id="rId{len(sheets) + 1}" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            zf.writestr("xl/sharedStrings.xml", shared_strings_xml)
        zf.writestr("xl/_rels/workbook.xml.rels",
                    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">{rels}</Relationships>')
        for n, xml in enumerate(body, start=1):
            zf.writestr(f"xl/worksheets/sheet{n}.xml", xml)
    return path


def entity_bomb_workbook(path: Path) -> Path:
    """A workbook whose shared strings expand an entity a billion times ("billion laughs")."""
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{n} "{("&a" + str(n - 1) + ";") * 10}">' for n in range(1, 10))
    strings = (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [{entities}]>'
               f'<sst xmlns="{_NS}" count="2"><si><t>姓名</t></si><si><t>&a9;</t></si></sst>')
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_NS}"><sheetData>'
             '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>性别</t></is></c></row>'
             '<row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>')
    return write_workbook(path, [Sheet("花名册", [], xml=sheet)], shared_strings_xml=strings)


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def garbage(size: int, seed: int = 1) -> bytes:
    return random.Random(seed).randbytes(size)


def csv_text(rows: Sequence[Sequence[object]], delimiter: str = ",") -> str:
    """Rows as Excel writes CSV: quoted where needed, CRLF line ends."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def million_row_csv(path: Path, rows: int = 1_000_000) -> Path:
    """A roster-shaped CSV of ``rows`` people, written in chunks."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("姓名,性别,出生日期,所在村,党小组,备注\r\n")
        for start in range(0, rows, 10_000):
            f.write("".join(f"张{n % 997}{n % 13},男,1960-01-{1 + n % 28:02d},河东村,第一党小组,第{n}行\r\n"
                            for n in range(start, min(rows, start + 10_000))))
    return path
