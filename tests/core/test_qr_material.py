"""Printed QR material read back the way a phone reads it: every page rendered (pypdfium2) and every
code decoded (zxing-cpp) — exactly the intended payloads on each page, none missing, none extra —
also after blur, noise and JPEG; the modules sampled from a render equal qrcode's matrix; quiet
zones stay white; the table stand's upper face is turned; refusals are Chinese; fonts embedded."""

from __future__ import annotations

import io
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import qrcode
import zxingcpp
from PIL import Image, ImageChops, ImageDraw, ImageFilter
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_M
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from core.cancel import Cancelled
from core.lessons.catalogue import add_lesson, archive_lesson
from core.pdf.fonts import register_pdf_font
from core.profile import BranchProfile, set_profile
from core.qr import QrError
from core.qr.codes import LOGO_SHARE, QUIET_MODULES, make_code
from core.qr.material import MaterialResult, write_material
from core.qr.targets import (
    QrTarget,
    account_target,
    all_lesson_targets,
    custom_target,
    lesson_target,
    list_accounts,
    remove_account,
    save_account,
)
from core.qr.verify import decode_image, decode_pages, render_pages, verify_material
from core.store import Store
from tests.pdf_reading import assert_fonts_embedded, page_texts

BRANCH = "河东村党支部"
STEPS_WORDS = ("打开微信", "点右上角", "扫一扫", "对准二维码")


def lessons(count: int) -> list[QrTarget]:
    return [QrTarget(f"https://dj.example.cn/lessons/v/{i:04d}", f"乡村振兴微党课第{i}讲", "lesson",
                     "主讲：张建国　时长：25 分钟") for i in range(1, count + 1)]


ACCOUNT = QrTarget("http://weixin.qq.com/r/mp/HeDongCun2026", "河东村党支部公众号", "account", "微信公众号")
LONG = QrTarget("https://dj.example.cn/lessons/v/0042?from=poster&campaign=2026-winter-study&ref=" + "x" * 80,
                "学习贯彻党的二十届三中全会精神专题微党课：进一步全面深化改革推进中国式现代化（第三讲）", "lesson",
                "主讲：欧阳振华　时长：45 分钟")


@pytest.fixture
def branch(store: Store) -> Store:
    set_profile(store, BranchProfile(BRANCH))
    return store


def make_logo(path: Path) -> Path:
    image = Image.new("RGBA", (120, 120), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 116, 116), fill=(200, 16, 16, 255))
    draw.rectangle((40, 40, 80, 80), fill=(255, 215, 0, 255))
    image.save(path)
    return path


def expected_pages(layout: str, targets: list[QrTarget]) -> list[Counter[str]]:
    """What each page must carry, worked out here, independently of the layouts' own plans."""
    payloads = [t.payload for t in targets]
    if layout.startswith("poster"):
        return [Counter([p]) for p in payloads]
    if layout == "tent":
        pairs = [payloads[i:i + 2] for i in range(0, len(payloads), 2)]
        return [Counter(pair if len(pair) == 2 else pair * 2) for pair in pairs]
    per_page = 12 if layout == "labels-3x4" else 24
    return [Counter(payloads[i:i + per_page]) for i in range(0, len(payloads), per_page)]


def assert_in_font(path: Path) -> None:
    glyphs = pdfmetrics.getFont(register_pdf_font()).face.charToGlyph
    printed = set("".join(page_texts(path))) - set(" \r\n\t\u3000")
    assert not sorted(ch for ch in printed if ord(ch) not in glyphs)


CASES = {
    "poster-a4": [ACCOUNT, *lessons(2)],
    "poster-a3": lessons(2),
    "tent": [ACCOUNT, *lessons(2)],  # page 1: account below, lesson 1 above; page 2: lesson 2 twice
    "labels-3x4": lessons(14),  # one full sheet and two labels on the next
    "labels-4x6": lessons(25),  # one full sheet and one label on the next
}


