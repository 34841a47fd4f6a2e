#!/usr/bin/env bash
# Re-evaluation of stored projects after a policy change (issue 13, item 5): imports N generated
# projects into a fresh SQLite file and a fresh PostgreSQL database with the release
# `renewal import`, then times `renewal reevaluate` on each — with nothing changed (every
# project read and evaluated, nothing written) and with a reform (a lower 7a cap: the changed
# rows written back) — under GNU time (wall time, peak memory).
#
#     Benchmarks/reevaluate-benchmark.sh [N]          (default 100000)
#
# PG_URL (default postgres://renewal:renewal@127.0.0.1:5432/renewal_reeval) is a database the
# script drops and creates; PG_URL=skip measures SQLite only, SQLITE=skip PostgreSQL only. WORK (default
# /tmp/renewal-reeval-bench) holds the CSV and the SQLite file. FILE: a population file to
# import instead of the generated CSV (JSON Lines or CSV). SQLITE_FILE: the SQLite file (default
# WORK/reeval.sqlite). REUSE=1: the SQLite file and the PostgreSQL database already hold the
# projects (e.g. left by Benchmarks/import-benchmark.sh): no import. BIN: a folder with release
# `renewal` and `MatchBenchmark` (default: built here). Not part of .ci/run.
set -euo pipefail
count="${1:-100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-/tmp/renewal-reeval-bench}"
pg_url="${PG_URL:-postgres://renewal:renewal@127.0.0.1:5432/renewal_reeval?sslmode=disable}"
mkdir -p "$work"
cd "$root"

if [ -n "${BIN:-}" ]; then
    bin="$BIN"
else
    echo "== building renewal and MatchBenchmark (release)"
    swift build -c release --product renewal
    swift build -c release --product MatchBenchmark
    bin="$(swift build -c release --show-bin-path)"
fi

csv="${FILE:-$work/projects-$count.csv}"
[ -n "${REUSE:-}" ] || [ -s "$csv" ] || "$bin/MatchBenchmark" --write-population "$csv" --count "$count"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores; load: $(uptime | sed 's/.*load/load/')"

# The reform: the policy library with 7a's cap lowered, so that some projects change.
reform="$work/policy-7a-cap"
rm -rf "$reform"; cp -r "$root/Policies/shanghai-2024-355" "$reform"
sed -i 's/^cap: "20000000"/cap: "2000000"/' "$reform/instruments/7a.yaml"
grep -q '^cap: "2000000"' "$reform/instruments/7a.yaml" || { echo "no 7a cap to lower"; exit 1; }
echo "reform: 7a's cap 20,000,000 -> 2,000,000 yuan"

# run LABEL ARGS...: one timed `renewal reevaluate`.
run() {
    local label="$1"; shift
    /usr/bin/time -f "  $label: %e s wall, %U s user, %S s system, peak %M KiB" "$bin/renewal" reevaluate --quiet --lang en $db_option "$@"
}

measure() {
    local label="$1"
    if [ -z "${REUSE:-}" ]; then
        echo "== $label: import of $csv"
        /usr/bin/time -f "  import: %e s wall, peak %M KiB" "$bin/renewal" import "$csv" --quiet --lang en $db_option > /dev/null
    fi
    echo "== $label: reevaluate"
    run "nothing changed" --policy "$root/Policies/shanghai-2024-355"
    run "reform, dry run (the preview)" --policy "$reform" --dry-run
    run "reform, written" --policy "$reform"
    run "reform again, nothing changed" --policy "$reform"
}

sqlite="${SQLITE_FILE:-$work/reeval.sqlite}"
[ -n "${REUSE:-}" ] || rm -f "$sqlite" "$sqlite-wal" "$sqlite-shm"
[ "${SQLITE:-}" = "skip" ] || (unset DATABASE_URL; db_option="--sqlite $sqlite"; measure SQLite)

if [ "$pg_url" != "skip" ]; then
    db="$(python3 -c 'import sys, urllib.parse as u; print(u.urlparse(sys.argv[1]).path.lstrip("/"))' "$pg_url")"
    admin="${pg_url%/*}/postgres?sslmode=disable"
    [ -n "${REUSE:-}" ] || psql "$admin" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    (export DATABASE_URL="$pg_url"; db_option=""; measure PostgreSQL)
fi
echo "load: $(uptime)"
