// Manager journeys for personas P1 and P4 (shared/personas.md): every question answered
// through the UI, a reload and a closed tab in the middle, then the results checked for the
// expected shape — top categories and engagement stage — as the native tests check it.
import { test, expect, Questionnaire, bank, persona, watchErrors, categoryNames } from './fixtures';

const journeys = [
  {
    name: 'p1',
    title: 'P1 textile dyeing mill',
    inTop3: ['housekeeping', 'process_control'],
    notInTop3: ['by_product', 'product'],
    stage: /^B — An audit is ahead of you/,
  },
  {
    name: 'p4',
    title: 'P4 fruit-juice processor',
    inTop3: ['by_product', 'housekeeping'],
    notInTop3: ['technology', 'product'],
    stage: /^A — A report without an audit/,
  },
];

for (const j of journeys) {
  test(`${j.title}: answers everything, survives reload and a closed tab, gets fitting results`, async ({ page, context, errors }, testInfo) => {
    const answers = persona(j.name);
    let q = new Questionnaire(page, testInfo);

    await page.goto('/');
    await q.heading('Cleaner Production self-assessment');
    await q.screenshot('00-welcome');
    await page.getByRole('link', { name: 'Start the self-assessment' }).click();

    for (let i = 0; i < bank.parts.length; i++) {
      const part = bank.parts[i];
      await q.heading(`Part ${i + 1} of 5: ${part.title}`);
      await expect(page).toHaveTitle(new RegExp(`^Part ${i + 1} of 5: ${part.title}`));
      await q.answerPart(i, answers);
      await expect(page.getByText(/^This part: \d+ of \d+ questions answered$/)).toHaveText(/: (\d+) of \1 questions/);

      if (i === 1) {
        // Reload in the middle: every answer so far comes back, on the same page.
        await page.reload();
        await q.heading(`Part 2 of 5: ${part.title}`);
        await q.expectPart(1, answers);
        await page.getByRole('link', { name: 'Previous part' }).click();
        await q.heading(`Part 1 of 5: ${bank.parts[0].title}`);
        await q.expectPart(0, answers);
        await page.getByRole('link', { name: 'Next part' }).click();
        await q.heading(`Part 2 of 5: ${part.title}`);
      }
      if (i === 2) {
        // Close the tab and come back later from the start page.
        await q.screenshot(`0${i + 1}-part-${i + 1}`);
        await page.close();
        page = await context.newPage();
        watchErrors(page, errors);
        q = new Questionnaire(page, testInfo);
        await page.goto('/');
        await page.getByRole('link', { name: 'Continue where you left off' }).click();
        await q.heading(`Part 3 of 5: ${part.title}`);
        await q.expectPart(2, answers);
      } else {
        await q.screenshot(`0${i + 1}-part-${i + 1}`);
      }
      await page
        .getByRole('link', { name: i < bank.parts.length - 1 ? 'Next part' : 'Review your answers' })
        .click();
    }

    await q.heading('Review your answers');
    await expect(page.getByText('Not answered yet')).toHaveCount(0);
    await q.screenshot('06-review');
    await page.getByRole('link', { name: 'See your results' }).click();

    await q.heading('Your results');
    await expect(page.getByTestId('provisional')).toHaveCount(0);
    const top = await q.topThree();
    for (const c of j.inTop3) expect(top, `${c} in top 3`).toContain(c);
    for (const c of j.notInTop3) expect(top, `${c} not in top 3`).not.toContain(c);
    // The category names the manager reads match the ranking.
    await expect(page.getByTestId('measure-rank-1').getByRole('heading', { level: 3 }))
      .toContainText(categoryNames[top[0]]);
    await expect(page.getByTestId('engagement-stage')).toHaveText(j.stage);
    // Reasons quote the manager's own answers.
    await expect(page.getByTestId('measure-rank-1').locator('.evidence').first()).toContainText('You answered:');
    await q.screenshot('07-results');
  });
}
