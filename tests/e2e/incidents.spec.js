// The Incidents overview (事件總覽): every open action item of every draft, overdue first,
// marked done from there into its draft (and undone); related incidents in the overview and
// in the editor, where a tag every draft carries relates none; one incident in two
// languages counted once and linked ("Also in …"); trends over a chosen range with their
// tables; exports; a team's folder opened read-only. Every flow runs in both UI languages.
import { test, expect } from '@playwright/test';
import { scan } from './axe.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

const FOLDER = path.resolve('tests/e2e/fixtures/folder');

// The overview's words in both languages; `{0}` is filled by `w`.
const WORDS = {
  Incidents: ['Incidents', '事件總覽'],
  'Back to the editor': ['Back to the editor', '回到編輯器'],
  'Open action items': ['Open action items', '未完成的行動項目'],
  'Related incidents': ['Related incidents', '相關事件'],
  Trends: ['Trends', '趨勢'],
  'Open a folder': ['Open a folder', '開啟資料夾'],
  'From folder': ['From folder', '來自資料夾'],
  'Postmortems in a folder': ['Postmortems in a folder', '資料夾中的事後檢討'],
  'Save as draft: {0}': ['Save as draft: {0}', '另存為草稿：{0}'],
  'Show report: {0}': ['Show report: {0}', '顯示報告：{0}'],
  'Report: {0}': ['Report: {0}', '報告：{0}'],
  'Mark done: {0}': ['Mark done: {0}', '標示為完成：{0}'],
  'Marked “{0}” done in “{1}”.': ['Marked “{0}” done in “{1}”.', '已將「{1}」中的「{0}」標示為完成。'],
  '{0} open, {1} overdue': ['{0} open, {1} overdue', '{0} 項未完成，{1} 項已逾期'],
  'Opened {0} postmortems from the folder.': ['Opened {0} postmortems from the folder.', '已從資料夾開啟 {0} 份事後檢討。'],
  'Saved “{0}” as a new draft.': ['Saved “{0}” as a new draft.', '已將「{0}」另存為新草稿。'],
  Overdue: ['Overdue', '已逾期'],
  Tag: ['Tag', '標籤'],
  Severity: ['Severity', '嚴重程度'],
  Status: ['Status', '狀態'],
  Owner: ['Owner', '負責人'],
  'Group by': ['Group by', '分組方式'],
  'No due date': ['No due date', '未訂期限'],
  Unassigned: ['Unassigned', '未指派'],
  'Download Markdown': ['Download Markdown', '下載 Markdown'],
  'Download CSV': ['Download CSV', '下載 CSV'],
  'Action item {0}': ['Action item {0}', '行動項目 {0}'],
  Done: ['Done', '完成'],
  Action: ['Action', '行動'],
  Title: ['Title', '標題'],
  Recurrence: ['Recurrence', '過往類似事件'],
  'Action items': ['Action items', '行動項目'],
  'Trigger and root causes': ['Trigger and root causes', '觸發與根本原因'],
  'Named in this report\'s Recurrence': ['Named in this report\'s Recurrence', '列在本報告的「過往類似事件」中'],
  'Shared tag: {0}': ['Shared tag: {0}', '共同標籤：{0}'],
  'Incidents per month by severity': ['Incidents per month by severity', '每月事件數（依嚴重程度）'],
  'Time to detect and time to resolve over time': ['Time to detect and time to resolve over time', '偵測耗時與解決耗時的變化'],
  'Show the numbers as a table': ['Show the numbers as a table', '以表格顯示數字'],
  'Files that could not be opened': ['Files that could not be opened', '無法開啟的檔案'],
  'Files skipped because they are not Markdown: {0}.': ['Files skipped because they are not Markdown: {0}.', '略過了 {0} 個不是 Markdown 的檔案。'],
  Undo: ['Undo', '復原'],
  '“{0}” in “{1}” is not done again.': ['“{0}” in “{1}” is not done again.', '「{1}」中的「{0}」已改回未完成。'],
  Range: ['Range', '範圍'],
  'Last 12 months': ['Last 12 months', '最近 12 個月'],
  'All time': ['All time', '全部期間'],
  'Also in English': ['Also in English', '另有英文版'],
  'Also in 繁體中文': ['Also in 繁體中文', '另有繁體中文版'],
};

