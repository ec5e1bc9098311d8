-- The journalist query (a) with new variables on every request: region codes from the file REGIONS (one per
-- line), years YEARS_FROM..YEARS_TO, in a fixed pseudo-random order. Every request is a different question,
-- so the response cache cannot answer it; the query text is the same, so the document cache can.
-- Prints request.lua's RESULT line (its done function).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "request.lua")
local query = 'query($region: String!, $year: Int!) { observations(first: 20, where: { region: { code: { eq: $region } }, ' ..
  'year: { eq: $year } }, order: [{ value: DESC }]) { totalCount nodes { value unit valueAsWritten quote metric { nameEn nameZh } region { nameEn } } } }'
local regions = {}
for line in io.lines(os.getenv("REGIONS")) do if #line > 0 then table.insert(regions, line) end end
local from, to = tonumber(os.getenv("YEARS_FROM") or "2015"), tonumber(os.getenv("YEARS_TO") or "2024")
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  n = n + 1
  local k = (n * 7919) % (#regions * (to - from + 1))
  local body = string.format('{"query":"%s","variables":{"region":"%s","year":%d}}', query, regions[k % #regions + 1], from + math.floor(k / #regions))
  return wrk.format(nil, nil, nil, body)
end
