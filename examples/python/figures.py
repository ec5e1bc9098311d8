#!/usr/bin/env python3
# %% [markdown]
# # OpenHealthData in Python: from the API to a table and a chart
#
# A notebook-style script: every `# %%` starts a cell (VS Code, Jupyter via jupytext and Spyder run them
# one by one), and it also runs top to bottom as a plain script:
#
#     python3 examples/python/figures.py --base http://127.0.0.1:5080 --out ./out
#
# It needs nothing beyond the standard library. When pandas, requests or matplotlib are installed it
# uses them (a DataFrame, a requests session, a PNG chart); otherwise it falls back to `csv`,
# `urllib.request` and a hand-written SVG chart. The last lines say which paths it took.

# %%
import argparse
import csv
import io
import json
import os
import sys
from collections import Counter
from xml.sax.saxutils import escape

try:
    import pandas as pd
except ImportError:
    pd = None
try:
    import requests
except ImportError:
    requests = None
try:
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt
except ImportError:
    plt = None

# The figures quote Chinese text; never crash on a console that cannot show it.
for stream in (sys.stdout, sys.stderr):
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")

parser = argparse.ArgumentParser(description="Download OpenHealthData figures, print a summary, draw a chart.")
parser.add_argument("--base", default=os.environ.get("OHD_BASE", "http://127.0.0.1:5080"), help="API base URL (default %(default)s)")
parser.add_argument("--out", default="./out", help="folder for the files written (default %(default)s)")
args = parser.parse_args()
BASE = args.base.rstrip("/")
OUT = args.out
os.makedirs(OUT, exist_ok=True)
paths = {}    # which code paths were taken, reported at the end
written = []  # files written, reported at the end

# %% [markdown]
# ## HTTP helpers
# `get_bytes` follows redirects (the `latest` snapshot URL answers 302 to an immutable file) and
# `graphql` POSTs `{"query": ..., "variables": ...}` as JSON, raising on GraphQL `errors`.


# %%
class ApiUnreachable(Exception):
    pass


def get_bytes(path):
    url = BASE + path
    try:
        if requests is not None:
            response = requests.get(url, timeout=30)
            response.raise_for_status()
            return response.content
        import urllib.request

        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except Exception as e:  # connection refused, DNS, timeout, HTTP error
        raise ApiUnreachable(f"GET {url} failed: {e}") from e


