"""Reading printed PDFs back as a person's tools would: the text of each page, and the fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

STANDARD_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")

Piece = tuple[float, float, float, float, str]  # left, bottom, right, top, text


def page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]


def pdffonts(path: Path) -> list[dict[str, str]]:
    """The rows of poppler's ``pdffonts`` table, keyed by its column titles (name, type, emb, sub …)."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, timeout=60, check=True)
    lines = done.stdout.splitlines()
    titles, rule, body = lines[0], lines[1], lines[2:]
    spans = [(m.start(), m.end()) for m in re.finditer(r"-+", rule)]
    keys = [titles[a:b].strip() for a, b in spans]
    return [{key: line[a:b + 1].strip() for key, (a, b) in zip(keys, spans, strict=True)} for line in body]


def page_pieces(path: Path) -> list[list[Piece]]:
    """Each page's runs of text with their boxes (points, origin bottom left)."""
    pages = []
    pdf = pdfium.PdfDocument(path)
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        pieces = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            text = textpage.get_text_bounded(left, bottom, right, top).strip()
            if text:
                pieces.append((left, bottom, right, top, text))
        pages.append(pieces)
    return pages


def assert_fonts_embedded(path: Path) -> None:
    """Every font is a TrueType subset embedded in the file; none is one of the standard 14 that a
    printer would replace (and print Chinese as boxes)."""
    fonts = pdffonts(path)
    assert fonts, f"{path.name} lists no fonts"
    for font in fonts:
        assert font["emb"] == "yes", f"{path.name}: {font['name']} is not embedded"
        assert font["sub"] == "yes" and font["type"].startswith("TrueType"), font
        assert re.match(r"^[A-Z]{6}\+", font["name"]), font
        assert not any(font["name"].split("+")[-1].startswith(base) for base in STANDARD_14), font
