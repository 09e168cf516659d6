// Workshop mode on shared devices: three participants one after another with "Next
// participant" and no download, each response put into the device's outbox and no trace
// of it left for the next participant, on any page; the facilitator opens the outbox
// with the PIN and finds exactly three; the idle reset warns, offers more time, and puts
// the response into the outbox too; responses kept on a device can be resumed.
import * as fs from 'node:fs';
import { test, expect, Questionnaire, persona, ui, openWelcomeTools, fmt } from './fixtures';
import type { Page } from '@playwright/test';

const en = ui.en;
const KEY = 'cp-self-assessment';

async function stored(page: Page) {
  return page.evaluate(() => {
    const all: Record<string, string | null> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i) ?? '';
      all[k] = localStorage.getItem(k);
    }
    return all;
  });
}

const PIN = '2468';

async function enableWorkshop(page: Page, idleMinutes?: number, pin?: string) {
  await openWelcomeTools(page);
  await page.getByLabel(en.workshop.shared_device).check();
  if (idleMinutes !== undefined) {
    await page.getByLabel(en.workshop.idle_label).fill(String(idleMinutes));
    await page.getByLabel(en.workshop.idle_label).press('Tab');
  }
  if (pin !== undefined) {
    await page.getByLabel(en.workshop.pin_label).fill(pin);
    await page.getByLabel(en.workshop.pin_label).press('Tab');
  }
}

/** How many responses the device's outbox holds. */
async function outboxSize(page: Page): Promise<number> {
  const raw = (await stored(page))[`${KEY}.outbox`];
  return raw ? JSON.parse(raw).responses.length : 0;
}

