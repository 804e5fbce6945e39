#!/usr/bin/env bash
# Smoke test of the Linux bundle, as on a fresh machine: unpack the tarball into a temporary folder
# and run the bundled program headless, with an empty home and no fonts but the one it ships.
#   installers/linux/smoke_test.sh [dist/zhibu-desk-<version>-linux-<arch>.tar.gz]
# Checks: --version; demo --members 30; import-roster of a legacy .xls (smoke-roster.xls: the bundled
# python-calamine reads it, merged cells included); a PDF (the bundled font must be usable by reportlab);
# an enrolment sync package (the bundled PyNaCl makes its key pair);
# --screenshot of every page; the home page screenshot is checked for a drawn window and real
# Chinese, not missing-glyph boxes (check_screenshot.py, standard library only).
# SMOKE_OUT=DIR keeps the screenshots there. Exits non-zero on the first failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tarball=${1:-$(ls -t "$root"/dist/zhibu-desk-*-linux-*.tar.gz 2>/dev/null | head -n 1 || true)}
[ -n "$tarball" ] && [ -f "$tarball" ] || { echo "no bundle: build one with installers/linux/build.sh" >&2; exit 2; }
python=${PYTHON:-$(command -v python3 || echo "$root/.venv/bin/python")}

work=$(mktemp -d "${TMPDIR:-/tmp}/zhibu-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
now() { date +%s%N; }
started=$(now)
step() { printf '%-44s' "$1"; }
ok() { local ms=$((($(now) - $1) / 1000000)); printf 'ok (%d.%02d s)\n' $((ms / 1000)) $((ms % 1000 / 10)); }

step "unpack $(basename "$tarball")"; t=$(now)
tar -xzf "$tarball" -C "$work"
app=$(find "$work" -mindepth 3 -maxdepth 3 -type f -path '*/ZhibuDesk/ZhibuDesk' | head -n 1)
[ -x "$app" ] || { echo "FAILED: no executable ZhibuDesk/ZhibuDesk in the tarball" >&2; exit 1; }
ok "$t"

# A machine of its own: empty home and data folders, no display, no fonts except the bundled one.
mkdir -p "$work/home" "$work/fontcache"
cat > "$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><cachedir>$work/fontcache</cachedir></fontconfig>
CONF
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config"
export XDG_CACHE_HOME="$work/home/.cache" FONTCONFIG_FILE="$work/fonts.conf" QT_QPA_PLATFORM=offscreen
unset ZHIBU_DB DISPLAY WAYLAND_DISPLAY
db="$work/x.db"

step "--version"; t=$(now)
expected=$(basename "$tarball" | sed -E 's/^zhibu-desk-(.+)-linux-[^-]+\.tar\.gz$/\1/')
shown=$("$app" --version)
[ "$shown" = "支部工作台 $expected" ] || { echo "FAILED: --version said '$shown', expected 支部工作台 $expected" >&2; exit 1; }
ok "$t"

step "demo --members 30"; t=$(now)
"$app" --db "$db" demo --members 30 > "$work/demo.txt"
grep -q "30 名党员" "$work/demo.txt" || { echo "FAILED: demo said: $(cat "$work/demo.txt")" >&2; exit 1; }
ok "$t"

step "import-roster smoke-roster.xls (calamine)"; t=$(now)
"$app" --db "$work/xls.db" import-roster "$here/smoke-roster.xls" --json > "$work/import.json" 2> "$work/import.err" \
  || { echo "FAILED: import-roster said: $(cat "$work/import.err")" >&2; exit 1; }
grep -q '"inserted": 2,' "$work/import.json" || { echo "FAILED: import-roster answered: $(cat "$work/import.json")" >&2; exit 1; }
grep -q '"errors": \[\]' "$work/import.json" || { echo "FAILED: import-roster answered: $(cat "$work/import.json")" >&2; exit 1; }
ok "$t"

step "pairing print -o pairs.pdf"; t=$(now)
"$app" --db "$db" pairing print -o "$work/pairs.pdf" > /dev/null
[ -s "$work/pairs.pdf" ] || { echo "FAILED: no PDF written" >&2; exit 1; }
ok "$t"

step "sync export-package --enroll (PyNaCl)"; t=$(now)
"$app" --db "$db" sync export-package "$work/enroll.zbsync" --enroll ABCDE23456 --device-name 测试电脑 > /dev/null
[ -s "$work/enroll.zbsync" ] || { echo "FAILED: no enrolment package written" >&2; exit 1; }
ok "$t"

for page in home roster lessons pairing qr reports sync settings; do
  step "--screenshot --page $page"; t=$(now)
  "$app" --db "$db" --screenshot "$work/$page.png" --page "$page"
  [ -s "$work/$page.png" ] || { echo "FAILED: no screenshot of $page" >&2; exit 1; }
  ok "$t"
done

step "home.png shows Chinese, not boxes"; t=$(now)
"$python" "$here/check_screenshot.py" "$work/home.png" > "$work/check.txt" || { echo; exit 1; }
ok "$t"
cat "$work/check.txt"

if [ -n "${SMOKE_OUT:-}" ]; then
  mkdir -p "$SMOKE_OUT" && cp "$work"/*.png "$SMOKE_OUT/" && echo "screenshots kept in $SMOKE_OUT"
fi
total=$((($(now) - started) / 1000000))
printf 'smoke test passed in %d.%d s\n' $((total / 1000)) $((total % 1000 / 100))
