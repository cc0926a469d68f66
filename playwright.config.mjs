// End-to-end tests against the release build, served from a sub-path on 127.0.0.1.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run the suite at once on one machine.
const port = Number(process.env.E2E_PORT || 8081);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/hindsight/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      // Debian's Chromium: never a downloaded browser.
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage'],
    },
  },
  webServer: {
    command: `bash scripts/serve-subpath.sh ${port}`,
    url: `http://127.0.0.1:${port}/hindsight/`,
    reuseExistingServer: false,
    timeout: 20_000,
    // python's http.server logs every request on stderr.
    stderr: 'ignore',
  },
});
