// Workshop mode on shared devices: three participants one after another with "Next
// participant", no trace of the previous one left on the page or in storage; the idle
// reset warns and offers more time; responses kept on a device can be resumed.
import { test, expect, Questionnaire, persona, ui, openWelcomeTools } from './fixtures';
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

async function enableWorkshop(page: Page, idleMinutes?: number) {
  await openWelcomeTools(page);
  await page.getByLabel(en.workshop.shared_device).check();
  if (idleMinutes !== undefined) {
    await page.getByLabel(en.workshop.idle_label).fill(String(idleMinutes));
    await page.getByLabel(en.workshop.idle_label).press('Tab');
  }
}

test('three participants on one device, each leaving no trace for the next', async ({ page }, testInfo) => {
  await enableWorkshop(page);
  const people = ['p1', 'p4', 'p5'];
  let previousId = '';
  for (const [n, name] of people.entries()) {
    const q = new Questionnaire(page, testInfo);
    const answers = persona(name);
    await page.goto('/');
    await page.getByRole('link', { name: en.welcome.start }).click();
    for (let i = 0; i < 5; i++) {
      await q.answerPart(i, answers);
      await page.getByRole('link', { name: i < 4 ? en.part.next : en.part.to_review }).click();
    }
    await page.getByRole('link', { name: en.review.see_results }).click();
    await expect(page.getByTestId('measure-rank-1')).toBeVisible();
    const state = JSON.parse((await stored(page))[KEY] ?? '{}');
    expect(state.answers).toEqual(answers);
    expect(state.response_id).not.toBe(previousId);
    previousId = state.response_id;

    // Next participant: offered the export first, then everything about this one goes.
    await page.getByRole('button', { name: en.workshop.next_participant }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: en.workshop.export_first }).click(),
    ]);
    await download.saveAs(testInfo.outputPath(`participant-${n + 1}.json`));
    await page.getByRole('button', { name: en.workshop.next_yes }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.app_title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('link', { name: en.welcome.start })).toBeVisible();
    await expect(page.getByRole('link', { name: en.welcome.resume })).toHaveCount(0);
    // No trace in storage: no answers, no page, no backup; only the device settings and
    // the device's language stay.
    const after = await stored(page);
    expect(Object.keys(after).sort()).toEqual([KEY, `${KEY}.language`]);
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
  }
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
  // No answer to the warning this time: the response is cleared.
  await page.clock.runFor((2 * 60 + 60 + 5) * 1000);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.app_title);
  const state = JSON.parse((await stored(page))[KEY] ?? '{}');
  expect(state.answers).toEqual({});
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
