"""Every UI string has its Chinese, the language switch works, and Chinese renders as Chinese
(not as identical "tofu" boxes) in the application font, at the size the user chose."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from ui.app import prepare
from ui.context import AppContext
from ui.fonts import FONT_SIZES, register_cjk_font
from ui.i18n import QM_FILE, TS_DIR, install_language

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
Message = tuple[str, str]  # (context, source)


def read_ts(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def is_translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((form.text or "").strip() for form in forms)
    return bool((translation.text or "").strip())


def where(message: ET.Element) -> str:
    places = [f"{loc.get('filename', '?')}:{loc.get('line', '?')}" for loc in message.iter("location")]
    return ", ".join(p[p.rfind("ui/"):] if "ui/" in p else p for p in places)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, str]:
    """Every translatable string in ui/ (as lupdate sees it) → where it is used."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed")
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    out = tmp_path_factory.mktemp("lupdate") / "all.ts"
    done = subprocess.run([str(LUPDATE), *sources, "-ts", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return {(ctx, message.findtext("source") or ""): where(message) for ctx, message in read_ts(out)}


@pytest.fixture(scope="module")
def compiled_translations() -> Path:
    """The .qm is built from the .ts files by scripts/build_translations.sh; build it when stale."""
    parts = list(TS_DIR.glob("*.ts"))
    if not QM_FILE.exists() or any(p.stat().st_mtime > QM_FILE.stat().st_mtime for p in parts):
        subprocess.run(["bash", str(ROOT / "scripts" / "build_translations.sh")], cwd=ROOT, check=True, timeout=120)
    return QM_FILE


def test_every_ui_string_has_a_finished_chinese_translation(extracted: dict[Message, str]) -> None:
    translated: set[Message] = set()
    for ts in sorted(TS_DIR.glob("*.ts")):
        translated |= {(ctx, m.findtext("source") or "") for ctx, m in read_ts(ts) if is_translated(m)}
    missing = sorted(set(extracted) - translated)
    listing = "\n".join(f"  [{ctx or '<no context>'}] {source!r}  ({extracted[(ctx, source)]})"
                        for ctx, source in missing)
    assert not missing, (
        f"{len(missing)} UI string(s) have no finished Chinese translation in {TS_DIR}/*.ts:\n{listing}\n"
        "Run pyside6-lupdate on the files into their area's .ts, translate, then scripts/build_translations.sh."
    )


def test_every_ui_string_has_a_context(extracted: dict[Message, str]) -> None:
    """lupdate files a ``tr(...)`` it cannot place in a class under an empty context, while the code
    looks it up under another one: such a string is never translated on screen. Use
    ``QCoreApplication.translate("Context", "literal text")`` (or ``self.tr`` in a QObject)."""
    lost = sorted(f"  {source!r}  ({place})" for (ctx, source), place in extracted.items() if not ctx)
    assert not lost, "strings without a translation context (they stay English on screen):\n" + "\n".join(lost)


def test_language_switch(qapp, compiled_translations: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        assert install_language(app, "zh_CN")
        assert QCoreApplication.translate("HomePage", "Home") == "首页"
        assert QCoreApplication.translate("SettingsPage", "Settings") == "设置"
        assert QCoreApplication.translate("HomePage", "%n day(s) left", "", 3) == "还有 3 天"
        assert install_language(app, "en")
        assert QCoreApplication.translate("HomePage", "Home") == "Home"
    finally:
        install_language(app, "zh_CN")


# -- fonts ----------------------------------------------------------------------------------------


def render(text: str, font: QFont) -> QImage:
    image = QImage(72, 72, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, 72, 72), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_chinese_renders_as_distinct_glyphs(qapp) -> None:  # type: ignore[no-untyped-def]
    family = register_cjk_font()
    assert family, "no CJK font found: ship one in resources/fonts/ or install fonts-wqy-microhei"
    assert family in QFontDatabase.families()
    font = QFont(QApplication.font())
    font.setPixelSize(48)
    blank = QImage(72, 72, QImage.Format.Format_RGB32)
    blank.fill(QColor("white"))
    characters = "支部党员"
    images = [render(ch, font) for ch in characters]
    for ch, image in zip(characters, images, strict=True):
        assert image != blank, f"{ch} drew nothing"
        assert QFontMetrics(font).inFontUcs4(ord(ch)), f"{ch} is not in the application font"
    for first in range(len(images)):
        for second in range(first + 1, len(images)):
            assert images[first] != images[second], (
                f"{characters[first]} and {characters[second]} look the same: missing-glyph boxes?"
            )


def test_font_size_preference_sets_the_application_font(ctx: AppContext) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        for size_key, points in FONT_SIZES.items():
            ctx.set_pref("font_size", size_key)
            prepare(app, ctx, "zh_CN")
            assert app.font().pointSize() == points
        assert FONT_SIZES["normal"] < FONT_SIZES["large"] < FONT_SIZES["xlarge"]
    finally:
        ctx.set_pref("font_size", "normal")
        prepare(app, ctx, "zh_CN")
