// Results a manager can act on: charts whose text alternatives match `assess`, an action
// plan, and a printable report (A4 PDF) with no navigation or buttons.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, Questionnaire, persona, ui, fmt, categoryNamesOf, resultsShown } from './fixtures';

const expected = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'crates', 'cp-assessment', 'tests', 'fixtures', 'expected', `${name}.json`), 'utf8'));

async function tableRows(page: import('@playwright/test').Page, testId: string): Promise<string[][]> {
  return page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
  );
}

test('P3 brewery: charts match the assessment, and the report prints cleanly', async ({ page }, testInfo) => {
  const answers = persona('p3');
  const q = new Questionnaire(page, testInfo);
  const en = ui.en;
  await page.goto('/part/1');
  for (let i = 0; i < q.bank.parts.length; i++) {
    await q.answerPart(i, answers);
    await page.getByRole('link', { name: i < q.bank.parts.length - 1 ? en.part.next : en.part.to_review }).click();
  }
  await page.getByRole('link', { name: en.review.see_results }).click();
  await q.heading(en.results.title);
  await resultsShown(page);
  const want = expected('p3');

  // Measures chart: rank order, scores and cost class, read from its data table.
  const names = categoryNamesOf('en');
  const measures = await tableRows(page, 'chart-measures-table');
  expect(measures).toEqual(want.measures.map((m: any) => [
    `${m.rank}. ${names[m.category]}`,
    fmt(m.cost_class === 'no_low' ? en.results.fit_cell_no_low : en.results.fit_cell_medium_high, { score: m.score }),
  ]));

  // Readiness chart: one row per step, score or "not known", the current step marked.
  const readiness = await tableRows(page, 'chart-readiness-table');
  expect(readiness.map((r) => r[1])).toEqual(want.readiness.map((s: any) => (s.score === null ? en.results.not_known_short : String(s.score))));
  await expect(page.getByTestId('chart-readiness-table').locator('tr.marked th')).toHaveText(new RegExp(`^${want.current_step}\\. `));

  // Motivation chart: the respondent's rating beside the seed study's count.
  const motivation = await tableRows(page, 'chart-motivation-table');
  expect(motivation.map((r) => [r[1], r[2]])).toEqual(want.drivers.map((d: any) => [
    d.importance === null ? en.results.not_rated : String(d.importance),
    d.cited === null ? en.results.named_not_counted : String(d.cited),
  ]));

  // Action plan: every category with fit >= 50 appears, in the right group.
  const plan = page.getByTestId('action-plan');
  for (const m of want.measures.filter((m: any) => m.score >= 50)) {
    await expect(plan.getByText(names[m.category], { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('profile')).toContainText('Brewing and distilling');
  await q.screenshot('results-screen');

  // Print: no navigation or buttons; every folded measure shown; saved as an A4 PDF.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: en.results.print })).toBeHidden();
  for (const nav of await page.locator('nav, header.site-header, footer').all()) await expect(nav).toBeHidden();
  await expect(page.getByTestId('measure-rank-8').locator('.first-step')).toBeVisible();
  await q.screenshot('results-print');
  const pdf = testInfo.outputPath('p3-report-a4.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.pdf({ path: testInfo.outputPath('p3-report-letter.pdf'), format: 'Letter', printBackground: true });
  expect(fs.statSync(pdf).size).toBeGreaterThan(20_000);

  // The same report in Chinese.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui['zh-CN'].results.title);
  await page.emulateMedia({ media: 'print' });
  await q.screenshot('results-print-zh-CN');
  await page.pdf({ path: testInfo.outputPath('p3-report-a4-zh-CN.pdf'), format: 'A4', printBackground: true });
});
