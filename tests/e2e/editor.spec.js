// The editor: every field reaches its section of the preview, drafts persist and stay apart.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';

// Text fields by section: each value carries Markdown that must come out as markup.
const TEXT_FIELDS = {
  Header: ['Title', 'Incident ID', 'Authors', 'Reviewers', 'Owner', 'Tags'],
  Summary: ['Summary'],
  Impact: ['Impact', 'Users affected', 'Failed requests', 'Error budget consumed', 'Revenue impact',
    'Support tickets', 'Kinds of data', 'People affected'],
  Detection: ['Detection'],
  'Trigger and root causes': ['Trigger', 'Root causes', 'Contributing factors', 'Recurrence'],
  'Response and resolution': ['Responders', 'Mitigation', 'Resolution', 'Long-term fix'],
  Communication: ['Internal notice', 'Customer notice', 'Notified'],
  'Supporting information': ['Supporting information'],
};
const DATE_FIELDS = {
  Header: { 'Incident date': '2024-05-06', 'Review meeting': '2024-05-09' },
  Communication: { 'Regulator deadline': '2024-05-10' },
};
const SELECTS = {
  Header: { Severity: ['SEV2', 'SEV2 (major)'], Status: ['in_review', 'In review'] },
  Impact: { 'Customer visible': ['yes', 'Yes'] },
  Detection: { 'Detected by': ['alert', 'Alert'] },
};

const token = (label) => `tok-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`;
const valueFor = (label) => `**${token(label)}**`;

async function fillEverything(app) {
  // Answering yes to Data exposed brings up Kinds of data and People affected.
  await expect(app.field('Impact', 'Kinds of data')).toHaveCount(0);
  await app.field('Impact', 'Data exposed').selectOption('yes');
  for (const [section, labels] of Object.entries(TEXT_FIELDS)) {
    for (const label of labels) await app.field(section, label).fill(valueFor(label));
  }
  for (const [section, dates] of Object.entries(DATE_FIELDS)) {
    for (const [label, value] of Object.entries(dates)) await app.field(section, label).fill(value);
  }
  for (const [section, selects] of Object.entries(SELECTS)) {
    for (const [label, [value]] of Object.entries(selects)) await app.field(section, label).selectOption(value);
  }
  await app.field('Header', 'Time zone').fill('Europe/Berlin');
  await app.field('Header', 'Time zone').press('Tab');
}

test('every field of a new draft appears rendered in its own section of the preview', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await fillEverything(app);

  for (const [section, labels] of Object.entries(TEXT_FIELDS)) {
    for (const label of labels) {
      await expect(app.preview(section).locator('strong', { hasText: token(label) }),
        `${label} in ${section}`).toHaveCount(1);
    }
  }
  for (const [section, dates] of Object.entries(DATE_FIELDS)) {
    for (const value of Object.values(dates)) await expect(app.preview(section)).toContainText(value);
  }
  for (const [section, selects] of Object.entries(SELECTS)) {
    for (const [, [, shown]] of Object.entries(selects)) await expect(app.preview(section)).toContainText(shown);
  }
  await expect(app.preview('Header')).toContainText('Europe/Berlin');
  await expect(app.preview('Impact')).toContainText('Data exposed');

  // Every field is restored exactly after a reload.
  await app.expectSaved();
  await page.reload();
  for (const [section, labels] of Object.entries(TEXT_FIELDS)) {
    for (const label of labels) {
      const expected = ['Authors', 'Reviewers', 'Tags'].includes(label) ? valueFor(label) : valueFor(label);
      await expect(app.field(section, label), `${label} restored`).toHaveValue(expected);
    }
  }
  for (const [section, dates] of Object.entries(DATE_FIELDS)) {
    for (const [label, value] of Object.entries(dates)) await expect(app.field(section, label)).toHaveValue(value);
  }
  for (const [section, selects] of Object.entries(SELECTS)) {
    for (const [label, [value]] of Object.entries(selects)) await expect(app.field(section, label)).toHaveValue(value);
  }
  await expect(app.field('Header', 'Time zone')).toHaveValue('Europe/Berlin');
  await expect(app.field('Impact', 'Data exposed')).toHaveValue('yes');
});

test('typing and reloading at once loses nothing', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Summary', 'Summary').fill('Typed right before the reload');
  await page.reload();
  await expect(app.field('Summary', 'Summary')).toHaveValue('Typed right before the reload');
});

