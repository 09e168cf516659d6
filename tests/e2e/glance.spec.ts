// Results at a glance (issue 21): on a 390×844 phone the summary — stage, top three, the
// cost of waste, the one next step — is on the first screen in both languages; the page
// speaks with one voice (one next step, no stage "next move" beside it); the printed report
// puts the summary on page 1, the register on page 2, and is at most 8 A4 pages without
// its appendix.
import * as fs from 'node:fs';
import { test, expect, persona, ui, Questionnaire, resultsShown, categoryNamesOf, type Answer } from './fixtures';
import type { Page } from '@playwright/test';

const KEY = 'cp-self-assessment';
type Lang = 'en' | 'zh-CN';

/// P1 (a dyeing mill) with last year's water figures and a register holding one overdue option.
async function seed(page: Page, lang: Lang, overdue: boolean) {
  const answers: Record<string, Answer> = {
    ...persona('p1', lang),
    plant_location: { type: 'choice', value: 'elsewhere' },
    currency: { type: 'choice', value: 'cny' },
    turnover: { type: 'number', value: 60000000 },
    water_m3: { type: 'number', value: 300000 },
    water_cost: { type: 'number', value: 1200000 },
  };
  const register = {
    currency: 'cny',
    options: [
      { id: 1, title: lang === 'en' ? 'Fix the steam traps' : '修复疏水阀', category: 'housekeeping', deadline: overdue ? '2020-01-31' : '2099-01-31', bin: { bin: 'do_now' }, status: { status: 'planned' } },
      { id: 2, title: lang === 'en' ? 'Counter-current rinsing' : '逆流漂洗', category: 'equipment', bin: { bin: 'feasibility_study' }, status: { status: 'in_progress' } },
    ],
  };
  const state = { format: 'cp-self-assessment/state', version: 1, answers, language: lang, register };
  await page.addInitScript(([k, s]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, s);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, JSON.stringify(state)]);
}

/// Opens the results of the seeded plant.
async function openResults(page: Page, testInfo: import('@playwright/test').TestInfo, lang: Lang, overdue: boolean) {
  await seed(page, lang, overdue);
  const q = new Questionnaire(page, testInfo, lang);
  await page.goto('/results');
  await q.heading(ui[lang].results.title);
  await resultsShown(page);
  return q;
}

async function onFirstScreen(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  expect(box, testId).not.toBeNull();
  const vh = page.viewportSize()?.height ?? 0;
  expect(box!.y, `${testId} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${testId} ends within the first ${vh}px`).toBeLessThanOrEqual(vh);
}

for (const lang of ['en', 'zh-CN'] as Lang[]) {
  test(`${lang}: the summary fits a phone's first screen and gives one next step`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const q = await openResults(page, testInfo, lang, true);
    for (const id of ['glance-stage', 'glance-top', 'glance-cost', 'next-step']) await onFirstScreen(page, id);
    const names = categoryNamesOf(lang);
    const top = await page.locator('[data-testid^="measure-rank-"]').evaluateAll((els) => els.slice(0, 3).map((e) => e.getAttribute('data-category')));
    for (const c of top) await expect(page.getByTestId('glance-top')).toContainText(names[c as string]);
    await expect(page.getByTestId('glance-cost')).toContainText('¥');
    // Overdue options come before the audit steps: the next step names the first one.
    await expect(page.getByTestId('next-step')).toContainText(lang === 'en' ? 'Fix the steam traps' : '修复疏水阀');
    await expect(page.getByTestId('glance-register')).toContainText(lang === 'en' ? '1 past their deadline' : '逾期 1 项');
    // One voice: the stage section no longer gives a "next move" of its own.
    await expect(page.locator('main')).not.toContainText(lang === 'en' ? 'Your next step:' : '下一步：');
    await q.screenshot(`glance-phone-${lang}`);
    // Contents lead to each section; a section opens with its conclusion, its detail folded.
    await page.getByTestId('contents').getByRole('link', { name: ui[lang].results.readiness_heading }).click();
    await expect(page.getByRole('heading', { name: ui[lang].results.readiness_heading, exact: true })).toBeInViewport();
    await expect(page.getByTestId('current-step')).toBeVisible();
    await expect(page.getByTestId('chart-readiness-table')).toBeHidden();
    await page.locator('section[aria-labelledby="readiness-h"] details.detail > summary').click();
    await expect(page.getByTestId('chart-readiness-table')).toBeAttached();
    await q.screenshot(`glance-phone-readiness-${lang}`);
  });
}

test('without overdue options the next step is the first audit step not in place, and the readiness advice agrees', async ({ page }, testInfo) => {
  await openResults(page, testInfo, 'en', false);
  const step = (await page.getByTestId('current-step').locator('strong').innerText()).match(/(\d+)\. (.+)$/);
  expect(step).not.toBeNull();
  await expect(page.getByTestId('next-step')).toContainText(`Audit step ${step![1]}, ${step![2]}:`);
});

test('the printed report: summary on page 1, the register on page 2, at most 8 A4 pages before the appendix', async ({ page }, testInfo) => {
  const q = await openResults(page, testInfo, 'en', true);
  await page.emulateMedia({ media: 'print' });
  const pages = async (file: string) => {
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    return (fs.readFileSync(file, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  };
  const whole = await pages(testInfo.outputPath('report-whole.pdf'));
  // The same report with the appendix left out: what a director reads.
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.results details.detail, .results ol.measures, .appendix-heading').forEach((e) => e.style.setProperty('display', 'none', 'important')));
  const body = await pages(testInfo.outputPath('report-body.pdf'));
  console.log(`[print] report ${body} A4 pages without the appendix, ${whole} with it`);
  expect(body).toBeLessThanOrEqual(8);
  expect(whole).toBeGreaterThan(body);
  // Page 1 is the summary; the register starts page 2 (break-before) and ends it.
  const page1 = await page.getByTestId('in-short').boundingBox();
  expect(page1!.y + page1!.height).toBeLessThan(1123 - 2 * 57);
  await expect(page.getByTestId('results-register')).toBeVisible();
  await q.screenshot('report-print');
});
