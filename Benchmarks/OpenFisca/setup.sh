#!/usr/bin/env bash
# Creates Benchmarks/OpenFisca/.venv with OpenFisca-Core and numpy (pinned in requirements.txt).
# Idempotent: does nothing when the virtualenv already has the pinned versions.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"
stamp="$venv/.requirements.sha256"
want="$(sha256sum "$here/requirements.txt" | cut -d' ' -f1)"
if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]] \
   && "$venv/bin/python" -c 'import openfisca_core, numpy' 2>/dev/null; then
    echo "OpenFisca virtualenv ready: $venv"
    exit 0
fi
[[ -x "$venv/bin/python" ]] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r "$here/requirements.txt"
echo "$want" > "$stamp"
"$venv/bin/python" -c 'import openfisca_core, numpy, importlib.metadata as m; print("OpenFisca-Core", m.version("OpenFisca-Core"), "numpy", numpy.__version__)'
