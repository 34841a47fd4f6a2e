#!/usr/bin/env bash
# A cap holds with two `renewal serve` processes on one PostgreSQL database: 100 payments on one
# project approved at once, half through each server, never pass 7a's cap, and the ledger's sum
# is exact to the fen. Needs a built `renewal` (swift build) and RENEWAL_TEST_POSTGRES_URL (a
# role that may create databases); the database it makes is dropped at the end. Used by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${RENEWAL_TEST_POSTGRES_URL:?set RENEWAL_TEST_POSTGRES_URL to a PostgreSQL server}
name=renewal_ledger_two_processes
url=$(python3 -c "import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path='/$name')))" "$base")
psql "$base" -qc "DROP DATABASE IF EXISTS $name" && psql "$base" -qc "CREATE DATABASE $name"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$base" -qc "DROP DATABASE IF EXISTS $name" || true
}
trap cleanup EXIT
password="Two-$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')-9a"
export DATABASE_URL=$url
printf '%s\n' "$password" | swift run --skip-build renewal user add city.two --role city_officer > /dev/null
printf '%s\n' "$password" | swift run --skip-build renewal user add bank.two --role bank --institution 上海测试银行 > /dev/null
printf '%s\n' "$password" | swift run --skip-build renewal user add admin.two --role administrator > /dev/null
ports=(${PORT_A:-18461} ${PORT_B:-18462})
for port in "${ports[@]}"; do
  swift run --skip-build renewal serve --port "$port" > "$work/server-$port.log" 2>&1 &
  pids+=($!)
done
for port in "${ports[@]}"; do
  for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break; sleep 1; done
done
python3 - "$password" "${ports[@]}" <<'PY'
import json, sys, threading, urllib.request, urllib.error
password, ports = sys.argv[1], sys.argv[2:]

def call(port, method, path, body=None, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})})
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")

def token(user):
    s, b = call(ports[0], "POST", "tokens", {"username": user, "password": password, "name": "two-processes"})
    assert s == 201, (s, b)
    return b["token"]

admin, city, bank = token("admin.two"), token("city.two"), token("bank.two")
code = "91310115MA1K4ABCDD"
s, b = call(ports[0], "POST", "enterprises", {"creditCode": code, "name": "两进程测试企业", "district": "pudong", "industryCode": "C3484"}, admin)
assert s == 201, (s, b)
years = ["2024", "2025", "2026"]
loans = [{"id": f"L{i}", "lender": "上海测试银行", "principal": "10000000", "rate": "0.05", "startDate": "2024-01-01", "endDate": "2030-12-31",
          "interestPaid": {y: "450000.01" for y in years}} for i in range(1, 35)]
project = {"id": "TWO-1", "name": "两进程并发测试项目", "categories": ["technical-renovation"], "startDate": "2024-01-01",
           "endDate": "2026-12-31", "investment": {"declared": "400000000"}, "loans": loans}
s, b = call(ports[1], "POST", "projects", {"creditCode": code, "project": project}, admin)
assert s == 201, (s, b)
pid = b["id"]
proposals = []
for i in range(1, 35):
    for y in years:
        if len(proposals) == 100: break
        s, b = call(ports[i % 2], "POST", "ledger/interest-confirmations",
                    {"projectId": pid, "loanId": f"L{i}", "year": int(y), "interest": "450000.01", "paidOn": f"{y}-11-30", "reference": f"R-{i}-{y}"}, bank)
        assert s == 201, (s, b)
        s, b = call(ports[(i + 1) % 2], "POST", "ledger/proposals", {"projectId": pid, "instrument": "7a", "basis": "interest", "contractId": f"L{i}", "year": int(y)}, city)
        assert s == 201 and b["amount"] == "225000.00", (s, b)
        proposals.append(b["id"])

results = [None] * len(proposals)
def approve(k):
    results[k] = call(ports[k % 2], "POST", f"ledger/proposals/{proposals[k]}/approve", None, city)
threads = [threading.Thread(target=approve, args=(k,)) for k in range(len(proposals))]
for t in threads: t.start()
for t in threads: t.join()
statuses = [s for s, _ in results]
paid = [b["amount"] for s, b in results if s == 201]
print(f"two servers, 100 approvals at once: {statuses.count(201)} paid, {statuses.count(409)} refused, others {sorted(set(statuses) - {201, 409})}")
assert set(statuses) <= {201, 409}, [r for r in results if r[0] not in (201, 409)][:3]
assert paid.count("225000.00") == 88 and paid.count("200000.00") == 1 and len(paid) == 89, paid
s, b = call(ports[0], "GET", f"ledger/entries?projectId={pid}&perPage=200", None, city)
total = sum(int(e["amount"].replace(".", "")) for e in b["items"])
print(f"the ledger holds {len(b['items'])} entries summing to {total // 100}.{total % 100:02d} yuan (cap 20000000.00)")
assert total == 2_000_000_000, total
PY
echo "== the cap held with two processes"
