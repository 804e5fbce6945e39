"""Reading printed PDFs back as a person's tools would: the text of each page, and the fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest

STANDARD_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


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
