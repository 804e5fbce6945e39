"""Printed QR material: posters, folded table stands and label sheets for the branch's official
accounts and micro-lessons, each code checked the way a phone reads it.

- :mod:`core.qr.codes`: the module matrix of one code, the print-size rules, vector drawing.
- :mod:`core.qr.targets`: what a code points at (a lesson, an official account, a custom link).
- :mod:`core.qr.material`: the layouts, through one entry point, :func:`write_material`.
- :mod:`core.qr.verify`: rendering the PDF back and decoding every code.
"""

from __future__ import annotations


class QrError(ValueError):
    """Refused QR material; the message (Chinese) says what is wrong and, last, what to do instead."""

    def __init__(self, reason: str, suggestion: str = "") -> None:
        super().__init__(reason + suggestion)
        self.reason = reason
        self.suggestion = suggestion
