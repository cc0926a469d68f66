// Reports real teams wrote (core/tests/fixtures/real), imported as a new team would in its
// first ten minutes, in both UI languages: the dialog says what it read and what it is not
// sure of, and the draft keeps the times, priorities and owners the file states and leaves
// "Not set" what it does not.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EditorPage } from './editor-page.js';
import { LANGUAGES, row } from './words.js';

const real = (name) => fs.readFileSync(path.resolve('core/tests/fixtures/real', name), 'utf8');

const WORDS = {
  dialog: ['Where each part went', '各段落的去向'],
  create: ['Create the draft', '建立草稿'],
  cancel: ['Cancel the import', '取消匯入'],
  severity: ['Severity', '嚴重程度'],
  priority: ['Priority', '優先順序'],
  type: ['Type', '類型'],
  detectedBy: ['Detected by', '發現方式'],
  notPostmortem: ['This does not look like a postmortem: it is a template', '這看起來不像事後檢討報告：它是一份範本'],
  readFrom: ['Detected by: Alert, read from “', '發現方式：告警，依據原文「'],
};
const w = (lang, key) => WORDS[key][lang === 'en' ? 0 : 1];

async function importFile(app, name) {
  await app.page.getByLabel(app.t('Import'), { exact: true })
    .setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(real(name)) });
  const dialog = app.page.getByRole('dialog', { name: w(app.lang, 'dialog') });
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const lang of LANGUAGES) {
  test(`[${lang}] a Confluence-style report keeps its header table, times, decorated priorities and categories`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const dialog = await importFile(app, 'atlassian-2022-04-05.md');
    await dialog.getByRole('button', { name: w(lang, 'create') }).click();
    // The Incident Title row of the metadata table is the title, not the page's H1.
    await expect(app.field('Header', 'Title')).toHaveValue('883 cloud sites deleted by a maintenance script');
    await expect(app.section('Header').getByLabel(w(lang, 'severity'), { exact: true })).toHaveValue('SEV1');
    // The "Start time (impact):" label line is the first row, at its instant.
    const first = app.row('Timeline', row(lang, 'Event', 1));
    await expect(first.getByLabel(app.t('Time'), { exact: true })).toHaveValue('07:38');
    await expect(first.getByLabel(app.t('Date'), { exact: true })).toHaveValue('2022-04-05');
    // **P1** in a bold cell, and the Category column, are read by their content.
    const item = app.row('Action items', `${lang === 'en' ? 'Action item' : '行動項目'} 1`);
    await expect(item.getByLabel(w(lang, 'priority'), { exact: true })).toHaveValue('P1');
    await expect(item.getByLabel(w(lang, 'type'), { exact: true })).toHaveValue('prevent');
    await expect(item.getByLabel(app.t('Owner'), { exact: true })).toHaveValue('Platform Engineering');
  });

  test(`[${lang}] what the file does not say stays Not set, and what was read from words is shown with them`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const dialog = await importFile(app, 'sre-book-shakespeare.md');
    // Detected by was read from the Detection text, and the dialog quotes the words.
    await expect(dialog.getByText(w(lang, 'readFrom'))).toBeVisible();
    await dialog.getByRole('button', { name: w(lang, 'create') }).click();
    await expect(app.section('Detection').getByLabel(w(lang, 'detectedBy'), { exact: true })).toHaveValue('alert');
    // The book's action table gives no priorities: none is invented, and no review finding
    // says they are all the same.
    const items = app.section('Action items').getByLabel(w(lang, 'priority'), { exact: true });
    await expect(items.first()).toBeVisible();
    const shown = await items.evaluateAll((selects) => selects.map((s) => s.selectedOptions[0].textContent));
    expect(shown.length).toBeGreaterThan(3);
    expect(new Set(shown)).toEqual(new Set([lang === 'en' ? 'Not set' : '未設定']));
  });

  test(`[${lang}] a template is named as no postmortem, and cancelling it leaves nothing`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const before = await app.draftList().getByRole('listitem').count();
    const dialog = await importFile(app, 'wikimedia-report-template.md');
    await expect(dialog.getByRole('alert')).toContainText(w(lang, 'notPostmortem'));
    await dialog.getByRole('button', { name: w(lang, 'cancel') }).click();
    await expect(dialog).toBeHidden();
    await expect(app.draftList().getByRole('listitem')).toHaveCount(before);
  });

  test(`[${lang}] a Chinese report with a metadata table and two zones per time takes its title and zone`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const dialog = await importFile(app, 'zh-tw-aws-2021-12-07.md');
    await dialog.getByRole('button', { name: w(lang, 'create') }).click();
    await expect(app.field('Header', 'Title')).toHaveValue('AWS us-east-1 內部網路壅塞，多項服務與主控台異常');
    await expect(app.field('Header', 'Time zone')).toHaveValue('America/Los_Angeles');
    const item = app.row('Action items', `${lang === 'en' ? 'Action item' : '行動項目'} 1`);
    await expect(item.getByLabel(app.t('Owner'), { exact: true })).toHaveValue('陳怡君');
    await expect(item.getByLabel(w(lang, 'priority'), { exact: true })).toHaveValue('P1');
  });
}
