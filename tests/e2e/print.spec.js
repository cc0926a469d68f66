// Print: the report alone, sections flowing rather than a page each; tables break between
// rows and repeat their header; links print where they lead. The worked example fits on at
// most 4 A4 pages (5 in zh-TW), counted in the PDF Chromium prints.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';
import { openExample, pdfPageCount } from './pwa-helpers.js';

const MAX_PAGES = { en: 4, 'zh-TW': 5 };

for (const lang of LANGUAGES) {
  test(`[${lang}] the worked example prints on at most ${MAX_PAGES[lang]} A4 pages, its sections flowing`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await openExample(app);
    await page.emulateMedia({ media: 'print' });
    const pages = pdfPageCount(await page.pdf({ format: 'A4' }));
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES[lang]);

    const layout = await page.locator('#preview-pane .report').evaluate((report) => {
      const style = (el) => getComputedStyle(el);
      return {
        sections: report.querySelectorAll('.preview-section').length,
        forcedBreaks: [...report.querySelectorAll('*')].filter((el) => ['page', 'always', 'left', 'right'].includes(style(el).breakBefore)).length,
        headingsStay: [...report.querySelectorAll('h2')].every((h) => style(h).breakAfter === 'avoid'),
        headerGroups: [...report.querySelectorAll('thead')].map((t) => style(t).display),
        rowsWhole: [...report.querySelectorAll('tr')].every((tr) => style(tr).breakInside === 'avoid'),
      };
    });
    // Fewer pages than sections: they flow.
    expect(pages).toBeLessThan(layout.sections);
    expect(layout.forcedBreaks).toBe(0);
    expect(layout.headingsStay).toBe(true);
    expect(layout.headerGroups.length).toBeGreaterThan(3);
    expect(new Set(layout.headerGroups)).toEqual(new Set(['table-header-group']));
    expect(layout.rowsWhole).toBe(true);
    // Only the report prints.
    await expect(page.getByRole('main', { name: app.t('Postmortem form') })).toBeHidden();
    await expect(app.draftList()).toBeHidden();
  });

  test(`[${lang}] printed links show where they lead, once`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Supporting information', 'Supporting information').fill(
      '- [Runbook](https://example.com/runbook)\n- <https://example.com/dashboard>\n- [Notes](notes.md)',
    );
    const links = app.preview('Supporting information').locator('a');
    await expect(links).toHaveCount(3);
    const after = () => links.evaluateAll((as) => as.map((a) => getComputedStyle(a, '::after').content));
    expect(await after()).toEqual(['none', 'none', 'none']);
    await page.emulateMedia({ media: 'print' });
    expect(await after()).toEqual(['" (https://example.com/runbook)"', 'none', 'none']);
  });
}
