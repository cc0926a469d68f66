// The Customer version: the public notice derived from the report, its redaction choices and
// its exports, in both UI languages (each flow runs in a browser that asks for English and
// in one that asks for Traditional Chinese, so the new draft's report follows it).
import { test, expect } from '@playwright/test';
import { scan } from './axe.js';
import fs from 'node:fs/promises';

const LANGS = [
  {
    name: 'English',
    locale: 'en-US',
    form: 'Postmortem form',
    header: 'Header', title: 'Title', incidentId: 'Incident ID', authors: 'Authors',
    summary: 'Summary',
    actions: 'Action items', addAction: 'Add action item', actionItem: (n) => `Action item ${n}`,
    action: 'Action', type: 'Type',
    customer: 'Customer version', back: 'Back to the editor',
    publicTitle: 'Public title', whatHappened: 'What happened', whatWeAreDoing: 'What we are doing',
    public: 'Public', keepOut: 'Keep out', letThrough: 'Let through',
    alwaysRedact: 'Always redact', wordOrDomain: 'Word or domain',
    useReport: "Use the report's text",
    download: (f) => `Download customer version (${f})`,
    copy: (f) => `Copy customer version (${f})`,
    plain: 'plain text',
    copied: 'Customer version copied to the clipboard.',
    looking: 'Looking for internal details…',
    loadingView: 'Loading this view…',
    viewUnavailable: 'This view could not be loaded. Open Hindsight once while online, then try again.',
    preview: 'Customer version preview',
    redacted: '[redacted]',
    kinds: {
      'internal-host': 'Internal host name', 'ip-address': 'IP address', email: 'Email address',
      'person-name': "Person's name", 'tracker-key': 'Ticket number', 'custom-word': 'Word you always redact',
    },
    person: 'Dana Whitfield',
    reportTitle: 'OPS-1234: checkout errors',
    summaryText: 'Checkout failed for 40 minutes after db-1.corp (10.0.4.7) ran out of disk. '
      + 'Dana Whitfield paged oncall@acme.example and tracked it in OPS-1234 with Project Falcon.',
    actionText: 'Alert on the disk space of db-1.corp',
    detectText: 'Alert when checkout errors rise',
    ownTitle: 'Checkout errors on 2 May',
    otherTitle: 'Disk full on the checkout database',
    ownText: 'Checkout failed for 40 minutes.',
    docLang: 'en',
    generic: 'Service incident',
    when: 'When', messageHeading: 'Message from the team', edited: 'Edited here',
    started: 'Started', noticed: 'Noticed', fixed: 'Fixed', statusPage: 'Status page updated',
    gapsTitle: 'Some sentences still have a gap', copyAnyway: 'Copy anyway',
    downloadAnyway: 'Download anyway', rewrite: 'Rewrite the sentence', cancel: 'Cancel',
    kindConfig: 'Configuration name', kindSystem: 'Internal system name',
    failTitle: 'INC-9: Patroni promoted a lagging replica',
    failSummary: 'Orders failed for 20 minutes.',
    failNotice: 'We are sorry. Orders failed for 20 minutes. It is fixed now.',
    failAction: '[DB] Lower maximum_lag_on_failover in Patroni',
    failDoing: '- Lower maximum_lag_on_failover in Patroni',
    failDoingRedacted: '- Lower [redacted] in [redacted]',
    failRewrite: '- Fail over only to an up-to-date copy',
    datedTitle: 'Service incident on 2026-05-02',
    moment: (word, time) => `- ${word}: ${time}`,
  },
  {
    name: '繁體中文',
    locale: 'zh-TW',
    form: '事後檢討表單',
    header: '基本資料', title: '標題', incidentId: '事件編號', authors: '撰寫者',
    summary: '摘要',
    actions: '行動項目', addAction: '新增行動項目', actionItem: (n) => `行動項目 ${n}`,
    action: '行動', type: '類型',
    customer: '對外版本', back: '回到編輯器',
    publicTitle: '對外標題', whatHappened: '發生了什麼', whatWeAreDoing: '我們正在做的事',
    public: '公開', keepOut: '遮蔽', letThrough: '保留',
    alwaysRedact: '一律遮蔽', wordOrDomain: '字詞或網域',
    useReport: '改回報告內容',
    download: (f) => `下載對外版本（${f}）`,
    copy: (f) => `複製對外版本（${f}）`,
    plain: '純文字',
    copied: '已將對外版本複製到剪貼簿。',
    looking: '正在找出內部細節…',
    loadingView: '正在載入這個畫面…',
    viewUnavailable: '無法載入這個畫面。請先在連線時開啟 Hindsight 一次，再試一次。',
    preview: '對外版本預覽',
    redacted: '［已遮蔽］',
    kinds: {
      'internal-host': '內部主機名稱', 'ip-address': 'IP 位址', email: '電子郵件地址',
      'person-name': '人名', 'tracker-key': '工單編號', 'custom-word': '一律遮蔽的字詞',
    },
    person: '王小明',
    reportTitle: 'OPS-1234：結帳錯誤',
    summaryText: '結帳失敗約 40 分鐘，因為 db-1.corp（10.0.4.7）的磁碟滿了。'
      + '王小明通知了 oncall@acme.example，並用 OPS-1234 與 Project Falcon 追蹤。',
    actionText: '監控 db-1.corp 的磁碟空間',
    detectText: '結帳錯誤增加時發出告警',
    ownTitle: '5 月 2 日結帳錯誤',
    otherTitle: '結帳資料庫磁碟已滿',
    ownText: '結帳失敗約 40 分鐘。',
    docLang: 'zh-TW',
    generic: '服務事件',
    when: '時間', messageHeading: '來自團隊的訊息', edited: '已在此改寫',
    started: '開始', noticed: '發現', fixed: '修復', statusPage: '狀態頁更新',
    gapsTitle: '有些句子還留著空缺', copyAnyway: '仍要複製',
    downloadAnyway: '仍要下載', rewrite: '改寫這句', cancel: '取消',
    kindConfig: '設定名稱', kindSystem: '內部系統名稱',
    failTitle: 'INC-9：Patroni 提升了落後的副本',
    failSummary: '訂單失敗了 20 分鐘。',
    failNotice: '很抱歉。訂單失敗了 20 分鐘。問題已經修復。',
    failAction: '【DB】調低 Patroni 的 maximum_lag_on_failover',
    failDoing: '- 調低 Patroni 的 maximum_lag_on_failover',
    failDoingRedacted: '- 調低 ［已遮蔽］ 的 ［已遮蔽］',
    failRewrite: '- 只切換到資料最新的副本',
    datedTitle: '2026-05-02 服務事件',
    moment: (word, time) => `- ${word}：${time}`,
  },
];

