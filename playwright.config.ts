import { defineConfig } from '@playwright/test';

// Browser tests run against release builds (made by scripts/test.sh), each served with an
// SPA fallback so that reloading /part/3 works as on a static host, by the same small
// server (scripts/serve-dist.mjs):
//   - project "desktop": dist/ at the host's root, http://127.0.0.1:4173/ — every spec
//     but subpath.spec.ts;
//   - project "subpath": dist-cp/ (built with --public-url /cp/) under
//     http://127.0.0.1:4174/cp/ — the P1 journey and the sub-path checks
//     (subpath.spec.ts) and the offline test (offline.spec.ts, which runs in both).
// E2E_PORT moves both (to E2E_PORT and E2E_PORT + 1), so two checkouts on one machine can
// test side by side: outside CI an existing server on the port is reused, whatever it serves.
// Debian's chromium is used; Playwright never downloads a browser here.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUBPATH_PORT = PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /subpath\.spec\.ts/,
      use: { viewport: { width: 1280, height: 900 } },
    },
    {
      name: 'subpath',
      testMatch: /(subpath|offline)\.spec\.ts/,
      use: { viewport: { width: 1280, height: 900 }, baseURL: `http://127.0.0.1:${SUBPATH_PORT}/cp/` },
    },
  ],
  webServer: [
    {
      command: `node scripts/serve-dist.mjs dist --port ${PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve-dist.mjs dist-cp --prefix /cp/ --port ${SUBPATH_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/cp/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
