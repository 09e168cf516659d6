#!/usr/bin/env node
// Lighthouse gate for the release build in dist/ (issue 7: budgets checked on every run).
//
// Serves dist/ on 127.0.0.1 the way a static host does (SPA fallback for app routes, gzip
// for text and wasm, long-lived caching for Trunk's hashed files), runs Lighthouse 12 in
// Debian chromium with its default mobile profile (Moto G Power emulation, simulated slow
// 4G and 4× CPU slowdown) on the welcome page and on the results page of persona P1, saves
// each report as HTML and JSON under test-results/lighthouse/, prints the scores and the
// audits that cost points, and exits non-zero when a score is below its budget.
//
//   node scripts/lighthouse.mjs                    # both pages, median of 3 runs each
//   LIGHTHOUSE_RUNS=1 node scripts/lighthouse.mjs  # one run each (quicker, noisier)
//
// Run it after Playwright: Playwright empties test-results/ when it starts.
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';

// ---- Budgets -------------------------------------------------------------------------
// Scores are 0–100 as Lighthouse shows them. A category without a budget (SEO) is printed
// for information only.
//   TARGETS: issue 7's budgets. Each is reported as met or NOT MET.
//   BUDGETS: what the run enforces (exit 1 below it): every target, performance ≥ 95 on
//   both pages included. Medians measured on this 2-core machine: welcome 98 (runs 97–99),
//   results 99 (runs 97–99), once the results render section by section and the split
//   loader yields between files (docs/performance.md). A run on a busy machine costs a few
//   points, hence the median of five runs and the wait for the load to ebb below.
//   LIGHTHOUSE_PERFORMANCE_FLOOR overrides the performance floor of both pages, e.g. to
//   show a deliberate break (=100).
const TARGETS = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
};
const FLOOR_OVERRIDE = process.env.LIGHTHOUSE_PERFORMANCE_FLOOR;
const BUDGETS = {
  performance: null, // per page, see PAGES (both at the target unless overridden)
  accessibility: 100,
  'best-practices': 95,
};
const INFO_ONLY = ['seo'];
// ---------------------------------------------------------------------------------------

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// LIGHTHOUSE_DIST=<folder> measures another build (e.g. to compare two), LIGHTHOUSE_PAGES=
// welcome,results a subset of the pages; the test run uses neither.
const DIST = resolve(ROOT, process.env.LIGHTHOUSE_DIST ?? 'dist');
const OUT = join(ROOT, 'test-results', 'lighthouse');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
// Simulated throttling still depends on the CPU time measured on this machine: one run's
// performance score moves by a few points (measured: 95–99 over five runs of one build), so
// the gate takes the median of five, as Lighthouse's documentation advises (~10 s a run).
const RUNS = Math.max(1, Number.parseInt(process.env.LIGHTHOUSE_RUNS ?? '5', 10) || 1);
// How many failing audits to list per category.
const TOP = 8;

// The results page needs answers: persona P1's, stored the way the app stores them
// (docs/format.md section 2) before Lighthouse loads the page.
const p1State = JSON.stringify({
  format: 'cp-self-assessment/state',
  version: 1,
  answers: JSON.parse(readFileSync(join(ROOT, 'crates', 'cp-assessment', 'tests', 'fixtures', 'personas', 'p1.json'), 'utf8')),
  language: 'en',
});
const SEED_PATH = '/__seed';
const PAGES = [
  { name: 'welcome', path: '/', performanceFloor: 95 },
  { name: 'results', path: '/results', storage: { 'cp-self-assessment': p1State }, performanceFloor: 95 },
].map((p) => ({ ...p, performanceFloor: Number(FLOOR_OVERRIDE ?? p.performanceFloor) }))
  .filter((p) => !process.env.LIGHTHOUSE_PAGES || process.env.LIGHTHOUSE_PAGES.split(',').includes(p.name));

/** Copies dist/ to a temporary folder with a .gz beside each text or wasm file, and serves
 *  it with sirv: gzip when the browser accepts it (as GitHub Pages and most hosts do — sirv
 *  alone would send the wasm uncompressed, which no host does), index.html for unknown
 *  paths, and a year's caching for the content-hashed files Trunk writes. */
