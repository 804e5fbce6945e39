"""What the QR material page runs through the task runner: turning the choice into targets (live codes
or direct links), the preview of the first page, and writing a PDF whose every code has been read back."""

from __future__ import annotations

import contextlib
import io
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.lessons.catalogue import list_lessons
from core.qr import QrError
from core.qr.live_links import live_available, live_targets, pending_codes
from core.qr.targets import QrTarget, account_target, custom_target, lesson_target, list_accounts
from core.store import Store
from ui.qr.live_work import PLACEHOLDER, preview_targets

PREVIEW_PIXELS = 1100  # the longer side of the rendered preview


@dataclass(frozen=True)
class Choice:
    """What the page asks for: the lessons and accounts ticked (in list order), a typed link or text
    with its optional title, the layout and the centre logo."""

    layout: str
    lesson_ids: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    custom_text: str = ""
    custom_title: str = ""
    logo: str = ""
    live: bool = False  # 活码: the codes lead to the district server's short links
    label: str = ""  # where the material hangs (张贴位置), kept with a live code

    @property
    def empty(self) -> bool:
        return not (self.lesson_ids or self.accounts or self.custom_text.strip())

    @property
    def logo_path(self) -> Path | None:
        return Path(self.logo) if self.logo else None


@dataclass
class Preview:
    png: bytes
    pages: int
    codes: int
    new_codes: int = 0  # live codes that get their short code only when saved or printed


@dataclass
class Saved:
    pages: int
    codes: int
    live: bool = False
    short_codes: tuple[str, ...] = ()  # the live codes on the material
    pending: tuple[str, ...] = ()  # those the district server does not have yet (they open after a sync)


def load_choices(store: Store) -> dict[str, Any]:
    """The lessons that have a video link (newest first), the saved official accounts, and whether
    this PC can print live codes."""
    lessons = [
        {"id": str(row["id"]), "title": str(row["title"]), "url": str(row["video_url"]).strip(),
         "speaker": str(row.get("speaker") or "")}
        for row in list_lessons(store) if (row.get("video_url") or "").strip()
    ]
    return {"lessons": lessons, "accounts": list_accounts(store), "live": live_available(store)}


def targets_for(store: Store, choice: Choice) -> list[QrTarget]:
    targets = [lesson_target(store, lesson_id) for lesson_id in choice.lesson_ids]
    targets += [account_target(store, name) for name in choice.accounts]
    if choice.custom_text.strip():
        targets.append(custom_target(choice.custom_text, choice.custom_title or None))
    return targets


def write(store: Store, choice: Choice, out: Path, *, preview: bool = False,
          progress: Callable[[int, int, str], None] | None = None,
          cancel: threading.Event | None = None) -> tuple[Any, list[QrTarget]]:
    """Write the material; with ``choice.live`` its codes are live codes, made (or reused) here, except
    for a ``preview``, which makes none. Returns the material's result and the targets printed."""
    from core.qr.material import write_material

    targets = targets_for(store, choice)
    if choice.live:
        if preview:
            targets = preview_targets(store, targets, choice.label)
        else:
            targets = live_targets(store, targets, choice.label)
    result = write_material(store, choice.layout, targets, out, choice.logo_path, progress=progress, cancel=cancel)
    return result, targets


def render_page_png(pdf_path: Path, longest: int = PREVIEW_PIXELS) -> bytes:
    """Page 1 of ``pdf_path`` as a PNG whose longer side is ``longest`` pixels."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        page = pdf[0]
        width, height = page.get_size()
        image = page.render(scale=longest / max(width, height)).to_pil()
    finally:
        pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def make_preview(store: Store, choice: Choice, cancel: threading.Event | None = None) -> Preview:
    """Write the material to a temporary file and render its first page."""
    with tempfile.TemporaryDirectory(prefix="zhibu-qr-") as folder:
        out = Path(folder) / "preview.pdf"
        result, targets = write(store, choice, out, preview=True, cancel=cancel)
        new_codes = sum(1 for target in targets if target.short_code == PLACEHOLDER)
        return Preview(render_page_png(out), result.pages, len(result.codes), new_codes)


def save_checked(store: Store, choice: Choice, out: Path, progress: Callable[[int, int, str], None],
                 cancel: threading.Event | None = None) -> Saved:
    """Write the material to ``out`` and read every code back; on a code that does not read, the file is
    deleted and QrError says which."""
    from core.qr.verify import verify_material

    result, targets = write(store, choice, out, progress=progress, cancel=cancel)
    progress(result.pages, result.pages, "正在核验二维码……")
    try:
        codes = verify_material(out, result)
    except QrError as exc:
        with contextlib.suppress(OSError):
            out.unlink()
        raise QrError(f"{exc.reason}文件已删除。", exc.suggestion) from None
    short_codes = tuple(dict.fromkeys(t.short_code for t in targets if t.short_code))
    if not short_codes:
        return Saved(result.pages, codes, choice.live)
    return Saved(result.pages, codes, True, short_codes, tuple(pending_codes(store, short_codes)))
