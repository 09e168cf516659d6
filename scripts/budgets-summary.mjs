#!/usr/bin/env node
// Prints the issue-7 budgets measured by the last test run in a few lines, from the files
// scripts/size-report.mjs leaves in target/ and the interaction-speed and start-up journey
// tests and scripts/lighthouse.mjs leave in test-results/.
import { existsSync, readFileSync } from 'node:fs';

const read = (f) => (existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null);
const interaction = read('test-results/interaction-speed.json');
const startup = read('test-results/startup-journey.json');
const lighthouse = read('test-results/lighthouse/summary.json');
const size = read('target/size-report.json');

console.log('[budgets] ------------------------------------------------------------');
if (size) {
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  const g = size.total.gzip;
  console.log(`[budgets] first load: ${kb(g)} gzip (${kb(size.total.brotli)} brotli) — ceiling ${kb(size.ceiling_gzip)} ${g <= size.ceiling_gzip ? 'ok' : 'BROKEN'}; ` +
    `issue 7's target ${kb(size.target_gzip)} ${g <= size.target_gzip ? 'met' : 'NOT MET'}`);
} else {
  console.log('[budgets] first load: not measured (see the size report above)');
}
if (interaction) {
  const { latencyMs: l, budget } = interaction;
  const ok = l.p95 <= budget.p95LatencyMs;
  const f = interaction.firstFrame;
  if (f) {
    console.log(`[budgets] interaction: progress updated in the first frame after the input for ${f.updated} of ${f.checked} answers ` +
      `(issue 7's "within one frame", enforced) ${f.updated === f.checked ? 'ok' : 'BROKEN'}`);
  }
  console.log(`[budgets] interaction, ${interaction.answers} answers at ${interaction.cpuSlowdown}× CPU slowdown, input to frame on screen: ` +
    `p50 ${l.p50} ms, p95 ${l.p95} ms, max ${l.max} ms — enforced p95 ≤ ${budget.p95LatencyMs} ms ${ok ? 'ok' : 'BROKEN'}` +
    (budget.targetP95LatencyMs == null ? '' : `; two frames, ${budget.targetP95LatencyMs} ms, ${l.p95 <= budget.targetP95LatencyMs ? 'met' : 'NOT MET'}`) +
    (interaction.loadAverage ? ` (load ${interaction.loadAverage})` : ''));
} else {
  console.log('[budgets] interaction: not measured (see the Playwright output)');
}
if (startup) {
  const m = startup.median;
  const ceiling = startup.budget.totalMs;
  console.log(`[budgets] start-up journey, first visit at ${startup.network.latencyMs} ms latency, ${startup.network.downloadKbps} kbps, ${startup.cpuSlowdown}× CPU, ` +
    `median of ${startup.runs.length}: open to first question ${m.totalMs} ms, click to question ${m.clickToQuestionMs} ms, ` +
    `${m.requests} requests (${m.wasmRequests} wasm) — ceiling ${ceiling} ms ` +
    `${startup.budget.enforced === false ? 'not enforced at this size' : m.totalMs <= ceiling ? 'ok' : 'BROKEN'}` +
    (startup.loadAverage ? ` (load ${startup.loadAverage})` : ''));
} else {
  console.log('[budgets] start-up journey: not measured (see the Playwright output)');
}
if (lighthouse) {
  for (const [page, s] of Object.entries(lighthouse.pages)) {
    const cats = Object.entries(s).filter(([k]) => k !== 'performanceRuns').map(([k, v]) => {
      // Performance floors are per page; the others one for all pages.
      const b = typeof lighthouse.budgets[k] === 'object' && lighthouse.budgets[k] !== null
        ? lighthouse.budgets[k][page]
        : lighthouse.budgets[k];
      const t = lighthouse.targets?.[k];
      const enforced = b == null ? '' : v >= b ? '' : ` (< ${b} BROKEN)`;
      const target = t == null || v >= t ? '' : ` (issue 7's target ${t} NOT MET)`;
      return `${k} ${v}${enforced}${target}`;
    });
    console.log(`[budgets] lighthouse ${page}: ${cats.join(', ')}`);
  }
  if (lighthouse.loadAverage) console.log(`[budgets] lighthouse machine load: ${lighthouse.loadAverage}`);
} else {
  console.log('[budgets] lighthouse: not measured (see its output above)');
}
console.log('[budgets] ------------------------------------------------------------');
