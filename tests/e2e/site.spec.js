// The static site of `hindsight site`, built by the command line from the fixture repository
// in both languages: every page is valid HTML (html-validate) and has no serious or critical
// axe violation in Chromium, opened from file:// as a folder on disk; and, under the
// export's policy, no script runs. The CLI binary comes from `make test-native`; it is
// built here when missing.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { scan } from './axe.js';

const BIN = path.resolve('target/debug/hindsight');
const REPO = 'cli/tests/fixtures/repo/postmortems';
const TODAY = '2026-12-07';

// Validity and accessibility, not style: the rules left out are matters of taste, each
// with why.
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // `<!doctype html>` in lower case, as the HTML standard writes it.
    'doctype-style': 'off',
    // The render pipeline writes a task list's box as `<input … />`; both forms are valid.
    'void-style': 'off',
    // A report's title is its author's, however long.
    'long-title': 'off',
    // A table wider than the page scrolls in a box that takes the focus and is named by its
    // caption: a region, as the app draws it.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
});

// The site is built when the file loads, so there is one test per page; each worker
// builds its own copy.
function build(lang) {
  if (!fs.existsSync(BIN)) {
    execFileSync('cargo', ['build', '-p', 'hindsight-cli'], { stdio: 'inherit' });
  }
  const out = fs.mkdtempSync(path.join(os.tmpdir(), `hindsight-site-${lang}-`));
  execFileSync(BIN, ['site', REPO, '--out', out, '--today', TODAY, '--lang', lang], {
    env: { ...process.env, TZ: 'UTC' },
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return out;
}

function pagesOf(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return pagesOf(path.join(dir, e.name), `${prefix}${e.name}/`);
    return e.name.endsWith('.html') ? [`${prefix}${e.name}`] : [];
  }).sort();
}

const SITES = { en: build('en'), 'zh-TW': build('zh-TW') };
// Every process that loads this file (the runner lists the tests, each worker runs some)
// built its own copies.
process.on('exit', () => {
  for (const dir of Object.values(SITES)) fs.rmSync(dir, { recursive: true, force: true });
});

for (const [lang, dir] of Object.entries(SITES)) {
  test.describe(`the site in ${lang}`, () => {
    test.use({ bypassCSP: true });

    test('every page is valid HTML', async () => {
      const pages = pagesOf(dir);
      expect(pages.length).toBeGreaterThan(50);
      const problems = [];
      for (const page of pages) {
        const report = await validator.validateFile(path.join(dir, page));
        for (const r of report.results) {
          for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
      expect(problems).toEqual([]);
    });

    for (const page of pagesOf(dir)) {
      test(`axe finds nothing serious on ${page}`, async ({ page: tab }) => {
        const errors = [];
        tab.on('pageerror', (e) => errors.push(e.message));
        await tab.goto(pathToFileURL(path.join(dir, page)).href);
        await expect(tab.locator('main h1, main article h1').first()).toBeVisible();
        expect(await scan(tab)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }

    test('the index leads everywhere by links alone, and no script runs', async ({ browser }) => {
      // The export's policy, not bypassed (a new context inherits `use`): a script put in
      // the page is refused.
      const context = await browser.newContext({ bypassCSP: false });
      const tab = await context.newPage();
      await tab.goto(pathToFileURL(path.join(dir, 'index.html')).href);
      const blocked = tab.evaluate(() => new Promise((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.ran = true';
        document.body.append(s);
        setTimeout(() => resolve(null), 2000);
      }));
      expect(await blocked).toMatch(/^script-src/);
      expect(await tab.evaluate(() => window.ran)).toBeUndefined();
      // Sort, filter, open a report and come back, as a reader would.
      const zh = lang === 'zh-TW';
      await tab.getByRole('link', { name: zh ? '嚴重程度' : 'Severity', exact: true }).click();
      await expect(tab).toHaveURL(/sort-severity\.html$/);
      await expect(tab.locator('th[aria-sort]')).toHaveText(zh ? /嚴重程度/ : /Severity/);
      await tab.getByRole('link', { name: /^SEV4/ }).click();
      await expect(tab).toHaveURL(/severity-sev4\.html$/);
      await tab.getByRole('link', { name: 'Nightly backup job skipped a run' }).click();
      await expect(tab.locator('article.report h1')).toHaveText('Nightly backup job skipped a run');
      await tab.getByRole('link', { name: zh ? '未完成的行動項目' : 'Open action items' }).click();
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(zh ? '未完成的行動項目' : 'Open action items');
      await tab.getByRole('link', { name: 'Run the backup scheduler in UTC' }).click();
      await expect(tab).toHaveURL(/reports\/2026-06-01-nightly-backup-job-skipped-a-run-inc-2026-0601\.html#action-items$/);
      await context.close();
    });
  });
}
