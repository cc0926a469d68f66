// Storage faults: each gets a clear alert, and no draft text is lost.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

const alert = (page) => page.getByRole('alert');

test('a full storage quota keeps the text, says so, and offers a way out', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Summary', 'Summary').fill('Saved before the disk filled');
  await app.expectSaved();
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await app.field('Summary', 'Summary').fill('Typed while storage is full');
  await expect(alert(page)).toContainText("Not saved: the browser's storage is full");
  await expect(app.status()).toHaveText('Not saved');
  await expect(alert(page).getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await expect(alert(page).getByRole('button', { name: 'Back up all drafts' })).toBeVisible();
  await expect(app.field('Summary', 'Summary')).toHaveValue('Typed while storage is full');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert(page).getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(JSON.parse(await fs.readFile(await download.path(), 'utf8')).summary).toBe('Typed while storage is full');

  // Once space is back, the next keystroke saves everything and the alert goes.
  await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
  await app.field('Summary', 'Summary').fill('Typed while storage is full, then saved');
  await app.expectSaved();
  await expect(alert(page)).toBeEmpty();
  await page.reload();
  await expect(app.field('Summary', 'Summary')).toHaveValue('Typed while storage is full, then saved');
});

test('a storage that accepts writes but keeps nothing is caught by reading back', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Summary', 'Summary').fill('Kept before');
  await app.expectSaved();
  await page.evaluate(() => {
    window.__realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { /* says yes, keeps nothing */ };
  });
  await app.field('Summary', 'Summary').fill('Typed into a storage that drops writes');
  await expect(alert(page)).toContainText('Not saved: the browser accepted the text but did not keep it');
  await expect(app.status()).toHaveText('Not saved');
  await expect(app.field('Summary', 'Summary')).toHaveValue('Typed into a storage that drops writes');
  await page.evaluate(() => { Storage.prototype.setItem = window.__realSetItem; });
  await app.field('Summary', 'Summary').fill('Typed into a storage that drops writes, then kept');
  await app.expectSaved();
  await page.reload();
  await expect(app.field('Summary', 'Summary')).toHaveValue('Typed into a storage that drops writes, then kept');
});

test('any other exception from setItem also counts as not saved', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await page.evaluate(() => {
    Storage.prototype.setItem = function () { throw new Error('disk on fire'); };
  });
  await app.field('Summary', 'Summary').fill('Still here');
  await expect(alert(page)).toContainText('Not saved: the browser refused to store it');
  await expect(app.field('Summary', 'Summary')).toHaveValue('Still here');
  await expect(app.preview('Summary')).toContainText('Still here');
});

test('without local storage the app runs in memory and says drafts will not survive', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Storage is disabled', 'SecurityError'); },
    });
  });
  const app = new EditorPage(page);
  await app.open();
  await expect(alert(page)).toContainText('will not survive a reload');
  await expect(alert(page).getByRole('button', { name: 'Back up all drafts' })).toBeVisible();
  await app.field('Summary', 'Summary').fill('Works **in memory**');
  await expect(app.preview('Summary').locator('strong')).toHaveText('in memory');
  await expect(app.status()).toHaveText('Kept in this tab only');
});

test('a corrupt stored value is set aside, offered for download and never overwritten', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('Healthy draft');
  await app.expectSaved();
  await page.evaluate(() => {
    localStorage.setItem('hindsight:draft:broken1', '{"id":"broken1","doc":{"summary":"half a dra');
    localStorage.setItem('hindsight:draft:broken2', '[1, "x", []]');
  });
  await page.reload();
  await expect(alert(page)).toContainText('2 stored values could not be read as drafts');
  await expect(app.draftItems('Healthy draft')).toHaveCount(1);
  const stored = await page.evaluate(() => ({
    original: localStorage.getItem('hindsight:draft:broken1'),
    aside: localStorage.getItem('hindsight:quarantine:broken1'),
  }));
  expect(stored.original).toBeNull();
  expect(stored.aside).toBe('{"id":"broken1","doc":{"summary":"half a dra');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert(page).getByRole('button', { name: 'Download unreadable data' }).click(),
  ]);
  const saved = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
  expect(saved['hindsight:quarantine:broken1']).toBe('{"id":"broken1","doc":{"summary":"half a dra');
  expect(saved['hindsight:quarantine:broken2']).toBe('[1, "x", []]');
  await alert(page).getByRole('button', { name: 'Discard it' }).click();
  await page.reload();
  await expect(alert(page)).toBeEmpty();
});

