"""Reading and writing simple tables: spreadsheet workbooks and CSV text files.

Knows nothing about what the tables contain. Reading returns raw cell values row by row — workbooks
(.xlsx, .xlsm, .xls, .ods, WPS .et) through :mod:`core.spreadsheet_read`, CSV text here; writing
produces a single-sheet .xlsx workbook (openpyxl) or a CSV file that Excel and WPS open correctly.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import itertools
import os
import re
import tempfile
import threading
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from core.cancel import check
from core.table_rows import TableReadError, TableRow, open_error

MAX_ROWS = 50_000  # non-empty rows; larger files are refused to keep memory bounded

CSV_SUFFIXES = (".csv", ".txt")

_CHECK_EVERY = 500
_CHUNK = 1 << 20
_BAD_CSV = "内容不是规范的 CSV 文本（可能有未配对的引号或过长的单元格）"


class TableWriteError(Exception):
    """A table could not be written; the message (Chinese) says why."""


# ---------------------------------------------------------------------------------------------
# Reading


def read_rows(path: Path, cancel: threading.Event | None = None) -> Iterator[TableRow]:
    """Yield the non-empty rows of the first worksheet with data (or of a CSV file).

    Strings are stripped, empty strings become ``None`` and trailing empty cells are dropped.
    Raises :class:`TableReadError` (from this call or while iterating) for unsupported, missing or
    broken files and for more than :data:`MAX_ROWS` rows; raises ``Cancelled`` when ``cancel``
    is set.
    """
    from core.spreadsheet_read import WORKBOOK_SUFFIXES, is_workbook, workbook_rows  # deferred: start-up

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in WORKBOOK_SUFFIXES + CSV_SUFFIXES:
        shown = suffix or "无扩展名"
        raise TableReadError(
            f"不支持的文件类型（{shown}）：{path.name}。可以导入的有 Excel 或 WPS 工作簿"
            "（.xlsx、.xls、.xlsm、.et）、LibreOffice 表格（.ods）和 CSV 文本（.csv）。"
            "请在 Excel 或 WPS 中打开该文件，用「另存为」保存为 Excel 工作簿（.xlsx）或 CSV（.csv）后再导入。"
        )
    try:
        with path.open("rb") as f:
            magic = f.read(8)
    except OSError as exc:
        raise open_error(path, exc) from None
    if suffix in WORKBOOK_SUFFIXES or is_workbook(magic):
        return _limited(workbook_rows(path, cancel))
    return _limited(_csv_rows(path, cancel))


def _limited(rows: Generator[TableRow, None, None]) -> Iterator[TableRow]:
    try:
        for count, row in enumerate(rows, start=1):
            if count > MAX_ROWS:
                raise TableReadError(
                    f"表格超过 {MAX_ROWS} 行，超出了一次能导入的上限。"
                    "请确认是否选错了文件，或把表格拆分成几个较小的文件后分别导入。"
                )
            yield row
    finally:
        rows.close()


def _clean(values: Iterable[object]) -> list[object]:
    out = [(v.strip() or None) if v.__class__ is str else v for v in values]
    while out and out[-1] is None:
        out.pop()
    return out


def _detect_encoding(path: Path, cancel: threading.Event | None) -> str:
    with path.open("rb") as f:
        head = f.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"  # Excel's 「Unicode 文本」
        for encoding in ("utf-8", "gb18030"):
            f.seek(0)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            try:
                while chunk := f.read(_CHUNK):
                    check(cancel)
                    decoder.decode(chunk)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                continue
            return encoding
    raise TableReadError(
        f"无法识别文件 {path.name} 的文字编码（不是 UTF-8 或 GBK），或者它不是文本文件。"
        "请在 Excel 或 WPS 中打开该文件，「另存为」Excel 工作簿（.xlsx）后再导入。"
    )


def _sniff_delimiter(sample: str) -> str:
    """Comma, unless the first lines clearly use tabs or semicolons instead."""
    text = "\n".join(sample.splitlines()[:20])
    try:
        delimiter = csv.Sniffer().sniff(text, delimiters=",\t;").delimiter
    except csv.Error:  # too few lines to tell: the header row decides (Excel's Unicode text uses tabs)
        delimiter = max(",\t;", key=text.split("\n", 1)[0].count)
    return delimiter if text.count(delimiter) > text.count(",") else ","


def _csv_rows(path: Path, cancel: threading.Event | None) -> Generator[TableRow, None, None]:
    try:
        encoding = _detect_encoding(path, cancel)
        with path.open("r", encoding=encoding, newline="") as f:
            delimiter = _sniff_delimiter(f.read(16_384))
            f.seek(0)
            for number, record in enumerate(csv.reader(f, delimiter=delimiter), start=1):
                if number % _CHECK_EVERY == 0:
                    check(cancel)
                values = _clean(record)
                if values:
                    yield TableRow(number, [_unguarded(v) for v in values])
    except (UnicodeDecodeError, csv.Error) as exc:
        problem = "文件中有无法识别的文字编码" if isinstance(exc, UnicodeDecodeError) else _BAD_CSV
        raise TableReadError(
            f"无法读取文件 {path.name}：{problem}。"
            "请在 Excel 或 WPS 中打开该文件，「另存为」Excel 工作簿（.xlsx）后再导入。"
        ) from exc
    except OSError as exc:
        raise open_error(path, exc) from exc


# ---------------------------------------------------------------------------------------------
# Writing

_HEADER_FILL = "DDEBF7"
_HIGHLIGHT_FILL = "F8CBAD"
_CHOICE_ROWS = 1000
_WIDTH_SAMPLE = 1000


def display_width(value: object) -> int:
    if isinstance(value, dt.date):
        return 19 if isinstance(value, dt.datetime) else 10
    longest = max(("" if value is None else str(value)).split("\n"), key=len)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in longest)  # CJK characters are double width


@contextlib.contextmanager
def replacing_file(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` that replaces it when the block succeeds."""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp, mode)  # mkstemp creates files readable by the owner only
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    finally:
        tmp.unlink(missing_ok=True)


