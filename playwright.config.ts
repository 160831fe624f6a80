import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

// Debian's chromium when installed (.ci/run installs it); Playwright's own browser otherwise.
// E2E_PORT and E2E_DIST let several people test their own builds side by side
// (`npx vite build --outDir /tmp/dist-me && E2E_DIST=/tmp/dist-me E2E_PORT=4180 npx playwright test`).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two shared cores: one browser at a time is faster than several fighting for them.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? '.reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: chromiumLaunchOptions(),
      },
    },
  ],
  // The tests run against the BUILT site (npm test builds it first), as people will see it.
  webServer: {
    command: DIST
      ? `npx vite preview --host 127.0.0.1 --strictPort --port ${PORT} --outDir ${DIST}`
      : `npx vite preview --host 127.0.0.1 --strictPort --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
