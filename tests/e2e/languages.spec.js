// Two languages, the whole way: the interface follows the browser and the Language control,
// the report follows its own Report language, and a Chinese report exports in Chinese.
import { test, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import { EditorPage } from './editor-page.js';

// Every text field of a new draft by its zh-TW label, section by section (VOCABULARY.md).
const ZH_TEXT_FIELDS = {
  基本資料: ['標題', '事件編號', '撰寫者', '審閱者', '負責人', '標籤'],
  摘要: ['摘要'],
  影響: ['影響說明', '受影響使用者', '失敗請求', '錯誤預算消耗', '營收影響', '客服案件', '外洩資料類型', '受影響人數'],
  偵測: ['偵測經過'],
  觸發與根本原因: ['觸發點', '根本原因', '促成因素', '過往類似事件'],
  應變與修復: ['應變人員', '緩解措施', '修復方式', '長期修正'],
  溝通: ['內部通知', '客戶公告', '已通知對象'],
  補充資料: ['補充資料'],
};
const ZH_HEADINGS = ['摘要', '影響', '時間軸', '偵測', '觸發與根本原因', '應變與修復', '行動項目', '經驗教訓', '溝通', '補充資料'];

/// A page whose browser prefers Traditional Chinese, on its first visit.
async function zhPage(browser) {
  const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { context, page, app: new EditorPage(page, 'zh-TW') };
}

test('a browser that prefers zh-TW gets the app in 繁體中文, and a report written there exports in Chinese', async ({ browser }) => {
  const { context, page, app } = await zhPage(browser);
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
  await expect(page.getByLabel('語言', { exact: true })).toHaveValue('zh-TW');
  await expect(page.getByRole('navigation', { name: '草稿' })).toBeVisible();
  await app.field('影響', '資料外洩').selectOption('yes');
  for (const [section, labels] of Object.entries(ZH_TEXT_FIELDS)) {
    for (const label of labels) await app.field(section, label).fill(`**${section}-${label}**`);
  }
  await app.field('基本資料', '標題').fill('付款資訊外洩事故');
  await app.field('基本資料', '事件日期').fill('2023-03-20');
  await app.field('基本資料', '嚴重程度').selectOption('SEV1');
  for (const [section, labels] of Object.entries(ZH_TEXT_FIELDS)) {
    for (const label of labels.filter((l) => l !== '標題')) {
      await expect(app.preview(section === '基本資料' ? 'Header' : sectionSlug(section)).locator('strong', { hasText: `${section}-${label}` }))
        .toHaveCount(1);
    }
  }
  // The preview speaks the report's language, and says so.
  await expect(page.locator('.report')).toHaveAttribute('lang', 'zh-Hant-TW');
  await expect(app.preview('Header')).toContainText('SEV1（危急）');

  await page.getByRole('button', { name: '匯出', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '下載 Markdown' }).click(),
  ]);
  // The Chinese title survives in the file name, followed by a slug of the Incident ID.
  expect(download.suggestedFilename()).toBe('2023-03-20-付款資訊外洩事故-基本資料-事件編號.md');
  const md = await fs.readFile(await download.path(), 'utf8');
  const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  expect(headings).toEqual(ZH_HEADINGS.filter((h) => !['時間軸', '行動項目', '經驗教訓'].includes(h)));
  expect(md).toContain('| 欄位 | 內容 |');
  expect(md).toContain('| 資料外洩 | 是 |');
  await context.close();
});

const SLUGS = { 摘要: 'Summary', 影響: 'Impact', 偵測: 'Detection', 觸發與根本原因: 'Trigger and root causes',
  應變與修復: 'Response and resolution', 溝通: 'Communication', 補充資料: 'Supporting information' };
function sectionSlug(zh) {
  return SLUGS[zh];
}

test('switching the language keeps the focus, the typing and the document', async ({ page }) => {
  const app = new EditorPage(page);
  await app.open();
  const summary = app.field('Summary', 'Summary');
  await summary.fill('Typed before the switch');
  const handle = await summary.elementHandle();
  await app.field('Header', 'Title').fill('Same document');
  await app.expectSaved();
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('hindsight:draft:')));
  await app.useLanguage('zh-TW');
  // The same element, with what was typed: nothing was rebuilt or rewritten.
  expect(await handle.evaluate((el) => el.isConnected && el.value)).toBe('Typed before the switch');
  await expect(page.getByRole('main', { name: '事後檢討表單' }).getByRole('region', { name: '摘要', exact: true })).toBeVisible();
  expect(await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('hindsight:draft:')))).toEqual(stored);
  // Typing goes on where it was, in the other language.
  await handle.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('，繼續輸入');
  expect(await handle.evaluate((el) => el.value)).toBe('Typed before the switch，繼續輸入');
  // The choice is remembered.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
});

test('the report language is the document\'s own: an English report inside the Chinese interface', async ({ browser }) => {
  const { context, page, app } = await zhPage(browser);
  await page.goto('./');
  await app.field('基本資料', '標題').fill('Checkout outage');
  await expect(app.preview('Summary')).toContainText('摘要：尚未填寫。');
  await app.field('基本資料', '報告語言').selectOption('en');
  await expect(page.locator('.report')).toHaveAttribute('lang', 'en');
  await expect(app.preview('Summary')).toContainText('Summary: nothing written yet.');
  await app.field('摘要', '摘要').fill('Written in English');
  await expect(app.preview('Summary').locator('h2')).toHaveText('Summary');
  // The interface stays Chinese.
  await expect(page.getByRole('navigation', { name: '草稿' })).toBeVisible();
  await context.close();
});

test('Open example opens the worked example in the interface language', async ({ browser }) => {
  const { context, page, app } = await zhPage(browser);
  await page.goto('./');
  await app.draftList().getByRole('button', { name: '開啟範例' }).click();
  await expect(app.field('基本資料', '報告語言')).toHaveValue('zh-TW');
  await expect(app.preview('Summary').locator('h2')).toHaveText('摘要');
  await expect(page.locator('.report')).toContainText('redis-py');
  await expect(page.locator('.report')).toContainText('1.2%');
  await expect(app.preview('Timeline')).toContainText('7 小時 50 分');
  await context.close();
});
