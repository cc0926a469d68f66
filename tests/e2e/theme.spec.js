// Dark mode: the theme follows the system until the user chooses, the choice is remembered
// (and applied before the app starts), and the exported HTML and print stay light.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';
import { openExample, themeSelect } from './pwa-helpers.js';

// The service worker is not what these tests are about, and it would serve the wasm that one
// of them refuses.
test.use({ serviceWorkers: 'block' });

const LIGHT_BG = 'rgb(245, 246, 248)';
const DARK_BG = 'rgb(15, 20, 27)';
const REPORT_INK = 'rgb(29, 35, 48)';

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const themeColors = (page) => page.locator('meta[name="theme-color"]').evaluateAll((metas) => metas.map((m) => m.content));

for (const lang of LANGUAGES) {
  test(`[${lang}] the theme follows the system, and a choice overrides it and is remembered`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const app = new EditorPage(page, lang);
    await app.open();
    const select = themeSelect(app);
    await expect(select.locator('option:checked')).toHaveText(app.t('System'));
    await expect(select.locator('option')).toHaveText([app.t('System'), app.t('Light'), app.t('Dark')]);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await background(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background(page)).toBe(DARK_BG);
    expect(await themeColors(page)).toEqual(['#1f2a3d', '#0b1018']);

    // Dark on a light system.
    await page.emulateMedia({ colorScheme: 'light' });
    await select.selectOption({ label: app.t('Dark') });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    expect(await themeColors(page)).toEqual(['#0b1018', '#0b1018']);
    expect(await page.evaluate(() => localStorage.getItem('hindsight:meta:theme'))).toBe('dark');
    await page.reload();
    await expect(themeSelect(app).locator('option:checked')).toHaveText(app.t('Dark'));
    expect(await background(page)).toBe(DARK_BG);

    // Light on a dark system.
    await page.emulateMedia({ colorScheme: 'dark' });
    await themeSelect(app).selectOption({ label: app.t('Light') });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    expect(await background(page)).toBe(LIGHT_BG);
    expect(await themeColors(page)).toEqual(['#1f2a3d', '#1f2a3d']);

    // Back to the system's.
    await themeSelect(app).selectOption({ label: app.t('System') });
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    expect(await background(page)).toBe(DARK_BG);
    expect(await themeColors(page)).toEqual(['#1f2a3d', '#0b1018']);
    expect(await page.evaluate(() => localStorage.getItem('hindsight:meta:theme'))).toBe('system');
  });

  test(`[${lang}] a remembered dark theme applies before the app starts, and follows other tabs`, async ({ page, context }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await themeSelect(app).selectOption({ label: app.t('Dark') });
    // Another tab of the same app follows the choice.
    const other = await context.newPage();
    const otherApp = new EditorPage(other, lang);
    await other.goto('./');
    await expect(otherApp.section('Header')).toBeVisible();
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark');
    await themeSelect(app).selectOption({ label: app.t('Light') });
    await expect(other.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(themeSelect(otherApp).locator('option:checked')).toHaveText(app.t('Light'));
    await themeSelect(app).selectOption({ label: app.t('Dark') });
    await other.close();
    // With the app's wasm refused, only theme.js runs: the page is dark from the first paint.
    await page.route('**/*.wasm', (route) => route.abort());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await background(page)).toBe(DARK_BG);
    await expect(page.getByRole('main')).toHaveCount(0);
  });

  test(`[${lang}] the exported HTML and print stay light in the dark scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const app = new EditorPage(page, lang);
    await app.open();
    await themeSelect(app).selectOption({ label: app.t('Dark') });
    await openExample(app);
    const preview = page.locator('#preview-pane .report');
    expect(await preview.evaluate((el) => getComputedStyle(el).color)).not.toBe(REPORT_INK);

    // Print: light paper, light tables, whatever the scheme and the choice.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await preview.evaluate((el) => getComputedStyle(el).color)).toBe(REPORT_INK);
    expect(await background(page)).toBe('rgb(255, 255, 255)');
    expect(await preview.locator('th').first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(243, 245, 248)');
    await page.emulateMedia({ media: 'screen' });

    // The standalone HTML export, opened in a dark browser, is the light report.
    await page.getByRole('button', { name: app.t('Export'), exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menu', { name: app.t('Export') }).getByRole('menuitem', { name: app.t('Download HTML') }).click(),
    ]);
    const html = await fs.readFile(await download.path(), 'utf8');
    expect(html).not.toContain('prefers-color-scheme');
    expect(html).not.toContain('data-theme');
    const exported = await page.context().newPage();
    await exported.emulateMedia({ colorScheme: 'dark' });
    await exported.setContent(html);
    expect(await exported.locator('.report').evaluate((el) => getComputedStyle(el).color)).toBe(REPORT_INK);
    expect(await exported.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(/^rgba?\((255, 255, 255|0, 0, 0, 0)\)$/);
    await exported.close();
  });
}