/** A word of the overview in `lang`, with its `{0}`, `{1}` filled. */
function w(lang, en, ...args) {
  const pair = WORDS[en];
  if (!pair) throw new Error(`no word for “${en}”`);
  return args.reduce((s, a, i) => s.replace(`{${i}}`, a), lang === 'en' ? pair[0] : pair[1]);
}

const draft = (id, updated, doc) => ({ id, rev: 1, created_at: updated, updated_at: updated, doc: { schema_version: 2, ...doc } });

// Three drafts with open items and a shared tag ("cache"); one item of A is done.
const DRAFTS = [
  draft('a', 3, {
    header: { title: 'Cache leak', incident_id: 'INC-1', severity: 'SEV1', status: 'final', incident_date: '2024-03-01', time_zone: 'UTC', tags: ['cache'] },
    causes: { root_causes: 'Cache keys omitted the tenant id.' },
    timeline: [
      { time: '2024-03-01T01:00:00+00:00', event: 'Wrong data served', kind: 'impact_started', link: '' },
      { time: '2024-03-01T02:00:00+00:00', event: 'Customer report', kind: 'detected', link: '' },
      { time: '2024-03-01T05:00:00+00:00', event: 'Fix deployed', kind: 'resolved', link: '' },
    ],
    action_items: [
      { action: 'Add cache checks', owner: 'Ana', due_date: '2020-01-10', kind: 'prevent', priority: 'P1' },
      { action: 'Write runbook', owner: 'Ana', due_date: '2020-01-01', done: true },
    ],
  }),
  draft('b', 2, {
    header: { title: 'Queue stall', incident_id: 'INC-2', severity: 'SEV2', status: 'in_review', incident_date: '2024-04-02', time_zone: 'UTC', tags: ['cache', 'queue'] },
    causes: { root_causes: 'A poison message blocked the consumer.', recurrence: 'Like INC-1, the cache was involved.' },
    action_items: [
      { action: 'Alert on stale reads', owner: 'Bo', due_date: '2999-01-01', kind: 'detect' },
      { action: 'Rotate keys', owner: 'Ana', due_date: '2021-03-01', kind: 'prevent' },
    ],
  }),
  draft('c', 1, {
    header: { title: 'Login errors', incident_id: 'INC-3', severity: 'SEV3', status: 'draft', incident_date: '2024-04-20', time_zone: 'UTC', tags: ['cache', 'auth'] },
    action_items: [{ action: 'Load test cluster' }],
  }),
];

/** Puts the drafts in storage before the app runs (from a page of the same origin that is
 *  not the app, so nothing is written back), then opens the app on draft `open`. */
async function seeded(page, lang, open = 'a', drafts = DRAFTS) {
  await page.goto('./no-app-here.txt').catch(() => {});
  await page.evaluate((drafts) => {
    localStorage.clear();
    for (const d of drafts) localStorage.setItem(`hindsight:draft:${d.id}`, JSON.stringify(d));
  }, drafts);
  const app = new EditorPage(page, lang);
  await app.open(`?draft=${open}`);
  return app;
}

/** Opens the overview from the top bar; returns its region. */
async function openOverview(page, lang) {
  await page.getByRole('banner').getByRole('button', { name: w(lang, 'Incidents'), exact: true }).click();
  const view = page.getByRole('region', { name: w(lang, 'Incidents'), exact: true });
  await expect(view).toBeVisible();
  await expect(page).toHaveURL(/view=incidents/);
  return view;
}

