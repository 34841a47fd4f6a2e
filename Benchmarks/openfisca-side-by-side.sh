#!/usr/bin/env bash
# Side by side: the Swift batch engine and an OpenFisca model of the same instruments
# (Benchmarks/OpenFisca) on the same generated population. Checks that the per-instrument
# standalone totals agree to the fen and prints the speed ratio.
#
#     Benchmarks/openfisca-side-by-side.sh [N]        (N projects, default 100000)
#
# Needs Python 3 and PyPI (Benchmarks/OpenFisca/setup.sh makes the virtualenv once).
# WORK (default /tmp/renewal-openfisca) holds the population and both totals files.
set -euo pipefail
count="${1:-100000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
of="$root/Benchmarks/OpenFisca"
work="${WORK:-/tmp/renewal-openfisca}"
mkdir -p "$work"
pop="$work/population-$count.jsonl"

cd "$root"
echo "== building MatchBenchmark (release)"
swift build -c release --product MatchBenchmark
bench="$(swift build -c release --show-bin-path)/MatchBenchmark"

echo "== OpenFisca virtualenv"
"$of/setup.sh"
python="$of/.venv/bin/python"
"$python" "$of/check_parameters.py" "$root/Policies/shanghai-2024-355"

echo "== population of $count projects"
"$bench" --write-population "$pop" --count "$count"
ls -l "$pop"

echo "== renewal (Swift batch engine)"
"$bench" --population-file "$pop" --totals-json "$work/ours.json"

echo "== OpenFisca"
"$python" "$of/run.py" "$pop" --out "$work/theirs.json"

echo "== comparison"
"$python" "$of/compare.py" "$work/ours.json" "$work/theirs.json"
