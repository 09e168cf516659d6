// The app served under a sub-path, as GitHub Pages serves a project site: the build of
// `trunk build --release --public-url /cp/` (dist-cp/, made by scripts/test.sh), served at
// http://127.0.0.1:4174/cp/ by scripts/serve-dist.mjs (project "subpath" in
// playwright.config.ts). It passes the P1 journey there, and every address the app makes —
// its files, links, the router, reloads of deep routes, share links, the QR code for the
// projector — stays under /cp/.
import { test, expect, ui } from './fixtures';
import { journeys, journeyTest } from './journey';

const en = ui.en;

// P1, textile dyeing mill, in English: the whole questionnaire with a reload and a closed tab.
journeyTest(journeys[0]);

test('files, links, reloads, share links and the QR code stay under /cp/', async ({ page, baseURL }) => {
  const app = baseURL?.endsWith('/') ? baseURL : `${baseURL}/`;
  expect(new URL(app).pathname).toBe('/cp/');
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(app) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
  });
  const h1 = page.getByRole('heading', { level: 1 });

  await page.goto('./');
  await expect(h1).toHaveText(en.app_title);
  await page.getByRole('link', { name: en.welcome.start }).click();
  await expect(page).toHaveURL(`${app}part/1`);
  await page.getByRole('group', { name: 'Which sector is your plant in?' })
    .getByRole('radio', { name: 'Textile dyeing and finishing' }).check();
  await page.getByRole('link', { name: en.part.next }).click();
  await expect(page).toHaveURL(`${app}part/2`);
  // A deep route reloads from the server (index.html for an unknown path).
  await page.reload();
  await expect(h1).toHaveText(/^Part 2 of 6/);
  // The header's link to the start page.
  await page.getByRole('banner').getByRole('link', { name: en.brand }).click();
  await expect(h1).toHaveText(en.app_title);
  expect(new URL(page.url()).pathname).toMatch(/^\/cp\/?$/);

  // A share link opens the app's start page under /cp/.
  await page.goto('results');
  await expect(h1).toHaveText(en.results.title);
  await page.getByRole('button', { name: en.exchange.share_button }).click();
  expect(await page.getByTestId('share-link').inputValue()).toMatch(new RegExp(`^${app.replace(/[.]/g, '\\.')}#r2\\.`));

  // The facilitator's QR code names the app's address.
  await page.goto('facilitator');
  // It carries the room's code (the page starts a room on a first visit).
  const code = (await page.getByTestId('room-code').textContent()) ?? '';
  await expect(page.locator('.qr-text')).toHaveText(`${app}?room=${code}`);

  // An unknown address inside /cp/ is the app's "not found" page, whose link leads home.
  await page.goto('no-such-page');
  await expect(h1).toHaveText(en.not_found.title);
  await page.getByRole('link', { name: en.not_found.go_start }).click();
  await expect(h1).toHaveText(en.app_title);

  // /cp/index.html is the start page under another name: it becomes /cp/.
  await page.goto('index.html');
  await expect(h1).toHaveText(en.app_title);
  await expect(page).toHaveURL(app);

  expect(outside, 'requests outside /cp/').toEqual([]);
});
