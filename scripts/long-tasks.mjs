// Where a page's main-thread time goes (docs/performance.md, "Lighthouse"): loads one
// address in Debian chromium with 4× CPU slowdown, as Lighthouse's mobile profile
// assumes, records a Chrome trace and prints every task of the page's main thread longer
// than 40 ms, with what it spent its time on (e.g. `wasm.CompileLazy`: V8 compiling wasm
// functions on their first call) and how often each kind of event occurred.
//
// Usage: node scripts/long-tasks.mjs <url> [saved-state.json]
//   e.g. node scripts/serve-dist.mjs dist --port 4500 & node scripts/long-tasks.mjs http://127.0.0.1:4500/
// The optional file is stored under the app's local-storage key first (a returning
// visitor, or the results page with answers). Times are relative to the first wasm
// instantiation; negative ones come before it (HTML, the start-up notice's layout).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const [url, stateFile] = process.argv.slice(2);
if (!url) {
  console.error('Usage: node scripts/long-tasks.mjs <url> [saved-state.json]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  if (stateFile) {
    const state = readFileSync(stateFile, 'utf8');
    await page.addInitScript((v) => localStorage.setItem('cp-self-assessment', v), state);
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm',
    transferMode: 'ReportEvents',
  });
  await page.goto(url);
  await page.waitForTimeout(4000);
  await cdp.send('Tracing.end');
  await complete;

  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  // The page's main thread: the one with the longest task.
  const main = [...tasks].sort((a, b) => b.dur - a.dur)[0]?.tid;
  const start = events.find((e) => e.name === 'v8.newInstance')?.ts ?? tasks[0]?.ts ?? 0;
  const ms = (us) => (us / 1000).toFixed(0);
  for (const e of ['firstContentfulPaint', 'largestContentfulPaint::Candidate']) {
    const found = events.find((x) => x.name === e);
    if (found) console.log(`${e} at ${ms(found.ts - start)} ms`);
  }
  for (const task of tasks.filter((t) => t.tid === main && t.dur > 40_000).sort((a, b) => a.ts - b.ts)) {
    const inside = events.filter((e) => e !== task && e.tid === main && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur);
    const time = new Map();
    const count = new Map();
    for (const e of inside) {
      time.set(e.name, (time.get(e.name) ?? 0) + e.dur);
      count.set(e.name, (count.get(e.name) ?? 0) + 1);
    }
    const top = (m, f) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 10).map(f).join(' | ');
    console.log(`task at ${ms(task.ts - start)} ms: ${ms(task.dur)} ms`);
    console.log(`   time:  ${top(time, ([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)}`);
    console.log(`   count: ${top(count, ([k, v]) => `${k}×${v}`)}`);
  }
} finally {
  await browser.close();
}
