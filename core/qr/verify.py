"""Reading printed material back the way a phone does: render each page of the PDF and decode every
QR code on it, then compare with what each page was meant to carry."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from core.qr import QrError

DEFAULT_DPI = 150


def render_pages(pdf_path: Path, dpi: int = DEFAULT_DPI) -> list[Any]:
    """Each page as a greyscale PIL image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [pdf[i].render(scale=dpi / 72, grayscale=True).to_pil() for i in range(len(pdf))]
    finally:
        pdf.close()


def decode_image(image: Any) -> list[str]:
    """The text of every QR code found in a PIL image."""
    import zxingcpp

    return [result.text for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)]


def decode_pages(pdf_path: Path, dpi: int = DEFAULT_DPI) -> list[list[str]]:
    """The decoded text of the QR codes on each page of ``pdf_path``, rendered at ``dpi``."""
    return [decode_image(image) for image in render_pages(pdf_path, dpi)]


def _short(payload: str, limit: int = 60) -> str:
    return payload if len(payload) <= limit else payload[: limit - 1] + "…"


def compare_pages(decoded: list[list[str]], meant: list[tuple[int, str]]) -> list[str]:
    """What is wrong, page by page: codes that could not be read, and codes that read as something
    not meant for the page. Empty when every page carries exactly what it should."""
    pages = max([len(decoded)] + [page for page, _ in meant])
    problems = []
    for number in range(1, pages + 1):
        want = Counter(payload for page, payload in meant if page == number)
        got = Counter(decoded[number - 1] if number <= len(decoded) else [])
        for payload, count in (want - got).items():
            times = f"（{count} 处）" if count > 1 else ""
            problems.append(f"第 {number} 页的二维码「{_short(payload)}」无法识别{times}")
        for payload, count in (got - want).items():
            times = f"（{count} 处）" if count > 1 else ""
            problems.append(f"第 {number} 页识别出了不该有的内容「{_short(payload)}」{times}")
    return problems


def verify_material(pdf_path: Path, result: Any, dpi: int = DEFAULT_DPI) -> int:
    """Decode ``pdf_path`` and check it against ``result`` (a MaterialResult, or anything with
    ``codes`` as (page, payload) pairs). Returns the number of codes read; raises QrError naming
    each page and code that is missing, extra or wrong."""
    decoded = decode_pages(pdf_path, dpi)
    meant = list(result.codes)
    problems = compare_pages(decoded, meant)
    if problems:
        shown = "；".join(problems[:5]) + (f"；另有 {len(problems) - 5} 处问题" if len(problems) > 5 else "")
        raise QrError(
            f"核验未通过：{shown}。",
            "请换用更大的版式、不加标志或使用更短的链接后重新生成。",
        )
    return len(meant)
