// Frictions a new user met, each checked where it was met, in both languages where there
// is text:
// 1. the way in (Start, or Continue) shows on a phone without scrolling;
import { test, expect, persona, ui, banks, Lang, Answer } from './fixtures';
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
  });
}

