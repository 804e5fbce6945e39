"""The CJK font for PDFs: found, embeddable, drawing Chinese as Chinese, and a clear error without one."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import PageBreak, Paragraph

from core.pdf import PdfError
from core.pdf.fonts import cjk_font_files, register_first_usable, register_pdf_font
from core.pdf.paper import paper_styles, write_paper

LATIN_ONLY_TTF = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"  # TrueType without Chinese


def test_font_files_are_embeddable_truetype() -> None:
    files = cjk_font_files()
    assert files, "no CJK font found: ship one in resources/fonts/ or install fonts-wqy-microhei"
    for path in files:
        assert path.is_file()
        assert path.suffix.lower() in (".ttf", ".ttc")
        assert "noto" not in path.name.lower(), f"{path} is CFF: reportlab cannot embed it"


def test_registered_once_and_draws_chinese() -> None:
    name = register_pdf_font()
    assert register_pdf_font() == name
    font = pdfmetrics.getFont(name)
    for ch in "支部党员签到表学习方式√（）：":
        assert ord(ch) in font.face.charToGlyph, f"{ch} is not in the PDF font"


def test_no_usable_font_is_a_chinese_error_saying_what_to_install(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all")
    assert LATIN_ONLY_TTF.is_file()
    with pytest.raises(PdfError) as caught:
        register_first_usable([broken, LATIN_ONLY_TTF, tmp_path / "missing.ttc"], name="ZhibuTestNone")
    message = str(caught.value)
    assert "中文字体" in message and "wqy" in message and ".ttf" in message
    assert "broken.ttf" in message and "Vera.ttf" in message
    with pytest.raises(KeyError):
        pdfmetrics.getFont("ZhibuTestNone")


def test_first_usable_font_is_taken_after_unusable_ones(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"\0" * 64)
    name = register_first_usable([broken, LATIN_ONLY_TTF, *cjk_font_files()], name="ZhibuTestCJK")
    assert ord("党") in pdfmetrics.getFont(name).face.charToGlyph


def _ink(image: object) -> bytes:
    return image.convert("L").tobytes()  # type: ignore[attr-defined]


def test_chinese_in_a_pdf_renders_as_distinct_glyphs_not_boxes(tmp_path: Path) -> None:
    """One large character per page: each page must carry ink, and no two may look the same
    (missing glyphs all print as the same empty box)."""
    styles = paper_styles()
    characters = "支部党员签到√"
    big = styles.title.clone("Big", fontSize=96, leading=110)
    story = []
    for ch in characters:
        story += [Paragraph(ch, big), PageBreak()]
    out = tmp_path / "glyphs.pdf"
    write_paper(out, story[:-1], title="字形", header=[], styles=styles)
    pdf = pdfium.PdfDocument(out)
    assert len(pdf) == len(characters)
    blank = None
    images = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=1).to_pil().crop((0, 0, 595, 250))
        images.append(_ink(image))
        if blank is None:
            blank = bytes([255]) * len(images[-1])
    for ch, image in zip(characters, images, strict=True):
        assert image != blank, f"{ch} drew nothing"
    for first in range(len(images)):
        for second in range(first + 1, len(images)):
            assert images[first] != images[second], f"{characters[first]} and {characters[second]} look the same"