def graphql(query, variables=None):
    url = BASE + "/graphql"
    body = {"query": query, "variables": variables or {}}
    try:
        if requests is not None:
            response = requests.post(url, json=body, timeout=30)
            response.raise_for_status()
            result = response.json()
        else:
            import urllib.request

            request = urllib.request.Request(
                url,
                data=json.dumps(body).encode("utf-8"),
                headers={"Content-Type": "application/json", "Accept": "application/json"},
                method="POST",
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                result = json.loads(response.read().decode("utf-8"))
    except Exception as e:
        raise ApiUnreachable(f"POST {url} failed: {e}") from e
    if result.get("errors"):
        raise RuntimeError("GraphQL errors: " + json.dumps(result["errors"], ensure_ascii=False))
    return result["data"]


def fmt(value):
    """A number as the API wrote it: 580000000, 90.45 (no '.0', no exponent for the values here)."""
    if value is None or value != value:  # None or NaN
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


paths["http"] = "requests" if requests is not None else "urllib"
try:
    health = json.loads(get_bytes("/healthz").decode("utf-8"))
except ApiUnreachable as e:
    print(f"error: the OpenHealthData API is not reachable at {BASE}: {e}", file=sys.stderr)
    print("Start it with `dotnet run --project src/OpenHealthData.Api` or pass --base URL.", file=sys.stderr)
    sys.exit(2)
print(f"API {BASE}: seed {health.get('seedHash')}, {health.get('counts', {}).get('observations')} observations")

# %% [markdown]
# ## (a) The observations snapshot as a table
# One row per figure, with metric, region and source names beside each value. The CSV is UTF-8 with a BOM
# (so Excel reads the Chinese correctly): read it as `utf-8-sig`. Codes stay text (`330382`, not a number).

# %%
raw_csv = get_bytes("/api/v1/snapshots/latest/observations.csv")
with open(os.path.join(OUT, "observations.csv"), "wb") as f:
    f.write(raw_csv)
written.append(os.path.join(OUT, "observations.csv"))

if pd is not None:
    paths["table"] = "pandas"
    codes = {c: str for c in ("id", "metricCode", "regionCode", "sourceId", "institutionId", "programmeId")}
    df = pd.read_csv(io.BytesIO(raw_csv), encoding="utf-8-sig", dtype=codes)
    per_source_kind = df.groupby(["sourceId", "kind"]).size().unstack(fill_value=0)
    per_category = df["metricCategory"].value_counts()
    source_kind = {(s, k): int(n) for (s, k), n in per_source_kind.stack().items()}
    categories = [(str(c), int(n)) for c, n in per_category.items()]
    row_count = len(df)
else:
    paths["table"] = "csv"
    rows = list(csv.DictReader(io.StringIO(raw_csv.decode("utf-8-sig"))))
    source_kind = Counter((r["sourceId"], r["kind"]) for r in rows)
    categories = Counter(r["metricCategory"] for r in rows).most_common()
    row_count = len(rows)
print(f"observations.csv: {row_count} figures")

# %% [markdown]
# ## (b) GraphQL: a series to chart and a filtered query
# `series` gives a metric's values by year in one region; `observations` with `where`/`order`/`first`
# gives the figures a journalist would check, each with its verbatim quote and a ready-made citation.

# %%
SERIES_QUERY = """
query ($metric: String!, $region: String!) {
  metric(code: $metric) { nameEn nameZh }
  region(code: $region) { nameEn }
  series(metric: $metric, region: $region) { year value unit observation { quote } }
}"""
series = graphql(SERIES_QUERY, {"metric": "basic_public_health_funding_per_capita", "region": "140000"})
print(f"\nSeries: {series['metric']['nameEn']} ({series['metric']['nameZh']}), {series['region']['nameEn']}")
for point in series["series"]:
    print(f"  {point['year']}  {fmt(point['value'])} {point['unit']}  « {point['observation']['quote']} »")

TOP_QUERY = """
query ($region: String!, $year: Int!) {
  observations(
    where: { region: { code: { eq: $region } }, year: { eq: $year }, kind: { eq: "actual" } }
    order: [{ value: DESC }]
    first: 10
  ) {
    totalCount
    nodes { value unit valueAsWritten quote quoteEn metric { code nameEn } source { id } }
  }
}"""
top = graphql(TOP_QUERY, {"region": "330382", "year": 2023})["observations"]

# %% [markdown]
# ## (c) A small summary: figures per source and kind, and Yueqing's largest 2023 figures
# Written to `summary.csv` (per source and kind) and `yueqing_2023.csv` (the figures with their quotes).

# %%
kinds = sorted({k for _, k in source_kind})
sources = sorted({s for s, _ in source_kind})
summary = [[s] + [source_kind.get((s, k), 0) for k in kinds] + [sum(source_kind.get((s, k), 0) for k in kinds)] for s in sources]
header = ["source"] + kinds + ["total"]
width = max(len(s) for s in sources + ["source"])
print("\nFigures per source and kind")
print("  " + header[0].ljust(width) + "".join(h.rjust(8) for h in header[1:]))
for row in summary:
    print("  " + row[0].ljust(width) + "".join(str(n).rjust(8) for n in row[1:]))
with open(os.path.join(OUT, "summary.csv"), "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f)
    w.writerow(header)
    w.writerows(summary)
written.append(os.path.join(OUT, "summary.csv"))

print(f"\nYueqing (330382), 2023: the {len(top['nodes'])} largest of {top['totalCount']} actual figures")
with open(os.path.join(OUT, "yueqing_2023.csv"), "w", newline="", encoding="utf-8-sig") as f:
    w = csv.writer(f)
    w.writerow(["metric", "value", "unit", "valueAsWritten", "quote", "quoteEn", "source"])
    for n in top["nodes"]:
        print(f"  {fmt(n['value']):>12} {n['unit']:<12} {n['metric']['nameEn'][:40]:<40}  « {n['quote']} »")
        w.writerow([n["metric"]["code"], fmt(n["value"]), n["unit"], n["valueAsWritten"], n["quote"], n["quoteEn"], n["source"]["id"]])
written.append(os.path.join(OUT, "yueqing_2023.csv"))

# %% [markdown]
# ## (d) A chart: how many figures per category
# A PNG with matplotlib when it is installed, else a bar chart written by hand as SVG (plain XML).

# %%
categories = sorted(categories, key=lambda c: (-c[1], c[0]))
title = f"OpenHealthData: figures per category ({row_count} in all)"
if plt is not None:
    paths["chart"] = "png"
    chart = os.path.join(OUT, "chart.png")
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(categories) + 1.2))
    labels = [c for c, _ in categories][::-1]
    counts = [n for _, n in categories][::-1]
    ax.barh(labels, counts, color="#3b7dd8")
    for y, n in enumerate(counts):
        ax.text(n, y, f" {n}", va="center", fontsize=8)
    ax.set_xlabel("figures")
    ax.set_title(title, fontsize=10)
    fig.tight_layout()
    fig.savefig(chart, dpi=120)
    plt.close(fig)
else:
    paths["chart"] = "svg"
    chart = os.path.join(OUT, "chart.svg")
    label_w, bar_w, row_h, top_m = 190, 360, 22, 40
    height = top_m + row_h * len(categories) + 20
    most = max((n for _, n in categories), default=1)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 60}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<title>{escape(title)}</title>',
        f'<text x="10" y="22" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (category, n) in enumerate(categories):
        y = top_m + i * row_h
        w = max(1, round(bar_w * n / most))
        parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(category)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="#3b7dd8"/>')
        parts.append(f'<text x="{label_w + w + 4}" y="{y + 15}">{n}</text>')
    parts.append("</svg>")
    with open(chart, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")
written.append(chart)

# %% [markdown]
# ## What ran

# %%
print(f"\nPaths taken: table={paths['table']}, http={paths['http']}, chart={paths['chart']}")
print("Files written:")
for path in written:
    print(f"  {path} ({os.path.getsize(path)} bytes)")
