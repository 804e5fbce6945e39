#!/usr/bin/env bash
# Set up everything Zhibu Desk needs on a Debian/Ubuntu machine: the system libraries Qt needs,
# a CJK font, a virtual environment with the project's packages. Safe to run again.
#   scripts/setup.sh              what the app needs (scripts/start.sh)
#   scripts/setup.sh --for-tests  also what the tests need: nginx, openssl and curl for the server
#                                 deployment test, binutils and PyInstaller for the Linux bundle
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=no
[ "${1:-}" = "--for-tests" ] && for_tests=yes

APT_PACKAGES=(
  python3-venv
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libegl1 libgl1
  libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  libfontconfig1 libdbus-1-3 fonts-wqy-microhei xvfb xauth poppler-utils
)
EXTRAS="server,dev"
if [ "$for_tests" = yes ]; then
  APT_PACKAGES+=(nginx openssl curl binutils chromium)
  EXTRAS="server,dev,build"
fi
missing=()
if command -v dpkg >/dev/null 2>&1; then
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# One stamp per pyproject.toml and set of extras: the tests' set includes the app's.
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp-$EXTRAS" ] && { [ "$for_tests" = yes ] || [ ! -f "$stamp-server,dev,build" ]; }; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q ".[$EXTRAS]"
  rm -f .venv/.installed-*
  touch "$stamp-$EXTRAS"
fi
if [ -x scripts/build_translations.sh ]; then
  scripts/build_translations.sh
fi
