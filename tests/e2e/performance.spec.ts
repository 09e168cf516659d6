// Interaction speed (issue 7): every answer updates the progress (and any live result)
// within the frame budget, on a slow phone's CPU.
//
// 100 answers are given through the five parts with 4× CPU throttling (Chrome DevTools'
// "4× slowdown", which Lighthouse also uses for its mobile profile): first persona P1's
// answers with the mouse (radios, scale points, each checkbox of a multi-choice question,
// "I don't know"), then, until 100, each radio question of the part changed to its next
// option with the arrow key. Every one is a real change of the stored answer.
//
// What is timed, per answer: from the input to the frame, shown on screen, that carries the
// app's update. Measured with the browser's Event Timing API, the measure behind INP:
//   - an entry's start is the `timeStamp` of the trusted input event that changed the
//     answer: the mouse `click` (stamped when the button was released) or the `keydown` of
//     the arrow key (not the click Chrome fires along with it). So time spent waiting for a
//     busy main thread (input delay) counts;
//   - its duration runs to the presentation of the first frame painted after the event was
//     handled, rounded to 8 ms. Entries under 16 ms are not reported at all; such an answer
//     counts as 16 ms here (an upper bound).
// That frame carries the update only if the app updates the DOM while handling the input,
// not in a later task. The test checks this for every answer that changes a progress text:
// a `change` listener on window, which runs after the app's own listener and after the
// microtasks in which Leptos updates the DOM, must already see the new text.
//
// Printed beside it, to tell the app's share from the browser's (both in-page clocks):
//   - reaction: input to the end of the app's processing (that window `change` listener);
//   - frame ready: input to the end of the main thread's work on that frame (a message
//     posted from the next animation frame runs once style, layout and paint are done).
//     It leaves out compositing and display, so it is usually below the Event Timing
//     figure; under throttling, tasks queued on the main thread can make it larger.
// Clicks go through the raw mouse at the element's centre, found beforehand, because
// Playwright's locator.click() hooks the page's click events to check where it lands and
// that work would be timed as the app's.
//
// Issue 7 asks that an answer update the progress (and any live result) "within one frame",
// and that the p95 be measured and printed. The test enforces the first, answer by answer:
// the update is in the first frame painted after the input, never a later one (checked
// below). It prints the p95 of input to that frame on screen and enforces RAIL's 100 ms
// for it. It also prints a stricter reading as met or NOT MET: that frame on screen within
// two frames at 60 Hz, 33.3 ms (an input arrives at a random moment in a frame, so at most
// one frame interval of waiting for the next frame to begin, plus one frame for the app's
// reaction, style, layout, paint and the compositor's draw). Without throttling the app
// meets it; at 4× it does not yet (docs/performance.md).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test, expect, Questionnaire, persona, BankQuestion } from './fixtures';
import type { Page, Locator } from '@playwright/test';

const ANSWERS = 100;
// INTERACTION_CPU_SLOWDOWN=1 measures without throttling, for comparison only.
const CPU_SLOWDOWN = Number(process.env.INTERACTION_CPU_SLOWDOWN ?? 4);
const FRAME_MS = 1000 / 60;
/** The stricter reading of "within one frame" for the p95 of input to the frame on screen,
 *  in ms: two frames at 60 Hz (see the comment at the top). Reported as met or NOT MET. */
const P95_TARGET_MS = 2 * FRAME_MS;
/** What the test enforces for the p95: RAIL's visible response within 100 ms; and every
 *  answer must show its update in the first frame after the input (checked below, answer
 *  by answer). INTERACTION_P95_BUDGET_MS overrides it, e.g. =33.3 to enforce the stricter
 *  reading, or =10 to see the test fail. */
const P95_BUDGET_MS = Number(process.env.INTERACTION_P95_BUDGET_MS ?? 100);
/** Event Timing reports no entry below this duration (the smallest threshold allowed). */
const EVENT_TIMING_THRESHOLD_MS = 16;

interface Sample {
  n: number;
  question: string;
  input: 'click' | 'ArrowDown';
  /** Input to the frame on screen (Event Timing), or the threshold when not reported. */
  latency: number;
  /** Whether Event Timing reported the input (it does from 16 ms). */
  reported: boolean;
  /** Input to the end of the app's processing. */
  reaction: number;
  /** Input to the end of the main thread's work on the next frame. */
  frameReady: number;
  progressChanged: boolean;
}

