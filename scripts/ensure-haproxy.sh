#!/usr/bin/env bash
# The cluster test puts Debian's HAProxy in front of the API instances. Installs it when missing
# and we may (root with apt-get); otherwise says what to do.
set -euo pipefail
if command -v "${HAPROXY:-haproxy}" >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "HAProxy not found: installing Debian's haproxy package…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  exit 0
fi
echo "HAProxy not found. Install it (sudo apt-get install -y haproxy) or set HAPROXY to its path." >&2
exit 1
