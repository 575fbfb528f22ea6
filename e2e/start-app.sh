#!/usr/bin/env bash
# The real app for the journeys: a fresh embedded PostgreSQL (its own folder and port), migrations,
# demo data, and the API serving the built SPA. Playwright starts it and stops it with SIGTERM.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/.data/pg-${E2E_PG_PORT}"
rm -rf "$data"
export EMBEDDED_PG_DIR="$data"
# Request documents of this run, beside its database.
export UPLOAD_DIR="$here/.data/uploads-${E2E_PG_PORT}"
rm -rf "$UPLOAD_DIR"
export EMBEDDED_PG_PORT="${E2E_PG_PORT}"
export PORT="${E2E_APP_PORT}"
export HOST=127.0.0.1
export WEB_DIST="$here/../apps/web/dist"
export AUTO_MIGRATE=true SEED_DEMO=true LOG_LEVEL=warn
# The journeys pay with the simulated acquirer's test cards: the default on the embedded database,
# named here as a deployment must name it (docs/configuration.md).
export PAYMENT_ACQUIRER=simulated
# Stopped by Playwright at the end: no need to drain for a balancer.
export SHUTDOWN_DRAIN_MS=0
# The journeys share two cores with several browsers, so the event loop lags by whole seconds while
# the machine is busy and load shedding answered a sign-in 503 (a CI run failed so). Shedding is a
# property of a deployment under real load and has its own API test (features/system/availability.test.ts).
export MAX_EVENT_LOOP_DELAY_MS=0
# The journeys need known dates: the reading window is open on the 20th and closed on the 27th.
export CLOCK_FIXED_AT="${E2E_CLOCK:?set E2E_CLOCK}"
# Journeys sign in often from one address; the limits themselves are tested in the API suite.
export RATE_LIMIT_AUTH_PER_MINUTE=10000 SIGN_IN_FAILURES_PER_LOGIN=1000 RATE_LIMIT_ANSWERS_PER_MINUTE=10000
cd "$here/../apps/api"
exec node --import tsx src/server.ts
