// Everyday polish, in both UI languages: the keyboard paths, the empty drafts that go, the
// storage meter, isolated user text in the app's sentences, imports that say what they
// left out, reports written elsewhere, and the phone's drafts panel.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editor-page.js';
import { LANGUAGES, row, t } from './words.js';

const foreign = (name) => fs.readFileSync(path.resolve('core/tests/fixtures/foreign', name), 'utf8');

async function importFile(app, name, text, mimeType = 'text/markdown') {
  await app.page.getByLabel(app.t('Import'), { exact: true }).setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

for (const lang of LANGUAGES) {
  test(`[${lang}] choosing a template puts the focus in Title, and an empty draft left untouched goes`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    // A first visit lists nothing until the first words (calm.spec.js).
    await expect(app.draftList().getByRole('listitem')).toHaveCount(0);
    await app.newDraft('Full');
    await expect(app.field('Header', 'Title')).toBeFocused();
    // New draft is stored at once; the first, untouched draft never was: one, not piling up.
    await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
    await app.newDraft('Full');
    await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
    await page.keyboard.type('Typed straight away');
    await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
    await expect(app.draftList().getByRole('listitem')).toHaveCount(2);
  });

  test(`[${lang}] hiding the guidance takes it out of the tab order, and the choice is remembered`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const summary = app.section('Summary');
    await expect(summary.getByText(app.t('Questions to answer'))).toBeVisible();
    const toggle = page.getByRole('button', { name: app.t('Hide guidance') });
    await toggle.click();
    await expect(summary.getByText(app.t('Questions to answer'))).toHaveCount(0);
    const show = page.getByRole('button', { name: app.t('Show guidance') });
    await expect(show).toBeVisible();
    await expect(show).not.toHaveAttribute('aria-pressed');
    // From Title, Tab reaches the next field, with no guidance in between.
    await app.field('Header', 'Title').focus();
    await page.keyboard.press('Tab');
    await expect(app.field('Header', 'Incident ID')).toBeFocused();
    await page.reload();
    await expect(app.section('Summary').getByText(app.t('Questions to answer'))).toHaveCount(0);
  });

  test(`[${lang}] after a row is deleted the focus goes to the next row, or to the add button`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const causes = app.section('Trigger and root causes');
    for (const text of ['First', 'Second']) {
      await causes.getByRole('button', { name: app.t('Add why') }).click();
      await page.keyboard.type(text);
    }
    const first = app.row('Trigger and root causes', row(lang, 'Why', 1));
    await first.getByRole('button', { name: lang === 'en' ? 'Delete why 1' : '刪除為什麼 1' }).click();
    const next = app.row('Trigger and root causes', row(lang, 'Why', 1)).getByLabel(app.t('Why'), { exact: true });
    await expect(next).toBeFocused();
    await expect(next).toHaveValue('Second');
    await app.row('Trigger and root causes', row(lang, 'Why', 1))
      .getByRole('button', { name: lang === 'en' ? 'Delete why 1' : '刪除為什麼 1' }).click();
    await expect(causes.getByRole('button', { name: app.t('Add why') })).toBeFocused();
  });

  test(`[${lang}] Ctrl+S saves at once and says so`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Summary', 'Summary').fill('Saved by keyboard');
    await page.keyboard.press('Control+s');
    await expect(page.locator('.toast')).toContainText(lang === 'en' ? 'Saved.' : '已儲存。');
    await page.reload();
    await expect(app.field('Summary', 'Summary')).toHaveValue('Saved by keyboard');
  });

  test(`[${lang}] user text inside the app's sentences is isolated, so an override cannot reverse them`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const title = 'a\u202Eb.exe';
    const doc = { schema_version: 2, header: { title }, summary: 'x' };
    await importFile(app, 'rlo.json', JSON.stringify(doc), 'application/json');
    const toast = page.locator('.toast').first();
    await expect(toast.locator('bdi')).toHaveText(title);
    await expect(toast).toContainText(lang === 'en' ? 'as a new draft.' : '匯入為新草稿。');
    // Deleting it: the Undo toast isolates the title too, and so does the button's name.
    const del = app.draftList().getByRole('button', { name: lang === 'en' ? 'Delete' : '刪除' })
      .and(page.locator('[aria-label*="\u2068a\u202Eb.exe\u2069"]'));
    await del.click();
    const undo = page.locator('.toast', { has: page.locator('#undo-button') });
    await expect(undo.locator('bdi')).toHaveText(title);
  });

  test(`[${lang}] an import names the keys it left out, a UTF-16 file is named, and Restore's errors say restore`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const doc = { schema_version: 2, header: { title: 'With extras', mood: 'grim' }, summary: 'x', weather: 'rain' };
    await importFile(app, 'extras.json', JSON.stringify(doc), 'application/json');
    await expect(page.locator('.toast').first()).toContainText('header.mood');
    await expect(page.locator('.toast').first()).toContainText('weather');

    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"schema_version":2}', 'utf16le')]);
    await page.getByLabel(app.t('Import'), { exact: true }).setInputFiles({ name: 'wide.json', mimeType: 'application/json', buffer: utf16 });
    await expect(page.getByRole('alert')).toContainText('UTF-16');

    await page.getByLabel(lang === 'en' ? 'Restore' : '還原', { exact: true })
      .setInputFiles({ name: 'not-a-backup.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version":2}') });
    await expect(page.getByRole('alert')).toContainText(lang === 'en' ? 'Could not restore' : '無法還原');
  });

  test(`[${lang}] the drafts list shows how full storage is, and suggests a backup from 80 %`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const meter = app.draftList().getByRole('meter', { name: app.t('Storage used') });
    await expect(meter).toBeVisible();
    await expect(app.draftList().getByRole('alert')).toHaveCount(0);
    await page.evaluate(() => localStorage.setItem('padding', 'x'.repeat(4_400_000)));
    await page.reload();
    if (lang !== 'en') await app.useLanguage(lang);
    await expect(app.draftList().getByRole('alert')).toBeVisible();
    await page.evaluate(() => localStorage.removeItem('padding'));
  });

  test(`[${lang}] a long drafts list shows the recent 40 and the open one, then all on request`, async ({ page }) => {
    await page.goto('./no-app-here.txt').catch(() => {});
    await page.evaluate(() => {
      localStorage.clear();
      for (let i = 1; i <= 45; i += 1) {
        const d = { id: `d${i}`, rev: 1, created_at: i, updated_at: i, doc: { schema_version: 2, header: { title: `Outage ${i}` } } };
        localStorage.setItem(`hindsight:draft:${d.id}`, JSON.stringify(d));
      }
    });
    const app = new EditorPage(page, lang);
    // The oldest draft is open: it stays listed though it is not among the recent 40.
    await app.open('?draft=d1');
    const items = app.draftList().getByRole('listitem');
    const item = (n) => items.filter({ has: page.locator('.draft-title', { hasText: new RegExp(`^Outage ${n}$`) }) });
    await expect(items).toHaveCount(41);
    await expect(item(1)).toBeVisible();
    await expect(item(5)).toHaveCount(0);
    // A search looks through every draft, not only the ones shown.
    await app.draftList().getByLabel(app.t('Search drafts')).fill('Outage 5');
    await expect(item(5)).toBeVisible();
    await app.draftList().getByLabel(app.t('Search drafts')).fill('');
    const showAll = app.draftList().getByRole('button', { name: lang === 'en' ? 'Show all 45 drafts' : '顯示全部 45 份草稿' });
    await showAll.click();
    await expect(items).toHaveCount(45);
    await expect(showAll).toHaveCount(0);
  });

  test(`[${lang}] a report written elsewhere shows where each part went, and a part can be moved`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await importFile(app, 'zh-tw.md', foreign('zh-tw.md'));
    const dialog = page.getByRole('dialog', { name: lang === 'en' ? 'Where each part went' : '各段落的去向' });
    await expect(dialog).toBeVisible();
    const heading = dialog.getByRole('row').filter({ hasText: '七、詞彙表' });
    await expect(heading.getByRole('combobox')).toHaveValue(/.+/);
    // A header field and a whole section show where they really went, not the first choice.
    const shown = async (part) => dialog.getByLabel(lang === 'en' ? `Where “${part}” goes` : `「${part}」放到哪裡`)
      .evaluate((select) => select.selectedOptions[0].textContent);
    expect(await shown('事件日期')).toBe(lang === 'en' ? 'Header › Incident date' : '基本資料 › 事件日期');
    expect(await shown('六、學到了什麼')).toBe(lang === 'en' ? 'Lessons learned' : '經驗教訓');
    // Move the glossary from Supporting information into the summary, then create the draft.
    const place = dialog.getByLabel(lang === 'en' ? 'Where “七、詞彙表” goes' : '「七、詞彙表」放到哪裡');
    await place.selectOption({ label: lang === 'en' ? 'Summary' : '摘要' });
    await dialog.getByRole('button', { name: lang === 'en' ? 'Create the draft' : '建立草稿' }).click();
    await expect(app.field('Header', 'Title')).toHaveValue('訂單服務 API 逾時事件檢討');
    await expect(app.field('Header', 'Title')).toBeFocused();
    await expect(app.field('Summary', 'Summary')).toHaveValue(/詞彙表|P99|逾時/);
    await expect(app.row('Timeline', row(lang, 'Event', 1))).toBeVisible();
  });

  test(`[${lang}] the preview shows the action items whole at its width, and the page itself never scrolls`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
    await expect(app.field('Header', 'Title')).toHaveValue(/ChatGPT/);
    const box = page.locator('#preview-action-items .table-wrap');
    await expect(box).toHaveClass(/wide/);
    // Seven columns in the preview's width: each row is a card, nothing is cut off.
    const overflow = await box.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    const due = box.locator('td').filter({ hasText: '2023-03-22' });
    await expect(due).toHaveAttribute('data-label', lang === 'en' ? 'Due date' : '期限');
    const sizes = await page.evaluate(() => [document.documentElement.scrollHeight, innerHeight]);
    expect(sizes[0]).toBeLessThanOrEqual(sizes[1]);
    // The cards' labels are generated text, which axe does not check: in the dark scheme
    // they keep a contrast of at least 4.5:1 against the preview.
    await page.emulateMedia({ colorScheme: 'dark' });
    const contrast = await due.evaluate((td) => {
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
      let bg = td;
      while (bg && getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)') bg = bg.parentElement;
      const [a, b] = [lum(rgb(getComputedStyle(td, '::before').color)), lum(rgb(getComputedStyle(bg).backgroundColor))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
  });

  test(`[${lang}] on a phone every top-bar control is in sight, and the Export menu opens whole`, async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const app = new EditorPage(page, lang);
    await app.open();
    const bar = page.getByRole('banner');
    for (const name of ['Drafts', 'Show preview', 'Customer version', 'Incidents', 'Export']) {
      await expect(bar.getByRole('button', { name: app.t(name), exact: true })).toBeInViewport({ ratio: 1 });
    }
    for (const name of ['Language', 'Theme']) {
      await expect(bar.getByRole('combobox', { name: app.t(name) })).toBeInViewport({ ratio: 1 });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await bar.getByRole('button', { name: app.t('Export'), exact: true }).click();
    const items = page.getByRole('menu').getByRole('menuitem');
    await expect(items).not.toHaveCount(0);
    for (const item of await items.all()) {
      await expect(item).toBeInViewport({ ratio: 1 });
    }
    await page.close();
  });

  test(`[${lang}] on a phone the drafts list is a full-height panel with its actions in reach`, async ({ browser }) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const app = new EditorPage(page, lang);
    await app.open();
    const toggle = page.getByRole('button', { name: app.t('Drafts'), exact: true });
    await expect(app.draftList()).toBeHidden();
    await toggle.click();
    await expect(app.draftList()).toBeVisible();
    for (const name of [lang === 'en' ? 'Back up all drafts' : '備份所有草稿']) {
      await expect(app.draftList().getByRole('button', { name })).toBeInViewport({ ratio: 0 });
    }
    const box = await app.draftList().boundingBox();
    expect(box.height).toBeGreaterThan(600);
    // Escape closes the panel and gives the focus back to its button.
    await page.keyboard.press('Escape');
    await expect(app.draftList()).toBeHidden();
    await expect(toggle).toBeFocused();
    await toggle.click();
    await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
    await expect(app.draftList()).toBeHidden();
    await expect(app.field('Header', 'Title')).toHaveValue(/ChatGPT|ChatGPT/);
    // The panel went, and the focus did not fall to the page: the draft opens at its title.
    await expect(app.field('Header', 'Title')).toBeFocused();
    await page.close();
  });
}

