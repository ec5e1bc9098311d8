// Checks that the API and the peer return the same rows in the same order for one request shape.
//   node compare.mjs OURS_URL OURS_BODY PEER_URL PEER_BODY
// Both answers are brought to one form: a connection's { nodes } becomes its list (the API's nested lists are
// lists, the peer's are connections), a series point's `observation` is merged into the point (the peer reads
// series as observations). Then the two must be equal, field by field, row by row. Exit 1 and the first
// difference otherwise. Prints how many rows were compared, so that an empty answer cannot pass unnoticed.
import { readFileSync } from "node:fs";

const [oursUrl, oursBody, peerUrl, peerBody] = process.argv.slice(2);
async function ask(url, file) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: readFileSync(file) });
  const json = await res.json();
  if (!res.ok || json.errors) throw new Error(`${url} ${file}: HTTP ${res.status} ${JSON.stringify(json.errors ?? json).slice(0, 400)}`);
  return json.data;
}
let rows = 0;
function normal(v) {
  if (Array.isArray(v)) { rows += v.length; return v.map(normal); }
  if (v === null || typeof v !== "object") return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === "nodes") return normal(v.nodes);
  const out = {};
  for (const k of keys) {
    if (k === "observation" && v[k] && typeof v[k] === "object") Object.assign(out, normal(v[k]));
    else out[k] = normal(v[k]);
  }
  return out;
}
function firstDifference(a, b, path) {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(a[k], b[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ours ${JSON.stringify(a)?.slice(0, 200)} / peer ${JSON.stringify(b)?.slice(0, 200)}`;
}
const ours = normal(await ask(oursUrl, oursBody));
const oursRows = rows; rows = 0;
const peer = normal(await ask(peerUrl, peerBody));
const difference = firstDifference(ours, peer, "data");
if (difference) { console.log(`DIFFERENT ${difference}`); process.exit(1); }
if (oursRows === 0) { console.log("EMPTY: no rows to compare"); process.exit(1); }
console.log(`same ${oursRows} rows (all levels), same order`);
