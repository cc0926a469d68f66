// The first screen before the app's wasm arrives (issue 20): on a first visit the form is
// there at once, its text fields take typing, and the app takes over what was typed, the
// focus and the caret. Each flow runs in a browser that asks for English and in one that
// asks for Traditional Chinese.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editor-page.js';
import { captureShell, SHELL_LANGUAGES, zoneNotYetKnown } from './shell-capture.js';

const APP_WASM = /hindsight-app_bg\.wasm$/;
const FLAWED = path.resolve('tests/e2e/fixtures/flawed-report.md');

/** Holds the app's first module back until `release()`: the page shows only its shell. */
async function holdApp(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(APP_WASM, async (route) => { await held; await route.continue(); });
  return release;
}

const shell = (page) => page.locator('[data-shell]');
const app = (page) => page.locator('body > .app:not([data-shell])');

for (const { lang, locale, file } of SHELL_LANGUAGES) {
  test.describe(`the first screen before the app (${lang})`, () => {
    // The app's module must come from the network, where the test can hold it back.
    test.use({ locale, serviceWorkers: 'block' });

    test('typing starts before the wasm arrives, and the app keeps the text, the focus and the caret', async ({ page }) => {
      const ed = new EditorPage(page, lang);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const release = await holdApp(page);
      await page.goto('./');
      await expect(shell(page)).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-Hant-TW');
      // The form and the preview, found by their names, as in the app.
      await expect(ed.section('Header')).toBeVisible();
      const title = ed.field('Header', 'Title');
      await title.fill('Checkout down for EU users');
      await expect(page.locator('#preview-header h1')).toHaveText('Checkout down for EU users');
      await expect(page).toHaveTitle(/Checkout down for EU users/);
      await ed.field('Header', 'Authors').fill('Dana Lee, Sam Roe');
      await ed.field('Header', 'Incident date').fill('2026-11-30');
      const summary = ed.field('Summary', 'Summary');
      await summary.click();
      await page.keyboard.type('Between 10:00 and 10:40, checkout failed.');
      // Half the words selected, as a writer might before typing over them.
      await summary.evaluate((el) => el.setSelectionRange(8, 13));
      // What needs the app waits for it, disabled.
      await expect(ed.draftList().getByRole('button', { name: ed.t('New draft') })).toBeDisabled();
      await expect(page.getByLabel(/^(Language|語言)$/)).toBeDisabled();
      await expect(app(page)).toHaveCount(0);

      release();
      await expect(app(page)).toHaveCount(1);
      await expect(shell(page)).toHaveCount(0);
      await expect(summary).toBeFocused();
      expect(await summary.evaluate((el) => [el.selectionStart, el.selectionEnd])).toEqual([8, 13]);
      await page.keyboard.type('11:00');
      await expect(summary).toHaveValue('Between 11:00 and 10:40, checkout failed.');
      await expect(title).toHaveValue('Checkout down for EU users');
      await expect(ed.field('Header', 'Authors')).toHaveValue('Dana Lee, Sam Roe');
      await expect(ed.field('Header', 'Incident date')).toHaveValue('2026-11-30');
      await expect(ed.preview('Summary')).toContainText('Between 11:00 and 10:40, checkout failed.');
      await expect(ed.preview('Header')).toContainText('Dana Lee');
      // Stored as a draft of its own, as typing in the app would.
      await ed.expectSaved();
      await expect(ed.draftItems('Checkout down for EU users')).toHaveCount(1);
      await page.reload();
      await expect(title).toHaveValue('Checkout down for EU users');
      await expect(summary).toHaveValue('Between 11:00 and 10:40, checkout failed.');
      expect(errors).toEqual([]);
    });

    test('every field the shell lets one type in reaches the app', async ({ page }) => {
      const release = await holdApp(page);
      await page.goto('./');
      const live = shell(page).locator('[data-live]');
      const ids = await live.evaluateAll((els) => els.map((el) => [el.id, el.type]));
      expect(ids.length).toBeGreaterThan(20);
      const values = {};
      for (const [id, type] of ids) {
        // A zone is taken once it names one, as the app's own zone box takes it.
        values[id] = type === 'date' ? '2026-12-01' : id.endsWith('time-zone') ? 'Asia/Taipei' : `typed into ${id}`;
        await page.locator(`#${id}`).fill(values[id]);
      }
      release();
      await expect(app(page)).toHaveCount(1);
      for (const [id] of ids) {
        // Lists (names, one per line) are written back as the app writes them.
        await expect(page.locator(`#${id}`), id).toHaveValue(values[id]);
      }
    });

    test('a file chosen for import before the app is up is imported once it is', async ({ page }) => {
      const ed = new EditorPage(page, lang);
      const release = await holdApp(page);
      await page.goto('./');
      await expect(shell(page)).toHaveCount(1);
      await page.getByLabel(ed.t('Import'), { exact: true }).setInputFiles(FLAWED);
      release();
      await expect(ed.field('Header', 'Title')).toHaveValue('Checkout failed after a config push');
      await expect(ed.draftItems('Checkout failed after a config push')).toHaveCount(1);
    });

    test('a file dropped on the page before the app is up is imported once it is', async ({ browser }) => {
      const context = await browser.newContext({ locale, serviceWorkers: 'block' });
      const page = await context.newPage();
      const ed = new EditorPage(page, lang);
      const release = await holdApp(page);
      await page.goto('./');
      await expect(shell(page)).toHaveCount(1);
      const text = fs.readFileSync(FLAWED, 'utf8');
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'flawed-report.md', { type: 'text/markdown' }));
        const target = document.querySelector('#summary-summary');
        for (const type of ['dragenter', 'dragover', 'drop']) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      }, text);
      release();
      await expect(ed.field('Header', 'Title')).toHaveValue('Checkout failed after a config push');
      await context.close();
    });

    test('a host that serves .wasm under another type still gets the app, with what was typed', async ({ page }) => {
      const ed = new EditorPage(page, lang);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      let release;
      const held = new Promise((r) => { release = r; });
      await page.route(APP_WASM, async (route) => {
        await held;
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
      });
      await page.goto('./');
      await ed.field('Header', 'Title').fill('Served as octet-stream');
      release();
      await expect(app(page)).toHaveCount(1);
      await expect(ed.field('Header', 'Title')).toHaveValue('Served as octet-stream');
      await expect(ed.preview('Header').locator('h1')).toHaveText('Served as octet-stream');
      expect(errors).toEqual([]);
    });

    test('where the app cannot start, the first screen says that nothing is saved, and keeps the text', async ({ page }) => {
      const ed = new EditorPage(page, lang);
      await page.route(APP_WASM, (route) => route.fulfill({ status: 404, body: '' }));
      await page.goto('./');
      await ed.field('Header', 'Title').fill('Typed while the app failed');
      await expect(page.getByRole('alert')).toHaveText(lang === 'en'
        ? 'Hindsight could not start in this browser, so what you type here is not saved. Copy it somewhere safe, then reload the page.'
        : 'Hindsight 無法在這個瀏覽器中啟動，這裡輸入的內容不會儲存。請先把內容複製到安全的地方，再重新載入頁面。');
      await expect(ed.field('Header', 'Title')).toHaveValue('Typed while the app failed');
      await expect(ed.field('Header', 'Title')).toBeEditable();
    });

    test('should another tab write a first draft meanwhile, what was typed becomes a draft of its own', async ({ context }) => {
      const page = await context.newPage();
      const ed = new EditorPage(page, lang);
      const release = await holdApp(page);
      await page.goto('./');
      await ed.field('Header', 'Title').fill('Typed in this tab');
      const other = await context.newPage();
      const otherEd = new EditorPage(other, lang);
      await other.goto('./');
      await expect(app(other)).toHaveCount(1);
      await otherEd.field('Header', 'Title').fill('Written in the other tab');
      await otherEd.expectSaved();
      release();
      await expect(app(page)).toHaveCount(1);
      await expect(ed.field('Header', 'Title')).toHaveValue('Typed in this tab');
      await ed.expectSaved();
      await expect(ed.draftItems('Typed in this tab')).toHaveCount(1);
      await expect(ed.draftItems('Written in the other tab')).toHaveCount(1);
    });

    test('a returning visitor waits for the app instead of seeing an empty form', async ({ page }) => {
      await page.goto('./');
      const ed = new EditorPage(page, lang);
      await ed.field('Header', 'Title').fill('Already here');
      await ed.expectSaved();
      const release = await holdApp(page);
      await page.reload();
      await page.waitForTimeout(300);
      await expect(shell(page)).toHaveCount(0);
      await expect(page.locator('#header-title')).toHaveCount(0);
      release();
      await expect(ed.field('Header', 'Title')).toHaveValue('Already here');
    });

    test("the shell is the app's first screen (else run `make shell`)", async ({ page }) => {
      await page.addInitScript(zoneNotYetKnown);
      await page.goto('./');
      await expect(app(page)).toHaveCount(1);
      await expect(page.locator('#header-title')).toBeEditable();
      await page.waitForLoadState('networkidle');
      const committed = fs.readFileSync(file, 'utf8').trim();
      expect(await page.evaluate(captureShell)).toBe(committed);
    });
  });
}
