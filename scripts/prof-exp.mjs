import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const port = 8098;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const md = (n) => { let s=''; for (let i=0; s.length<n; i++) s += `### Part ${i}\n\nThe **cache** returned data \`${i}\`.\n\n- a\n- b\n\n| H | E |\n| --- | --- |\n| w${i} | ${i} |\n\n`; return s.slice(0,n); };
const part = 100000;
const doc = { schema_version: 2, header: { title: 'B', time_zone: 'UTC' }, summary: 'Short', impact: { description: md(part) }, causes: { root_causes: md(part) }, response: { mitigation: md(part) }, supporting_info: md(part),
  timeline: Array.from({ length: 800 }, (_, i) => ({ time: `2024-01-01T${String(Math.floor(i/60)%24).padStart(2,'0')}:${String(i%60).padStart(2,'0')}:00+00:00`, event: `Event ${i}`, kind: 'other', link: '' })) };
async function run(label, remove) {
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/nothing`);
  await page.evaluate((d) => { localStorage.clear(); localStorage.setItem('hindsight:draft:b', JSON.stringify({ id: 'b', rev: 1, created_at: 1, updated_at: 1, doc: d })); }, doc);
  await page.goto(`http://127.0.0.1:${port}/?draft=b`);
  await page.waitForSelector('#preview-supporting h2');
  if (remove && remove.startsWith('css:')) await page.addStyleTag({ content: remove.slice(4) });
  else if (remove) await page.evaluate((sel) => document.querySelectorAll(sel).forEach(e => e.remove()), remove);
  await page.locator('#summary-summary').click();
  await page.evaluate(() => {
    const target = document.querySelector('#preview-summary'); window.__s = [];
    document.querySelector('#summary-summary').addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    new MutationObserver(() => { void document.body.offsetHeight; if (window.__t0 !== undefined) { window.__s.push(performance.now() - window.__t0); window.__t0 = undefined; } }).observe(target, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < 40; i++) { await page.keyboard.press('KeyA'); await page.waitForFunction((n) => window.__s.length >= n, i + 1); }
  const s = (await page.evaluate(() => window.__s)).slice(5).sort((a,b)=>a-b);
  console.log(label.padEnd(30), 'p50', s[Math.floor(s.length/2)].toFixed(1), 'p95', s[Math.floor(s.length*0.95)].toFixed(1));
  await ctx.close();
}
await run('all');
await browser.close(); server.kill();