async function serveDist() {
  const dir = mkdtempSync(join(tmpdir(), 'cp-lighthouse-'));
  cpSync(DIST, dir, { recursive: true });
  for (const f of readdirSync(dir, { recursive: true })) {
    if (/\.(html|js|css|wasm|json|svg|txt)$/.test(f)) {
      writeFileSync(join(dir, `${f}.gz`), gzipSync(readFileSync(join(dir, f)), { level: 9 }));
    }
  }
  const files = sirv(dir, {
    single: true,
    gzip: true,
    etag: true,
    setHeaders(res, pathname) {
      const hashed = /-[0-9a-f]{1,16}(_bg)?\.\w+$/.test(pathname);
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server = createServer((req, res) => {
    // An empty page of the same origin, to seed local storage without loading the app.
    if (req.url === SEED_PATH) return res.writeHead(200, { 'Content-Type': 'text/plain' }).end();
    files(req, res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => { server.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Runs Lighthouse once on a page, in a fresh tab; seeds local storage first if asked. */
async function audit(browser, origin, page) {
  const tab = await browser.newPage();
  try {
    let flags = { output: ['html', 'json'], logLevel: 'error' };
    if (!page.storage) {
      // A first visit. Lighthouse's storage reset leaves local storage alone (it only warns
      // about stored data), and an earlier run's page may have saved there: its full-page
      // screenshot brings the welcome page's lower part into view, which fetches and
      // takes over the saved state. Cleared here, so every run is a first visit.
      await tab.goto(`${origin}${SEED_PATH}`);
      await tab.evaluate(() => localStorage.clear());
    }
    if (page.storage) {
      // Lighthouse clears the origin's storage and the HTTP cache before it loads a page.
      // To keep the answers, seed them on an empty page of the same origin (so that the
      // app's files are not cached), clear the cache ourselves, and ask Lighthouse not to
      // reset storage: the page is then measured cold, with answers.
      await tab.goto(`${origin}${SEED_PATH}`);
      await tab.evaluate((entries) => {
        localStorage.clear();
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, page.storage);
      const cdp = await tab.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.detach();
      flags = { ...flags, disableStorageReset: true };
    }
    const result = await lighthouse(`${origin}${page.path}`, flags, undefined, tab);
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
    return result;
  } finally {
    await tab.close();
  }
}

const score = (cat) => (cat.score == null ? null : Math.round(cat.score * 100));

/** The audits of a category that cost points, largest loss first, with the loss in points. */
function costingAudits(lhr, categoryId) {
  const cat = lhr.categories[categoryId];
  const total = cat.auditRefs.reduce((s, r) => s + r.weight, 0) || 1;
  return cat.auditRefs
    .map((ref) => ({ ref, a: lhr.audits[ref.id] }))
    .filter(({ ref, a }) => ref.weight > 0 && a.score != null && a.score < 1)
    .map(({ ref, a }) => ({ a, lost: (ref.weight * (1 - a.score) * 100) / total }))
    .sort((x, y) => y.lost - x.lost);
}

/** Performance diagnostics that fail or have savings, biggest estimated saving first. */
function perfOpportunities(lhr) {
  return lhr.categories.performance.auditRefs
    .filter((r) => r.group !== 'metrics')
    .map((r) => lhr.audits[r.id])
    .filter((a) => a.score != null && a.score < 0.9 && !['notApplicable', 'informative', 'manual'].includes(a.scoreDisplayMode))
    .map((a) => ({ a, ms: a.details?.overallSavingsMs ?? a.metricSavings?.LCP ?? a.metricSavings?.FCP ?? a.metricSavings?.TBT ?? 0 }))
    .sort((x, y) => y.ms - x.ms);
}

function describe(a) {
  return `${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''} [${a.id}]`;
}

function report(name, lhr, performanceFloor) {
  const lines = [];
  const cats = [...Object.keys(BUDGETS), ...INFO_ONLY];
  const failed = [];
  lines.push(`[lighthouse] ${name} (${lhr.finalDisplayedUrl}, ${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling, Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? ''})`);
  for (const id of cats) {
    const cat = lhr.categories[id];
    const s = score(cat);
    const budget = id === 'performance' ? performanceFloor : BUDGETS[id];
    const ok = budget == null || (s != null && s >= budget);
    if (!ok) failed.push(`${name}: ${cat.title} ${s} < ${budget}`);
    const target = TARGETS[id];
    const met = target == null || (s != null && s >= target);
    lines.push(`  ${cat.title.padEnd(15)} ${String(s).padStart(3)}  ${budget == null ? '(info only)' : `enforced ≥ ${budget} ${ok ? 'ok' : 'FAILED'}; issue 7's target ${target} ${met ? 'met' : 'NOT MET'}`}`);
  }
  const m = lhr.audits;
  const metrics = { FCP: 'first-contentful-paint', LCP: 'largest-contentful-paint', TBT: 'total-blocking-time', CLS: 'cumulative-layout-shift', SI: 'speed-index' };
  lines.push(`  metrics (score): ${Object.entries(metrics).map(([k, id]) => `${k} ${m[id].displayValue} (${Math.round(m[id].score * 100)})`).join(', ')}`);
  for (const id of cats) {
    const costing = costingAudits(lhr, id);
    if (!costing.length) continue;
    lines.push(`  ${lhr.categories[id].title}: audits costing points`);
    for (const { a, lost } of costing.slice(0, TOP)) lines.push(`    -${lost.toFixed(1).padStart(5)}  ${describe(a)}`);
  }
  const opps = perfOpportunities(lhr).slice(0, TOP);
  if (opps.length) {
    lines.push('  Performance: opportunities and diagnostics');
    for (const { a } of opps) lines.push(`           ${describe(a)}`);
  }
  // Failing audits that carry no weight (e.g. source maps in Best Practices): no points
  // lost, but worth knowing.
  const unweighted = ['accessibility', 'best-practices', 'seo'].flatMap((id) => lhr.categories[id].auditRefs)
    .filter((r) => r.weight === 0 && lhr.audits[r.id].score != null && lhr.audits[r.id].score < 1
      && !['notApplicable', 'informative', 'manual'].includes(lhr.audits[r.id].scoreDisplayMode));
  if (unweighted.length) lines.push(`  failing but unscored: ${unweighted.map((r) => describe(lhr.audits[r.id])).join('; ')}`);
  // Audits Lighthouse could not run. With weight they make the category score null (and the
  // gate fail); without weight the score stands, but the diagnostic is missing.
  const errored = Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error');
  if (errored.length) {
    lines.push(`  could not run (${errored.length}): ${errored.map((a) => a.id).join(', ')}`);
    lines.push(`    first error: ${errored[0].errorMessage.split('\n')[0]}`);
  }
  if (lhr.runWarnings.length) lines.push(`  run warnings: ${lhr.runWarnings.join(' | ')}`);
  return { lines, failed };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main() {
  try {
    readFileSync(join(DIST, 'index.html'));
  } catch {
    console.error('[lighthouse] dist/index.html is missing: run `trunk build --release` first');
    process.exit(2);
  }
  mkdirSync(OUT, { recursive: true });
  const server = await serveDist();
  const browser = await puppeteer.launch({
    executablePath: CHROME,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const failed = [];
  const summary = {};
  // Simulated throttling still uses this machine's CPU timings: wait (a minute at most) for
  // the browser tests' load to ebb, and note how busy the machine was.
  const waitStart = Date.now();
  while (loadavg()[0] >= cpus().length && Date.now() - waitStart < 60_000) {
    await new Promise((r) => setTimeout(r, 5_000));
  }
  if (Date.now() - waitStart > 1_000) console.log(`[lighthouse] waited ${Math.round((Date.now() - waitStart) / 1000)} s for the machine's load to ebb`);
  const loadBefore = loadavg()[0];
  try {
    for (const page of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(browser, server.origin, page));
      // With several runs, report the run with the median performance score (Lighthouse's
      // advice for variable results); the other categories hardly vary between runs.
      const perf = runs.map((r) => r.lhr.categories.performance.score ?? 0);
      const chosen = runs.find((r) => (r.lhr.categories.performance.score ?? 0) === median(perf));
      const [html, json] = chosen.report;
      writeFileSync(join(OUT, `${page.name}.report.html`), html);
      writeFileSync(join(OUT, `${page.name}.report.json`), json);
      const r = report(page.name, chosen.lhr, page.performanceFloor);
      if (RUNS > 1) r.lines.splice(1, 0, `  performance over ${RUNS} runs: ${perf.map((p) => Math.round(p * 100)).join(', ')} (median reported)`);
      console.log(r.lines.join('\n'));
      failed.push(...r.failed);
      summary[page.name] = Object.fromEntries(
        [...Object.keys(BUDGETS), ...INFO_ONLY].map((id) => [id, score(chosen.lhr.categories[id])]),
      );
      if (RUNS > 1) summary[page.name].performanceRuns = perf.map((p) => Math.round(p * 100));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const load = `${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
  console.log(`[lighthouse] machine load (1-minute average): ${load}`);
  writeFileSync(join(OUT, 'summary.json'), JSON.stringify({ date: new Date().toISOString(), loadAverage: load, budgets: { ...BUDGETS, performance: Object.fromEntries(PAGES.map((p) => [p.name, p.performanceFloor])) }, targets: TARGETS, runs: RUNS, pages: summary, failed }, null, 2));
  console.log(`[lighthouse] reports: ${OUT}/{${PAGES.map((p) => p.name).join(',')}}.report.{html,json}`);
  if (failed.length) {
    console.error(`[lighthouse] budget broken:\n  ${failed.join('\n  ')}`);
    process.exit(1);
  }
  console.log('[lighthouse] all budgets met');
}

main().catch((e) => {
  console.error('[lighthouse] error:', e);
  process.exit(2);
});
