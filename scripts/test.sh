#!/usr/bin/env bash
# The project's test command (README.md's quick start names it; .ci/run calls it).
# Builds every module and runs every test: unit, property, fuzz, and the functional scenarios.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B verify "$@"
