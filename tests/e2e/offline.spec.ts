// Offline: after the first visit the service worker has cached the app; with the network
// gone, reloading any page — a questionnaire part, a deep route, the results, the start
// page — still opens the app with the saved answers. Runs at the host's root (project
// "desktop") and under /cp/ (project "subpath"): every path here is relative to the
// project's baseURL. A new version is never held back: it shows on the next load and its
// cache replaces the old one. Where there are no service workers, nothing changes.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test, expect, ui } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');

const en = ui.en;
const SECTOR = 'Which sector is your plant in?';
const TEXTILE = 'Textile dyeing and finishing';

/** Waits until the service worker is active and controls `page`; returns its scope. */
async function controlledBy(page: Page): Promise<string> {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return scope;
}

/** Whether the service worker itself can still reach the server (it cannot when offline). */
async function workerReachesServer(context: BrowserContext): Promise<boolean> {
  const [worker] = context.serviceWorkers();
  return worker.evaluate(() =>
    fetch(`./?probe=${Date.now()}`, { cache: 'no-store' }).then(() => true, () => false),
  );
}

test('with the network gone, reloads and deep routes open the app with the saved answers', async ({ page, context, baseURL }) => {
  await page.goto('part/1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Part 1 of 6/);
  const textile = page.getByRole('group', { name: SECTOR }).getByRole('radio', { name: TEXTILE });
  await textile.check();
  // The worker's scope is the app's base path, wherever the app is served from.
  const appUrl = baseURL?.endsWith('/') ? baseURL : `${baseURL}/`;
  expect(await controlledBy(page)).toBe(appUrl);

  await context.setOffline(true);
  expect(await workerReachesServer(context), 'the network is really gone').toBe(false);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Part 1 of 6/);
  await expect(textile).toBeChecked();
  for (const [path, heading] of [
    ['results', en.results.title],
    ['review', en.review.title],
    ['facilitator', en.facilitator.title],
    ['part/3', /^Part 3 of 6/],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  // The start page offers to continue where the respondent left off: part 3.
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.app_title);
  await page.getByRole('link', { name: en.welcome.resume }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Part 3 of 6/);
  await page.getByRole('link', { name: en.part.previous }).click();
  await page.getByRole('link', { name: en.part.previous }).click();
  await expect(textile).toBeChecked();

  // Back online, pages load from the network again (navigations go network first).
  await context.setOffline(false);
  expect(await workerReachesServer(context)).toBe(true);
  await page.reload();
  await expect(textile).toBeChecked();
});

for (const [name, setup] of [
  ['registration refused', { serviceWorkers: 'block' as const }],
  ['navigator.serviceWorker missing', { script: () => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined }) }],
  ['navigator.serviceWorker throws', { script: () => Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => { throw new DOMException('denied', 'SecurityError'); } }) }],
] as const) {
  test.describe(`no service worker (${name})`, () => {
    if ('serviceWorkers' in setup) test.use({ serviceWorkers: setup.serviceWorkers });
    test('the app works online as before and logs nothing', async ({ page }) => {
      if ('script' in setup) await page.addInitScript(setup.script);
      await page.goto('part/1');
      const textile = page.getByRole('group', { name: SECTOR }).getByRole('radio', { name: TEXTILE });
      await textile.check();
      await page.reload();
      await expect(textile).toBeChecked();
      // The fixture fails the test on any console error or page error.
    });
  });
}

/** The names of the page's caches (Cache Storage). */
async function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}

test('a new version shows on the next load, and its cache replaces the old one', async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: this test serves a copy of dist/ itself');
  // A copy of the release build on a server of its own, so the test can publish a new version.
  const site = testInfo.outputPath('site');
  fs.cpSync(path.join(ROOT, 'dist'), site, { recursive: true });
  const port = Number(process.env.E2E_PORT ?? 4173) + 2;
  const server = spawn(process.execPath, ['scripts/serve-dist.mjs', site, '--port', String(port)], { cwd: ROOT });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (d) => String(d).includes('[serve-dist]') && resolve());
    server.on('exit', (code) => reject(new Error(`serve-dist exited with ${code}`)));
  });
  try {
    const app = `http://127.0.0.1:${port}/`;
    const version = page.locator('meta[name="test-version"]');
    await page.goto(`${app}part/1`);
    const textile = page.getByRole('group', { name: SECTOR }).getByRole('radio', { name: TEXTILE });
    await textile.check();
    await controlledBy(page);
    const [first] = await cacheNames(page);
    expect(await cacheNames(page)).toEqual([first]);

    // Publish version 2: a changed index.html, and the worker the build step writes for it.
    const index = path.join(site, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<title>', '<meta name="test-version" content="2" />\n    <title>'));
    execFileSync(process.execPath, ['scripts/service-worker.mjs'], {
      cwd: ROOT,
      env: { ...process.env, TRUNK_PROFILE: 'release', TRUNK_STAGING_DIR: site },
    });

    // The next load shows version 2 at once (navigations go to the network first)...
    await page.reload();
    await expect(version).toHaveAttribute('content', '2');
    await expect(textile).toBeChecked();
    // ...the new worker installs, takes over and deletes the old cache...
    await expect.poll(() => cacheNames(page)).not.toContain(first);
    await expect.poll(async () => (await cacheNames(page)).length).toBe(1);
    // ...so that offline, too, the app is version 2.
    await context.setOffline(true);
    await page.reload();
    await expect(version).toHaveAttribute('content', '2');
    await expect(textile).toBeChecked();
  } finally {
    await context.setOffline(false);
    server.kill();
  }
});
