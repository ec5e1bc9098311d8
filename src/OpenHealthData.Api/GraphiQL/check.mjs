#!/usr/bin/env node
// Smoke check of the offline GraphiQL IDE in a real browser (headless Debian chromium via playwright-core).
//
// usage:  node check.mjs http://127.0.0.1:PORT [--screenshot FILE] [--timeout SECONDS]
//   env:  CHROMIUM_PATH (default /usr/bin/chromium)
//
// What it does:
//   1. opens BASE + "/graphiql/index.html" in a fresh profile (so GraphiQL shows its default query),
//   2. waits for the operation editor to show the default query, clicks "Execute query"
//      (falls back to Ctrl-Enter in the editor if the button cannot be clicked),
//   3. waits until the result pane shows a "valueAsWritten" figure that the API returned,
//   4. checks the network log: every request the page and its workers made (document, scripts, CSS,
//      fonts, worker scripts, fetches) must be same-origin. Two logs are read: Playwright's request
//      events, and Chromium's own NetLog (--log-net-log), which sees every URL request of the browser
//      process. In the NetLog, requests that carry a web origin as initiator come from the page or its
//      workers and must all be same-origin; requests with no web initiator are Chromium's own
//      background traffic (component updater, autofill, ...), listed separately and not counted.
//   5. checks that the page raised no Content-Security-Policy violation and no uncaught error.
// Prints what it saw and exits 0 if all of that holds.
//   exit 1: no figure in the result pane;   2: a request went to another origin;
//   exit 3: CSP violation or uncaught page error;   4: page/editor did not load (or bad usage).
//
// Selectors. GraphiQL says its class names are not a stable API, so each element is found by its ARIA
// label first (set by @graphiql/react and meant for screen readers, so least likely to change), then by class:
//   operation editor: section[aria-label="Operation Editor"]  | .graphiql-query-editor
//   run button:       button[aria-label^="Execute query"]     | .graphiql-execute-button
//   result pane:      section[aria-label="Result Window"]     | .result-window | .graphiql-response
// Editor text is read from Monaco's rendered lines (.view-lines > .view-line, ordered by their CSS `top`,
// non-breaking spaces turned into spaces). Monaco only renders the visible lines, which is enough here:
// the first observation's "valueAsWritten" sits within the first screenful of the result.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SELECTORS = {
  operationEditor: ['section[aria-label="Operation Editor"]', '.graphiql-query-editor'],
  runButton: ['button[aria-label^="Execute query"]', '.graphiql-execute-button'],
  resultPane: ['section[aria-label="Result Window"]', '.result-window', '.graphiql-response'],
};

function usage(message) {
  if (message) console.error(`check: ${message}`);
  console.error('usage: node check.mjs http://127.0.0.1:PORT [--screenshot FILE] [--timeout SECONDS]');
  process.exit(4);
}

const args = process.argv.slice(2);
let base;
let screenshot;
let timeoutMs = 60_000;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--screenshot') screenshot = args[++i] ?? usage('--screenshot needs a file');
  else if (args[i] === '--timeout') timeoutMs = 1000 * Number(args[++i] ?? usage('--timeout needs seconds'));
  else if (!base) base = args[i];
  else usage(`unexpected argument ${args[i]}`);
}
if (!base) usage();
let origin;
try {
  origin = new URL(base).origin;
} catch {
  usage(`not a URL: ${base}`);
}
const pageUrl = `${base.replace(/\/+$/, '')}/graphiql/index.html`;

// Returns the first selector of the list that matches something on the page.
async function firstMatch(page, candidates, timeout) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const selector of candidates) {
      if ((await page.locator(selector).count()) > 0) return selector;
    }
    await page.waitForTimeout(200);
  }
  return null;
}

// Visible text of the Monaco editor inside `selector`, line by line.
async function editorText(page, selector) {
  return page.locator(selector).first().evaluate((root) => {
    const lines = [...root.querySelectorAll('.view-lines .view-line')];
    lines.sort((a, b) => parseFloat(a.style.top || 0) - parseFloat(b.style.top || 0));
    const text = lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n');
    // No Monaco lines (e.g. a future GraphiQL renders differently): fall back to the element's text.
    return text || root.innerText || '';
  });
}