for (const [name, title] of [['google-sre.md', null], ['pagerduty.md', null], ['github-status.md', null]]) {
  test(`a ${name} report dropped on the page lands in its sections`, async ({ page }) => {
    const app = new EditorPage(page, 'en');
    await app.open();
    const text = foreign(name);
    const dataTransfer = await page.evaluateHandle(({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/markdown' }));
      return dt;
    }, { name, text });
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    const dialog = page.getByRole('dialog', { name: 'Where each part went' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row')).not.toHaveCount(0);
    await dialog.getByRole('button', { name: 'Create the draft' }).click();
    await expect(app.field('Summary', 'Summary')).not.toHaveValue('');
    void title;
  });
}

test('cancelling a foreign import creates nothing', async ({ page }) => {
  const app = new EditorPage(page, 'en');
  await app.open();
  await app.field('Header', 'Title').fill('Mine');
  // The first draft is listed from its first write on.
  await app.expectSaved();
  await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
  const before = await app.draftList().getByRole('listitem').count();
  await importFile(app, 'atlassian.md', foreign('atlassian.md'));
  const dialog = page.getByRole('dialog', { name: 'Where each part went' });
  await dialog.getByRole('button', { name: 'Cancel the import' }).click();
  await expect(dialog).toBeHidden();
  // The focus goes back to Import.
  await expect(page.getByLabel('Import', { exact: true })).toBeFocused();
  await expect(app.draftList().getByRole('listitem')).toHaveCount(before);
  await expect(app.field('Header', 'Title')).toHaveValue('Mine');
  void t;
});

for (const lang of LANGUAGES) {
  test(`[${lang}] a notice that informs goes away by itself and on the next action; an error stays`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Summary', 'Summary').fill('Typed');
    const toast = page.locator('.toast-region').getByText(lang === 'en' ? 'Saved.' : '已儲存。');
    await page.keyboard.press('Control+s');
    await expect(toast).toBeVisible();
    // By itself, after about six seconds.
    await expect(toast).toBeHidden({ timeout: 9000 });
    // On the next action.
    await app.field('Summary', 'Summary').focus();
    await page.keyboard.press('Control+s');
    await expect(toast).toBeVisible();
    await app.field('Header', 'Title').click();
    await expect(toast).toBeHidden();
    // An error stays until it is answered.
    await importFile(app, 'broken.json', '{ "schema_version": 1, "header": ', 'application/json');
    const alert = page.getByRole('alert').filter({ hasText: lang === 'en' ? 'Could not import' : '無法匯入' });
    await expect(alert).toBeVisible();
    await page.waitForTimeout(7000);
    await app.field('Header', 'Title').click();
    await expect(alert).toBeVisible();
  });
}

for (const lang of LANGUAGES) {
  test(`[${lang}] Back and Forward move between the drafts and views opened, and never leave the app early`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const titles = ['First outage', 'Second outage', 'Third outage'];
    await app.field('Header', 'Title').fill(titles[0]);
    for (const title of titles.slice(1)) {
      await app.newDraft('Full');
      await app.field('Header', 'Title').fill(title);
    }
    await app.expectSaved();
    const overview = lang === 'en' ? 'Incidents' : '事件總覽';
    await page.getByRole('button', { name: overview, exact: true }).click();
    await expect(page.getByRole('heading', { name: overview, level: 2 }).first()).toBeVisible();
    await page.goBack();
    await expect(app.field('Header', 'Title')).toHaveValue(titles[2]);
    await page.goBack();
    await expect(app.field('Header', 'Title')).toHaveValue(titles[1]);
    await page.goBack();
    await expect(app.field('Header', 'Title')).toHaveValue(titles[0]);
    await page.goForward();
    await expect(app.field('Header', 'Title')).toHaveValue(titles[1]);
    // A reload shows the same draft.
    await page.reload();
    await expect(app.field('Header', 'Title')).toHaveValue(titles[1]);
  });
}

for (const lang of LANGUAGES) {
  test(`[${lang}] typed line breaks stay in the preview, and a pasted log is offered as a code block`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const summary = app.field('Summary', 'Summary');
    await summary.fill('The pool ran out.\nWe restarted it.');
    await expect(app.preview('Summary').locator('br')).toHaveCount(1);
    const log = '02:05 disk fails\n02:07 alert fires\n02:09 failover starts';
    await summary.fill(`The pool ran out.\n${log}`);
    await summary.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, log);
    const offer = page.getByRole('button', { name: lang === 'en' ? 'Format as code block' : '設為程式碼區塊' });
    await expect(offer).toBeVisible();
    await offer.click();
    await expect(summary).toHaveValue(`The pool ran out.\n\n\`\`\`\n${log}\n\`\`\`\n`);
    await expect(summary).toBeFocused();
    await expect(app.preview('Summary').locator('pre code')).toContainText('02:07 alert fires');
    await expect(offer).toHaveCount(0);
    // Prose is not offered.
    await summary.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'We restarted it.\nIt came back.\nAll good.');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    await expect(offer).toHaveCount(0);
  });
}
