#!/usr/bin/env bash
# The browser tests (Tests/browser): Debian's chromium and chromedriver headless, selenium and
# pytest in a venv, against a `renewal serve` of this checkout that the tests start themselves
# on a free port with a fresh SQLite file. Screenshots land in docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! fc-list | grep -qi "noto sans cjk"; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
fi
VENV="${RENEWAL_BROWSER_VENV:-.build/browser-venv}"
if [ ! -x "$VENV/bin/pytest" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "selenium>=4.20,<5" "pytest>=8,<9"
fi
swift build --product renewal
"$VENV/bin/pytest" -q Tests/browser "$@"
