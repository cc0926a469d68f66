// The timeline written on the day: compact rows, times typed as HH:MM on the incident's day,
// Enter for the next row, and lines pasted from a chat as one row each, with Undo.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';
import { LANGUAGES, row } from './words.js';

const EVENT_ROW = /^(Event|事件) \d+$/;

/** Pastes `text` into the focused element, as Ctrl+V would with it on the clipboard. */
async function paste(page, text) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const CHAT = {
  en: [
    'Dana Lee  2:05 AM',
    'disk on db-1 is failing, replication lag climbing',
    '[02:07] PagerDuty alert fires for db-1',
    '02:09 Tom acknowledges the page',
    '02:15 Failover to db-2 starts',
    '02:21 Writes fail during the switch',
    '02:31 Failover complete, writes recover',
    '02:48 Error rate back to normal',
  ].join('\n'),
  'zh-TW': [
    '陳美玲  上午2:05',
    'db-1 磁碟故障，複寫延遲升高',
    '[02:07] db-1 告警觸發',
    '02:09 志豪確認告警',
    '02:15 開始切換到 db-2',
    '02:21 切換期間寫入失敗',
    '02:31 切換完成，寫入恢復',
    '02:48 錯誤率恢復正常',
  ].join('\n'),
};

for (const lang of LANGUAGES) {
  test(`[${lang}] a timeline pasted from a chat, with Enter for one more row, needs no mouse and at most two keys a row`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Header', 'Incident date').fill('2024-05-02');
    await app.field('Header', 'Time zone').fill('UTC');
    await app.field('Header', 'Time zone').press('Tab');
    const timeline = app.section('Timeline');
    let keys = 0;
    const press = async (key) => { keys += 1; await page.keyboard.press(key); };

    await timeline.getByRole('button', { name: app.t('Add timeline event') }).focus();
    await press('Enter');
    const first = app.row('Timeline', row(lang, 'Event', 1));
    await expect(first.getByLabel(app.t('Time'), { exact: true })).toBeFocused();
    // The new row's date is the incident's.
    await expect(first.getByLabel(app.t('Date'), { exact: true })).toHaveValue('2024-05-02');
    await press('Tab');
    await expect(first.getByLabel(app.t('Event'), { exact: true })).toBeFocused();
    keys += 1; // Ctrl+V
    await paste(page, CHAT[lang]);
    const rows = timeline.getByRole('group', { name: EVENT_ROW });
    await expect(rows).toHaveCount(7);
    await expect(page.locator('.toast')).toContainText(lang === 'en' ? 'Added 7 events from the pasted lines.' : '已從貼上的文字新增 7 個事件。');
    // The focus is on the last row's event, ready for Enter.
    const seventh = app.row('Timeline', row(lang, 'Event', 7));
    await expect(seventh.getByLabel(app.t('Event'), { exact: true })).toBeFocused();
    await press('Enter');
    const eighth = app.row('Timeline', row(lang, 'Event', 8));
    await expect(eighth.getByLabel(app.t('Time'), { exact: true })).toBeFocused();
    await page.keyboard.type('02:55');
    await press('Tab');
    await page.keyboard.type(lang === 'en' ? 'Incident closed' : '事件結束');
    expect(keys).toBeLessThanOrEqual(2 * 8);

    // Each line is its own row, at its own time on the incident's day; the chat's header
    // line gives the message its time and its author.
    const times = await timeline.getByLabel(app.t('Time'), { exact: true }).evaluateAll((els) => els.map((e) => e.value));
    expect(times).toEqual(['02:05', '02:07', '02:09', '02:15', '02:21', '02:31', '02:48', '02:55']);
    await expect(first.getByLabel(app.t('Event'), { exact: true })).toHaveValue(lang === 'en'
      ? 'Dana Lee: disk on db-1 is failing, replication lag climbing' : '陳美玲：db-1 磁碟故障，複寫延遲升高');
    await expect(app.row('Timeline', row(lang, 'Event', 2)).getByLabel(app.t('Event'), { exact: true }))
      .toHaveValue(lang === 'en' ? 'PagerDuty alert fires for db-1' : 'db-1 告警觸發');
    await expect(eighth.getByLabel(app.t('Date'), { exact: true })).toHaveValue('2024-05-02');
    await expect(app.preview('Timeline').locator('table').first().locator('tbody tr')).toHaveCount(8);
    await expect(app.preview('Timeline')).toContainText(lang === 'en' ? 'Incident closed' : '事件結束');
    await app.expectSaved();
    await page.reload();
    await expect(timeline.getByRole('group', { name: EVENT_ROW })).toHaveCount(8);
  });

  test(`[${lang}] pasted lines come back out with Ctrl+Z or Undo, and a time past midnight is the next day`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Header', 'Incident date').fill('2024-05-02');
    const timeline = app.section('Timeline');
    await timeline.getByRole('button', { name: app.t('Add timeline event') }).click();
    const first = app.row('Timeline', row(lang, 'Event', 1));
    await first.getByLabel(app.t('Event'), { exact: true }).focus();
    await paste(page, '23:50 Deploy starts\n23:58 Errors climb');
    await expect(timeline.getByRole('group', { name: EVENT_ROW })).toHaveCount(2);
    await page.keyboard.press('Control+z');
    await expect(timeline.getByRole('group', { name: EVENT_ROW })).toHaveCount(1);
    await expect(first.getByLabel(app.t('Event'), { exact: true })).toHaveValue('');

    await first.getByLabel(app.t('Event'), { exact: true }).focus();
    await paste(page, '23:50 Deploy starts\n23:58 Errors climb');
    await expect(timeline.getByRole('group', { name: EVENT_ROW })).toHaveCount(2);
    await page.locator('.toast').getByRole('button', { name: app.t('Undo') }).click();
    await expect(timeline.getByRole('group', { name: EVENT_ROW })).toHaveCount(1);

    await first.getByLabel(app.t('Event'), { exact: true }).focus();
    await paste(page, '23:50 Deploy starts\n23:58 Errors climb');
    const second = app.row('Timeline', row(lang, 'Event', 2));
    await expect(second.getByLabel(app.t('Event'), { exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.type('00:10');
    const third = app.row('Timeline', row(lang, 'Event', 3));
    await expect(third.getByLabel(app.t('Date'), { exact: true })).toHaveValue('2024-05-03');
    await third.getByLabel(app.t('Time'), { exact: true }).press('Tab');
    await page.keyboard.type(lang === 'en' ? 'Rolled back' : '已回滾');
    await expect(app.preview('Timeline')).toContainText('2024-05-03');

    // A value left behind that is not a time says so, and keeps the last good time.
    const time = second.getByLabel(app.t('Time'), { exact: true });
    await time.fill('half past');
    await time.press('Tab');
    await expect(second.getByRole('alert')).toContainText('half past');
    await time.fill('23:59');
    await expect(second.getByRole('alert')).toHaveCount(0);
    // The date box moves the time to another day, at the same clock reading.
    await second.getByLabel(app.t('Date'), { exact: true }).fill('2024-05-01');
    await expect(app.preview('Timeline')).toContainText('2024-05-01 23:59');
  });

  test(`[${lang}] timeline rows are one compact line on a wide form and cards on a phone`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    const timeline = app.section('Timeline');
    for (let i = 0; i < 3; i += 1) {
      await timeline.getByRole('button', { name: app.t('Add timeline event') }).click();
    }
    const second = app.row('Timeline', row(lang, 'Event', 2));
    // In view: a row off screen is not laid out, and measures as its remembered size.
    const height = async () => {
      await second.scrollIntoViewIfNeeded();
      return (await second.boundingBox()).height;
    };
    // The form pane at 1280 wide: two short lines.
    expect(await height()).toBeLessThan(110);
    await page.setViewportSize({ width: 2200, height: 900 });
    expect(await height()).toBeLessThan(70);
    // The labels stay for screen readers on every row.
    await expect(second.getByLabel(app.t('Kind'), { exact: true })).toBeVisible();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await height()).toBeGreaterThan(200);
  });
}
