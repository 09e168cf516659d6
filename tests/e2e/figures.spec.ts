// The optional sixth part, the plant's figures: a steel plant answering in Chinese with
// full-width digits and a comma decimal sees what waste costs it and where its water use
// stands against the sector's levels, on screen and in print; the same plant answering
// every figure "I don't know" sees no broken chart and no NaN anywhere.
import { test, expect, persona, ui, banks, Questionnaire, resultsShown, type Answer } from './fixtures';
import type { Page } from '@playwright/test';

const KEY = 'cp-self-assessment';
const zh = banks['zh-CN'];
const figuresPart = zh.parts.findIndex((p) => p.id === 'figures');
const fq = (id: string) => {
  const q = zh.parts[figuresPart].questions.find((q) => q.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
};

async function seedSteelPlant(page: Page) {
  const answers = { ...persona('p1', 'zh-CN'), sector: { type: 'choice', value: 'metallurgy' }, plant_location: { type: 'choice', value: 'mainland_china' } };
  const state = { format: 'cp-self-assessment/state', version: 1, answers, language: 'zh-CN' };
  await page.addInitScript(([k, s]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, s);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, JSON.stringify(state)]);
}

async function noNaN(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/NaN|Infinity|undefined|\{\{/);
}

test('zh-CN: figures typed with full-width digits and a comma decimal give the cost of waste and the level, on screen and in print', async ({ page }, testInfo) => {
  await seedSteelPlant(page);
  const q = new Questionnaire(page, testInfo, 'zh-CN');
  await page.goto(`/part/${figuresPart + 1}`);
  await q.heading(q.partHeading(figuresPart));
  const typed: [string, Answer][] = [
    ['turnover', { type: 'number', value: '６０，０００，０００' as any }],
    ['output_unit', { type: 'choice', value: 't' }],
    ['output', { type: 'number', value: '１，０００，０００' as any }],
    ['water_m3', { type: 'number', value: '４，５００，０００' as any }],
    ['water_cost', { type: 'number', value: '３００，０００' as any }],
    ['energy_carriers', { type: 'choices', value: ['electricity', 'coal'] }],
    ['electricity_amount', { type: 'number', value: 10000000 }],
    ['electricity_cost', { type: 'number', value: 2000000 }],
    ['coal_amount', { type: 'number', value: 5000 }],
    ['coal_cost', { type: 'number', value: 1000000 }],
    ['materials_cost', { type: 'number', value: '１０，０００，０００' as any }],
    ['material_loss', { type: 'number', value: '４，５' as any }],
    ['treatment_cost', { type: 'number', value: 200000 }],
    ['disposal_cost', { type: 'number', value: 50000 }],
  ];
  for (const [id, a] of typed) {
    await q.answer(fq(id), a);
    if (a.type === 'number') await page.keyboard.press('Tab');
  }
  // Read back as numbers: the comma decimal is 4.5 %.
  await expect(q.question(fq('material_loss')).locator('.field-error')).toBeHidden();
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers, KEY);
  expect(stored.material_loss).toEqual({ type: 'number', value: 4.5 });
  expect(stored.turnover).toEqual({ type: 'number', value: 60000000 });

  await page.goto('/results');
  await resultsShown(page);
  // Materials lost 4.5 % of ¥10,000,000 = ¥450,000; the energy spent on them 4.5 % of
  // ¥3,000,000 = ¥135,000; water ¥300,000; treatment and disposal ¥250,000: ¥1,135,000,
  // 1.89 % of ¥60,000,000.
  const section = page.getByTestId('figures');
  await expect(page.getByTestId('cost-of-waste')).toHaveText('贵厂每年的废物成本约为 ¥1,135,000，并非全部可以避免。相当于营业收入的 1.89%。');
  const table = section.getByTestId('chart-cost-of-waste-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.locator('tbody tr').nth(0)).toContainText('¥450,000');
  await expect(table.locator('tbody tr').nth(1)).toContainText('¥135,000');
  // 4,500,000 m³ for 1,000,000 t of steel: 4.5 m³/t, short of level Ⅲ (4.1).
  await expect(section.getByTestId('intensities')).toContainText('新鲜水取水量：4.5 立方米/吨');
  const levels = section.getByTestId('levels');
  await expect(levels.locator('tbody tr')).toHaveCount(1);
  await expect(levels.locator('tbody tr')).toContainText('未达Ⅲ级');
  await expect(section.getByTestId('level-gap')).toContainText('78%');
  await noNaN(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('cost-of-waste')).toBeVisible();
  await expect(levels).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('figures-zh-print.png'), fullPage: true });
});

