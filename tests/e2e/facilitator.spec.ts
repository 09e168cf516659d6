// Workshop mode, facilitator side: many participants' exports go into one room; duplicates
// and broken files are reported, not counted; the room's results show as charts with data
// tables, download as CSV, and pass axe. Also times aggregating 500 responses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, persona, ui, stagesOf, visibleLatinWords, LATIN_ALLOWED, Lang, uuid, exportFile, jsonFile } from './fixtures';
import type { Locator, Page } from '@playwright/test';

const en = ui.en;
const fac = en.facilitator;
const stages = stagesOf('en');

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
  // Plants that must audit under China's rules, counted here independently: in mainland
  // China, and on a list or meeting a trigger (emissions over a limit, energy over the
  // quota, toxic inputs in any amount, hazardous waste).
  const mustAudit = (a: Record<string, any>) => a.plant_location?.value === 'mainland_china' && (
    a.audit_required?.value === 'required'
    || (a.over_limits?.value ?? []).some((v: string) => v === 'over_standard' || v === 'over_quota')
    || a.energy_quota?.value === 'over'
    || ['yes', 'some'].includes(a.hazardous_inputs?.value)
    || (a.streams?.value ?? []).includes('hazardous_waste'));
  const mandatory = ['p1', 'p3', 'p4'].filter((p) => mustAudit(persona(p))).length;
  await expect(page.getByTestId('mandatory-audit')).toHaveText(
    fac.mandatory_audit.replace('{{ count }}', String(mandatory)).replace('{{ total }}', '3'));
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
  // The box plots' data tables are checked open.
  for (const id of ['fac-readiness-spread', 'fac-importance-spread']) await page.locator(`#${id} summary`).click();
  await expect(page.getByTestId('fac-importance-spread-table')).toBeVisible();
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
  // A code such as 7Q8K reads as the word Q8K: cut it into words as visibleLatinWords does.
  const codeWords = code.match(/[A-Za-z][A-Za-z0-9-]*/g) ?? [];
  const fileNameWords = ['p1', 'p3', 'p4', 'p1-older', 'broken', 'json', 'Workshop', code, ...codeWords];
  expect(await visibleLatinWords(page, [...LATIN_ALLOWED, ...fileNameWords])).toEqual([]);
});

