"""Codes and Chinese labels of the lesson and study records."""

from __future__ import annotations

from dataclasses import dataclass

# How a member studied a lesson.
METHODS: dict[str, str] = {
    "self_scan": "自学扫码",
    "group": "集中学习",
    "home": "送学上门",
    "pair": "结对帮学",
}
# Methods where another member helped; the helper is recorded with them.
HELPER_METHODS: tuple[str, ...] = ("home", "pair")
# The mark of a record a member reported from the phone after scanning a live code (活码): the district
# server writes it (method self_scan, self_reported = 1) and it reaches the branch by sync.
SELF_REPORTED = "扫码自报"

SESSION_KINDS: dict[str, str] = {"group_study": "集中学习", "theme_day": "主题党日"}

ATTENDANCE: dict[str, str] = {"present": "出席", "leave": "请假", "absent": "缺席"}

# Members expected to study: those in the roster as 正常 or 流动 (a 流动 member studies by phone).
STUDYING_STATUSES: tuple[str, ...] = ("active", "mobile")

# Lessons published by the district carry this owner and cannot be changed locally.
DISTRICT = "district"


@dataclass(frozen=True)
class LessonField:
    key: str
    label: str
    synonyms: tuple[str, ...] = ()


# Order is the order of columns in lesson lists, exports and the import template.
LESSON_FIELDS: tuple[LessonField, ...] = (
    LessonField("title", "标题", ("课程名称", "课程", "名称", "微党课", "题目", "title")),
    LessonField("speaker", "主讲人", ("主讲", "讲师", "授课人", "speaker")),
    LessonField("topic", "专题", ("主题", "类别", "分类", "topic")),
    LessonField("minutes", "时长（分钟）", ("时长", "分钟", "时长分钟", "minutes")),
    LessonField("video_url", "视频链接", ("链接", "网址", "视频地址", "url", "video_url")),
    LessonField("credit_hours", "学时", ("学分", "credit_hours")),
    LessonField("published_date", "发布日期", ("发布时间", "上线日期", "published_date")),
    LessonField("valid_until", "有效期至", ("有效期", "截止日期", "valid_until")),
    LessonField("note", "备注", ("说明", "note")),
)
LESSON_LABELS: dict[str, str] = {f.key: f.label for f in LESSON_FIELDS}


def method_label(code: str | None) -> str:
    return METHODS.get(code or "", code or "")


def method_text(code: str | None, self_reported: object = False) -> str:
    """The method's label, marked 扫码自报 on a record the member reported from the phone:
    ``自学扫码 · 扫码自报``."""
    label = method_label(code)
    return f"{label} · {SELF_REPORTED}" if self_reported else label
