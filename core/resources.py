"""The one place that knows where the application's files are, from source and in a frozen build.

From a source checkout the application root is the folder holding ``main.py`` and ``resources/``.
In a PyInstaller bundle it is ``sys._MEIPASS`` (the ``_internal`` folder beside the executable of a
one-folder build), where the spec puts ``resources/`` and the baked version file.
"""

from __future__ import annotations

import sys
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def app_root() -> Path:
    """The folder holding ``resources/``: the bundle's data folder when frozen, else the checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else _SOURCE_ROOT


def resources_dir() -> Path:
    """The application's ``resources/`` folder (fonts, icons, translations)."""
    return app_root() / "resources"


def resource_path(*parts: str) -> Path:
    """A file or folder inside ``resources/``, e.g. ``resource_path("icons", "zhibu.png")``."""
    return resources_dir().joinpath(*parts)
