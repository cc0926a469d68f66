// The connected folder (issue 21), in both UI languages, through a test double of the
// directory picker that hands the app an origin-private folder: the same handle type as a
// folder on disk. Files are changed "on disk" by writing to that folder from the test, as a
// `git pull` would.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

const WORDS = {
  connect: ['Connect a folder', '連結資料夾'],
  check: ['Check the folder', '檢查資料夾'],
  reconnect: ['Reconnect', '重新連結'],
  disconnect: ['Disconnect', '中斷連結'],
  connected: ['Connected to team', '已連結 team'],
  savedTo: ['Saved to ', '已存到 '],
  mergeTitle: ['Changed in the folder and here', '資料夾與這裡都改了'],
  summaryConflict: ['Changed in the folder and here: Summary', '資料夾與這裡都改了：摘要'],
  takeFolder: ["Take the folder's", '採用資料夾的'],
  apply: ['Keep these choices', '套用這些選擇'],
  deleted: ['Deleted from the folder: keep the draft?', '已從資料夾刪除：要保留草稿嗎？'],
  keepDraft: ['Keep the draft', '保留草稿'],
  inFolder: ['In the folder (1)', '資料夾中（1）'],
  impact: ['Impact', '影響說明'],
  nothingChanged: ['Checked the folder: nothing changed.', '已檢查資料夾：沒有變更。'],
  oneChanged: ['Checked the folder: 1 file changed.', '已檢查資料夾：1 個檔案有變更。'],
};
const w = (lang, key) => WORDS[key][lang === 'en' ? 0 : 1];

// The picker hands out the origin-private folder "team"; `permission` in sessionStorage
// stands for what the browser answers queryPermission with on a later visit.
async function withPicker(page) {
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      return root.getDirectoryHandle('team', { create: true });
    };
    const proto = Object.getPrototypeOf(Object.getPrototypeOf(FileSystemDirectoryHandle.prototype)) === FileSystemHandle.prototype
      ? FileSystemHandle.prototype : FileSystemDirectoryHandle.prototype;
    proto.queryPermission = async () => sessionStorage.getItem('permission') || 'granted';
    proto.requestPermission = async () => {
      window.__requested = (window.__requested || 0) + 1;
      sessionStorage.setItem('permission', 'granted');
      return 'granted';
    };
  });
}

const onDisk = {
  async files(page) {
    return page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('team', { create: true });
      const out = {};
      for await (const [name, handle] of dir.entries()) {
        // A write in progress has a swap file beside its file for a moment.
        if (handle.kind !== 'file' || name.endsWith('.crswap')) continue;
        try {
          out[name] = await (await handle.getFile()).text();
        } catch {
          // Replaced by the write that was in progress: read on the next poll.
        }
      }
      return out;
    });
  },
  async write(page, name, text) {
    await page.evaluate(async ({ name, text }) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('team', { create: true });
      const file = await dir.getFileHandle(name, { create: true });
      const w = await file.createWritable();
      await w.write(text);
      await w.close();
    }, { name, text });
  },
  async remove(page, name) {
    await page.evaluate(async (name) => {
      const root = await navigator.storage.getDirectory();
      const dir = await root.getDirectoryHandle('team', { create: true });
      await dir.removeEntry(name);
    }, name);
  },
  async clear(page) {
    await page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      await root.removeEntry('team', { recursive: true }).catch(() => {});
    });
  },
};

/// Connects the folder and writes a first draft into it; returns the file's name.
async function connectAndSave(app, lang) {
  await withPicker(app.page);
  await app.open();
  await onDisk.clear(app.page);
  await app.draftList().getByRole('button', { name: w(lang, 'connect') }).click();
  await expect(app.draftList().getByText(w(lang, 'connected'))).toBeVisible();
  await app.field('Header', 'Title').fill('Checkout down');
  await app.field('Summary', 'Summary').fill('Checkout failed.');
  await app.expectSaved();
  await expect(app.draftList().getByRole('status').filter({ hasText: w(lang, 'savedTo') })).toContainText('checkout-down.md');
  const files = await onDisk.files(app.page);
  const name = Object.keys(files).find((n) => n.endsWith('checkout-down.md'));
  expect(name).toBeTruthy();
  return name;
}