/** The drivers' names in the content of `lang`, by driver id. */
function driverNamesOf(lang: Lang): Record<string, string> {
  const file = path.join(__dirname, '..', '..', 'content', lang, 'assessment.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).names.drivers;
}

// The room of loadRoom, P1, P3 and P4, counted by hand (docs/scoring.md §2): step scores
// P1 40 50 34 25 25 25 0, P3 40 100 100 75 75 75 25, P4 20 0 5 0 25 25 0.
const STEP_ROWS: [string, string, string, string, string, string][] = [
  // n, lowest, lower quartile, median, upper quartile, highest
  ['3', '20', '30', '40', '40', '40'],
  ['3', '0', '25', '50', '75', '100'],
  ['3', '5', '19.5', '34', '67', '100'],
  ['3', '0', '12.5', '25', '50', '75'],
  ['3', '25', '25', '25', '50', '75'],
  ['3', '25', '25', '25', '50', '75'],
  ['3', '0', '0', '0', '12.5', '25'],
];
// Ratings (P1, P3, P4), production cost first: the medians.
const DRIVER_MEDIANS: Record<string, string> = {
  production_cost: '5', // 5 5 4
  product_quality: '4', // 4 4 3
  international_markets: '2', // 5 1 2
  energy_water_conservation: '3', // 4 3 2
  abatement_cost: '3', // 3 3 2
  discharge_standards: '3', // 5 3 3
  total_emission_control: '4', // 4 4 2
  occupational_health_safety: '2', // 2 3 2
  residents_complaints: '2', // 2 2 5
  personal_concern: '2', // 2 3 2
  corporate_image: '3', // 3 4 3
};

test("the room's spread: box plots per audit step and per reason, with their tables", async ({ page }, testInfo) => {
  const rv = en.room_view;
  await loadRoom(page);
  const drivers = driverNamesOf('en');

  const readiness = page.getByRole('figure', { name: rv.readiness_caption });
  await expect(readiness.getByRole('img', { name: rv.readiness_caption })).toBeVisible();
  await showTable(readiness);
  const stepTable = page.getByTestId('fac-readiness-spread-table');
  await expect(stepTable).toBeVisible();
  await expect(stepTable.getByRole('columnheader')).toHaveText([
    fac.col_step, fac.series_participants, rv.col_min, rv.col_q1, rv.col_median, rv.col_q3, rv.col_max,
  ]);
  const stepRows = stepTable.locator('tbody tr');
  await expect(stepRows).toHaveCount(7);
  for (let i = 0; i < 7; i++) {
    await expect(stepRows.nth(i).getByRole('rowheader')).toHaveText(new RegExp(`^${i + 1}\\. `));
    await expect(stepRows.nth(i).getByRole('cell')).toHaveText(STEP_ROWS[i]);
  }
  // The plot draws a median text per step, in the table's order.
  await expect(readiness.locator('svg text.value', { hasText: fmt(rv.median_cell, '34') })).toHaveCount(1);

  const importance = page.getByRole('figure', { name: rv.reasons_caption });
  await expect(importance.getByRole('img', { name: rv.reasons_caption })).toBeVisible();
  await showTable(importance);
  const driverTable = page.getByTestId('fac-importance-spread-table');
  await expect(driverTable.locator('tbody tr')).toHaveCount(11);
  const medianColumn = 4; // after the reason: n, lowest, lower quartile, median
  for (const [driver, median] of Object.entries(DRIVER_MEDIANS)) {
    const row = driverTable.getByRole('row', { name: drivers[driver], exact: false });
    await expect(row.getByRole('cell').nth(0)).toHaveText('3');
    await expect(row.getByRole('cell').nth(medianColumn - 1)).toHaveText(median);
  }
  // International markets, 1 2 5: the quartiles interpolate (1.5 and 3.5).
  await expect(driverTable.getByRole('row', { name: drivers.international_markets }).getByRole('cell')).toHaveText([
    '3', '1', '1.5', '2', '3.5', '5',
  ]);

  await readiness.screenshot({ path: testInfo.outputPath('spread-readiness-desktop-en.png') });
  await importance.screenshot({ path: testInfo.outputPath('spread-importance-desktop-en.png') });
  await page.screenshot({ path: testInfo.outputPath('spread-desktop-en.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than a 390 px phone screen').toBeLessThanOrEqual(0);
  // The plots' text is no smaller than the bar charts' beside them.
  const fontSize = (sel: string) =>
    page.locator(sel).first().evaluate((el) => (el as SVGGraphicsElement).getBoundingClientRect().height);
  expect(await fontSize('#fac-readiness-spread text.label')).toBeGreaterThanOrEqual((await fontSize('#fac-readiness text.label')) - 0.5);
  await readiness.screenshot({ path: testInfo.outputPath('spread-readiness-phone-en.png') });
  await importance.screenshot({ path: testInfo.outputPath('spread-importance-phone-en.png') });
  await page.screenshot({ path: testInfo.outputPath('spread-phone-en.png'), fullPage: true });

  // In Chinese: the same numbers under Chinese headers.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: '中文' }).click();
  const zh = ui['zh-CN'].room_view;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui['zh-CN'].facilitator.title);
  // The results are drawn again once the Chinese content is in: only then open a table.
  await expect(page.getByTestId('reasons-table')).toContainText(driverNamesOf('zh-CN').production_cost);
  const zhReadiness = page.getByRole('figure', { name: zh.readiness_caption });
  await expect(zhReadiness).toBeVisible();
  await showTable(zhReadiness);
  await expect(page.getByTestId('fac-readiness-spread-table').getByRole('columnheader', { name: zh.col_median })).toBeVisible();
  await expect(page.getByTestId('fac-readiness-spread-table').locator('tbody tr').nth(2).getByRole('cell')).toHaveText(STEP_ROWS[2]);
  const zhImportance = page.getByRole('figure', { name: zh.reasons_caption });
  await showTable(zhImportance);
  await zhReadiness.screenshot({ path: testInfo.outputPath('spread-readiness-desktop-zh.png') });
  await page.screenshot({ path: testInfo.outputPath('spread-desktop-zh.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const zhOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(zhOverflow, 'page wider than a 390 px phone screen').toBeLessThanOrEqual(0);
  await zhReadiness.screenshot({ path: testInfo.outputPath('spread-readiness-phone-zh.png') });
  await zhImportance.screenshot({ path: testInfo.outputPath('spread-importance-phone-zh.png') });
  await page.screenshot({ path: testInfo.outputPath('spread-phone-zh.png'), fullPage: true });
});

/** Opens a chart's data table, unless it is open already (it stays open when the
 *  language changes). */
async function showTable(figure: Locator) {
  const details = figure.locator('details.chart-data');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
  await expect(details.locator('table')).toBeVisible();
}

function fmt(pattern: string, value: string) {
  return pattern.replace(/\{\{\s*value\s*\}\}/, value);
}

test('the QR code warns that phones cannot open an address on this computer', async ({ page }, testInfo) => {
  // The tests serve the app on 127.0.0.1, a loopback address.
  await page.goto('/facilitator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(fac.title);
  const note = page.getByTestId('qr-reach');
  await expect(note).toHaveText(en.room_view.qr_loopback);
  await expect(note).toHaveAttribute('data-reach', 'loopback');
  await expect(page.getByRole('note').filter({ hasText: en.room_view.qr_loopback })).toBeVisible();
  // It sits with the QR code, in the section participants join from.
  await expect(page.getByRole('region', { name: fac.join_heading }).getByTestId('qr-reach')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('region', { name: fac.join_heading }).screenshot({ path: testInfo.outputPath('qr-warning-phone-en.png') });
  await page.getByRole('button', { name: '中文' }).click();
  await expect(note).toHaveText(ui['zh-CN'].room_view.qr_loopback);
  await page.getByRole('region', { name: ui['zh-CN'].facilitator.join_heading }).screenshot({ path: testInfo.outputPath('qr-warning-phone-zh.png') });
});
