// Faults broken on purpose: storage disabled, full or holding someone else's data, data
// from a newer version, two tabs, a panic, and the network. Each time the page renders, a
// notice says what happened, answering still works, and nothing stored is lost.
import { test, expect, persona, ui, watchErrors } from './fixtures';
import type { Page } from '@playwright/test';

const en = ui.en;
const KEY = 'cp-self-assessment';
const SECTOR = 'Which sector is your plant in?';

async function answerSector(page: Page, label: string) {
  await page.getByRole('group', { name: SECTOR }).getByRole('radio', { name: label }).check();
  await expect(page.getByRole('group', { name: SECTOR }).getByRole('radio', { name: label })).toBeChecked();
}

async function seedOnce(page: Page, value: string) {
  await page.addInitScript(([k, v]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, value]);
}

test('local storage disabled (SecurityError): notice, and answering works from memory', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await page.goto('/part/1');
  await expect(page.getByTestId('storage-notice')).toHaveText(en.storage.unavailable);
  await answerSector(page, 'Textile dyeing and finishing');
  await page.getByRole('link', { name: en.part.next }).click();
  await page.getByRole('link', { name: en.part.previous }).click();
  await expect(page.getByRole('group', { name: SECTOR }).getByRole('radio', { name: 'Textile dyeing and finishing' })).toBeChecked();
});

test('quota exceeded on write: notice, answers kept in memory, earlier data untouched', async ({ page }) => {
  const earlier = JSON.stringify({ format: 'cp-self-assessment/state', version: 1, answers: persona('p2'), language: 'en' });
  await seedOnce(page, earlier);
  await page.addInitScript((k) => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === k) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  }, KEY);
  await page.goto('/part/1');
  await answerSector(page, 'Machinery');
  await expect(page.getByTestId('storage-notice')).toHaveText(en.storage.write_failed);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(earlier);
});

test('a full 5 MB store: notice, and what was stored before is still there', async ({ page }) => {
  await page.goto('/');
  const filled = await page.evaluate(() => {
    localStorage.clear();
    // Fill with ever smaller items until not even one character fits.
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 2)) {
      const value = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`other-app-${n}`, value); n++; } catch { break; }
      }
    }
    return n;
  });
  expect(filled).toBeGreaterThan(2);
  await page.goto('/part/1');
  await answerSector(page, 'Electronics');
  await expect(page.getByTestId('storage-notice')).toHaveText(en.storage.write_failed);
  expect(await page.evaluate(() => localStorage.getItem('other-app-0')?.length)).toBe(256 * 1024);
  expect(await page.evaluate(() => localStorage.length)).toBe(filled);
});

test('another app\'s value under our key: kept aside (downloadable), never overwritten in place', async ({ page }) => {
  const foreign = JSON.stringify({ theme: 'dark', owner: 'another app' });
  await seedOnce(page, foreign);
  await page.goto('/part/1');
  await expect(page.getByTestId('storage-notice')).toHaveText(en.storage.unreadable);
  expect(await page.evaluate(() => localStorage.getItem('cp-self-assessment.unreadable-backup'))).toBe(foreign);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: en.storage.download_backup }).click(),
  ]);
  expect(download.suggestedFilename()).toContain('unreadable');
  await answerSector(page, 'Leather tanning');
});

test('data from a newer version is reported and never overwritten', async ({ page }) => {
  const newer = JSON.stringify({ format: 'cp-self-assessment/state', version: 7, answers: { future: 'data' } });
  await seedOnce(page, newer);
  await page.goto('/part/1');
  await expect(page.getByTestId('storage-notice')).toHaveText(en.storage.newer_version);
  await answerSector(page, 'Pulp and paper');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(newer);
});

for (const order of ['stale tab answers last', 'fresh tab answers last']) {
  test(`two tabs: no answer is wiped (${order})`, async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    watchErrors(a, []);
    await a.goto('/part/1');
    await b.goto('/part/1');
    // Both tabs have started (goto returns at the load event, before the wasm app has
    // read storage): otherwise the later tab may simply read the other's answer at
    // start-up, with nothing to take over.
    for (const tab of [a, b]) await expect(tab.getByRole('heading', { level: 1 })).toHaveText(/^Part 1 of 6/);
    const [first, second] = order === 'stale tab answers last' ? [b, a] : [a, b];
    await answerSector(first, 'Textile dyeing and finishing');
    // The other tab shows the change and says so.
    await expect(second.getByRole('group', { name: SECTOR }).getByRole('radio', { name: 'Textile dyeing and finishing' })).toBeChecked();
    await expect(second.getByTestId('synced-notice')).toBeVisible();
    await second.getByRole('group', { name: 'Who owns the enterprise?' }).getByRole('radio', { name: 'Private' }).check();
    await expect.poll(async () => first.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers, KEY)).toEqual({
      sector: { type: 'choice', value: 'textile' },
      ownership: { type: 'choice', value: 'private' },
    });
    await expect(first.getByRole('group', { name: 'Who owns the enterprise?' }).getByRole('radio', { name: 'Private' })).toBeChecked();
  });
}

test('a panic shows a recovery screen that offers the saved answers, never a blank page', async ({ context }) => {
  // A page of its own: the panic is the one error this test expects.
  const page = await context.newPage();
  const saved = JSON.stringify({ format: 'cp-self-assessment/state', version: 1, answers: persona('p1'), language: 'en' });
  await seedOnce(page, saved);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/#panic-test');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recovery-download').click()]);
  expect(download.suggestedFilename()).toBe('cp-self-assessment-answers.json');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(saved);
  // The panic itself is the expected error here.
  expect(errors.join(' ')).toMatch(/unreachable|panic/i);
});

test('a full journey makes no request to any origin but the app\'s own', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  const origin = new URL(baseURL ?? '').origin;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) foreign.push(r.url());
  });
  await seedOnce(page, JSON.stringify({ format: 'cp-self-assessment/state', version: 1, answers: persona('p5'), language: 'en' }));
  for (const path of ['/', '/part/1', '/part/2', '/part/3', '/part/4', '/part/5', '/part/6', '/review', '/results']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: en.exchange.share_button }).click();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(foreign).toEqual([]);
  // The policy is in place.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'none'/);
});

test('Enter in a text field (also while an IME is composing) never leaves the page', async ({ page }) => {
  await page.goto('/part/1');
  const box = page.getByRole('group', { name: 'What are your main products? (optional)' }).getByRole('textbox');
  await box.click();
  await box.pressSequentially('针织布');
  await page.keyboard.press('Enter');
  const staff = page.getByRole('group', { name: 'How many people work at the plant?' }).getByRole('textbox');
  await staff.click();
  await staff.dispatchEvent('compositionstart');
  await staff.pressSequentially('12');
  await page.keyboard.press('Enter');
  await staff.dispatchEvent('compositionend');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Part 1 of 6/);
  expect(await page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{}').answers.main_products, KEY))
    .toEqual({ type: 'text', value: '针织布\n' });
});