for (const lang of LANGUAGES) {
  test(`[${lang}] a draft typed in the app is its Markdown file in the connected folder`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    const name = await connectAndSave(app, lang);
    const text = (await onDisk.files(page))[name];
    expect(text.startsWith('---\nschema_version: 3\n')).toBe(true);
    expect(text).toContain('title: "Checkout down"');
    expect(text).toContain('Checkout failed.');
    // Each save writes it again, within a second.
    await app.field('Summary', 'Summary').fill('Checkout failed for 40 minutes.');
    await app.expectSaved();
    await expect.poll(async () => (await onDisk.files(page))[name], { timeout: 1500 }).toContain('Checkout failed for 40 minutes.');
  });

  test(`[${lang}] a teammate's edit to another field appears in the open draft with no dialog`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    const name = await connectAndSave(app, lang);
    const text = (await onDisk.files(page))[name];
    // A teammate filled Impact; the change arrives with a git pull.
    await onDisk.write(page, name, text.replace('Checkout failed.\n', 'Checkout failed.\n\n## Impact\n\n1,200 customers could not pay.\n'));
    await app.draftList().getByRole('button', { name: w(lang, 'check') }).click();
    await expect(app.field('Impact', w(lang, 'impact'))).toHaveValue('1,200 customers could not pay.');
    await expect(app.field('Summary', 'Summary')).toHaveValue('Checkout failed.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByText(w(lang, 'oneChanged'))).toBeVisible();
    // Coming back to the tab checks too; nothing changed since.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await app.draftList().getByRole('button', { name: w(lang, 'check') }).click();
    await expect(page.getByText(w(lang, 'nothingChanged'))).toBeVisible();
  });

  test(`[${lang}] a teammate's edit to the same field asks, showing both and the base`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    const name = await connectAndSave(app, lang);
    const text = (await onDisk.files(page))[name];
    await onDisk.write(page, name, text.replace('Checkout failed.', 'A config push broke checkout.'));
    await app.field('Summary', 'Summary').fill('Checkout failed for 40 minutes.');
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const dialog = page.getByRole('dialog', { name: w(lang, 'mergeTitle') });
    await expect(dialog).toBeVisible();
    const conflict = dialog.getByRole('group', { name: w(lang, 'summaryConflict') });
    await expect(conflict).toContainText('Checkout failed.');
    await expect(conflict).toContainText('A config push broke checkout.');
    await expect(conflict).toContainText('Checkout failed for 40 minutes.');
    // Nothing was written over the teammate's text while it asks.
    expect((await onDisk.files(page))[name]).toContain('A config push broke checkout.');
    await conflict.getByLabel(w(lang, 'takeFolder')).check();
    await dialog.getByRole('button', { name: w(lang, 'apply') }).click();
    await expect(app.field('Summary', 'Summary')).toHaveValue('A config push broke checkout.');
    await app.expectSaved();
    expect((await onDisk.files(page))[name]).toContain('A config push broke checkout.');
  });

  test(`[${lang}] a file deleted on disk asks before its draft goes, and the kept draft is written again`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    const name = await connectAndSave(app, lang);
    await onDisk.remove(page, name);
    await app.draftList().getByRole('button', { name: w(lang, 'check') }).click();
    const alert = page.getByRole('alert').filter({ hasText: w(lang, 'deleted') });
    await expect(alert).toContainText(name);
    await expect(app.draftItems('Checkout down')).toHaveCount(1);
    await alert.getByRole('button', { name: w(lang, 'keepDraft') }).click();
    await app.field('Summary', 'Summary').fill('Kept, and saved again.');
    await app.expectSaved();
    await expect.poll(async () => (await onDisk.files(page))[name] || '').toContain('Kept, and saved again.');
  });

  test(`[${lang}] the folder's other postmortems are listed, and one opens as a draft saved as its file`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    const name = await connectAndSave(app, lang);
    const text = (await onDisk.files(page))[name];
    const theirs = text.replace('title: "Checkout down"', 'title: "Queue stalled"').replace('# Checkout down', '# Queue stalled');
    await onDisk.write(page, 'queue-stalled.md', theirs);
    await app.draftList().getByRole('button', { name: w(lang, 'check') }).click();
    await expect(app.draftList().getByText(w(lang, 'inFolder'))).toBeVisible();
    await app.draftList().getByRole('button', { name: lang === 'en' ? 'Open Queue stalled' : '開啟 Queue stalled' }).click();
    await expect(app.field('Header', 'Title')).toHaveValue('Queue stalled');
    await app.field('Summary', 'Summary').fill('Edited from the folder.');
    await app.expectSaved();
    await expect.poll(async () => (await onDisk.files(page))['queue-stalled.md']).toContain('Edited from the folder.');
    expect(Object.keys(await onDisk.files(page)).sort()).toEqual([name, 'queue-stalled.md'].sort());
  });

  test(`[${lang}] on a later visit without permission, Reconnect asks for it and the folder comes back`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await connectAndSave(app, lang);
    await page.evaluate(() => sessionStorage.setItem('permission', 'prompt'));
    await page.reload();
    if (lang !== 'en') await app.useLanguage(lang);
    const reconnect = app.draftList().getByRole('button', { name: w(lang, 'reconnect') });
    await expect(reconnect).toBeVisible();
    await expect(app.draftList().getByRole('button', { name: w(lang, 'connect') })).toHaveCount(0);
    await reconnect.click();
    await expect(app.draftList().getByText(w(lang, 'connected'))).toBeVisible();
    expect(await page.evaluate(() => window.__requested)).toBe(1);
  });
}

for (const lang of LANGUAGES) {
  test(`[${lang}] where the browser cannot write to a folder, Connect is absent and the panel says why`, async ({ page }) => {
    await page.addInitScript(() => {
      delete Window.prototype.showDirectoryPicker;
      delete window.showDirectoryPicker;
    });
    const app = new EditorPage(page, lang);
    await app.open();
    await expect(app.draftList().getByRole('button', { name: w(lang, 'connect') })).toHaveCount(0);
    await expect(app.draftList().getByText(lang === 'en' ? 'This browser cannot write to a folder' : '這個瀏覽器無法寫入資料夾')).toBeVisible();
  });
}
