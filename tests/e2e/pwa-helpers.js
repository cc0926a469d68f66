// Helpers for the offline, theme and print tests: the words they look for in both UI
// languages, the app as a user finds it in either, a static server of the test's own that it
// can stop, and the page count of a PDF.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

export const LANGS = ['en', 'zh-TW'];

/** The interface words the tests find things by (VOCABULARY.md). */
export const WORDS = {
  en: {
    form: 'Postmortem form', header: 'Header', title: 'Title', drafts: 'Drafts',
    openExample: 'Open example', newDraft: 'New draft', saved: 'Saved', export: 'Export',
    downloadHtml: 'Download HTML', showPreview: 'Show preview',
    supporting: 'Supporting information',
    theme: 'Theme', system: 'System', light: 'Light', dark: 'Dark',
    newVersion: 'A new version is ready', reload: 'Reload',
  },
  'zh-TW': {
    form: '事後檢討表單', header: '基本資料', title: '標題', drafts: '草稿',
    openExample: '開啟範例', newDraft: '新增草稿', saved: '已儲存', export: '匯出',
    downloadHtml: '下載 HTML', showPreview: '顯示預覽',
    supporting: '補充資料',
    theme: '主題', system: '跟隨系統', light: '淺色', dark: '深色',
    newVersion: '有新版本', reload: '重新載入',
  },
};

/** Chooses the UI language in the top bar's "Language" (語言) control. */
export async function chooseLanguage(page, lang) {
  const select = page.getByLabel(/^(Language|語言)$/);
  await select.selectOption(lang);
  await expect(page.getByRole('main', { name: WORDS[lang].form })).toBeVisible();
}

/** The app in one UI language, found by role and label as a user would. */
export function app(page, lang) {
  const w = WORDS[lang];
  const form = page.getByRole('main', { name: w.form });
  const section = (name) => form.getByRole('region', { name, exact: true });
  return {
    w,
    section,
    field: (sectionName, label) => section(sectionName).getByLabel(label, { exact: true }),
    title: () => section(w.header).getByLabel(w.title, { exact: true }),
    drafts: () => page.getByRole('navigation', { name: w.drafts }),
    saved: () => page.getByRole('status').filter({ hasText: new RegExp(`^${w.saved}$`) }),
    themeSelect: () => page.getByLabel(w.theme, { exact: true }),
    async openExample() {
      await this.drafts().getByRole('button', { name: w.openExample }).click();
      await expect(this.title()).toHaveValue(/ChatGPT/);
    },
  };
}

/** Waits until a service worker is active and controls the page. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
      });
    }
  });
}

/**
 * A plain static server of dist/ under /hindsight/, on a free port, that the test can stop
 * (the config's own server lives for the whole run). Playwright's offline mode does not cover
 * a service worker's fetches; a stopped server does.
 */
export async function startServer() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-e2e-'));
  fs.cpSync('dist', path.join(root, 'hindsight'), { recursive: true });
  const proc = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', root],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/port (\d+)/);
      if (found) resolve(Number(found[1]));
    });
    proc.once('exit', () => reject(new Error(`the test server stopped at once: ${out}`)));
  });
  const origin = `http://127.0.0.1:${port}`;
  let running = true;
  return {
    root,
    port,
    origin,
    url: `${origin}/hindsight/`,
    async stop() {
      if (!running) return;
      running = false;
      const exited = once(proc, 'exit');
      proc.kill('SIGTERM');
      await exited;
    },
    async dispose() {
      await this.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The number of pages of a PDF: its `/Type /Page` objects (not the `/Pages` tree nodes). */
export function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) || []).length;
}
