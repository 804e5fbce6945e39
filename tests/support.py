"""Helpers shared by tests: a fixed "today" and valid ID numbers."""

from __future__ import annotations

from datetime import date

from core.idcard import check_digit

TODAY = date(2026, 11, 22)


def make_id(birth: str, male: bool = True, region: str = "410523", seq: int = 12) -> str:
    """A valid 18-digit ID number for ``birth`` (``YYYY-MM-DD``)."""
    gender_digit = 1 if male else 2
    body = f"{region}{birth.replace('-', '')}{seq:02d}{gender_digit}"
    return body + check_digit(body)


def id_from_parts(region: str = "410101", birth: str = "19850302", seq: str = "123") -> str:
    """A valid ID number from its parts (``birth`` as ``YYYYMMDD``; ``seq`` ends with the gender digit)."""
    first17 = region + birth + seq
    return first17 + check_digit(first17)


def wrong_check(number: str) -> str:
    """The same ID number with a wrong check character."""
    return number[:17] + ("0" if number[17] != "0" else "1")


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


# Bad rows of the messy roster: spreadsheet row → header of the wrong field.
MESSY_BAD_ROWS = {7: "身份证号", 8: "身份证号", 10: "身份证号", 13: "入党时间"}
MESSY_GOOD_NAMES = ["张三", "李桂兰", "赵秀英", "欧阳振华", "马建国"]


def write_messy_roster(path: object) -> None:
    """An office-style sheet: two title rows, a blank row, synonym headers with odd spacing, mixed
    date formats, an ID number stored as a number, a bad check digit, a repeated person, an empty
    row, full-width digits and an unknown column."""
    import datetime

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["河东村党支部党员花名册"])                                            # row 1
    ws.append(["填报单位：柳林镇河东村    填报日期：2026年11月"])                    # row 2
    ws.append([])                                                                   # row 3
    ws.append(["序号", "姓 名", "性别", "出生年月", "身份证号", "联系电话", "入党时间", "转正时间",
               "党小组", "籍贯"])                                                    # row 4
    ws.append([1, "张三", "男", "1965-03-02", make_id("1965-03-02"), "13812345678", "1990/7/1",
               "1991.7.1", "第一党小组", "河南"])                                     # row 5 good
    ws.append([2, "李桂兰", "女", datetime.datetime(1950, 5, 6), make_id("1950-05-06", False), 13912345678,
               "19750701", "1976年7月1日", "老党员党小组", None])                      # row 6 good, Excel date
    ws.append([3, "王五", "男", "1972.8.8", 410523197208081234, "13712345678", "1998年7月", "1999年7月",
               "第二党小组", None])                                                   # row 7 numeric ID
    bad = make_id("1980-01-01")
    bad = bad[:-1] + ("0" if bad[-1] != "0" else "1")
    ws.append([4, "孙六", "男", "1980年1月1日", bad, "13612345678", "2005.7.1", "2006.7.1", "第二党小组",
               None])                                                                # row 8 bad check digit
    ws.append([5, "赵秀英", "女", 29221, fullwidth(make_id("1980-01-01", False)), fullwidth("13612345679"),
               "2005-07-01", "2006-07-01", "第二党小组", None])                       # row 9 serial + full-width
    ws.append([6, "张三", "男", "1965-03-02", make_id("1965-03-02"), "13812345678", "1990/7/1",
               "1991.7.1", "第一党小组", None])                                       # row 10 repeat of row 5
    ws.append([])                                                                   # row 11 empty
    ws.append([7, "欧阳振华", "1", "19581010", make_id("1958-10-10"), "0372-5123456", "1985年6月",
               "1986年6月", "第一党小组", None])                                      # row 12 good, 1 = 男
    ws.append([8, "周七", "男", "1990-02-02", make_id("1990-02-02"), "13512345678", "2005-01-01",
               None, "第二党小组", None])                                             # row 13 joined at 14
    ws.append([9, "马建国", "男", "1948-12-12", make_id("1948-12-12"), None, "1970-07-01", "1971-07-01",
               "老党员党小组", None])                                                 # row 14 good
    wb.save(path)