/** Installs the in-page probe once: input stamps, the change listener, Event Timing. */
async function installProbe(page: Page) {
  await page.evaluate(() => {
    const w = window as any;
    if (w.__probe) return;
    const progress = () =>
      ['progress-part', 'progress-total'].map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
    const probe: any = { lastInput: null, pending: null, results: [], eventEntries: [] };
    w.__probe = probe;
    // An arrow key in a radio group also fires a click, within the keydown's task; the
    // input is then the keydown.
    let inKeydownTask = false;
    window.addEventListener('keydown', (e) => {
      if (!e.isTrusted) return;
      probe.lastInput = { type: 'keydown', t: e.timeStamp };
      inKeydownTask = true;
      setTimeout(() => { inKeydownTask = false; });
    }, { capture: true });
    window.addEventListener('click', (e) => {
      if (e.isTrusted && !inKeydownTask) probe.lastInput = { type: 'click', t: e.timeStamp };
    }, { capture: true });
    window.addEventListener('change', () => {
      const p = probe.pending;
      if (!p || p.changeAt != null) return;
      p.changeAt = performance.now();
      p.input = probe.lastInput;
      p.progressAtChange = progress();
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          p.frameReady = performance.now();
          probe.results.push(p);
          probe.pending = null;
        };
        ch.port2.postMessage(0);
      });
    });
    probe.arm = () => {
      probe.lastInput = null;
      probe.pending = { before: progress(), changeAt: null };
    };
    // The progress once everything the answer started has run (two frames later).
    probe.settle = () => new Promise<void>((done) => {
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
        probe.results[probe.results.length - 1].settled = progress();
        done();
      })));
    });
    const keep = (list: PerformanceEntryList) => {
      for (const e of list as any[]) probe.eventEntries.push({ name: e.name, startTime: e.startTime, duration: e.duration });
    };
    const observer = new PerformanceObserver((list) => keep(list.getEntries()));
    observer.observe({ type: 'event', durationThreshold: 16, buffered: true } as any);
    probe.flush = () => keep(observer.takeRecords());
  });
}

/** Gives one answer with `act` and waits until the probe has timed it and things settled. */
async function timed(page: Page, act: () => Promise<void>) {
  const count = await page.evaluate(() => {
    (window as any).__probe.arm();
    return (window as any).__probe.results.length;
  });
  await act();
  await page.waitForFunction((n) => (window as any).__probe.results.length > n, count);
  await page.evaluate(() => (window as any).__probe.settle());
}

