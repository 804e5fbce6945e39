"""Replies to sync packages uploaded on the dashboard (``server.dashboard_packages``), kept a short
while for their download link.

:class:`ReplyStore` keeps the last :data:`KEEP` replies for :data:`MAX_AGE` seconds as files in a
private folder of the system's temporary directory, one folder per server database, so every worker
process of the server finds a reply whichever of them made it. The replies are encrypted for their PC
(``core.sync.package_file``); a lost or expired one is made again by applying the same package again,
which writes nothing twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
import tempfile
import time
from pathlib import Path

KEEP = 20
MAX_AGE = 3600
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")


class ReplyStore:
    """Replies kept for their download link: ``put`` gives an unguessable token, ``get`` the reply and
    its file names while it is among the last :data:`KEEP` and younger than :data:`MAX_AGE` seconds."""

    def __init__(self, folder: Path, keep: int = KEEP, max_age: float = MAX_AGE) -> None:
        self.folder, self.keep, self.max_age = folder, keep, max_age

    @classmethod
    def for_secret(cls, secret: str) -> ReplyStore:
        """The store of the server whose database holds ``secret`` (its cookie secret), shared by its
        workers and by no other server."""
        name = hashlib.sha256(f"zhibu-replies/{secret}".encode()).hexdigest()[:24]
        return cls(Path(tempfile.gettempdir()) / f"zhibu-replies-{name}")

    def put(self, reply: bytes, filename: str, fallback: str) -> str:
        """Keep ``reply`` with its file name and an ASCII stand-in; raises ``OSError`` when it cannot
        be written."""
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        token = secrets.token_urlsafe(24)
        target = self.folder / f"{token}.reply"
        part = self.folder / f"{token}.part"
        names = json.dumps({"filename": filename, "fallback": fallback}, ensure_ascii=False).encode("utf-8")
        try:
            with part.open("xb") as out:
                out.write(names + b"\n" + reply)
            os.replace(part, target)
        except OSError:
            part.unlink(missing_ok=True)
            raise
        self._prune()
        return token

    def get(self, token: str) -> tuple[bytes, str, str] | None:
        if not TOKEN.fullmatch(token):
            return None
        path = self.folder / f"{token}.reply"
        try:
            if time.time() - path.stat().st_mtime > self.max_age:
                path.unlink(missing_ok=True)
                return None
            data = path.read_bytes()
            meta, _, reply = data.partition(b"\n")
            names = json.loads(meta.decode("utf-8"))
            return reply, str(names["filename"]), str(names["fallback"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _prune(self) -> None:
        """Forget the replies past the newest ``keep`` and those too old (and any half-written file)."""
        now = time.time()
        kept: list[tuple[float, Path]] = []
        for path in self.folder.iterdir():
            with contextlib.suppress(OSError):
                modified = path.stat().st_mtime
                if path.suffix == ".reply" and now - modified <= self.max_age:
                    kept.append((modified, path))
                elif path.suffix == ".reply" or now - modified > 60:  # too old, or left half-written
                    path.unlink(missing_ok=True)
        kept.sort(reverse=True)
        for _, path in kept[self.keep:]:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
