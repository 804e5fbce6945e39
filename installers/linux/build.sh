#!/usr/bin/env bash
# Build the Linux bundle: dist/zhibu-desk-<version>-linux-<arch>.tar.gz.
#   installers/linux/build.sh            PyInstaller build (installers/pyinstaller/build.sh), then pack
#   installers/linux/build.sh --no-build pack the dist/ZhibuDesk/ already built
# The tarball holds zhibu-desk-<version>/ with ZhibuDesk/ (the program), zhibu-desk.desktop, icons/,
# install.sh (per-user install, no root) and README.txt. Prints the packed and unpacked sizes and
# fails when the unpacked size is over ZHIBU_MAX_UNPACKED_MB (default 150).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-.venv/bin/python}
MAX_MB=${ZHIBU_MAX_UNPACKED_MB:-150}

if [ "${1:-}" != "--no-build" ]; then
  installers/pyinstaller/build.sh
fi
[ -x dist/ZhibuDesk/ZhibuDesk ] || { echo "dist/ZhibuDesk/ZhibuDesk is missing: run without --no-build" >&2; exit 1; }

version=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
baked=$(cat dist/ZhibuDesk/_internal/_build_version)
if [ "$baked" != "$version" ]; then
  echo "dist/ZhibuDesk was built as version $baked, pyproject.toml says $version: build again" >&2
  exit 1
fi
arch=$(uname -m)
name="zhibu-desk-$version"
stage="build/linux/$name"
tarball="dist/$name-linux-$arch.tar.gz"

rm -rf "build/linux"
mkdir -p "$stage/icons"
cp -a dist/ZhibuDesk "$stage/ZhibuDesk"
cp installers/linux/zhibu-desk.desktop installers/linux/install.sh "$stage/"
for size in 16 24 32 48; do cp "resources/icons/zhibu-$size.png" "$stage/icons/"; done
cp resources/icons/zhibu.png "$stage/icons/zhibu-256.png"
cat > "$stage/README.txt" <<TEXT
支部工作台 $version（Linux $arch）

安装（不需要管理员权限）：  ./install.sh
不安装直接运行：            ./ZhibuDesk/ZhibuDesk
卸载（数据会保留）：        ./install.sh --uninstall

命令行用法：ZhibuDesk/ZhibuDesk --help
数据保存在 ~/.local/share/ZhibuDesk/（zhibu.db 及其备份）。
中文字体：文泉驿微米黑，许可证见 ZhibuDesk/_internal/resources/fonts/wqy-microhei-LICENSE.txt
TEXT
chmod 755 "$stage/install.sh"

# A reproducible archive: sorted names, fixed owner and times.
rm -f "$tarball"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$(date +%s)}" \
  -C build/linux -czf "$tarball" "$name"

packed=$(du -k "$tarball" | cut -f1)
unpacked=$(du -sk "$stage" | cut -f1)
echo "$tarball: packed $((packed / 1024)) MB, unpacked $((unpacked / 1024)) MB ($(find "$stage" -type f | wc -l) files)"
if [ $((unpacked / 1024)) -gt "$MAX_MB" ]; then
  echo "the unpacked bundle is over $MAX_MB MB: see what grew (du -sh $stage/ZhibuDesk/_internal/* | sort -h)" >&2
  exit 1
fi
