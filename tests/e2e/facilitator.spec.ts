// Workshop mode, facilitator side: many participants' exports go into one room; duplicates
// and broken files are reported, not counted; the room's results show as charts with data
// tables, download as CSV, and pass axe. Also times aggregating 500 responses.
import * as fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, persona, ui, stagesOf, visibleLatinWords, LATIN_ALLOWED, Answer } from './fixtures';
import type { Page } from '@playwright/test';

const en = ui.en;
const fac = en.facilitator;
const stages = stagesOf('en');

/** A version 4 UUID, deterministic per index (so reruns produce the same files). */
function uuid(i: number): string {
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
  return `${hex(i, 8)}-${hex(i * 7, 4)}-4${hex(i * 13, 3)}-${'89ab'[i % 4]}${hex(i * 17, 3)}-${hex(i * 31 + 1, 12)}`;
}

/** An export file as the app writes it. */
function exportFile(answers: Record<string, Answer>, id: string, updated: string) {
  return {
    format: 'cp-self-assessment/response',
    version: 1,
    bank_id: 'cp-self-assessment',
    bank_version: 1,
    response_id: id,
    created: '2026-11-29T08:00:00Z',
    updated,
    language: 'en',
    answers,
  };
}

function jsonFile(name: string, content: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content, null, 2)) };
}

const chooser = (page: Page) => page.getByLabel(fac.choose);

/** Loads p1, p3, p4, a duplicate of p1 and a broken file, in one choice. */
async function loadRoom(page: Page) {
  await page.goto('/facilitator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fac.title);
  const id1 = '0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e';
  await chooser(page).setInputFiles([
    jsonFile('p1.json', exportFile(persona('p1'), id1, '2026-11-29T09:30:00Z')),
    jsonFile('p3.json', exportFile(persona('p3'), '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d', '2026-11-29T09:31:00Z')),
    jsonFile('p4.json', exportFile(persona('p4'), 'c3e1a2b4-7d8f-4e9a-b0c1-d2e3f4a5b6c7', '2026-11-29T09:32:00Z')),
    jsonFile('p1-older.json', exportFile(persona('p1'), id1, '2026-11-29T09:00:00Z')),
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('not json') },
  ]);
  await expect(page.getByTestId('participant-count')).toContainText('3');
}

test('facilitator loads three exports plus a duplicate and a broken file', async ({ page, baseURL }, testInfo) => {
  await loadRoom(page);
  await expect(page.getByTestId('participant-count')).toHaveText(fac.count.replace('{{ count }}', '3'));

  const refused = page.getByTestId('refused-list').getByRole('listitem');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('broken.json');
  await expect(refused).toContainText(en.import.errors.not_json);

  await expect(page.getByTestId('duplicates')).toContainText(': 1 ');
  await expect(page.getByTestId('duplicates')).toContainText('p1-older.json');

  // Stages: p1 has an audit ahead (B), p3 measures then vague (B1-a), p4 a report without
  // an audit (A); every other stage is zero.
  await page.locator('#fac-stages').getByText(fac.charts_table).click();
  const table = page.getByTestId('fac-stages-table');
  await expect(table).toBeVisible();
  const expected: Record<string, string> = {
    audit_ahead: '1',
    measures_then_vague: '1',
    report_without_audit: '1',
    audit_without_measures: '0',
    built_into_decisions: '0',
  };
  for (const [stage, count] of Object.entries(expected)) {
    const s = stages[stage];
    const row = table.getByRole('row', { name: `${s.code} — ${s.title}`, exact: false });
    await expect(row.getByRole('cell')).toHaveText([count]);
  }
  expect(stages.audit_ahead.code).toBe('B');
  expect(stages.measures_then_vague.code).toBe('B1-a');
  expect(stages.report_without_audit.code).toBe('A');

  // The motivations beside the seed study, labelled with its source.
  await expect(page.getByTestId('reasons-table')).toContainText(fac.col_seed);
  await expect(page.getByText(fac.seed_source)).toBeVisible();
  await expect(page.getByTestId('reasons-table').getByRole('row')).toHaveCount(12);

  // The CSV opens in Excel: BOM first, no formula cells.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: fac.download_csv }).click(),
  ]);
  const csvPath = testInfo.outputPath('room.csv');
  await download.saveAs(csvPath);
  const bytes = fs.readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.split('\r\n')[0]).toBe('section,id,name,count,detail');
  expect(text).toContain('participants,,,3,');

  // The QR code of the app's own address with the room's code, for the projector.
  const code = (await page.getByTestId('room-code').textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}$/);
  const appUrl = `${baseURL}/?room=${code}`;
  const qr = page.getByRole('img', { name: fmtUrl(fac.qr_label, appUrl) });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  await expect(page.locator('.qr-text')).toHaveText(appUrl);

  await page.screenshot({ path: testInfo.outputPath('facilitator.png'), fullPage: true });

  // On a phone the page never scrolls sideways: wide tables scroll in their own region.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than a 390 px phone screen').toBeLessThanOrEqual(0);
  await expect(page.getByRole('region', { name: fac.reasons_caption })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('facilitator-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: fac.download_csv })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('facilitator-print.png'), fullPage: true });
});

