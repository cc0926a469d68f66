// The hostile-input corpus typed into real fields in Chromium: nothing may run or load.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editor-page.js';

// Playwright runs from the repository root.
const corpusPath = path.resolve('core/tests/fixtures/hostile.txt');
const corpus = [];
for (const line of fs.readFileSync(corpusPath, 'utf8').split('\n')) {
  if (line.startsWith('@@@ ')) corpus.push({ name: line.slice(4), text: '' });
  else if (corpus.length) {
    const last = corpus[corpus.length - 1];
    last.text = last.text ? `${last.text}\n${line}` : line;
  }
}
for (const c of corpus) c.text = c.text.replace(/\n$/, '');

const FORBIDDEN = 'script, img, iframe, object, embed, form, svg, math, style, input, textarea, base, meta, link, button';

test(`${corpus.length} hostile inputs typed into fields never execute, load or inject markup`, async ({ page }) => {
  test.setTimeout(120_000);
  expect(corpus.length).toBeGreaterThanOrEqual(40);
  const external = [];
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== '127.0.0.1' && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) external.push(r.url());
  });
  await page.addInitScript(() => {
    window.__fired = [];
    window.alert = (m) => window.__fired.push(`alert:${m}`);
    window.confirm = window.prompt = (m) => window.__fired.push(`dialog:${m}`);
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const app = new EditorPage(page);
  await app.open();
  const summary = app.field('Summary', 'Summary');
  const title = app.field('Header', 'Title');
  for (const { name, text } of corpus) {
    await summary.fill(text);
    await title.fill(text.replace(/\n/g, ' '));
    const report = page.locator('.report');
    await expect(report.locator(FORBIDDEN), name).toHaveCount(0);
    const handlers = await page.evaluate(() => [...document.querySelectorAll('.report *')]
      .flatMap((el) => [...el.attributes].map((a) => a.name))
      .filter((n) => n.startsWith('on') || n === 'style' || n === 'srcdoc'));
    expect(handlers, name).toEqual([]);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('.report a')].map((a) => a.protocol));
    for (const protocol of hrefs) expect(['http:', 'https:', 'mailto:'], `${name}: ${protocol}`).toContain(protocol);
  }
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__fired)).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(external).toEqual([]);
  // The page title follows the report's title, as text.
  expect(await page.title()).toContain('·');
  // The policy is in force: an injected inline script is refused.
  const refused = await page.evaluate(() => new Promise((resolve) => {
    document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
    const s = document.createElement('script');
    s.textContent = 'window.__canary = 1';
    document.head.appendChild(s);
    setTimeout(() => resolve(false), 2000);
  }));
  expect(refused).toBe(true);
  expect(await page.evaluate(() => window.__canary)).toBeUndefined();
});
