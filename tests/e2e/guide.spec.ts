// The facilitator's guide: reached from the facilitator page and back, its sections in
// English and in Chinese, WCAG 2.2 A/AA (axe) in both, readable on a phone, and printed on
// at most two A4 pages in either language. Screenshots of each language on a desktop, on
// a phone and in print land in test-results/.
import * as fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, ui, Lang, visibleLatinWords, LATIN_ALLOWED } from './fixtures';
import type { Page, TestInfo } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The guide's sections, in page order (locales/<lang>.json, section "guide"). */
const SECTIONS = ['devices', 'room', 'outbox', 'collect', 'project', 'study', 'trouble'];
const LANGS: Lang[] = ['en', 'zh-CN'];

const headings = (lang: Lang) => SECTIONS.map((s) => ui[lang].guide[s].heading);

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
}

/** Checks the guide as shown in `lang`: its one h1, its sections' h2 in order, no
 *  violations, no sideways scrolling on a phone; screenshots on a desktop and a phone. */
async function checkGuide(page: Page, testInfo: TestInfo, lang: Lang) {
  const g = ui[lang].guide;
  const h1 = page.getByRole('heading', { level: 1 });
  await expect(h1).toHaveCount(1);
  await expect(h1).toHaveText(g.title);
  await expect(page).toHaveTitle(`${g.title} – ${ui[lang].app_title}`);
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText(headings(lang));
  await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveText([g.study.stands_heading, g.study.moves_heading, g.study.questions]);
  // Every step and question is a list item; the study's figures are there as written.
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(6 + 4 + 4 + 3 + 5 + 4 + 5);
  await expect(page.getByText(g.study.motives)).toBeVisible();
  await expect(page.getByRole('button', { name: g.print })).toBeVisible();
  expect(await violations(page), `axe (${lang})`).toEqual([]);
  if (lang === 'zh-CN') expect(await visibleLatinWords(page, LATIN_ALLOWED)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath(`guide-${lang}.png`), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'page wider than a 390 px phone screen').toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath(`guide-${lang}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the guide is reached from the facilitator page, in English and Chinese, and passes axe', async ({ page }, testInfo) => {
  await page.goto('/facilitator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.facilitator.title);
  await page.getByRole('link', { name: ui.en.guide.open_link }).click();
  await expect(page).toHaveURL(/\/facilitator\/guide$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await checkGuide(page, testInfo, 'en');

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await checkGuide(page, testInfo, 'zh-CN');

  // And back to the facilitator page, still in Chinese.
  await page.getByRole('link', { name: ui['zh-CN'].guide.back }).click();
  await expect(page).toHaveURL(/\/facilitator$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui['zh-CN'].facilitator.title);
});

/** The number of pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

for (const lang of LANGS) {
  test(`the guide prints on at most two A4 pages (${lang})`, async ({ page }, testInfo) => {
    const g = ui[lang].guide;
    // The language as chosen on an earlier visit (storage::LANGUAGE_KEY).
    await page.addInitScript((l) => localStorage.setItem('cp-self-assessment.language', l), lang);
    await page.goto('/facilitator/guide');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(g.title);

    await page.emulateMedia({ media: 'print' });
    // Header, footer, the way back and the print button are not printed.
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('button', { name: g.print })).toBeHidden();
    await expect(page.getByRole('link', { name: g.back })).toBeHidden();
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.screenshot({ path: testInfo.outputPath(`guide-${lang}-print.png`), fullPage: true });

    const pdf = await page.pdf({ format: 'A4' });
    fs.writeFileSync(testInfo.outputPath(`guide-${lang}.pdf`), pdf);
    const pages = pdfPageCount(pdf);
    console.log(`[print] guide (${lang}): ${pages} A4 page(s)`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages, 'printed A4 pages').toBeLessThanOrEqual(2);
  });
}
