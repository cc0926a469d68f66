// Takes screenshots of the served app in headless Chromium, for looking at it as a user.
// Usage: node scripts/screenshot.mjs URL OUT_PREFIX   (LANG=zh-TW for the Chinese interface,
// EXAMPLE=1 to open the worked example first, SCHEME=dark for the dark colour scheme)
import { chromium } from '@playwright/test';

const [url, out = '/tmp/hindsight'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport, locale: process.env.LANG === 'zh-TW' ? 'zh-TW' : 'en-US',
    colorScheme: process.env.SCHEME === 'dark' ? 'dark' : 'light' });
  page.on('console', (m) => console.log(`[${name}] console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[${name}] pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForSelector('.form-section', { timeout: 10000 });
  if (process.env.EXAMPLE) {
    if (name === 'phone') await page.locator('.drafts-toggle').click();
    await page.getByRole('button', { name: /^(Open example|開啟範例)$/ }).click();
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `${out}-${name}.png`, fullPage: !!process.env.FULL });
  await page.close();
}
await browser.close();
