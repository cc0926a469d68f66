// Writes assets/shell/<language>.html: the app's first screen on a first visit, as the app
// itself draws it in headless Chromium, for scripts/shell.py to put into index.html (issue
// 20). Run by `make shell` after a change to what the first screen shows; the e2e test
// "the shell is the app's first screen" fails until it is run.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { captureShell, SHELL_LANGUAGES, zoneNotYetKnown } from '../tests/e2e/shell-capture.js';

const port = Number(process.env.SHELL_PORT || 8157);
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'],
  { stdio: 'ignore' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  for (const { locale, file } of SHELL_LANGUAGES) {
    const context = await browser.newContext({ locale, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(zoneNotYetKnown);
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForSelector('body > .app:not([data-shell]) #header-title');
    await page.waitForLoadState('networkidle');
    fs.mkdirSync('assets/shell', { recursive: true });
    fs.writeFileSync(file, `${await page.evaluate(captureShell)}\n`);
    console.log(`shell.mjs: ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
