"""活码 on the branch PC: printed codes that lead to the district server's short link
(``/q/CODE``) instead of straight to a video, so that each scan is counted, the code follows its
lesson when the link changes, and a member can check in from the phone.

Codes are rows of the synced ``qr_links`` table, made here when material is printed (offline too);
they go live on the district server with the next sync. Scan counts come back as ``qr_scan_days``
rows, written by the server only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from core.qr import QrError
from core.qr.short_codes import link_id, live_url, new_code, normalize, spaced
from core.qr.targets import QrTarget
from core.store import Store
from core.sync import config

MAX_LABEL = 40
KIND_NAMES = {"lesson": "微党课", "account": "公众号", "url": "链接"}
_ATTEMPTS = 20  # a fresh code that happens to exist already is simply drawn again


@dataclass(frozen=True)
class LiveLink:
    """One printed live code as the QR page and ``qr-links list`` show it."""

    id: str
    code: str
    kind: str  # lesson | account | url
    lesson_id: str | None
    target: str  # what it opens: the lesson's title, the account's name or the link
    target_url: str | None
    label: str
    created_date: str
    retired: bool
    synced: bool  # the district server has this code as it is here
    scans_7d: int
    scans_30d: int
    url: str | None  # what the code holds (None when this PC knows no server address)

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code, "target": self.target, "kind": self.kind, "lesson_id": self.lesson_id,
            "label": self.label, "scans_7d": self.scans_7d, "scans_30d": self.scans_30d,
            "synced": self.synced, "retired": self.retired, "url": self.url, "created_date": self.created_date,
        }


def public_base(store: Store) -> str | None:
    """The address phones open: the district's public address as the server announced it, else the
    sync server's address; None when this PC has not joined a district server."""
    settings = config.read_settings(store)
    if not settings.enrolled:
        return None
    return store.setting(config.PUBLIC_URL) or settings.server_url


def live_available(store: Store) -> bool:
    """Live codes are the default once this PC is enrolled."""
    return public_base(store) is not None


def _clean_label(label: str | None) -> str:
    text = " ".join((label or "").split())
    if len(text) > MAX_LABEL:
        raise QrError(f"张贴位置不能超过 {MAX_LABEL} 个字。", "请写简短些，例如「村委会活动室摆台」。")
    return text


def _find_live(store: Store, kind: str, lesson_id: str | None, url: str | None, label: str) -> str | None:
    row = store.query(
        "SELECT code FROM qr_links WHERE deleted = 0 AND retired_at IS NULL AND branch_id = ? AND target_kind = ? "
        "AND coalesce(lesson_id, '') = ? AND coalesce(target_url, '') = ? AND coalesce(label, '') = ? "
        "ORDER BY rev LIMIT 1",
        (store.branch_id, kind, lesson_id or "", url or "", label),
    )
    return row[0]["code"] if row else None


def ensure_link(store: Store, target: QrTarget, label: str = "", today: date | None = None) -> str:
    """The live code of ``target`` hung at ``label``: the existing one when this target and place
    have a code in use, otherwise a new one. Returns the code."""
    if target.kind not in KIND_NAMES:
        raise QrError("纯文字内容不能做成活码。", "请改用「直接链接」，或填写以 http:// 开头的链接。")
    place = _clean_label(label)
    lesson_id = target.lesson_id if target.kind == "lesson" else None
    url = None if target.kind == "lesson" else target.payload
    with store.transaction():
        found = _find_live(store, target.kind, lesson_id, url, place)
        if found is not None:
            return found
        for _ in range(_ATTEMPTS):
            code = new_code()
            if store.get("qr_links", link_id(code)) is None:
                break
        store.insert("qr_links", {
            "id": link_id(code), "code": code, "target_kind": target.kind, "lesson_id": lesson_id,
            "target_url": url, "target_title": None if target.kind == "lesson" else target.title,
            "label": place or None, "created_date": (today or date.today()).isoformat(),
        }, audit=f"新建活码 {code}（{target.title}）")
    return code


def live_targets(store: Store, targets: Sequence[QrTarget], label: str = "") -> list[QrTarget]:
    """``targets`` as live codes: each holds the district server's short link for its code and
    carries the code to print beneath it. Text targets cannot be live and are refused."""
    base = public_base(store)
    if base is None:
        raise QrError("这台电脑还没有登记到区服务器，不能打印活码。",
                      "请在「数据同步」页加入支部后再打印，或改用「直接链接」。")
    made = []
    for target in targets:
        code = ensure_link(store, target, label)
        made.append(replace(target, payload=live_url(base, code), short_code=code, caption=target.caption))
    return made


def pending_codes(store: Store, codes: Sequence[str]) -> list[str]:
    """The codes among ``codes`` that the district server does not have as they are here yet: the code
    itself, or the branch's own lesson it opens, is new or changed since the last sync."""
    pending = []
    for code in dict.fromkeys(codes):
        link = store.get("qr_links", link_id(code))
        if link is None:
            continue
        lesson = store.get("lessons", link["lesson_id"]) if link["lesson_id"] else None
        rows = [row for row in (link, lesson) if row is not None]
        if any(row["version"] == 0 or row["rev"] > row["synced_rev"] for row in rows):
            pending.append(code)
    return pending


