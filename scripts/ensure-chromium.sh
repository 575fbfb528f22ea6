#!/usr/bin/env bash
# The browser journeys run in Debian's Chromium (never a browser Playwright downloads).
# Installs it when missing and we may (root with apt-get); otherwise says what to do.
set -euo pipefail
browser="${PLAYWRIGHT_CHROMIUM_EXECUTABLE:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found at $browser: installing Debian's chromium package…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $browser. Install it (sudo apt-get install -y chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE." >&2
exit 1
