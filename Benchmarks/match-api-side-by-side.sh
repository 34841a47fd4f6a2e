#!/usr/bin/env bash
# One request at the speed users feel it, side by side in one run: `POST /api/match` of
# `renewal serve` (release build) against OpenFisca's own Web API (`openfisca serve`, gunicorn)
# answering the same project on the same rules (the model in Benchmarks/OpenFisca), and against
# the same server's static `/openapi.yaml` as the ceiling of the HTTP stack. wrk on loopback,
# one server at a time (2 threads, 32 connections, DURATION seconds each); prints requests per
# second and the ratios.
#
#     Benchmarks/match-api-side-by-side.sh [PROJECT_FILE]     (default Examples/instruments/7a.json)
#
# Needs wrk (Debian's package), Python 3 and PyPI (the OpenFisca virtualenv, with its Web API).
# Only loopback addresses are used; every server started here is stopped on exit.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
of="$root/Benchmarks/OpenFisca"
project="${1:-$root/Examples/instruments/7a.json}"
duration="${DURATION:-10}"
ours_port="${OURS_PORT:-18181}"
theirs_port="${THEIRS_PORT:-18182}"
workers="${WORKERS:-$(nproc)}"
work="$(mktemp -d /tmp/renewal-match-bench.XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
cd "$root"
echo "== building renewal (release)"
swift build -c release --product renewal || swift build -c release --product renewal
bin="$(swift build -c release --show-bin-path)/renewal"

echo "== OpenFisca virtualenv with its Web API"
"$of/setup.sh"
"$of/.venv/bin/python" -c 'import flask, gunicorn' 2>/dev/null || "$of/.venv/bin/pip" install --quiet -r "$of/requirements-web.txt"

for port in "$ours_port" "$theirs_port"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already taken (a server left from an earlier run?)"; exit 1; fi
done
echo "== starting both servers ($workers workers / event loops each)"
"$bin" serve --port "$ours_port" --sqlite "$work/bench.sqlite" > "$work/renewal.log" 2>&1 &
pids+=($!)
# exec: the pid kept is gunicorn's master, which stops its workers when it is stopped.
(cd "$of" && PYTHONPATH="$of" exec "$of/.venv/bin/openfisca" serve --country-package renewal_openfisca_web \
    --port "$theirs_port" --bind "127.0.0.1:$theirs_port" --workers "$workers" > "$work/openfisca.log" 2>&1) &
pids+=($!)
"$of/.venv/bin/python" "$of/webapi_situation.py" "$project" > "$work/situation.json"
"$of/.venv/bin/python" "$of/webapi_situation.py" "$project" --only 7a > "$work/situation-7a.json"
for url in "http://127.0.0.1:$ours_port/health" "http://127.0.0.1:$theirs_port/spec"; do
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$url" 2>/dev/null && break; sleep 0.5; done
  curl -fsS -o /dev/null "$url" || { echo "server did not start: $url"; cat "$work"/*.log; exit 1; }
done

echo "== one answer from each"
curl -fsS -H 'Content-Type: application/json' --data-binary "@$project" "http://127.0.0.1:$ours_port/api/match" -o "$work/ours.json"
curl -fsS -H 'Content-Type: application/json' --data-binary "@$project" "http://127.0.0.1:$ours_port/api/match?detail=summary" -o "$work/ours-summary.json"
curl -fsS -H 'Content-Type: application/json' --data-binary "@$work/situation.json" "http://127.0.0.1:$theirs_port/calculate" -o "$work/theirs.json"
"$of/.venv/bin/python" "$of/webapi_compare.py" "$work/ours.json" "$work/theirs.json"
ls -l "$work/ours.json" "$work/ours-summary.json" "$work/theirs.json" | awk '{print "  " $5 " bytes  " $9}'

post_script() {  # $1 body file → a wrk script posting it as JSON
  local lua="$work/$(basename "$1").lua"
  "$of/.venv/bin/python" - "$1" > "$lua" <<'PY'
import json, sys
body = open(sys.argv[1], encoding="utf-8").read()
print("wrk.method = 'POST'\nwrk.headers['Content-Type'] = 'application/json'\nwrk.body = " + json.dumps(body, ensure_ascii=False))
PY
  echo "$lua"
}

rate() {  # name, url, [wrk script] → requests/s
  local name="$1" url="$2" script="${3:-}"
  wrk -t2 -c32 -d1s ${script:+-s "$script"} "$url" > /dev/null  # warm-up
  local out; out=$(wrk -t2 -c32 -d"${duration}s" --latency ${script:+-s "$script"} "$url")
  echo "$out" > "$work/wrk-$name.txt"
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx answers from $name:"; echo "$out"; exit 1; fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}

echo "== wrk: 2 threads, 32 connections, ${duration} s each, one server at a time"
match_lua=$(post_script "$project")
situation_lua=$(post_script "$work/situation.json")
situation_7a_lua=$(post_script "$work/situation-7a.json")
static=$(rate static "http://127.0.0.1:$ours_port/openapi.yaml")
full=$(rate match "http://127.0.0.1:$ours_port/api/match" "$match_lua")
summary=$(rate summary "http://127.0.0.1:$ours_port/api/match?detail=summary" "$match_lua")
openfisca=$(rate openfisca "http://127.0.0.1:$theirs_port/calculate" "$situation_lua")
openfisca_7a=$(rate openfisca-7a "http://127.0.0.1:$theirs_port/calculate" "$situation_7a_lua")

echo
echo "machine: $(nproc) cores, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//'), $(date -u +%Y-%m-%d)"
printf '%-44s %12s\n' "route" "requests/s"
printf '%-44s %12.1f\n' "OpenFisca Web API  POST /calculate (all 15)" "$openfisca"
printf '%-44s %12.1f\n' "OpenFisca Web API  POST /calculate (7a only)" "$openfisca_7a"
printf '%-44s %12.0f\n' "renewal  POST /api/match (full plan)" "$full"
printf '%-44s %12.0f\n' "renewal  POST /api/match?detail=summary" "$summary"
printf '%-44s %12.0f\n' "renewal  GET /openapi.yaml (static)" "$static"
awk -v f="$full" -v s="$summary" -v o="$openfisca" -v o7="$openfisca_7a" -v st="$static" 'BEGIN {
  printf "ratio full plan / OpenFisca (same question, all instruments): %.1fx\n", f / o
  printf "ratio full plan / OpenFisca (7a alone, its narrowest):        %.1fx\n", f / o7
  printf "ratio summary / OpenFisca (all instruments):                  %.1fx\n", s / o
  printf "full plan / static route:      %.1f%%\n", 100 * f / st
}'
