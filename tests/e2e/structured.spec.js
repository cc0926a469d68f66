// Structured editors, templates and the worked example.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';
import { LANGUAGES, row } from './words.js';

test('timeline events added out of order sort by time and give the metrics', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.field('Header', 'Time zone').fill('UTC');
  await app.field('Header', 'Time zone').press('Tab');
  const timeline = app.section('Timeline');
  const events = [
    ['2024-03-01T10:30', 'Rolled back', 'mitigated'],
    ['2024-03-01T09:00', 'Bad deploy', 'impact_started'],
    ['2024-03-01T09:20', 'Pager fired', 'detected'],
  ];
  for (const [i, [time, text, kind]] of events.entries()) {
    await timeline.getByRole('button', { name: 'Add timeline event' }).click();
    const row = app.row('Timeline', `Event ${i + 1}`);
    await row.getByLabel('Time', { exact: true }).fill(time);
    await row.getByLabel('Event', { exact: true }).fill(text);
    await row.getByLabel('Kind', { exact: true }).selectOption(kind);
  }
  await timeline.getByRole('button', { name: 'Sort by time' }).click();
  await expect(app.row('Timeline', 'Event 1').getByLabel('Event', { exact: true })).toHaveValue('Bad deploy');
  await expect(app.row('Timeline', 'Event 2').getByLabel('Event', { exact: true })).toHaveValue('Pager fired');
  await expect(app.row('Timeline', 'Event 3').getByLabel('Event', { exact: true })).toHaveValue('Rolled back');

  const preview = app.preview('Timeline');
  const rows = preview.locator('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('09:00');
  await expect(rows.nth(0)).toContainText('Bad deploy');
  await expect(rows.nth(2)).toContainText('10:30');
  const metrics = preview.locator('table').nth(1);
  await expect(metrics.locator('tr', { hasText: 'Time to detect' })).toContainText('20 min');
  await expect(metrics.locator('tr', { hasText: 'Time to mitigate' })).toContainText('1 h 30 min');
  await expect(metrics.locator('tr', { hasText: 'Time to resolve' })).toContainText('—');
});

test('an action item with every field appears once, as a table row', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.section('Action items').getByRole('button', { name: 'Add action item' }).click();
  const row = app.row('Action items', 'Action item 1');
  await row.getByLabel('Action', { exact: true }).fill('Add a cache ownership check');
  await row.getByLabel('Type', { exact: true }).selectOption('detect');
  await row.getByLabel('Owner', { exact: true }).fill('Cache team');
  await row.getByLabel('Priority', { exact: true }).selectOption('P0');
  await row.getByLabel('Due date', { exact: true }).fill('2020-01-31');
  await expect(row.getByText('Overdue', { exact: true })).toBeVisible();
  await row.getByLabel('Tracking link', { exact: true }).fill('https://tracker.example/CACHE-9');
  await row.getByLabel('Done', { exact: true }).check();
  await expect(row.getByText('Overdue', { exact: true })).toHaveCount(0);

  const preview = app.preview('Action items');
  const cells = preview.locator('table tbody tr').first().locator('td');
  await expect(cells).toHaveText(['Add a cache ownership check', 'Detect', 'Cache team', 'P0', '2020-01-31',
    'https://tracker.example/CACHE-9', 'Yes']);
  // Once: no checklist repeats it under the table.
  await expect(preview.locator('li', { hasText: 'Add a cache ownership check' })).toHaveCount(0);
});

test('a deleted row comes back with Undo, and rows move', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const causes = app.section('Trigger and root causes');
  for (const [i, text] of ['First why', 'Second why'].entries()) {
    await causes.getByRole('button', { name: 'Add why' }).click();
    // The new entry takes the focus, so typing goes straight into it.
    await expect(app.row('Trigger and root causes', `Why ${i + 1}`).getByLabel('Why', { exact: true })).toBeFocused();
    await page.keyboard.type(text);
  }
  await app.row('Trigger and root causes', 'Why 2').getByRole('button', { name: 'Move up' }).click();
  await expect(app.row('Trigger and root causes', 'Why 1').getByLabel('Why', { exact: true })).toHaveValue('Second why');
  await app.row('Trigger and root causes', 'Why 1').getByRole('button', { name: 'Delete' }).click();
  await expect(causes.getByLabel('Why', { exact: true })).toHaveCount(1);
  await expect(app.preview('Trigger and root causes')).not.toContainText('Second why');
  // Text typed after the deletion stays when the row comes back.
  await app.field('Summary', 'Summary').fill('Typed after the delete');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(causes.getByLabel('Why', { exact: true })).toHaveCount(2);
  // The focus goes to the row that came back, not to the page.
  await expect(app.row('Trigger and root causes', 'Why 1').getByLabel('Why', { exact: true })).toBeFocused();
  await expect(app.field('Summary', 'Summary')).toHaveValue('Typed after the delete');
  await expect(app.row('Trigger and root causes', 'Why 1').getByLabel('Why', { exact: true })).toHaveValue('Second why');
  await expect(app.preview('Trigger and root causes').locator('ol li')).toHaveText(['Second why', 'First why']);
});

