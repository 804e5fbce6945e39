"""The built Linux bundle (installers/linux/build.sh), tested as shipped. Runs only when ZHIBU_BUNDLE
names the tarball:

    installers/linux/build.sh
    ZHIBU_BUNDLE=dist/zhibu-desk-<version>-linux-x86_64.tar.gz .venv/bin/python -m pytest tests/installers
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SMOKE_TEST = ROOT / "installers" / "linux" / "smoke_test.sh"
MAX_UNPACKED_MB = 150
SERVER_ONLY = ("server", "fastapi", "starlette", "uvicorn", "sqlalchemy", "psycopg", "pydantic", "anyio")
NOT_SHIPPED = (*SERVER_ONLY, "tests", "pytest", "_pytest", "hypothesis", "tkinter", "unittest", "PyInstaller")
QT_MODULES_USED = {"QtCore", "QtGui", "QtWidgets", "QtPrintSupport"}
UNUSED_QT_LIBS = ("libQt6Quick", "libQt6Qml", "libQt6WebEngine", "libQt63D", "libQt6Multimedia", "libQt6Pdf",
                  "libQt6Network", "libQt6Sql", "libQt6Designer")


def bundle_path() -> Path | None:
    value = os.environ.get("ZHIBU_BUNDLE")
    if not value:
        return None
    path = Path(value)
    return path if path.is_absolute() or path.exists() else ROOT / path


BUNDLE = bundle_path()
pytestmark = [
    pytest.mark.skipif(BUNDLE is None, reason="set ZHIBU_BUNDLE to a tarball built by installers/linux/build.sh"),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle runs on Linux"),
]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert BUNDLE is not None and BUNDLE.is_file(), f"ZHIBU_BUNDLE={BUNDLE} is not a file"
    target = tmp_path_factory.mktemp("bundle")
    with tarfile.open(BUNDLE) as archive:
        archive.extractall(target, filter="data")
    (top,) = target.iterdir()
    return top


def test_smoke_test_passes_on_the_tarball() -> None:
    assert BUNDLE is not None
    done = subprocess.run(["bash", str(SMOKE_TEST), str(BUNDLE)], capture_output=True, text=True, timeout=600,
                          check=False)
    assert done.returncode == 0, f"smoke test failed:\n{done.stdout}\n{done.stderr}"
    assert "Chinese renders" in done.stdout


def test_tarball_is_named_after_the_version_and_holds_the_installer(unpacked: Path) -> None:
    assert BUNDLE is not None
    version = project_version()
    assert BUNDLE.name.startswith(f"zhibu-desk-{version}-linux-")
    assert unpacked.name == f"zhibu-desk-{version}"
    internal = unpacked / "ZhibuDesk" / "_internal"
    assert (internal / "_build_version").read_text(encoding="utf-8").strip() == version
    assert os.access(unpacked / "install.sh", os.X_OK)
    assert os.access(unpacked / "ZhibuDesk" / "ZhibuDesk", os.X_OK)
    desktop = (unpacked / "zhibu-desk.desktop").read_text(encoding="utf-8")
    for line in ("Name=支部工作台", "Categories=Office;", "Icon=zhibu-desk", 'Exec="@APPDIR@/ZhibuDesk"'):
        assert line in desktop.splitlines()
    assert (unpacked / "icons" / "zhibu-256.png").is_file()


def test_bundle_ships_translations_icons_and_a_licensed_font(unpacked: Path) -> None:
    resources = unpacked / "ZhibuDesk" / "_internal" / "resources"
    assert (resources / "i18n" / "zhibu_zh_CN.qm").stat().st_size > 10_000
    assert {p.name for p in (resources / "icons").iterdir()} >= {"zhibu.png", "zhibu.ico", "zhibu-16.png"}
    fonts = [p for p in (resources / "fonts").iterdir() if p.suffix in (".ttf", ".ttc")]
    assert fonts, "no CJK font in the bundle"
    licence = (resources / "fonts" / "wqy-microhei-LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence


def test_bundle_leaves_out_the_server_tests_and_unused_qt(unpacked: Path) -> None:
    readers = pytest.importorskip("PyInstaller.archive.readers")
    executable = readers.CArchiveReader(str(unpacked / "ZhibuDesk" / "ZhibuDesk"))
    modules = set(executable.open_embedded_archive("PYZ.pyz").toc)
    assert {"core.sync.transport", "requests", "ui.pages.settings", "ui.about_dialog"} <= modules
    shipped = sorted(m for m in modules if m.split(".")[0] in NOT_SHIPPED)
    assert not shipped, f"left out on purpose, yet in the bundle: {shipped[:20]}"
    qt_modules = {m.split(".")[1] for m in modules if m.startswith("PySide6.Qt")}
    assert qt_modules <= QT_MODULES_USED, f"unused Qt modules in the bundle: {qt_modules - QT_MODULES_USED}"
    files = [p.name for p in (unpacked / "ZhibuDesk").rglob("*")]
    assert not [n for n in files if n.startswith(UNUSED_QT_LIBS)], "unused Qt libraries in the bundle"
    assert not [n for n in files if n.startswith(("fastapi", "sqlalchemy", "uvicorn", "psycopg"))]
    assert not (unpacked / "ZhibuDesk" / "_internal" / "PySide6" / "Qt" / "qml").exists()


def test_unpacked_size_is_within_budget(unpacked: Path) -> None:
    size = sum(p.lstat().st_size for p in unpacked.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= MAX_UNPACKED_MB * 1024 * 1024, f"unpacked bundle is {size / 2**20:.0f} MB"
