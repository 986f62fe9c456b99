#!/usr/bin/env bash
# The project's test command (README.md's quick start names it; .ci/run calls it).
# Builds every module and runs every test: unit, property, fuzz, and the functional scenarios.
# journal-jdbc's PostgreSQL tests need a server: scripts/postgres.sh starts one (installing it if
# need be) and exports its settings. Without one they skip, or fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=postgres.sh
. scripts/postgres.sh \
  || echo "test.sh: no PostgreSQL; its tests will skip (or fail, with CI=true)" >&2
exec mvn -B verify "$@"
