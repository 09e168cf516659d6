// Shared test fixtures: every page fails its test on any page error or console error
// (a broken wasm-opt passes the build and dies only in the browser), and a page object
// that answers questions the way a manager does — by finding each question by its legend
// and each option by its label.
import { test as base, expect, Page, Locator, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export type Answer =
  | { type: 'choice'; value: string }
  | { type: 'choices'; value: string[] }
  | { type: 'scale'; value: number }
  | { type: 'number'; value: number }
  | { type: 'text'; value: string }
  | { type: 'unknown' };

export type Lang = 'en' | 'zh-CN';
export interface BankOption { id: string; label: string }
export interface BankQuestion { id: string; kind: string; text: string; options?: BankOption[] }
export interface BankPart { id: string; title: string; questions: BankQuestion[] }
export interface Bank {
  parts: BankPart[];
  words: { unknown: string; scale_labels: string[] };
}
const readJson = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(ROOT, ...p), 'utf8'));

/** The question bank of a language, as the app shows it. */
export const banks: Record<Lang, Bank> = {
  en: readJson('content', 'en', 'bank.json'),
  'zh-CN': readJson('content', 'zh-CN', 'bank.json'),
};
/** China's rules for CP audits per language (content/<lang>/regulation.json). */
export const regulations: Record<Lang, any> = {
  en: readJson('content', 'en', 'regulation.json'),
  'zh-CN': readJson('content', 'zh-CN', 'regulation.json'),
};
/** Back-compat alias: the English bank. */
export const bank = banks.en;

/** UI strings of a language (locales/<lang>.json). */
export const ui: Record<Lang, any> = {
  en: readJson('locales', 'en.json'),
  'zh-CN': readJson('locales', 'zh-CN.json'),
};

/** Fills {{ name }} placeholders of a UI string. */
export function fmt(pattern: string, vars: Record<string, string | number>): string {
  return pattern.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k) => String(vars[k]));
}

/** Category names by id, per language. */
export function categoryNamesOf(lang: Lang): Record<string, string> {
  return Object.fromEntries(
    readJson('content', lang, 'measures.json').categories.map((c: { category: string; name: string }) => [c.category, c.name]),
  );
}
export const categoryNames = categoryNamesOf('en');

/** Engagement stage texts by stage id, per language. */
export function stagesOf(lang: Lang): Record<string, { code: string; title: string }> {
  return Object.fromEntries(readJson('content', lang, 'assessment.json').stages.map((s: any) => [s.stage, s]));
}

/** Latin words visible on the page outside elements marked lang="en" (the language switch). */
export async function visibleLatinWords(page: Page, allowed: string[]): Promise<string[]> {
  return page.evaluate((allowed) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[lang="en"], script, style, noscript')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      for (const w of (n.textContent ?? '').match(/[A-Za-z][A-Za-z0-9-]*/g) ?? []) {
        // Codes of China's list of hazardous wastes (HW01–HW50) are written as the list writes them.
        if (!allowed.includes(w) && !/^HW\d{2}$/.test(w)) out.push(w);
      }
    }
    return out;
  }, allowed);
}
/** Allowed Latin tokens on Chinese pages (same list as tests/i18n.rs). */
export const LATIN_ALLOWED = ['PDF', 'JSON', 'CSV', 'KB', 'Esc', 'A', 'B', 'B2', 'B1-a', 'B1-b', 'V', 'V-B', 'ISO', 'NPV', 'IRR', 'pH', 'COD', 'VOCs', 'RO', 'PCB', 'LED'];

/** A persona's answers; in Chinese, the free-text answers are written in Chinese too, as
 *  a Chinese-speaking manager would type them. */
export function persona(name: string, lang: Lang = 'en'): Record<string, Answer> {
  const answers: Record<string, Answer> = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'crates', 'cp-assessment', 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8'),
  );
  if (lang === 'zh-CN') {
    for (const [id, a] of Object.entries(answers)) {
      if (a.type === 'text') answers[id] = { type: 'text', value: CHINESE_TEXT[name]?.[id] ?? '本厂情况说明' };
    }
  }
  return answers;
}
const CHINESE_TEXT: Record<string, Record<string, string>> = {
  p1: { main_products: '针织棉布染色与整理', renovation_scope: '用低浴比染色机替换喷射染色机' },
  p2: { main_products: '汽车零部件镀锌、镀镍和镀铬', violation_detail: '漂洗水中镍超标' },
};

/** Collects page errors and console errors; the test fails if any occurred. */
export function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
}

export const test = base.extend<{ errors: string[] }>({
  errors: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, errors }, use) => {
    watchErrors(page, errors);
    await use(page);
    expect(errors, 'page errors or console errors').toEqual([]);
  },
});
export { expect };

/** Answers questions and reads them back through the UI, in one language. */
export class Questionnaire {
  readonly bank: Bank;
  readonly ui: any;
  constructor(readonly page: Page, readonly testInfo: TestInfo, readonly lang: Lang = 'en') {
    this.bank = banks[lang];
    this.ui = ui[lang];
  }

  question(q: BankQuestion): Locator {
    return this.page.getByRole('group', { name: q.text, exact: true });
  }

