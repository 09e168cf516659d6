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

export interface BankOption { id: string; label: string }
export interface BankQuestion { id: string; kind: string; text: string; options?: BankOption[] }
export interface BankPart { id: string; title: string; questions: BankQuestion[] }
export const bank: { parts: BankPart[] } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'content', 'en', 'bank.json'), 'utf8'),
);
export const categoryNames: Record<string, string> = Object.fromEntries(
  JSON.parse(fs.readFileSync(path.join(ROOT, 'content', 'en', 'measures.json'), 'utf8'))
    .categories.map((c: { category: string; name: string }) => [c.category, c.name]),
);

export function persona(name: string): Record<string, Answer> {
  return JSON.parse(
    fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'personas', `${name}.json`), 'utf8'),
  );
}

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

const SCALE = ['1 – not important', '2 – slightly important', '3 – moderately important', '4 – very important', '5 – decisive'];

/** Answers questions and reads them back through the UI. */
export class Questionnaire {
  constructor(readonly page: Page, readonly testInfo: TestInfo) {}

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
        await group.getByRole('radio', { name: SCALE[a.value - 1], exact: true }).check();
        break;
      case 'number':
      case 'text': {
        const box = group.getByRole('textbox');
        await box.click();
        await box.pressSequentially(String(a.value));
        break;
      }
      case 'unknown':
        await group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: "I don't know" }).check();
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
        await expect(group.getByRole('radio', { name: SCALE[a.value - 1], exact: true })).toBeChecked();
        break;
      case 'number':
      case 'text':
        await expect(group.getByRole('textbox')).toHaveValue(String(a.value));
        break;
      case 'unknown':
        await expect(group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: "I don't know" })).toBeChecked();
        break;
    }
  }

  /** Answers every question of a part that the persona answered, in page order. */
  async answerPart(partIndex: number, answers: Record<string, Answer>) {
    for (const q of bank.parts[partIndex].questions) {
      const a = answers[q.id];
      if (a) await this.answer(q, a);
    }
  }

  async expectPart(partIndex: number, answers: Record<string, Answer>) {
    for (const q of bank.parts[partIndex].questions) {
      const a = answers[q.id];
      if (a) await this.expectAnswer(q, a);
    }
  }

  async heading(text: string | RegExp) {
    const h1 = this.page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveText(text);
    await expect(h1).toBeFocused();
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
