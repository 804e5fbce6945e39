"""The printed pairing list and progress card, read back from real PDF files: every active pair exactly
once and no ended one, the header on every page, the font embedded, the card's skills and visits."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import accumulate
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from core.pairing.pairing_list import COLUMN_WIDTHS, TITLES, write_pairing_list
from core.pairing.pairings import PairingRequest, add_pairing, end_pairing, list_pairings
from core.pairing.progress_card import write_progress_card
from core.pairing.rules import PairingError, PairingRules, save_rules
from core.pairing.skills import list_skills
from core.pairing.suggestions import accept_suggestions, suggest_pairings
from core.pairing.visits import VisitEntry, record_visit
from core.pdf.fonts import register_pdf_font
from core.pdf.paper import MARGIN
from core.profile import BranchProfile, set_profile
from core.roster.members import add_member
from core.store import Store
from tests.pairing_branch import make_pairing_branch
from tests.pdf_reading import assert_fonts_embedded, page_pieces, page_texts
from tests.support import TODAY

BRANCH = "河东村党支部"


@pytest.fixture
def branch(store: Store) -> dict[str, str]:
    """The fixture branch with the suggestions accepted (青一: 老甲 老乙; 青二: 老丙 老丁), then 青二's
    pairing with 老丁 ended and 老丁 given to 青一; one visit of 青一 to 老甲 with a lesson watched."""
    ids = make_pairing_branch(store)
    set_profile(store, BranchProfile(BRANCH))
    accept_suggestions(store, suggest_pairings(store, TODAY).suggestions, "2026-10-01", TODAY)
    ended = next(p for p in list_pairings(store) if p["elder_id"] == ids["e4"])
    assert ended["helper_id"] == ids["h2"]
    end_pairing(store, ended["id"], "2026-11-10", "换一名同村的帮扶人", TODAY)
    add_pairing(store, PairingRequest(ids["h1"], ids["e4"], "2026-11-10"), TODAY)
    skills = {s["name"]: s["id"] for s in list_skills(store)}
    record_visit(store, VisitEntry(
        ids["e1"], "2026-11-20", minutes=45, skill_ids=[skills["扫一扫"]], lesson_id=ids["L1"],
        note="学会了扫码看视频", levels={skills["观看微党课视频"]: "independent", skills["扫一扫"]: "assisted"},
    ), TODAY)
    return ids


def pair_rows(path: Path) -> list[dict[str, str]]:
    """The pair rows, column title → the text level with a row number in the first column (single-line
    cells), each piece of text put in the column its left edge lies in."""
    edges = list(accumulate(COLUMN_WIDTHS, initial=MARGIN))
    rows = []
    for pieces in page_pieces(path):
        for left, bottom, _, top, text in pieces:
            if left < edges[1] and text.isdigit():
                row = dict.fromkeys(TITLES, "")
                for piece in sorted(p for p in pieces if bottom - 2 <= (p[1] + p[3]) / 2 <= top + 2):
                    column = bisect_right(edges, piece[0]) - 1
                    row[TITLES[column]] += piece[4]
                rows.append(row)
    rows.sort(key=lambda row: int(row["序号"]))
    return rows


def assert_in_font(*paths: Path) -> None:
    glyphs = pdfmetrics.getFont(register_pdf_font()).face.charToGlyph
    printed = set("".join(text for path in paths for text in page_texts(path))) - set(" \r\n\t\u3000")
    assert not sorted(ch for ch in printed if ord(ch) not in glyphs)


def test_the_list_has_every_active_pair_once_and_no_ended_one(store: Store, branch: dict[str, str],
                                                               tmp_path: Path) -> None:
    out = tmp_path / "结对名单.pdf"
    assert write_pairing_list(store, out, TODAY) == 1
    rows = pair_rows(out)
    assert [int(r["序号"]) for r in rows] == [1, 2, 3, 4]
    pairs = Counter((r["帮扶人"], r["老人"]) for r in rows)
    assert pairs == Counter({("青一", "老甲"): 1, ("青一", "老乙"): 1, ("青一", "老丁"): 1, ("青二", "老丙"): 1})
    assert ("青二", "老丁") not in pairs  # ended on 2026-11-10
    assert {r["老人"]: (r["年龄"], r["村"], r["结对日期"]) for r in rows} == {
        "老甲": ("86", "东村", "2026-10-01"), "老乙": ("78", "东村", "2026-10-01"),
        "老丙": ("76", "西村", "2026-10-01"), "老丁": ("71", "东村", "2026-11-10"),
    }
    assert [r["最近走访"] for r in rows if r["老人"] == "老甲"] == ["2026-11-20"]
    (text,) = page_texts(out)
    for part in ("结对帮扶名单", BRANCH, "2026年11月22日", "一组（2 对）", "二组（2 对）", "帮扶人电话", "最近走访",
                 "2026-11-20", "第 1 页 / 共 1 页"):
        assert part in text
    # 老乙 and 老丙 (paired 2026-10-01, never visited) are overdue; 老甲 was visited, 老丁 paired anew.
    assert "结对 4 对" in text and "帮扶人 2 人" in text and "超过30天未走访 2 对" in text
    assert text.count("超过30天") == 2 + 1
    assert_fonts_embedded(out)
    assert_in_font(out)


def test_no_active_pairing_is_refused(store: Store, tmp_path: Path) -> None:
    make_pairing_branch(store)
    out = tmp_path / "list.pdf"
    with pytest.raises(PairingError, match="还没有结对"):
        write_pairing_list(store, out, TODAY)
    assert not out.exists()


SURNAMES = "王李张刘陈杨赵黄周吴徐孙"
GIVEN = "秀英桂兰玉珍凤霞建国志强"


def test_a_long_list_repeats_the_header_on_every_page(store: Store, tmp_path: Path) -> None:
    set_profile(store, BranchProfile(BRANCH))
    save_rules(store, PairingRules(capacity=3))
    elders, helpers = [], []
    for n in range(120):
        name = SURNAMES[n % 12] + GIVEN[n // 12] + "老"
        group, village = f"第{'一二三四'[n % 4]}党小组", f"{'东西南北'[n % 4]}村"
        add_member(store, {"name": name, "group": group, "village": village, "birth_date": "1945-01-01",
                           "wechat": "老年机", "phone": f"1390000{n:04d}"}, TODAY)
        elders.append((name, f"1390000{n:04d}"))
    for n in range(40):
        name = SURNAMES[n % 12] + GIVEN[n // 12] + "青"
        group, village = f"第{'一二三四'[n % 4]}党小组", f"{'东西南北'[n % 4]}村"
        add_member(store, {"name": name, "group": group, "village": village, "birth_date": "1990-01-01",
                           "wechat": "会用微信", "phone": f"1380000{n:04d}"}, TODAY)
        helpers.append((name, f"1380000{n:04d}"))
    found = suggest_pairings(store, TODAY)
    assert len(found.suggestions) == 120 and found.unpaired_elders == 0
    accept_suggestions(store, found.suggestions, "2026-11-01", TODAY)

    out = tmp_path / "long.pdf"
    pages = write_pairing_list(store, out, TODAY)
    texts = page_texts(out)
    assert pages == len(texts) > 1
    for number, text in enumerate(texts, start=1):
        for part in ("结对帮扶名单", BRANCH, "2026年11月22日", "序号", "帮扶人电话", "老人电话", "结对日期",
                     "结对 120 对", "帮扶人 40 人", f"第 {number} 页 / 共 {pages} 页"):
            assert part in text, f"page {number}: {part}"
    rows = pair_rows(out)
    assert [int(r["序号"]) for r in rows] == list(range(1, 121))
    assert Counter((r["老人"], r["老人电话"]) for r in rows) == Counter(elders)
    assert Counter((r["帮扶人"], r["帮扶人电话"]) for r in rows) == Counter({helper: 3 for helper in helpers})
    assert "".join(texts).count("超过30天") == pages  # only the footer's count: paired three weeks ago
    assert_fonts_embedded(out)


def test_the_progress_card_shows_the_elder_the_helper_every_skill_and_the_visit(
    store: Store, branch: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "进度卡.pdf"
    assert write_progress_card(store, out, branch["e1"], TODAY) == 1
    (text,) = page_texts(out)
    for part in ("结对帮扶进度卡", BRANCH, "老甲", "86 岁", "一组", "东村", "无手机", "青一", "2026-10-01",
                 "未学", "教过", "协助可做", "独立完成", "2026-11-20", "45", "课一", "学会了扫码看视频",
                 "已能独立观看微党课", "下次走访记录", "帮扶人签名"):
        assert part in text, part
    for skill in list_skills(store):
        assert skill["name"] in text
    assert_fonts_embedded(out)
    assert_in_font(out)


def test_the_card_lists_only_the_last_ten_visits(store: Store, branch: dict[str, str], tmp_path: Path) -> None:
    for day in range(2, 14):
        record_visit(store, VisitEntry(branch["e2"], f"2026-10-{day:02d}", minutes=30), TODAY)
    out = tmp_path / "card.pdf"
    write_progress_card(store, out, branch["e2"], TODAY)
    whole = "".join(page_texts(out))
    assert "2026-10-13" in whole and "2026-10-04" in whole
    assert "2026-10-03" not in whole and "2026-10-02" not in whole


def test_an_unpaired_elder_gets_a_card_and_an_unknown_member_is_refused(
    store: Store, branch: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "card.pdf"
    write_progress_card(store, out, branch["x1"], TODAY)
    assert "尚未结对" in page_texts(out)[0]
    with pytest.raises(PairingError, match="找不到这名党员"):
        write_progress_card(store, tmp_path / "none.pdf", "no-such-member", TODAY)
    assert not (tmp_path / "none.pdf").exists()
