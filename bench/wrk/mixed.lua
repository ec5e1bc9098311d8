-- Mixed request set for bench/load.sh, rotated request by request over all connections:
-- GraphQL (POST and GET), REST snapshot downloads and redirect, REST lookups, /healthz.
-- Environment: BENCH (bench folder), SNAPSHOT (current snapshot id), SOURCE (a source id).
-- Prints at the end:
--   RESULT <requests> <req/s> <p50 ms> <p99 ms> <non-2xx/3xx> <5xx> <4xx> <socket errors> <GraphQL errors>
-- (GraphQL errors: 200 responses whose body carries "errors":[ ; a GraphQL error is not an HTTP error)
local bench, snapshot, source = os.getenv("BENCH"), os.getenv("SNAPSHOT"), os.getenv("SOURCE")

local function file(name)
  local f = assert(io.open(bench .. "/requests/" .. name, "rb"))
  local s = f:read("*a"); f:close()
  return s
end
local function gql(query) return '{"query":' .. string.format("%q", query):gsub("\\\n", "\\n") .. '}' end
local function urlencode(s) return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)) end

local json = { ["Content-Type"] = "application/json" }
local specs = {
  { "POST", "/graphql", file("journalist.json") },
  { "POST", "/graphql", file("nested.json") },
  { "POST", "/graphql", file("series.json") },
  { "POST", "/graphql", file("metric_region.json") },
  { "POST", "/graphql", gql('{ observations(withinRegion: "140000", where: { metric: { category: { eq: "maternal_child_health" } } }) { nodes { year kind value unit valueAsWritten region { nameEn } metric { nameEn } source { titleEn } } } }') },
  { "POST", "/graphql", gql('{ metrics(first: 50, order: [{ category: ASC }, { nameEn: ASC }]) { totalCount pageInfo { hasNextPage endCursor } nodes { code nameEn unit } } }') },
  { "GET", "/graphql?query=" .. urlencode('{ region(code: "330382") { nameEn parent { nameEn } children { code } } }') },
  { "GET", "/api/v1/snapshots/" .. snapshot .. "/observations.csv" },
  { "GET", "/api/v1/snapshots/" .. snapshot .. "/observations.json" },
  { "GET", "/api/v1/snapshots/" .. snapshot .. "/regions.json" },
  { "GET", "/api/v1/snapshots/latest/metrics.csv" },
  { "GET", "/api/v1/snapshots" },
  { "GET", "/api/v1/regions/330382" },
  { "GET", "/api/v1/metrics/physicians_per_1000" },
  { "GET", "/api/v1/observations?region=330382&year=2023&first=20" },
  { "GET", "/api/v1/observations?withinRegion=140000&first=50" },
  { "GET", "/api/v1/sources/" .. source .. "/text" },
  { "GET", "/healthz" },
}

local requests, i = {}, 0
s5xx, s4xx, gqlerr = 0, 0, 0 -- globals: done() reads them with thread:get
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args)
  for _, s in ipairs(specs) do
    table.insert(requests, wrk.format(s[1], s[2], s[3] and json or nil, s[3]))
  end
end

function request()
  i = i % #requests + 1
  return requests[i]
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 elseif status >= 400 then s4xx = s4xx + 1 end
  if status == 200 and body:sub(1, 200):find('"errors":[', 1, true) then gqlerr = gqlerr + 1 end
end

function done(summary, latency, requests)
  local t5, t4, tg = 0, 0, 0
  for _, t in ipairs(threads) do t5 = t5 + t:get("s5xx"); t4 = t4 + t:get("s4xx"); tg = tg + t:get("gqlerr") end
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d %d %d %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, t5, t4, e.connect + e.read + e.write + e.timeout, tg))
end