  private label(q: BankQuestion, id: string): string {
    const o = q.options?.find((o) => o.id === id);
    if (!o) throw new Error(`${q.id}: no option ${id}`);
    return o.label;
  }

  async answer(q: BankQuestion, a: Answer) {
    const group = this.question(q);
    switch (a.type) {
      case 'choice':
        await group.getByRole('radio', { name: this.label(q, a.value), exact: true }).check();
        break;
      case 'choices':
        for (const id of a.value) {
          await group.getByRole('checkbox', { name: this.label(q, id), exact: true }).check();
        }
        break;
      case 'scale':
        await group.getByRole('radio', { name: this.bank.words.scale_labels[a.value - 1], exact: true }).check();
        break;
      case 'number':
      case 'text': {
        const box = group.getByRole('textbox');
        await box.click();
        await box.pressSequentially(String(a.value));
        break;
      }
      case 'unknown':
        await group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: this.bank.words.unknown, exact: true }).check();
        break;
    }
  }

  async expectAnswer(q: BankQuestion, a: Answer) {
    const group = this.question(q);
    switch (a.type) {
      case 'choice':
        await expect(group.getByRole('radio', { name: this.label(q, a.value), exact: true })).toBeChecked();
        break;
      case 'choices':
        for (const id of a.value) {
          await expect(group.getByRole('checkbox', { name: this.label(q, id), exact: true })).toBeChecked();
        }
        break;
      case 'scale':
        await expect(group.getByRole('radio', { name: this.bank.words.scale_labels[a.value - 1], exact: true })).toBeChecked();
        break;
      case 'number':
      case 'text':
        await expect(group.getByRole('textbox')).toHaveValue(String(a.value));
        break;
      case 'unknown':
        await expect(group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: this.bank.words.unknown, exact: true })).toBeChecked();
        break;
    }
  }

  /** Answers every question of a part that the persona answered, in page order. */
  async answerPart(partIndex: number, answers: Record<string, Answer>) {
    for (const q of this.bank.parts[partIndex].questions) {
      const a = answers[q.id];
      if (a) await this.answer(q, a);
    }
  }

  async expectPart(partIndex: number, answers: Record<string, Answer>) {
    for (const q of this.bank.parts[partIndex].questions) {
      const a = answers[q.id];
      if (a) await this.expectAnswer(q, a);
    }
  }

  async heading(text: string | RegExp) {
    const h1 = this.page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(text);
    await expect(h1).toBeFocused();
  }

  /** The heading of part i (0-based). */
  partHeading(i: number): string {
    return fmt(this.ui.part.heading, { n: i + 1, count: this.bank.parts.length, title: this.bank.parts[i].title });
  }

  async screenshot(name: string) {
    await this.page.screenshot({ path: this.testInfo.outputPath(`${name}.png`), fullPage: true });
  }

  /** The categories shown in ranks 1–3 of the results page. */
  async topThree(): Promise<string[]> {
    const out: string[] = [];
    for (const rank of [1, 2, 3]) {
      const item = this.page.getByTestId(`measure-rank-${rank}`);
      out.push((await item.getAttribute('data-category')) ?? '');
    }
    return out;
  }
}

/** Opens the welcome page and scrolls to its lower part (kept responses, file import,
 *  workshop settings). On a first visit that part, with the content and the saved state's
 *  reader it needs, is fetched only once it comes into view (src/pages/welcome.rs), as
 *  when a reader scrolls down to it. */
export async function openWelcomeTools(page: Page) {
  await page.goto('/');
  await page.getByTestId('welcome-tools').scrollIntoViewIfNeeded();
}

/** Waits until the results page shows all its sections. They appear one by one, each in a
 *  task of its own after the first paint (src/pages/results.rs), and their wrapper says
 *  `aria-busy="true"` until the last is there: checks of the whole page (axe, print,
 *  screenshots, the charts' tables) wait for that. */
export async function resultsShown(page: Page) {
  await expect(page.getByTestId('results')).toHaveAttribute('aria-busy', 'false');
}

/** A version 4 UUID, deterministic per index (so reruns produce the same files). */
export function uuid(i: number): string {
  const hex = (n: number, len: number) => n.toString(16).padStart(len, '0').slice(-len);
  return `${hex(i, 8)}-${hex(i * 7, 4)}-4${hex(i * 13, 3)}-${'89ab'[i % 4]}${hex(i * 17, 3)}-${hex(i * 31 + 1, 12)}`;
}

/** A response export as the app writes it (docs/format.md), made in workshop `room` if given. */
export function exportFile(answers: Record<string, Answer>, id: string, updated: string, room?: string) {
  return {
    format: 'cp-self-assessment/response',
    version: 1,
    bank_id: 'cp-self-assessment',
    bank_version: 1,
    response_id: id,
    created: '2026-11-29T08:00:00Z',
    updated,
    language: 'en',
    ...(room ? { room } : {}),
    answers,
  };
}

/** A file for a file input: `content` as pretty-printed JSON. */
export function jsonFile(name: string, content: unknown) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content, null, 2)) };
}