def _scans(store: Store, today: date) -> dict[str, tuple[int, int]]:
    week, month = (today - timedelta(days=6)).isoformat(), (today - timedelta(days=29)).isoformat()
    rows = store.query(
        "SELECT code, sum(CASE WHEN day >= ? THEN scans ELSE 0 END) AS week, sum(scans) AS month "
        "FROM qr_scan_days WHERE deleted = 0 AND day >= ? GROUP BY code",
        (week, month),
    )
    return {row["code"]: (int(row["week"] or 0), int(row["month"] or 0)) for row in rows}


def list_links(store: Store, *, include_retired: bool = True, today: date | None = None) -> list[LiveLink]:
    """The branch's printed live codes (and the district's for its lessons), newest first."""
    base = public_base(store)
    scans = _scans(store, today or date.today())
    rows = store.query(
        "SELECT q.*, l.title AS lesson_title, l.version AS lesson_version, l.rev AS lesson_rev, "
        "l.synced_rev AS lesson_synced_rev FROM qr_links q LEFT JOIN lessons l ON l.id = q.lesson_id "
        "WHERE q.deleted = 0 ORDER BY q.retired_at IS NOT NULL, q.created_date DESC, q.rev DESC"
    )
    links = []
    for row in rows:
        if row["retired_at"] and not include_retired:
            continue
        own_lesson_dirty = row["lesson_version"] is not None and (
            row["lesson_version"] == 0 or row["lesson_rev"] > row["lesson_synced_rev"]
        )
        synced = row["version"] > 0 and row["rev"] == row["synced_rev"] and not own_lesson_dirty
        week, month = scans.get(row["code"], (0, 0))
        if row["target_kind"] == "lesson":
            shown = row["lesson_title"] or "（课程已删除）"
        else:
            shown = row["target_title"] or row["target_url"] or ""
        links.append(LiveLink(
            id=row["id"], code=row["code"], kind=row["target_kind"], lesson_id=row["lesson_id"], target=shown,
            target_url=row["target_url"], label=row["label"] or "", created_date=row["created_date"],
            retired=row["retired_at"] is not None, synced=synced, scans_7d=week, scans_30d=month,
            url=live_url(base, row["code"]) if base else None,
        ))
    return links


def _own_link(store: Store, code: str) -> dict[str, Any]:
    clean = normalize(code)
    row = store.get("qr_links", link_id(clean)) if clean else None
    if row is None or row["deleted"]:
        raise QrError(f"没有短码为「{code.strip()}」的活码。", "请用 qr-links list 查看本支部的活码。")
    if row["branch_id"] != store.branch_id:
        raise QrError(f"活码 {spaced(row['code'])} 是区里制作的，支部不能修改。", "")
    return row


def retire_link(store: Store, code: str) -> bool:
    """Stop a code: after the next sync, scanning it says 已停用. Returns False when it already was."""
    row = _own_link(store, code)
    if row["retired_at"]:
        return False
    store.update("qr_links", row["id"], {"retired_at": store.now()}, audit=f"停用活码 {row['code']}")
    return True


def retarget_link(store: Store, code: str, lesson_id: str) -> None:
    """Point a printed lesson code at another lesson (no reprint needed)."""
    row = _own_link(store, code)
    if row["retired_at"]:
        raise QrError(f"活码 {spaced(row['code'])} 已停用，不能再改去向。", "请重新打印一个活码。")
    if row["target_kind"] != "lesson":
        raise QrError(f"活码 {spaced(row['code'])} 不是微党课的二维码。", "只有微党课的活码可以改指向另一节课。")
    lesson = store.get("lessons", lesson_id)
    if lesson is None or lesson["deleted"]:
        raise QrError("找不到要指向的微党课。", "请在微党课目录中查看。")
    if not (lesson["video_url"] or "").strip():
        raise QrError(f"微党课「{lesson['title']}」没有视频链接。", "请先为它填写视频链接。")
    store.update("qr_links", row["id"], {"lesson_id": lesson_id},
                 audit=f"活码 {row['code']} 改为指向「{lesson['title']}」")


def scans_by_lesson(store: Store, start: str | None = None, end: str | None = None) -> dict[str, int]:
    """Scans of live codes per lesson (the lesson a code led to on the day), between two ISO days."""
    rows = store.query(
        "SELECT lesson_id, sum(scans) AS n FROM qr_scan_days WHERE deleted = 0 AND lesson_id IS NOT NULL "
        "AND day >= ? AND day <= ? GROUP BY lesson_id",
        (start or "0000-00-00", end or "9999-12-31"),
    )
    return {row["lesson_id"]: int(row["n"] or 0) for row in rows}
