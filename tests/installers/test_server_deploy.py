"""The district server's deployment kit (installers/server): ``loopback_test.sh`` runs nginx with the
rendered site and a self-signed certificate in front of ``serve --workers 2`` on SQLite (and on
PostgreSQL with ``ZHIBU_TEST_PG_URL``), and the real branch client syncs through it over HTTPS.

Runs when nginx is installed, or always with ``ZHIBU_DEPLOY_TEST=1`` (then a missing nginx fails);
skipped otherwise. Also checks the kit's shell scripts parse (``bash -n``)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KIT = ROOT / "installers" / "server"
TIMEOUT = 300
REQUIRED = os.environ.get("ZHIBU_DEPLOY_TEST") == "1"


def _nginx() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


@pytest.mark.parametrize("script", ["install.sh", "loopback_test.sh", "render-nginx-conf.sh"])
def test_kit_scripts_parse(script: str) -> None:
    path = KIT / script
    assert "set -euo pipefail" in path.read_text(encoding="utf-8")
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


@pytest.mark.skipif(
    not REQUIRED and _nginx() is None, reason="nginx is not installed (set ZHIBU_DEPLOY_TEST=1 to require it)"
)
def test_loopback_deploy_through_nginx_https() -> None:
    if _nginx() is None:
        pytest.fail("ZHIBU_DEPLOY_TEST=1 but nginx is not installed: apt-get install nginx openssl curl")
    env = {**os.environ, "ZHIBU_PYTHON": sys.executable}
    process = subprocess.Popen(
        ["bash", str(KIT / "loopback_test.sh")], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    try:
        output, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        process.terminate()  # the script's trap stops its nginx and server
        try:
            output, _ = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: only what it started
            output, _ = process.communicate()
        pytest.fail(f"loopback_test.sh took longer than {TIMEOUT} s:\n{output}")
    assert process.returncode == 0, output
    assert "loopback test passed" in output, output
    if os.environ.get("ZHIBU_TEST_PG_URL"):
        assert "== postgresql" in output, output
