"""The lesson catalogue: lessons the district publishes (read-only here) and lessons the branch adds."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from core.lessons.fields import DISTRICT, LESSON_FIELDS, LESSON_LABELS
from core.roster.validation import FieldIssue
from core.store import Store
from core.text import parse_date, to_halfwidth

DATA_COLUMNS: tuple[str, ...] = tuple(f.key for f in LESSON_FIELDS)
MAX_MINUTES = 600
MAX_CREDIT_HOURS = 100.0
MAX_TEXT = {"title": 100, "speaker": 100, "topic": 100, "note": 500}  # characters
MAX_URL = 2000


class LessonError(ValueError):
    """A refused change to the catalogue; the message (Chinese) says why."""

    def __init__(self, message: str, issues: list[FieldIssue] | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []


def is_district(lesson: Mapping[str, Any]) -> bool:
    return lesson.get("branch_id") == DISTRICT


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not to_halfwidth(value).strip()


def _one_line(text: str) -> str:
    """Text as one line: runs of whitespace (line breaks from a spreadsheet cell too) become one space."""
    return " ".join(text.split())


def check_url(value: str) -> str:
    """A video link must be a complete http(s) address; returns it trimmed."""
    url = to_halfwidth(value).strip()
    if len(url) > MAX_URL:
        raise ValueError(f"网址太长（超过 {MAX_URL} 个字符），请确认复制的是视频的网址")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or " " in url:
        raise ValueError(f"「{value}」不是有效的网址，应以 http:// 或 https:// 开头，例如 https://example.cn/v/123")
    return url


def _number(value: object, *, integer: bool, low: float, high: float) -> float | int:
    text = to_halfwidth(str(value)).strip() if isinstance(value, str) else value
    try:
        number = float(text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"「{value}」不是数字") from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValueError(f"{value} 不在 {low:g} 至 {high:g} 之间")
    if integer:
        if not number.is_integer():
            raise ValueError(f"{value} 应为整数")
        return int(number)
    return round(number, 2)


def validate_lesson(raw: Mapping[str, Any]) -> tuple[dict[str, Any], list[FieldIssue]]:
    """Check a lesson as typed or imported; every wrong field is named in Chinese."""
    clean: dict[str, Any] = {key: None for key in DATA_COLUMNS}
    issues: list[FieldIssue] = []

    def refuse(key: str, message: str) -> None:
        issues.append(FieldIssue(key, f"{LESSON_LABELS[key]}：{message}", "error"))

    for key in ("title", "speaker", "topic", "note"):
        if not _blank(raw.get(key)):
            clean[key] = _one_line(str(raw[key])) if key != "note" else str(raw[key]).strip()
    if not clean["title"]:
        refuse("title", "不能为空")
    for key, longest in MAX_TEXT.items():
        if clean[key] and len(clean[key]) > longest:
            clean[key] = None
            refuse(key, f"不能超过 {longest} 个字")
    parsers = {
        "minutes": lambda v: _number(v, integer=True, low=1, high=MAX_MINUTES),
        "credit_hours": lambda v: _number(v, integer=False, low=0, high=MAX_CREDIT_HOURS),
        "video_url": lambda v: check_url(str(v)),
        "published_date": parse_date,
        "valid_until": parse_date,
    }
    for key, parse in parsers.items():
        if _blank(raw.get(key)):
            continue
        if key != "video_url" and len(str(raw[key])) > 100:  # not worth parsing, nor quoting in the message
            refuse(key, f"内容太长（{len(str(raw[key]))} 个字），请检查这一格是否填错了列")
            continue
        try:
            clean[key] = parse(raw[key])
        except ValueError as exc:
            refuse(key, str(exc))
    for key in ("published_date", "valid_until"):
        if clean[key] and len(clean[key]) != 10:
            clean[key] = None
            refuse(key, "请写出具体日期，例如 2026-11-01")
    if clean["published_date"] and clean["valid_until"] and clean["valid_until"] < clean["published_date"]:
        refuse("valid_until", f"不能早于发布日期 {clean['published_date']}")
    return clean, issues


def _check(store: Store, raw: Mapping[str, Any], lesson_id: str | None) -> dict[str, Any]:
    clean, issues = validate_lesson(raw)
    if clean["title"]:
        same = store.query(
            "SELECT id FROM lessons WHERE deleted = 0 AND archived = 0 AND title = ? AND id != ?",
            (clean["title"], lesson_id or ""),
        )
        if same:
            issues.append(FieldIssue("title", f"标题：已有同名微党课「{clean['title']}」", "error"))
    if issues:
        raise LessonError("；".join(i.message for i in issues), issues)
    return clean


def add_lesson(store: Store, raw: Mapping[str, Any]) -> str:
    """Add a branch lesson; raises :class:`LessonError` naming every wrong field."""
    with store.transaction():
        clean = _check(store, raw, None)
        return store.insert("lessons", clean, audit=f"新增微党课「{clean['title']}」")


def _own_lesson(store: Store, lesson_id: str) -> dict[str, Any]:
    lesson = store.get("lessons", lesson_id)
    if lesson is None or lesson["deleted"]:
        raise LessonError("找不到这节微党课，可能已被删除")
    if is_district(lesson):
        raise LessonError(f"「{lesson['title']}」由区县发布，本支部不能修改")
    return lesson


def edit_lesson(store: Store, lesson_id: str, raw: Mapping[str, Any]) -> None:
    with store.transaction():
        _own_lesson(store, lesson_id)
        clean = _check(store, raw, lesson_id)
        store.update("lessons", lesson_id, clean, audit=f"修改微党课「{clean['title']}」")


def archive_lesson(store: Store, lesson_id: str, archived: bool = True) -> None:
    """Archived lessons leave the everyday lists; their study records stay."""
    with store.transaction():
        lesson = _own_lesson(store, lesson_id)
        if not archived and store.query(
            "SELECT 1 FROM lessons WHERE deleted = 0 AND archived = 0 AND title = ? AND id != ?",
            (lesson["title"], lesson_id),
        ):
            raise LessonError(f"已有同名微党课「{lesson['title']}」，请先改名再恢复")
        store.update(
            "lessons", lesson_id, {"archived": int(archived)},
            audit=("归档" if archived else "恢复") + f"微党课「{lesson['title']}」",
        )


def get_lesson(store: Store, lesson_id: str) -> dict[str, Any] | None:
    lesson = store.get("lessons", lesson_id)
    return lesson if lesson and not lesson["deleted"] else None


def list_lessons(
    store: Store, *, search: str = "", include_archived: bool = False, valid_on: str | None = None
) -> list[dict[str, Any]]:
    """Lessons newest first. ``search`` matches title, speaker and topic; ``valid_on`` (ISO date)
    leaves out lessons whose valid-until date has passed by then."""
    where = ["deleted = 0"]
    params: list[Any] = []
    if not include_archived:
        where.append("archived = 0")
    if valid_on:
        where.append("(valid_until IS NULL OR valid_until >= ?)")
        params.append(valid_on)
    words = to_halfwidth(search).split()
    for word in words:
        where.append("(title LIKE ? OR coalesce(speaker, '') LIKE ? OR coalesce(topic, '') LIKE ?)")
        params += [f"%{word}%"] * 3
    return store.query(
        f"SELECT * FROM lessons WHERE {' AND '.join(where)} "
        "ORDER BY coalesce(published_date, '') DESC, title",
        params,
    )