function fmtUrl(pattern: string, url: string) {
  return pattern.replace(/\{\{\s*url\s*\}\}/, url);
}

test('share links are added, and a damaged one is refused', async ({ page, baseURL }) => {
  // Take a real share link from the results page of a seeded persona.
  const state = { format: 'cp-self-assessment/state', version: 1, answers: persona('p2'), language: 'en' };
  await page.addInitScript((s) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('cp-self-assessment', s);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(state));
  await page.goto('/results');
  await page.getByRole('button', { name: en.exchange.share_button }).click();
  const link = await page.getByTestId('share-link').inputValue();

  await page.goto('/facilitator');
  await page.getByLabel(fac.links_label).fill(`${link}\n\n${link}\n${baseURL}/#r1.broken`);
  await page.getByRole('button', { name: fac.add_links }).click();
  await expect(page.getByTestId('participant-count')).toHaveText(fac.count.replace('{{ count }}', '1'));
  await expect(page.getByTestId('duplicates')).toContainText('link 2');
  await expect(page.getByTestId('refused-list')).toContainText('link 3');
  await expect(page.getByTestId('refused-list')).toContainText(en.import.errors.bad_link);
  await expect(page.getByLabel(fac.links_label)).toHaveValue('');
});

test('aggregating 500 responses', async ({ page }) => {
  const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const staff = [5, 30, 120, 800, 2500, 45, 8, 260];
  const files = [];
  for (let i = 0; i < 500; i++) {
    const answers = persona(names[i % names.length]);
    answers.staff = { type: 'number', value: staff[(i * 7) % staff.length] + (i % 3) };
    files.push(jsonFile(`participant-${i + 1}.json`, exportFile(answers, uuid(i + 1), '2026-11-29T09:30:00Z')));
  }
  expect(new Set(files.map((f) => JSON.parse(f.buffer.toString()).response_id)).size).toBe(500);
  await page.goto('/facilitator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fac.title);
  const start = Date.now();
  await chooser(page).setInputFiles(files);
  await expect(page.getByTestId('participant-count')).toHaveText(fac.count.replace('{{ count }}', '500'), { timeout: 60_000 });
  const elapsed = Date.now() - start;
  console.log(`[timing] 500 responses: read, checked, counted and shown in ${elapsed} ms`);
  await expect(page.getByTestId('participant-count')).toContainText('500');
  await expect(page.getByTestId('refused-list')).toHaveCount(0);
  // 100 of each persona: the stage counts add up to the room.
  const cells = await page.getByTestId('fac-stages-table').locator('tbody td').allTextContents();
  expect(cells.map(Number).reduce((a, b) => a + b, 0)).toBe(500);
});

test('the facilitator page with data passes axe (WCAG 2.2 A/AA)', async ({ page }) => {
  await loadRoom(page);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
  expect(found).toEqual([]);
  // And in Chinese, with the page's own strings.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui['zh-CN'].facilitator.title);
  const zh = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(zh.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Every word of the page is Chinese, except the file names the facilitator loaded and
  // the room's code and name (data, like the file names).
  const code = (await page.getByTestId('room-code').textContent()) ?? '';
  const fileNameWords = ['p1', 'p3', 'p4', 'p1-older', 'broken', 'json', 'Workshop', code];
  expect(await visibleLatinWords(page, [...LATIN_ALLOWED, ...fileNameWords])).toEqual([]);
});
