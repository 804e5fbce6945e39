#!/usr/bin/env bash
# Compile the UI translations: every resources/i18n/zh_CN/*.ts into one resources/i18n/zhibu_zh_CN.qm.
# Run by setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
parts=(resources/i18n/zh_CN/*.ts)
if [ ${#parts[@]} -gt 0 ]; then
  .venv/bin/pyside6-lrelease -silent "${parts[@]}" -qm resources/i18n/zhibu_zh_CN.qm
fi
