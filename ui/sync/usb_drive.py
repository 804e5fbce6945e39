"""Where the file dialogs of sync by file (同步包) open: the folder used last time, unless a USB stick
is plugged in somewhere else — then the stick, when there is exactly one — else the documents folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QStorageInfo

DRIVE_REMOVABLE = 2  # GetDriveTypeW
MOUNT_POINTS = ("/media/", "/run/media/", "/Volumes/")  # where Linux desktops and macOS mount a stick


def removable_drives() -> list[Path]:
    """The writable removable drives that are plugged in (E:\\ on Windows, /media/… elsewhere)."""
    found: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        root = volume.rootPath()
        if _removable(root):
            found.append(Path(root))
    return found


def _removable(root: str) -> bool:
    if sys.platform == "win32":
        import ctypes

        return bool(ctypes.windll.kernel32.GetDriveTypeW(root) == DRIVE_REMOVABLE)  # type: ignore[attr-defined]
    return root.startswith(MOUNT_POINTS)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (OSError, ValueError):
        return False
    return True


def start_folder(remembered: str | None, drives: list[Path] | None = None) -> Path:
    """The folder a sync package dialog opens in. ``drives``: the removable drives (looked up when None)."""
    drives = removable_drives() if drives is None else drives
    last = Path(remembered) if remembered else None
    if last is not None and not last.is_dir():
        last = None
    stick = drives[0] if len(drives) == 1 else None
    if last is not None and (stick is None or any(_inside(last, drive) for drive in drives)):
        return last
    if stick is not None:
        return stick
    if last is not None:
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()