@pytest.mark.parametrize("layout", list(CASES))
def test_every_page_decodes_to_exactly_its_codes(branch: Store, tmp_path: Path, layout: str) -> None:
    targets = CASES[layout]
    out = tmp_path / f"{layout}.pdf"
    result = write_material(branch, layout, targets, out)
    want = expected_pages(layout, targets)
    assert result.pages == len(want) and result.level == "M"
    assert [Counter(p for page, p in result.codes if page == n) for n in range(1, result.pages + 1)] == want
    decoded = decode_pages(out, dpi=150)
    assert [Counter(page) for page in decoded] == want
    assert verify_material(out, result) == sum(sum(c.values()) for c in want)

    assert_fonts_embedded(out)
    assert_in_font(out)
    texts = page_texts(out)
    for number, page_targets in enumerate(want, start=1):
        text = texts[number - 1]
        titles = [t.title for t in targets if t.payload in page_targets]
        assert all(title in text for title in titles), (number, text)
        if not layout.startswith("labels"):
            assert BRANCH in text and all(word in text for word in STEPS_WORDS)


def test_the_steps_are_printed_in_big_type(branch: Store, tmp_path: Path) -> None:
    for layout in ("poster-a4", "tent"):
        out = tmp_path / f"{layout}.pdf"
        write_material(branch, layout, [ACCOUNT], out)
        textpage = pdfium.PdfDocument(out)[0].get_textpage()
        text = textpage.get_text_range()
        at = text.find("对准二维码")
        assert at >= 0
        assert pdfium_c.FPDFText_GetFontSize(textpage.raw, at) >= 20


def degrade(image: Image.Image) -> Image.Image:
    """A dim, shaky phone photo: blur, grain and heavy JPEG compression."""
    image = image.convert("L").filter(ImageFilter.GaussianBlur(radius=1))
    noise = Image.effect_noise(image.size, 24)
    image = ImageChops.add(image, noise, 1.0, -128)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=25)
    return Image.open(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("layout,count", [("poster-a4", 1), ("labels-3x4", 12)])
def test_a_degraded_render_still_decodes(branch: Store, tmp_path: Path, layout: str, count: int) -> None:
    targets = lessons(count)
    out = tmp_path / "m.pdf"
    write_material(branch, layout, targets, out)
    image = render_pages(out, dpi=150)[0]
    worse = degrade(image)
    assert ImageChops.difference(image.convert("L"), worse).getbbox() is not None  # really degraded
    assert Counter(decode_image(worse)) == Counter(t.payload for t in targets)


def reference_matrix(payload: str, level: int = ERROR_CORRECT_M) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=level, border=0)
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def sample_modules(image: Image.Image, x0: float, y0: float, x1: float, y1: float, n: int) -> list[list[bool]]:
    """Dark or light at each module's centre, in a code whose outer corners are (x0, y0) top left
    and (x1, y1) bottom right, in pixels."""
    grey = image.convert("L")
    step_x, step_y = (x1 - x0) / n, (y1 - y0) / n
    return [[grey.getpixel((int(x0 + (c + 0.5) * step_x), int(y0 + (r + 0.5) * step_y))) < 128
             for c in range(n)] for r in range(n)]


@pytest.mark.parametrize("layout", ["poster-a4", "labels-4x6", "tent"])
def test_the_printed_modules_are_qrcodes_matrix(branch: Store, tmp_path: Path, layout: str) -> None:
    targets = [QrTarget("https://dj.example.cn/lessons/v/0042?from=poster&branch=hd", "第42讲", "lesson")]
    out = tmp_path / "m.pdf"
    result = write_material(branch, layout, targets, out)
    dpi = 300
    image = render_pages(out, dpi=dpi)[0]
    height = image.height
    want = reference_matrix(targets[0].payload)
    to_px = dpi / 72
    for placed in result.placements:
        assert placed.modules == len(want)
        x0, top = placed.x * to_px, height - (placed.y + placed.side) * to_px
        side = placed.side * to_px
        sampled = sample_modules(image, x0, top, x0 + side, top + side, len(want))
        if placed.turned:  # the upper face of a table stand
            sampled = [row[::-1] for row in sampled[::-1]]
        assert sampled == want
    assert [p.turned for p in result.placements] == ([False, True] if layout == "tent" else [False])
    # zxing finds each code where the layout says it drew it
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert len(found) == len(result.placements)
    for placed in result.placements:
        module = placed.side * to_px / placed.modules
        corners = {(round(p.x / module), round(p.y / module))
                   for r in found for p in (r.position.top_left, r.position.bottom_right)}
        left, top = placed.x * to_px, height - (placed.y + placed.side) * to_px
        assert (round(left / module), round(top / module)) in corners or \
               (round((left + placed.side * to_px) / module), round((top + placed.side * to_px) / module)) in corners


