#!/usr/bin/env bash
# `renewal import` against the database's own bulk load of the same rows (issue 13, item 4).
#
# For each database: a fresh schema (`renewal migrate`), the release `renewal import FILE` timed
# under GNU time (wall, CPU, peak memory); then the rows the import wrote are dumped and loaded
# by the database's own tool into a second fresh schema, the same run: on SQLite the sqlite3
# shell running the INSERT script in one transaction (`.mode insert` of every table written), on
# PostgreSQL psql replaying `pg_dump --data-only` (COPY … FROM stdin) in one transaction. Both
# loads go through the same indexes, constraints and triggers (the trigram index included). The
# script prints the ratio import / bulk load.
#
#     Benchmarks/import-benchmark.sh FILE          (JSON Lines or CSV of projects)
#
# FILE: e.g. `MatchBenchmark --write-population pop.jsonl --count 1000000`.
# PG_URL (default postgres://renewal:renewal@127.0.0.1:5432/renewal_import_bench): the script
# drops and creates that database and the same name with `_replay`; PG_URL=skip measures SQLite
# only, SQLITE=skip PostgreSQL only. WORK (default /tmp/renewal-import-bench) holds the SQLite
# files and the dumps. BIN: a folder with a release `renewal` (default: built here).
# Not part of .ci/run: it takes a release build and minutes.
set -euo pipefail
file="${1:?usage: import-benchmark.sh FILE}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-/tmp/renewal-import-bench}"
pg_url="${PG_URL:-postgres://renewal:renewal@127.0.0.1:5432/renewal_import_bench?sslmode=disable}"
mkdir -p "$work"
if [ -z "${BIN:-}" ]; then
    (cd "$root" && swift build -c release --product renewal)
    BIN="$(cd "$root" && swift build -c release --show-bin-path)"
fi
renewal="$BIN/renewal"

# The tables an import writes rows into, parents first.
tables="enterprises projects project_status_events project_categories loans loan_interest leases equipment_items certifications import_jobs audit_entries"

echo "file: $file ($(du -h "$file" | cut -f1))"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(uptime | sed 's/.*load/load/')"

# timed LABEL OUT COMMAND...: runs COMMAND under GNU time, the wall seconds into the file OUT.
timed() {
    local label="$1" out="$2"; shift 2
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$@"
    read -r wall user sys peak < "$work/time.txt"
    echo "  $label: $wall s wall, $user s user, $sys s system, peak $((peak / 1024)) MiB"
    echo "$wall" > "$out"
}

ratio() { python3 -c 'import sys; a, b = float(open(sys.argv[1]).read()), float(open(sys.argv[2]).read()); print(f"{a / b:.2f}")' "$1" "$2"; }

count_rows() {  # count_rows QUERY-COMMAND...: projects and all rows written
    "$@" "SELECT (SELECT count(*) FROM projects) || ' projects, ' || ($(for t in $tables; do printf '(SELECT count(*) FROM %s)+' "$t"; done) 0) || ' rows'"
}

if [ "${SQLITE:-}" != "skip" ]; then
    echo "== SQLite $(sqlite3 --version | cut -d' ' -f1)"
    empty="$work/empty.sqlite"
    rm -f "$empty"* "$work/import.sqlite"* "$work/replay.sqlite"*
    (unset DATABASE_URL; "$renewal" migrate --sqlite "$empty" > /dev/null)
    sqlite3 "$empty" "PRAGMA journal_mode = WAL" > /dev/null
    cp "$empty" "$work/import.sqlite"; cp "$empty" "$work/replay.sqlite"
    (unset DATABASE_URL; timed "renewal import" "$work/sqlite-import.s" \
        "$renewal" import "$file" --sqlite "$work/import.sqlite" --quiet --lang en) | grep -v '^import ' || true
    echo "  stored: $(count_rows sqlite3 "$work/import.sqlite")"
    # The rows as INSERT statements, one transaction; the page cache the import's connection uses.
    {
        echo "PRAGMA cache_size = -131072;"
        echo "BEGIN;"
        for t in $tables; do sqlite3 "$work/import.sqlite" ".mode insert $t" "SELECT * FROM $t"; done
        echo "COMMIT;"
    } > "$work/rows.sql"
    echo "  dump: $(du -h "$work/rows.sql" | cut -f1) of INSERT statements"
    timed "sqlite3 loading the dump" "$work/sqlite-load.s" sqlite3 "$work/replay.sqlite" < "$work/rows.sql"
    echo "  loaded: $(count_rows sqlite3 "$work/replay.sqlite")"
    echo "  SQLite ratio, import / sqlite3 load: $(ratio "$work/sqlite-import.s" "$work/sqlite-load.s")×"
fi

if [ "$pg_url" != "skip" ]; then
    db="$(python3 -c 'import sys, urllib.parse as u; print(u.urlparse(sys.argv[1]).path.lstrip("/"))' "$pg_url")"
    base="${pg_url%/*}"
    replay_url="$base/${db}_replay?sslmode=disable"
    psql "$base/postgres?sslmode=disable" -qc "DROP DATABASE IF EXISTS $db" -c "DROP DATABASE IF EXISTS ${db}_replay" \
        -c "CREATE DATABASE $db" -c "CREATE DATABASE ${db}_replay" 2>&1 | grep -v NOTICE || true
    echo "== PostgreSQL $(psql "$pg_url" -Atc 'SHOW server_version' | cut -d' ' -f1) (same machine)"
    DATABASE_URL="$pg_url" "$renewal" migrate > /dev/null
    DATABASE_URL="$replay_url" "$renewal" migrate > /dev/null
    (export DATABASE_URL="$pg_url"; timed "renewal import" "$work/pg-import.s" \
        "$renewal" import "$file" --quiet --lang en) | grep -v '^import ' || true
    echo "  stored: $(count_rows psql "$pg_url" -Atc)"
    pg_dump --data-only $(for t in $tables; do printf -- '--table=%s ' "$t"; done) "$pg_url" > "$work/rows.pg.sql"
    echo "  dump: $(du -h "$work/rows.pg.sql" | cut -f1) (COPY)"
    timed "psql replaying the COPY dump" "$work/pg-load.s" psql -q -1 -v ON_ERROR_STOP=1 "$replay_url" -o /dev/null -f "$work/rows.pg.sql"
    echo "  loaded: $(count_rows psql "$replay_url" -Atc)"
    echo "  PostgreSQL ratio, import / COPY replay: $(ratio "$work/pg-import.s" "$work/pg-load.s")×"
fi
echo "load after: $(uptime | sed 's/.*load/load/')"
