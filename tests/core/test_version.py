"""The version has one source, pyproject.toml; a frozen bundle reads the copy its spec baked in."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import version

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_version() -> Iterator[None]:
    version.app_version.cache_clear()
    yield
    version.app_version.cache_clear()


def test_version_comes_from_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    assert version.app_version() == expected
    assert version.__version__ == expected


def test_another_projects_pyproject_is_not_read(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9.9"\n', encoding="utf-8")
    assert version.read_pyproject_version(other) is None
    assert version.read_pyproject_version(tmp_path / "missing.toml") is None


def test_frozen_bundle_reads_the_baked_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / version.BUILD_VERSION_FILE).write_text("2.3.4\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert version.app_version() == "2.3.4"


def test_main_prints_the_version() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"支部工作台 {version.app_version()}"
