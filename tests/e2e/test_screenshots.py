"""What a person sees: ``main.py --screenshot`` renders each page of the main window to a PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
WINDOW_SIZE = (1280, 800)  # MainWindow's starting size; offscreen renders at device pixel ratio 1


def run_main(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(home), "XDG_CONFIG_HOME": str(home)}  # the user's own preferences stay out
    env.pop("ZHIBU_DB", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screens")
    db = folder / "demo.db"
    done = run_main("--db", db, "demo", home=folder)
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("page", ["home", "roster", "settings"])
def test_page_screenshot(demo_db: Path, tmp_path: Path, page: str) -> None:
    out = tmp_path / f"{page}.png"
    done = run_main("--db", demo_db, "--lang", "zh_CN", "--screenshot", out, "--page", page, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.is_file() and out.stat().st_size > 0
    with Image.open(out) as image:
        assert image.format == "PNG"
        assert image.size == WINDOW_SIZE
        pixels = image.convert("RGB")
        colours = pixels.getcolors(maxcolors=WINDOW_SIZE[0] * WINDOW_SIZE[1]) or []
    total = WINDOW_SIZE[0] * WINDOW_SIZE[1]
    dominant = max(count for count, _ in colours)
    assert dominant / total < 0.75, f"{page}: {dominant / total:.0%} of the window is one colour"
    assert len(colours) > 50, f"{page}: only {len(colours)} colours; was any text drawn?"


def test_unknown_page_is_a_usage_error(demo_db: Path, tmp_path: Path) -> None:
    done = run_main("--db", demo_db, "--screenshot", tmp_path / "x.png", "--page", "nope", home=tmp_path)
    assert done.returncode == 2
    assert "home" in done.stderr and "settings" in done.stderr
