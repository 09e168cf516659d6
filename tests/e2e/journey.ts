// Manager journeys (shared/personas.md): every question answered through the UI, a reload
// and a closed tab in the middle, then the results checked for the expected shape — top
// categories and engagement stage — as the native tests check it. journeys.spec.ts runs
// them at the host's root, subpath.spec.ts runs P1 again under /cp/.
import {
  test, expect, Questionnaire, persona, watchErrors, categoryNamesOf, stagesOf, fmt,
  visibleLatinWords, LATIN_ALLOWED, Lang, resultsShown, banks, regulations, Answer,
} from './fixtures';

/** The start page, relative to the project's baseURL ("http://127.0.0.1:4173" or
 *  "http://127.0.0.1:4174/cp/"), so one journey runs at a host's root and under a
 *  sub-path alike. */
export const START = './';

export interface Journey {
  name: string;
  title: string;
  lang: Lang;
  phone?: boolean;
  inTop3: string[];
  notInTop3: string[];
  stage: string;
  /** The outcome of "Must we audit?" (its data-status). */
  duty: 'listed' | 'triggered' | 'unclear' | 'no_trigger' | 'none';
  /** Answers that differ from the persona's. */
  overrides?: Record<string, Answer>;
}

export const journeys: Journey[] = [
  { name: 'p1', title: 'P1 textile dyeing mill', lang: 'en', inTop3: ['housekeeping', 'process_control'], notInTop3: ['by_product', 'product'], stage: 'audit_ahead', duty: 'listed' },
  { name: 'p4', title: 'P4 fruit-juice processor', lang: 'en', inTop3: ['by_product', 'housekeeping'], notInTop3: ['technology', 'product'], stage: 'report_without_audit', duty: 'listed' },
  { name: 'p1', title: 'P1 textile dyeing mill in Chinese on a phone', lang: 'zh-CN', phone: true, inTop3: ['housekeeping', 'process_control'], notInTop3: ['by_product', 'product'], stage: 'audit_ahead', duty: 'listed' },
  // A plating shop over the total quota of its discharge permit, on no list yet: told that
  // the Measures require it to audit, with the deadlines, the penalty and the sources.
  {
    name: 'p2', title: 'P2 plating shop over its emission quota, in Chinese', lang: 'zh-CN',
    inTop3: ['housekeeping', 'process_control'], notInTop3: ['product'], stage: 'audit_ahead', duty: 'triggered',
    overrides: { over_limits: { type: 'choices', value: ['over_quota'] } },
  },
];

/** Registers the journey `j` as a test: every step through the UI, starting from the
 *  project's start page. */
