"""The program's version, read from its one source: ``[project] version`` in ``pyproject.toml``.

- In a PyInstaller bundle the spec bakes the version into a ``_build_version`` file next to
  ``resources/`` (the bundle has neither ``pyproject.toml`` nor package metadata).
- From a source checkout ``pyproject.toml`` itself is read, so a version bump shows at once even
  when the installed metadata (``pip install .``) is older than the file.
- Otherwise the installed package metadata of ``zhibu-desk`` is used.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from core.resources import app_root, is_frozen

DISTRIBUTION = "zhibu-desk"
BUILD_VERSION_FILE = "_build_version"
UNKNOWN = "0+unknown"


def read_pyproject_version(pyproject: Path) -> str | None:
    """``[project] version`` of ``pyproject`` when it is this project's file, else None."""
    try:
        with pyproject.open("rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    if project.get("name") != DISTRIBUTION or not isinstance(project.get("version"), str):
        return None
    return str(project["version"])


def _baked_version() -> str | None:
    try:
        text = (app_root() / BUILD_VERSION_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


def _metadata_version() -> str | None:
    from importlib import metadata  # only when neither file is there: it is slow to import

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None


@cache
def app_version() -> str:
    """The version string, e.g. ``0.1.0`` (``0+unknown`` when no source of it can be found)."""
    found = _baked_version() if is_frozen() else read_pyproject_version(app_root() / "pyproject.toml")
    return found or _metadata_version() or UNKNOWN


__version__ = app_version()
