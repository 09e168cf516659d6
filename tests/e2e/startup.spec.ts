// Start-up journey: the time from opening the app to the first question after Start, on a
// first visit over a slow network with a slow phone's CPU. The issue: "make it shorter,
// not longer".
//
// Each run is a fresh first visit: a new browser context (empty storage, no cookies),
// service workers blocked (nothing is served from a worker's cache) and the HTTP cache
// disabled (CDP Network.setCacheDisabled). The network is emulated through CDP
// (Network.emulateNetworkConditions: 150 ms latency added to every request, 1.6 Mbps down,
// 750 kbps up: the figures of Lighthouse's mobile "slow 4G") and the CPU slowed down 4×
// (Emulation.setCPUThrottlingRate, as in performance.spec.ts and Lighthouse's mobile
// profile).
//
// The journey: open '/' (the welcome page), click "Start the self-assessment" as soon as it
// can be clicked, and wait until the first question of part 1 is on screen. Timed with the
// page's own clock (performance.now(), whose origin is the start of the navigation to '/';
// the click is a client-side navigation, so the origin stays that of the first load), by a
// probe installed before the page's scripts run:
//   - total: navigation start to the first frame painted with the first question (its
//     legend) in the page: a message posted from the next animation frame after the legend
//     is inserted, which runs once that frame's style, layout and paint are done;
//   - click to question: from the click's event timestamp to that frame;
//   - start shown: navigation start to the Start link's insertion (the app rendered).
// Between "start shown" and the click is Playwright's own actionability check (a few
// frames); it is part of the total, as a reader's reaction would be.
//
// Requests are counted from the navigation until the app put the first question in the page
// (data: URLs left out), and the wasm files among them: the browser's requests (CDP
// Network.requestWillBeSent, whose timestamps tell those made before the question from
// those made just after it), beside page.on('request')'s count when the test saw the
// question (requestsSeen, a few more: on this viewport the welcome page's tools, asked for
// as the saved answers arrive, as it is left). Each run also records the
// page's Resource Timing entries (start, first byte and end of every file, on the same
// clock, and the bytes transferred) so the round trips can be told apart; they are in
// test-results/startup-journey.json. The files are served as scripts/serve-dist.mjs
// serves them: gzip-compressed, as the hosts README recommends do, so the bytes are what a
// user's browser receives.
//
// The journey runs RUNS times (each in a fresh context); the medians are printed and the
// median total is held to BUDGET_MS.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, expect, ui, watchErrors } from './fixtures';
import type { Browser, Page } from '@playwright/test';

// Five journeys: the median of five moves less with the machine's load than of three.
const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
/** STARTUP_VIEWPORT=412x823 measures at a phone's size, for comparison only: the budget is
 *  for the project's viewport (1280×900), on which the welcome page's lower part is in
 *  view at once, so its content and saved-state reader are fetched before the click. */
const VIEWPORT = process.env.STARTUP_VIEWPORT?.match(/^(\d+)x(\d+)$/);
const CPU_SLOWDOWN = 4;
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};
/** The baseline: the median total time, rounded up to the next 100 ms, and the requests
 *  until the first question, measured on the build of commit 3c977ce (`trunk build
 *  --release`, served gzip-compressed by scripts/serve-dist.mjs) on this machine (2 cores),
 *  2026-12-06, with the network and CPU above, at 1280×900, load 1.2–2.0: two test runs of
 *  3 journeys, medians 3551 and 3620 ms (journeys 3488–3637 ms); click to question 1572 and
 *  1546 ms; 56 requests until the question (51 wasm: the main module, 3 split modules —
 *  content_en, part_page, saved_answers — and 47 shared chunks; plus the HTML, 2 CSS, the
 *  JS glue and the split loader), 407.1 KB transferred. Served uncompressed (as the test
 *  server did before), the same build took 6400–6480 ms (click to question 2600–2860 ms,
 *  1040.5 KB): on this network the bytes, not the round trips, dominate then. The ceiling
 *  is the slowest of those compressed journeys, rounded up: the journey may not get longer
 *  than it was. Compare builds on a quiet machine (a busy one adds 0.3–0.5 s). */
const BASELINE_MS = 3700;
const BASELINE_REQUESTS = 56;
/** The ceiling the test enforces for the median total time: never longer than the
 *  baseline. STARTUP_BUDGET_MS overrides it for one run (e.g. lower, to see it fail). */
const BUDGET_MS = Number(process.env.STARTUP_BUDGET_MS ?? BASELINE_MS);
const QUESTION = 'form.questions fieldset legend';

interface Resource {
  file: string;
  kind: string;
  initiator: string;
  /** When the page asked for it (ms on the page's clock). */
  start: number;
  /** When the request went out: later than start while it waited for a connection
   *  (HTTP/1.1 allows six per host). */
  sent: number | null;
  firstByte: number | null;
  end: number | null;
  bytes: number | null;
}

