#!/usr/bin/env bash
# Makes sure a headless Chromium is installed for the page tests: Debian's package, because
# browser downloads from vendor sites are not reachable from the build machines.
# Quick and silent when Chromium is already there; CHROMIUM_PATH points at another binary.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ] && version=$("$chromium" --version 2>/dev/null); then
  echo "[chromium] $version"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo -n"
else
  echo "[chromium] $chromium is missing and this user cannot install packages." >&2
  echo "[chromium] Install it with: sudo apt-get install -y chromium  (or set CHROMIUM_PATH)" >&2
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "[chromium] installing Debian package chromium (page tests need a real browser) ..."
if ! $sudo apt-get update -qq >"$log" 2>&1 \
    || ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >>"$log" 2>&1; then
  echo "[chromium] installation failed; last lines of apt's output:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
echo "[chromium] installed: $("$chromium" --version 2>/dev/null)"
