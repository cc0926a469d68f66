// Page object for Hindsight's editor: finds things as a user would, by role and label.
import { expect } from '@playwright/test';
import { t } from './words.js';

export const SECTION_SLUGS = {
  Header: 'header',
  Summary: 'summary',
  Impact: 'impact',
  Timeline: 'timeline',
  Detection: 'detection',
  'Trigger and root causes': 'causes',
  'Response and resolution': 'response',
  'Action items': 'action-items',
  'Lessons learned': 'lessons',
  Communication: 'communication',
  'Supporting information': 'supporting',
};

export class EditorPage {
  /** `lang` is the UI language the test runs in: 'en' or 'zh-TW'. Names passed to the
   *  finders are English; they are looked up in `words.js` for zh-TW. */
  constructor(page, lang = 'en') {
    this.page = page;
    this.lang = lang;
  }

  /** A word in the test's language. */
  t(en) {
    return this.lang === 'en' ? en : t(this.lang, en);
  }

  async open(query = '') {
    await this.page.goto(`./${query}`);
    if (this.lang !== 'en') await this.useLanguage(this.lang);
    await expect(this.section('Header')).toBeVisible();
  }

  /** Chooses the UI language in the top bar, as a user would. */
  async useLanguage(lang) {
    const select = this.page.getByLabel(/^(Language|語言)$/);
    await select.selectOption(lang);
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang === 'en' ? 'en' : 'zh-Hant-TW');
  }

  /** A form section, the region named by its heading. */
  section(name) {
    return this.page.getByRole('main', { name: this.t('Postmortem form') }).getByRole('region', { name: this.t(name), exact: true });
  }

  /** A field by its exact label inside its section. */
  field(section, label) {
    return this.section(section).getByLabel(this.t(label), { exact: true });
  }

  /** The preview of one section. */
  preview(section) {
    return this.page.locator(`#preview-${SECTION_SLUGS[section]}`);
  }

  /** A repeated row's group, such as "Event 2", inside a section. */
  row(section, name) {
    return this.section(section).getByRole('group', { name, exact: true });
  }

  status() {
    return this.page.getByRole('status').filter({ hasText: /^(Saved|Saving…|Not saved|Kept in this tab only|Nothing to save yet|已儲存|儲存中…|未儲存|只保留在這個分頁|尚無內容可儲存)$/ });
  }

  async expectSaved() {
    await expect(this.status()).toHaveText(this.t('Saved'));
  }

  draftList() {
    return this.page.getByRole('navigation', { name: this.t('Drafts') });
  }

  /** The drafts-list entries whose title contains `title`. */
  draftItems(title) {
    return this.draftList().getByRole('listitem').filter({ has: this.page.locator('.draft-title', { hasText: title }) });
  }

  async newDraft(template = 'Full') {
    await this.draftList().getByRole('button', { name: this.t('New draft') }).click();
    await this.page.getByRole('dialog', { name: this.t('New draft') })
      .getByRole('button', { name: this.lang === 'en' ? template : t(this.lang, template), exact: true }).click();
  }

  draftId() {
    return new URL(this.page.url()).searchParams.get('draft');
  }
}
