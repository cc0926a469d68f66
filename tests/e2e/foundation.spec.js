// The pipeline end to end: type, see the rendered preview, reload, text restored.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';

test('typing renders Markdown in the preview and survives a reload', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('Database failover stalled');
  await app.field('Summary', 'Summary').fill('Writes **failed** for _twelve_ minutes.');
  await expect(app.preview('Header').locator('h1')).toHaveText('Database failover stalled');
  await expect(app.preview('Summary').locator('strong')).toHaveText('failed');
  await expect(app.preview('Summary').locator('em')).toHaveText('twelve');
  await app.expectSaved();

  await page.reload();
  await expect(app.field('Header', 'Title')).toHaveValue('Database failover stalled');
  await expect(app.field('Summary', 'Summary')).toHaveValue('Writes **failed** for _twelve_ minutes.');
  await expect(app.preview('Summary').locator('strong')).toHaveText('failed');
});

test('the app starts under its Content-Security-Policy with no errors', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const app = new EditorPage(page);
  await app.open();
  await app.field('Summary', 'Summary').fill('Still **works**');
  await expect(app.preview('Summary').locator('strong')).toHaveText('works');
  expect(errors).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain('unsafe-inline');
  // An injected inline script is refused by the policy.
  const violation = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true;';
    document.body.appendChild(s);
    setTimeout(() => resolve(null), 2000);
  }));
  expect(violation).toMatch(/^script-src/);
  expect(await page.evaluate(() => window.__ran === true)).toBe(false);
});