// The internal details of the report, by the kind the scanner gives them.
const DETAILS = {
  'internal-host': 'db-1.corp',
  'ip-address': '10.0.4.7',
  email: 'oncall@acme.example',
  'tracker-key': 'OPS-1234',
};


for (const L of LANGS) {
  test.describe(`in ${L.name}`, () => {
    // axe is injected as a script, which the app's own policy would rightly refuse.
    test.use({ locale: L.locale, bypassCSP: true });

    const form = (page) => page.getByRole('main', { name: L.form });
    const section = (page, name) => form(page).getByRole('region', { name, exact: true });
    const field = (page, sectionName, label) => section(page, sectionName).getByLabel(label, { exact: true });
    const view = (page) => page.getByRole('region', { name: L.customer, exact: true });
    const part = (page, name) => view(page).getByRole('group', { name, exact: true });
    const choice = (scope, text) => scope.getByRole('group', { name: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

    /** A new draft filled with internal details, and the Customer version opened. */
    async function fillAndOpen(page) {
      await page.goto('./');
      await expect(section(page, L.header)).toBeVisible();
      await field(page, L.header, L.title).fill(L.reportTitle);
      await field(page, L.header, L.incidentId).fill('INC-77');
      await field(page, L.header, L.authors).fill(L.person);
      await field(page, L.summary, L.summary).fill(L.summaryText);
      await section(page, L.actions).getByRole('button', { name: L.addAction }).click();
      const row = section(page, L.actions).getByRole('group', { name: L.actionItem(1), exact: true });
      await row.getByLabel(L.action, { exact: true }).fill(L.actionText);
      await row.getByLabel(L.type, { exact: true }).selectOption('process');
      // A second item, Detect, which is public by default.
      await section(page, L.actions).getByRole('button', { name: L.addAction }).click();
      const second = section(page, L.actions).getByRole('group', { name: L.actionItem(2), exact: true });
      await second.getByLabel(L.action, { exact: true }).fill(L.detectText);
      await second.getByLabel(L.type, { exact: true }).selectOption('detect');
      await page.getByRole('button', { name: L.customer, exact: true }).click();
      await expect(view(page)).toBeVisible();
      await expect(page).toHaveURL(/[?&]view=customer/);
    }

    const gapsDialog = (page) => page.getByRole('dialog', { name: L.gapsTitle });

    /** Downloads one format; with `anyway`, a sentence has a gap and the dialog is answered. */
    async function download(page, format, { anyway = false } = {}) {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        (async () => {
          await view(page).getByRole('button', { name: L.download(format), exact: true }).click();
          if (anyway) await gapsDialog(page).getByRole('button', { name: L.downloadAnyway, exact: true }).click();
        })(),
      ]);
      return { name: file.suggestedFilename(), text: await fs.readFile(await file.path(), 'utf8') };
    }

    /** A report of issue 23, written for the team, imported as a new draft, and the view opened. */
    async function importFailover(page) {
      await page.goto('./');
      await expect(section(page, L.header)).toBeVisible();
      const at = (hhmm) => `2026-05-02T${hhmm}:00+00:00`;
      const doc = {
        schema_version: 3,
        language: L.docLang,
        header: { title: L.failTitle, incident_date: '2026-05-02', time_zone: 'UTC' },
        summary: L.failSummary,
        timeline: [
          { time: at('10:00'), event: 'replica lag', kind: 'impact_started', link: '' },
          { time: at('10:04'), event: 'alert', kind: 'detected', link: '' },
          { time: at('10:06'), event: 'posted', kind: 'status_page_updated', link: '' },
          { time: at('10:20'), event: 'failed back', kind: 'mitigated', link: '' },
        ],
        action_items: [{ action: L.failAction, kind: 'prevent' }],
        communication: { customer_notice: L.failNotice },
      };
      await page.getByLabel(L.name === 'English' ? 'Import' : '匯入', { exact: true })
        .setInputFiles({ name: 'failover.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
      await expect(field(page, L.header, L.title)).toHaveValue(L.failTitle);
      await page.getByRole('button', { name: L.customer, exact: true }).click();
      await expect(view(page)).toBeVisible();
    }

    test.describe('the worker', () => {
      // Its wasm must come from the network, where the test can hold it back, not from the
      // service worker's cache.
      test.use({ serviceWorkers: 'block' });

      test('the scanners run in the worker: "Looking for internal details…" until it answers, and the same marks on the page where no worker can start', async ({ page, context }) => {
        let release;
        const held = new Promise((r) => { release = r; });
        await page.route('**/hindsight-worker_bg.wasm', async (route) => { await held; await route.continue(); });
        await importFailover(page);
        await expect(view(page).getByText(L.looking)).toBeVisible();
        await expect(view(page).locator('mark.hit')).toHaveCount(0);
        release();
        await expect(view(page).getByText(L.looking)).toHaveCount(0);
        const marks = await view(page).locator('mark.hit').allInnerTexts();
        expect(marks.length).toBeGreaterThan(0);
        const preview = await view(page).getByRole('article', { name: L.preview }).innerText();

        // A change, then the view closed before the worker is asked: the app goes on.
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await part(page, L.whatHappened).getByRole('textbox').fill('A short public note.');
        await view(page).getByRole('button', { name: L.back, exact: true }).click();
        await page.waitForTimeout(600);
        await field(page, L.header, L.title).fill('Still typing');
        await expect(page.locator('#preview-header h1')).toHaveText('Still typing');
        expect(errors).toEqual([]);

        const plain = await context.newPage();
        await plain.addInitScript(() => { delete window.Worker; });
        await importFailover(plain);
        await expect(view(plain).locator('mark.hit')).toHaveCount(marks.length);
        expect(await view(plain).locator('mark.hit').allInnerTexts()).toEqual(marks);
        await expect(view(plain).getByRole('article', { name: L.preview })).toHaveText(preview);
        await plain.close();
      });
    });

    test.describe('its own module', () => {
      // The module must come from the network, where the test can hold it back or fail it.
      test.use({ serviceWorkers: 'block' });

      test('"Loading this view…" until the view\'s module arrives; where it cannot, an alert, and the draft is kept', async ({ page, context }) => {
        let release;
        const held = new Promise((r) => { release = r; });
        await page.route('**/split_customer.wasm', async (route) => { await held; await route.continue(); });
        await page.goto('./');
        await field(page, L.header, L.title).fill(L.failTitle);
        await page.getByRole('button', { name: L.customer, exact: true }).click();
        await expect(page.getByRole('status').filter({ hasText: L.loadingView })).toBeVisible();
        await expect(view(page)).toHaveCount(0);
        release();
        await expect(view(page)).toBeVisible();
        await expect(page.getByText(L.loadingView)).toHaveCount(0);

        // A static host that serves .wasm under another type: the module still loads.
        const plainHost = await context.newPage();
        await plainHost.route(/\/(split|chunk)_[^/]*\.wasm$/, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
        });
        await plainHost.goto('./');
        await plainHost.getByRole('button', { name: L.customer, exact: true }).click();
        await expect(view(plainHost)).toBeVisible();
        await plainHost.close();

        const offline = await context.newPage();
        await offline.route('**/split_*.wasm', (route) => route.fulfill({ status: 404, body: '' }));
        await offline.goto('./');
        await field(offline, L.header, L.title).fill('Kept while the view fails');
        const errors = [];
        offline.on('pageerror', (e) => errors.push(e.message));
        await offline.getByRole('button', { name: L.customer, exact: true }).click();
        await expect(offline.getByRole('alert').filter({ hasText: L.viewUnavailable })).toBeVisible();
        // The app goes on: back in the editor, the draft is as it was.
        await offline.getByRole('button', { name: L.back, exact: true }).click();
        await expect(field(offline, L.header, L.title)).toHaveValue('Kept while the view fails');
        await field(offline, L.header, L.title).fill('Still typing');
        await expect(offline.locator('#preview-header h1')).toHaveText('Still typing');
        expect(errors).toEqual([]);
        await offline.close();
      });
    });

    test('internal details are highlighted by kind; exactly the one let through reaches every export', async ({ page }) => {
      await fillAndOpen(page);
      const happened = part(page, L.whatHappened);
      // Each detail is marked, and the mark names its kind in words.
      for (const [kind, text] of Object.entries({ ...DETAILS, 'person-name': L.person })) {
        const mark = happened.locator(`mark.hit[data-kind="${kind}"]`, { hasText: text });
        await expect(mark).toHaveCount(1);
        await expect(mark).toContainText(L.kinds[kind]);
        // Kept out by default.
        await expect(choice(happened, text).getByRole('radio', { name: L.keepOut })).toBeChecked();
      }
      // The Public title is empty until written: the report's title is only its hint.
      const titleBox = part(page, L.publicTitle).getByRole('textbox', { name: L.publicTitle });
      await expect(titleBox).toHaveValue('');
      await expect(titleBox).toHaveAttribute('placeholder', L.reportTitle);

      // Let exactly one through: the IP address.
      await choice(happened, '10.0.4.7').getByRole('radio', { name: L.letThrough }).check();
      await expect(choice(happened, '10.0.4.7').getByRole('radio', { name: L.letThrough })).toBeChecked();
      await expect(happened.locator('mark.hit.through')).toHaveText(new RegExp('10\\.0\\.4\\.7'));

      const preview = view(page).getByRole('article', { name: L.preview });
      await expect(preview).toContainText('10.0.4.7');
      await expect(preview.locator('h1')).toHaveText(new RegExp(L.generic));
      await expect(preview.locator('h1')).not.toContainText('checkout');
      const hidden = [DETAILS['internal-host'], DETAILS.email, DETAILS['tracker-key'], L.person];
      const previewHtml = await preview.innerHTML();
      for (const text of hidden) expect(previewHtml).not.toContain(text);

      for (const format of ['Markdown', 'HTML', L.plain]) {
        const file = await download(page, format, { anyway: true });
        expect(file.text).toContain('10.0.4.7');
        expect(file.text).toContain(L.redacted);
        for (const text of [...hidden, 'INC-77']) {
          expect(file.text, `${format} keeps out ${text}`).not.toContain(text);
          expect(file.name.toLowerCase(), `${format} file name keeps out ${text}`).not.toContain(text.toLowerCase());
        }
        expect(file.name).toMatch(L.locale === 'zh-TW' ? /對外版本\.(md|html|txt)$/ : /customer-version\.(md|html|txt)$/);
      }
      const html = await download(page, 'HTML', { anyway: true });
      expect(html.text).toContain('<meta http-equiv="Content-Security-Policy"');
      expect(html.text).not.toContain('<script');

      // The choice is stored in the draft: it survives a reload, which keeps the view.
      await page.reload();
      await expect(choice(part(page, L.whatHappened), '10.0.4.7').getByRole('radio', { name: L.letThrough })).toBeChecked();
      await expect(choice(part(page, L.whatHappened), 'db-1.corp').getByRole('radio', { name: L.keepOut })).toBeChecked();

      // Back returns to the editor, the internal report untouched.
      await page.goBack();
      await expect(field(page, L.summary, L.summary)).toHaveValue(L.summaryText);
      await expect(page).not.toHaveURL(/view=customer/);
    });

    test('parts are edited as public overrides, action items chosen by Public, words always redacted', async ({ page, context }) => {
      await fillAndOpen(page);
      const happened = part(page, L.whatHappened);
      const box = happened.getByRole('textbox', { name: L.whatHappened });
      await expect(box).toHaveValue(L.summaryText);
      await box.fill(L.ownText);
      await expect(happened.locator('mark.hit')).toHaveCount(0);
      const preview = view(page).getByRole('article', { name: L.preview });
      await expect(preview).toContainText(L.ownText);

      // The Public title follows the report's title until it is edited, then keeps its own.
      const title = part(page, L.publicTitle).getByRole('textbox', { name: L.publicTitle });
      await title.fill(L.ownTitle);
      await expect(preview.locator('h1')).toHaveText(L.ownTitle);

      // The Detect item is public by default and the Process item is not; checking Public
      // lists it, only its text.
      const doing = part(page, L.whatWeAreDoing);
      const doingBox = doing.getByRole('textbox', { name: L.whatWeAreDoing });
      const item = doing.getByRole('group', { name: L.actionItem(1), exact: true });
      await expect(item.getByRole('checkbox', { name: L.public })).not.toBeChecked();
      await expect(doing.getByRole('group', { name: L.actionItem(2), exact: true }).getByRole('checkbox', { name: L.public })).toBeChecked();
      await expect(doingBox).toHaveValue(`- ${L.detectText}`);
      await item.getByRole('checkbox', { name: L.public }).check();
      await expect(doingBox).toHaveValue(`- ${L.actionText}\n- ${L.detectText}`);
      await expect(doing.locator('mark.hit[data-kind="internal-host"]')).toHaveCount(1);

      // A word of the draft's own: always kept out, with no choice to let it through.
      await view(page).getByLabel(L.wordOrDomain, { exact: true }).fill('Project Falcon');
      await view(page).getByRole('button', { name: L.alwaysRedact, exact: true }).click();
      await expect(view(page).getByLabel(L.wordOrDomain, { exact: true })).toHaveValue('');
      await happened.getByRole('button', { name: new RegExp(L.useReport) }).click();
      await expect(box).toHaveValue(L.summaryText);
      await expect(box).toBeFocused();
      const falcon = happened.locator('mark.hit[data-kind="custom-word"]');
      await expect(falcon).toContainText('Project Falcon');
      await expect(falcon).toContainText(L.kinds['custom-word']);
      await expect(happened.locator('li.hit-choice.always')).toHaveCount(1);
      await expect(happened.locator('li.hit-choice.always').getByRole('radio')).toHaveCount(0);
      await expect(preview).not.toContainText('Falcon');
      // Removed from the list, the word is an ordinary word again.
      await view(page).getByRole('button', { name: new RegExp('Project Falcon') }).click();
      await expect(preview).toContainText('Project Falcon');
      await expect(view(page).getByLabel(L.wordOrDomain, { exact: true })).toBeFocused();
      await view(page).getByLabel(L.wordOrDomain, { exact: true }).fill('Project Falcon');
      await view(page).getByLabel(L.wordOrDomain, { exact: true }).press('Enter');
      await expect(preview).not.toContainText('Falcon');

      // Copy puts the same Markdown as the download on the clipboard.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const md = await download(page, 'Markdown', { anyway: true });
      expect(md.text).not.toContain('Falcon');
      expect(md.text).toContain(`- ${L.actionText.replace('db-1.corp', L.redacted)}`);
      expect(md.text.startsWith(`# ${L.ownTitle}\n`)).toBe(true);
      await view(page).getByRole('button', { name: L.copy('Markdown'), exact: true }).click();
      await gapsDialog(page).getByRole('button', { name: L.copyAnyway, exact: true }).click();
      await expect(page.getByText(L.copied)).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(md.text);
      const text = await download(page, L.plain, { anyway: true });
      await view(page).getByRole('button', { name: L.copy(L.plain), exact: true }).click();
      await gapsDialog(page).getByRole('button', { name: L.copyAnyway, exact: true }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(text.text);

      // The internal report is as it was.
      await view(page).getByRole('button', { name: L.back, exact: true }).click();
      await expect(field(page, L.summary, L.summary)).toHaveValue(L.summaryText);
      await expect(field(page, L.header, L.title)).toHaveValue(L.reportTitle);
      const row = section(page, L.actions).getByRole('group', { name: L.actionItem(1), exact: true });
      await expect(row.getByLabel(L.action, { exact: true })).toHaveValue(L.actionText);
      // A new report title does not replace the Public title the user wrote; emptied, the
      // notice takes a plain heading, never the report's title.
      await field(page, L.header, L.title).fill(L.otherTitle);
      await page.getByRole('button', { name: L.customer, exact: true }).click();
      await expect(title).toHaveValue(L.ownTitle);
      await part(page, L.publicTitle).getByRole('button', { name: new RegExp(L.useReport) }).click();
      await expect(title).toHaveValue('');
      await expect(title).toHaveAttribute('placeholder', L.otherTitle);
      await expect(preview.locator('h1')).toHaveText(new RegExp(L.generic));
    });

    test('a notice that reads like one: its own title, When in plain words, the team message under its heading, no configuration names', async ({ page }) => {
      await importFailover(page);
      const preview = view(page).getByRole('article', { name: L.preview });
      // The title: empty, the report's title as its hint, a plain heading until written.
      const title = part(page, L.publicTitle).getByRole('textbox', { name: L.publicTitle });
      await expect(title).toHaveValue('');
      await expect(title).toHaveAttribute('placeholder', L.failTitle);
      await expect(preview.locator('h1')).toHaveText(L.datedTitle);
      await expect(preview).not.toContainText('Executive Summary');
      await expect(preview).not.toContainText('INC-9');

      // When: started, noticed, fixed; not the timeline's own kinds.
      const when = part(page, L.when).getByRole('textbox', { name: L.when });
      await expect(when).toHaveValue(new RegExp(
        `^${L.moment(L.started, '10:00')}\n${L.moment(L.noticed, '10:04')}\n${L.moment(L.fixed, '10:20')}\n`));
      await expect(preview).not.toContainText(L.statusPage);

      // What we are doing: the tag is gone, the setting and the tool are marked and kept out.
      const doing = part(page, L.whatWeAreDoing);
      await expect(doing.getByRole('textbox', { name: L.whatWeAreDoing })).toHaveValue(L.failDoing);
      await expect(doing.locator('mark.hit[data-kind="config-name"]')).toContainText('maximum_lag_on_failover');
      await expect(doing.locator('mark.hit[data-kind="config-name"]')).toContainText(L.kindConfig);
      await expect(doing.locator('mark.hit[data-kind="internal-system"]')).toContainText('Patroni');
      await expect(doing.locator('mark.hit[data-kind="internal-system"]')).toContainText(L.kindSystem);
      await expect(preview).toContainText(L.failDoingRedacted.slice(2));
      for (const internal of ['maximum_lag', 'Patroni', 'DB']) await expect(preview).not.toContainText(internal);

      // The team's message under its own heading, last; the summary it repeats is not said twice.
      const headings = preview.locator('h2');
      await expect(headings.last()).toHaveText(L.messageHeading);
      await expect(preview.getByRole('heading', { name: L.whatHappened, exact: true })).toHaveCount(0);
      await expect(preview.locator('h2 + p').last()).toHaveText(L.failNotice);
      expect((await preview.innerText()).split(L.failSummary).length - 1).toBe(1);
      await expect(preview).not.toContainText('---');

      // Written, the title is the notice's.
      await title.fill(L.ownTitle);
      await expect(preview.locator('h1')).toHaveText(L.ownTitle);
    });

    test('copying or downloading with a gap in a sentence asks first, and offers to rewrite the sentence', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await importFailover(page);
      // Download: the dialog names the sentence; Download anyway goes on.
      await view(page).getByRole('button', { name: L.download('Markdown'), exact: true }).click();
      const dialog = gapsDialog(page);
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('listitem')).toHaveCount(1);
      await expect(dialog.getByRole('listitem')).toContainText(L.failDoingRedacted.slice(2));
      await expect(dialog.getByRole('button', { name: L.cancel, exact: true })).toBeVisible();
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: L.downloadAnyway, exact: true }).click(),
      ]);
      expect(await fs.readFile(await file.path(), 'utf8')).toContain(L.redacted);
      await expect(dialog).toHaveCount(0);

      // Copy: Cancel copies nothing; Copy anyway copies the gap.
      await page.evaluate(() => navigator.clipboard.writeText('before'));
      const copyMd = view(page).getByRole('button', { name: L.copy('Markdown'), exact: true });
      await copyMd.click();
      await dialog.getByRole('button', { name: L.cancel, exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(copyMd).toBeFocused();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('before');
      await copyMd.click();
      await dialog.getByRole('button', { name: L.copyAnyway, exact: true }).click();
      await expect(page.getByText(L.copied)).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(L.failDoingRedacted);

      // Rewrite the sentence: the focus goes to the part's text with the sentence selected;
      // what is typed replaces it, and the part is the author's own.
      await copyMd.click();
      await dialog.getByRole('button', { name: L.rewrite, exact: true }).click();
      await expect(dialog).toHaveCount(0);
      const doing = part(page, L.whatWeAreDoing);
      const box = doing.getByRole('textbox', { name: L.whatWeAreDoing });
      await expect(box).toBeFocused();
      expect(await box.evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(L.failDoing);
      await page.keyboard.type(L.failRewrite);
      await expect(box).toHaveValue(L.failRewrite);
      await expect(doing.getByText(L.edited, { exact: true })).toBeVisible();
      await expect(doing.locator('mark.hit')).toHaveCount(0);
      // No gap is left: copying asks nothing.
      await copyMd.click();
      await expect(dialog).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(L.failRewrite);
      expect(await page.evaluate(() => navigator.clipboard.readText())).not.toContain(L.redacted);
    });

    test('the view has no serious accessibility violation and works from the keyboard', async ({ page }) => {
      await fillAndOpen(page);
      expect(await scan(page)).toEqual([]);
      // From the keyboard: move the IP address's choice to Let through with the arrow keys.
      const ip = choice(part(page, L.whatHappened), '10.0.4.7');
      await ip.getByRole('radio', { name: L.keepOut }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(ip.getByRole('radio', { name: L.letThrough })).toBeChecked();
      await expect(ip.getByRole('radio', { name: L.letThrough })).toBeFocused();
      await expect(view(page).getByRole('article', { name: L.preview })).toContainText('10.0.4.7');
      expect(await scan(page)).toEqual([]);
    });

    test('markup typed into the report stays text in the view and its preview', async ({ page }) => {
      await page.goto('./');
      const hostile = '<img src=x onerror="window.__pwned=1"> db-1.corp <script>window.__pwned=2</script>';
      await field(page, L.summary, L.summary).fill(hostile);
      await field(page, L.header, L.title).fill('<b onmouseover="window.__pwned=3">bold</b>');
      await page.getByRole('button', { name: L.customer, exact: true }).click();
      // The report's title is only the Public title's hint; written there, it is the heading.
      const title = part(page, L.publicTitle).getByRole('textbox', { name: L.publicTitle });
      await expect(title).toHaveAttribute('placeholder', '<b onmouseover="window.__pwned=3">bold</b>');
      await title.fill('<b onmouseover="window.__pwned=3">bold</b>');
      const happened = part(page, L.whatHappened);
      await expect(happened.locator('.highlighted')).toContainText('<img src=x onerror=');
      await expect(happened.locator('mark.hit[data-kind="internal-host"]')).toHaveCount(1);
      await expect(view(page).locator('img, script, b')).toHaveCount(0);
      await view(page).getByRole('article', { name: L.preview }).locator('h1').hover();
      await expect(view(page).getByRole('article', { name: L.preview }).locator('h1')).toContainText('<b onmouseover=');
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    });

    test.describe('on a phone', () => {
      test.use({ viewport: { width: 390, height: 844 } });

      test('the view has no serious accessibility violation', async ({ page }) => {
        await fillAndOpen(page);
        expect(await scan(page)).toEqual([]);
      });
    });

    test.describe('in the dark scheme', () => {
      test.use({ colorScheme: 'dark' });

      test('the highlighted parts and their choices stay readable (axe, contrast included)', async ({ page }) => {
        await fillAndOpen(page);
        // One detail let through, so both kinds of choice are on the page.
        const ip = choice(part(page, L.whatHappened), '10.0.4.7');
        await ip.getByRole('radio', { name: L.letThrough }).check();
        expect(await scan(page)).toEqual([]);
      });
    });
  });
}

