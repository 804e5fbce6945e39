"""Check a ``ZhibuDesk --screenshot`` PNG: a real window was drawn, and its Chinese is Chinese.

The tofu check follows ``tests/ui/test_i18n_fonts.py``: characters a font cannot draw all come out
as the same empty box, so different words of the same length look identical. The navigation column
on the left of the main window (170 px wide, eight Chinese labels: 首页, 花名册, 微党课, 结对帮扶, …)
is cut into its labels; every label must have ink, and no two labels may be the same picture —
with tofu, 花名册 and 微党课 (or 首页 and 设置) would be.

Only the standard library is used (the PNG is decoded with zlib), so any ``python3`` can run it:

    python3 installers/linux/check_screenshot.py home.png     # exit 0: fine, 1: not fine
"""

from __future__ import annotations

import argparse
import struct
import sys
import zlib
from collections import Counter
from pathlib import Path

NAV_WIDTH = 170  # ui/main_window.py: self.nav.setFixedWidth(170)
MIN_BYTES = 20_000  # a drawn page is ~100-200 KB; an empty window compresses to a few KB
MIN_SIZE = (640, 400)
MIN_LABELS = 6
INK = 60  # a channel this far from the row's background colour is ink

Pixel = tuple[int, ...]


class CheckFailed(Exception):
    pass


def read_png(path: Path, columns: int) -> tuple[int, int, list[list[Pixel]]]:
    """Width, height and the leftmost ``columns`` pixels of every row of an 8-bit RGB(A)/grey PNG."""
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise CheckFailed(f"{path} is not a PNG file")
    pos, idat, header = 8, bytearray(), b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        raise CheckFailed(f"unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})")
    raw = zlib.decompress(bytes(idat))
    stride = width * channels
    keep = min(columns, width) * channels  # filters only look left and up: the left part decodes alone
    rows: list[list[Pixel]] = []
    previous = bytearray(keep)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + keep])
        for i in range(keep):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
            elif kind == 4:
                corner = previous[i - channels] if i >= channels else 0
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append([tuple(line[x:x + min(channels, 3)]) for x in range(0, keep, channels)])
        previous = line
    return width, height, rows


def ink_mask(row: list[Pixel]) -> list[bool]:
    background = Counter(row).most_common(1)[0][0]
    return [max(abs(a - b) for a, b in zip(pixel, background, strict=True)) > INK for pixel in row]


def labels(rows: list[list[Pixel]]) -> list[tuple[tuple[bool, ...], ...]]:
    """The ink of each label: runs of rows with ink, cropped to their inked columns."""
    masks = [ink_mask(row) for row in rows]
    found, band = [], []
    for mask in [*masks, []]:
        if any(mask):
            band.append(mask)
            continue
        if band:
            inked = [x for x in range(len(band[0])) if any(line[x] for line in band)]
            found.append(tuple(tuple(line[inked[0]:inked[-1] + 1]) for line in band))
            band = []
    return found


def check(path: Path, nav_width: int = NAV_WIDTH) -> str:
    """A one-line summary when the screenshot is fine; raises CheckFailed otherwise."""
    size = path.stat().st_size if path.is_file() else 0
    if size < MIN_BYTES:
        raise CheckFailed(f"{path}: {size} bytes, expected at least {MIN_BYTES} for a drawn window")
    width, height, rows = read_png(path, nav_width)
    if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
        raise CheckFailed(f"{path}: {width}×{height} pixels, expected a main window of at least {MIN_SIZE}")
    found = [label for label in labels(rows) if 8 <= len(label) <= 80]  # a line of text, not a frame edge
    if len(found) < MIN_LABELS:
        raise CheckFailed(f"{path}: {len(found)} navigation labels with ink, expected {MIN_LABELS} or more "
                          "(no text drawn: is a font missing?)")
    for first in range(len(found)):
        for second in range(first + 1, len(found)):
            if found[first] == found[second]:
                raise CheckFailed(f"{path}: navigation labels {first + 1} and {second + 1} are the same picture: "
                                  "Chinese is drawn as missing-glyph boxes (tofu)")
    return f"{path}: {width}×{height}, {size} bytes, {len(found)} distinct navigation labels — Chinese renders"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a Zhibu Desk screenshot for a drawn window and real Chinese.")
    parser.add_argument("png", type=Path, nargs="+")
    parser.add_argument("--nav-width", type=int, default=NAV_WIDTH, help="width of the navigation column in pixels")
    args = parser.parse_args(argv)
    ok = True
    for path in args.png:
        try:
            print(check(path, args.nav_width))
        except (CheckFailed, OSError, zlib.error, struct.error) as exc:
            print(f"FAILED {exc}", file=sys.stderr)
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