const part = (view, lang, name) => view.getByRole('region', { name: w(lang, name), exact: true });

/** `YYYY-MM` of the month `back` months before this one, in local time as the app counts. */
function monthsAgo(back) {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - back);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

// One SEV1 written in English and in Chinese (the same Incident ID), both tagged "ledger",
// two months ago; and an older incident from two and a half years ago.
const TRANSLATED = [
  draft('en9', 3, {
    language: 'en',
    header: { title: 'Ledger outage', incident_id: 'INC-9', severity: 'SEV1', status: 'final', incident_date: `${monthsAgo(2)}-10`, time_zone: 'UTC', tags: ['ledger'] },
    causes: { root_causes: 'Ledger writes timed out behind a full queue.' },
    action_items: [{ action: 'Bound the ledger queue', owner: 'Ana' }],
  }),
  draft('zh9', 2, {
    language: 'zh-TW',
    header: { title: '帳本服務中斷', incident_id: 'INC-9', severity: 'SEV1', status: 'final', incident_date: `${monthsAgo(2)}-10`, time_zone: 'UTC', tags: ['ledger'] },
    causes: { root_causes: '帳本寫入因佇列滿載而逾時。' },
    action_items: [{ action: '限制帳本佇列長度', owner: 'Ana' }],
  }),
  draft('old', 1, {
    header: { title: 'Old DNS outage', incident_id: 'INC-4', severity: 'SEV2', status: 'final', incident_date: `${monthsAgo(30)}-05`, time_zone: 'UTC', tags: ['dns'] },
  }),
];