test('a draft from a newer schema opens read-only and is never rewritten', async ({ page }) => {
  const future = JSON.stringify({
    id: 'future1', rev: 4, created_at: 1, updated_at: 9_999_999_999_999,
    doc: { schema_version: 99, header: { title: 'From the future' }, summary: 'Written by **v2**', hologram: { fancy: true } },
  });
  const app = new EditorPage(page);
  await app.open();
  await page.evaluate((value) => localStorage.setItem('hindsight:draft:future1', value), future);
  await page.goto('./?draft=future1');
  await expect(page.getByRole('note')).toContainText('written by a newer version of Hindsight (schema 99)');
  await expect(app.field('Header', 'Title')).toHaveValue('From the future');
  await expect(app.field('Header', 'Title')).toBeDisabled();
  await expect(app.preview('Summary').locator('strong')).toHaveText('v2');
  await expect(app.draftItems('From the future')).toContainText('Read-only');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => localStorage.getItem('hindsight:draft:future1'))).toBe(future);
});

test('a tab with no unsaved edits follows another tab writing the same draft', async ({ context }) => {
  const a = new EditorPage(await context.newPage());
  await a.open();
  await a.field('Header', 'Title').fill('Shared incident');
  await a.expectSaved();
  const b = new EditorPage(await context.newPage());
  await b.open(`?draft=${a.draftId()}`);
  await a.field('Summary', 'Summary').fill('Edited in tab A');
  await a.expectSaved();
  await expect(b.field('Summary', 'Summary')).toHaveValue('Edited in tab A');
  await expect(b.draftItems('Shared incident')).toHaveCount(1);
});

// Tab B misses the other tab's news (as a suspended tab would), so only the revision check
// before its own write can find that it is stale: the merge happens there.
async function staleTab(context, lang, id) {
  const page = await context.newPage();
  await page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  const b = new EditorPage(page, lang);
  await b.open(`?draft=${id}`);
  return b;
}

const MERGE = {
  title: ['Changed in another tab and here', '另一個分頁與這裡都改了'],
  summary: ['Changed in another tab and here: Summary', '另一個分頁與這裡都改了：摘要'],
  take: ["Take the other tab's", '採用另一個分頁的'],
  apply: ['Keep these choices', '套用這些選擇'],
  keepBoth: ['Keep both', '兩份都保留'],
  // The kept copy is titled in the report's language, English here in both UIs.
  kept: [' (kept from another tab)', ' (kept from another tab)'],
  impact: ['Impact', '影響說明'],
  status: ['Not saved', '未儲存'],
  saved: ['Saved', '已儲存'],
};
const m = (lang, key) => MERGE[key][lang === 'en' ? 0 : 1];