test('two drafts keep their own text', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('First incident');
  await app.field('Summary', 'Summary').fill('First summary');
  const firstId = app.draftId();

  await app.newDraft('Full');
  await expect(app.field('Header', 'Title')).toHaveValue('');
  await app.field('Header', 'Title').fill('Second incident');
  await app.field('Summary', 'Summary').fill('Second summary');
  expect(app.draftId()).not.toBe(firstId);

  const list = app.draftList();
  await app.draftItems('First incident').locator('.draft-open').click();
  await expect(app.field('Summary', 'Summary')).toHaveValue('First summary');
  await app.draftItems('Second incident').locator('.draft-open').click();
  await expect(app.field('Summary', 'Summary')).toHaveValue('Second summary');

  // The search box filters by title.
  await list.getByLabel('Search drafts').fill('first');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('First incident');
});

test('a deleted draft comes back with Undo', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('Keep me');
  await app.field('Summary', 'Summary').fill('Precious text');
  await app.expectSaved();
  await app.draftList().getByRole('button', { name: 'Delete Keep me' }).click();
  await expect(app.draftItems('Keep me')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.field('Header', 'Title')).toHaveValue('Keep me');
  await expect(app.field('Summary', 'Summary')).toHaveValue('Precious text');
  await page.reload();
  await expect(app.draftItems('Keep me')).toHaveCount(1);
});

test('a draft can be duplicated and renamed through its title', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('Original');
  await app.field('Summary', 'Summary').fill('Shared text');
  await app.draftList().getByRole('button', { name: 'Duplicate Original' }).click();
  await expect(app.field('Header', 'Title')).toHaveValue('Original (copy)');
  await expect(app.field('Summary', 'Summary')).toHaveValue('Shared text');
  await app.field('Header', 'Title').fill('Renamed copy');
  await expect(app.draftItems('Renamed copy')).toHaveCount(1);
  await expect(app.draftItems('Original')).toHaveCount(1);
});

test('?draft=<id> opens that draft in a fresh page, under a sub-path', async ({ page, context }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('Deep-linked');
  const id = app.draftId();
  await app.newDraft('Full');
  await app.field('Header', 'Title').fill('Newer one');
  await app.expectSaved();

  const other = new EditorPage(await context.newPage());
  await other.open(`?draft=${id}`);
  await expect(other.field('Header', 'Title')).toHaveValue('Deep-linked');
  expect(new URL(other.page.url()).pathname).toBe('/hindsight/');
});

test('each section can be collapsed and shows its guidance', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const summary = app.section('Summary');
  await expect(summary.getByText('Questions to answer')).toBeVisible();
  await summary.getByRole('button', { name: 'Collapse Summary' }).click();
  await expect(app.field('Summary', 'Summary')).toBeHidden();
  await summary.getByRole('button', { name: 'Expand Summary' }).click();
  await expect(app.field('Summary', 'Summary')).toBeVisible();
});

test('on a phone the preview sits behind a toggle', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const app = new EditorPage(page);
  await app.open();
  await app.field('Summary', 'Summary').fill('Small screen **works**');
  await expect(app.preview('Summary')).toBeHidden();
  await page.getByRole('button', { name: 'Show preview' }).click();
  await expect(app.preview('Summary').locator('strong')).toHaveText('works');
  await page.getByRole('button', { name: 'Show form' }).click();
  await expect(app.field('Summary', 'Summary')).toBeVisible();
  await page.close();
});

test('links in the preview open in a new tab', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Supporting information', 'Supporting information').fill('[Runbook](https://runbooks.example/db)');
  const link = app.preview('Supporting information').getByRole('link', { name: 'Runbook' });
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
});

test('two drafts deleted in a row both come back, and focus never lands on another Delete', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Title').fill('Keep one');
  await app.newDraft('Full');
  await app.field('Header', 'Title').fill('Keep two');
  await app.newDraft('Full');
  await app.field('Header', 'Title').fill('Stays');
  await app.expectSaved();
  await app.draftList().getByRole('button', { name: 'Delete Keep one' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await app.draftList().getByRole('button', { name: 'Delete Keep two' }).click();
  await expect(page.getByText('(1 more to undo)')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(app.draftItems('Keep one')).toHaveCount(1);
  await expect(app.draftItems('Keep two')).toHaveCount(1);
  await page.reload();
  await expect(app.draftList().getByRole('listitem')).toHaveCount(3);
});
