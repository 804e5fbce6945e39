"""How the command line speaks: one JSON object with ``--json``, Chinese text otherwise, progress on
stderr, and the exit codes of DESIGN §5."""

from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_SERVER = 3


class CommandFailed(Exception):
    """A command that cannot go on; ``message`` is shown to the user (Chinese)."""

    def __init__(self, message: str, exit_code: int = EXIT_REFUSED, details: dict[str, Any] | None = None):
        super().__init__(message)
        self.exit_code = exit_code
        self.details = details or {}


class Output:
    def __init__(self, as_json: bool, stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
        self.as_json = as_json
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self._last_progress = 0.0

    def result(self, data: dict[str, Any], text: str) -> None:
        """The command's answer: ``data`` as JSON, or ``text`` for people."""
        if self.as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            self.stdout.write(text.rstrip("\n") + "\n")
        self.stdout.flush()

    def failure(self, error: CommandFailed) -> int:
        message = str(error)
        if self.as_json:
            self.stdout.write(json.dumps({"error": message, **error.details}, ensure_ascii=False) + "\n")
            self.stdout.flush()
        self.stderr.write(f"错误：{message}\n")
        self.stderr.flush()
        return error.exit_code

    def progress(self, done: int, total: int, text: str) -> None:
        """Progress lines on stderr, at most a few per second."""
        now = time.monotonic()
        if now - self._last_progress < 0.2 and done != total:
            return
        self._last_progress = now
        line = f"{text} {done}/{total}" if total else f"{text} {done}"
        self.stderr.write(line + "\n")
        self.stderr.flush()


class TextProgress:
    """Progress lines on stderr (the text already says everything), a few per second at most."""

    def __init__(self) -> None:
        self._last = 0.0

    def __call__(self, done: int, total: int, text: str) -> None:
        now = time.monotonic()
        if now - self._last < 0.5 and not (total and done == total):
            return
        self._last = now
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
