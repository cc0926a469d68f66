// Page object for Hindsight's editor: finds things as a user would, by role and label.
import { expect } from '@playwright/test';

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
  constructor(page) {
    this.page = page;
  }

  async open(query = '') {
    await this.page.goto(`./${query}`);
    await expect(this.section('Header')).toBeVisible();
  }

  /** A form section, the region named by its heading. */
  section(name) {
    return this.page.getByRole('main', { name: 'Postmortem form' }).getByRole('region', { name, exact: true });
  }

  /** A field by its exact label inside its section. */
  field(section, label) {
    return this.section(section).getByLabel(label, { exact: true });
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
    return this.page.getByRole('status').filter({ hasText: /Saved|Saving|Not saved|Kept/ });
  }

  async expectSaved() {
    await expect(this.status()).toHaveText('Saved');
  }

  draftList() {
    return this.page.getByRole('navigation', { name: 'Drafts' });
  }

  /** The drafts-list entries whose title contains `title`. */
  draftItems(title) {
    return this.draftList().getByRole('listitem').filter({ has: this.page.locator('.draft-title', { hasText: title }) });
  }

  async newDraft(template = 'Full') {
    await this.draftList().getByRole('button', { name: 'New draft' }).click();
    await this.page.getByRole('dialog', { name: 'New draft' }).getByRole('button', { name: template, exact: true }).click();
  }

  draftId() {
    return new URL(this.page.url()).searchParams.get('draft');
  }
}
