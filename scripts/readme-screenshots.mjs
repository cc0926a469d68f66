// The pictures at the top of the README (docs/app-en.png, docs/app-zh-TW.png): the release
// build in dist/ served on 127.0.0.1, opened in headless Chromium in each language with the
// worked example open, its timeline in view beside the preview.
// Usage: make build && node scripts/readme-screenshots.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const port = Number(process.env.SHOT_PORT || 8097);
const base = `http://127.0.0.1:${port}/`;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', path.join(root, 'dist')],
  { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const [lang, locale] of [['en', 'en-US'], ['zh-TW', 'zh-TW']]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale, colorScheme: 'light' });
    for (let i = 0; i < 50; i++) {
      try { await page.goto(base); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
    }
    await page.getByRole('button', { name: /^(Open example|開啟範例)$/ }).first().click();
    await page.locator('#preview-header h1').waitFor();
    // The timeline: where a postmortem is written fastest, and where the preview shows its
    // derived durations.
    await page.evaluate(() => {
      document.querySelector('#form-timeline .rows')?.scrollIntoView({ block: 'start' });
      document.querySelector('#preview-timeline')?.scrollIntoView({ block: 'start' });
    });
    await page.waitForTimeout(600);
    const out = path.join(root, 'docs', `app-${lang}.png`);
    await page.screenshot({ path: out });
    console.log(out);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
