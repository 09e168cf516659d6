// The app never shows a blank page or loses data because of what is in local storage.
import { test, expect, Questionnaire, ui } from './fixtures';
import type { Page } from '@playwright/test';

const KEY = 'cp-self-assessment';

test('empty storage: the welcome page renders and offers to start', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
  await expect(page.getByRole('link', { name: 'Start the self-assessment' })).toBeVisible();
  await new Questionnaire(page, testInfo).screenshot('welcome-empty');
});

test.describe('a first visit on a phone', () => {
  // The service worker would fetch (and cache) every file at once. On a phone's screen
  // (Lighthouse's Moto G Power) the welcome page's lower part is out of view.
  test.use({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });

  test('fetches only what the first page shows until its lower part is scrolled to', async ({ page }) => {
    const wasm: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname);
    });
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Start the self-assessment' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/cp-self-assessment-[0-9a-f]{16}_bg\.wasm$/);

    await page.getByTestId('welcome-tools').scrollIntoViewIfNeeded();
    await expect(page.getByLabel(ui.en.workshop.shared_device)).toBeVisible();
    expect(wasm.some((f) => /split_content_en-/.test(f))).toBe(true);
    expect(wasm.some((f) => /split_saved_answers-/.test(f))).toBe(true);
  });
});

test('results with nothing answered offer the way in, not a ranking of defaults', async ({ page }) => {
  await page.goto('/results');
  await expect(page.getByTestId('no-answers')).toContainText(ui.en.results.no_answers);
  await expect(page.getByTestId('measure-rank-1')).toHaveCount(0);
  await page.getByRole('link', { name: ui.en.welcome.start }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Part 1 of 6: Enterprise profile');
});

test('answers to questions that no longer exist are ignored, not fatal, and kept', async ({ page }) => {
  const state = {
    format: 'cp-self-assessment/state',
    version: 1,
    last_page: '/part/1',
    answers: {
      sector: { type: 'choice', value: 'textile' },
      removed_question: { type: 'choice', value: 'whatever' },
      staff: { type: 'choice', value: 'not-a-number' },
    },
  };
  await page.addInitScript(([k, v]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, JSON.stringify(state)]);
  await page.goto('/review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review your answers');
  await expect(page.getByText('Textile dyeing and finishing')).toBeVisible();
  await page.goto('/results');
  await expect(page.getByTestId('measure-rank-1')).toBeVisible();
  const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(JSON.parse(stored ?? '{}').answers.removed_question).toEqual({ type: 'choice', value: 'whatever' });
});

test('unreadable storage: a notice shows, the old text is kept aside, answering works', async ({ page }) => {
  await page.addInitScript((k) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, '{"format":"cp-self-assessment/state", broken');
      sessionStorage.setItem('seeded', '1');
    }
  }, KEY);
  await page.goto('/part/1');
  await expect(page.getByTestId('storage-notice')).toContainText('could not be read');
  await page.getByRole('group', { name: 'Which sector is your plant in?' })
    .getByRole('radio', { name: 'Pulp and paper' }).check();
  const backup = await page.evaluate(() => localStorage.getItem('cp-self-assessment.unreadable-backup'));
  expect(backup).toBe('{"format":"cp-self-assessment/state", broken');
  const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(JSON.parse(saved ?? '{}').answers.sector).toEqual({ type: 'choice', value: 'pulp_paper' });
});

