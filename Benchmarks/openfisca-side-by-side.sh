#!/usr/bin/env bash
# Side by side: the Swift batch engine and an OpenFisca model of the same instruments
# (Benchmarks/OpenFisca) on the same generated population. Checks that the per-instrument
# standalone totals agree to the fen, on the population and on a file of edge cases
# (Benchmarks/OpenFisca/edge-cases.jsonl), and exits 1 on any disagreement. Prints two ratios,
# both sides measured in this run, one after the other:
#
#   end to end   the whole process: `renewal simulate --file` (read, check, lay out, evaluate
#                every instrument and the recommended combination, the cost tables) against
#                OpenFisca's run.py with one run (Python's start, imports, load, one calculation),
#                wall time and peak memory (GNU time);
#   evaluation   the batch engine alone (MatchBenchmark, best of 3) against OpenFisca's
#                calculation alone (best of 3).
#
#     Benchmarks/openfisca-side-by-side.sh [N]        (N projects, default 100000; the README's
#                                                     figures are N = 1000000)
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
echo "== building MatchBenchmark and renewal (release)"
# A second try covers a source file saved while the build ran ("modified during the build").
for product in MatchBenchmark renewal; do
  swift build -c release --product "$product" || swift build -c release --product "$product"
done
bin="$(swift build -c release --show-bin-path)"
bench="$bin/MatchBenchmark"

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

echo "== end to end, renewal: simulate --file (whole process)"
/usr/bin/time -f "%e %M" -o "$work/ours-e2e.time" \
  "$bin/renewal" simulate --file "$pop" --quiet --format json --policy "$root/Policies/shanghai-2024-355" > "$work/ours-simulate.json"
echo "== end to end, OpenFisca: run.py --runs 1 (whole process)"
/usr/bin/time -f "%e %M" -o "$work/theirs-e2e.time" \
  "$python" "$of/run.py" "$pop" --out "$work/theirs-e2e.json" --runs 1 > /dev/null

echo "== comparison ($count projects)"
status=0
"$python" "$of/compare.py" "$work/ours.json" "$work/theirs.json" || status=$?
if (( edge != 0 )); then echo "edge cases disagree (see above)"; status=1; fi

# simulate's recommended total is the batch engine's, over the same file: the end-to-end run
# computed what the evaluation run did.
"$python" - "$work/ours-simulate.json" "$work/ours.json" "$work/ours-e2e.time" "$work/theirs-e2e.time" <<'PY' || status=1
import json, sys
from decimal import Decimal
sim, ours = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
city = {i["id"] for i in sim["baseline"]["instruments"]}
batch = sum(Decimal(v) for k, v in ours["recommended"].items() if k in city)
total = Decimal(sim["baseline"]["total"])
(ow, om), (tw, tm) = (map(float, open(p).read().split()) for p in sys.argv[3:5])
print()
print(f"end to end, renewal simulate --file: {ow:.2f} s, peak {om / 1024:.0f} MiB (recommended total {total:,.2f} yuan)")
print(f"end to end, OpenFisca run.py:        {tw:.2f} s, peak {tm / 1024:.0f} MiB")
print(f"end-to-end ratio (OpenFisca seconds / renewal seconds): {tw / ow:.1f}")
print(f"peak memory, renewal / OpenFisca: {om / tm:.2f}")
ev_o, ev_t = float(ours["seconds"]), float(json.load(open(sys.argv[2].replace("ours.json", "theirs.json")))["seconds"])
print(f"evaluation ratio (OpenFisca calculation / renewal batch): {ev_t / ev_o:.1f}")
if total != batch:
    print(f"DISAGREEMENT: simulate's total {total} is not the batch engine's {batch}")
    sys.exit(1)
print("simulate's total is the batch engine's, to the fen")
PY
echo "load: $(uptime)"
exit "$status"
