"""Pinyin search keys, and pypinyin's tables kept out of the cycle collector's way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from core.pinyin import name_keys

ROOT = Path(__file__).resolve().parents[2]


def test_names_get_full_pinyin_and_initials_with_surname_readings() -> None:
    assert name_keys("张三") == ("zhangsan", "zs")
    assert name_keys("曾小红") == ("zengxiaohong", "zxh")
    assert name_keys("单田芳") == ("shantianfang", "stf")


def test_a_full_collection_after_pinyin_is_loaded_does_not_walk_its_tables() -> None:
    # A fresh interpreter: whether the tables are loaded is a property of the whole process.
    probe = (
        "import gc, time\n"
        "from core.pinyin import name_keys\n"
        "assert name_keys('王建国') == ('wangjianguo', 'wjg')\n"
        "start = time.perf_counter(); gc.collect(); ms = (time.perf_counter() - start) * 1000\n"
        "print(len(gc.get_objects()), gc.get_freeze_count(), round(ms))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          check=True)
    tracked, frozen, _ms = map(int, done.stdout.split())
    assert frozen > 100_000, "pypinyin's ~200,000 lists should be out of the collector's sight"
    assert tracked < 50_000, f"a full collection still walks {tracked} objects"
