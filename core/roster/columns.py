"""The column names a roster sheet may use for each field."""

from __future__ import annotations

from collections.abc import Sequence

from core.header_row import ColumnSet, HeaderMatch
from core.header_row import locate_header as find_header
from core.roster.fields import label_of
from core.tabular import TableReadError, TableRow

# Field key → accepted header texts; the label from fields.py comes first. The official exports
# (党员信息采集表, 全国党员管理信息系统) name theirs 公民身份号码, 人员类别, 加入党组织日期,
# 转为正式党员日期, 联系电话 …; columns with no field here (所在党支部, 工作岗位, 学位) are ignored.
COLUMN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "姓 名", "名字", "党员姓名", "name"),
    "gender": ("性别", "gender", "sex"),
    "ethnicity": ("民族", "ethnicity"),
    "birth_date": (
        "出生日期", "出生年月", "出生年月日", "出生时间", "生日", "birth date", "birth_date", "birthday",
    ),
    "id_number": (
        "公民身份号码", "身份证号", "身份证号码", "身份证", "证件号码", "公民身份证号码", "身份证件号码",
        "公民身份号", "居民身份证号码", "身份证件号", "id number", "id_number", "id",
    ),
    "education": ("学历", "文化程度", "最高学历", "全日制学历", "education"),
    "phone": (
        "手机", "手机号", "手机号码", "联系电话", "电话", "联系方式", "移动电话", "联系手机", "电话号码", "phone", "mobile",
    ),
    "wechat": ("微信情况", "微信", "使用微信情况", "wechat"),
    "village": (
        "所在村", "村", "村居", "住址", "家庭住址", "家庭地址", "现居住地", "现居住地址", "现住址", "居住地址", "village",
    ),
    "village_group": ("村民小组", "组", "村组", "village group"),
    "group": ("党小组", "所在党小组", "party group", "group"),
    "category": ("人员类别", "党员类别", "类别", "正式或预备", "党员类型", "category"),
    "joined_date": (
        "入党日期", "入党时间", "入党年月", "加入党组织日期", "加入党组织时间", "入党年月日", "joined", "joined_date",
    ),
    "confirmed_date": ("转正日期", "转正时间", "转正年月", "转为正式党员日期", "转为正式党员时间", "confirmed_date"),
    "status": ("状态", "党员状态", "status"),
    "status_date": ("状态日期", "状态变更日期", "status_date"),
    "note": ("备注", "说明", "note", "notes"),
}

ROSTER_COLUMNS = ColumnSet(
    {key: (label_of(key), *synonyms) for key, synonyms in COLUMN_SYNONYMS.items()}, required="name"
)


def match_header(text: object) -> str | None:
    """The roster field key a header cell names, or ``None``."""
    return ROSTER_COLUMNS.match(text)


def locate_header(rows: Sequence[TableRow], search_depth: int = 30) -> HeaderMatch:
    """The header row of a roster sheet (see :func:`core.header_row.locate_header`)."""
    try:
        return find_header(rows, ROSTER_COLUMNS, search_depth)
    except TableReadError as exc:
        raise TableReadError(
            f"{exc}；也可以写成「身份证号」「出生年月」「联系电话」「文化程度」等常见叫法。"
        ) from None