test.describe('interaction speed', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: false });

  test(`${ANSWERS} answers with ${CPU_SLOWDOWN}× CPU slowdown: each update in the next frame, p95 input to frame within ${P95_BUDGET_MS.toFixed(1)} ms`, async ({ page }, testInfo) => {
    test.setTimeout(300_000);
    const q = new Questionnaire(page, testInfo);
    const answers = persona('p1');
    // Other work on the machine slows the browser too; the load is printed with the figures.
    const loadBefore = os.loadavg()[0];
    await page.goto('/part/1');
    await q.heading(q.partHeading(0));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await installProbe(page);

    const given: { question: string; input: Sample['input'] }[] = [];
    const answer = async (question: BankQuestion, input: Sample['input'], act: () => Promise<void>) => {
      await timed(page, act);
      given.push({ question: question.id, input });
    };
    const click = async (question: BankQuestion, box: Locator) => {
      // Raw mouse, not box.click(): see the comment at the top.
      await box.scrollIntoViewIfNeeded();
      const at = (await box.boundingBox())!;
      await answer(question, 'click', () => page.mouse.click(at.x + at.width / 2, at.y + at.height / 2));
    };
    const label = (question: BankQuestion, id: string) => question.options!.find((o) => o.id === id)!.label;

    for (let i = 0; i < q.bank.parts.length && given.length < ANSWERS; i++) {
      if (i > 0) {
        await page.getByRole('link', { name: q.ui.part.next }).click();
        await q.heading(q.partHeading(i));
      }
      const questions = q.bank.parts[i].questions;
      // P1's answers, with the mouse.
      for (const question of questions) {
        const a = answers[question.id];
        if (!a || given.length >= ANSWERS) continue;
        const group = q.question(question);
        switch (a.type) {
          case 'choice':
            await click(question, group.getByRole('radio', { name: label(question, a.value), exact: true }));
            break;
          case 'scale':
            await click(question, group.getByRole('radio', { name: q.bank.words.scale_labels[a.value - 1], exact: true }));
            break;
          case 'choices':
            for (const id of a.value) {
              if (given.length >= ANSWERS) break;
              await click(question, group.getByRole('checkbox', { name: label(question, id), exact: true }));
            }
            break;
          case 'unknown':
            await click(question, group.getByRole(question.kind === 'single' ? 'radio' : 'checkbox', { name: q.bank.words.unknown, exact: true }));
            break;
          default:
            break; // numbers and text are typed; not part of this count
        }
      }
      // Second thoughts, with the keyboard: the next option of each radio question.
      for (const question of questions) {
        if (given.length >= ANSWERS) break;
        if (question.kind !== 'single' && question.kind !== 'scale') continue;
        const group = q.question(question);
        if ((await group.count()) === 0) continue; // hidden by an earlier answer
        const checked = group.locator('input[type="radio"]:checked');
        if ((await checked.count()) === 0) continue;
        await checked.focus();
        await answer(question, 'ArrowDown', () => page.keyboard.press('ArrowDown'));
      }
    }
    expect(given.length, 'answers given').toBe(ANSWERS);

    const probe = await page.evaluate(() => {
      const p = (window as any).__probe;
      p.flush();
      return { results: p.results, eventEntries: p.eventEntries };
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(probe.results).toHaveLength(ANSWERS);

    const samples: Sample[] = probe.results.map((r: any, k: number) => {
      expect(r.input, `answer ${k + 1} (${given[k].question}): no trusted input event before the change`).not.toBeNull();
      const et = probe.eventEntries
        .filter((e: any) => e.name === r.input.type && Math.abs(e.startTime - r.input.t) < 1)
        .map((e: any) => e.duration);
      return {
        n: k + 1,
        ...given[k],
        latency: et.length ? Math.max(...et) : EVENT_TIMING_THRESHOLD_MS,
        reported: et.length > 0,
        reaction: r.changeAt - r.input.t,
        frameReady: r.frameReady - r.input.t,
        progressChanged: r.settled !== r.before,
      };
    });
    // Answers that change a progress text (compared once things settled) must have changed
    // it while the input was handled, hence in the frame Event Timing measures to.
    const progressAnswers = samples.filter((s) => s.progressChanged);
    expect(progressAnswers.length, 'answers that changed a progress text').toBeGreaterThan(40);
    const inFirstFrame = progressAnswers.filter((s) => probe.results[s.n - 1].progressAtChange === probe.results[s.n - 1].settled).length;

    const pct = (xs: number[], p: number) => {
      const s = [...xs].sort((a, b) => a - b);
      return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
    };
    const r1 = (x: number) => Math.round(x * 10) / 10;
    const stats = (xs: number[]) => ({ p50: r1(pct(xs, 50)), p95: r1(pct(xs, 95)), max: r1(Math.max(...xs)) });
    const of = (key: 'latency' | 'reaction' | 'frameReady', input?: Sample['input']) =>
      stats(samples.filter((s) => !input || s.input === input).map((s) => s[key]));
    const latency = of('latency');
    const reaction = of('reaction');
    const frameReady = of('frameReady');
    const unreported = samples.filter((s) => !s.reported).length;
    const byInput = Object.fromEntries((['click', 'ArrowDown'] as const).map((input) => [
      input, { count: samples.filter((s) => s.input === input).length, ...of('latency', input) },
    ]));
    const slowest = [...samples].sort((a, b) => b.latency - a.latency || b.frameReady - a.frameReady).slice(0, 5)
      .map((s) => `#${s.n} ${s.question} (${s.input}) ${s.latency} ms`);
    const fmtStats = (s: { p50: number; p95: number; max: number }) => `p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms`;

    const load = `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
    const summary = {
      date: new Date().toISOString(),
      loadAverage: load,
      answers: ANSWERS,
      cpuSlowdown: CPU_SLOWDOWN,
      budget: { p95LatencyMs: r1(P95_BUDGET_MS), targetP95LatencyMs: r1(P95_TARGET_MS), frameMs: r1(FRAME_MS) },
      firstFrame: { checked: progressAnswers.length, updated: inFirstFrame },
      latencyMs: latency,
      eventTimingUnreported: unreported,
      reactionMs: reaction,
      frameReadyMs: frameReady,
      byInput,
      slowest,
      samples: samples.map((s) => ({ ...s, reaction: r1(s.reaction), frameReady: r1(s.frameReady) })),
    };
    const out = path.join(testInfo.project.outputDir, 'interaction-speed.json');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify(summary, null, 2));
    await testInfo.attach('interaction-speed.json', { path: out, contentType: 'application/json' });
    console.log([
      `[interaction] ${ANSWERS} answers, ${CPU_SLOWDOWN}× CPU slowdown, input to frame on screen (Event Timing): ` +
        `${fmtStats(latency)} (enforced p95 ≤ ${summary.budget.p95LatencyMs} ms; two frames, p95 ≤ ${summary.budget.targetP95LatencyMs} ms, ` +
        `${latency.p95 <= P95_TARGET_MS ? 'met' : 'NOT MET'})` +
        (unreported ? `; ${unreported} under ${EVENT_TIMING_THRESHOLD_MS} ms counted as ${EVENT_TIMING_THRESHOLD_MS}` : ''),
      `[interaction] progress updated in the first frame after the input: ${inFirstFrame} of the ${progressAnswers.length} answers that change it (enforced: all)`,
      `[interaction] app reaction (input to DOM updated): ${fmtStats(reaction)}`,
      `[interaction] input to main thread's frame done: ${fmtStats(frameReady)}`,
      `[interaction] by input: ${Object.entries(byInput).map(([k, v]) => `${k} ×${v.count} p95 ${v.p95} ms`).join(', ')}`,
      `[interaction] slowest: ${slowest.join('; ')}`,
      `[interaction] machine load (1-minute average): ${load}`,
      `[interaction] details: ${out}`,
    ].join('\n'));

    for (const s of progressAnswers) {
      const r = probe.results[s.n - 1];
      expect(r.progressAtChange, `answer ${s.n} (${s.question}): progress updated while the input was handled`).toBe(r.settled);
    }
    expect(latency.p95, `p95 input to frame on screen (ms) with ${CPU_SLOWDOWN}× CPU slowdown`).toBeLessThanOrEqual(P95_BUDGET_MS);
  });
});

