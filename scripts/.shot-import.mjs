import { chromium } from '@playwright/test';
import fs from 'node:fs';
const [url, file, out, lang] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await browser.newPage({ viewport, locale: lang === 'zh-TW' ? 'zh-TW' : 'en-US' });
  await page.goto(url);
  await page.waitForSelector('.form-section');
  await page.locator('#import-file').setInputFiles({ name: file.split('/').pop(), mimeType: 'text/markdown', buffer: fs.readFileSync(file) });
  await page.getByRole('dialog').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-${name}.png` });
  await page.close();
}
await browser.close();