for (const lang of LANGUAGES) {
  test.describe(`in ${lang}`, () => {
    test('the overview lists every open item, overdue first; one marked done there is done in its draft', async ({ page }) => {
      const app = await seeded(page, lang);
      const view = await openOverview(page, lang);
      // Back returns to the editor, Forward to the overview.
      await page.goBack();
      await expect(app.section('Header')).toBeVisible();
      await page.goForward();
      await expect(view).toBeVisible();

      const open = part(view, lang, 'Open action items');
      const items = open.locator('li.open-item');
      await expect(items.locator('.item-action')).toHaveText(['Add cache checks', 'Rotate keys', 'Alert on stale reads', 'Load test cluster']);
      await expect(open.getByText(w(lang, '{0} open, {1} overdue', '4', '2'), { exact: true })).toBeVisible();
      await expect(items.nth(0).getByText(w(lang, 'Overdue'))).toBeVisible();
      await expect(items.nth(1).getByText(w(lang, 'Overdue'))).toBeVisible();
      await expect(items.nth(2).getByText(w(lang, 'Overdue'))).toHaveCount(0);
      await expect(open.getByRole('heading', { level: 4 })).toHaveText([/^Ana/, /^Bo/, new RegExp(`^${w(lang, 'Unassigned')}`)]);

      // Filters: owner, tag, severity, status; then grouping by due week.
      const filter = (label) => open.getByLabel(w(lang, label), { exact: true });
      await filter('Owner').selectOption({ label: 'Bo' });
      await expect(items.locator('.item-action')).toHaveText(['Alert on stale reads']);
      await filter('Owner').selectOption({ label: w(lang, 'Unassigned') });
      await expect(items.locator('.item-action')).toHaveText(['Load test cluster']);
      await filter('Owner').selectOption('');
      await filter('Tag').selectOption({ label: 'auth' });
      await expect(items.locator('.item-action')).toHaveText(['Load test cluster']);
      await filter('Tag').selectOption('');
      await filter('Severity').selectOption('SEV2');
      await expect(items.locator('.item-action')).toHaveText(['Rotate keys', 'Alert on stale reads']);
      await filter('Severity').selectOption('');
      await filter('Status').selectOption('final');
      await expect(items.locator('.item-action')).toHaveText(['Add cache checks']);
      await filter('Status').selectOption('');
      await filter('Group by').selectOption('week');
      await expect(open.getByRole('heading', { level: 4 }).last()).toHaveText(new RegExp(`^${w(lang, 'No due date')}`));
      await filter('Group by').selectOption('owner');
      await expect(items).toHaveCount(4);

      // Mark done an item of a draft that is not open, from the keyboard; the focus stays
      // at its place in the list.
      const rotate = open.getByRole('button', { name: w(lang, 'Mark done: {0}', 'Rotate keys'), exact: true });
      await rotate.focus();
      await page.keyboard.press('Enter');
      await expect(items.locator('.item-action')).toHaveText(['Add cache checks', 'Alert on stale reads', 'Load test cluster']);
      await expect(page.getByText(w(lang, 'Marked “{0}” done in “{1}”.', 'Rotate keys', 'Queue stall'))).toBeVisible();
      await expect(open.getByRole('button', { name: w(lang, 'Mark done: {0}', 'Alert on stale reads'), exact: true })).toBeFocused();
      // And one of the open draft.
      await open.getByRole('button', { name: w(lang, 'Mark done: {0}', 'Add cache checks'), exact: true }).click();
      await expect(items).toHaveCount(2);
      await expect(open.getByText(w(lang, '{0} open, {1} overdue', '2', '0'), { exact: true })).toBeVisible();

      // The open draft shows it done.
      await view.getByRole('button', { name: w(lang, 'Back to the editor') }).click();
      const done = (n) => app.row('Action items', w(lang, 'Action item {0}', String(n))).getByLabel(w(lang, 'Done'), { exact: true });
      await expect(done(1)).toBeChecked();
      await expect(done(2)).toBeChecked();
      await expect(app.preview('Action items')).toContainText('Add cache checks');

      // An item links to its draft and row: the other draft opens, the focus in that row,
      // and the item marked done from the overview is done there too.
      await openOverview(page, lang);
      await open.getByRole('link', { name: 'Alert on stale reads', exact: true }).click();
      await expect(app.field('Header', 'Title')).toHaveValue('Queue stall');
      const row1 = app.row('Action items', w(lang, 'Action item {0}', '1'));
      await expect(row1.getByLabel(w(lang, 'Action'), { exact: true })).toBeFocused();
      await expect(done(1)).not.toBeChecked();
      await expect(done(2)).toBeChecked();

      // It was written: after a reload, two items are open.
      await page.reload();
      await expect(app.section('Header')).toBeVisible();
      await openOverview(page, lang);
      await expect(items.locator('.item-action')).toHaveText(['Alert on stale reads', 'Load test cluster']);
    });

    test('related incidents show in the draft, live, and in the overview; a tag every draft carries relates none', async ({ page }) => {
      const app = await seeded(page, lang, 'b');
      const causes = app.section('Trigger and root causes');
      const related = causes.getByRole('region', { name: w(lang, 'Related incidents'), exact: true });
      // Every draft is tagged "cache": it relates nothing and is no reason, so only the
      // incident that Recurrence names is related.
      await expect(related.getByRole('listitem')).toHaveCount(1);
      const a = related.getByRole('listitem').filter({ hasText: 'INC-1 · Cache leak' });
      await expect(a).toContainText(w(lang, 'Named in this report\'s Recurrence'));
      await expect(related).not.toContainText(w(lang, 'Shared tag: {0}', 'cache'));
      const c = related.getByRole('listitem').filter({ hasText: 'INC-3 · Login errors' });
      await expect(c).toHaveCount(0);
      // Typing in Recurrence relates another incident at once.
      await causes.getByLabel(w(lang, 'Recurrence'), { exact: true }).fill('Like INC-1 and INC-3.');
      await expect(c).toContainText(w(lang, 'Named in this report\'s Recurrence'));
      // A related incident is a link to its draft.
      await a.getByRole('link').click();
      await expect(app.field('Header', 'Title')).toHaveValue('Cache leak');
      await expect(app.field('Header', 'Title')).toBeFocused();

      const view = await openOverview(page, lang);
      const overview = part(view, lang, 'Related incidents');
      const b = overview.getByRole('listitem').filter({ has: page.locator('summary', { hasText: 'INC-2 · Queue stall' }) });
      await b.locator('summary').click();
      await expect(b.getByRole('link', { name: 'INC-1 · Cache leak' })).toBeVisible();
      await expect(b).not.toContainText(w(lang, 'Shared tag: {0}', 'cache'));
    });

    test('related incidents and a folder\'s postmortems come from the worker, and from the page itself where no worker can start', async ({ page, context }) => {
      // With a worker: a second wasm, started when the overview first asks.
      const workers = [];
      page.on('worker', (wk) => workers.push(wk.url()));
      await seeded(page, lang, 'b');
      const view = await openOverview(page, lang);
      const overview = part(view, lang, 'Related incidents');
      const b = overview.getByRole('listitem').filter({ has: page.locator('summary', { hasText: 'INC-2 · Queue stall' }) });
      await b.locator('summary').click();
      await expect(b.getByRole('link', { name: 'INC-1 · Cache leak' })).toBeVisible();
      expect(workers.some((u) => u.endsWith('/hindsight-worker_loader.js'))).toBe(true);
      // A folder's files are read in the worker too.
      const readFolder = async (p, v) => {
        await v.getByLabel(w(lang, 'Open a folder'), { exact: true }).setInputFiles(FOLDER);
        await expect(p.getByText(w(lang, 'Opened {0} postmortems from the folder.', '5'))).toBeVisible();
        await expect(part(v, lang, 'Postmortems in a folder').locator('li.folder-entry')).toHaveCount(5);
      };
      await readFolder(page, view);

      // Without one (a browser with no Worker): the same list, computed on the page.
      const plain = await context.newPage();
      await plain.addInitScript(() => { delete window.Worker; });
      const plainWorkers = [];
      plain.on('worker', (wk) => plainWorkers.push(wk.url()));
      await new EditorPage(plain, lang).open('?draft=b');
      const plainView = await openOverview(plain, lang);
      const plainOverview = part(plainView, lang, 'Related incidents');
      const b2 = plainOverview.getByRole('listitem').filter({ has: plain.locator('summary', { hasText: 'INC-2 · Queue stall' }) });
      await b2.locator('summary').click();
      await expect(b2.getByRole('link', { name: 'INC-1 · Cache leak' })).toBeVisible();
      await readFolder(plain, plainView);
      expect(plainWorkers.filter((u) => u.includes('hindsight-worker'))).toEqual([]);
    });

    test('trends are charts with tables, and the open items download as Markdown and CSV', async ({ page }) => {
      await seeded(page, lang);
      const view = await openOverview(page, lang);
      const trends = part(view, lang, 'Trends');
      // These incidents are of 2024: all time shows them.
      await trends.getByLabel(w(lang, 'Range'), { exact: true }).selectOption('all');
      const perMonth = trends.getByRole('img', { name: w(lang, 'Incidents per month by severity'), exact: true });
      await expect(perMonth).toBeVisible();
      await expect(perMonth.locator('rect')).not.toHaveCount(0);
      await expect(trends.getByRole('img', { name: w(lang, 'Time to detect and time to resolve over time'), exact: true })).toBeVisible();
      await trends.getByText(w(lang, 'Show the numbers as a table')).first().click();
      const table = trends.getByRole('table', { name: w(lang, 'Incidents per month by severity') });
      await expect(table.getByRole('row').filter({ hasText: '2024-04' }).getByRole('cell').last()).toHaveText('2');

      const open = part(view, lang, 'Open action items');
      const download = async (name) => {
        const [file] = await Promise.all([page.waitForEvent('download'), open.getByRole('button', { name: w(lang, name), exact: true }).click()]);
        return fs.readFileSync(await file.path(), 'utf8');
      };
      // A task list per owner, even while the list is grouped by due week.
      await open.getByLabel(w(lang, 'Group by'), { exact: true }).selectOption('week');
      const markdown = await download('Download Markdown');
      expect(markdown).toContain(`# ${w(lang, 'Open action items')}`);
      expect(markdown.match(/^## .*/gm)).toEqual(['## Ana', '## Bo', `## ${w(lang, 'Unassigned')}`]);
      expect(markdown).toMatch(/^- \[ \] Add cache checks/m);
      expect(markdown).not.toContain('Write runbook');
      const csv = await download('Download CSV');
      expect(csv.startsWith(`\uFEFF${w(lang, 'Owner')},${w(lang, 'Action')},`)).toBe(true);
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    });

    test('Mark done can be undone: the item is listed again and its draft has it not done', async ({ page }) => {
      const app = await seeded(page, lang);
      const view = await openOverview(page, lang);
      const open = part(view, lang, 'Open action items');
      const items = open.locator('li.open-item');
      await open.getByRole('button', { name: w(lang, 'Mark done: {0}', 'Rotate keys'), exact: true }).click();
      await expect(items.locator('.item-action')).toHaveText(['Add cache checks', 'Alert on stale reads', 'Load test cluster']);
      const toast = page.locator('.toast', { hasText: w(lang, 'Marked “{0}” done in “{1}”.', 'Rotate keys', 'Queue stall') });
      await toast.getByRole('button', { name: w(lang, 'Undo'), exact: true }).click();
      // Listed again, in its place, with the focus back on its Mark done button.
      await expect(items.locator('.item-action')).toHaveText(['Add cache checks', 'Rotate keys', 'Alert on stale reads', 'Load test cluster']);
      await expect(page.getByText(w(lang, '“{0}” in “{1}” is not done again.', 'Rotate keys', 'Queue stall'))).toBeVisible();
      await expect(open.getByRole('button', { name: w(lang, 'Mark done: {0}', 'Rotate keys'), exact: true })).toBeFocused();
      await expect(open.getByText(w(lang, '{0} open, {1} overdue', '4', '2'), { exact: true })).toBeVisible();
      // Its draft has it not done, after a reload too (which keeps the overview open).
      await page.reload();
      await expect(view).toBeVisible();
      await open.getByRole('link', { name: 'Rotate keys', exact: true }).click();
      await expect(app.field('Header', 'Title')).toHaveValue('Queue stall');
      const done = (n) => app.row('Action items', w(lang, 'Action item {0}', String(n))).getByLabel(w(lang, 'Done'), { exact: true });
      await expect(done(2)).not.toBeChecked();
    });

    test('one incident in two languages counts once, is not related to itself, and links to its other version', async ({ page }) => {
      const app = await seeded(page, lang, 'en9', TRANSLATED);
      // In the editor: the other version is a link, never a related incident.
      const related = app.section('Trigger and root causes').getByRole('region', { name: w(lang, 'Related incidents'), exact: true });
      await expect(related.getByRole('listitem')).toHaveCount(0);
      await related.getByRole('link', { name: w(lang, 'Also in 繁體中文'), exact: true }).click();
      await expect(app.field('Header', 'Title')).toHaveValue('帳本服務中斷');
      await expect(related.getByRole('link', { name: w(lang, 'Also in English'), exact: true })).toBeVisible();
      // The drafts list links the two as well.
      await app.draftItems('帳本服務中斷').getByRole('button', { name: w(lang, 'Also in English'), exact: true }).click();
      await expect(app.field('Header', 'Title')).toHaveValue('Ledger outage');

      // Trends: the last 12 months by default, from the first month with an incident in
      // them; the SEV1 counted once.
      const view = await openOverview(page, lang);
      const trends = part(view, lang, 'Trends');
      const range = trends.getByLabel(w(lang, 'Range'), { exact: true });
      await expect(range).toHaveValue('12');
      await expect(range.locator('option:checked')).toHaveText(w(lang, 'Last 12 months'));
      const perMonth = trends.locator('figure', { has: page.locator('#chart-per-month') });
      const months = perMonth.locator('tbody th');
      await expect(months).toHaveText([monthsAgo(2), monthsAgo(1), monthsAgo(0)]);
      const first = perMonth.locator('tbody tr').first().locator('td');
      await expect(first.first()).toHaveText('1');
      await expect(first.last()).toHaveText('1');
      // All time reaches back to the older incident; 24 months do not.
      await range.selectOption({ label: w(lang, 'All time') });
      await expect(months.first()).toHaveText(monthsAgo(30));
      await range.selectOption('24');
      await expect(months.first()).toHaveText(monthsAgo(2));
      // Their open items stay each draft's own.
      const open = part(view, lang, 'Open action items');
      await expect(open.locator('li.open-item .item-action')).toHaveText(['Bound the ledger queue', '限制帳本佇列長度']);
      // And the overview relates neither version to the other.
      await expect(part(view, lang, 'Related incidents').locator('summary')).toHaveCount(0);
    });

    test('a folder of five Markdown postmortems opens into the overview, read-only', async ({ page }) => {
      const app = await seeded(page, lang);
      const view = await openOverview(page, lang);
      await view.getByLabel(w(lang, 'Open a folder'), { exact: true }).setInputFiles(FOLDER);
      await expect(page.getByText(w(lang, 'Opened {0} postmortems from the folder.', '5'))).toBeVisible();
      const folder = part(view, lang, 'Postmortems in a folder');
      await expect(folder.locator('li.folder-entry')).toHaveCount(5);
      await expect(folder.getByText(w(lang, 'From folder'), { exact: true })).toHaveCount(5);

      // Their open items join the list, marked as from the folder, with no Mark done.
      const open = part(view, lang, 'Open action items');
      await expect(open.locator('li.open-item')).toHaveCount(4 + 6);
      const validate = open.locator('li.open-item', { hasText: 'Validate resolver configuration before push' });
      await expect(validate.getByText(w(lang, 'From folder'))).toBeVisible();
      await expect(validate.getByRole('button')).toHaveCount(0);
      await expect(open.locator('li.open-item', { hasText: '自動更新憑證並在到期前 30 天告警' })).toHaveCount(1);

      // An item of the folder links to its postmortem, shown read-only.
      await open.getByRole('link', { name: 'Include tenant id in every cache key' }).click();
      const leak = folder.getByRole('region', { name: w(lang, 'Report: {0}', 'Cache served other users\' data') });
      await expect(leak.locator('h1')).toHaveText('Cache served other users\' data');
      await expect(folder.getByRole('heading', { name: 'Cache served other users\' data', level: 4 })).toBeFocused();
      // Related across drafts and folder: TEAM-104 names TEAM-102.
      const related = part(view, lang, 'Related incidents');
      const again = related.getByRole('listitem').filter({ has: page.locator('summary', { hasText: 'TEAM-104' }) });
      await again.locator('summary').click();
      await expect(again.getByRole('link', { name: 'TEAM-102 · Cache served other users\' data' })).toBeVisible();

      // Save as draft copies one into storage and opens it.
      await folder.getByRole('button', { name: w(lang, 'Save as draft: {0}', 'Billing queue stalled'), exact: true }).click();
      await expect(page.getByText(w(lang, 'Saved “{0}” as a new draft.', 'Billing queue stalled'))).toBeVisible();
      await expect(app.field('Header', 'Title')).toHaveValue('Billing queue stalled');
      await expect(app.draftItems('Billing queue stalled')).toHaveCount(1);
      await openOverview(page, lang);
      await expect(folder.locator('li.folder-entry')).toHaveCount(4);
      const poison = open.locator('li.open-item', { hasText: 'Move poison messages to a dead-letter queue' });
      await expect(poison.getByText(w(lang, 'From folder'))).toHaveCount(0);
      await expect(poison.getByRole('button', { name: w(lang, 'Mark done: {0}', 'Move poison messages to a dead-letter queue') })).toBeVisible();
    });

    test('files of a folder that cannot be opened are listed with the reason', async ({ page }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-folder-'));
      fs.copyFileSync(path.join(FOLDER, '2024-01-dns-outage.md'), path.join(dir, 'dns.md'));
      // Written elsewhere: the foreign importer maps it, so it opens too.
      fs.writeFileSync(path.join(dir, 'notes.md'), '# Cache outage\n\n## Summary\n\nThe cache fell over.\n');
      // Hindsight's own format from a newer version: it cannot be read here, and says why.
      fs.writeFileSync(path.join(dir, 'broken.md'), '---\nschema_version: 99\n---\n\n## Summary\n\nFrom the future.\n');
      fs.writeFileSync(path.join(dir, 'diagram.png'), 'not really a picture');
      // Meeting notes are not a postmortem: listed with the reason, not opened untitled.
      fs.writeFileSync(path.join(dir, 'standup.md'), 'Standup notes\n\nWe talked about the roadmap.\n');
      await seeded(page, lang);
      const view = await openOverview(page, lang);
      await view.getByLabel(w(lang, 'Open a folder'), { exact: true }).setInputFiles(dir);
      const folder = part(view, lang, 'Postmortems in a folder');
      await expect(folder.locator('li.folder-entry')).toHaveCount(2);
      const failed = folder.getByRole('alert');
      await expect(failed.getByRole('heading')).toHaveText(w(lang, 'Files that could not be opened'));
      await expect(failed.getByRole('listitem')).toHaveText([
        /broken\.md.*(newer version|較新版本)/,
        /standup\.md: (None of its headings names a part of a postmortem|沒有任何標題對應到事後檢討的段落)/,
      ]);
      await expect(folder.getByText(w(lang, 'Files skipped because they are not Markdown: {0}.', '1'))).toBeVisible();
      // A report written elsewhere goes through "Where each part went" before it is a draft.
      await folder.getByRole('button', { name: w(lang, 'Save as draft: {0}', 'Cache outage'), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: lang === 'en' ? 'Where each part went' : '各段落的去向' });
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: lang === 'en' ? 'Create the draft' : '建立草稿' }).click();
      const app = new EditorPage(page, lang);
      await expect(app.field('Header', 'Title')).toHaveValue('Cache outage');
      await expect(app.field('Summary', 'Summary')).toHaveValue('The cache fell over.');
      fs.rmSync(dir, { recursive: true });
    });
  });
}

test.describe('accessibility', () => {
  test.use({ bypassCSP: true });
  const layouts = [
    ['light', { width: 1280, height: 800 }],
    ['light', { width: 390, height: 844 }],
    ['dark', { width: 1280, height: 800 }],
    ['dark', { width: 390, height: 844 }],
  ];
  for (const lang of LANGUAGES) {
    for (const [colorScheme, viewport] of layouts) {
      test(`the overview has no serious violation (${lang}, ${colorScheme}, ${viewport.width} px)`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize(viewport);
        await seeded(page, lang);
        const view = await openOverview(page, lang);
        await view.getByLabel(w(lang, 'Open a folder'), { exact: true }).setInputFiles(FOLDER);
        await expect(part(view, lang, 'Postmortems in a folder').locator('li.folder-entry')).toHaveCount(5);
        await part(view, lang, 'Postmortems in a folder').getByRole('button', { name: w(lang, 'Show report: {0}', 'DNS resolver outage') }).click();
        await part(view, lang, 'Related incidents').locator('summary').first().click();
        for (const summary of await part(view, lang, 'Trends').locator('summary').all()) await summary.click();
        expect(await scan(page)).toEqual([]);
      });
    }
  }
});
