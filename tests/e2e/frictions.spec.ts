// Frictions a new user met, each checked where it was met, in both languages where there
// is text:
// 1. the way in (Start, or Continue) shows on a phone without scrolling;
// 2. the page heading, focused by script, draws no focus box (controls keep theirs), and
//    nothing prints one;
// 3. coming back to a part begun shows the question where the respondent stopped;
// 4. a lone respondent sees no empty "saved responses" heading;
// 5. a share link's refusal speaks of the link, not of a file;
// 6. the notice shown without JavaScript speaks both languages.
import { deflateRawSync } from 'node:zlib';
import { test, expect, persona, ui, banks, fmt, openWelcomeTools, exportFile, jsonFile, Lang, Answer } from './fixtures';
import type { Page } from '@playwright/test';

const KEY = 'cp-self-assessment';
const LANGS: Lang[] = ['en', 'zh-CN'];

/** Seeds the saved state once per test (a reload keeps what the page saved since). */
async function seed(page: Page, answers: Record<string, Answer>, lang: Lang, lastPage?: string) {
  const state = { format: 'cp-self-assessment/state', version: 1, answers, language: lang, last_page: lastPage ?? null };
  await page.addInitScript(([k, s]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, s);
      sessionStorage.setItem('seeded', '1');
    }
  }, [KEY, JSON.stringify(state)]);
}

/** A version 1 share link's fragment for `json` (answers only): deflated, base64url. */
function shareLink(json: string): string {
  return `r1.${deflateRawSync(Buffer.from(json), { level: 9 }).toString('base64url')}`;
}

