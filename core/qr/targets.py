"""What a printed code points at: a micro-lesson's video, one of the branch's official WeChat
accounts (kept in the local settings), or a link or text typed in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.lessons.catalogue import check_url, get_lesson, list_lessons
from core.qr import QrError
from core.store import Store

ACCOUNTS_KEY = "official_accounts"
MAX_ACCOUNT_NAME = 30

# What each kind of code invites the reader to do, printed above the title on a poster.
INVITATIONS = {
    "lesson": "扫码观看微党课",
    "account": "扫码关注公众号",
    "url": "扫码打开网页",
    "text": "扫码查看",
}


@dataclass(frozen=True)
class QrTarget:
    payload: str  # exactly what the code holds
    title: str  # the big line on a poster, the caption of a label
    kind: str = "url"  # lesson | account | url | text
    caption: str = ""  # small print: a lesson's speaker and length, or the address
    lesson_id: str | None = None  # the lesson a lesson's code opens
    short_code: str = ""  # a live code's short code, printed beneath it (core.qr.live_links)

    @property
    def invitation(self) -> str:
        return INVITATIONS.get(self.kind, INVITATIONS["text"])


# -- lessons ---------------------------------------------------------------------------------------


def target_for_lesson(lesson: Mapping[str, Any]) -> QrTarget:
    """The code of a lesson's video; a lesson without a video link is refused by name."""
    title = str(lesson["title"])
    url = (lesson.get("video_url") or "").strip()
    if not url:
        raise QrError(
            f"微党课「{title}」没有视频链接，不能生成二维码。",
            "请先在微党课目录中为它填写视频链接（http:// 或 https:// 开头）。",
        )
    details = []
    if lesson.get("speaker"):
        details.append(f"主讲：{lesson['speaker']}")
    if lesson.get("minutes"):
        details.append(f"时长：{lesson['minutes']} 分钟")
    return QrTarget(url, title, "lesson", "　".join(details), lesson_id=lesson.get("id"))


def lesson_target(store: Store, lesson_id: str) -> QrTarget:
    lesson = get_lesson(store, lesson_id)
    if lesson is None:
        raise QrError("找不到这节微党课，可能已被删除。", "请在微党课目录中查看。")
    return target_for_lesson(lesson)


def all_lesson_targets(store: Store) -> list[QrTarget]:
    """Every current (not archived) lesson that has a video link, newest first."""
    targets = [target_for_lesson(row) for row in list_lessons(store) if (row.get("video_url") or "").strip()]
    if not targets:
        raise QrError("微党课目录中没有带视频链接的课程，没有可打印的二维码。", "请先为微党课填写视频链接。")
    return targets


# -- official accounts -----------------------------------------------------------------------------


def list_accounts(store: Store) -> list[dict[str, str]]:
    """The branch's official accounts as [{"name", "url"}], in the order they were added."""
    raw = store.setting(ACCOUNTS_KEY, [])
    return [{"name": str(a["name"]), "url": str(a["url"])} for a in raw if isinstance(a, dict)]


def _find(accounts: list[dict[str, str]], name: str) -> int | None:
    wanted = name.strip()
    return next((i for i, a in enumerate(accounts) if a["name"] == wanted), None)


def save_account(store: Store, name: str, url: str) -> bool:
    """Add an official account, or give an existing one (same name) a new link. Returns whether an
    existing account was changed."""
    clean_name = " ".join(name.split())
    if not clean_name:
        raise QrError("公众号名称不能为空。", "请填写公众号的名称，例如「河东村党支部」。")
    if len(clean_name) > MAX_ACCOUNT_NAME:
        raise QrError(f"公众号名称不能超过 {MAX_ACCOUNT_NAME} 个字。", "请使用简称。")
    try:
        clean_url = check_url(url)
    except ValueError as exc:
        raise QrError(f"公众号「{clean_name}」的链接无效：{exc}", "") from None
    accounts = list_accounts(store)
    at = _find(accounts, clean_name)
    entry = {"name": clean_name, "url": clean_url}
    if at is None:
        accounts.append(entry)
    else:
        accounts[at] = entry
    store.set_setting(ACCOUNTS_KEY, accounts)
    return at is not None


def remove_account(store: Store, name: str) -> None:
    accounts = list_accounts(store)
    at = _find(accounts, name)
    if at is None:
        raise QrError(f"没有名为「{name.strip()}」的公众号。", _known(accounts))
    del accounts[at]
    store.set_setting(ACCOUNTS_KEY, accounts)


def _known(accounts: list[dict[str, str]]) -> str:
    if not accounts:
        return "还没有保存任何公众号，请先添加。"
    return "已保存的公众号：" + "、".join(f"「{a['name']}」" for a in accounts) + "。"


def account_target(store: Store, name: str) -> QrTarget:
    accounts = list_accounts(store)
    at = _find(accounts, name)
    if at is None:
        raise QrError(f"没有名为「{name.strip()}」的公众号。", _known(accounts))
    account = accounts[at]
    return QrTarget(account["url"], account["name"], "account", account["url"])


# -- typed in --------------------------------------------------------------------------------------


def custom_target(text: str, title: str | None = None) -> QrTarget:
    """A link (checked like a lesson's video link) or any other text, e.g. a Wi-Fi code."""
    value = text.strip()
    if not value:
        raise QrError("二维码内容不能为空。", "请填写链接或文字。")
    if value.lower().startswith(("http://", "https://", "http：", "https：")):
        try:
            url = check_url(value)
        except ValueError as exc:
            raise QrError(str(exc), "") from None
        return QrTarget(url, (title or "").strip() or "扫码打开网页", "url", url)
    return QrTarget(value, (title or "").strip() or value, "text", "")
