// Post-build step: GraphiQL's published CSS embeds its fonts (Roboto, Fira Code, codicon) and a few
// images as data: URIs. Move every such URI out of the built CSS into its own file under assets/,
// so the IDE works under a Content-Security-Policy with font-src 'self' / img-src 'self' (no data:),
// and the browser only downloads the unicode-range subsets it actually uses.
//
// usage: node scripts/extract-fonts.mjs <outDir>     (outDir = ../wwwroot/graphiql)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const outDir = resolve(process.argv[2] ?? '../wwwroot/graphiql');
const assetsDir = join(outDir, 'assets');
const publicBase = '/graphiql/assets/';

const EXT = {
  'font/woff2': 'woff2',
  'font/woff': 'woff',
  'application/font-woff': 'woff',
  'font/ttf': 'ttf',
  'application/x-font-ttf': 'ttf',
  'font/otf': 'otf',
  'image/png': 'png',
  'image/svg+xml': 'svg',
  'image/gif': 'gif',
};

// url(data:...) with optional quotes; the body of a data: URI has no unescaped ')' or quotes.
const DATA_URL = /url\(\s*(["']?)data:([a-z0-9.+\/-]+)((?:;[a-z0-9=._-]+)*)?,([^"')]*)\1\s*\)/gi;

// Files Vite already emitted (e.g. monaco's codicon.ttf): reuse them instead of writing a second copy.
const sha = (buf) => createHash('sha256').update(buf).digest('hex');
const existing = new Map(
  readdirSync(assetsDir)
    .filter((f) => !/\.(css|js|html)$/.test(f))
    .map((f) => [sha(readFileSync(join(assetsDir, f))), f]),
);

let files = 0;
let reused = 0;
let bytes = 0;
for (const name of readdirSync(assetsDir).filter((f) => f.endsWith('.css'))) {
  const path = join(assetsDir, name);
  const css = readFileSync(path, 'utf8');
  const out = css.replace(DATA_URL, (whole, _q, mime, params = '', body) => {
    const ext = EXT[mime.toLowerCase()];
    if (!ext) return whole; // unknown kind: leave as is (reported below)
    const data = /;base64/i.test(params)
      ? Buffer.from(body, 'base64')
      : Buffer.from(decodeURIComponent(body), 'utf8');
    const digest = sha(data);
    let file = existing.get(digest);
    if (file) {
      reused++;
    } else {
      file = `${mime.startsWith('image/') ? 'img' : 'font'}-${digest.slice(0, 12)}.${ext}`;
      writeFileSync(join(assetsDir, file), data);
      existing.set(digest, file);
      files++;
      bytes += data.length;
    }
    return `url(${publicBase}${file})`;
  });
  writeFileSync(path, out);
  const left = out.match(/url\(\s*["']?data:/gi)?.length ?? 0;
  if (left) console.warn(`extract-fonts: ${name} still has ${left} data: URL(s) of an unknown type`);
}
console.log(
  `extract-fonts: wrote ${files} files (${(bytes / 1024).toFixed(0)} KiB) and reused ${reused} identical ones for the data: URLs in the CSS, in ${assetsDir}`,
);
