#!/usr/bin/env bash
# The API tests count rate limits in Debian's redis-server too (RATE_LIMIT_STORE=redis), each run
# starting its own on a free port. Installs it when missing and we may (root with apt-get);
# otherwise says what to do.
set -euo pipefail
if command -v "${REDIS_SERVER:-redis-server}" >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "redis-server not found: installing Debian's redis-server package…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null
  exit 0
fi
echo "redis-server not found. Install it (sudo apt-get install -y redis-server) or set REDIS_SERVER to its path." >&2
exit 1
