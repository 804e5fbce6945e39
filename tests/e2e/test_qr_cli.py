"""The poster and accounts commands as scripts use them: JSON on stdout, exit codes, the written PDF
decoded page by page, refusals in Chinese, and a failed check that removes the file."""

from __future__ import annotations

import io
import json
from collections import Counter
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from core.cli import main
from core.qr.verify import decode_pages
from tests.e2e.run_cli import as_json, cli
from tests.pdf_reading import assert_fonts_embedded, page_texts

ACCOUNT_URL = "http://weixin.qq.com/r/HeDongCun2026"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "b.db"
    for i in range(1, 14):
        cli("--db", path, "lessons", "add", "--title", f"微党课第{i}讲", "--speaker", "张建国", "--minutes", "20",
            "--url", f"https://dj.example.cn/v/{i}", "--published", f"2026-10-{i:02d}")
    cli("--db", path, "lessons", "add", "--title", "没有链接的课")
    cli("--db", path, "accounts", "add", "--name", "河东村党支部", "--url", ACCOUNT_URL)
    return path


def test_accounts_add_list_update_and_remove(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    added = as_json(cli("--db", db, "accounts", "add", "--name", "柳林镇党委", "--url", "https://mp.weixin.qq.com/a",
                        "--json"))
    assert added == {"name": "柳林镇党委", "url": "https://mp.weixin.qq.com/a", "replaced": False}
    changed = cli("--db", db, "accounts", "add", "--name", "柳林镇党委", "--url", "http://weixin.qq.com/r/b")
    assert "已更新公众号「柳林镇党委」" in changed.stdout
    listed = as_json(cli("--db", db, "accounts", "list", "--json"))
    assert listed == {"count": 1, "accounts": [{"name": "柳林镇党委", "url": "http://weixin.qq.com/r/b"}]}
    bad = cli("--db", db, "accounts", "add", "--name", "坏", "--url", "weixin.qq.com", "--json", check_code=1)
    assert "不是有效的网址" in as_json(bad)["error"]
    assert as_json(cli("--db", db, "accounts", "remove", "柳林镇党委", "--json")) == {"removed": "柳林镇党委"}
    gone = cli("--db", db, "accounts", "remove", "柳林镇党委", check_code=1)
    assert "没有名为「柳林镇党委」的公众号" in gone.stderr
    assert as_json(cli("--db", db, "accounts", "list", "--json"))["count"] == 0


def test_a_table_stand_with_an_account_and_a_lesson(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "摆台.pdf"
    done = cli("--db", db, "poster", "--account", "河东村党支部", "--lesson", "微党课第3讲", "--layout", "tent",
               "-o", out, "--json")
    data = as_json(done)
    assert data == {"pages": 1, "verified": True, "codes": [
        {"page": 1, "payload": ACCOUNT_URL}, {"page": 1, "payload": "https://dj.example.cn/v/3"}],
        "live": False, "short_codes": [], "not_synced": []}
    assert Counter(decode_pages(out)[0]) == Counter([ACCOUNT_URL, "https://dj.example.cn/v/3"])
    assert "河东村党支部" in page_texts(out)[0] and "微党课第3讲" in page_texts(out)[0]
    assert_fonts_embedded(out)
    # In the other order the faces swap: the lesson below, the account above.
    swapped = as_json(cli("--db", db, "poster", "--lesson", "微党课第3讲", "--account", "河东村党支部",
                          "--layout", "tent", "-o", out, "--json"))
    assert [c["payload"] for c in swapped["codes"]] == ["https://dj.example.cn/v/3", ACCOUNT_URL]


def test_all_lessons_on_labels_and_the_text_output(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    done = cli("--db", db, "poster", "--all-lessons", "--layout", "labels-3x4", "-o", out)
    assert "3×4 标签已保存到" in done.stdout and "（2 页，13 个二维码）" in done.stdout
    assert "已核验：13 个二维码均可识别" in done.stdout
    decoded = decode_pages(out)
    assert [len(page) for page in decoded] == [12, 1]
    assert sorted(p for page in decoded for p in page) == sorted(f"https://dj.example.cn/v/{i}" for i in range(1, 14))


def test_a_url_with_a_title_and_a_logo(db: Path, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((2, 2, 62, 62), fill=(200, 16, 16, 255))
    image.save(logo)
    out = tmp_path / "wifi.pdf"
    data = as_json(cli("--db", db, "poster", "--url", "WIFI:S:河东村村部;T:WPA;P:hedong2026;;", "--title", "村部无线网",
                       "--layout", "poster-a3", "--logo", logo, "-o", out, "--json"))
    assert data["codes"] == [{"page": 1, "payload": "WIFI:S:河东村村部;T:WPA;P:hedong2026;;"}] and data["verified"]
    assert "村部无线网" in page_texts(out)[0]
    unverified = as_json(cli("--db", db, "poster", "--url", "https://dj.example.cn/x", "--layout", "poster-a4",
                             "--no-verify", "-o", out, "--json"))
    assert unverified["verified"] is False and decode_pages(out) == [["https://dj.example.cn/x"]]


def test_refusals_exit_1_or_2_in_chinese(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    no_url = cli("--db", db, "poster", "--lesson", "没有链接的课", "--layout", "poster-a4", "-o", out, "--json",
                 check_code=1)
    assert "微党课「没有链接的课」没有视频链接" in as_json(no_url)["error"]
    long_url = "https://dj.example.cn/v/1?" + "&".join(f"key{i}=value{i}" for i in range(30))
    small = cli("--db", db, "poster", "--url", long_url, "--layout", "labels-4x6", "-o", out, check_code=1)
    assert "手机难以识别。请改用 3×4 标签或 A4 海报" in small.stderr
    unknown = cli("--db", db, "poster", "--account", "不存在", "--layout", "tent", "-o", out, check_code=1)
    assert "没有名为「不存在」的公众号" in unknown.stderr
    missing_logo = cli("--db", db, "poster", "--lesson", "微党课第1讲", "--layout", "tent", "--logo",
                       tmp_path / "none.png", "-o", out, check_code=1)
    assert "找不到标志图片" in missing_logo.stderr
    assert not out.exists()
    assert "请至少指定一个二维码" in cli("--db", db, "poster", "--layout", "tent", "-o", out, check_code=2).stderr
    cli("--db", db, "poster", "--lesson", "微党课第1讲", "--layout", "poster-a5", "-o", out, check_code=2)
    cli("--db", db, "poster", "--lesson", "微党课第1讲", "--layout", "tent", check_code=2)  # no -o
    two_titles = cli("--db", db, "poster", "--lesson", "微党课第1讲", "--lesson", "微党课第2讲", "--title", "标题",
                     "--layout", "tent", "-o", out, check_code=2)
    assert "--title" in two_titles.stderr
    assert not out.exists()


def test_a_failed_check_exits_1_and_removes_the_file(db: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # A printer-driver-like fault is simulated by a reader that cannot find the second code.
    import core.qr.verify as verify

    real = verify.decode_pages
    monkeypatch.setattr(verify, "decode_pages", lambda path, dpi=150: [page[:1] for page in real(path, dpi)])
    out = tmp_path / "tent.pdf"
    stdout, stderr = io.StringIO(), io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(["--db", str(db), "poster", "--account", "河东村党支部", "--lesson", "微党课第2讲",
                     "--layout", "tent", "-o", str(out), "--json"])
    assert code == 1
    assert not out.exists()
    error = json.loads(stdout.getvalue())["error"]
    assert error.startswith("核验未通过：第 1 页的二维码「") and "无法识别" in error and "文件已删除" in error
