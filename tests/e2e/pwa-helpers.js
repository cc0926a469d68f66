// Helpers for the offline, theme and print tests: a static server of the test's own that it
// can stop, waiting for the service worker, and the page count of a PDF.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from '@playwright/test';

/** The theme control of the top bar, "Theme" (主題). */
export function themeSelect(app) {
  return app.page.getByLabel(app.t('Theme'), { exact: true });
}

/** "Saved" (已儲存), in the save indicator. */
export async function expectSaved(app) {
  await expect(app.page.getByRole('status').filter({ hasText: new RegExp(`^${app.t('Saved')}$`) })).toBeVisible();
}

/** Opens the worked example from the drafts list (its panel first, on a phone). */
export async function openExample(app) {
  const toggle = app.page.getByRole('button', { name: app.t('Drafts'), exact: true });
  if (await toggle.isVisible()) await toggle.click();
  await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
  await expect(app.field('Header', 'Title')).toHaveValue(/ChatGPT/);
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
