#!/usr/bin/env python3
"""Good requests alone, then with issue 22's attacks mixed in: p50/p99 of the good ones and each attack's time.

Usage: python3 bench/hostile-load.py [base-url] [seconds]   (a running API, e.g. http://127.0.0.1:5080, rate limit off)
Prints the machine and the figures; fails (exit 1) when an attack takes 100 ms or more (issue 22's bound; after one
warm-up request of each) or the good p99 more than doubles. Bounded: 2 x seconds.
"""
import json, os, platform, sys, threading, time, urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5080"
SECONDS = float(sys.argv[2]) if len(sys.argv) > 2 else 5

def post(query, variables=None):
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(BASE + "/graphql", body, {"Content-Type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
    return (time.perf_counter() - start) * 1000, text

def doubling(n):
    return "fragment F0 on Query { __typename } " + "".join(f"fragment F{i} on Query {{ ...F{i-1} ...F{i-1} }} " for i in range(1, n + 1)) + f"{{ ...F{n} }}"

def region_chain(n):
    return "fragment R0 on Region { code } " + "".join(f"fragment R{i} on Region {{ ...R{i-1} parent {{ ...R{i-1} }} }} " for i in range(1, n + 1)) + f'{{ region(code: "330382") {{ ...R{n} }} }}'

ORDER = "query($o: [ObservationSortInput!]) { observations(order: $o) { totalCount } }"
FILTER = "query($w: ObservationFilterInput) { observations(where: $w) { totalCount } }"
ATTACKS = [
    ("F0..F59", doubling(59), None),
    ("F0..F150", doubling(150), None),
    ("region chain 40", region_chain(40), None),
    ("1,000 deep sort keys", ORDER, {"o": [{"region": {"parent": {"nameEn": "DESC"}}}] * 1000}),
    ("or x 498", FILTER, {"w": {"or": [{"year": {"eq": 2000 + i}} for i in range(498)]}}),
]
GOOD = [
    ('{ region(code: "330382") { nameEn parent { nameEn } } }', None),
    ("{ observations(first: 20, where: { year: { eq: 2023 } }) { totalCount nodes { id value quote } } }", None),
    ('{ search(text: "结核", first: 10) { totalCount } }', None),
]

def run(seconds, hostile):
    latencies, stop, lock = [], time.time() + seconds, threading.Lock()
    def good_worker():
        i = 0
        while time.time() < stop:
            query, variables = GOOD[i % len(GOOD)]
            i += 1
            # a fresh comment: not served from the response cache
            ms, _ = post(f"# {time.perf_counter_ns()}\n{query}", variables)
            with lock: latencies.append(ms)
    def hostile_worker():
        while time.time() < stop:
            for _, query, variables in ATTACKS:
                post(query, variables)
    threads = [threading.Thread(target=good_worker) for _ in range(4)]
    if hostile: threads += [threading.Thread(target=hostile_worker) for _ in range(2)]
    for t in threads: t.start()
    for t in threads: t.join()
    latencies.sort()
    return latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.99)], len(latencies)

print(f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} cores, {platform.platform()}")
slowest = 0.0
for name, query, variables in ATTACKS:
    post(query, variables)  # the first of a shape pays for the JIT
    ms, text = post(query, variables)
    code = json.loads(text)["errors"][0]["extensions"]["code"]
    print(f"attack {name:24s} {ms:7.1f} ms  {code}")
    slowest = max(slowest, ms)
base = run(SECONDS, hostile=False)
mixed = run(SECONDS, hostile=True)
print(f"good alone:        p50 {base[0]:6.1f} ms  p99 {base[1]:6.1f} ms  ({base[2]} requests)")
print(f"good with attacks: p50 {mixed[0]:6.1f} ms  p99 {mixed[1]:6.1f} ms  ({mixed[2]} requests)")
ratio = mixed[1] / base[1]
print(f"p99 ratio: {ratio:.2f} (limit 2.0)")
print(f"slowest attack: {slowest:.1f} ms (limit 100)")
sys.exit(0 if ratio <= 2.0 and slowest < 100 else 1)
