"""Printed QR material through one entry point: :func:`write_material` lays out targets as posters,
table stands or label sheets, and saves the PDF atomically.

Every code is made and checked for print size before anything is drawn, so a refusal never leaves
a file behind.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from core.cancel import check
from core.pdf.fonts import register_pdf_font
from core.pdf.paper import CREATOR, save_atomically
from core.profile import branch_name
from core.qr import QrError
from core.qr.codes import QrCode, check_print_size, load_logo, make_code
from core.qr.labels import LABELS_3X4, LABELS_4X6
from core.qr.posters import PosterLayout, TentLayout
from core.qr.sheet import Item, Layout, Placement, Sheet
from core.qr.targets import QrTarget
from core.store import Store

Progress = Callable[[int, int, str], None]

LAYOUTS: dict[str, Layout] = {
    "poster-a4": PosterLayout(a3=False),
    "poster-a3": PosterLayout(a3=True),
    "tent": TentLayout(),
    "labels-3x4": LABELS_3X4,
    "labels-4x6": LABELS_4X6,
}

LAYOUT_NAMES = {
    "poster-a4": "A4 海报",
    "poster-a3": "A3 海报",
    "tent": "二维码摆台",
    "labels-3x4": "3×4 标签",
    "labels-4x6": "4×6 标签",
}


@dataclass(frozen=True)
class MaterialResult:
    pages: int
    codes: list[tuple[int, str]]  # (page from 1, payload), in drawing order
    placements: list[Placement]
    level: str  # error correction of the codes: "M", or "H" with a logo


def get_layout(name: str) -> Layout:
    try:
        return LAYOUTS[name]
    except KeyError:
        known = "、".join(f"{key}（{label}）" for key, label in LAYOUT_NAMES.items())
        raise QrError(f"没有「{name}」这种版式。", f"可选：{known}。") from None


def prepare_codes(layout: Layout, targets: Sequence[QrTarget], with_logo: bool) -> list[Item]:
    """Each target with its code, every one checked to print readably in ``layout``."""
    if not targets:
        raise QrError("没有要打印的二维码。", "请至少选择一节微党课、一个公众号或一个链接。")
    made: dict[str, QrCode] = {}
    items: list[Item] = []
    for target in targets:
        code = made.get(target.payload)
        if code is None:
            code = made[target.payload] = make_code(target.payload, with_logo=with_logo, label=target.title)
            check_print_size(code, layout.code_side(code), label=target.title, suggestion=layout.suggestion)
        items.append((target, code))
    return items


def write_material(
    store: Store,
    layout: str,
    targets: Sequence[QrTarget],
    out: Path,
    logo: Path | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> MaterialResult:
    """Lay out ``targets`` in ``layout`` (see :data:`LAYOUTS`) with an optional centre ``logo`` (a
    PNG) and save the PDF to ``out``. Raises QrError for refused content, PdfError when the font is
    missing or the file cannot be saved, Cancelled when ``cancel`` is set."""
    spec = get_layout(layout)
    items = prepare_codes(spec, targets, with_logo=logo is not None)
    image = load_logo(logo) if logo is not None else None
    font = register_pdf_font()
    branch = branch_name(store)

    buffer = io.BytesIO()
    # The initial font is the CJK one: a page must never refer to a font the PDF does not carry.
    canvas = Canvas(buffer, pagesize=spec.page_size, initialFontName=font, pageCompression=1)
    canvas.setTitle(f"{branch}{spec.document_title}")
    canvas.setAuthor(branch)
    canvas.setCreator(CREATOR)
    canvas.setSubject(spec.document_title)

    pages = spec.pages(items)
    placements: list[Placement] = []
    for number, page_items in enumerate(pages, start=1):
        check(cancel)
        sheet = Sheet(canvas, font, branch, image, number, spec.page_size)
        spec.draw_page(sheet, page_items)
        placements += sheet.placed
        canvas.showPage()
        if progress:
            progress(number, len(pages), "正在排版二维码")
    canvas.save()
    check(cancel)
    save_atomically(Path(out), buffer.getvalue())
    return MaterialResult(
        pages=len(pages),
        codes=[(p.page, p.payload) for p in placements],
        placements=placements,
        level=items[0][1].level,
    )
