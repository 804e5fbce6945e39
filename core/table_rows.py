"""What reading a table gives (``core.tabular`` for CSV and the reader's entry point,
``core.spreadsheet_read`` for workbooks): its rows, and the error whose Chinese message says what is
wrong with the file and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class TableReadError(Exception):
    """A table could not be read; the message (Chinese) says what is wrong and what to do."""


@dataclass
class TableRow:
    number: int  # row number as the spreadsheet shows it (1-based, title rows included)
    values: list[object]  # str, int, float, datetime, date, bool or None; trailing empties trimmed


def open_error(path: Path, exc: OSError) -> TableReadError:
    if isinstance(exc, FileNotFoundError):
        return TableReadError(f"找不到文件：{path}。文件可能已被移动或删除，请重新选择。")
    if isinstance(exc, PermissionError):
        reason = "没有访问权限，或文件正被其他程序独占打开，请关闭后重试"
    else:
        reason = f"系统错误（{exc.strerror or exc}）"
    return TableReadError(f"无法打开文件 {path.name}：{reason}。")
