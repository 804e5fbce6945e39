#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/ZhibuDesk/ with PyInstaller (installers/pyinstaller/zhibu.spec).
# Needs the project's venv with the build extra (pip install -e ".[build]" or pip install "pyinstaller>=6,<7")
# and, on Linux, binutils (objdump, strip) and a CJK font (fonts-wqy-microhei). Prints the time taken.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "PyInstaller is not installed: $PY -m pip install 'pyinstaller>=6,<7'  (the [build] extra)" >&2
  exit 1
fi
# The compiled translations are build products (.gitignore'd): make them from the .ts files.
scripts/build_translations.sh
[ -f resources/icons/zhibu.ico ] || "$PY" installers/make_icon.py

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installers/pyinstaller/zhibu.spec
end=$(date +%s)

echo "built dist/ZhibuDesk in $((end - start)) s ($(du -sh dist/ZhibuDesk | cut -f1))"