@pytest.mark.parametrize("layout", ["poster-a4", "poster-a3", "tent", "labels-3x4", "labels-4x6"])
def test_quiet_zones_are_white(branch: Store, tmp_path: Path, layout: str) -> None:
    targets = lessons(24) if layout.startswith("labels") else [LONG, ACCOUNT]
    out = tmp_path / "m.pdf"
    result = write_material(branch, layout, targets, out)  # long titles and captions too
    dpi = 100
    image = render_pages(out, dpi=dpi)[0].convert("L")
    to_px = dpi / 72
    for placed in [p for p in result.placements if p.page == 1]:
        margin = QUIET_MODULES * placed.side / placed.modules
        left = round((placed.x - margin) * to_px) + 1
        right = round((placed.x + placed.side + margin) * to_px) - 1
        top = round(image.height - (placed.y + placed.side + margin) * to_px) + 1
        bottom = round(image.height - (placed.y - margin) * to_px) - 1
        inner = (round(placed.x * to_px) - 1, round(image.height - (placed.y + placed.side) * to_px) - 1,
                 round((placed.x + placed.side) * to_px) + 1, round(image.height - placed.y * to_px) + 1)
        ring = image.crop((left, top, right, bottom))
        ring.paste(255, (inner[0] - left, inner[1] - top, inner[2] - left, inner[3] - top))
        assert ring.getextrema()[0] > 235, (placed.payload, ring.getextrema())


def test_a_code_too_small_to_scan_is_refused_in_chinese(branch: Store, tmp_path: Path) -> None:
    long_url = "https://dj.example.cn/lessons/v/0001?" + "&".join(f"key{i}=value{i}" for i in range(30))
    out = tmp_path / "labels.pdf"
    with pytest.raises(QrError, match=r"二维码每格只有 0\.\d\d 毫米，手机难以识别。请改用 3×4 标签或 A4 海报"):
        write_material(branch, "labels-4x6", [QrTarget(long_url, "长链接")], out)
    assert not out.exists()
    # the suggested layout takes it
    result = write_material(branch, "labels-3x4", [QrTarget(long_url, "长链接")], out)
    assert decode_pages(out) == [[long_url]] and result.pages == 1


def test_empty_and_overlong_payloads_are_refused(branch: Store, tmp_path: Path) -> None:
    with pytest.raises(QrError, match="不能为空"):
        write_material(branch, "poster-a4", [QrTarget("  ", "空")], tmp_path / "a.pdf")
    with pytest.raises(QrError, match="内容太长（3000 个字符），一个二维码放不下"):
        make_code("x" * 3000)
    with pytest.raises(QrError, match="或不加标志"):
        make_code("https://dj.example.cn/" + "a" * 1500, with_logo=True)
    with pytest.raises(QrError, match="没有要打印的二维码"):
        write_material(branch, "tent", [], tmp_path / "a.pdf")
    with pytest.raises(QrError, match="没有「poster-a5」这种版式"):
        write_material(branch, "poster-a5", [ACCOUNT], tmp_path / "a.pdf")
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp"))


