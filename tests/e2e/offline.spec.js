// Installable and offline: after one visit the app and its drafts open with the server gone,
// under a sub-path; a new deploy waits for the user's Reload; a plain-http host without
// service workers works as before. Each test runs against a server of its own, which it stops.
import { test, expect, chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';
import { expectSaved, openExample, startServer, themeSelect, waitForServiceWorker } from './pwa-helpers.js';

/** The app served by `server`, in `lang`. */
async function openOn(page, server, lang, url = server.url) {
  const app = new EditorPage(page, lang);
  const response = await page.goto(url);
  if (lang !== 'en') await app.useLanguage(lang);
  await expect(app.section('Header')).toBeVisible();
  return { app, response };
}

for (const lang of LANGUAGES) {
  test(`[${lang}] after one visit, the app and its drafts open with the server stopped, under /hindsight/`, async ({ page, context }) => {
    const server = await startServer();
    // Quiet: nothing, from the page or the worker, goes to another origin.
    const elsewhere = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(`${server.origin}/`)) elsewhere.push(r.url());
    });
    try {
      const { app } = await openOn(page, server, lang);
      await waitForServiceWorker(page);
      expect(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL)).toBe(`${server.url}sw.js`);
      await app.field('Header', 'Title').fill(`Written before the outage (${lang})`);
      await expectSaved(app);
      const deepLink = page.url();
      expect(deepLink).toMatch(/\/hindsight\/\?draft=/);

      await server.stop();
      await expect(fetch(server.url)).rejects.toThrow();

      // Reload: the page comes from the service worker, the app starts, the draft is there.
      const reloaded = await page.reload();
      expect(reloaded.fromServiceWorker()).toBe(true);
      expect(reloaded.status()).toBe(200);
      await expect(app.field('Header', 'Title')).toHaveValue(`Written before the outage (${lang})`);
      await expect(app.preview('Header').locator('h1')).toHaveText(`Written before the outage (${lang})`);

      // Work goes on offline, and survives another reload.
      await app.field('Header', 'Title').fill(`Written during the outage (${lang})`);
      await expectSaved(app);
      await page.reload();
      await expect(app.field('Header', 'Title')).toHaveValue(`Written during the outage (${lang})`);

      // A deep link opened afresh, and the bare folder, are the same cached page.
      for (const url of [deepLink, server.url]) {
        const fresh = await context.newPage();
        const again = new EditorPage(fresh, lang);
        const response = await fresh.goto(url);
        expect(response.fromServiceWorker()).toBe(true);
        await expect(again.field('Header', 'Title')).toHaveValue(`Written during the outage (${lang})`);
        await fresh.close();
      }

      // The worked example is a file of its own, fetched only when asked: precached, so it
      // opens offline too, in the interface's language.
      await openExample(app);
      await expect(app.field('Header', 'Title')).toHaveValue(
        lang === 'en' ? "ChatGPT showed some users other users' chat titles and payment details" : 'ChatGPT 部分使用者看到他人的對話標題與付款資訊');

      // The customer version and the incidents overview are modules of their own, fetched
      // when first shown: precached, so they open offline too.
      for (const name of lang === 'en' ? ['Customer version', 'Incidents'] : ['對外版本', '事件總覽']) {
        await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
        await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
      }
      expect(elsewhere).toEqual([]);
    } finally {
      await server.dispose();
    }
  });

  test(`[${lang}] a new deploy waits for Reload instead of switching under the user's feet`, async ({ page }) => {
    const server = await startServer();
    try {
      const { app } = await openOn(page, server, lang);
      await waitForServiceWorker(page);
      await app.field('Header', 'Title').fill(`Kept across the update (${lang})`);
      await expectSaved(app);
      const cachesBefore = await page.evaluate(() => caches.keys());
      expect(cachesBefore).toHaveLength(1);

      // A deploy: every build writes its own version into sw.js.
      const worker = path.join(server.root, 'hindsight', 'sw.js');
      const text = fs.readFileSync(worker, 'utf8');
      expect(text).toMatch(/const VERSION = "[0-9a-f]{16}";/);
      fs.writeFileSync(worker, text.replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "$1-next";'));
      await page.evaluate(() => { window.stillTheSamePage = true; });
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

      const notice = page.getByRole('status').filter({ hasText: app.t('A new version is ready') });
      await expect(notice).toBeVisible();
      // Nothing has switched: the same page, the new version waiting.
      expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting))).toBe(true);

      const loaded = page.waitForEvent('load');
      await notice.getByRole('button', { name: app.t('Reload') }).click();
      await loaded;
      await expect(app.field('Header', 'Title')).toHaveValue(`Kept across the update (${lang})`);
      expect(await page.evaluate(() => window.stillTheSamePage)).toBeUndefined();
      await expect(page.getByRole('status').filter({ hasText: app.t('A new version is ready') })).toHaveCount(0);
      // The new version controls the page, and the old version's files are gone.
      const cachesAfter = await page.evaluate(() => caches.keys());
      expect(cachesAfter).toHaveLength(1);
      expect(cachesAfter[0]).toMatch(/-next$/);
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting))).toBe(false);
    } finally {
      await server.dispose();
    }
  });

  test(`[${lang}] a plain-http host without service workers keeps working`, async () => {
    const server = await startServer();
    // A name other than localhost on plain http is not a secure context, so the browser
    // offers no service worker there, as on an intranet host.
    const { launchOptions } = test.info().project.use;
    const browser = await chromium.launch({
      ...launchOptions,
      args: [...launchOptions.args, '--host-resolver-rules=MAP hindsight.example 127.0.0.1'],
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      const { app } = await openOn(page, server, lang, `http://hindsight.example:${server.port}/hindsight/`);
      expect(await page.evaluate(() => [window.isSecureContext, 'serviceWorker' in navigator])).toEqual([false, false]);
      await app.field('Header', 'Title').fill(`Intranet (${lang})`);
      await expectSaved(app);
      await page.reload();
      await expect(app.field('Header', 'Title')).toHaveValue(`Intranet (${lang})`);
      await themeSelect(app).selectOption({ label: app.t('Dark') });
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.dispose();
    }
  });
}
