#!/usr/bin/env bash
# Side by side: the Swift batch engine and an OpenFisca model of the same instruments
# (Benchmarks/OpenFisca) on the same generated population. Checks that the per-instrument
# standalone totals agree to the fen, on the population and on a file of edge cases
# (Benchmarks/OpenFisca/edge-cases.jsonl), prints the speed ratio, and exits 1 on any
# disagreement.
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
# A second try covers a source file saved while the build ran ("modified during the build").
swift build -c release --product MatchBenchmark || swift build -c release --product MatchBenchmark
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

echo "== edge cases (Benchmarks/OpenFisca/edge-cases.jsonl: windows, caps, rounding, limits, dates)"
"$bench" --population-file "$of/edge-cases.jsonl" --totals-json "$work/edge-ours.json"
"$python" "$of/run.py" "$of/edge-cases.jsonl" --out "$work/edge-theirs.json" --runs 1
edge=0
"$python" "$of/compare.py" "$work/edge-ours.json" "$work/edge-theirs.json" | grep -v "speed ratio" || edge=$?

echo "== comparison ($count projects)"
status=0
"$python" "$of/compare.py" "$work/ours.json" "$work/theirs.json" || status=$?
if (( edge != 0 )); then echo "edge cases disagree (see above)"; status=1; fi
exit "$status"