def test_with_a_logo_the_code_uses_h_and_still_decodes(branch: Store, tmp_path: Path) -> None:
    logo = make_logo(tmp_path / "logo.png")
    out = tmp_path / "logo.pdf"
    target = lessons(1)[0]
    result = write_material(branch, "poster-a4", [target], out, logo=logo)
    assert result.level == "H"
    image = render_pages(out, dpi=150)[0]
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [(r.text, r.ec_level) for r in found] == [(target.payload, "H")]
    assert len(result.placements[0:1]) == 1
    placed = result.placements[0]
    assert placed.modules == len(reference_matrix(target.payload, ERROR_CORRECT_H))
    # the logo is there, centred on the code, and no wider than 22 % of it (its red is found in colour)
    to_px = 150 / 72
    page = pdfium.PdfDocument(out)[0]
    rgb = page.render(scale=to_px).to_pil().convert("RGB")
    left, top = placed.x * to_px, rgb.height - (placed.y + placed.side) * to_px
    code = rgb.crop((round(left), round(top), round(left + placed.side * to_px), round(top + placed.side * to_px)))
    red, green, _ = code.split()
    reddish = ImageChops.subtract(red, green).point(lambda v: 255 if v > 100 else 0)
    box = reddish.getbbox()
    assert box is not None
    assert box[2] - box[0] <= LOGO_SHARE * code.width and box[3] - box[1] <= LOGO_SHARE * code.height
    assert abs((box[0] + box[2]) / 2 - code.width / 2) < 3 and abs((box[1] + box[3]) / 2 - code.height / 2) < 3
    # several codes with a logo on a label sheet
    out = tmp_path / "labels.pdf"
    verify_material(out, write_material(branch, "labels-3x4", lessons(12), out, logo=logo))


def test_the_upper_face_of_the_table_stand_is_turned(branch: Store, tmp_path: Path) -> None:
    # One target: both faces the same, so the page looks the same turned by 180°.
    out = tmp_path / "one.pdf"
    write_material(branch, "tent", [ACCOUNT], out)
    image = render_pages(out, dpi=72)[0].convert("L")
    half = image.height // 2
    lower = image.crop((0, image.height - half, image.width, image.height))
    upper_turned = image.crop((0, 0, image.width, half)).rotate(180)
    difference = ImageChops.difference(lower, upper_turned)
    assert sum(difference.histogram()[40:]) < 0.003 * lower.width * lower.height
    assert sum(ImageChops.invert(lower).histogram()[40:]) > 0.05 * lower.width * lower.height  # not blank
    fold = [image.getpixel((x, half)) for x in range(image.width)]
    assert sum(v < 200 for v in fold) > image.width // 4  # the dashed fold line
    # Two targets: the upper title reads upside down, right to left, in the upper half.
    out = tmp_path / "two.pdf"
    lesson = lessons(1)[0]
    write_material(branch, "tent", [ACCOUNT, lesson], out)
    textpage = pdfium.PdfDocument(out)[0].get_textpage()
    text = textpage.get_text_range()
    page_height = pdfium.PdfDocument(out)[0].get_height()
    for title, upper in ((ACCOUNT.title, False), (lesson.title, True)):
        at = text.find(title)
        assert at >= 0, title
        boxes = [textpage.get_charbox(i) for i in range(at, at + len(title))]
        angles = {round(pdfium_c.FPDFText_GetCharAngle(textpage.raw, i), 2) for i in range(at, at + len(title))}
        lefts = [box[0] for box in boxes]
        assert all(box[1] > page_height / 2 for box in boxes) == upper
        assert all(box[3] < page_height / 2 for box in boxes) == (not upper)
        assert lefts == sorted(lefts, reverse=upper)
        assert angles == ({3.14} if upper else {0.0})


