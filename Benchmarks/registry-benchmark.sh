#!/usr/bin/env bash
# The registry at a million projects: imports N generated projects (the officers' CSV format)
# into SQLite and into PostgreSQL with the release `renewal import`, timing each and taking its
# peak memory (GNU time's maximum resident set size), then starts `renewal serve` on each
# database and times list and filter pages through the HTTP API with curl.
#
#     Benchmarks/registry-benchmark.sh [N]          (default 1000000)
#
# PostgreSQL: PG_URL (default postgres://renewal:renewal@127.0.0.1:5432/renewal_bench), a
# database the script empties first; set PG_URL=skip to measure SQLite only.
# WORK (default /tmp/renewal-registry-bench) holds the CSV and the SQLite file.
# Not part of .ci/run: it takes a release build and several minutes.
set -euo pipefail
count="${1:-1000000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-/tmp/renewal-registry-bench}"
pg_url="${PG_URL:-postgres://renewal:renewal@127.0.0.1:5432/renewal_bench?sslmode=disable}"
port="${BENCH_PORT:-8097}"
samples="${SAMPLES:-30}"
mkdir -p "$work"
cd "$root"

echo "== building renewal and MatchBenchmark (release)"
swift build -c release --product renewal
swift build -c release --product MatchBenchmark
bin="$(swift build -c release --show-bin-path)"

csv="$work/projects-$count.csv"
if [ ! -s "$csv" ]; then
    echo "== generating $count projects"
    "$bin/MatchBenchmark" --write-population "$csv" --count "$count"
fi
ls -l "$csv"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"

# import DATABASE LABEL: runs `renewal import` under GNU time.
import() {
    local label="$1"
    echo "== import into $label"
    /usr/bin/time -f "$label import: %e s wall, %U s user, %S s system, peak memory %M KiB" \
        "$bin/renewal" import "$csv" --quiet --lang en
}

# latency LABEL PATH: median and 95th percentile of $samples requests (after two warm-ups).
latency() {
    local label="$1" path="$2" times=()
    for _ in 1 2; do curl -sf -o /dev/null "http://127.0.0.1:$port$path"; done
    for _ in $(seq "$samples"); do
        times+=("$(curl -sf -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$path")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$samples" '
        { t[NR] = $1 * 1000 }
        END { printf "  %-48s median %7.1f ms   p95 %7.1f ms\n", label, t[int((n + 1) / 2)], t[int(n * 0.95 + 0.5)] }'
}

# pages DATABASE-LABEL: the list pages an officer opens, timed through the running server.
pages() {
    local label="$1"
    "$bin/renewal" serve --port "$port" > "$work/serve-$label.log" 2>&1 &
    local pid=$!
    trap 'kill $pid 2>/dev/null || true' RETURN
    for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.5; done
    local cursor
    cursor="$(curl -sf "http://127.0.0.1:$port/api/projects?perPage=50" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("nextCursor") or "")')"
    echo "== list and filter through the API ($label)"
    latency "first page (50, newest first)" "/api/projects?perPage=50"
    latency "next page (cursor)" "/api/projects?perPage=50&cursor=$cursor"
    latency "page 100 (offset 4,950)" "/api/projects?perPage=50&page=100"
    latency "district pudong" "/api/projects?perPage=50&district=pudong"
    latency "district + status reserve" "/api/projects?perPage=50&district=xuhui&status=reserve"
    latency "instrument 7a" "/api/projects?perPage=50&instrument=7a"
    latency "amount 1,000,000 to 2,000,000, largest first" "/api/projects?perPage=50&minAmount=1000000&maxAmount=2000000&sort=amount"
    # Generated names are 合成项目S<n> of 合成企业<n>: the common text is in every row.
    latency "text, common (合成项目: every row)" "/api/projects?perPage=50&q=%E5%90%88%E6%88%90%E9%A1%B9%E7%9B%AE"
    latency "text, rare (one project id s777777)" "/api/projects?perPage=50&q=s777777"
    latency "text, a few (企业77777)" "/api/projects?perPage=50&q=%E4%BC%81%E4%B8%9A77777"
    latency "text, no match (91310000)" "/api/projects?perPage=50&q=91310000"
    latency "text, two characters, no match (q9)" "/api/projects?perPage=50&q=q9"
    latency "one project, whole" "/api/projects/$(curl -sf "http://127.0.0.1:$port/api/projects?perPage=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"
    kill "$pid"; wait "$pid" 2>/dev/null || true
}

sqlite="$work/bench.sqlite"
rm -f "$sqlite" "$sqlite-wal" "$sqlite-shm"
(unset DATABASE_URL; RENEWAL_SQLITE="$sqlite" import SQLite)
ls -l "$sqlite"
(unset DATABASE_URL; RENEWAL_SQLITE="$sqlite" pages SQLite)

if [ "$pg_url" != "skip" ]; then
    db="$(python3 -c 'import sys, urllib.parse as u; print(u.urlparse(sys.argv[1]).path.lstrip("/"))' "$pg_url")"
    admin="${pg_url%/*}/postgres?sslmode=disable"
    psql "$admin" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    DATABASE_URL="$pg_url" import PostgreSQL
    psql "$pg_url" -qc "VACUUM ANALYZE"
    psql "$pg_url" -Atc "SELECT 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
    DATABASE_URL="$pg_url" pages PostgreSQL
fi