interface Run {
  run: number;
  /** Navigation start to the first question on screen (ms). */
  totalMs: number;
  /** The click on Start to the first question on screen (ms). */
  clickToQuestionMs: number;
  /** Navigation start to the Start link in the page (ms). */
  startShownMs: number;
  /** Navigation start to the click (ms). */
  clickMs: number;
  /** Navigation start to the first question's insertion in the page (ms). */
  questionInDomMs: number;
  /** The protocol the files came over (Resource Timing nextHopProtocol). */
  protocol: string;
  /** Requests made from the navigation until the app put the first question in the page. */
  requests: number;
  wasmRequests: number;
  /** Requests page.on('request') had reported when the test saw the question (a few more:
   *  those made in the moments after it). */
  requestsSeen: number;
  /** Bytes of the files received until the question (Resource Timing transferSize, HTML
   *  included). */
  bytes: number;
  requestsByKind: Record<string, number>;
  /** Every request made until the first question was put in the page, in the order they
   *  started; the Resource Timing figures are null for one still under way then. */
  timeline: Resource[];
  /** Requests made after the first question was put in the page, until the test saw it. */
  later: string[];
}

/** The kind of a fetched file, by its name (the names scripts/wasm-split.mjs and Trunk give). */
function kindOf(url: string): string {
  const file = new URL(url).pathname.split('/').pop() ?? '';
  if (file === '' || file === 'index.html' || !file.includes('.')) return 'html';
  if (/_bg\.wasm$/.test(file)) return 'main wasm';
  if (/^split_.*\.wasm$/.test(file)) return 'split wasm';
  if (/^chunk_.*\.wasm$/.test(file)) return 'chunk wasm';
  if (/\.wasm$/.test(file)) return 'other wasm';
  if (/wasm_split.*\.js$/.test(file)) return 'split loader js';
  if (/\.js$/.test(file)) return 'glue js';
  if (/\.css$/.test(file)) return 'css';
  return 'other';
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
};

const fileOf = (url: string) => new URL(url).pathname.split('/').pop() || '/';
const r0 = (x: number) => Math.round(x);

/** Installed before the page's scripts: stamps the Start link's arrival, the click and
 *  the first frame painted with the first question, on the page's clock. */
function probe({ start, question }: { start: string; question: string }) {
  const rec: Record<string, number | null> = { startShown: null, click: null, questionInDom: null, questionFrame: null };
  (window as any).__startup = rec;
  const check = () => {
    if (rec.startShown == null) {
      for (const a of Array.from(document.querySelectorAll('a'))) {
        if ((a.textContent ?? '').includes(start)) {
          rec.startShown = performance.now();
          break;
        }
      }
    }
    if (rec.questionInDom == null && document.querySelector(question)) {
      rec.questionInDom = performance.now();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          rec.questionFrame = performance.now();
        };
        ch.port2.postMessage(null);
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  addEventListener('click', (e) => {
    if (rec.click == null && (e.target as Element | null)?.closest?.('a')) rec.click = e.timeStamp;
  }, true);
}

async function journey(browser: Browser, baseURL: string, viewport: { width: number; height: number } | null, n: number): Promise<Run> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en', serviceWorkers: 'block' });
  try {
    const page: Page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    const requested: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:')) requested.push(r.url());
    });
    await page.addInitScript(probe, { start: ui.en.welcome.start, question: QUESTION });
    const cdp = await context.newCDPSession(page);
    // The same requests with the browser's timestamps, to tell those made before the first
    // question was on screen from those made after it (page.on('request') reports them a
    // moment late, and Resource Timing only once they have finished).
    const asked: { url: string; ts: number }[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith('data:')) asked.push({ url: e.request.url, ts: e.timestamp });
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    await page.goto('/', { waitUntil: 'commit' });
    await page.getByRole('link', { name: ui.en.welcome.start }).click({ timeout: 30_000 });
    await expect(page.locator(QUESTION).first()).toBeVisible({ timeout: 30_000 });
    await page.waitForFunction(() => (window as any).__startup.questionFrame != null);
    const seen = [...requested];

    const data = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const entries = [nav, ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[])];
      return {
        rec: (window as any).__startup,
        resources: entries.map((e) => ({
          url: e.name,
          initiator: e.initiatorType,
          start: e.startTime,
          sent: e.requestStart,
          protocol: e.nextHopProtocol,
          firstByte: e.responseStart,
          end: e.responseEnd,
          bytes: e.transferSize,
        })),
      };
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(errors, 'page errors or console errors').toEqual([]);

    const { rec } = data;
    for (const k of ['startShown', 'click', 'questionFrame']) expect(rec[k], `probe: ${k}`).not.toBeNull();
    // Requests and bytes are counted until the app put the question in the page: what it
    // needed to show it (the welcome page's own tools are asked for in the same moment,
    // once the saved answers are read, and would make the count flip between runs).
    const shown = rec.questionInDom;
    const until = data.resources.filter((r) => r.end <= shown);
    // The browser's timestamps on the page's clock: shifted by the median difference
    // between the two clocks over the files both saw.
    const byUrl = new Map(data.resources.map((r) => [r.url, r.start]));
    const shifts = asked.filter((a) => byUrl.has(a.url)).map((a) => byUrl.get(a.url)! - a.ts * 1000);
    const shift = median(shifts);
    const at = (a: { ts: number }) => a.ts * 1000 + shift;
    const before = asked.filter((a) => at(a) <= shown).map((a) => a.url);
    expect(before.length, 'requests before the first question').toBeGreaterThan(0);
    // Every request made until the question, with its Resource Timing figures once it has
    // finished (those still under way have none).
    const rt = new Map(data.resources.map((r) => [r.url, r]));
    const timeline: Resource[] = asked
      .filter((a) => at(a) <= shown)
      .sort((x, y) => x.ts - y.ts)
      .map((a) => {
        const r = rt.get(a.url);
        return {
          file: fileOf(a.url),
          kind: kindOf(a.url),
          initiator: r?.initiator ?? '',
          start: r0(r?.start ?? at(a)),
          sent: r ? r0(r.sent) : null,
          firstByte: r ? r0(r.firstByte) : null,
          end: r ? r0(r.end) : null,
          bytes: r?.bytes ?? null,
        };
      });
    const requestsByKind: Record<string, number> = {};
    for (const u of before) requestsByKind[kindOf(u)] = (requestsByKind[kindOf(u)] ?? 0) + 1;
    return {
      run: n,
      totalMs: r0(rec.questionFrame),
      clickToQuestionMs: r0(rec.questionFrame - rec.click),
      startShownMs: r0(rec.startShown),
      clickMs: r0(rec.click),
      questionInDomMs: r0(rec.questionInDom),
      protocol: [...new Set(until.map((r) => r.protocol))].join(', '),
      requests: before.length,
      wasmRequests: before.filter((u) => /\.wasm$/.test(new URL(u).pathname)).length,
      requestsSeen: seen.length,
      bytes: until.reduce((s, r) => s + r.bytes, 0),
      requestsByKind,
      timeline,
      later: asked.filter((a) => at(a) > shown).map((a) => `${fileOf(a.url)} at ${r0(at(a))} ms`),
    };
  } finally {
    await context.close();
  }
}

