#!/usr/bin/env bash
# Starts the server on a fresh SQLite file and runs schemathesis against its own /openapi.yaml:
# no server errors, and every response conforms to the contract: its body, its status (one the
# operation declares) and its content type. Schemathesis acts as an administrator made for the
# run with `renewal user add` (its password random, handed over on stdin) and signed in through
# POST /api/tokens. Used by CI; needs a built `renewal` (swift build) and pip.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${SCHEMATHESIS_VENV:-/tmp/renewal-schemathesis}
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi
port=${PORT:-18080}
work=$(mktemp -d)
db=$work/schemathesis.sqlite
password="St-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')-9a"
printf '%s\n' "$password" | swift run --skip-build renewal user add schemathesis --role administrator --sqlite "$db"
# The ledger's writes are the city officer's alone: a second account fuzzes them.
printf '%s\n' "$password" | swift run --skip-build renewal user add schemathesis.city --role city_officer --sqlite "$db"
swift run --skip-build renewal serve --port "$port" --sqlite "$db" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health"; echo
sign_in() {
  curl -fsS -X POST -H 'Content-Type: application/json' \
    -d "{\"username\": \"${1:-schemathesis}\", \"password\": \"$password\", \"name\": \"schemathesis\"}" \
    "http://127.0.0.1:$port/api/tokens" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
run() {
  token=$1
  shift
  "$venv/bin/schemathesis" run "http://127.0.0.1:$port/openapi.yaml" -u "http://127.0.0.1:$port/api" \
    -H "Authorization: Bearer $token" \
    -c not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    -n "${MAX_EXAMPLES:-25}" --generation-deterministic "$@"
}
# Revoking a token on its own: its stateful phase finds the run's own token (GET /tokens) and
# revokes it, which would leave every later request unauthenticated.
# Both tokens first: the fuzzing of POST /tokens soon meets the sign-in rate limit (429).
first=$(sign_in)
second=$(sign_in)
city=$(sign_in schemathesis.city)
run "$first" --exclude-operation-id revokeToken
run "$second" --include-operation-id revokeToken
run "$city" --include-tag ledger

# After all those requests the audit trail's chain must hold; and altering one entry behind the
# database's back (its append-only triggers dropped, as the file's owner could) must break it.
kill $server 2>/dev/null || true
wait $server 2>/dev/null || true
swift run --skip-build renewal audit verify --sqlite "$db"
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER audit_entries_no_update")
db.execute("UPDATE audit_entries SET actor_name = 'someone else' WHERE seq = (SELECT max(seq) / 2 + 1 FROM audit_entries)")
db.commit()
PY
if swift run --skip-build renewal audit verify --sqlite "$db"; then
  echo "renewal audit verify passed over an altered entry"; exit 1
fi
echo "renewal audit verify found the altered entry"
