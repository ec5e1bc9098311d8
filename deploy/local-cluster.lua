-- Request set for deploy/local-cluster.sh: GET only, as browsers, apps and CDNs send it. Reads REQUESTS, a file of
-- "<accept-encoding>\t<path>" lines (written by the script): the first FIXED lines are taken in turn, and every
-- 20th request is the next of the remaining lines (GraphQL with varying variables: a steady share of cache misses).
-- Prints at the end:
--   RESULT <requests> <req/s> <p50 ms> <p99 ms> <non-2xx/3xx> <5xx> <socket errors> <GraphQL errors>
local fixed, varying = {}, {}
local nfixed = tonumber(os.getenv("FIXED"))
local i, v, n = 0, 0, 0
s5xx, gqlerr = 0, 0 -- globals: done() reads them with thread:get
local threads = {}

function setup(thread) table.insert(threads, thread) end

function init(args)
  local line_no = 0
  for line in io.lines(os.getenv("REQUESTS")) do
    line_no = line_no + 1
    local encoding, path = line:match("^([^\t]*)\t(.*)$")
    local headers = encoding ~= "" and { ["Accept-Encoding"] = encoding } or {}
    table.insert(line_no <= nfixed and fixed or varying, wrk.format("GET", path, headers))
  end
  -- threads start at different places so that they do not ask the same thing at the same moment
  v = math.random(#varying)
end

function request()
  n = n + 1
  if n % 20 == 0 then
    v = v % #varying + 1
    return varying[v]
  end
  i = i % #fixed + 1
  return fixed[i]
end

function response(status, headers, body)
  if status >= 500 then s5xx = s5xx + 1 end
  if status == 200 and body:sub(1, 200):find('"errors":[', 1, true) then gqlerr = gqlerr + 1 end
end

function done(summary, latency, requests)
  local t5, tg = 0, 0
  for _, t in ipairs(threads) do t5 = t5 + t:get("s5xx"); tg = tg + t:get("gqlerr") end
  local e = summary.errors
  io.write(string.format("RESULT %d %.1f %.2f %.2f %d %d %d %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, t5, e.connect + e.read + e.write + e.timeout, tg))
end