test(`first visit on a slow network and ${CPU_SLOWDOWN}× CPU: opening the app to the first question after Start`, async ({ browser, baseURL, viewport }, testInfo) => {
  test.setTimeout(180_000);
  // The emulated CPU slowdown multiplies this machine's own speed: as scripts/lighthouse.mjs
  // does, wait up to a minute for the earlier tests' load to ebb, so that the figure is the
  // app's, not the queue's.
  const waitStart = Date.now();
  while (os.loadavg()[0] >= os.cpus().length && Date.now() - waitStart < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  const loadBefore = os.loadavg()[0];
  const runs: Run[] = [];
  const size = VIEWPORT ? { width: Number(VIEWPORT[1]), height: Number(VIEWPORT[2]) } : viewport;
  for (let n = 1; n <= RUNS; n++) runs.push(await journey(browser, baseURL!, size, n));

  const keys = ['totalMs', 'clickToQuestionMs', 'startShownMs', 'clickMs', 'requests', 'wasmRequests', 'bytes'] as const;
  const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))])) as Record<(typeof keys)[number], number>;
  const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
  const summary = {
    date: new Date().toISOString(),
    loadAverage: load,
    network: { latencyMs: NETWORK.latency, downloadKbps: (NETWORK.downloadThroughput * 8) / 1000, uploadKbps: (NETWORK.uploadThroughput * 8) / 1000 },
    cpuSlowdown: CPU_SLOWDOWN,
    viewport: size,
    budget: { enforced: !VIEWPORT, totalMs: BUDGET_MS, baselineMs: BASELINE_MS, baselineRequests: BASELINE_REQUESTS, baselineCommit: '3c977ce' },
    median: med,
    runs,
  };
  const out = path.join(testInfo.project.outputDir, 'startup-journey.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(summary, null, 2));
  await testInfo.attach('startup-journey.json', { path: out, contentType: 'application/json' });
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  console.log(
    `[startup] first visit${size ? ` at ${size.width}×${size.height}` : ''}, ${NETWORK.latency} ms latency, ${summary.network.downloadKbps} kbps down, ${CPU_SLOWDOWN}× CPU, median of ${RUNS}: ` +
      `open to first question ${med.totalMs} ms (ceiling ${BUDGET_MS} ms ${VIEWPORT ? 'not enforced at this size' : med.totalMs <= BUDGET_MS ? 'ok' : 'BROKEN'}), ` +
      `click to question ${med.clickToQuestionMs} ms, Start shown at ${med.startShownMs} ms, ` +
      `${med.requests} requests (${med.wasmRequests} wasm; baseline ${BASELINE_REQUESTS}), ${kb(med.bytes)} transferred; ` +
      `runs ${runs.map((r) => `${r.totalMs}/${r.clickToQuestionMs}`).join(', ')} ms (total/click); load ${load}; details ${out}`,
  );
  // The ceiling holds for the project's viewport; another size (STARTUP_VIEWPORT) is measured for comparison only.
  if (!VIEWPORT) {
    expect(med.totalMs, 'median ms from opening the app to the first question (ceiling: the baseline of 3c977ce)').toBeLessThanOrEqual(BUDGET_MS);
  }
});
