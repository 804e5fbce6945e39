#!/bin/sh
# Install Zhibu Desk (支部工作台) for the current user, without root:
#   the program        → ~/.local/share/ZhibuDesk-app/
#   the menu entry     → ~/.local/share/applications/zhibu-desk.desktop
#   the icon           → ~/.local/share/icons/hicolor/<size>/apps/zhibu-desk.png
#   a command          → ~/.local/bin/zhibu-desk (the command-line sub-commands: zhibu-desk --help)
# Run it again to update. ./install.sh --uninstall removes all of these; the branch's data
# (~/.local/share/ZhibuDesk/, with zhibu.db and its backups) is never touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
app="$data/ZhibuDesk-app"
entry="$data/applications/zhibu-desk.desktop"
bin="$HOME/.local/bin/zhibu-desk"
sizes="16 24 32 48 256"

refresh() {  # let the menu notice the change now (desktops also notice by themselves)
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
  fi
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$app" "$entry"
  for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/zhibu-desk.png"; done
  if [ "$(readlink "$bin" 2>/dev/null)" = "$app/ZhibuDesk" ]; then rm -f "$bin"; fi
  refresh
  echo "支部工作台已卸载。数据仍保存在 $data/ZhibuDesk/（如不再需要，可手动删除）。"
  exit 0
fi

if [ ! -x "$here/ZhibuDesk/ZhibuDesk" ]; then
  echo "找不到 $here/ZhibuDesk/ZhibuDesk：请在解压后的文件夹中运行 ./install.sh" >&2
  exit 1
fi
mkdir -p "$data/applications" "$HOME/.local/bin"
# Copy next to the old version first, then swap, so a failed copy leaves the installed program working.
rm -rf "$app.new"
cp -a "$here/ZhibuDesk" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
for size in $sizes; do
  icon="$here/icons/zhibu-$size.png"
  [ -f "$icon" ] || continue
  mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
  cp "$icon" "$data/icons/hicolor/${size}x${size}/apps/zhibu-desk.png"
done
sed "s|@APPDIR@|$app|g" "$here/zhibu-desk.desktop" > "$entry"
chmod 644 "$entry"
ln -sfn "$app/ZhibuDesk" "$bin"
refresh
echo "支部工作台已安装到 $app"
echo "可以从应用程序菜单（办公）打开，或在终端运行：$bin"
