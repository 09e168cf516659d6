// Language: chosen from the browser on a first visit, switchable on every page without
// touching any answer, remembered, reflected in <html lang> and the title; every page
// screenshotted at phone width in both languages with no sideways scrolling and, in
// Chinese, no English words.
import { test, expect, Questionnaire, persona, ui, fmt, visibleLatinWords, LATIN_ALLOWED, Lang } from './fixtures';

test('switching language mid-questionnaire keeps every answer', async ({ page }, testInfo) => {
  const answers = persona('p1');
  const en = new Questionnaire(page, testInfo, 'en');
  const zh = new Questionnaire(page, testInfo, 'zh-CN');
  await page.goto('/part/1');
  await en.answerPart(0, answers);
  await page.getByRole('link', { name: ui.en.part.next }).click();
  await en.answerPart(1, answers);

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  await zh.heading(zh.partHeading(1));
  await expect(page).toHaveTitle(`${zh.partHeading(1)} – ${ui['zh-CN'].app_title}`);
  await zh.expectPart(1, answers);
  await page.getByRole('link', { name: ui['zh-CN'].part.previous }).click();
  await zh.expectPart(0, answers);

  // Remembered across a reload.
  await page.reload();
  await zh.heading(zh.partHeading(0));
  await zh.expectPart(0, answers);

  await page.getByRole('button', { name: 'English' }).click();
  await en.heading(en.partHeading(0));
  await en.expectPart(0, answers);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cp-self-assessment') ?? '{}'));
  expect(stored.language).toBe('en');
  expect(stored.answers.sector).toEqual(answers.sector);
  expect(stored.answers.main_products).toEqual(answers.main_products);
});

for (const lang of ['en', 'zh-CN'] as Lang[]) {
  test.describe(`every page at phone width in ${lang}`, () => {
    test.use({ locale: lang, viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });

    test('renders without sideways scrolling' + (lang === 'zh-CN' ? ' or English words' : ''), async ({ page }, testInfo) => {
      const state = { format: 'cp-self-assessment/state', version: 1, answers: persona('p3', lang), last_page: '/results' };
      await page.addInitScript((s) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('cp-self-assessment', s);
          sessionStorage.setItem('seeded', '1');
        }
      }, JSON.stringify(state));
      const q = new Questionnaire(page, testInfo, lang);
      const pages: [string, string][] = [
        ['/', ui[lang].app_title],
        ...[0, 1, 2, 3, 4, 5].map((i): [string, string] => [`/part/${i + 1}`, q.partHeading(i)]),
        ['/review', ui[lang].review.title],
        ['/results', ui[lang].results.title],
        ['/nowhere', ui[lang].not_found.title],
      ];
      for (const [path, heading] of pages) {
        await page.goto(path);
        await q.heading(heading);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        // Open every folded measure so nothing is hidden from the checks.
        for (const d of await page.locator('details').all()) await d.evaluate((e) => ((e as HTMLDetailsElement).open = true));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        if (lang === 'zh-CN') expect(await visibleLatinWords(page, LATIN_ALLOWED), path).toEqual([]);
        await q.screenshot(`phone-${lang}${path.replace(/\//g, '_') || '_'}`);
      }
    });
  });
}

test('first visit follows the browser language; unsupported languages get English', async ({ browser }) => {
  for (const [locale, lang, heading] of [['zh-TW', 'zh-CN', ui['zh-CN'].app_title], ['de-DE', 'en', ui.en.app_title]]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await context.close();
  }
});
