// The review as a user meets it (docs/review.md): a flawed report's
// findings by title in the Review region, a title that moves the focus to its field or row,
// Dismiss with a reason, the Final gate, the earlier incident, the phone toggle. Every flow
// runs in both UI languages; the UI follows the browser's language on a first visit.
import { test, expect } from '@playwright/test';
import { scan } from './axe.js';
import fs from 'node:fs/promises';
import path from 'node:path';

const FLAWED = path.resolve('tests/e2e/fixtures/flawed-report.md');

// An earlier incident whose root cause uses words like the flawed report's (a shared tag
// alone would be no shared cause), with an action item still open.
const EARLIER = `---
schema_version: 2
template: "lightweight"
language: "en"
title: "Card payments timed out"
incident_id: "INC-3900"
severity: "SEV3"
status: "final"
incident_date: "2024-01-10"
time_zone: "UTC"
tags: ["payments"]
---

# Card payments timed out

## Summary

Card payments timed out for 12 minutes.

## Trigger and root causes

### Root causes

The validation script was not run before the gateway configuration push.

## Action items

| Action | Type | Owner | Priority | Due date | Tracking link | Done |
| --- | --- | --- | --- | --- | --- | --- |
| Validate gateway config in CI | Prevent | Payments team | P1 | 2024-02-01 | | No |
`;

