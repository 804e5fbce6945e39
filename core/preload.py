"""The Qt-free modules that opening the window needs, imported before PySide6 is.

Once imported, PySide6 reads the source of every module named in an import statement run after it
(looking for its ``__feature__`` switches): tens of milliseconds at start-up for the standard
library and core modules below the UI. Imported first, only the names the UI modules import
themselves are read. ``main.py`` calls :func:`preload` before it imports the UI; nothing here
imports Qt.
"""

from __future__ import annotations

import importlib

# What every start needs, and what the page the window opens on needs besides.
COMMON = (
    "argparse", "logging", "threading", "traceback",
    "core.cancel", "core.db", "core.pdf.fonts", "core.profile", "core.resources", "core.store", "core.version",
)
FOR_PAGE = {
    "roster": ("core.roster.fields", "core.roster.groups", "core.roster.members", "core.roster.search"),
}


def preload(page: str | None = None) -> None:
    """Import the modules opening the window on ``page`` (the home page by default) needs."""
    for name in COMMON + FOR_PAGE.get(page or "home", ()):
        importlib.import_module(name)
