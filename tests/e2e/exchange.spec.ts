// Carrying answers between devices without a server: JSON export → start over → import
// gives the same results; CSV opens in Excel (BOM, no formulas); a share link opened in a
// fresh browser offers the same answers; bad files are refused with a specific message and
// change nothing; drag-and-drop works like the file picker.
import * as fs from 'node:fs';
import { test, expect, persona, ui, Questionnaire, openWelcomeTools } from './fixtures';
import type { Page } from '@playwright/test';

const en = ui.en;
const KEY = 'cp-self-assessment';

async function seed(page: Page, name: string) {
  const state = { format: 'cp-self-assessment/state', version: 1, answers: persona(name), language: 'en' };
  await page.addInitScript(([k, s]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, s);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, JSON.stringify(state)]);
}

async function resultsSummary(page: Page) {
  await page.goto('/results');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.results.title);
  const ranks: string[] = [];
  for (let r = 1; r <= 8; r++) ranks.push((await page.getByTestId(`measure-rank-${r}`).getAttribute('data-category')) ?? '');
  return { ranks, stage: await page.getByTestId('engagement-stage').textContent(), fit: await page.getByTestId('chart-measures-table').textContent() };
}

test('P3: export JSON, start over, import it, and see the same results', async ({ page }, testInfo) => {
  await seed(page, 'p3');
  const before = await resultsSummary(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: en.exchange.download_json }).click(),
  ]);
  const file = testInfo.outputPath('p3-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.format).toBe('cp-self-assessment/response');
  expect(exported.version).toBe(2);
  expect(exported.response_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(Date.parse(exported.created)).not.toBeNaN();
  expect(exported.answers).toEqual(persona('p3'));

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: en.exchange.download_csv }).click(),
  ]);
  const csvPath = testInfo.outputPath('p3-results.csv');
  await csv.saveAs(csvPath);
  const bytes = fs.readFileSync(csvPath);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const cells = bytes.toString('utf8').slice(1).split(/\r?\n/).filter(Boolean).flatMap((l) => l.split(','));
  expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);

  await page.getByRole('button', { name: en.start_over }).click();
  await page.getByRole('button', { name: en.start_over_yes }).click();
  await expect(page.getByRole('link', { name: en.welcome.start })).toBeVisible();

  await page.setViewportSize({ width: 390, height: 700 });
  await page.getByLabel(en.import.choose).setInputFiles(file);
  await expect(page.getByTestId('import-prompt')).toContainText('p3-export.json');
  // The question appears where the user is looking, however far down the picker was.
  await expect(page.getByTestId('import-prompt')).toBeInViewport();
  // Nothing to keep after Start over: the other choice is "Not now".
  await expect(page.getByTestId('import-prompt').getByRole('button', { name: en.import.dismiss })).toBeVisible();
  await expect(page.getByTestId('import-prompt').getByRole('button', { name: en.import.ignore })).toHaveCount(0);
  await page.getByRole('button', { name: en.import.load }).click();
  await expect(page.getByTestId('import-prompt')).toHaveCount(0);
  await expect(page.getByTestId('import-loaded')).toBeInViewport();
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await resultsSummary(page)).toEqual(before);
  const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}'), KEY);
  expect(stored.response_id).toBe(exported.response_id);
  await new Questionnaire(page, testInfo).screenshot('after-import');
});

test('a share link opened in a fresh browser offers the same answers, and never applies them silently', async ({ page, browser }) => {
  await seed(page, 'p1');
  const before = await resultsSummary(page);
  await page.getByRole('button', { name: en.exchange.share_button }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#r2\./);
  expect(link.length).toBeLessThan(2000);

  const fresh = await browser.newContext({ locale: 'en' });
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await expect(other.getByTestId('import-prompt')).toBeVisible();
  expect(await other.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers ?? {}, KEY)).toEqual({});
  expect(new URL(other.url()).hash).toBe('');
  await other.getByRole('button', { name: en.import.load }).click();
  expect(await resultsSummary(other)).toEqual(before);
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a damaged share link is refused with a message and changes nothing', async ({ page }) => {
  await seed(page, 'p4');
  await page.goto('/#r1.not-really-a-link');
  await expect(page.getByTestId('import-error')).toContainText(en.import.errors.bad_link);
  expect(await page.evaluate((k) => Object.keys(JSON.parse(localStorage.getItem(k) ?? '{}').answers).length, KEY)).toBe(Object.keys(persona('p4')).length);
});

test('bad files are refused with a specific message; current answers stay untouched', async ({ page }) => {
  await seed(page, 'p4');
  await page.goto('/');
  const cases: [string, string | Buffer, string][] = [
    ['notes.json', 'this is not json', en.import.errors.not_json],
    ['other.json', JSON.stringify({ format: 'something-else', version: 1 }), en.import.errors.not_a_response.slice(0, 40)],
    ['newer.json', JSON.stringify({ format: 'cp-self-assessment/response', version: 9 }), 'format version 9'],
    ['big.json', Buffer.alloc(600 * 1024, 32), 'too large'],
    ['hostile.json', JSON.stringify({
      format: 'cp-self-assessment/response', version: 1, bank_id: 'cp-self-assessment', bank_version: 1,
      response_id: '0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e', created: '2026-11-29T09:00:00Z', updated: '2026-11-29T09:00:00Z',
      language: 'en', answers: { '<img src=x onerror=alert(1)>': { type: 'text', value: 'x' } },
    }), 'does not have: <img src=x onerror=alert(1)>'],
  ];
  for (const [name, content, message] of cases) {
    await page.getByLabel(en.import.choose).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await expect(page.getByTestId('import-error')).toContainText(message);
    await expect(page.getByTestId('import-error')).toBeInViewport();
    await expect(page.getByTestId('import-prompt')).toHaveCount(0);
  }
  // The hostile id is shown as text, never as markup.
  await expect(page.locator('[data-testid="import-error"] img')).toHaveCount(0);
  const answers = await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers, KEY);
  expect(answers).toEqual(persona('p4'));
});

test('drag-and-drop of an export offers its answers like the file picker', async ({ page }) => {
  await openWelcomeTools(page);
  const exported = {
    format: 'cp-self-assessment/response', version: 1, bank_id: 'cp-self-assessment', bank_version: 1,
    response_id: '0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e', created: '2026-11-29T09:00:00Z', updated: '2026-11-29T09:00:00Z',
    language: 'en', answers: persona('p5'),
  };
  const dataTransfer = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'p5.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(exported));
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
  // Counted as the welcome page counts them: questions answered, not the optional text.
  const counted = Object.keys(persona('p5')).filter((id) => id !== 'main_products').length;
  await expect(page.getByTestId('import-prompt')).toContainText(`Load the ${counted} answers`);
  await page.getByRole('button', { name: en.import.load }).click();
  const top = (await page.goto('/results'), await page.getByTestId('measure-rank-1').getAttribute('data-category'));
  expect(top).toBe('substitution');
});
