#!/usr/bin/env bash
# Debian packages the project needs on a machine: tools the tests use to look at what we print
# (pdftoppm/pdftotext, zbarimg), a CJK font so Qt draws Chinese in screenshots, and the shared
# libraries PySide6's wheels load, and PostgreSQL (the sync tests start a throwaway cluster from
# its binaries; nothing runs as a service), faketime (date-sensitive tests run at other dates),
# what Qt's xcb platform plugin loads so `make run` opens a window on a real desktop (ldd of
# libqxcb.so; libxcb-cursor0 is the one a fresh desktop lacks), and the real-window test bench:
# Xvfb, openbox, xdotool, xprop/xwininfo and ImageMagick's `import` for screenshots; and the
# county workspace's browser tests: Debian's Chromium and its driver (never a downloaded browser).
# Installs only what is missing; never needs a human.
set -euo pipefail
packages=(poppler-utils zbar-tools fonts-wqy-microhei libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0
          libfontconfig1 libdbus-1-3 postgresql faketime tzdata
          libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
          libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
          libxcb-util1 libxcb-xfixes0 libxcb-xkb1
          xvfb openbox xdotool x11-utils imagemagick chromium chromium-driver)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: not a Debian/Ubuntu machine; please install: ${missing[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
