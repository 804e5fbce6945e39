"""The program's version, read from its one source: ``[project] version`` in ``pyproject.toml``.

- In a PyInstaller bundle the spec bakes the version into a ``_build_version`` file next to
  ``resources/`` (the bundle has neither ``pyproject.toml`` nor package metadata).
- From a source checkout ``pyproject.toml`` itself is read, so a version bump shows at once even
  when the installed metadata (``pip install .``) is older than the file.
- Otherwise the installed package metadata of ``zhibu-desk`` is used.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from core.resources import app_root, is_frozen

DISTRIBUTION = "zhibu-desk"
BUILD_VERSION_FILE = "_build_version"
UNKNOWN = "0+unknown"


_SIMPLE_FIELD = re.compile(r'(name|version)\s*=\s*"([^"\\]*)"\s*(?:#.*)?')


def _scan_project(text: str) -> dict[str, str] | None:
    """``name`` and ``version`` of ``[project]`` when both are plain one-line strings (as this project
    writes them), else None. Saves loading the TOML parser at every start from source."""
    fields: dict[str, str] = {}
    in_project = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            in_project = stripped == "[project]"
        elif in_project and (match := _SIMPLE_FIELD.fullmatch(stripped)):
            fields[match[1]] = match[2]
    return fields if len(fields) == 2 else None


def read_pyproject_version(pyproject: Path) -> str | None:
    """``[project] version`` of ``pyproject`` when it is this project's file, else None."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    project: dict[str, Any] | None = _scan_project(text)
    if project is None:
        import tomllib

        try:
            project = tomllib.loads(text).get("project", {})
        except tomllib.TOMLDecodeError:
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


def __getattr__(name: str) -> str:
    """``__version__``: ``app_version()``, read when first asked for."""
    if name == "__version__":
        return app_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
