// Written on the day (issue 23): Chinese lists and names as people write them, and plain
// blame, found by the review and kept out of the customer version; the report's small
// things (action items once, no space after a full-width colon). Each in both UI languages.
import { test, expect } from '@playwright/test';
import { EditorPage } from './editor-page.js';
import { LANGUAGES } from './words.js';

const TITLES = {
  blame: { en: 'Blaming language', 'zh-TW': '責怪性的用語' },
  person: { en: 'Root cause blames a person', 'zh-TW': '根本原因歸咎於個人' },
};

/** The open findings whose text starts with `title`, in the Review region. */
function findings(app, key) {
  const title = TITLES[key][app.lang];
  return app.page.getByRole('region', { name: app.lang === 'en' ? 'Review' : '審閱', exact: true })
    .locator('ul.findings:not(.dismissed) > li').filter({ hasText: new RegExp(`^\\s*${title}`) });
}

async function exportJson(app) {
  const page = app.page;
  await page.getByRole('button', { name: app.t('Export') }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: app.t('Download JSON') }).click(),
  ]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

for (const lang of LANGUAGES) {
  test(`[${lang}] Chinese lists split on 、 and ，, and a given name next to blame is found`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Header', 'Authors').fill('陳美玲、林志豪');
    await app.field('Header', 'Tags').fill('資料庫，postgres、切換');
    await app.field('Trigger and root causes', 'Root causes').fill('志豪忘了檢查複寫延遲。');
    await expect(findings(app, 'blame')).toHaveCount(1);
    await expect(findings(app, 'blame')).toContainText('忘了');
    await expect(findings(app, 'person').first()).toContainText('志豪');
    // 人為疏失 is no cause under Contributing factors either.
    await app.field('Trigger and root causes', 'Contributing factors').fill('人為疏失');
    await expect(findings(app, 'person')).toHaveCount(2);
    await app.expectSaved();
    const doc = await exportJson(app);
    expect(doc.header.authors).toEqual(['陳美玲', '林志豪']);
    expect(doc.header.tags).toEqual(['資料庫', 'postgres', '切換']);
  });

  test(`[${lang}] plain blame is a finding: forgot to after a responder, screwed up, a cause that is only a name`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.field('Response and resolution', 'Responders').fill('Tom Baker\nDana Lee');
    await app.field('Summary', 'Summary').fill('Tom forgot to check replication lag before the failover.');
    await expect(findings(app, 'blame')).toHaveCount(1);
    await expect(findings(app, 'blame')).toContainText('forgot to');
    await app.field('Trigger and root causes', 'Trigger').fill('The DBA screwed up the config migration, which was frankly embarrassing.');
    await expect(findings(app, 'blame')).toHaveCount(2);
    await app.field('Trigger and root causes', 'Root causes').fill('Tom');
    await expect(findings(app, 'person')).toHaveCount(1);
    // A system that "failed to" is no blame.
    await app.field('Summary', 'Summary').fill('The health check failed to notice the lag.');
    await expect(findings(app, 'blame')).toHaveCount(1);
  });

  test(`[${lang}] the report lists action items once, and a Chinese label has no space after its colon`, async ({ page }) => {
    const app = new EditorPage(page, lang);
    await app.open();
    await app.draftList().getByRole('button', { name: app.t('Open example') }).click();
    const actions = app.preview('Action items');
    await expect(actions.locator('table')).toHaveCount(1);
    await expect(actions.locator('ul li .task')).toHaveCount(0);
    if (lang === 'zh-TW') {
      // textContent: a preview section off screen is not rendered, so it has no innerText.
      const detection = await app.preview('Detection').textContent();
      expect(detection).toMatch(/發現方式：\S/);
      expect(detection).not.toMatch(/：\s/);
    }
  });
}
