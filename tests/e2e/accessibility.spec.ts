// WCAG 2.2 A/AA checks with axe-core on every page, in both languages, including a
// question's error state and the printed results.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, persona, ui, Lang, resultsShown } from './fixtures';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(', ')})`);
}

for (const lang of ['en', 'zh-CN'] as Lang[]) {
  test(`no WCAG 2.2 A/AA violations on any page (${lang})`, async ({ page }) => {
    // A register with a studied option, a rejected one and one done, so that every part of
    // the register page is scanned.
    const register = {
      currency: 'cny',
      options: [
        { id: 1, title: 'Heat recovery', category: 'recovery', bin: { bin: 'feasibility_study' }, status: { status: 'planned' }, deadline: '2020-01-31',
          feasibility: { investment: 300000, savings: { material: 0, energy: 95000, water: 5000, treatment_disposal: 0, other: 0 }, one_off: 20000, life_years: 8, rate_percent: 6 } },
        { id: 2, title: 'New dye machines', category: 'technology', bin: { bin: 'rejected', reason: 'Too dear' }, status: { status: 'planned' } },
        { id: 3, title: 'Fix steam traps', category: 'housekeeping', bin: { bin: 'do_now' }, status: { status: 'done', measured_savings: 42000 } },
      ],
    };
    const state = { format: 'cp-self-assessment/state', version: 1, answers: persona('p1', lang), language: lang, register };
    await page.addInitScript((s) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('cp-self-assessment', s);
        sessionStorage.setItem('seeded', '1');
      }
    }, JSON.stringify(state));
    const found: Record<string, string[]> = {};
    for (const path of ['/', '/part/1', '/part/2', '/part/3', '/part/4', '/part/5', '/part/6', '/review', '/results', '/register', '/nowhere']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The welcome page's lower part (kept responses, import, workshop settings) comes a
      // moment after the page: scanned with it.
      if (path === '/') await expect(page.getByLabel(ui[lang].workshop.shared_device)).toBeVisible();
      if (path === '/results') await resultsShown(page);
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
    await resultsShown(page);
    await page.emulateMedia({ media: 'print' });
    const p = await violations(page);
    if (p.length) found['/results (print)'] = p;
    // The register with a refused number, and as printed.
    await page.emulateMedia({ media: 'screen' });
    await page.goto('/register');
    await page.locator('#opt-1-investment').fill('12abc');
    await page.locator('#opt-1-investment').press('Tab');
    await expect(page.locator('#opt-1-investment')).toHaveAttribute('aria-invalid', 'true');
    const r = await violations(page);
    if (r.length) found['/register (error)'] = r;
    await page.emulateMedia({ media: 'print' });
    const rp = await violations(page);
    if (rp.length) found['/register (print)'] = rp;
    expect(found).toEqual({});
  });
}

/** What the keyboard user sees of the focused element: its name, whether a focus ring is
 * drawn, and whether any of it is hidden under another element (WCAG 2.2 SC 2.4.11
 * Focus Not Obscured) or outside the viewport. */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const inside = (x: number, y: number) => {
      const hit = document.elementFromPoint(x, y);
      return !!hit && (hit === el || el.contains(hit) || hit.contains(el) || (el.id !== '' && hit.closest(`label[for="${el.id}"]`) !== null));
    };
    const cx = r.left + r.width / 2;
    const cy = r.top + r.height / 2;
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? '',
      name: (el as HTMLInputElement).name ?? '',
      id: el.id,
      checked: (el as HTMLInputElement).checked ?? false,
      text: (el.innerText || el.getAttribute('aria-label') || '').trim(),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      inViewport: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      visible: inside(cx, cy),
    };
  });
}

test('keyboard alone completes the questionnaire: Tab, arrows, Space, Enter; focus always visible, never hidden', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  const checked: string[] = [];
  /** Tabs on until `target` has focus, answering every question met on the way the way a
   *  keyboard user does: arrow keys in a radio group, Space on a checkbox, typing in a field. */
  const tabThroughTo = async (target: string) => {
    const answered = new Set<string>();
    for (let i = 0; i < 600; i++) {
      await page.keyboard.press('Tab');
      const f = await focusState(page);
      if (!f) continue;
      const label = f.text || `${f.tag}#${f.id || f.name}`;
      // h1 takes focus by script (tabindex=-1) and is not in the Tab order; the skip link
      // and the header's links are checked like everything else.
      expect.soft(f.ring, `focus ring on ${label}`).toBe(true);
      expect.soft(f.inViewport && f.visible, `${label} is focused but hidden or off-screen`).toBe(true);
      checked.push(label);
      if (f.text === target) return;
      if (f.tag === 'input' && f.type === 'radio' && !answered.has(f.name)) {
        answered.add(f.name);
        await page.keyboard.press(f.checked ? 'ArrowUp' : 'ArrowDown');
      } else if (f.tag === 'input' && f.type === 'checkbox' && !answered.has(f.name || f.id)) {
        answered.add(f.name || f.id);
        await page.keyboard.press('Space');
      } else if (f.tag === 'input' && (f.type === 'text' || f.type === 'number') && !answered.has(f.id)) {
        answered.add(f.id);
        const value = f.id.includes('staff') ? '85' : f.id.includes('year') ? '2019' : 'typed by keyboard';
        await page.keyboard.press('Control+A');
        await page.keyboard.type(value);
      } else if (f.tag === 'textarea' && !answered.has(f.id)) {
        answered.add(f.id);
        await page.keyboard.type('typed by keyboard');
      }
    }
    throw new Error(`never reached "${target}" by Tab`);
  };
  await tabThroughTo('Start the self-assessment');
  await page.keyboard.press('Enter');
  for (let part = 1; part <= 6; part++) {
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(new RegExp(`^Part ${part} of 6`));
    await expect(h1).toBeFocused();
    await tabThroughTo(part < 6 ? 'Next part' : 'Review your answers');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await tabThroughTo('See your results');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/results$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  // Every question got an answer from the keyboard alone: the review showed none missing.
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('cp-self-assessment') ?? '{}'));
  const answeredIds = Object.keys(saved.answers ?? {});
  expect(answeredIds.length, 'questions answered by keyboard').toBeGreaterThanOrEqual(45);
  console.log(`[keyboard] ${checked.length} focus stops checked, ${answeredIds.length} answers given by keyboard alone`);
});
