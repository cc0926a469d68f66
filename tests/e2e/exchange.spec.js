// Export, import, backup and share links, through the UI as a user would use them.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

async function openExample(page) {
  const app = new EditorPage(page);
  await app.open();
  await app.draftList().getByRole('button', { name: 'Open example' }).click();
  await expect(app.field('Header', 'Title')).toHaveValue(/ChatGPT/);
  return app;
}

async function exportAs(page, item) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await fs.readFile(await download.path(), 'utf8') };
}

async function importFile(page, name, text, mimeType = 'application/octet-stream') {
  await page.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

test('the Markdown, HTML and JSON downloads carry the report', async ({ page }) => {
  await openExample(page);
  const md = await exportAs(page, 'Download Markdown');
  expect(md.name).toMatch(/^2023-03-20-chatgpt-showed-some-users.*\.md$/);
  expect(md.text.startsWith('---\nschema_version: 3\n')).toBe(true);
  expect(md.text).toContain('| Time | Event | Kind | Link |');
  expect(md.text).toContain('```mermaid\ntimeline');
  // The action items once, as a table whose Done column says what is done.
  expect(md.text).toMatch(/\| Test the redis-py fix[^\n]*\| Yes \|\n/);
  expect(md.text).not.toMatch(/- \[x\]/);

  const html = await exportAs(page, 'Download HTML');
  expect(html.name).toMatch(/\.html$/);
  expect(html.text).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';");
  expect(html.text).not.toContain('<script');
  expect(html.text).toContain('<h2>Timeline</h2>');

  const json = await exportAs(page, 'Download JSON');
  expect(json.name).toMatch(/\.json$/);
  const doc = JSON.parse(json.text);
  expect(doc.schema_version).toBe(3);
  expect(doc.header.time_zone).toBe('America/Los_Angeles');
  expect(doc.timeline[0].time).toBe('2023-03-20T01:00:00-07:00');

  // The exported page opens on its own and shows the report.
  const standalone = await page.context().newPage();
  await standalone.setContent(html.text);
  await expect(standalone.getByRole('heading', { level: 1 })).toContainText('ChatGPT showed some users');
  await standalone.close();
});

test('Copy Markdown puts the report without its front matter on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExample(page);
  const md = await exportAs(page, 'Download Markdown');
  expect(md.text.startsWith('---\n')).toBe(true);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Copy Markdown' }).click();
  await expect(page.getByText('Markdown copied to the clipboard.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // Pasted into a comment or a wiki, front matter would turn into one huge heading.
  expect(copied.startsWith('# ChatGPT showed some users')).toBe(true);
  expect(copied).toBe(md.text.replace(/^---\n[\s\S]*?\n---\n\n/, ''));
});

for (const [kind, item] of [['json', 'Download JSON'], ['md', 'Download Markdown']]) {
  test(`importing the exported .${kind} creates a new draft equal to the original`, async ({ page }) => {
    const app = await openExample(page);
    const original = await exportAs(page, 'Download JSON');
    const exported = await exportAs(page, item);
    const before = await app.draftList().getByRole('listitem').count();
    await importFile(page, exported.name, exported.text);
    await expect(page.getByText(/Imported “ChatGPT showed some users/)).toBeVisible();
    await expect(app.draftList().getByRole('listitem')).toHaveCount(before + 1);
    const again = await exportAs(page, 'Download JSON');
    expect(again.text).toBe(original.text);
    await expect(app.row('Timeline', 'Event 1').getByLabel('Time', { exact: true })).toHaveValue('01:00');
    await expect(app.row('Timeline', 'Event 1').getByLabel('Date', { exact: true })).toHaveValue('2023-03-20');
  });
}

test('a dropped file is imported too', async ({ page }) => {
  const app = await openExample(page);
  const exported = await exportAs(page, 'Download Markdown');
  const dataTransfer = await page.evaluateHandle(({ name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/markdown' }));
    return dt;
  }, exported);
  const before = await app.draftList().getByRole('listitem').count();
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(app.draftList().getByRole('listitem')).toHaveCount(before + 1);
});

test('a broken JSON file shows an alert and changes nothing', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Summary', 'Summary').fill('Untouched');
  await app.expectSaved();
  const storage = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await storage();
  await importFile(page, 'broken.json', '{ "schema_version": 1, "header": ');
  await expect(page.getByRole('alert')).toContainText('Could not import “broken.json”: The file is not valid JSON');
  expect(await storage()).toBe(before);
  await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
  await expect(app.field('Summary', 'Summary')).toHaveValue('Untouched');

  await importFile(page, 'empty.md', '  \n\n');
  await expect(page.getByRole('alert')).toContainText('Could not import “empty.md”: The file has no text to import.');
  expect(await storage()).toBe(before);

  // Markdown written elsewhere is mapped, and nothing is stored until the user says so.
  await importFile(page, 'notes.md', '# My notes\n\nNot from Hindsight');
  const dialog = page.getByRole('dialog', { name: 'Where each part went' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel the import' }).click();
  expect(await storage()).toBe(before);
});

test('a backup restored into a fresh browser brings back every draft', async ({ page, browser }) => {
  const app = await openExample(page);
  await app.newDraft('Lightweight');
  await app.field('Header', 'Title').fill('Second draft');
  await app.field('Summary', 'Summary').fill('Backed up text');
  await app.expectSaved();
  await expect(page.getByText('Not backed up yet.')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.draftList().getByRole('button', { name: 'Back up all drafts' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hindsight-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByText(/^Last backed up /)).toBeVisible();
  const backup = await fs.readFile(await download.path(), 'utf8');

  const fresh = await browser.newContext();
  const other = new EditorPage(await fresh.newPage());
  await other.open();
  await other.page.getByLabel('Restore', { exact: true }).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  // The example and the second draft: the first visit's empty draft went when it was left.
  await expect(other.page.getByText('Restored 2 drafts.')).toBeVisible();
  await expect(other.draftItems('ChatGPT showed some users')).toHaveCount(1);
  await other.draftItems('Second draft').locator('.draft-open').click();
  await expect(other.field('Summary', 'Summary')).toHaveValue('Backed up text');
  // Restoring the same file again keeps both copies.
  await other.page.getByLabel('Restore', { exact: true }).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
  await expect(other.draftItems('Second draft')).toHaveCount(2);
  await fresh.close();
});

test('a share link opens read-only in a fresh browser and saves as a new draft', async ({ page, browser }) => {
  await openExample(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Share link' }).click();
  const link = await page.getByRole('dialog', { name: 'Share link' }).getByLabel('Link').inputValue();
  expect(link).toMatch(/\/hindsight\/#share=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  const shared = other.getByRole('region', { name: 'Shared postmortem (read-only)' });
  await expect(shared).toContainText('redis-py');
  await expect(other.getByRole('main', { name: 'Postmortem form' })).toHaveCount(0);
  await shared.getByRole('button', { name: 'Save as new draft' }).click();
  const app = new EditorPage(other);
  await expect(app.field('Header', 'Title')).toHaveValue(/ChatGPT showed some users/);
  expect(new URL(other.url()).hash).toBe('');
  await other.reload();
  await expect(app.draftItems('ChatGPT showed some users')).toHaveCount(1);
  await fresh.close();
});

test('a damaged share link explains itself and the app still works', async ({ page }) => {
  const app = new EditorPage(page);
  await page.goto('./#share=not*a*link');
  await expect(page.getByRole('alert')).toContainText('This share link could not be opened');
  await expect(app.section('Header')).toBeVisible();
});

test('printing shows the report alone', async ({ page }) => {
  const app = await openExample(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('main', { name: 'Postmortem form' })).toBeHidden();
  await expect(app.draftList()).toBeHidden();
  await expect(app.preview('Summary')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeHidden();
});

test('the Export menu closes on an outside click or Escape and gives the focus back', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const button = page.getByRole('button', { name: 'Export', exact: true });
  const menu = page.getByRole('menu', { name: 'Export' });
  await button.click();
  await expect(menu).toBeVisible();
  await app.field('Header', 'Title').click();
  await expect(menu).toBeHidden();
  await button.click();
  await app.field('Summary', 'Summary').focus();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();
});

for (const lang of LANGUAGES) {
  test(`[${lang}] the Export menu is a menu button: arrows, Home, End and Escape`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const button = page.getByRole('button', { name: app.t('Export'), exact: true });
    const menu = page.getByRole('menu', { name: app.t('Export') });
    const item = (name) => menu.getByRole('menuitem', { name: app.t(name) });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toBeVisible();
    await expect(item('Download Markdown')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Copy Markdown')).toBeFocused();
    await page.keyboard.press('End');
    await expect(item('Share link')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(item('Download Markdown')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Share link')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(item('Download Markdown')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(item('Share link')).toBeFocused();
  });
}