const REQUIRED = {
  Full: ['Header', 'Summary', 'Impact', 'Timeline', 'Detection', 'Trigger and root causes',
    'Response and resolution', 'Action items', 'Lessons learned', 'Communication', 'Supporting information'],
  Lightweight: ['Header', 'Summary', 'Impact', 'Timeline', 'Trigger and root causes', 'Action items'],
};
REQUIRED['Security / data exposure'] = REQUIRED.Full;

for (const template of Object.keys(REQUIRED)) {
  test(`a draft from the ${template} template marks its required sections`, async ({ page }) => {
    const app = new EditorPage(page);
    await app.open();
    await app.newDraft(template);
    for (const name of Object.keys((await import('./editor-page.js')).SECTION_SLUGS)) {
      const badge = app.section(name).locator('.badge').first();
      await expect(badge, `${name} in ${template}`).toHaveText(REQUIRED[template].includes(name) ? 'Required' : 'Optional');
    }
    const headings = await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, REQUIRED[template].length)).toEqual(REQUIRED[template]);
    if (template.startsWith('Security')) {
      await expect(app.field('Impact', 'Data exposed')).toHaveAttribute('aria-required', 'true');
      await expect(app.field('Communication', 'Customer notice')).toHaveAttribute('aria-required', 'true');
      await expect(app.field('Communication', 'Regulator deadline')).toHaveAttribute('aria-required', 'true');
    }
  });
}

test('the worked example tells the ChatGPT incident', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  await app.draftList().getByRole('button', { name: 'Open example' }).click();
  await expect(app.field('Header', 'Time zone')).toHaveValue('America/Los_Angeles');
  await expect(page.locator('.report')).toContainText('redis-py');
  await expect(page.locator('.report')).toContainText('1.2%');
  await expect(app.preview('Timeline')).toContainText('2023-03-20 01:00');
  await expect(app.row('Timeline', 'Event 1').getByLabel('Time', { exact: true })).toHaveValue('01:00');
  await expect(app.row('Timeline', 'Event 1').getByLabel('Date', { exact: true })).toHaveValue('2023-03-20');
});

for (const lang of LANGUAGES) {
  test(`[${lang}] changing the time zone asks whether times keep their moments or their clock reading`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const zoneBox = app.field('Header', 'Time zone');
    await zoneBox.fill('UTC');
    await zoneBox.press('Tab');
    await app.section('Timeline').getByRole('button', { name: app.t('Add timeline event') }).click();
    const time = app.row('Timeline', row(lang, 'Event', 1)).getByLabel(app.t('Time'), { exact: true });
    const date = app.row('Timeline', row(lang, 'Event', 1)).getByLabel(app.t('Date'), { exact: true });
    await time.fill('2024-06-01T10:00');
    await expect(app.preview('Timeline')).toContainText('10:00');

    // Keep the moments: 10:00 UTC is 19:00 in Tokyo.
    await zoneBox.fill('Asia/Tokyo');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await zoneBox.press('Tab');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: app.t('Keep the moments (convert)') }).click();
    await expect(time).toHaveValue('19:00');
    await expect(date).toHaveValue('2024-06-01');
    // The focus goes back to the box the question came from.
    await expect(zoneBox).toBeFocused();
    await expect(app.preview('Timeline')).toContainText('19:00');

    // Keep the times as typed: 19:00 stays 19:00, now in Berlin.
    await zoneBox.fill('Europe/Berlin');
    await zoneBox.press('Tab');
    await page.getByRole('dialog').getByRole('button', { name: app.t('Keep the times as typed') }).click();
    await expect(time).toHaveValue('19:00');
    await expect(date).toHaveValue('2024-06-01');
    await expect(app.preview('Timeline')).toContainText('Europe/Berlin');
    await expect(app.preview('Timeline')).toContainText('UTC+02:00');

    // A wall time skipped by the clocks going forward is moved, and the row says so.
    await time.fill('2024-03-31T02:30');
    await expect(app.row('Timeline', row(lang, 'Event', 1)).getByRole('alert')).toContainText('02:30');
    await expect(app.row('Timeline', row(lang, 'Event', 1)).getByRole('alert')).toContainText('Europe/Berlin');
    await expect(app.preview('Timeline')).toContainText('03:30');
  });
}