for (const lang of LANGUAGES) {
  test(`[${lang}] two tabs editing different fields of one draft both keep their edits, with no dialog`, async ({ context }) => {
    const a = new EditorPage(await context.newPage(), lang);
    await a.open();
    await a.field('Header', 'Title').fill('Shared incident');
    await a.field('Summary', 'Summary').fill('Original text');
    await a.expectSaved();
    const id = a.draftId();
    const b = await staleTab(context, lang, id);
    await expect(b.field('Summary', 'Summary')).toHaveValue('Original text');

    await a.field('Summary', 'Summary').fill('Summary from tab A');
    await a.expectSaved();
    await b.field('Impact', m(lang, 'impact')).fill('Impact from tab B');
    // B's write found A's newer revision and merged it: both edits, no question.
    await expect(b.field('Summary', 'Summary')).toHaveValue('Summary from tab A');
    await expect(b.field('Impact', m(lang, 'impact'))).toHaveValue('Impact from tab B');
    await expect(b.page.getByRole('dialog')).toHaveCount(0);
    await expect(b.status()).toHaveText(m(lang, 'saved'));
    const stored = await b.page.evaluate((key) => JSON.parse(localStorage.getItem(key)).doc, `hindsight:draft:${id}`);
    expect(stored.summary).toBe('Summary from tab A');
    expect(stored.impact.description).toBe('Impact from tab B');
    // A follows through the storage event.
    await expect(a.field('Impact', m(lang, 'impact'))).toHaveValue('Impact from tab B');
  });

  test(`[${lang}] two tabs editing the same field ask, showing both texts, and the choice is kept`, async ({ context }) => {
    const a = new EditorPage(await context.newPage(), lang);
    await a.open();
    await a.field('Summary', 'Summary').fill('Original text');
    await a.expectSaved();
    const id = a.draftId();
    const b = await staleTab(context, lang, id);
    await a.field('Summary', 'Summary').fill('Newer text from A');
    await a.expectSaved();
    await b.field('Summary', 'Summary').fill('Stale edit in B');
    const dialog = b.page.getByRole('dialog', { name: m(lang, 'title') });
    await expect(dialog).toBeVisible();
    const conflict = dialog.getByRole('group', { name: m(lang, 'summary') });
    await expect(conflict).toContainText('Original text');
    await expect(conflict).toContainText('Newer text from A');
    await expect(conflict).toContainText('Stale edit in B');
    await expect(b.status()).toHaveText(m(lang, 'status'));
    const stored = () => b.page.evaluate((key) => JSON.parse(localStorage.getItem(key)).doc.summary, `hindsight:draft:${id}`);
    expect(await stored()).toBe('Newer text from A');
    await conflict.getByLabel(m(lang, 'take')).check();
    await dialog.getByRole('button', { name: m(lang, 'apply') }).click();
    await expect(dialog).toBeHidden();
    await expect(b.field('Summary', 'Summary')).toHaveValue('Newer text from A');
    await expect(b.status()).toHaveText(m(lang, 'saved'));
  });

  test(`[${lang}] a stale tab never overwrites newer text, and Keep both keeps both`, async ({ context }) => {
    const a = new EditorPage(await context.newPage(), lang);
    await a.open();
    await a.field('Header', 'Title').fill('Shared incident');
    await a.field('Summary', 'Summary').fill('Original text');
    await a.expectSaved();
    const id = a.draftId();
    const b = await staleTab(context, lang, id);
    await a.field('Summary', 'Summary').fill('Text from tab A');
    await a.expectSaved();
    await b.field('Summary', 'Summary').fill('Text from tab B');
    const dialog = b.page.getByRole('dialog', { name: m(lang, 'title') });
    await expect(dialog).toBeVisible();
    // Closing the dialog leaves the alert, which opens it again.
    await b.page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(b.page.getByRole('alert')).toContainText(lang === 'en' ? 'changed in another tab' : '另一個分頁也改了');
    await b.page.getByRole('alert').getByRole('button', { name: lang === 'en' ? 'Choose what to keep' : '選擇要保留的內容' }).click();
    await dialog.getByRole('button', { name: m(lang, 'keepBoth') }).click();
    await expect(b.field('Header', 'Title')).toHaveValue(`Shared incident${m(lang, 'kept')}`);
    await expect(b.field('Summary', 'Summary')).toHaveValue('Text from tab B');
    await b.expectSaved();
    const stored = await b.page.evaluate((key) => JSON.parse(localStorage.getItem(key)).doc.summary, `hindsight:draft:${id}`);
    expect(stored).toBe('Text from tab A');
    await expect(a.draftItems(`Shared incident${m(lang, 'kept')}`)).toHaveCount(1);
  });
}

test.describe('an example the host lost', () => {
  // The request must reach the route below, not the service worker's cache.
  test.use({ serviceWorkers: 'block' });
  for (const lang of LANGUAGES) {
    test(`[${lang}] an example the host does not serve gets a clear alert, and the open draft stays`, async ({ page }) => {
      // The worked example is fetched when asked (assets/examples/); a host that lost it.
      await page.route('**/examples/*.json', (route) => route.fulfill({ status: 404, body: 'not here' }));
      const app = new EditorPage(page, lang);
      await app.open();
      await app.field('Header', 'Title').fill('Kept while the example fails');
      await app.expectSaved();
      const toggle = page.getByRole('button', { name: app.t('Drafts'), exact: true });
      if (await toggle.isVisible()) await toggle.click();
      await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
      await expect(alert(page)).toContainText(lang === 'en'
        ? 'The example could not be loaded. Open Hindsight once while online, then try again.'
        : '無法載入範例。請先在連線時開啟 Hindsight 一次，再試一次。');
      await expect(app.field('Header', 'Title')).toHaveValue('Kept while the example fails');
      await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
    });
  }
});