def _write_error(path: Path, exc: OSError) -> TableWriteError:
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        reason = f"文件夹「{path.parent}」不存在，请重新选择保存位置"
    elif isinstance(exc, PermissionError):
        reason = "文件可能正被 Excel 打开，请关闭后重试；或者没有该文件夹的写入权限"
    else:
        reason = f"磁盘已满或无法写入（{exc.strerror or exc}）"
    return TableWriteError(f"无法写入文件 {path.name}：{reason}")


def write_xlsx(
    path: Path,
    sheet_title: str,
    headers: list[str],
    rows: Iterable[Sequence[object]],
    text_columns: Iterable[int] = (),
    title: str | None = None,
    notes: list[str] | None = None,
    choices: Mapping[int, Sequence[str]] | None = None,
    highlight_column: int | None = None,
) -> None:
    """Write a sheet: optional title row, a bold frozen header, the rows; ``notes`` go on a second
    sheet called 填写说明.

    ``text_columns`` (0-based) are stored as text with format ``@`` so ID numbers stay intact;
    ``choices`` adds drop-down lists to those columns; ``highlight_column`` is filled red-ish.
    The file is replaced atomically; failures raise :class:`TableWriteError`.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.cell_range import CellRange

    path = Path(path)
    text_cols = set(text_columns)
    special = text_cols | ({highlight_column} if highlight_column is not None else set())
    width = max(len(headers), 1)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=_safe_sheet_title(sheet_title))
    highlight = PatternFill("solid", fgColor=_HIGHLIGHT_FILL)

    def cell(value: object, col: int | None = None, **style: Any) -> WriteOnlyCell:
        if col in text_cols and value is not None and not isinstance(value, str):
            value = str(value)
        c = WriteOnlyCell(ws, value=_plain(value, ILLEGAL_CHARACTERS_RE))
        if c.data_type == "f":
            c.data_type = "s"  # text that starts with "=" is data, never a formula
        if col in text_cols:
            c.number_format = "@"
        if col is not None and col == highlight_column:
            c.fill = highlight
        for name, attr in style.items():
            setattr(c, name, attr)
        return c

    def convert(values: Sequence[object]) -> list[object]:
        out: list[object] = []
        for col, v in enumerate(values):
            if col in special or (isinstance(v, str) and v.startswith("=")):
                out.append(cell(v, col))
            else:
                out.append(_plain(v, ILLEGAL_CHARACTERS_RE))
        return out

    # Column widths must be known before the first row is written, so look at a sample first.
    row_iter = iter(rows)
    sample = list(itertools.islice(row_iter, _WIDTH_SAMPLE))
    widths = [display_width(h) for h in headers] or [0]
    for row in sample:
        for col, v in enumerate(row[: len(widths)]):
            widths[col] = max(widths[col], display_width(v))
    for col in range(width):
        dim = ws.column_dimensions[get_column_letter(col + 1)]
        dim.width = min(max(widths[col], 6) + 2, 50)
        if col in text_cols:
            dim.number_format = "@"  # cells typed in later stay text too

    # The sheet's views, columns and row heights are written with the first row: set them now.
    header_row = 2 if title else 1
    ws.freeze_panes = f"A{header_row + 1}"
    if title:
        ws.row_dimensions[1].height = 30
        if width > 1:
            ws.merged_cells.add(CellRange(min_col=1, min_row=1, max_col=width, max_row=1))
    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor=_HEADER_FILL)
    wrap = Alignment(vertical="center", wrap_text=True)
    header_cells = []
    for col, text in enumerate(headers):
        fill = highlight if col == highlight_column else header_fill
        header_cells.append(cell(text, font=header_font, alignment=wrap, fill=fill))

    with replacing_file(path) as tmp:
        try:
            if title:
                ws.append(
                    [cell(title, font=Font(bold=True, size=16), alignment=Alignment(vertical="center"))]
                )
            ws.append(header_cells)
            count = 0
            for row in itertools.chain(sample, row_iter):
                ws.append(convert(row))
                count += 1
            _add_choices(ws, choices or {}, header_row + 1, header_row + max(_CHOICE_ROWS, count))
            if notes:  # on a sheet of their own, so that importing the file never reads them as data
                notes_ws = wb.create_sheet(title="填写说明")
                notes_ws.column_dimensions["A"].width = 100
                for line in notes:
                    notes_ws.append([line])
            wb.save(tmp)
        except BaseException:
            with contextlib.suppress(Exception):
                ws.close()  # release openpyxl's own temporary file
            raise


def _add_choices(ws: Any, choices: Mapping[int, Sequence[str]], first: int, last: int) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    for col, allowed in choices.items():
        formula = '"' + ",".join(allowed) + '"'
        if len(formula) > 255 or any("," in a or '"' in a for a in allowed):
            continue  # Excel cannot hold such a list inline; values are validated on import anyway
        dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True)
        dv.errorTitle, dv.error = "输入有误", "请从下拉列表中选择"
        letter = get_column_letter(col + 1)
        dv.add(f"{letter}{first}:{letter}{last}")
        ws.data_validations.append(dv)


_NATIVE = (str, int, float, Decimal, dt.date, dt.time, dt.timedelta)  # bool is an int


def _plain(value: object, illegal: re.Pattern[str]) -> object:
    """A value openpyxl accepts: control characters removed, unknown types as text."""
    if isinstance(value, str):
        return illegal.sub("", value) if illegal.search(value) else value
    if value is None or isinstance(value, _NATIVE):
        return value
    return str(value)


def _safe_sheet_title(title: str) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'")
    return cleaned[:31] or "Sheet1"


# A CSV cell starting with one of these is taken for a formula by Excel and WPS ("CSV injection"):
# the writer puts an apostrophe in front, which they show as text, and the reader takes it off.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_STARTS) else text


def _unguarded(value: object) -> object:
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_FORMULA_STARTS):
        return value[1:]
    return value


def write_csv(path: Path, headers: list[str], rows: Iterable[Sequence[object]]) -> None:
    """Write UTF-8 with BOM, comma-separated, CRLF line endings (as Excel saves CSV)."""
    with replacing_file(Path(path)) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows([_csv_text(v) for v in row] for row in rows)