export function journeyTest(j: Journey) {
  test.describe(`${j.title}`, () => {
    test.use({
      locale: j.lang,
      ...(j.phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {}),
    });

    test('answers everything, survives reload and a closed tab, gets fitting results', async ({ page, context, errors }, testInfo) => {
      const answers = { ...persona(j.name, j.lang), ...(j.overrides ?? {}) };
      let q = new Questionnaire(page, testInfo, j.lang);
      const ui = q.ui;
      const checkLanguage = async () => {
        await expect(page.locator('html')).toHaveAttribute('lang', j.lang);
        if (j.lang === 'zh-CN') expect(await visibleLatinWords(page, LATIN_ALLOWED)).toEqual([]);
      };

      await page.goto(START);
      await q.heading(ui.app_title);
      await expect(page).toHaveTitle(ui.app_title);
      await checkLanguage();
      await q.screenshot('00-welcome');
      await page.getByRole('link', { name: ui.welcome.start }).click();

      for (let i = 0; i < q.bank.parts.length; i++) {
        await q.heading(q.partHeading(i));
        await expect(page).toHaveTitle(`${q.partHeading(i)} – ${ui.app_title}`);
        await q.answerPart(i, answers);
        // Progress counts only visible questions, and this part is complete; a part of
        // optional questions only (last year's figures) has no count to show.
        const done = page.locator('#progress-part');
        if (q.bank.parts[i].questions.every((x: any) => x.optional)) await expect(done).toHaveCount(0);
        else await expect(done).toHaveText(new RegExp(fmt(ui.progress.answered_of, { label: ui.part.progress_part, answered: '(\\d+)', visible: '\\1' })));
        await checkLanguage();

        if (i === 1) {
          // Reload in the middle: every answer so far comes back, on the same page.
          await page.reload();
          await q.heading(q.partHeading(1));
          await q.expectPart(1, answers);
          await page.getByRole('link', { name: ui.part.previous }).click();
          await q.heading(q.partHeading(0));
          await q.expectPart(0, answers);
          await page.getByRole('link', { name: ui.part.next }).click();
          await q.heading(q.partHeading(1));
        }
        await q.screenshot(`0${i + 1}-part-${i + 1}`);
        if (i === 2) {
          // Close the tab and come back later from the start page.
          await page.close();
          page = await context.newPage();
          watchErrors(page, errors);
          q = new Questionnaire(page, testInfo, j.lang);
          await page.goto(START);
          await page.getByRole('link', { name: ui.welcome.resume }).click();
          await q.heading(q.partHeading(2));
          await q.expectPart(2, answers);
        }
        await page.getByRole('link', { name: i < q.bank.parts.length - 1 ? ui.part.next : ui.part.to_review }).click();
      }

      await q.heading(ui.review.title);
      await expect(page.getByText(ui.review.not_answered, { exact: true })).toHaveCount(0);
      await checkLanguage();
      await q.screenshot('06-review');
      await page.getByRole('link', { name: ui.review.see_results }).click();

      await q.heading(ui.results.title);
      await resultsShown(page);
      await expect(page.getByTestId('provisional')).toHaveCount(0);
      const top = await q.topThree();
      for (const c of j.inTop3) expect(top, `${c} in top 3`).toContain(c);
      for (const c of j.notInTop3) expect(top, `${c} not in top 3`).not.toContain(c);
      // The category names the manager reads match the ranking.
      await expect(page.getByTestId('measure-rank-1').getByRole('heading', { level: 3 }))
        .toContainText(categoryNamesOf(j.lang)[top[0]]);
      const stage = stagesOf(j.lang)[j.stage];
      await expect(page.getByTestId('engagement-stage')).toHaveText(`${stage.code} — ${stage.title}`);
      // "In short" joins the stage, the best fits and the one next step.
      await expect(page.getByTestId('in-short')).toContainText(stage.title);
      await expect(page.getByTestId('in-short')).toContainText(categoryNamesOf(j.lang)[top[0]]);
      // The ranking is explained by the causes the manager named, and what they added in
      // their own words is repeated in the report.
      const questions = banks[j.lang].parts.flatMap((p) => p.questions);
      const question = (id: string) => questions.find((q) => q.id === id)!;
      const named = (persona(j.name, j.lang).loss_causes as { value: string[] }).value;
      const firstCause = question('loss_causes').options!.find((o) => named.includes(o.id))!;
      await expect(page.getByTestId('in-short-causes')).toContainText(firstCause.label);
      await expect(page.getByTestId('report-notes')).toContainText(question('assessment_reason').text);
      // "Must we audit?" reads the plant's answers against China's rules, says what it
      // meets, and always cites its sources and says it is not legal advice.
      const duty = page.getByTestId('duty');
      await expect(duty).toHaveAttribute('data-status', j.duty);
      const regulation = regulations[j.lang];
      if (j.duty === 'listed' || j.duty === 'triggered') {
        await expect(page.getByTestId('duty-verdict')).toHaveText(regulation.duty.verdicts[j.duty].title);
        for (const line of regulation.duty.clock) await expect(page.getByTestId('duty-clock')).toContainText(line);
        await expect(page.getByTestId('duty-penalty')).toHaveText(regulation.duty.penalty);
        await expect(page.getByTestId('duty-sources').locator('li')).toHaveCount(regulation.duty.sources.length);
      }
      if (j.duty === 'triggered') {
        const over = (answers.over_limits as { value: string[] }).value;
        for (const t of over) await expect(page.getByTestId('duty-met')).toContainText(regulation.duty.met[t]);
      }
      await expect(page.getByTestId('duty-not-legal-advice')).toHaveText(regulation.duty.not_legal_advice);
      await expect(page.getByTestId('report-chapters').locator('dt')).toHaveCount(7);
      // The section's conclusion is the count of chapters, not a lead-in to the folded list.
      await expect(page.locator('section[aria-labelledby="chapters-h"] > p.conclusion')).toContainText(j.lang === 'en' ? 'of the 7 have everything in place' : '7 章中有');
      await duty.scrollIntoViewIfNeeded();
      await q.screenshot('07a-must-we-audit');
      // Reasons quote the manager's own answers.
      await expect(page.getByTestId('measure-rank-1').locator('.evidence').first())
        .toContainText(fmt(ui.results.you_answered, { evidence: '' }).trim().replace(/[.。]$/, ''));
      await checkLanguage();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'results scroll sideways').toBeLessThanOrEqual(0);
      await q.screenshot('07-results');
    });
  });
}
