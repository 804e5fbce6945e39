"""Printed paper as PDF: the CJK font, A4 tabular documents, and saving them safely."""

from __future__ import annotations


class PdfError(Exception):
    """A PDF could not be made or saved; the message (Chinese) says what is wrong and what to do."""
