// Accessibility: an axe-core scan of the main views finds no serious or critical violation,
// and the form can be used from the keyboard.
import { test, expect } from '@playwright/test';
import { scan } from './axe.js';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

// axe is injected as a script, which the app's own policy would rightly refuse.
test.use({ bypassCSP: true });


for (const lang of LANGUAGES) {
  test(`[${lang}] the editor with the worked example has no serious accessibility violation`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
    await expect(app.field('Header', 'Title')).toHaveValue(/ChatGPT/);
    expect(await scan(page)).toEqual([]);
  });

  test(`[${lang}] dialogs, menus and alerts have no serious accessibility violation`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await page.getByRole('button', { name: app.t('Export'), exact: true }).click();
    expect(await scan(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await app.draftList().getByRole('button', { name: app.t('New draft') }).click();
    await expect(page.getByRole('dialog', { name: app.t('New draft') })).toBeVisible();
    expect(await scan(page)).toEqual([]);
  });

  test(`[${lang}] the phone layout has no serious accessibility violation`, async ({ browser }) => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const app = new EditorPage(page, lang);
    await app.open();
    expect(await scan(page)).toEqual([]);
    await page.getByRole('button', { name: lang === 'en' ? 'Show preview' : '顯示預覽' }).click();
    expect(await scan(page)).toEqual([]);
    await page.getByRole('button', { name: app.t('Drafts'), exact: true }).click();
    expect(await scan(page)).toEqual([]);
    await context.close();
  });
}

test('a new draft can be written from the keyboard alone', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').focus();
  await page.keyboard.type('Keyboard only');
  await page.keyboard.press('Tab');
  await page.keyboard.type('INC-9');
  await expect(app.field('Header', 'Incident ID')).toHaveValue('INC-9');
  // Collapse and expand a section with the keyboard.
  await app.section('Summary').getByRole('button', { name: 'Collapse Summary' }).focus();
  await page.keyboard.press('Enter');
  await expect(app.field('Summary', 'Summary')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(app.field('Summary', 'Summary')).toBeVisible();
  await expect(app.preview('Header').locator('h1')).toHaveText('Keyboard only');
});

test('dialogs take the focus, close on Escape and give the focus back', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const opener = app.draftList().getByRole('button', { name: 'New draft' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New draft' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Full', exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  // From the keyboard alone: open the dialog and pick a template.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Lightweight', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(app.section('Detection').locator('.badge').first()).toHaveText('Optional');
});
