// A calm first draft (issue 23, docs/review.md "The first draft", "The template",
// "Grouping"): a first visit stores nothing until the first words, the review is one line
// until then, the Header's template changes what is Required without touching the content,
// and the findings of one check on several action items are one, dismissed with one reason.
// Every flow runs in both UI languages.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Review region's words, per language. */
const W = {
  en: {
    review: 'Review',
    heading: (p, s) => `Review: ${p} problem${p === 1 ? '' : 's'}, ${s} suggestion${s === 1 ? '' : 's'}`,
    firstWords: 'Write the sections marked Required; the review starts as you write',
    required: 'Required section is empty',
    noTracking: 'Action item has no tracking link',
    noOwner: 'Action item has no owner',
    rows123: 'Action items 1, 2 and 3 have no tracking link',
    row4: 'Action item 4: no tracking link',
    source: 'Source: Google SRE book',
    dismiss: (t) => `Dismiss: ${t}`,
    dismissButton: 'Dismiss',
    reason: 'Reason',
    dismissed: (n) => `Dismissed (${n})`,
    restore: (t) => `Restore: ${t}`,
    addAction: 'Add action item',
    action4: 'Action item 4',
    done: 'Done',
    status: 'Status',
    gate: 'Mark this report final?',
    keepReviewing: 'Keep reviewing',
    template: 'Template',
    badgeRequired: 'Required',
    badgeOptional: 'Optional',
    noDraftsYet: 'No drafts yet: what you write is saved as one.',
    nothingToSave: 'Nothing to save yet',
  },
  'zh-TW': {
    review: '審閱',
    heading: (p, s) => `審閱：${p} 個問題、${s} 個建議`,
    firstWords: '請填寫標示為必填的段落；開始撰寫後即會審閱',
    required: '必填段落尚未填寫',
    noTracking: '行動項目沒有追蹤連結',
    noOwner: '行動項目沒有負責人',
    rows123: '行動項目 1、2、3沒有追蹤連結',
    row4: '行動項目 4：沒有追蹤連結',
    source: '出處：Google《SRE》一書',
    dismiss: (t) => `略過：${t}`,
    dismissButton: '略過',
    reason: '原因',
    dismissed: (n) => `已略過（${n}）`,
    restore: (t) => `恢復：${t}`,
    addAction: '新增行動項目',
    action4: '行動項目 4',
    done: '完成',
    status: '狀態',
    gate: '要將這份報告定稿嗎？',
    keepReviewing: '繼續審閱',
    template: '範本',
    badgeRequired: '必填',
    badgeOptional: '選填',
    noDraftsYet: '還沒有草稿：開始撰寫後就會儲存成草稿。',
    nothingToSave: '尚無內容可儲存',
  },
};

class CalmPage extends EditorPage {
  constructor(page, lang) {
    super(page, lang);
    this.w = W[lang];
  }

  region() {
    return this.page.getByRole('region', { name: this.w.review, exact: true });
  }

  heading() {
    return this.region().getByRole('heading', { level: 2 });
  }

  /** The open findings whose text starts with `title`. */
  findings(title) {
    return this.region().locator('ul.findings:not(.dismissed) > li').filter({ hasText: new RegExp(`^\\s*${escape(title)}`) });
  }

  dismissedItems() {
    return this.region().locator('ul.findings.dismissed > li');
  }

  badge(section) {
    return this.section(section).locator('.section-head .badge');
  }

  async storedDrafts() {
    return this.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('hindsight:draft:')).length);
  }

  async addAction(text) {
    await this.section('Action items').getByRole('button', { name: this.w.addAction }).click();
    await this.page.keyboard.type(text);
  }
}

