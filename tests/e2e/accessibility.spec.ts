// WCAG 2.2 A/AA checks with axe-core on every page, in both languages, including a
// question's error state and the printed results.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, persona, Lang } from './fixtures';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
}

for (const lang of ['en', 'zh-CN'] as Lang[]) {
  test(`no WCAG 2.2 A/AA violations on any page (${lang})`, async ({ page }) => {
    const state = { format: 'cp-self-assessment/state', version: 1, answers: persona('p1', lang), language: lang };
    await page.addInitScript((s) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('cp-self-assessment', s);
        sessionStorage.setItem('seeded', '1');
      }
    }, JSON.stringify(state));
    const found: Record<string, string[]> = {};
    for (const path of ['/', '/part/1', '/part/2', '/part/3', '/part/4', '/part/5', '/review', '/results', '/nowhere']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const v = await violations(page);
      if (v.length) found[path] = v;
    }
    // A question in its error state.
    await page.goto('/part/1');
    await page.locator('#q-staff-input').fill('');
    await page.locator('#q-staff-input').pressSequentially('4O');
    const v = await violations(page);
    if (v.length) found['/part/1 (error)'] = v;
    // The results as printed.
    await page.goto('/results');
    await page.emulateMedia({ media: 'print' });
    const p = await violations(page);
    if (p.length) found['/results (print)'] = p;
    expect(found).toEqual({});
  });
}

test('keyboard alone: start, answer with arrows and Space, move on with Enter; focus always visible', async ({ page }) => {
  await page.goto('/');
  const tabTo = async (name: string) => {
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return { text: (el.innerText || el.getAttribute('aria-label') || '').trim(), outline: style.outlineStyle, width: style.outlineWidth };
      });
      if (focused && focused.text !== '' && !['CP self-assessment', 'English', '中文'].includes(focused.text)) {
        expect(focused.outline, `focus ring on "${focused.text}"`).not.toBe('none');
      }
      if (focused?.text === name) return;
    }
    throw new Error(`never reached ${name} by Tab`);
  };
  await tabTo('Start the self-assessment');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // First question: one Tab from the heading enters the radio group, arrows choose.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Textile dyeing and finishing' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('group', { name: 'Which sector is your plant in?' }).getByRole('radio', { name: 'Pulp and paper' })).toBeChecked();
  // A checkbox with Space.
  const streams = page.getByRole('group', { name: 'Which waste and resource streams matter most at your plant?' });
  await streams.getByRole('checkbox', { name: 'Wastewater' }).focus();
  await page.keyboard.press('Space');
  await expect(streams.getByRole('checkbox', { name: 'Wastewater' })).toBeChecked();
  await tabTo('Next part');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Part 2 of 5/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});