const userDataDir = mkdtempSync(join(tmpdir(), 'graphiql-check-'));
const netLogFile = join(userDataDir, '..', `${userDataDir.split('/').pop()}-netlog.json`);
const requests = []; // { url, type, from }
const cspViolations = [];
const pageErrors = [];
const consoleErrors = [];
const failedResponses = []; // same-origin or not: anything answering >= 400, or failing outright
const returnedFigures = new Set();
let exitCode = 0;
let context;

try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
      '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
      `--log-net-log=${netLogFile}`,
    ],
  });

  // Network log: every request the browser makes for this profile, from pages and from workers.
  context.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType() }));
  context.on('requestfailed', (r) => failedResponses.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`));
  context.on('response', async (r) => {
    if (r.status() >= 400) failedResponses.push(`HTTP ${r.status()} ${r.url()}`);
    if (new URL(r.url()).pathname !== '/graphql' || r.request().method() !== 'POST') return;
    try {
      const body = await r.json();
      for (const node of body?.data?.observations?.nodes ?? []) {
        if (node?.valueAsWritten) returnedFigures.add(node.valueAsWritten);
      }
    } catch {
      /* introspection or non-JSON: ignore */
    }
  });
  // CSP violations are reported to the page as events; record them before any page script runs.
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
    });
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e?.message ?? e)));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  page.on('worker', (w) => requests.push({ url: w.url(), type: 'worker (script)' }));

  console.log(`check: opening ${pageUrl}`);
  const response = await page.goto(pageUrl, { waitUntil: 'load', timeout: timeoutMs });
  console.log(`check: page HTTP ${response?.status()}, title "${await page.title()}"`);
  if (!response?.ok()) throw Object.assign(new Error(`page answered HTTP ${response?.status()}`), { code: 4 });

  const editorSel = await firstMatch(page, SELECTORS.operationEditor, timeoutMs);
  if (!editorSel) throw Object.assign(new Error('operation editor not found'), { code: 4 });
  await page.waitForFunction(
    (sel) => document.querySelector(sel)?.querySelectorAll('.view-line').length > 0,
    editorSel,
    { timeout: timeoutMs },
  );
  const query = await editorText(page, editorSel);
  console.log(`check: operation editor (${editorSel}) starts with:\n    ${query.split('\n').slice(0, 3).join('\n    ')}`);

  const runSel = await firstMatch(page, SELECTORS.runButton, 10_000);
  let ran = false;
  if (runSel) {
    try {
      await page.locator(runSel).first().click({ timeout: 10_000 });
      ran = true;
      console.log(`check: clicked run button (${runSel})`);
    } catch (e) {
      console.log(`check: could not click ${runSel}: ${e.message.split('\n')[0]}`);
    }
  }
  if (!ran) {
    await page.locator(editorSel).first().locator('.view-lines').click();
    await page.keyboard.press('Control+Enter');
    console.log('check: sent Ctrl-Enter in the operation editor');
  }

  const resultSel = await firstMatch(page, SELECTORS.resultPane, 10_000);
  if (!resultSel) throw Object.assign(new Error('result pane not found'), { code: 4 });
  let result = '';
  let figure = null;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    result = await editorText(page, resultSel);
    const shown = [...result.matchAll(/"valueAsWritten":\s*"([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
    // A figure counts when the API returned it (seen on the wire) and the pane displays it.
    figure = shown.find((v) => returnedFigures.has(v)) ?? null;
    if (figure) break;
    await page.waitForTimeout(250);
  }
  console.log(`check: result pane (${resultSel}), first lines:\n    ${result.split('\n').slice(0, 16).join('\n    ')}`);
  if (figure) {
    console.log(`check: OK figure shown in result pane: "valueAsWritten": "${figure}" (distinct figures the API returned: ${[...returnedFigures].join(', ')})`);
  } else {
    console.log(`check: FAIL no valueAsWritten from the API appeared in the result pane (API returned: ${[...returnedFigures].join(', ') || 'nothing'})`);
    exitCode = 1;
  }

  if (screenshot) {
    await page.screenshot({ path: screenshot });
    console.log(`check: screenshot written to ${screenshot}`);
  }

  await page.waitForTimeout(500); // let late font/worker requests land in the log
  cspViolations.push(...(await page.evaluate(() => window.__cspViolations ?? [])));
} catch (e) {
  console.log(`check: FAIL ${e.message}`);
  exitCode = e.code ?? 4;
} finally {
  await context?.close().catch(() => {}); // Chromium writes the end of the NetLog on exit
  rmSync(userDataDir, { recursive: true, force: true });
}

// Chromium NetLog: every URL request started by the browser, with its initiator.
function readNetLog(file) {
  if (!existsSync(file)) return null;
  let text = readFileSync(file, 'utf8');
  rmSync(file, { force: true });
  let log;
  try {
    log = JSON.parse(text);
  } catch {
    // Browser killed before it closed the log: the events array is cut after a complete event.
    text = text.replace(/,\s*$/, '');
    try {
      log = JSON.parse(`${text}]}`);
    } catch {
      return null;
    }
  }
  const types = log.constants?.logEventTypes ?? {};
  const startJob = types.URL_REQUEST_START_JOB;
  const out = [];
  for (const e of log.events ?? []) {
    if (e.type === startJob && e.params?.url) out.push({ url: e.params.url, initiator: e.params.initiator ?? '' });
  }
  return out;
}

// Network report.
const foreign = requests.filter((r) => /^https?:|^wss?:/i.test(r.url) && new URL(r.url).origin !== origin);
const byType = {};
for (const r of requests) byType[r.type] = (byType[r.type] ?? 0) + 1;
const nonHttp = requests.filter((r) => !/^https?:|^wss?:/i.test(r.url));
console.log(`check: ${requests.length} requests, ${requests.length - nonHttp.length - foreign.length} to ${origin}; by type: ${JSON.stringify(byType)}`);
if (nonHttp.length) console.log(`check: non-HTTP URLs (in-page, no network): ${[...new Set(nonHttp.map((r) => r.url.slice(0, 60)))].join(', ')}`);
const netLog = readNetLog(netLogFile);
const isHttp = (u) => /^(https?|wss?):/i.test(u);
const isWebOrigin = (o) => /^https?:\/\//i.test(o);
let netLogForeign = [];
if (netLog) {
  const fromPage = netLog.filter((r) => isWebOrigin(r.initiator) || (isHttp(r.url) && new URL(r.url).origin === origin));
  netLogForeign = fromPage.filter((r) => isHttp(r.url) && new URL(r.url).origin !== origin);
  const background = netLog.filter((r) => !fromPage.includes(r));
  const pageUrls = [...new Set(fromPage.map((r) => r.url))];
  console.log(`check: NetLog: ${fromPage.length} request(s) from the page and its workers, ${pageUrls.length} distinct URL(s), ${fromPage.length - netLogForeign.length} to ${origin}:`);
  for (const u of pageUrls) console.log(`    ${u}`);
  if (background.length) {
    console.log(`check: NetLog: ${background.length} request(s) by Chromium itself (no web initiator, not from the page): ${[...new Set(background.map((r) => new URL(r.url).host))].join(', ')}`);
  }
} else {
  console.log('check: NetLog not readable; relying on Playwright request events only');
}
if (foreign.length || netLogForeign.length) {
  console.log(`check: FAIL request(s) from the page to another origin:`);
  for (const r of foreign) console.log(`    ${r.type} ${r.url}`);
  for (const r of netLogForeign) console.log(`    netlog (initiator ${r.initiator}) ${r.url}`);
  exitCode ||= 2;
} else {
  console.log('check: OK no request from the page or its workers went to another origin');
}
if (cspViolations.length || pageErrors.length) {
  console.log(`check: FAIL ${cspViolations.length} CSP violation(s), ${pageErrors.length} uncaught page error(s):`);
  for (const v of [...new Set(cspViolations)]) console.log(`    csp: ${v}`);
  for (const v of pageErrors) console.log(`    error: ${v}`);
  exitCode ||= 3;
} else {
  console.log('check: OK no CSP violation, no uncaught page error');
}
if (failedResponses.length) console.log(`check: failed requests (informational): ${failedResponses.join(' | ')}`);
console.log(`check: workers started: ${requests.filter((r) => r.type === 'worker (script)').map((r) => new URL(r.url).pathname).join(', ') || 'none'}`);
if (consoleErrors.length) console.log(`check: console errors (informational): ${consoleErrors.slice(0, 5).join(' | ')}`);
console.log(exitCode === 0 ? 'check: PASS' : `check: FAIL (exit ${exitCode})`);
process.exit(exitCode);