/** The outline the focused element draws: "none" when it draws no box. */
async function focusedOutline(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { tag: el.tagName.toLowerCase(), box: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineStyle} ${s.outlineWidth}` };
  });
}

for (const lang of LANGS) {
  const t = ui[lang];
  const bank = banks[lang];

  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang });

    test.describe('on a phone (390×844)', () => {
      test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

      test('1. the welcome page shows Start without scrolling, and still everything it explains', async ({ page }) => {
        await page.goto('/');
        const start = page.getByRole('link', { name: t.welcome.start });
        await expect(start).toBeInViewport({ ratio: 1 });
        expect(await page.evaluate(() => scrollY)).toBe(0);
        // Nothing hidden: the explanation follows the way in.
        for (const text of [t.welcome.learn_heading, t.welcome.learn_measures, t.welcome.before_heading, t.welcome.before_saved]) {
          await expect(page.getByText(text, { exact: true })).toBeVisible();
        }
        const way = await start.boundingBox();
        const learn = await page.getByRole('heading', { level: 2, name: t.welcome.learn_heading }).boundingBox();
        expect(learn!.y).toBeGreaterThan(way!.y + way!.height);
      });

      test('1. …and Continue, with the count above it, for a respondent who has begun', async ({ page }) => {
        await seed(page, persona('p1', lang), lang, '/part/2');
        await page.goto('/');
        await expect(page.getByRole('link', { name: t.welcome.resume })).toBeInViewport({ ratio: 1 });
        await expect(page.locator('.answered-so-far')).toHaveText(/\d/);
        await expect(page.locator('.answered-so-far')).toBeInViewport({ ratio: 1 });
        expect(await page.evaluate(() => scrollY)).toBe(0);
      });
    });

    test('2. the page heading draws no focus box on load or in print; controls keep their ring', async ({ page }) => {
      for (const path of ['/', '/part/1']) {
        await page.goto(path);
        const h1 = page.getByRole('heading', { level: 1 });
        await expect(h1).toBeFocused();
        expect(await focusedOutline(page), `${path}: h1 on load`).toEqual({ tag: 'h1', box: 'none' });
      }
      // The keyboard's focus on a control is drawn (WCAG 2.4.7).
      await page.keyboard.press('Tab');
      const tabbed = await focusedOutline(page);
      expect(tabbed?.tag).not.toBe('h1');
      expect(tabbed?.box, `${tabbed?.tag} focused by Tab`).toMatch(/^solid [23]px$/);
      const radio = page.getByRole('group', { name: bank.parts[0].questions[0].text, exact: true }).getByRole('radio').first();
      await radio.focus();
      await page.keyboard.press('ArrowDown');
      expect((await focusedOutline(page))?.box).toMatch(/^solid [23]px$/);
      // In print, nothing that has focus is marked.
      await page.emulateMedia({ media: 'print' });
      expect((await focusedOutline(page))?.box, 'a control in print').toBe('none');
      await page.getByRole('heading', { level: 1 }).focus();
      expect(await focusedOutline(page), 'the heading in print').toEqual({ tag: 'h1', box: 'none' });
      await page.emulateMedia({ media: 'screen' });
    });

    test('3. Continue and a reload show the first open question of a part begun; a part not begun or complete keeps its top', async ({ page }) => {
      const answers = persona('p1', lang);
      // Part 1 stopped at "loss_located"; part 3 not begun; part 2 complete.
      delete answers.loss_located;
      for (const q of bank.parts[2].questions) delete answers[q.id];
      await seed(page, answers, lang, '/part/1');
      const question = (id: string) => {
        const q = bank.parts.flatMap((p) => p.questions).find((q) => q.id === id)!;
        return page.getByRole('group', { name: q.text, exact: true });
      };
      const h1 = page.getByRole('heading', { level: 1 });
      const partHeading = (i: number) => fmt(t.part.heading, { n: i + 1, count: bank.parts.length, title: bank.parts[i].title });

      await page.goto('/');
      await page.getByRole('link', { name: t.welcome.resume }).click();
      await expect(h1).toHaveText(partHeading(0));
      await expect(question('loss_located')).toBeInViewport();
      await expect(question('sector')).not.toBeInViewport();
      // The heading keeps focus, so the page is announced as before.
      await expect(h1).toBeFocused();
      // Before the way on, the part says what is still open, naming the first.
      const located = bank.parts[0].questions.find((q) => q.id === 'loss_located')!;
      await expect(page.getByTestId('part-open')).toContainText(located.text);

      await page.reload();
      await expect(h1).toHaveText(partHeading(0));
      await expect(question('loss_located')).toBeInViewport();
      await expect(question('sector')).not.toBeInViewport();
      await expect(h1).toBeFocused();

      for (const part of [2, 3]) {
        await page.goto(`/part/${part}`);
        await expect(h1).toHaveText(partHeading(part - 1));
        await expect(h1).toBeFocused();
        // Complete or not begun: nothing to point to.
        await expect(page.getByTestId('part-open')).toHaveCount(0);
        // Given time to move, it stays at the top.
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => scrollY), `/part/${part}`).toBe(0);
      }
    });

    test('4. a lone respondent sees no empty "saved responses" heading; it comes with the first kept one', async ({ page }) => {
      await seed(page, { sector: persona('p1').sector }, lang);
      await openWelcomeTools(page);
      const keep = page.getByRole('button', { name: t.workshop.save_and_new });
      await expect(keep).toBeVisible();
      await expect(page.getByRole('heading', { name: t.workshop.saved_heading })).toHaveCount(0);
      await expect(page.getByTestId('kept-response')).toHaveCount(0);
      await keep.click();
      await expect(page.getByRole('heading', { name: t.workshop.saved_heading })).toBeVisible();
      await expect(page.getByTestId('kept-response')).toHaveCount(1);
    });

    test('5. a refused share link is spoken of as a link, a refused file as a file', async ({ page }) => {
      const file = lang === 'en' ? /\bfile\b/i : /文件/;
      const staff = bank.parts[0].questions.find((q) => q.id === 'staff')!.text;
      const cases: [string, string][] = [
        [JSON.stringify({ no_such_question: { type: 'unknown' } }), fmt(t.import.link_errors.unknown_questions, { list: 'no_such_question' })],
        [JSON.stringify({ staff: { type: 'number', value: -5 } }), fmt(t.import.link_errors.invalid_answer, { question: staff })],
        ['not json', t.import.errors.bad_link],
        ['{"staff":{"type":"unknown"},"staff":{"type":"unknown"}}', t.import.errors.bad_link],
        ['[1]', t.import.errors.bad_link],
      ];
      await page.goto('/');
      for (const [json, message] of cases) {
        await page.goto(`/#${shareLink(json)}`);
        const error = page.getByTestId('import-error');
        await expect(error).toContainText(message);
        expect(await error.textContent(), json).not.toMatch(file);
      }
      // A file with the same fault still says "file".
      await openWelcomeTools(page);
      await page.getByLabel(t.import.choose).setInputFiles(
        jsonFile('extra.json', exportFile({ ...persona('p1', lang), no_such_question: { type: 'unknown' } }, '0b8f7c4e-2f6a-4c41-9d7e-3f1a2b5c6d7e', '2026-11-29T09:00:00Z')),
      );
      await expect(page.getByTestId('import-error')).toContainText(fmt(t.import.errors.unknown_questions, { list: 'no_such_question' }));

      // The facilitator's room words a refused link the same way.
      await page.goto('/facilitator');
      await page.getByLabel(t.facilitator.links_label).fill(
        `${shareLink(JSON.stringify({ no_such_question: { type: 'unknown' } }))}\nr2.broken`,
      );
      await page.getByRole('button', { name: t.facilitator.add_links }).click();
      const refused = page.getByTestId('refused-list').getByRole('listitem');
      await expect(refused).toHaveCount(2);
      await expect(refused.nth(0)).toContainText(fmt(t.import.link_errors.unknown_questions, { list: 'no_such_question' }));
      await expect(refused.nth(1)).toContainText(t.import.errors.bad_link);
      for (const text of await refused.allTextContents()) expect(text).not.toMatch(file);
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('6. the notice says what is needed in English and in Chinese, and no "Loading…"', async ({ page }) => {
    await page.goto('/');
    // Playwright's text matching skips <noscript>: the text is read as the browser shows it.
    const notice = page.locator('noscript > p');
    await expect(notice).toBeVisible();
    const text = await notice.evaluate((p) => p.innerText);
    expect(text).toContain('This self-assessment needs JavaScript and WebAssembly enabled in your browser.');
    expect(await notice.locator('[lang="zh-CN"]').evaluate((s) => s.innerText)).toMatch(/^本自我评估需要在浏览器中启用 JavaScript 和 WebAssembly。$/);
    await expect(page.locator('#app-loading')).toBeHidden();
  });
});
