// The words the end-to-end tests find things by, in both UI languages. Tests find labels,
// buttons and regions by name, exactly as a person or a screen reader would; VOCABULARY.md
// fixes these words.
export const LANGUAGES = ['en', 'zh-TW'];

const TABLE = {
  Language: ['Language', '語言'],
  Export: ['Export', '匯出'],
  'Download Markdown': ['Download Markdown', '下載 Markdown'],
  'Copy Markdown': ['Copy Markdown', '複製 Markdown'],
  'Download HTML': ['Download HTML', '下載 HTML'],
  'Download JSON': ['Download JSON', '下載 JSON'],
  'Print / PDF': ['Print / PDF', '列印 / PDF'],
  'Share link': ['Share link', '分享連結'],
  Drafts: ['Drafts', '草稿'],
  'New draft': ['New draft', '新增草稿'],
  'Open example': ['Open example', '開啟範例'],
  'Search drafts': ['Search drafts', '搜尋草稿'],
  'Postmortem form': ['Postmortem form', '事後檢討表單'],
  Import: ['Import', '匯入'],
  Saved: ['Saved', '已儲存'],
  Full: ['Full', '完整'],
  Header: ['Header', '基本資料'],
  Summary: ['Summary', '摘要'],
  Impact: ['Impact', '影響'],
  Timeline: ['Timeline', '時間軸'],
  Detection: ['Detection', '偵測'],
  'Trigger and root causes': ['Trigger and root causes', '觸發與根本原因'],
  'Response and resolution': ['Response and resolution', '應變與修復'],
  'Action items': ['Action items', '行動項目'],
  'Lessons learned': ['Lessons learned', '經驗教訓'],
  Communication: ['Communication', '溝通'],
  'Supporting information': ['Supporting information', '補充資料'],
  Title: ['Title', '標題'],
  'Incident ID': ['Incident ID', '事件編號'],
  'Time zone': ['Time zone', '時區'],
  'Report language': ['Report language', '報告語言'],
  Event: ['Event', '事件'],
  Time: ['Time', '時間'],
  'Incident date': ['Incident date', '事件日期'],
  Authors: ['Authors', '撰寫者'],
  Tags: ['Tags', '標籤'],
  Trigger: ['Trigger', '觸發點'],
  'Root causes': ['Root causes', '根本原因'],
  'Contributing factors': ['Contributing factors', '促成因素'],
  Responders: ['Responders', '應變人員'],
  Date: ['Date', '日期'],
  Kind: ['Kind', '類型'],
  Action: ['Action', '行動'],
  Owner: ['Owner', '負責人'],
  'Due date': ['Due date', '期限'],
  Why: ['Why', '為什麼'],
  'Add why': ['Add why', '新增為什麼'],
  'Add timeline event': ['Add timeline event', '新增時間軸事件'],
  'Add action item': ['Add action item', '新增行動項目'],
  'Sort by time': ['Sort by time', '依時間排序'],
  Undo: ['Undo', '復原'],
  'Customer version': ['Customer version', '對外版本'],
  Incidents: ['Incidents', '事件總覽'],
  'Hide guidance': ['Hide guidance', '隱藏引導'],
  'Show guidance': ['Show guidance', '顯示引導'],
  'Questions to answer': ['Questions to answer', '要回答的問題'],
  'Keep the times as typed': ['Keep the times as typed', '保留輸入的時間'],
  'Keep the moments (convert)': ['Keep the moments (convert)', '保留時刻（換算）'],
  'Storage used': ['Storage used', '已使用儲存空間'],
  'Show preview': ['Show preview', '顯示預覽'],
  Theme: ['Theme', '主題'],
  System: ['System', '跟隨系統'],
  Light: ['Light', '淺色'],
  Dark: ['Dark', '深色'],
  'A new version is ready': ['A new version is ready', '有新版本'],
  Reload: ['Reload', '重新載入'],
};

/// The word `en` in `lang`.
export function t(lang, en) {
  const pair = TABLE[en];
  // A word not in the table is taken as already written in the test's language.
  if (!pair) return en;
  return lang === 'zh-TW' ? pair[1] : pair[0];
}

/// Row names: "Event 2" / "事件 2".
export function row(lang, en, n) {
  return `${t(lang, en)} ${n}`;
}
