// Takes screenshots of the served app in headless Chromium, for looking at it as a user.
// Usage: node scripts/screenshot.mjs URL OUT_PREFIX
import { chromium } from '@playwright/test';

const [url, out = '/tmp/hindsight'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport });
  page.on('console', (m) => console.log(`[${name}] console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('.form-section', { timeout: 10000 });
  if (process.env.EXAMPLE) {
    await page.getByRole('button', { name: 'Open example' }).click();
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `${out}-${name}.png` });
  await page.close();
}
await browser.close();