test('zh-CN: every figure "I don\'t know" shows no broken chart and no NaN', async ({ page }, testInfo) => {
  await seedSteelPlant(page);
  const q = new Questionnaire(page, testInfo, 'zh-CN');
  await page.goto(`/part/${figuresPart + 1}`);
  await q.answer(fq('energy_carriers'), { type: 'choices', value: ['electricity', 'coal', 'natural_gas', 'steam', 'oil'] });
  await q.answer(fq('output_unit'), { type: 'choice', value: 't' });
  for (const question of zh.parts[figuresPart].questions) {
    if (question.kind === 'number') await q.answer(question, { type: 'unknown' });
  }
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers, KEY);
  expect(stored.coal_cost).toEqual({ type: 'unknown' });
  await page.goto('/results');
  await resultsShown(page);
  await expect(page.getByTestId('figures-none')).toBeVisible();
  await expect(page.locator('#chart-cost-of-waste')).toHaveCount(0);
  await noNaN(page);
  await page.emulateMedia({ media: 'print' });
  await noNaN(page);
});

test('en: without figures the results say how to give them; the register offers the figures\' currency', async ({ page }) => {
  const state = { format: 'cp-self-assessment/state', version: 1, answers: { ...persona('p1'), currency: { type: 'choice', value: 'eur' } }, language: 'en' };
  await page.addInitScript(([k, s]) => localStorage.setItem(k, s), [KEY, JSON.stringify(state)]);
  await page.goto('/results');
  await resultsShown(page);
  await expect(page.getByTestId('figures-none')).toBeVisible();
  await page.goto('/register');
  await expect(page.getByLabel(ui.en.register.currency, { exact: true })).toHaveValue('eur');
});

test('the facilitator sums what waste costs the room\'s plants and shows how it is spread', async ({ page }) => {
  const { exportFile, jsonFile, uuid } = await import('./fixtures');
  const fac = ui.en.facilitator;
  // Three plants in mainland China that gave only their water bill: each cost of waste is
  // that bill (a lower bound, partial), counted here by hand.
  const bills = [1000, 6000, 2000];
  const files = bills.map((bill, i) => jsonFile(`plant${i}.json`, exportFile({
    ...persona('p1'),
    plant_location: { type: 'choice', value: 'mainland_china' },
    water_cost: { type: 'number', value: bill },
  }, uuid(i + 70), '2026-12-07T10:00:00Z')));
  await page.goto('/facilitator');
  await page.getByLabel(fac.choose).setInputFiles(files);
  const section = page.getByTestId('room-costs');
  const sorted = [...bills].sort((a, b) => a - b);
  const yuan = (v: number) => `¥${v.toLocaleString('en-US')}`;
  await expect(section).toContainText(`3 plants gave figures in yuan: together their waste costs ${yuan(bills.reduce((a, b) => a + b, 0))} a year; half cost less than ${yuan(sorted[1])}, and the range runs from ${yuan(sorted[0])} to ${yuan(sorted[2])}.`);
  await expect(section).toContainText('For 3 of them some figures are missing');
  await expect(section.getByTestId('room-costs-table').locator('tbody tr')).toHaveCount(1);
});
