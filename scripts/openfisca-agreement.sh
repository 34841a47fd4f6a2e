#!/usr/bin/env bash
# CI's check that the independent OpenFisca model (Benchmarks/OpenFisca) still agrees with the
# policy library and the batch engine, without the release build the side-by-side benchmark
# needs: the model's parameters against the library (check_parameters.py — a condition added to
# the library and not to the model, or the other way round, stops it), then every modelled
# instrument's total and count to the fen on the edge cases and on a generated population of N
# projects (default 10000), the batch engine run from the debug build.
#
#     scripts/openfisca-agreement.sh [N]
#
# Speeds are printed but mean nothing here (a debug build, small files); the figures are
# Benchmarks/openfisca-side-by-side.sh's.
set -euo pipefail
count="${1:-10000}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
of="$root/Benchmarks/OpenFisca"
work="$(mktemp -d /tmp/renewal-openfisca-agreement.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$root"
"$of/setup.sh"
python="$of/.venv/bin/python"
"$python" "$of/check_parameters.py" "$root/Policies/shanghai-2024-355"
bench="$(swift build --show-bin-path)/MatchBenchmark"
[[ -x "$bench" ]] || swift build --product MatchBenchmark
status=0
for input in edge-cases population; do
  file="$of/edge-cases.jsonl"
  if [[ $input == population ]]; then
    file="$work/population.jsonl"
    "$bench" --write-population "$file" --count "$count"
  fi
  echo "== $input"
  "$bench" --population-file "$file" --totals-json "$work/$input-ours.json" > /dev/null
  "$python" "$of/run.py" "$file" --out "$work/$input-theirs.json" --runs 1 > /dev/null
  "$python" "$of/compare.py" "$work/$input-ours.json" "$work/$input-theirs.json" | grep -v "speed ratio\|seconds" || status=1
done
exit $status
