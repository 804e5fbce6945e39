"""The dashboard's HTML: plain server-rendered pages in Chinese, no JavaScript, the CSS inline.

Every value that reaches a page goes through ``esc`` (branch, member and device names come from
people). Tables carry an ``id`` (``branches``, ``lessons``, ``coverage``, ``pairing``, ``devices``,
``figures``, ``conflicts``) so that tests and people's scripts can find them.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

from core.pairing.fields import STALE_DAYS
from core.sync.describe import describe_record, field_label, spoken_value, table_label
from server.dashboard_data import (
    RECENT_DAYS,
    STALE_SYNC_DAYS,
    BranchFigures,
    Coverage,
    Figures,
    Lookup,
    china_time,
    decode_value,
    sync_is_stale,
)

OVERVIEW_LESSONS = 6  # lesson columns in the overview's coverage table (newest first)
RESOLUTIONS = {None: "未处理", "kept": "已确认保留当前值", "restored": "已改回未采用的值"}

CSS = """
body { font-family: "Microsoft YaHei", "WenQuanYi Micro Hei", "PingFang SC", "Noto Sans CJK SC", sans-serif;
       font-size: 18px; line-height: 1.5; color: #222; background: #f7f7f5; margin: 0; }
header { background: #a8201a; color: #fff; padding: 12px 24px; display: flex; align-items: center;
         flex-wrap: wrap; gap: 8px 24px; }
header .title { font-size: 22px; font-weight: bold; }
header nav a { color: #fff; margin-right: 18px; text-decoration: none; font-size: 19px; }
header nav a:hover { text-decoration: underline; }
header form { margin: 0 0 0 auto; }
header button { font-size: 17px; padding: 5px 16px; cursor: pointer; }
main { padding: 8px 24px 40px; }
h1 { font-size: 26px; margin: 16px 0 4px; }
h2 { font-size: 22px; margin: 30px 0 8px; border-left: 6px solid #a8201a; padding-left: 10px; }
p.note { color: #555; margin: 4px 0 10px; font-size: 16px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; background: #fff; margin: 4px 0 8px; }
th, td { border: 1px solid #c8c8c8; padding: 6px 12px; text-align: left; vertical-align: top; }
th { background: #eeeae4; font-weight: bold; white-space: nowrap; }
.t { white-space: nowrap; }
th small, td small { display: block; font-weight: normal; color: #555; font-size: 15px; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; background: #f3f0ea; }
tbody tr:nth-child(even) td { background: #fafaf8; }
td.old, tr.total td.old, tbody tr:nth-child(even) td.old { background: #fde3cc; color: #7a3100; }
td.low, tr.total td.low, tbody tr:nth-child(even) td.low { background: #f6cfcf; }
td.mid, tr.total td.mid, tbody tr:nth-child(even) td.mid { background: #fcefc0; }
td.high, tr.total td.high, tbody tr:nth-child(even) td.high { background: #d3ecd3; }
th.lesson { white-space: normal; min-width: 7em; max-width: 11em; }
td.name { white-space: nowrap; }
td.none { color: #888; }
.tag { display: inline-block; font-size: 14px; padding: 0 6px; border-radius: 4px; background: #7a3100;
       color: #fff; margin-left: 4px; }
.muted { color: #777; }
a { color: #0b4f9c; }
"""


def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _td(text: Any, cls: str = "", raw: bool = False) -> str:
    shown = str(text) if raw else esc(text)
    return f'<td class="{cls}">{shown}</td>' if cls else f"<td>{shown}</td>"


def _num(value: int, highlight: bool = False) -> str:
    return _td(value, "n old" if highlight and value else "n")


def _table(table_id: str, head: Sequence[str], rows: Iterable[str], foot: str = "",
           classes: Sequence[str] = ()) -> str:
    """``head`` cells are HTML (callers escape what they put in); ``classes`` per header cell."""
    classes = list(classes) or [""] * len(head)
    cells = "".join(f'<th class="{cls}">{cell}</th>' if cls else f"<th>{cell}</th>" for cell, cls in zip(head, classes, strict=True))
    body = "".join(rows) or f'<tr><td colspan="{len(head)}" class="muted">（暂无）</td></tr>'
    return (f'<div class="scroll"><table id="{table_id}"><thead><tr>{cells}</tr></thead>'
            f"<tbody>{body}</tbody>{foot}</table></div>")


def layout(title: str, district: str, body: str, now: datetime) -> str:
    return f"""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)} · {esc(district)}</title><style>{CSS}</style></head>
<body><header><span class="title">{esc(district)} · 支部工作台管理后台</span>
<nav><a href="/admin/">总览</a><a href="/admin/conflicts">同步冲突</a></nav>
<form method="post" action="/admin/logout"><button type="submit">退出登录</button></form></header>
<main>{body}
<p class="note">统计时间：{esc(now.strftime("%Y-%m-%d %H:%M"))}（北京时间）。数据来自各支部最近一次同步。</p>
</main></body></html>"""


def message_page(district: str, title: str, text: str, now: datetime) -> str:
    return layout(title, district, f"<h1>{esc(title)}</h1><p>{esc(text)}</p><p><a href=\"/admin/\">返回总览</a></p>", now)


def branch_link(branch_id: str, name: str) -> str:
    return f'<a href="/admin/branches/{quote(branch_id, safe="")}">{esc(name)}</a>'


def _sync_cell(stamp: str | None, now: datetime) -> str:
    if not stamp:
        return _td("从未同步", "old")
    if sync_is_stale(stamp, now):
        return _td(f'{esc(china_time(stamp))}<span class="tag">超过{STALE_SYNC_DAYS}天</span>', "t old", raw=True)
    return _td(china_time(stamp), "t")


def _coverage_cell(cover: Coverage) -> str:
    percent = cover.percent
    if percent is None:
        return _td("—", "n none")
    cls = "low" if percent < 50 else "mid" if percent < 80 else "high"
    return _td(f"{cover.studied}/{cover.expected} <b>{percent}%</b>", f"n {cls}", raw=True)


def _devices_text(branch: dict[str, Any]) -> str:
    active = sum(1 for device in branch["devices"] if not device["revoked"])
    revoked = len(branch["devices"]) - active
    return f"{active}（停用{revoked}）" if revoked else str(active)


def _branch_name_cell(branch: dict[str, Any]) -> str:
    mark = '<span class="tag">已停用</span>' if branch["revoked"] else ""
    return _td(branch_link(branch["branch_id"], branch["name"]) + mark, "name", raw=True)


def _lesson_head(lesson: Any) -> str:
    archived = "（已停用）" if lesson.archived else ""
    return f"{esc(lesson.title)}{archived}<small>{esc(lesson.published_date or '未注明日期')}</small>"


# -- the overview --------------------------------------------------------------------------------


def _summary_row(first: str, figures: BranchFigures, devices: str, sync: str) -> str:
    return (f"{first}{devices}{sync}{_num(figures.members)}{_num(figures.expected)}"
            f"{_num(figures.study_records)}{_num(figures.pairings)}{_num(figures.recent_visits)}"
            f"{_num(figures.open_conflicts, highlight=True)}")


def _summary_table(branches: list[dict[str, Any]], figures: Figures, now: datetime) -> str:
    head = ["支部", "设备", "最近同步", "党员数", "应学人数<small>正常+流动</small>",
            "学习记录数", "结对<small>进行中</small>", f"近{RECENT_DAYS}天走访", "未解决冲突"]
    rows = [
        "<tr>" + _summary_row(_branch_name_cell(b), figures.branch(b["branch_id"]), _td(_devices_text(b), "n"),
                              _sync_cell(b["last_sync_at"], now)) + "</tr>"
        for b in branches
    ]
    total = figures.totals(b["branch_id"] for b in branches)
    devices = sum(sum(1 for d in b["devices"] if not d["revoked"]) for b in branches)
    foot = ('<tfoot><tr class="total">'
            + _summary_row(_td(f"合计（{len(branches)} 个支部）"), total, _td(devices, "n"), _td(""))
            + "</tr></tfoot>")
    return _table("branches", head, rows, foot)


def _lessons_table(branches: list[dict[str, Any]], figures: Figures) -> str:
    ids = [b["branch_id"] for b in branches]
    rows = []
    for lesson in figures.lessons:
        total = figures.lesson_total(lesson.id, ids)
        done = sum(1 for b in ids if (cover := figures.coverage(b, lesson.id)).percent is not None
                   and cover.studied >= cover.expected)
        rows.append(f"<tr>{_td(lesson.title + ('（已停用）' if lesson.archived else ''))}"
                    f"{_td(lesson.published_date, 't')}{_coverage_cell(total)}{_td(done, 'n')}</tr>")
    return _table("lessons", ["微党课", "发布日期", "全区已学/应学", "已全部学完的支部数"], rows)


def _coverage_matrix(branches: list[dict[str, Any]], figures: Figures) -> str:
    lessons = figures.lessons[:OVERVIEW_LESSONS]
    head = ["支部", "应学人数", *(_lesson_head(lesson) for lesson in lessons)]
    classes = ["", "", *("lesson" for _ in lessons)]
    rows = [
        f"<tr>{_branch_name_cell(b)}{_num(figures.branch(b['branch_id']).expected)}"
        + "".join(_coverage_cell(figures.coverage(b["branch_id"], lesson.id)) for lesson in lessons) + "</tr>"
        for b in branches
    ]
    ids = [b["branch_id"] for b in branches]
    foot = ('<tfoot><tr class="total">' + _td("全区合计") + _num(figures.totals(ids).expected)
            + "".join(_coverage_cell(figures.lesson_total(lesson.id, ids)) for lesson in lessons)
            + "</tr></tfoot>")
    return _table("coverage", head, rows, foot, classes)


def _pairing_row(first: str, figures: BranchFigures) -> str:
    return (f"{first}{_num(figures.elders)}{_num(figures.helpers)}{_num(figures.pairings)}"
            f"{_num(figures.recent_visits)}{_num(figures.stale_elders, highlight=True)}")


def _pairing_table(branches: list[dict[str, Any]], figures: Figures) -> str:
    head = ["支部", "结对老人", "帮扶人", "结对数", f"近{RECENT_DAYS}天走访", f"超过{STALE_DAYS}天未走访的老人"]
    rows = ["<tr>" + _pairing_row(_branch_name_cell(b), figures.branch(b["branch_id"])) + "</tr>" for b in branches]
    total = figures.totals(b["branch_id"] for b in branches)
    foot = '<tfoot><tr class="total">' + _pairing_row(_td("合计"), total) + "</tr></tfoot>"
    return _table("pairing", head, rows, foot)


def overview_page(district: str, branches: list[dict[str, Any]], figures: Figures, now: datetime) -> str:
    more = (f"只列出最近 {OVERVIEW_LESSONS} 课；每个支部的页面列出全部微党课。"
            if len(figures.lessons) > OVERVIEW_LESSONS else "")
    body = f"""<h1>全区总览</h1>
<h2>各支部概况</h2>
<p class="note">最近同步超过 {STALE_SYNC_DAYS} 天或从未同步的支部标为橙色。点支部名称查看详情。</p>
{_summary_table(branches, figures, now)}
<h2>微党课学习情况（区里发布的微党课）</h2>
<p class="note">已学人数：状态为“正常”或“流动”的党员中有学习记录的人数（作废的记录不算）。低于 50% 为红色，50%–79% 为黄色，80% 及以上为绿色。</p>
{_lessons_table(branches, figures)}
<p class="note">各支部学习覆盖情况。{more}</p>
{_coverage_matrix(branches, figures)}
<h2>结对帮扶进展</h2>
<p class="note">只统计进行中的结对。“超过{STALE_DAYS}天未走访”：最近一次走访（没有走访时为结对日期）距今超过 {STALE_DAYS} 天。</p>
{_pairing_table(branches, figures)}"""
    return layout("总览", district, body, now)


# -- conflicts -----------------------------------------------------------------------------------


def show_value(field: str, raw: Any, lookup: Lookup) -> str:
    """A conflict's stored value (JSON text) as a person would say it."""
    return spoken_value(field, decode_value(raw), lookup.name_of)


def describe_conflict_record(table: str, record_id: str, lookup: Lookup) -> str:
    """“党员 张三”, “学习记录 张三《第1讲》2026-11-20”, … (the table and id when unknown)."""
    row = lookup.rows.get((table, record_id))
    if row is None:
        return f"{table_label(table)}（{record_id}）"
    return describe_record(table, row, lookup.name_of, record_id)


def conflicts_table(conflicts: list[dict[str, Any]], lookup: Lookup, with_branch: bool, with_state: bool) -> str:
    head = ["发生时间", *(["支部"] if with_branch else []), "哪条记录", "字段", "保留的值（较新）", "未采用的值",
            "未采用的值来自", "两边的修改时间", *(["处理情况"] if with_state else [])]
    rows = []
    for c in conflicts:
        table, field = str(c.get("table_name")), str(c.get("field"))
        cells = [_td(china_time(c.get("updated_at")), "t")]
        if with_branch:
            cells.append(_td(branch_link(c["branch_id"], c.get("branch_name") or c["branch_id"]), raw=True))
        times = (f"保留：{esc(china_time(c.get('kept_updated_at')) or '不详')}<br>"
                 f"未采用：{esc(china_time(c.get('lost_updated_at')) or '不详')}")
        cells += [_td(describe_conflict_record(table, str(c.get("record_id")), lookup)), _td(field_label(table, field), "t"),
                  _td(show_value(field, c.get("kept_value"), lookup)), _td(show_value(field, c.get("lost_value"), lookup)),
                  _td(c.get("lost_device") or "不详"), _td(times, "t", raw=True)]
        if with_state:
            state = RESOLUTIONS.get(c.get("resolution"), str(c.get("resolution")))
            by = " ".join(x for x in (str(c.get("resolved_by") or ""), china_time(c.get("resolved_at"))) if x)
            cells.append(_td(state + (f"（{by}）" if by and c.get("resolution") else "")))
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return _table("conflicts", head, rows)


def conflicts_page(district: str, conflicts: list[dict[str, Any]], lookup: Lookup, show_all: bool,
                   now: datetime, limit: int) -> str:
    switch = ('<a href="/admin/conflicts">只看未处理的</a>' if show_all
              else '<a href="/admin/conflicts?all=1">也显示已处理的</a>')
    title = "全部同步冲突" if show_all else "未处理的同步冲突"
    capped = f"（只显示最新 {limit} 条）" if len(conflicts) >= limit else ""
    body = f"""<h1>{title}：{len(conflicts)} 条{capped}</h1>
<p class="note">同一条记录的同一字段在两台电脑上都被修改时，保留较新的修改，另一个值记在这里。由支部在支部工作台的“同步”页面确认或改回。{switch}</p>
{conflicts_table(conflicts, lookup, with_branch=True, with_state=show_all)}"""
    return layout(title, district, body, now)


# -- one branch ----------------------------------------------------------------------------------


def _devices_table(branch: dict[str, Any], now: datetime) -> str:
    rows = [
        f"<tr>{_td(d['name'])}{_td(china_time(d['created_at']), 't')}{_sync_cell(d['last_sync_at'], now)}"
        f"{_td('已停用' if d['revoked'] else '使用中', 'old' if d['revoked'] else '')}</tr>"
        for d in branch["devices"]
    ]
    return _table("devices", ["设备名称", "登记时间", "最近同步", "状态"], rows)


def _figures_table(own: BranchFigures) -> str:
    items = [("党员数", own.members, False), ("应学人数（正常+流动）", own.expected, False),
             ("学习记录数", own.study_records, False), ("结对（进行中）", own.pairings, False),
             ("结对老人", own.elders, False), ("帮扶人", own.helpers, False),
             (f"近{RECENT_DAYS}天走访", own.recent_visits, False),
             (f"超过{STALE_DAYS}天未走访的老人", own.stale_elders, True), ("未解决冲突", own.open_conflicts, True)]
    rows = [f"<tr>{_td(label)}{_num(value, highlight)}</tr>" for label, value, highlight in items]
    return _table("figures", ["项目", "数量"], rows)


def branch_page(district: str, branch: dict[str, Any], figures: Figures, conflicts: list[dict[str, Any]],
                lookup: Lookup, now: datetime) -> str:
    branch_id = branch["branch_id"]
    rows = [
        f"<tr>{_td(lesson.title + ('（已停用）' if lesson.archived else ''))}{_td(lesson.published_date)}"
        f"{_coverage_cell(figures.coverage(branch_id, lesson.id))}</tr>"
        for lesson in figures.lessons
    ]
    state = '<span class="tag">已停用</span>' if branch["revoked"] else ""
    body = f"""<h1>{esc(branch["name"])}{state}</h1>
<p class="note">支部编号 {esc(branch_id)}，加入时间 {esc(china_time(branch["created_at"]))}。<a href="/admin/">返回总览</a></p>
<h2>设备</h2>
{_devices_table(branch, now)}
<h2>概况</h2>
{_figures_table(figures.branch(branch_id))}
<h2>微党课学习情况</h2>
{_table("coverage", ["微党课", "发布日期", "已学/应学"], rows)}
<h2>未处理的同步冲突</h2>
{conflicts_table(conflicts, lookup, with_branch=False, with_state=False)}"""
    return layout(str(branch["name"]), district, body, now)