/** One state of the results' wrapper as the page builds it. */
interface ResultsState { busy: string | null; sections: number; plan: boolean }

/** Opens `/results` with persona P1's answers stored and returns every state its wrapper
 *  went through until it was no longer busy. With `printAtFirstShow`, the page "prints"
 *  (fires `beforeprint`, as the browser does before printing from the Print button or its
 *  own menu) the moment the results first show, still busy. */
async function resultsStates(page: Page, printAtFirstShow: boolean): Promise<ResultsState[]> {
  const state = { format: 'cp-self-assessment/state', version: 1, answers: persona('p1'), language: 'en' };
  await page.addInitScript(([s, print]) => {
    localStorage.setItem('cp-self-assessment', s);
    const seen: ResultsState[] = [];
    (window as any).__resultsStates = seen;
    let printed = false;
    new MutationObserver(() => {
      const results = document.querySelector('[data-testid="results"]');
      if (!results) return;
      const now = {
        busy: results.getAttribute('aria-busy'),
        sections: results.querySelectorAll(':scope > section, :scope > div, :scope > p').length,
        plan: !!results.querySelector('[data-testid="action-plan"]'),
      };
      const last = seen[seen.length - 1];
      if (!last || last.busy !== now.busy || last.sections !== now.sections) seen.push(now);
      if (print && !printed && now.busy === 'true') {
        printed = true;
        window.dispatchEvent(new Event('beforeprint'));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] });
  }, [JSON.stringify(state), printAtFirstShow] as const);
  await page.goto('/results');
  await expect(page.getByTestId('results')).toHaveAttribute('aria-busy', 'false');
  return page.evaluate(() => (window as any).__resultsStates);
}

// The results page renders its sections one by one, each in a task of its own, so that a
// phone's main thread is never blocked for the whole results at once (Lighthouse's Total
// Blocking Time; docs/performance.md). What a reader sees: the top of the results first,
// the wrapper marked busy until the last section is there, then every section.
test('the results appear section by section, marked busy until the last', async ({ page }) => {
  const states = await resultsStates(page, false);
  const first = states[0];
  const last = states[states.length - 1];
  expect(first.busy, 'busy at first').toBe('true');
  expect(last.busy, 'done at last').toBe('false');
  expect(first.sections, 'sections shown with the page').toBeLessThan(last.sections);
  expect(states.filter((s) => s.busy === 'true').length, 'steps while busy').toBeGreaterThan(3);
  // Every section is there in the end: in short, the measures, the action plan, the stage,
  // readiness, motivation, help and the export panel.
  for (const id of ['in-short', 'action-plan', 'engagement-stage', 'chart-readiness-table', 'chart-motivation-table']) {
    await expect(page.getByTestId(id)).toHaveCount(1);
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // Nothing on screen is pushed about as the sections arrive: the wrapper reaches past the
  // screen's bottom while busy, so the back link and the footer are not shown mid-screen
  // first (cumulative layout shift 0.109 on this 1280×900 screen before).
  const shift = await page.evaluate(() => new Promise<number>((done) => {
    let sum = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) sum += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => done(sum), 100);
  }));
  expect(shift, 'cumulative layout shift while the results appear').toBeLessThan(0.01);
});

test('printing while the results are still appearing prints every section', async ({ page }) => {
  const states = await resultsStates(page, true);
  // Busy once, with the first sections only; then, after the print event, everything.
  expect(states[0].busy).toBe('true');
  expect(states[0].plan).toBe(false);
  expect(states.slice(1).every((s) => s.busy === 'false' && s.plan), JSON.stringify(states)).toBe(true);
});
