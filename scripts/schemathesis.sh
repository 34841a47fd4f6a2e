#!/usr/bin/env bash
# Starts the server on a fresh SQLite file and runs schemathesis against its own /openapi.yaml:
# no server errors, and every response conforms to the contract: its body, its status (one the
# operation declares) and its content type. Used by CI; needs a built
# `renewal` (swift build) and pip.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SCHEMATHESIS_VENV:-/tmp/renewal-schemathesis}
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi
port=${PORT:-18080}
db=$(mktemp -d)/schemathesis.sqlite
swift run --skip-build renewal serve --port "$port" --sqlite "$db" > /tmp/renewal-schemathesis-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health"; echo
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.yaml" -u "http://127.0.0.1:$port/api" \
  -c not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance -n "${MAX_EXAMPLES:-25}" --generation-deterministic
