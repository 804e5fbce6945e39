"""Printed QR material: 100 A4 posters (100 lessons with different video links) written by
write_material — target ≤ 3 s, and ≤ 1.5 × a bare reportlab + qrcode script drawing the same 100 pages
(one title line in the same CJK font and the code as rectangles) in the same run. Also printed: 100
label pages (3 × 4, 1,200 codes), and checking the 100 posters by rendering and decoding them.

Run: .venv/bin/python -m benchmarks.qr_material
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from core.lessons.catalogue import add_lesson
from core.pdf.fonts import register_pdf_font
from core.profile import BranchProfile, set_profile
from core.qr.material import write_material
from core.qr.targets import QrTarget, all_lesson_targets
from core.qr.verify import verify_material
from core.store import Store

POSTERS = 100
LABEL_PAGES = 100
TARGET_SECONDS = 3.0
TARGET_RATIO = 1.5


def bare_posters(targets: list[QrTarget], out: Path, font: str) -> None:
    """The least a script would do for the same pages: a title and the code, nothing else."""
    canvas = Canvas(str(out), pagesize=A4, initialFontName=font)
    width, height = A4
    side = 120 * mm
    for target in targets:
        code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
        code.add_data(target.payload)
        code.make(fit=True)
        matrix = code.get_matrix()
        module = side / len(matrix)
        x0, top = (width - side) / 2, (height + side) / 2
        canvas.setFont(font, 32)
        canvas.drawCentredString(width / 2, height - 60 * mm, target.title)
        for r, row in enumerate(matrix):
            c = 0
            while c < len(row):
                if row[c]:
                    start = c
                    while c < len(row) and row[c]:
                        c += 1
                    canvas.rect(x0 + start * module, top - (r + 1) * module, (c - start) * module, module,
                                stroke=0, fill=1)
                else:
                    c += 1
        canvas.showPage()
    canvas.save()


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main(rounds: int = 3) -> int:
    font = register_pdf_font()  # once per process, for both ways alike
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = Store.open(folder / "branch.db")
        set_profile(store, BranchProfile("柳林镇河东村党支部"))
        for i in range(POSTERS):
            add_lesson(store, {"title": f"乡村振兴微党课第{i + 1}讲", "speaker": "张建国", "minutes": 20 + i % 20,
                               "video_url": f"https://dj.example.cn/lessons/v/{i + 1:04d}?from=poster",
                               "published_date": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"})
        targets = all_lesson_targets(store)
        assert len(targets) == POSTERS
        posters = folder / "posters.pdf"
        bare = folder / "bare.pdf"

        ours: list[float] = []
        theirs: list[float] = []
        result = None
        for _round in range(rounds):  # alternate, so neither way gains from going second
            theirs.append(timed(lambda: bare_posters(targets, bare, font)))
            started = time.perf_counter()
            result = write_material(store, "poster-a4", targets, posters)
            ours.append(time.perf_counter() - started)
        assert result is not None and result.pages == POSTERS

        labels = [QrTarget(f"https://dj.example.cn/lessons/v/{i:05d}", f"微党课第{i}讲", "lesson")
                  for i in range(1, 12 * LABEL_PAGES + 1)]
        sheet = folder / "labels.pdf"
        label_seconds = timed(lambda: write_material(store, "labels-3x4", labels, sheet))

        checked = 0

        def check() -> None:
            nonlocal checked
            checked = verify_material(posters, result)

        verify_seconds = timed(check)
        store.close()

    best, bare_best = min(ours), min(theirs)
    ratio = best / bare_best
    print(f"{POSTERS} A4 posters by write_material: best {best:.2f} s, median {statistics.median(ours):.2f} s "
          f"(target ≤ {TARGET_SECONDS:.1f} s)")
    print(f"  the same pages by a bare reportlab + qrcode script: best {bare_best:.2f} s, "
          f"median {statistics.median(theirs):.2f} s")
    print(f"  ratio {ratio:.2f} (target ≤ {TARGET_RATIO})")
    print(f"{LABEL_PAGES} label pages (3×4, {len(labels)} codes): {label_seconds:.2f} s")
    print(f"verifying the {POSTERS} posters by rendering at 150 dpi and decoding: {verify_seconds:.2f} s "
          f"({checked} codes read)")
    missed = []
    if best > TARGET_SECONDS:
        missed.append(f"posters took {best:.2f} s > {TARGET_SECONDS} s")
    if ratio > TARGET_RATIO:
        missed.append(f"ratio {ratio:.2f} > {TARGET_RATIO}")
    for line in missed:
        print("MISSED: " + line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
