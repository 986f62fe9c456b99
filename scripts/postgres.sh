#!/usr/bin/env bash
# Gets a local PostgreSQL running for the tests (journal-jdbc), on a Debian-like machine:
#   - installs Debian's `postgresql` package with apt-get if it is missing (apt-get update first
#     only when the package is unknown to apt);
#   - starts the first cluster with pg_ctlcluster (creating one if there is none), which runs the
#     server as the `postgres` user even when this script runs as root;
#   - creates (or resets) the test role, allowed to log in with a password and create databases:
#     every test creates and drops its own database;
#   - exports ESCROWKIT_PG_URL, ESCROWKIT_PG_USER, ESCROWKIT_PG_PASSWORD and prints them.
# Idempotent: run it as often as you like.
#
#   ./scripts/postgres.sh              # start and print the settings
#   . scripts/postgres.sh              # the same, and export them into this shell
#
# Override the role or password with ESCROWKIT_PG_USER / ESCROWKIT_PG_PASSWORD.

escrowkit_pg_as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "postgres.sh: need root (or sudo) to run: $*" >&2
    return 1
  fi
}

escrowkit_pg_as_postgres() {
  if [ "$(id -un)" = "postgres" ]; then
    "$@"
  elif [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres "$@"
  fi
}

escrowkit_pg_install() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    return 0
  fi
  echo "postgres.sh: installing Debian's postgresql package" >&2
  if ! apt-cache policy postgresql 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    escrowkit_pg_as_root apt-get update -q || return 1
  fi
  DEBIAN_FRONTEND=noninteractive escrowkit_pg_as_root \
    apt-get install -y -q --no-install-recommends postgresql || return 1
}

escrowkit_pg_start() {
  local line version cluster port status
  line="$(pg_lsclusters -h 2>/dev/null | head -n 1)"
  if [ -z "$line" ]; then
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    echo "postgres.sh: creating cluster $version/main" >&2
    escrowkit_pg_as_root pg_createcluster "$version" main >/dev/null || return 1
    line="$(pg_lsclusters -h | head -n 1)"
  fi
  read -r version cluster port status _ <<<"$line"
  if [ "$status" != "online" ]; then
    escrowkit_pg_as_root pg_ctlcluster "$version" "$cluster" start || return 1
  fi
  local waited=0
  until pg_isready -q -h 127.0.0.1 -p "$port"; do
    waited=$((waited + 1))
    if [ "$waited" -gt 60 ]; then
      echo "postgres.sh: cluster $version/$cluster on port $port did not accept connections in 30 s" >&2
      return 1
    fi
    sleep 0.5
  done
  ESCROWKIT_PG_PORT="$port"
  ESCROWKIT_PG_CLUSTER="$version/$cluster"
}

escrowkit_pg_role() {
  local user="$1" password="$2"
  # Names and passwords go in as psql variables, quoted by psql (:'var' / :"var").
  escrowkit_pg_as_postgres psql -q -X -v ON_ERROR_STOP=1 -p "$ESCROWKIT_PG_PORT" -d postgres \
    -v user="$user" -v password="$password" <<'SQL' || return 1
SELECT NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') AS missing \gset
\if :missing
CREATE ROLE :"user" LOGIN CREATEDB PASSWORD :'password';
\else
ALTER ROLE :"user" LOGIN CREATEDB PASSWORD :'password';
\endif
SQL
}

escrowkit_pg_setup() {
  local user="${ESCROWKIT_PG_USER:-escrowkit_test}"
  local password="${ESCROWKIT_PG_PASSWORD:-escrowkit_test}"
  escrowkit_pg_install || return 1
  escrowkit_pg_start || return 1
  escrowkit_pg_role "$user" "$password" || return 1
  export ESCROWKIT_PG_URL="jdbc:postgresql://127.0.0.1:${ESCROWKIT_PG_PORT}/postgres"
  export ESCROWKIT_PG_USER="$user"
  export ESCROWKIT_PG_PASSWORD="$password"
  echo "PostgreSQL $ESCROWKIT_PG_CLUSTER is running on 127.0.0.1:$ESCROWKIT_PG_PORT"
  echo "ESCROWKIT_PG_URL=$ESCROWKIT_PG_URL"
  echo "ESCROWKIT_PG_USER=$ESCROWKIT_PG_USER"
  echo "ESCROWKIT_PG_PASSWORD=$ESCROWKIT_PG_PASSWORD"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  escrowkit_pg_setup
  exit $?
else
  escrowkit_pg_setup
fi