test('three participants on one device, each into the outbox with no download and no trace for the next', async ({ page }, testInfo) => {
  await enableWorkshop(page, undefined, PIN);
  const seen: string[] = [];
  const people = ['p1', 'p4', 'p5'];
  let previousId = '';
  for (const [n, name] of people.entries()) {
    const q = new Questionnaire(page, testInfo);
    const answers = persona(name);
    await page.goto('/');
    await page.getByRole('link', { name: en.welcome.start }).click();
    for (let i = 0; i < q.bank.parts.length; i++) {
      await q.answerPart(i, answers);
      await page.getByRole('link', { name: i < q.bank.parts.length - 1 ? en.part.next : en.part.to_review }).click();
    }
    await page.getByRole('link', { name: en.review.see_results }).click();
    await expect(page.getByTestId('measure-rank-1')).toBeVisible();
    const state = JSON.parse((await stored(page))[KEY] ?? '{}');
    expect(state.answers).toEqual(answers);
    expect(state.response_id).not.toBe(previousId);
    previousId = state.response_id;

    // Next participant: no download; the response goes into the device's outbox.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: en.workshop.next_participant }).click();
    await expect(page.getByTestId('discard-response')).toBeVisible();
    await page.getByRole('button', { name: en.workshop.next_yes }).click();
    expect(downloads).toBe(0);
    expect(await outboxSize(page)).toBe(n + 1);
    for (const a of Object.values(answers)) if (a.type === 'text' && a.value.length > 3) seen.push(a.value);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.app_title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('link', { name: en.welcome.start })).toBeVisible();
    await expect(page.getByRole('link', { name: en.welcome.resume })).toHaveCount(0);
    // No trace in storage: no answers, no page, no backup; only the device settings and
    // the device's language stay.
    const after = await stored(page);
    // (The facilitator page, visited below, keeps its room — empty: the participants'
    // answers are only in the outbox.)
    const keys = Object.keys(after).filter((k) => !k.startsWith(`${KEY}.room`) && k !== `${KEY}.open-room`);
    for (const k of Object.keys(after).filter((k) => k.startsWith(`${KEY}.rooms`))) {
      expect(JSON.parse(after[k] ?? '[]').every((r: { participants: number }) => r.participants === 0)).toBe(true);
    }
    expect(keys.sort()).toEqual([KEY, `${KEY}.language`, `${KEY}.outbox`]);
    expect(after[`${KEY}.language`]).toBe('en');
    const clean = JSON.parse(after[KEY] ?? '{}');
    expect(clean.answers).toEqual({});
    expect(clean.last_page ?? null).toBeNull();
    expect(clean.kept).toEqual([]);
    expect(clean.device.workshop).toBe(true);
    expect(clean.response_id).not.toBe(previousId);
    // No trace on the page either: the results and review are empty for the next one.
    await page.goto('/review');
    await expect(page.getByText(en.review.not_answered, { exact: true }).first()).toBeVisible();
    for (const a of Object.values(answers)) {
      if (a.type === 'text') await expect(page.getByText(a.value)).toHaveCount(0);
    }
    await page.goto('/part/1');
    await expect(page.locator('input:checked')).toHaveCount(0);
    // Nor on the results, the welcome page, or the facilitator page, whose outbox is
    // behind the PIN; the device settings are locked too.
    for (const path of ['/results', '/', '/facilitator']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      for (const text of seen) await expect(page.getByText(text)).toHaveCount(0);
    }
    // The facilitator page shows its room code and QR code, and asks for the PIN for the rest.
    await expect(page.getByLabel(en.workshop.pin_enter)).toBeVisible();
    await expect(page.getByTestId('outbox-count')).toHaveCount(0);
    await expect(page.getByRole('button', { name: en.outbox.add })).toHaveCount(0);
    await expect(page.getByRole('button', { name: en.outbox.download })).toHaveCount(0);
    await expect(page.getByTestId('participant-count')).toHaveCount(0);
    await page.goto('/');
    await openWelcomeTools(page);
    await expect(page.getByLabel(en.workshop.shared_device)).toHaveCount(0);
    await expect(page.getByLabel(en.workshop.pin_enter)).toBeVisible();
  }

  // The facilitator opens the outbox with the PIN: exactly the three responses.
  await page.goto('/facilitator');
  await page.getByLabel(en.workshop.pin_enter).fill('1111');
  await page.getByRole('button', { name: en.workshop.unlock }).click();
  await expect(page.getByText(en.workshop.pin_wrong)).toBeVisible();
  await page.getByLabel(en.workshop.pin_enter).fill(PIN);
  await page.getByRole('button', { name: en.workshop.unlock }).click();
  await expect(page.getByTestId('outbox-count')).toHaveText(fmt(en.outbox.count, { count: 3 }));
  await page.getByRole('button', { name: en.outbox.add }).click();
  await expect(page.getByTestId('participant-count')).toHaveText(fmt(en.facilitator.count, { count: 3 }));
  // Added twice, still three: a response counts once.
  await page.getByRole('button', { name: en.outbox.add }).click();
  await expect(page.getByTestId('participant-count')).toHaveText(fmt(en.facilitator.count, { count: 3 }));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: en.outbox.download }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync((await download.path()) ?? '', 'utf8'));
  expect(file.format).toBe('cp-self-assessment/outbox');
  expect(file.responses).toHaveLength(3);
  await page.screenshot({ path: testInfo.outputPath('outbox-opened.png'), fullPage: true });
});

test('idle reset: a warning with more time first, then a clean page for the next participant', async ({ page }) => {
  await page.clock.install();
  await enableWorkshop(page, 2);
  await page.goto('/part/1');
  await page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { name: 'Machinery' }).check();
  await page.clock.runFor(2 * 60 * 1000 + 2000);
  const warning = page.getByTestId('idle-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(en.workshop.idle_title);
  await page.getByRole('button', { name: en.workshop.more_time }).click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { name: 'Machinery' })).toBeChecked();
  // No answer to the warning this time: the response goes into the outbox, then is cleared.
  await page.clock.runFor((2 * 60 + 60 + 5) * 1000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.app_title);
  const state = JSON.parse((await stored(page))[KEY] ?? '{}');
  expect(state.answers).toEqual({});
  expect(await outboxSize(page)).toBe(1);
});

/** Answers the sector question with `label`, then keeps that response on the welcome page
 *  ("Keep this response and start another"); returns the sector question. */
async function keepResponse(page: Page, label: string) {
  await page.goto('/part/1');
  const sector = page.getByRole('group', { name: 'Which sector is your plant in?' });
  await sector.getByRole('radio', { name: label }).check();
  await page.goto('/');
  await page.getByRole('button', { name: en.workshop.save_and_new }).click();
  await expect(page.getByTestId('kept-response')).toHaveCount(1);
  return sector;
}

