// OpenHealthData with fetch: runs in Node 20+ (global fetch) and, unchanged apart from BASE, in a browser
// (the API's CORS is open for GET and POST).
//
//   node examples/js/fetch.mjs                        # against http://127.0.0.1:5080
//   node examples/js/fetch.mjs http://127.0.0.1:5191  # or OHD_BASE=http://... node examples/js/fetch.mjs

const BASE = (
  (typeof process !== "undefined" && (process.argv[2] || process.env.OHD_BASE)) ||
  "http://127.0.0.1:5080"
).replace(/\/+$/, "");

// A GraphQL query with variables: a region's actual figures for a year, largest first, each with the
// sentence it comes from and a ready-made citation.
const QUERY = `
query Figures($region: String!, $year: Int!, $first: Int!) {
  region(code: $region) { nameEn nameZh }
  observations(
    where: { region: { code: { eq: $region } }, year: { eq: $year }, kind: { eq: "actual" } }
    order: [{ value: DESC }]
    first: $first
  ) {
    totalCount
    nodes { value unit valueAsWritten quote quoteEn citation metric { nameEn } }
  }
}`;

// GET with an automatic persisted query (the protocol Apollo clients speak): the URL carries the query's SHA-256
// and the variables, not the query, so it stays short and every HTTP cache on the way (browser, CDN, nginx) can
// keep the answer (Cache-Control: public, with an ETag). A server that has not seen the hash yet answers
// PERSISTED_QUERY_NOT_FOUND; then the text goes along once, and from then on the hash alone is enough.
async function sha256Hex(text) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function graphql(query, variables) {
  const hash = await sha256Hex(query);
  const params = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  let { response, result } = await get(params);
  const registered = result.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND");
  if (registered) {
    params.set("query", query);
    ({ response, result } = await get(params));
  }
  if (!response.ok || result.errors) {
    throw new Error(`GraphQL ${response.status}: ${JSON.stringify(result.errors ?? result)}`);
  }
  console.log(`(GET /graphql, persisted query ${hash.slice(0, 12)}…${registered ? " registered now" : ""}; ` +
    `Cache-Control: ${response.headers.get("cache-control")})\n`);
  return result.data;
}

async function get(params) {
  const response = await fetch(`${BASE}/graphql?${params}`, {
    headers: { Accept: "application/graphql-response+json" },
  });
  return { response, result: await response.json() };
}

async function main() {
  const data = await graphql(QUERY, { region: "330382", year: 2023, first: 5 });
  const { region, observations } = data;
  console.log(`${region.nameEn} (${region.nameZh}), 2023: ${observations.totalCount} actual figures; the largest ${observations.nodes.length}:`);
  for (const o of observations.nodes) {
    console.log(`\n- ${o.metric.nameEn}: ${o.value} ${o.unit} (written ${o.valueAsWritten})`);
    console.log(`  「${o.quote}」 (${o.quoteEn})`);
    console.log(`  Source: ${o.citation}`);
  }

  // The snapshot listing: whole datasets as JSON and CSV, immutable and cacheable.
  const response = await fetch(`${BASE}/api/v1/snapshots`);
  if (!response.ok) throw new Error(`GET /api/v1/snapshots: ${response.status}`);
  const listing = await response.json();
  const current = listing.snapshots.find((s) => s.id === listing.current);
  console.log(`\nCurrent snapshot ${listing.current} (${current.counts.observations} observations):`);
  for (const [name, formats] of Object.entries(current.datasets)) {
    console.log(`  ${name.padEnd(13)} ${BASE}${formats.csv.url}  (${formats.csv.bytes} bytes)`);
  }
}

main().catch((error) => {
  const cause = error.cause ? ` (${error.cause.code ?? error.cause.message ?? error.cause})` : "";
  console.error(`error: ${error.message}${cause}`);
  if (error instanceof TypeError) {
    console.error(`Is the API running at ${BASE}? Start it with: dotnet run --project src/OpenHealthData.Api`);
  }
  if (typeof process !== "undefined") process.exitCode = 1;
});
