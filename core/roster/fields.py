"""The roster's fields: stored keys, their Chinese labels and the coded choices.

The database stores stable English codes; everything a person reads or types uses the Chinese
labels defined here. Importers, exporters, validation and the UI all take their names from this
one table so that a header written by the exporter is always understood by the importer.
"""

from __future__ import annotations

from dataclasses import dataclass

GENDERS: dict[str, str] = {"M": "男", "F": "女"}

WECHAT_LEVELS: dict[str, str] = {
    "none": "无手机",
    "basic_phone": "老年机",
    "smart_no_wechat": "智能机未用微信",
    "wechat": "会用微信",
    "follows_account": "已关注公众号",
}

CATEGORIES: dict[str, str] = {"full": "正式党员", "probationary": "预备党员"}

STATUSES: dict[str, str] = {
    "active": "正常",
    "mobile": "流动",
    "lost": "失联",
    "transferred": "转出",
    "deceased": "去世",
    "suspended": "停止党籍",
}

# Statuses under which a person still counts as a current member of the branch.
CURRENT_STATUSES = ("active", "mobile", "lost")

# What an import does with a row that is already in the roster: skip it, fill its blank fields,
# or overwrite with the row's non-blank values.
DUPLICATE_POLICIES = ("skip", "fill", "overwrite")

EDUCATION_LEVELS = ("小学", "初中", "高中", "中专", "大专", "本科", "研究生", "文盲或半文盲")


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    choices: dict[str, str] | None = None
    is_date: bool = False


# Order is the order of columns in exports, templates and the roster table.
MEMBER_FIELDS: tuple[Field, ...] = (
    Field("name", "姓名"),
    Field("gender", "性别", GENDERS),
    Field("ethnicity", "民族"),
    Field("birth_date", "出生日期", is_date=True),
    Field("id_number", "公民身份号码"),
    Field("education", "学历"),
    Field("phone", "手机"),
    Field("wechat", "微信情况", WECHAT_LEVELS),
    Field("village", "所在村"),
    Field("village_group", "村民小组"),
    Field("group", "党小组"),
    Field("category", "人员类别", CATEGORIES),
    Field("joined_date", "入党日期", is_date=True),
    Field("confirmed_date", "转正日期", is_date=True),
    Field("status", "状态", STATUSES),
    Field("status_date", "状态日期", is_date=True),
    Field("note", "备注"),
)

FIELD_BY_KEY: dict[str, Field] = {f.key: f for f in MEMBER_FIELDS}


def label_of(key: str) -> str:
    """The Chinese label of a field key (``"id_number"`` → ``"公民身份号码"``)."""
    return FIELD_BY_KEY[key].label


def choice_label(key: str, code: str | None) -> str:
    """The Chinese label of a stored code, or ``""`` for no value."""
    if not code:
        return ""
    choices = FIELD_BY_KEY[key].choices or {}
    return choices.get(code, code)
