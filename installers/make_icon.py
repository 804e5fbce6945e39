"""Draw the Zhibu Desk icon: a red rounded square with a white 「支」 in WenQuanYi Micro Hei.

Writes ``resources/icons/``: ``zhibu.png`` (256×256), ``zhibu-16/24/32/48.png`` (small sizes for the
window icon, each drawn at its own size so the character stays crisp) and ``zhibu.ico`` (16–256,
every size drawn on its own). The files are committed; run this again only to change the design:

    .venv/bin/python installers/make_icon.py [--font PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
RED = (200, 16, 46, 255)  # #C8102E, the red of the window's navigation
WHITE = (255, 255, 255, 255)
CHARACTER = "支"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
SMALL_PNG_SIZES = (16, 24, 32, 48)
SUPERSAMPLE = 8  # draw large, then shrink: smooth corners and strokes


def find_font() -> Path:
    """WenQuanYi Micro Hei as fontconfig finds it (the same font the bundle ships)."""
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "WenQuanYi Micro Hei"],
                               capture_output=True, text=True, check=False).stdout.strip()
        if found and "microhei" in found.lower() and Path(found).is_file():
            return Path(found)
    fallback = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    if fallback.is_file():
        return fallback
    sys.exit("WenQuanYi Micro Hei not found: sudo apt install fonts-wqy-microhei, or pass --font PATH")


def draw(size: int, font_path: Path) -> Image.Image:
    """The icon at ``size`` pixels square."""
    big = size * SUPERSAMPLE
    # Small icons use the whole square; large ones keep a thin transparent margin like other app icons.
    margin = 0 if size <= 32 else round(big * 0.03)
    radius = round((big - 2 * margin) * 0.2)
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    canvas = ImageDraw.Draw(image)
    canvas.rounded_rectangle((margin, margin, big - 1 - margin, big - 1 - margin), radius=radius, fill=RED)

    # The character fills ~70% of the square (more at small sizes, where every pixel counts),
    # centred on its inked box rather than on the font's line metrics.
    share = 0.80 if size <= 24 else 0.72 if size <= 48 else 0.66
    font = ImageFont.truetype(str(font_path), size=round(big * share), index=0)
    left, top, right, bottom = canvas.textbbox((0, 0), CHARACTER, font=font)
    x = (big - (right - left)) / 2 - left
    y = (big - (bottom - top)) / 2 - top
    # A thin outline in the same white thickens the strokes so they survive the shrink at 16 px.
    stroke = round(big * (0.018 if size <= 32 else 0.008))
    canvas.text((x, y), CHARACTER, font=font, fill=WHITE, stroke_width=stroke, stroke_fill=WHITE)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", type=Path, help="the TrueType font (default: fc-match WenQuanYi Micro Hei)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT})")
    args = parser.parse_args(argv)
    font_path = args.font or find_font()
    args.out.mkdir(parents=True, exist_ok=True)

    images = {size: draw(size, font_path) for size in ICO_SIZES}
    images[256].save(args.out / "zhibu.png", optimize=True)
    for size in SMALL_PNG_SIZES:
        images[size].save(args.out / f"zhibu-{size}.png", optimize=True)
    # Pillow writes each given image at its own size (append_images), instead of shrinking the largest.
    largest = images[256]
    others = [images[size] for size in ICO_SIZES if size != 256]
    largest.save(args.out / "zhibu.ico", format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)
    print(f"icons written to {args.out} (font: {font_path})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