test('responses kept on a device can be resumed, downloaded and deleted', async ({ page }) => {
  const sector = await keepResponse(page, 'Machinery');
  await expect(page.getByTestId('kept-response')).toContainText('Machinery');
  await page.goto('/part/1');
  await sector.getByRole('radio', { name: 'Electronics' }).check();
  await page.goto('/');
  await page.getByTestId('kept-response').getByRole('button', { name: en.workshop.resume }).click();
  // Resuming swaps: Machinery is current again, Electronics is kept.
  await expect(page.getByTestId('kept-response')).toContainText('Electronics');
  await page.goto('/part/1');
  await expect(sector.getByRole('radio', { name: 'Machinery' })).toBeChecked();
  await page.goto('/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('kept-response').getByRole('button', { name: en.workshop.export }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^cp-self-assessment-[0-9a-f]{8}\.json$/);
  await page.getByTestId('kept-response').getByRole('button', { name: en.workshop.delete }).click();
  await page.getByRole('group', { name: en.workshop.delete_question }).getByRole('button', { name: en.workshop.delete }).click();
  await expect(page.getByTestId('kept-response')).toHaveCount(0);
});

test('a shared device lists no kept responses and keeps none for the next participant to find', async ({ page }) => {
  const sector = await keepResponse(page, 'Machinery');

  await enableWorkshop(page);
  await expect(page.getByTestId('kept-response')).toHaveCount(0);
  await page.goto('/part/1');
  await sector.getByRole('radio', { name: 'Electronics' }).check();
  await page.goto('/');
  await expect(page.getByRole('link', { name: en.welcome.resume })).toBeVisible();
  await expect(page.getByRole('button', { name: en.workshop.save_and_new })).toHaveCount(0);
  await expect(page.getByTestId('kept-response')).toHaveCount(0);

  // Kept, not lost: they show again once the device is no longer marked as shared.
  await page.getByLabel(en.workshop.shared_device).uncheck();
  await expect(page.getByTestId('kept-response')).toHaveCount(1);
  await expect(page.getByTestId('kept-response')).toContainText('Machinery');
});

test('the same response kept twice is kept once', async ({ page }) => {
  const file = {
    name: 'p2.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({
      format: 'cp-self-assessment/response', version: 1, bank_id: 'cp-self-assessment', bank_version: 1,
      response_id: '0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e', created: '2026-12-06T08:00:00Z',
      updated: '2026-12-06T09:00:00Z', language: 'en', answers: persona('p2'),
    })),
  };
  await openWelcomeTools(page);
  for (let round = 0; round < 2; round++) {
    await page.getByLabel(en.import.choose).setInputFiles(file);
    await page.getByRole('button', { name: en.import.load }).click();
    await page.getByRole('button', { name: en.workshop.save_and_new }).click();
    await expect(page.getByTestId('kept-response')).toHaveCount(1);
  }
  const state = JSON.parse((await stored(page))[KEY] ?? '{}');
  expect(state.kept.map((k: { response_id: string }) => k.response_id)).toEqual(['0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e']);
});

test('discarding a response is a separate choice in two clicks, and the next participant finds the header as it was', async ({ page }) => {
  await enableWorkshop(page, undefined, PIN);
  await page.goto('/part/1');
  await page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { name: 'Machinery' }).check();
  await page.getByRole('button', { name: en.workshop.next_participant }).click();
  await page.getByRole('button', { name: en.workshop.discard }).click();
  // The first click only says what discarding means.
  await expect(page.getByRole('button', { name: en.workshop.discard_really })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { name: 'Machinery' })).toBeChecked();
  await page.getByRole('button', { name: en.workshop.discard_really }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.app_title);
  await expect(page.getByRole('button', { name: en.workshop.next_participant })).toBeVisible();
  await expect(page.getByRole('button', { name: en.workshop.next_yes })).toHaveCount(0);
  expect(await outboxSize(page)).toBe(0);
  expect(JSON.parse((await stored(page))[KEY] ?? '{}').answers).toEqual({});
});