def test_verification_names_missing_extra_and_wrong_codes(branch: Store, tmp_path: Path) -> None:
    out = tmp_path / "tent.pdf"
    good = write_material(branch, "tent", [ACCOUNT, *lessons(2)], out)
    wrong = MaterialResult(good.pages, [(1, ACCOUNT.payload), (1, "https://dj.example.cn/other"),
                                        (2, lessons(2)[1].payload), (2, lessons(2)[1].payload)], [], "M")
    with pytest.raises(QrError) as refused:
        verify_material(out, wrong)
    message = str(refused.value)
    assert "第 1 页的二维码「https://dj.example.cn/other」无法识别" in message
    assert f"第 1 页识别出了不该有的内容「{lessons(1)[0].payload}」" in message
    missing = MaterialResult(1, [(1, ACCOUNT.payload)], [], "M")
    with pytest.raises(QrError, match=f"第 2 页识别出了不该有的内容「{lessons(2)[1].payload}」（2 处）"):
        verify_material(out, missing)


def test_targets_from_lessons_accounts_and_typed_text(branch: Store, tmp_path: Path) -> None:
    first = add_lesson(branch, {"title": "党章学习", "speaker": "李书记", "minutes": 20,
                                "video_url": "https://dj.example.cn/v/1", "published_date": "2026-10-01"})
    add_lesson(branch, {"title": "没有链接的课"})
    old = add_lesson(branch, {"title": "旧课", "video_url": "https://dj.example.cn/v/0"})
    archive_lesson(branch, old)
    assert lesson_target(branch, first) == QrTarget("https://dj.example.cn/v/1", "党章学习", "lesson",
                                                    "主讲：李书记　时长：20 分钟", lesson_id=first)
    assert [t.title for t in all_lesson_targets(branch)] == ["党章学习"]
    no_url = branch.query("SELECT id FROM lessons WHERE title = '没有链接的课'")[0]["id"]
    with pytest.raises(QrError, match="微党课「没有链接的课」没有视频链接"):
        lesson_target(branch, no_url)

    assert save_account(branch, "河东村党支部", "https://mp.weixin.qq.com/a") is False
    assert save_account(branch, " 河东村党支部 ", "http://weixin.qq.com/r/x") is True
    save_account(branch, "柳林镇党委", "http://weixin.qq.com/r/y")
    assert list_accounts(branch) == [{"name": "河东村党支部", "url": "http://weixin.qq.com/r/x"},
                                     {"name": "柳林镇党委", "url": "http://weixin.qq.com/r/y"}]
    assert account_target(branch, "柳林镇党委").payload == "http://weixin.qq.com/r/y"
    with pytest.raises(QrError, match="不是有效的网址"):
        save_account(branch, "坏链接", "weixin.qq.com/r/z")
    with pytest.raises(QrError, match="公众号名称不能为空"):
        save_account(branch, "  ", "http://weixin.qq.com/r/z")
    remove_account(branch, "柳林镇党委")
    with pytest.raises(QrError, match="没有名为「柳林镇党委」的公众号。已保存的公众号：「河东村党支部」"):
        account_target(branch, "柳林镇党委")

    assert custom_target("https://ｄｊ.example.cn/x ").payload == "https://ｄｊ.example.cn/x".replace("ｄｊ", "dj")
    wifi = custom_target("河东村 WiFi：hedong2026", "村部无线网")
    assert (wifi.kind, wifi.title) == ("text", "村部无线网")
    out = tmp_path / "wifi.pdf"
    write_material(branch, "poster-a4", [wifi], out)
    assert decode_pages(out) == [[wifi.payload]]  # Chinese text reads back as Chinese
    assert "村部无线网" in page_texts(out)[0]


def test_cancelling_leaves_no_file(branch: Store, tmp_path: Path) -> None:
    cancel = threading.Event()
    seen: list[Any] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append((done, total))
        cancel.set()

    out = tmp_path / "many.pdf"
    with pytest.raises(Cancelled):
        write_material(branch, "poster-a4", lessons(5), out, progress=progress, cancel=cancel)
    assert seen == [(1, 5)] and not out.exists()


def test_the_posters_code_is_large(branch: Store, tmp_path: Path) -> None:
    for layout, side in (("poster-a4", 120), ("poster-a3", 170)):
        result = write_material(branch, layout, [ACCOUNT], tmp_path / "p.pdf")
        assert abs(result.placements[0].side / mm - side) < 1
