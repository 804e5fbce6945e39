"""installers/linux/check_screenshot.py, the smoke test's tofu check: it passes a real screenshot and
fails one where Chinese is drawn as missing-glyph boxes, or where nothing was drawn."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "installers" / "linux" / "check_screenshot.py"
LATIN_ONLY_FONTS = Path("/usr/share/fonts/truetype/dejavu")
# Start the app from source with no CJK font at all: ours hidden, fontconfig limited to a Latin font.
WITHOUT_CJK = "import sys, ui.fonts as f; f.font_files = lambda: []; import main; sys.exit(main.main(sys.argv[1:]))"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}, check=False)


@pytest.fixture(scope="module")
def branch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("branch") / "x.db"
    done = run("main.py", "--db", str(db), "demo", "--members", "10")
    assert done.returncode == 0, done.stderr
    return db


def test_a_real_screenshot_passes(branch: Path, tmp_path: Path) -> None:
    png = tmp_path / "home.png"
    assert run("main.py", "--db", str(branch), "--screenshot", str(png), "--page", "home").returncode == 0
    done = run(str(CHECK), str(png))
    assert done.returncode == 0, done.stderr
    assert "Chinese renders" in done.stdout


@pytest.mark.skipif(not LATIN_ONLY_FONTS.is_dir(), reason="needs DejaVu fonts to draw tofu")
def test_tofu_fails(branch: Path, tmp_path: Path) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><dir>{LATIN_ONLY_FONTS}</dir>'
                    f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    png = tmp_path / "tofu.png"
    drawn = run("-c", WITHOUT_CJK, "--db", str(branch), "--screenshot", str(png), "--page", "home",
                env={"FONTCONFIG_FILE": str(conf)})
    assert drawn.returncode == 0, drawn.stderr
    done = run(str(CHECK), str(png))
    assert done.returncode == 1
    assert "tofu" in done.stderr


def blank_png(path: Path, width: int, height: int) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, 2, 0, 0, 0])
    rows = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
                     + chunk(b"IEND", b""))


def test_an_empty_window_or_a_missing_file_fails(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    blank_png(blank, 1280, 800)
    done = run(str(CHECK), str(blank), str(tmp_path / "missing.png"))
    assert done.returncode == 1
    assert "blank.png" in done.stderr and "missing.png" in done.stderr