// The words a user finds things by, in each UI language (VOCABULARY.md, docs/review.md).
const WORDS = {
  en: {
    locale: 'en-US',
    form: 'Postmortem form',
    review: 'Review',
    heading: (p, s) => `Review: ${p} problems, ${s} suggestion${s === 1 ? '' : 's'}`,
    reviewing: 'Reviewing…',
    problem: 'Problem',
    suggestion: 'Suggestion',
    imported: 'Imported “Checkout failed after a config push” as a new draft.',
    importLabel: 'Import',
    header: 'Header',
    timeline: 'Timeline',
    causes: 'Trigger and root causes',
    actions: 'Action items',
    status: 'Status',
    title: 'Title',
    rootCauses: 'Root causes',
    recurrence: 'Recurrence',
    time: 'Time',
    owner: 'Owner',
    due: 'Due date',
    event3: 'Event 3',
    action1: 'Action item 1',
    action2: 'Action item 2',
    addAction: 'Add action item',
    moveDown: 'Move down',
    deleteRow: 'Delete',
    undo: 'Undo',
    actionText: 'Action',
    outOfOrder: 'Out of order',
    collapse: 'Collapse Trigger and root causes',
    titles: {
      impact: 'Impact has no numbers',
      order: 'Timeline events are in an impossible order',
      required: 'Required section is empty',
      detection: 'Detection is not explained',
      person: 'Root cause blames a person',
      shallow: 'Root cause may not be deep enough',
      blame: 'Blaming language',
      noOwner: 'Action item has no owner',
      noDue: 'Action item has no due date',
      noTracking: 'Action item has no tracking link',
      vague: 'Action item is vague',
      noPrevent: 'No action prevents a recurrence',
      repeat: 'An earlier incident with the same cause still has open actions',
    },
    dismiss: (t) => `Dismiss: ${t}`,
    dismissButton: 'Dismiss',
    restore: (t) => `Restore: ${t}`,
    reason: 'Reason',
    reasonNeeded: 'Write a reason first',
    dismissed: (n) => `Dismissed (${n})`,
    gate: 'Mark this report final?',
    gateCount: (n) => `The review still finds ${n} problems:`,
    markFinal: 'Mark final anyway',
    keepReviewing: 'Keep reviewing',
    openEarlier: 'Open the earlier incident: Card payments timed out',
    export: 'Export',
    downloadMarkdown: 'Download Markdown',
    showReview: 'Show review',
    showForm: 'Show form',
  },
  zh: {
    locale: 'zh-TW',
    form: '事後檢討表單',
    review: '審閱',
    heading: (p, s) => `審閱：${p} 個問題、${s} 個建議`,
    reviewing: '正在審閱…',
    problem: '問題',
    suggestion: '建議',
    imported: '已將「Checkout failed after a config push」匯入為新草稿。',
    importLabel: '匯入',
    header: '基本資料',
    timeline: '時間軸',
    causes: '觸發與根本原因',
    actions: '行動項目',
    status: '狀態',
    title: '標題',
    rootCauses: '根本原因',
    recurrence: '過往類似事件',
    time: '時間',
    owner: '負責人',
    due: '期限',
    event3: '事件 3',
    action1: '行動項目 1',
    action2: '行動項目 2',
    addAction: '新增行動項目',
    moveDown: '下移',
    deleteRow: '刪除',
    undo: '復原',
    actionText: '行動',
    outOfOrder: '順序有誤',
    collapse: '收合觸發與根本原因',
    titles: {
      impact: '影響沒有量化',
      order: '時間軸順序不合理',
      required: '必填段落尚未填寫',
      detection: '未說明如何發現',
      person: '根本原因歸咎於個人',
      shallow: '根本原因可能不夠深入',
      blame: '責怪性的用語',
      noOwner: '行動項目沒有負責人',
      noDue: '行動項目沒有期限',
      noTracking: '行動項目沒有追蹤連結',
      vague: '行動項目不夠具體',
      noPrevent: '沒有防止再發生的行動',
      repeat: '先前相同原因的事件仍有未完成的行動',
    },
    dismiss: (t) => `略過：${t}`,
    dismissButton: '略過',
    restore: (t) => `恢復：${t}`,
    reason: '原因',
    reasonNeeded: '請先填寫原因',
    dismissed: (n) => `已略過（${n}）`,
    gate: '要將這份報告定稿嗎？',
    gateCount: (n) => `審閱仍找到 ${n} 個問題：`,
    markFinal: '仍要定稿',
    keepReviewing: '繼續審閱',
    openEarlier: '開啟先前的事件：Card payments timed out',
    export: '匯出',
    downloadMarkdown: '下載 Markdown',
    showReview: '顯示審閱',
    showForm: '顯示表單',
  },
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The editor and its Review region, found by the words of one UI language. */
class ReviewPage {
  constructor(page, w) {
    this.page = page;
    this.w = w;
  }

  async open() {
    await this.page.goto('./');
    await expect(this.section(this.w.header)).toBeVisible();
  }

  region() {
    return this.page.getByRole('region', { name: this.w.review, exact: true });
  }

  heading() {
    return this.region().getByRole('heading', { level: 2 });
  }

  /** The open findings with this title: list items whose text starts with it. */
  findings(title) {
    return this.region().locator('ul.findings:not(.dismissed) > li').filter({ hasText: new RegExp(`^\\s*${escape(title)}`) });
  }

  titleButton(title) {
    return this.region().getByRole('button', { name: title, exact: true });
  }

  section(name) {
    return this.page.getByRole('main', { name: this.w.form }).getByRole('region', { name, exact: true });
  }

  field(section, label) {
    return this.section(section).getByLabel(label, { exact: true });
  }

  row(section, name) {
    return this.section(section).getByRole('group', { name, exact: true });
  }

  async importText(name, text) {
    await this.page.getByLabel(this.w.importLabel, { exact: true }).setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  }

  /** Dismisses the finding with this title, giving a reason. */
  async dismiss(title, reason) {
    await this.region().getByRole('button', { name: this.w.dismiss(title), exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: this.w.dismiss(title) });
    await dialog.getByLabel(this.w.reason, { exact: true }).fill(reason);
    await dialog.getByRole('button', { name: this.w.dismissButton, exact: true }).click();
    await expect(dialog).toHaveCount(0);
  }

  async importFlawed() {
    await this.importText('flawed-report.md', await fs.readFile(FLAWED, 'utf8'));
    await expect(this.page.getByText(this.w.imported)).toBeVisible();
    await expect(this.field(this.w.header, this.w.title)).toHaveValue('Checkout failed after a config push');
  }
}

/** The control a field's `aria-describedby` names for the review, and its text. */
async function reviewNote(control) {
  const ids = ((await control.getAttribute('aria-describedby')) || '').split(' ');
  const id = ids.find((i) => i.endsWith('-review'));
  expect(id, 'the field is described by its review note').toBeTruthy();
  return control.page().locator(`[id="${id}"]`);
}

for (const lang of ['en', 'zh']) {
  const w = WORDS[lang];

  test.describe(`review (${lang})`, () => {
    test.use({ locale: w.locale });

    test('a flawed report: findings by title, a title moves the focus, the Final gate', async ({ page }) => {
      const app = new ReviewPage(page, w);
      await app.open();
      await app.importFlawed();
      const t = w.titles;

      // The region, its counts, and each finding as a list item starting with its title.
      await expect(app.region()).toBeVisible();
      await expect(app.heading()).toHaveText(w.heading(13, 3));
      for (const title of [t.impact, t.order, t.detection, t.person, t.shallow, t.blame, t.noOwner, t.noDue,
        t.noTracking, t.vague, t.noPrevent]) {
        await expect(app.findings(title), title).toHaveCount(1);
      }
      await expect(app.findings(t.required)).toHaveCount(5);
      await expect(app.findings(t.person)).toContainText(w.problem);
      await expect(app.findings(t.shallow)).toContainText(w.suggestion);
      // Both languages' phrase lists run: the English root cause is flagged in either UI.
      await expect(app.findings(t.person)).toContainText('Human error');

      // A field's title moves the focus into it, and the field describes the problem.
      await app.titleButton(t.person).click();
      const rootCauses = app.field(w.causes, w.rootCauses);
      await expect(rootCauses).toBeFocused();
      await expect(await reviewNote(rootCauses)).toContainText(t.person);

      // A row's title lands in its row, marked out of order.
      await app.titleButton(t.order).click();
      const event3 = app.row(w.timeline, w.event3);
      await expect(event3.getByLabel(w.time, { exact: true })).toBeFocused();
      await expect(event3).toContainText(w.outOfOrder);
      await expect(await reviewNote(event3.getByLabel(w.time, { exact: true }))).toContainText(t.order);
      await expect(app.row(w.timeline, lang === 'en' ? 'Event 1' : '事件 1')).not.toContainText(w.outOfOrder);
      // No negative duration: Mitigated before Impact started shows "—".
      const metrics = page.locator('#preview-timeline table').nth(1);
      await expect(metrics.locator('tr', { hasText: 'Time to mitigate' })).toContainText('—');

      await app.titleButton(t.noOwner).click();
      await expect(app.row(w.actions, w.action1).getByLabel(w.owner, { exact: true })).toBeFocused();

      // A collapsed section opens to take the focus.
      await app.section(w.causes).getByRole('button', { name: w.collapse }).click();
      await expect(rootCauses).toBeHidden();
      await app.titleButton(t.blame).click();
      await expect(rootCauses).toBeVisible();
      await expect(rootCauses).toBeFocused();

      // Fixing a problem updates the counts at once.
      await app.row(w.actions, w.action1).getByLabel(w.owner, { exact: true }).fill('Payments team');
      await expect(app.heading()).toHaveText(w.heading(12, 3));
      await expect(app.findings(t.noOwner)).toHaveCount(0);

      // The Final gate: Keep reviewing leaves the status as it was.
      const status = app.field(w.header, w.status);
      await status.selectOption('final');
      const gate = page.getByRole('dialog', { name: w.gate });
      await expect(gate).toBeVisible();
      await expect(gate).toContainText(w.gateCount(12));
      await expect(gate.getByRole('listitem')).toHaveCount(12);
      await expect(gate.getByRole('listitem').first()).toContainText(t.impact);
      await gate.getByRole('button', { name: w.keepReviewing }).click();
      await expect(gate).toHaveCount(0);
      await expect(status).toHaveValue('in_review');
      // The focus goes back to the question's source, the Status control.
      await expect(status).toBeFocused();
      await expect(page.locator('#preview-header')).toContainText('In review');

      // Escape is Keep reviewing too; Mark final anyway sets it.
      await status.selectOption('final');
      await expect(gate).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(gate).toHaveCount(0);
      await expect(status).toHaveValue('in_review');
      await status.selectOption('final');
      await gate.getByRole('button', { name: w.markFinal }).click();
      await expect(gate).toHaveCount(0);
      await expect(status).toHaveValue('final');
      await expect(status).toBeFocused();
      await expect(page.locator('#preview-header')).toContainText('Final');
    });

    test.describe('the worker', () => {
      // Its wasm must come from the network, where the test can hold it back, not from the
      // service worker's cache.
      test.use({ serviceWorkers: 'block' });

      test('the checks run in the worker: Reviewing… until its first answer, typing meanwhile, and the same review on the page where no worker can start', async ({ page, context }) => {
        // The worker's wasm is held back: the draft is written and edited while it loads.
        let release;
        const held = new Promise((r) => { release = r; });
        await page.route('**/hindsight-worker_bg.wasm', async (route) => { await held; await route.continue(); });
        const workers = [];
        page.on('worker', (wk) => workers.push(wk.url()));
        const app = new ReviewPage(page, w);
        await app.open();
        await app.importFlawed();
        await expect(app.heading()).toHaveText(w.reviewing);
        await expect(app.region()).toHaveAttribute('aria-busy', 'true');
        await expect(app.region().getByText(lang === 'en' ? 'Nothing to fix' : '目前沒有問題')).toHaveCount(0);
        const owner = app.row(w.actions, w.action1).getByLabel(w.owner, { exact: true });
        await owner.fill('Payments team');
        await expect(owner).toHaveValue('Payments team');
        await expect(app.heading()).toHaveText(w.reviewing);
        release();
        // The answer is about the draft as it is now: the owner typed while waiting counts.
        await expect(app.heading()).toHaveText(w.heading(12, 3));
        await expect(app.region()).toHaveAttribute('aria-busy', 'false');
        await expect(app.findings(w.titles.noOwner)).toHaveCount(0);
        expect(workers.some((u) => u.endsWith('/hindsight-worker_loader.js'))).toBe(true);

        // Two browsers where no worker runs (none at all; its wasm missing): the same review,
        // from the same checks on the page.
        for (const setup of [
          (p) => p.addInitScript(() => { delete window.Worker; }),
          (p) => p.route('**/hindsight-worker_bg.wasm', (route) => route.fulfill({ status: 404, body: '' })),
        ]) {
          const plain = await context.newPage();
          await setup(plain);
          const other = new ReviewPage(plain, w);
          await other.open();
          await other.importFlawed();
          await expect(other.heading()).toHaveText(w.heading(13, 3));
          await expect(other.findings(w.titles.required)).toHaveCount(5);
          await other.row(w.actions, w.action1).getByLabel(w.owner, { exact: true }).fill('Payments team');
          await expect(other.heading()).toHaveText(w.heading(12, 3));
          await plain.close();
        }
      });
    });

    test('Dismiss asks for a reason, lists the finding apart, survives a Markdown round trip, and Restore', async ({ page }) => {
      const app = new ReviewPage(page, w);
      await app.open();
      await app.importFlawed();
      const title = w.titles.noTracking;

      await app.region().getByRole('button', { name: w.dismiss(title), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: w.dismiss(title) });
      await expect(dialog).toBeVisible();
      const reason = dialog.getByLabel(w.reason, { exact: true });
      await expect(reason).toBeFocused();
      // A reason is required, and one of spaces is no reason: the dialog says so.
      await dialog.getByRole('button', { name: w.dismissButton, exact: true }).click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('alert')).toContainText(w.reasonNeeded);
      await expect(reason).toHaveAttribute('aria-invalid', 'true');
      await reason.fill('   ');
      await expect(dialog.getByRole('alert')).toHaveCount(0);
      await dialog.getByRole('button', { name: w.dismissButton, exact: true }).click();
      await expect(dialog.getByRole('alert')).toContainText(w.reasonNeeded);
      await expect(reason).toBeFocused();
      await reason.fill('Tracked in the team board');
      await dialog.getByRole('button', { name: w.dismissButton, exact: true }).click();
      await expect(dialog).toHaveCount(0);

      await expect(app.heading()).toHaveText(w.heading(13, 2));
      await expect(app.heading()).toBeFocused();
      await expect(app.findings(title)).toHaveCount(0);
      const dismissed = app.region().locator('ul.findings.dismissed > li');
      await expect(app.region().getByRole('heading', { name: w.dismissed(1) })).toBeVisible();
      await expect(dismissed).toHaveCount(1);
      await expect(dismissed).toHaveText(new RegExp(`^\\s*${escape(title)}`));
      await expect(dismissed).toContainText('Tracked in the team board');

      // The dismissal is in the document: export, import, still dismissed.
      await page.getByRole('button', { name: w.export, exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menu', { name: w.export }).getByRole('menuitem', { name: w.downloadMarkdown }).click(),
      ]);
      const markdown = await fs.readFile(await download.path(), 'utf8');
      expect(markdown).toContain('action-no-tracking@action:1');
      const drafts = page.getByRole('navigation').getByRole('listitem');
      const before = await drafts.count();
      await app.importText('again.md', markdown);
      await expect(drafts).toHaveCount(before + 1);
      await expect(app.heading()).toHaveText(w.heading(13, 2));
      await expect(dismissed).toContainText('Tracked in the team board');

      // Restore brings it back.
      await app.region().getByRole('button', { name: w.restore(title), exact: true }).click();
      await expect(app.heading()).toHaveText(w.heading(13, 3));
      await expect(app.findings(title)).toHaveCount(1);
      await expect(dismissed).toHaveCount(0);
    });

    test('a dismissal stays with its row when rows move, go and come back with Undo', async ({ page }) => {
      const app = new ReviewPage(page, w);
      await app.open();
      await app.importFlawed();
      const title = w.titles.noTracking;
      await app.dismiss(title, 'Tracked in the team board');
      await expect(app.findings(title)).toHaveCount(0);

      // A second action item without a tracking link: its own finding, not dismissed.
      await app.section(w.actions).getByRole('button', { name: w.addAction }).click();
      await page.keyboard.type('Alert on checkout errors');
      const dismissed = app.region().locator('ul.findings.dismissed > li');
      await expect(app.findings(title)).toHaveCount(1);
      await expect(dismissed).toHaveCount(1);

      // Moved down, the dismissed row keeps its dismissal; the new row keeps its finding.
      await app.row(w.actions, w.action1).getByRole('button', { name: w.moveDown }).click();
      await expect(app.row(w.actions, w.action2).getByLabel(w.actionText, { exact: true })).toHaveValue('Improve monitoring of checkout');
      await expect(app.findings(title)).toHaveCount(1);
      await expect(dismissed).toHaveCount(1);
      await app.titleButton(title).click();
      await expect(app.row(w.actions, w.action1).locator(':focus')).toHaveCount(1);

      // Deleted, its dismissal goes with it and never passes to the row that moves up.
      await app.row(w.actions, w.action2).getByRole('button', { name: w.deleteRow }).click();
      await expect(dismissed).toHaveCount(0);
      await expect(app.findings(title)).toHaveCount(1);
      await app.row(w.actions, w.action1).getByRole('button', { name: w.deleteRow }).click();
      await expect(app.findings(title)).toHaveCount(0);
      // Undo twice: both rows back in their places, the dismissal on its own row.
      await page.getByRole('button', { name: w.undo, exact: true }).click();
      await page.getByRole('button', { name: w.undo, exact: true }).click();
      await expect(app.row(w.actions, w.action2).getByLabel(w.actionText, { exact: true })).toHaveValue('Improve monitoring of checkout');
      await expect(dismissed).toHaveCount(1);
      await expect(dismissed).toContainText('Tracked in the team board');
      await expect(app.findings(title)).toHaveCount(1);
    });

    test('an earlier incident with open actions: similar root causes suggest, Recurrence makes it a problem, and it opens', async ({ page }) => {
      const app = new ReviewPage(page, w);
      await app.open();
      await app.importText('earlier.md', EARLIER);
      await expect(app.field(w.header, w.title)).toHaveValue('Card payments timed out');
      await app.importFlawed();
      const repeat = app.findings(w.titles.repeat);

      await expect(repeat).toHaveCount(1);
      await expect(repeat).toContainText(w.suggestion);
      await expect(repeat).toContainText('Card payments timed out');
      await expect(app.heading()).toHaveText(w.heading(13, 4));

      await app.titleButton(w.titles.repeat).click();
      const recurrence = app.field(w.causes, w.recurrence);
      await expect(recurrence).toBeFocused();
      await recurrence.fill('Same config path as INC-3900.');
      await expect(repeat).toContainText(w.problem);
      await expect(app.heading()).toHaveText(w.heading(14, 3));

      await repeat.getByRole('button', { name: w.openEarlier }).click();
      await expect(app.field(w.header, w.title)).toHaveValue('Card payments timed out');
      // The earlier incident has no earlier incident of its own.
      await expect(app.findings(w.titles.repeat)).toHaveCount(0);
    });

    test('on a phone the review sits behind its own toggle', async ({ browser }) => {
      const context = await browser.newContext({ locale: w.locale, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const app = new ReviewPage(page, w);
      await app.open();
      await app.importFlawed();
      await expect(app.region()).toBeHidden();
      await page.getByRole('button', { name: w.showReview }).click();
      await expect(app.region()).toBeVisible();
      await expect(app.section(w.header)).toBeHidden();
      await expect(app.heading()).toHaveText(w.heading(13, 3));
      // A title brings the form back, focused on its field.
      await app.titleButton(w.titles.noDue).click();
      await expect(app.region()).toBeHidden();
      await expect(app.row(w.actions, w.action1).getByLabel(w.due, { exact: true })).toBeFocused();
      await page.getByRole('button', { name: w.showReview }).click();
      await page.getByRole('button', { name: w.showForm }).click();
      await expect(app.region()).toBeHidden();
      await context.close();
    });
  });
}

// axe is injected as a script, which the app's own policy would rightly refuse.
test.describe('review accessibility', () => {
  test.use({ bypassCSP: true });


  for (const lang of ['en', 'zh']) {
    const w = WORDS[lang];
    test(`the Review region, its dialogs and the phone layout have no serious violation, light and dark (${lang})`, async ({ browser }) => {
      const desktop = { width: 1280, height: 800 };
      const phone = { width: 390, height: 844 };
      for (const [viewport, colorScheme] of [[desktop, 'light'], [desktop, 'dark'], [phone, 'light']]) {
        const context = await browser.newContext({ bypassCSP: true, locale: w.locale, viewport, colorScheme });
        const page = await context.newPage();
        const app = new ReviewPage(page, w);
        await app.open();
        await app.importFlawed();
        if (viewport.width < 800) {
          await page.getByRole('button', { name: w.showReview }).click();
        }
        await expect(app.region()).toBeVisible();
        expect(await scan(page)).toEqual([]);
        // The field notes under the form.
        if (viewport.width >= 800) {
          await app.titleButton(w.titles.person).click();
          expect(await scan(page)).toEqual([]);
          await app.region().getByRole('button', { name: w.dismiss(w.titles.vague), exact: true }).click();
          await expect(page.getByRole('dialog')).toBeVisible();
          expect(await scan(page)).toEqual([]);
          await page.keyboard.press('Escape');
          await app.field(w.header, w.status).selectOption('final');
          await expect(page.getByRole('dialog', { name: w.gate })).toBeVisible();
          expect(await scan(page)).toEqual([]);
        }
        await context.close();
      }
    });
  }
});
