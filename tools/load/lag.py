#!/usr/bin/env python3
"""Creates leads one at a time through the gateway and measures how long each takes to become readable.

Usage: KEY=ctk_... python3 tools/load/lag.py [URL] [COUNT]
Prints the median and the p90 of the time from the create response to the first GET /leads/{id} that returns 200.
"""
import json, os, statistics, sys, time, urllib.error, urllib.request, uuid

url = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:18080"
count = int(sys.argv[2]) if len(sys.argv) > 2 else 20
key = os.environ["KEY"]
lead = {"name": "Lag Probe", "company": "Lag Co", "organization_type": "NGO", "sustainability_score": 50,
        "regulatory_compliance": {"status": "pending", "requirements": []},
        "procurement_cycle": {"estimated_duration": 30, "stage": "RFP"}, "deal_value": 1000}


def call(method, path, body=None):
    request = urllib.request.Request(url + path, method=method, data=body, headers={
        "Authorization": "Bearer " + key, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


lags = []
for _ in range(count):
    body = json.dumps(dict(lead, email=f"lag-{uuid.uuid4()}@example.org")).encode()
    status, created = call("POST", "/leads", body)
    assert status == 201, created
    written = time.monotonic()
    lead_id = json.loads(created)["id"]
    while call("GET", "/leads/" + lead_id)[0] != 200:
        time.sleep(0.005)
    lags.append((time.monotonic() - written) * 1000)
lags.sort()
print(f"{count} leads: lag median {statistics.median(lags):.0f} ms, p90 {lags[int(0.9 * (count - 1))]:.0f} ms, "
      f"max {lags[-1]:.0f} ms")
