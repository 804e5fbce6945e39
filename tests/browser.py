"""Headless Chromium (Debian's ``chromium``) through Playwright: at a phone's size for the pages phones
open, at an office PC's for the dashboard. CI installs the browser (scripts/setup.sh --for-tests);
elsewhere a test without it is skipped."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
WECHAT_UA = ("Mozilla/5.0 (Linux; Android 12; V2102A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.99 "
             "Mobile Safari/537.36 MicroMessenger/8.0.40.2420(0x28002837) WeChat/arm64 NetType/WIFI Language/zh_CN")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium_path() -> str | None:
    return os.environ.get("ZHIBU_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def _browser_page(**context_options: Any) -> Iterator[Any]:
    path = chromium_path()
    if path is None:
        if os.environ.get("ZHIBU_REQUIRE_PG"):  # CI: everything must run
            raise RuntimeError("chromium is not installed (scripts/setup.sh --for-tests installs it)")
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield browser.new_context(locale="zh-CN", **context_options).new_page()
        finally:
            browser.close()


@contextmanager
def phone_browser() -> Iterator[Any]:
    """A new page in a phone-sized, WeChat-like browser context."""
    with _browser_page(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                       user_agent=WECHAT_UA) as page:
        yield page


@contextmanager
def desktop_browser() -> Iterator[Any]:
    """A new page in a browser context the size of an office PC's screen; downloads are accepted."""
    with _browser_page(viewport=DESKTOP, accept_downloads=True) as page:
        yield page
