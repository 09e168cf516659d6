import { chromium } from '@playwright/test';
const url = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ serviceWorkers: 'block' });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const done = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,v8.wasm,disabled-by-default-v8.wasm.detailed', transferMode: 'ReportEvents' });
await page.goto(url);
await page.waitForTimeout(4000);
await cdp.send('Tracing.end'); await done;
// main thread: find renderer main thread tid via RunTask durations
const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur > 30000);
const mainTid = tasks.sort((a,b)=>b.dur-a.dur)[0]?.tid;
const navs = events.filter(e=>e.name==='navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'));
const t0 = navs.length ? navs[0].ts : tasks[0].ts;
for (const n of ['firstPaint','firstContentfulPaint','largestContentfulPaint::Candidate']) { const e = events.find(x=>x.name===n); if (e) console.log(n, ((e.ts-t0)/1000).toFixed(0)); }
for (const e of events.filter(x=>x.name==='v8.newInstance' || x.name==='wasm.StartStreamingCompilation').slice(0,3)) console.log(e.name, ((e.ts-t0)/1000).toFixed(0));
for (const t of events.filter((e) => e.name === 'RunTask' && e.tid === mainTid && e.dur > 40000).sort((a,b)=>a.ts-b.ts)) {
  const inside = events.filter((e) => e.tid === mainTid && e.ph === 'X' && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e !== t);
  const agg = new Map();
  for (const e of inside) agg.set(e.name, (agg.get(e.name) || 0) + e.dur);
  console.log(`task at ${((t.ts - t0)/1000).toFixed(0)} ms: ${(t.dur/1000).toFixed(0)} ms`);
  console.log('   ' + [...agg].sort((a,b)=>b[1]-a[1]).slice(0,12).map(([k,v])=>`${k} ${(v/1000).toFixed(1)}`).join(' | '));
  const counts = new Map(); for (const e of inside) counts.set(e.name,(counts.get(e.name)||0)+1);
  console.log('   counts: ' + [...counts].sort((a,b)=>b[1]-a[1]).slice(0,8).map(([k,v])=>`${k}×${v}`).join(' '));
}
await browser.close();
