// Storage faults: each gets a clear alert, and no draft text is lost.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import { EditorPage } from './editor-page.js';

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

test('a stale tab never overwrites newer text: it asks, and Keep both keeps both', async ({ context }) => {
  const a = new EditorPage(await context.newPage());
  await a.open();
  await a.field('Header', 'Title').fill('Shared incident');
  await a.field('Summary', 'Summary').fill('Original text');
  await a.expectSaved();
  const id = a.draftId();
  // Tab B misses the other tab's news (as a suspended tab would), so only the revision
  // check before its own write can catch that it is stale.
  const page = await context.newPage();
  await page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  const b = new EditorPage(page);
  await b.open(`?draft=${id}`);
  await expect(b.field('Summary', 'Summary')).toHaveValue('Original text');

  await a.field('Summary', 'Summary').fill('Text from tab A');
  await a.expectSaved();
  await b.field('Summary', 'Summary').fill('Text from tab B');
  await expect(page.getByRole('alert')).toContainText('changed in another tab');
  await expect(b.status()).toHaveText('Not saved');
  await expect(b.field('Summary', 'Summary')).toHaveValue('Text from tab B');
  const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key)).doc.summary, `hindsight:draft:${id}`);
  expect(await stored()).toBe('Text from tab A');

  await page.getByRole('alert').getByRole('button', { name: 'Keep both' }).click();
  await expect(b.field('Header', 'Title')).toHaveValue('Shared incident (kept from another tab)');
  await expect(b.field('Summary', 'Summary')).toHaveValue('Text from tab B');
  await b.expectSaved();
  expect(await stored()).toBe('Text from tab A');
  await expect(a.draftItems('Shared incident (kept from another tab)')).toHaveCount(1);
});

test('a stale tab can take the other tab\'s version instead', async ({ context }) => {
  const a = new EditorPage(await context.newPage());
  await a.open();
  await a.field('Summary', 'Summary').fill('Original text');
  await a.expectSaved();
  const page = await context.newPage();
  await page.addInitScript(() => window.addEventListener('storage', (e) => e.stopImmediatePropagation(), true));
  const b = new EditorPage(page);
  await b.open(`?draft=${a.draftId()}`);
  await a.field('Summary', 'Summary').fill('Newer text from A');
  await a.expectSaved();
  await b.field('Summary', 'Summary').fill('Stale edit in B');
  await page.getByRole('alert').getByRole('button', { name: "Load the other tab's version" }).click();
  await expect(b.field('Summary', 'Summary')).toHaveValue('Newer text from A');
  await expect(b.status()).toHaveText('Saved');
});