test('unknown page and unknown part show "Page not found", not a blank page', async ({ page }) => {
  for (const path of ['/nowhere', '/part/9']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
});

test('"Start over" asks first, then deletes everything', async ({ page }) => {
  await page.goto('/part/1');
  await page.getByRole('group', { name: 'Which sector is your plant in?' })
    .getByRole('radio', { name: 'Machinery' }).check();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('group', { name: 'Which sector is your plant in?' })
    .getByRole('radio', { name: 'Machinery' })).toBeChecked();
  // Cancelled, by the button or by Escape: focus is back on the button that asked.
  await expect(page.getByRole('button', { name: 'Start over' })).toBeFocused();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Start over' })).toBeFocused();
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
  await expect(page.getByRole('link', { name: 'Start the self-assessment' })).toBeVisible();
  const saved = await page.evaluate(() => localStorage.getItem('cp-self-assessment'));
  expect(JSON.parse(saved ?? '{"answers":{}}').answers).toEqual({});

  // Confirmed on the start page itself: focus goes to its heading, not to the page's body.
  await page.goto('/part/1');
  await page.getByRole('group', { name: 'Which sector is your plant in?' })
    .getByRole('radio', { name: 'Machinery' }).check();
  await page.goto('/');
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByRole('button', { name: 'Yes, delete my answers' }).click();
  await expect(page.getByRole('link', { name: 'Start the self-assessment' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('numbers: invalid entries show a message and store nothing; a decimal comma works', async ({ page }) => {
  const stored = async (id: string) =>
    JSON.parse((await page.evaluate(() => localStorage.getItem('cp-self-assessment'))) ?? '{}').answers?.[id];
  await page.goto('/part/1');
  const staff = page.getByRole('group', { name: 'How many people work at the plant?' }).getByRole('textbox');
  // Typed key by key: "4" is valid for a moment, "4O" is not and must not leave 4 behind.
  await staff.pressSequentially('4O');
  await expect(page.getByText('Please enter a number using digits')).toBeVisible();
  await expect(staff).toHaveAttribute('aria-invalid', 'true');
  expect(await stored('staff')).toBeUndefined();
  await expect(page.locator('#progress-part')).toContainText('0 of');
  await staff.fill('');
  await staff.pressSequentially('42,5');
  await expect(page.getByText('Please enter a whole number')).toBeVisible();
  expect(await stored('staff')).toBeUndefined();
  await staff.fill('');
  await staff.pressSequentially('1.2.3');
  await expect(page.getByText('Please enter a number using digits')).toBeVisible();
  await staff.fill('');
  await staff.pressSequentially('420');
  await expect(staff).not.toHaveAttribute('aria-invalid', 'true');
  expect(await stored('staff')).toEqual({ type: 'number', value: 420 });
  // A decimal comma is read as a decimal point where fractions make sense: here none do,
  // so the parser itself is covered natively (answers::tests).
});

test('a conditional question appears only when it applies', async ({ page }) => {
  await page.goto('/part/1');
  const role = page.getByRole('group', { name: 'What role do these substances play?' });
  await expect(role).toHaveCount(0);
  const hazardous = page.getByRole('group', { name: /^Do you use toxic or regulated chemicals/ });
  await hazardous.getByRole('radio', { name: 'Yes, in large amounts' }).check();
  await expect(role).toBeVisible();
  await hazardous.getByRole('radio', { name: 'No', exact: true }).check();
  await expect(role).toHaveCount(0);
});

test('phone width: no horizontal scrolling on the questionnaire and results', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/part/1', '/part/4', '/review', '/results']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test('a slow connection shows a start-up notice in both languages, replaced by the app once it runs', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  const notice = page.getByRole('status').filter({ hasText: 'Loading…' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('正在加载');
  release();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
  await expect(page.locator('#app-loading')).toHaveCount(0);
});

test('/index.html, as some hosts and bookmarks name the start page, opens the start page at /', async ({ page }) => {
  await page.goto('/index.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
  await expect(page).toHaveURL(/\/$/);
});

test('a head count typed with a thousands comma ("1,200") is read as 1200, not refused', async ({ page }) => {
  await page.goto('/part/1');
  const staff = page.locator('#q-staff-input');
  await staff.pressSequentially('1,200');
  await expect(page.locator('#q-staff-error')).toHaveText('');
  await expect(staff).not.toHaveAttribute('aria-invalid', 'true');
  await expect
    .poll(async () => page.evaluate(() => JSON.parse(localStorage.getItem('cp-self-assessment') ?? '{}').answers?.staff))
    .toEqual({ type: 'number', value: 1200 });
});

/** The stored answers, as the app saved them. */
async function storedAnswers(page: Page) {
  return JSON.parse((await page.evaluate((k) => localStorage.getItem(k), KEY)) ?? '{}').answers;
}

/** Answers the sector question on part 1 and returns the stored answers. */
async function answerSector(page: Page) {
  await page.goto('/part/1');
  await page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio').first().check();
  const saved = await storedAnswers(page);
  expect(saved.sector).toBeDefined();
  return saved;
}

/** Makes the wasm file of split point `split` (scripts/wasm-split.mjs) fail to arrive, as
 *  when the connection drops before the service worker has cached it; returns its pattern
 *  for `unroute` and `expectOnlyFetchErrors`. */
async function cutOff(page: Page, split: string): Promise<RegExp> {
  const file = new RegExp(`split_${split}-[0-9a-f]{16}\\.wasm$`);
  await page.route(file, (route) => route.abort('internetdisconnected'));
  return file;
}

/** Drops the console errors of a fetch that was cut off on purpose, failing on any other. */
function expectOnlyFetchErrors(errors: string[], file: RegExp) {
  for (const e of errors) expect(e).toMatch(new RegExp(`${file.source}|Failed to fetch|ERR_INTERNET_DISCONNECTED`));
  errors.length = 0;
}

test.describe('a page whose code cannot be fetched (connection lost before it was cached)', () => {
  // The service worker would serve the file from its cache; this is the first visit
  // without one.
  test.use({ serviceWorkers: 'block' });

  test('shows a message and Try again instead of a blank page, and keeps the answers', async ({ page, errors }) => {
    const saved = await answerSector(page);

    // The results page's own wasm file does not arrive.
    const resultsCode = await cutOff(page, 'results_page');
    await page.goto('/results');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded');
    await expect(page.getByText('Your answers are saved on this device.')).toBeVisible();
    expect(await storedAnswers(page)).toEqual(saved);
    // The browser and the loader report the failed fetch in the console; nothing else.
    expect(errors.length).toBeGreaterThan(0);
    expectOnlyFetchErrors(errors, resultsCode);

    // Back online: Try again opens the results with the same answers.
    await page.unroute(resultsCode);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('measure-rank-1')).toBeVisible();
    expect(await storedAnswers(page)).toEqual(saved);
  });
});

test.describe('the Chinese texts cannot be fetched (connection lost before they were cached)', () => {
  test.use({ serviceWorkers: 'block' });

  test('switching to 中文 says so and stays in English; it works once the connection is back', async ({ page, errors }) => {
    const saved = await answerSector(page);

    const chinese = await cutOff(page, 'content_zh_cn');
    await page.getByRole('button', { name: '中文' }).click();
    const notice = page.getByTestId('language-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('could not be loaded');
    await expect(notice).toContainText('中文内容未能加载');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Part 1 of 6: Enterprise profile');
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(await storedAnswers(page)).toEqual(saved);
    expectOnlyFetchErrors(errors, chinese);

    await page.unroute(chinese);
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('第 1 部分');
    await expect(notice).toHaveCount(0);
    expect(await storedAnswers(page)).toEqual(saved);
  });

  test('a Chinese first visit whose texts do not arrive opens in English with the notice', async ({ page, errors }) => {
    await page.addInitScript((k) => {
      localStorage.setItem(k, JSON.stringify({ format: 'cp-self-assessment/state', version: 1, answers: {}, language: 'zh-CN' }));
    }, KEY);
    const chinese = await cutOff(page, 'content_zh_cn');
    await page.goto('/');
    await expect(page.getByTestId('language-notice')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
    expectOnlyFetchErrors(errors, chinese);
  });
});

test.describe('the questions cannot be fetched on a first visit (connection lost after the main module)', () => {
  test.use({ serviceWorkers: 'block' });

  test('the welcome page still opens and offers to start; a part then says it could not be loaded, and works once they arrive', async ({ page, errors }) => {
    // The welcome page renders from the main module alone; the content follows it.
    const english = await cutOff(page, 'content_en');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
    await expect(page.getByText('About 58 questions in five parts')).toBeVisible();
    await page.getByRole('link', { name: 'Start the self-assessment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded');
    await expect(page.getByText('Your answers are saved on this device.')).toBeVisible();
    expectOnlyFetchErrors(errors, english);

    await page.unroute(english);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Part 1 of 6: Enterprise profile');
    await page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio').first().check();
    expect((await storedAnswers(page)).sector).toBeDefined();
  });

  test('a share link whose reading code does not arrive says so and keeps the link for a reload', async ({ page, browser, errors }) => {
    await answerSector(page);
    await page.goto('/results');
    await page.getByRole('button', { name: ui.en.exchange.share_button }).click();
    const link = await page.getByTestId('share-link').inputValue();

    const fresh = await browser.newContext({ locale: 'en', serviceWorkers: 'block' });
    const other = await fresh.newPage();
    // Read by the saved answers' split-off module (src/boot.rs, read_share_link).
    const reader = await cutOff(other, 'saved_answers');
    await other.goto(link);
    await expect(other.getByTestId('share-link-unread')).toContainText(ui.en.import.link_not_read);
    expect(new URL(other.url()).hash).toMatch(/^#r2\./);
    await expect(other.getByTestId('import-prompt')).toHaveCount(0);

    await other.unroute(reader);
    await other.reload();
    await expect(other.getByTestId('import-prompt')).toBeVisible();
    await expect(other.getByTestId('share-link-unread')).toHaveCount(0);
    expect(new URL(other.url()).hash).toBe('');
    await fresh.close();
    expect(errors).toEqual([]);
  });
});

test.describe('the saved answers\' reader cannot be fetched (connection lost after the main module)', () => {
  test.use({ serviceWorkers: 'block' });

  test('the welcome page opens, nothing stored is written over, and the answers are back once it arrives', async ({ page, errors }) => {
    const saved = await answerSector(page);
    const before = await page.evaluate((k) => localStorage.getItem(k), KEY);

    // Read and written by a split-off module (src/storage.rs, `open`).
    const reader = await cutOff(page, 'saved_answers');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cleaner Production self-assessment');
    await page.getByRole('link', { name: 'Start the self-assessment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded');
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(before);
    expectOnlyFetchErrors(errors, reader);

    await page.unroute(reader);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Part 1 of 6: Enterprise profile');
    await expect(page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { checked: true })).toHaveCount(1);
    expect(await storedAnswers(page)).toEqual(saved);
  });

  test('on a first visit the questions open without it, say the answers are not saved yet, and save them once it arrives', async ({ page, errors }) => {
    // A first visit's pages do not wait for it (src/state/startup.rs, Startup::Fresh).
    const reader = await cutOff(page, 'saved_answers');
    await page.goto('/');
    await page.getByRole('link', { name: 'Start the self-assessment' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Part 1 of 6: Enterprise profile');
    await page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio').first().check();
    await expect(page.getByTestId('saving-unavailable')).toHaveText(ui.en.saving_unavailable);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    expectOnlyFetchErrors(errors, reader);

    // The next page asks again.
    await page.unroute(reader);
    await page.getByRole('link', { name: ui.en.part.next }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Part 2 of 6/);
    await expect(page.getByTestId('saving-unavailable')).toHaveCount(0);
    await expect.poll(async () => (await storedAnswers(page))?.sector).toBeDefined();
    await page.reload();
    await page.goto('/part/1');
    await expect(page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { checked: true })).toHaveCount(1);
  });

  test('on a first visit, answers given before it arrives are saved when it does', async ({ page, errors }) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/split_saved_answers-[0-9a-f]{16}\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
    await page.getByRole('link', { name: 'Start the self-assessment' }).click();
    const sector = page.getByRole('group', { name: 'Which sector is your plant in?' });
    await sector.getByRole('radio').nth(1).check();
    // Not written yet: the writer is on its way, and no notice is due.
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    await expect(page.getByTestId('saving-unavailable')).toHaveCount(0);
    await expect(page.getByRole('button', { name: ui.en.start_over })).toHaveCount(0);

    release();
    await expect(page.getByRole('button', { name: ui.en.start_over })).toBeVisible();
    await expect.poll(async () => (await storedAnswers(page))?.sector).toBeDefined();
    await page.reload();
    await expect(sector.getByRole('radio').nth(1)).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('a state saved before the language had a key of its own opens in its language, and then does from the first render', async ({ page, errors }) => {
    const answers = { sector: { type: 'choice', value: 'textile' } };
    await page.addInitScript(([k, v]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(k, v);
        sessionStorage.setItem('seeded', '1');
      }
    }, [KEY, JSON.stringify({ format: 'cp-self-assessment/state', version: 1, answers, language: 'zh-CN' })]);
    // The language is taken from the saved state once its reader has arrived, and kept
    // under a key of its own.
    await page.goto('/part/2');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(`${k}.language`), KEY)).toBe('zh-CN');
    expect(await storedAnswers(page)).toEqual(answers);

    // From then on the first page is in Chinese without the reader.
    const reader = await cutOff(page, 'saved_answers');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui['zh-CN'].app_title);
    expect(await storedAnswers(page)).toEqual(answers);
    expectOnlyFetchErrors(errors, reader);
  });
});