for (const lang of LANGUAGES) {
  test.describe(`calm first draft (${lang})`, () => {
    test.use({ locale: lang === 'en' ? 'en-US' : 'zh-TW' });

    test('a first visit stores nothing until the first words, and the review is one line until then', async ({ page }) => {
      const app = new CalmPage(page, lang);
      await app.open();
      const w = app.w;
      // The form is ready to type in, but no draft is listed or stored.
      await expect(app.field('Summary', 'Summary')).toBeEditable();
      await expect(app.draftList().getByRole('listitem')).toHaveCount(0);
      await expect(app.draftList()).toContainText(w.noDraftsYet);
      expect(await app.storedDrafts()).toBe(0);
      // The status says so, rather than "Saved" for what is not stored.
      await expect(app.status()).toHaveText(w.nothingToSave);
      // One line instead of a finding per empty section, and nothing else.
      await expect(app.findings(w.firstWords)).toHaveCount(1);
      await expect(app.region().locator('ul.findings:not(.dismissed) > li')).toHaveCount(1);
      await expect(app.heading()).toHaveText(w.heading(1, 0));
      await expect(app.region().getByRole('button', { name: w.dismiss(w.firstWords) })).toHaveCount(0);

      // A reload before typing is the same calm start, not an accumulated blank draft.
      await page.reload();
      await expect(app.section('Header')).toBeVisible();
      await expect(app.status()).toHaveText(w.nothingToSave);
      await expect(app.findings(w.firstWords)).toHaveCount(1);
      await expect(app.draftList().getByRole('listitem')).toHaveCount(0);
      expect(await app.storedDrafts()).toBe(0);

      // The title alone is the header: still the one line.
      await app.field('Header', 'Title').fill('Checkout failed');
      await expect(app.findings(w.firstWords)).toHaveCount(1);
      await app.expectSaved();
      await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
      expect(await app.storedDrafts()).toBe(1);

      // The first words start the review: the empty Required sections, each once.
      await app.field('Summary', 'Summary').fill('Checkout failed for 12 minutes.');
      await expect(app.findings(w.firstWords)).toHaveCount(0);
      await expect(app.findings(w.required).first()).toBeVisible();
      await app.expectSaved();
      await page.reload();
      await expect(app.field('Summary', 'Summary')).toHaveValue('Checkout failed for 12 minutes.');
      await expect(app.draftList().getByRole('listitem')).toHaveCount(1);
    });

    test('the Header changes the template: Required marks and the review follow, the content stays', async ({ page }) => {
      const app = new CalmPage(page, lang);
      await app.open();
      const w = app.w;
      await app.field('Summary', 'Summary').fill('Checkout failed for 12 minutes.');
      const template = app.field('Header', w.template);
      await expect(template).toHaveValue('full');
      await expect(app.badge('Lessons learned')).toHaveText(w.badgeRequired);
      // Full: every empty section is Required (Header has its zone, Summary its words).
      await expect(app.findings(w.required)).toHaveCount(9);

      await template.selectOption('lightweight');
      await expect(app.badge('Lessons learned')).toHaveText(w.badgeOptional);
      await expect(app.badge('Impact')).toHaveText(w.badgeRequired);
      await expect(app.findings(w.required)).toHaveCount(4);
      await expect(app.field('Summary', 'Summary')).toHaveValue('Checkout failed for 12 minutes.');
      await expect(app.preview('Summary')).toContainText('Checkout failed for 12 minutes.');

      // Saved with the draft, and back again at will, the content untouched.
      await app.expectSaved();
      await page.reload();
      await expect(app.field('Header', w.template)).toHaveValue('lightweight');
      await expect(app.findings(w.required)).toHaveCount(4);
      await app.field('Header', w.template).selectOption('full');
      await expect(app.badge('Lessons learned')).toHaveText(w.badgeRequired);
      await expect(app.findings(w.required)).toHaveCount(9);
      await expect(app.field('Summary', 'Summary')).toHaveValue('Checkout failed for 12 minutes.');
    });

    test('findings of one check on several action items are one, one reason dismisses them, a later row raises it again', async ({ page }) => {
      const app = new CalmPage(page, lang);
      await app.open();
      const w = app.w;
      await app.field('Summary', 'Summary').fill('Checkout failed for 12 minutes.');
      await app.addAction('Add a canary stage for config pushes');
      await app.addAction('Validate gateway config in CI');
      await app.addAction('Alert on checkout error rate');

      // One finding per check, listing the rows, pointing at the first; its book said once.
      await expect(app.findings(w.noTracking)).toHaveCount(1);
      await expect(app.findings(w.noTracking)).toContainText(w.rows123);
      await expect(app.findings(w.noTracking)).toContainText(w.source);
      await expect(app.findings(w.noOwner)).toHaveCount(1);
      await expect(app.findings(w.noTracking).locator('.why')).not.toContainText('Google');

      // The Final gate lists the group once.
      await app.field('Header', w.status).selectOption('final');
      const gate = page.getByRole('dialog', { name: w.gate });
      await expect(gate).toBeVisible();
      await expect(gate.getByRole('listitem').filter({ hasText: w.noOwner })).toHaveCount(1);
      await gate.getByRole('button', { name: w.keepReviewing }).click();
      await expect(gate).toHaveCount(0);

      // One dismissal with one reason covers the group.
      await app.region().getByRole('button', { name: w.dismiss(w.noTracking), exact: true }).click();
      const dialog = page.getByRole('dialog', { name: w.dismiss(w.noTracking) });
      await dialog.getByLabel(w.reason, { exact: true }).fill('Tracked on the team board');
      await dialog.getByRole('button', { name: w.dismissButton, exact: true }).click();
      await expect(dialog).toHaveCount(0);
      await expect(app.findings(w.noTracking)).toHaveCount(0);
      await expect(app.region().getByRole('heading', { name: w.dismissed(1) })).toBeVisible();
      await expect(app.dismissedItems()).toHaveCount(1);
      await expect(app.dismissedItems()).toContainText('Tracked on the team board');

      // A row added later is not covered: it raises the check again, alone.
      await app.addAction('Page the payments on-call on gateway errors');
      await expect(app.findings(w.noTracking)).toHaveCount(1);
      await expect(app.findings(w.noTracking)).toContainText(w.row4);
      await expect(app.dismissedItems()).toHaveCount(1);

      // A done item raises nothing.
      await app.section('Action items').getByRole('group', { name: w.action4, exact: true })
        .getByLabel(w.done, { exact: true }).check();
      await expect(app.findings(w.noTracking)).toHaveCount(0);

      // Restore brings the group back whole.
      await app.region().getByRole('button', { name: w.restore(w.noTracking), exact: true }).click();
      await expect(app.findings(w.noTracking)).toHaveCount(1);
      await expect(app.findings(w.noTracking)).toContainText(w.rows123);
    });
  });
}
