import { defineConfig, devices } from '@playwright/test';
import { chromiumFlags, chromiumPath } from './tests/chromium';

/**
 * End-to-end tests run against the production build (`next build` happens in scripts/test.sh).
 * Debian's Chromium where it is installed (CI, this team's machines), else Playwright's own browser.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

const launchOptions = chromiumPath ? { executablePath: chromiumPath, args: ['--headless', ...chromiumFlags] } : {};

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /(fuzz|publish|cluster|operations|wordpress)\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // Thousands of malformed requests on their own, so they slow no other test, and before publishing,
    // so the content folder they check stays as it was.
    { name: 'fuzz', testMatch: /fuzz\.spec\.ts/, dependencies: ['chromium'] },
    // Publishing changes what every other test sees, so it runs once they are done.
    {
      name: 'publish',
      testMatch: /(?<!live-)publish\.spec\.ts/,
      dependencies: ['fuzz'],
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // A live page open while posts are published, edited, deleted, and the page ends.
    {
      name: 'live',
      testMatch: /live-publish\.spec\.ts/,
      dependencies: ['publish'],
      timeout: 90_000,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
    // More servers of the same build, sharing a Redis of their own, restarted and loaded, after everything else.
    { name: 'cluster', testMatch: /(cluster|operations)\.spec\.ts/, dependencies: ['live'], timeout: 120_000 },
    // A WordPress with its database, and a server of this build reading it, last of all: that server writes its
    // pages into the build's page cache, which the fuzz test counts and the other servers read.
    {
      name: 'wordpress',
      testMatch: /wordpress\.spec\.ts/,
      dependencies: ['cluster'],
      timeout: 60_000,
      use: { ...devices['Desktop Chrome'], launchOptions },
    },
  ],
  webServer: {
    command: `node server.mjs --port ${port} --hostname 127.0.0.1`,
    url: `${baseURL}/ar`,
    reuseExistingServer: true,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
