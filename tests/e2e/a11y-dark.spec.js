// Accessibility in the dark scheme: the axe-core scan of a11y.spec.js (colour contrast
// included) finds no serious violation in the dark colours, in both UI languages, whether the
// system asks for dark or the user chose Dark on a light system.
import { test, expect } from '@playwright/test';
import { scan } from './axe.js';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';
import { openExample, themeSelect } from './pwa-helpers.js';

// axe is injected as a script, which the app's own policy would rightly refuse.
test.use({ bypassCSP: true, colorScheme: 'dark' });


async function expectDark(page) {
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 27)');
}

for (const lang of LANGUAGES) {
  test(`[${lang}] the dark editor with the worked example, its menu and dialog have no serious violation`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await openExample(app);
    await expectDark(page);
    expect(await scan(page)).toEqual([]);
    await page.getByRole('button', { name: app.t('Export'), exact: true }).click();
    expect(await scan(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await app.draftList().getByRole('button', { name: app.t('New draft') }).click();
    await expect(page.getByRole('dialog', { name: app.t('New draft') })).toBeVisible();
    expect(await scan(page)).toEqual([]);
  });

  test(`[${lang}] the dark phone layout, its drafts and its preview have no serious violation`, async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true, colorScheme: 'dark', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const app = new EditorPage(page, lang);
    await app.open();
    expect(await scan(page)).toEqual([]);
    await openExample(app);
    expect(await scan(page)).toEqual([]);
    await page.getByRole('button', { name: app.t('Show preview') }).click();
    await expect(page.locator('#preview-pane')).toBeVisible();
    expect(await scan(page)).toEqual([]);
    await page.getByRole('button', { name: app.t('Drafts'), exact: true }).click();
    expect(await scan(page)).toEqual([]);
    await context.close();
  });

  test(`[${lang}] Dark chosen on a light system has no serious violation`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const app = new EditorPage(page, lang);
    await app.open();
    await themeSelect(app).selectOption({ label: app.t('Dark') });
    await openExample(app);
    await expectDark(page);
    expect(await scan(page)).toEqual([]);
  });
}
