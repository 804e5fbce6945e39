"""Where the application's resources (fonts, translations, icons) are, also in a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

RESOURCES = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent)) / "resources"
