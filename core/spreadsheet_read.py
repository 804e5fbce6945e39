"""Reading spreadsheet workbooks — Excel (.xlsx, .xlsm, legacy .xls), OpenDocument (.ods) and WPS
(.et) — with python-calamine, one reader for all of them.

The format is told from the file's content, not its name, so a legacy .xls renamed .xlsx or a workbook
saved as .csv is read too. Values come as the office sees them: cached formula results, merged 党小组
cells filled down, hidden sheets after the visible ones.
"""

from __future__ import annotations

import datetime as dt
import threading
import zipfile
from collections.abc import Generator
from pathlib import Path
from typing import Any

from core.cancel import Cancelled, check
from core.merged_cells import MergedCells, Span, ods_merged_ranges
from core.table_rows import TableReadError, TableRow, open_error

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".et")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls, WPS .et and password-protected workbooks

_CHECK_EVERY = 500
_CHUNK = 1 << 20
# An .xlsx saved with a password to open is an OLE file holding a stream of this name; an .xls (or
# .et) one has a FILEPASS record (0x002F) right after the BOF record that opens its workbook stream.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORKBOOK_BOF = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # BOF, 16 bytes, BIFF8, workbook globals
_FILEPASS = b"\x2f\x00"
_DATE, _FLOAT, _STR = dt.date, float, str


def is_workbook(magic: bytes) -> bool:
    """Whether a file starting with ``magic`` (its first 8 bytes) is a workbook rather than text."""
    return magic.startswith((ZIP_MAGIC, OLE_MAGIC))


def workbook_rows(path: Path, cancel: threading.Event | None) -> Generator[TableRow, None, None]:
    """The non-empty rows of the first worksheet with data, visible sheets first.

    Cells as :func:`core.tabular.read_rows` gives them: strings stripped, empty cells ``None``,
    whole numbers ``int``, dates ``datetime``, trailing empty cells dropped.
    """
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum  # deferred: start-up

    check(cancel)
    try:
        with path.open("rb") as source:
            magic = source.read(8)
            source.seek(0)
            workbook = CalamineWorkbook.from_filelike(source)  # tells the format from the content
    except OSError as exc:
        raise open_error(path, exc) from None
    except Exception as exc:  # calamine raises its own errors and more for broken files
        raise _unreadable(path, magic, exc) from exc
    try:
        sheets = [m for m in workbook.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        # Hidden sheets (often the lists behind drop-downs) come after the ones a person sees.
        sheets.sort(key=lambda m: m.visible != SheetVisibleEnum.Visible)
        for meta in sheets:
            check(cancel)
            sheet = workbook.get_sheet_by_name(meta.name)
            check(cancel)
            if sheet.start is None:
                continue  # no cells at all
            merged = MergedCells(_merged_spans(path, magic, meta.name, sheet))
            found = False
            for row in _sheet_rows(sheet, merged, cancel):
                found = True
                yield row
            if found:
                return
    except (TableReadError, Cancelled):
        raise
    except Exception as exc:
        raise _unreadable(path, magic, exc) from exc
    finally:
        workbook.close()


def _sheet_rows(sheet: Any, merged: MergedCells, cancel: threading.Event | None) -> Generator[TableRow, None, None]:
    # The reader gives every row from the first one down (empty rows before the data included), each
    # starting at the sheet's first column with data: put back the empty columns before it.
    offset = sheet.start[1]
    lead: list[object] = [None] * offset
    fill = merged.fill if merged else None
    for number, raw in enumerate(sheet.iter_rows(), start=1):
        if number % _CHECK_EVERY == 0:
            check(cancel)
        values = lead.copy() if offset else []
        append = values.append
        for value in raw:
            kind = value.__class__
            if kind is _STR:
                append(value.strip() or None)
            elif kind is _FLOAT:
                append(int(value) if value.is_integer() else value)  # 39, not 39.0, as Excel shows it
            elif kind is _DATE:
                append(dt.datetime(value.year, value.month, value.day))
            else:
                append(value)
        if fill is not None:
            values = list(fill(number, values))
        while values and values[-1] is None:
            values.pop()
        if values:
            yield TableRow(number, values)


def _merged_spans(path: Path, magic: bytes, name: str, sheet: Any) -> list[Span]:
    ranges = sheet.merged_cell_ranges
    if ranges is not None:  # .xlsx and .xls: ((first row, first column), (last row, last column)), 0-based
        return [(top + 1, left, bottom + 1) for (top, left), (bottom, _right) in ranges]
    if magic.startswith(ZIP_MAGIC):  # .ods
        return ods_merged_ranges(path, name)
    return []


def _encrypted(path: Path, magic: bytes) -> bool:
    """Whether a workbook the reader refused is one saved with a password to open it."""
    if magic.startswith(ZIP_MAGIC):  # .ods: the manifest says which parts are encrypted
        try:
            with zipfile.ZipFile(path) as archive, archive.open("META-INF/manifest.xml") as manifest:
                return b"encryption-data" in manifest.read(_CHUNK)
        except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
            return False
    if not magic.startswith(OLE_MAGIC):
        return False
    tail, bof_seen = b"", False
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            text = tail + chunk
            if _ENCRYPTED_STREAM in text:
                return True
            at = -1 if bof_seen else text.find(_WORKBOOK_BOF)
            if at >= 0 and len(text) >= at + 22:
                if text[at + 20:at + 22] == _FILEPASS:
                    return True
                bof_seen = True  # only the first workbook stream's BOF counts
            tail = text[-64:]
    return False


def _unreadable(path: Path, magic: bytes, exc: Exception) -> TableReadError:
    from python_calamine import PasswordError

    if isinstance(exc, PasswordError) or _encrypted(path, magic):
        return TableReadError(
            f"无法读取文件 {path.name}：文件设置了打开密码。请在 Excel 或 WPS 中用密码打开它，"
            "取消密码（Excel：「文件」→「信息」→「保护工作簿」；WPS：「文件」→「文档加密」）后"
            "「另存为」Excel 工作簿（.xlsx），再导入。"
        )
    if path.suffix.lower() == ".et":
        return TableReadError(
            f"无法读取 WPS 表格文件 {path.name}。请在 WPS 表格中打开它，点击「文件」→「另存为」，"
            "文件类型选「Excel 工作簿（*.xlsx）」，保存后再导入。"
        )
    if magic.startswith(OLE_MAGIC):
        return TableReadError(
            f"无法读取文件 {path.name}：文件已损坏，或者不是有效的旧版 Excel 工作簿（.xls）。"
            "请在 Excel 或 WPS 中打开该文件，确认内容正常后「另存为」Excel 工作簿（.xlsx）再导入。"
        )
    return TableReadError(
        f"无法读取文件 {path.name}：文件已损坏或不是有效的电子表格（.xlsx、.xls、.ods）。"
        "请在 Excel 或 WPS 中打开该文件，确认内容正常后「另存为」.xlsx 或 .csv 再导入。"
    )

