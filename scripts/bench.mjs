// Measures Hindsight's performance goals in headless Chromium against the release build:
//   1. keystroke to preview on a 50 KB report (p50, p95; goal: p95 under 16 ms);
//   2. the render pipeline against markdown-it + DOMPurify on the same documents;
//   3. the app's size, gzipped (goal: under 250 KiB).
// Timings are reported, never asserted: `make bench`.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist');
const port = 8093;

// A Markdown-heavy paragraph with lists, a table, code and links, about 1 KB.
function chunk(i) {
  return `### Part ${i}\n\nThe **cache** returned *stale* data for request \`${i}\`; see [graph ${i}](https://grafana.example/d/${i}).\n\n` +
    `- Retry storms doubled load on shard ${i % 7}\n- The breaker opened after ${i * 3} s\n  - nested detail with ~~old~~ new value\n\n` +
    `| Host | Errors | Share |\n| --- | --- | --- |\n| web-${i} | ${i * 17} | ${(i % 9) + 1}% |\n| api-${i} | ${i * 5} | 2% |\n\n` +
    '```\nERROR upstream timed out (110: Connection timed out) while reading response header\n```\n\n' +
    `> Quote from the on-call log, entry ${i}: "we saw <b>raw</b> & escaped text".\n\n`;
}
const markdownOf = (bytes) => {
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += chunk(i);
  return out.slice(0, bytes);
};

function serve() {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dist], { stdio: 'ignore' });
  return server;
}

async function waitForServer(page) {
  for (let i = 0; i < 50; i++) {
    try { await page.goto(`http://127.0.0.1:${port}/`); return; } catch { await new Promise((r) => setTimeout(r, 200)); }
  }
  throw new Error('server did not start');
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const server = serve();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await waitForServer(page);

  // 1. Keystroke to preview on a 50 KB report.
  const doc = {
    schema_version: 1,
    header: { title: 'Benchmark report', time_zone: 'UTC' },
    summary: 'Short summary to type into.',
    causes: { root_causes: markdownOf(20_000) },
    response: { mitigation: markdownOf(10_000) },
    supporting_info: markdownOf(20_000),
  };
  const draft = { id: 'bench', rev: 1, created_at: Date.now(), updated_at: Date.now(), doc };
  await page.evaluate((d) => localStorage.setItem('hindsight:draft:bench', JSON.stringify(d)), draft);
  await page.goto(`http://127.0.0.1:${port}/?draft=bench`);
  await page.waitForSelector('#preview-supporting h2');
  const reportBytes = await page.evaluate(() => document.querySelector('.report').innerText.length);
  const summary = page.locator('#summary-summary');
  await summary.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const target = document.querySelector('#preview-summary');
    window.__samples = [];
    const area = document.querySelector('#summary-summary');
    area.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
    new MutationObserver(() => {
      // Force style and layout, as the browser must before it can paint the change.
      void document.body.offsetHeight;
      if (window.__t0 !== undefined) {
        window.__samples.push(performance.now() - window.__t0);
        window.__t0 = undefined;
      }
    }).observe(target, { childList: true, subtree: true, characterData: true });
  });
  for (let i = 0; i < 120; i++) {
    // Letters only: a trailing space renders the same, so it would change nothing to time.
    await page.keyboard.press('KeyA');
    await page.waitForFunction((n) => window.__samples.length >= n, i + 1);
  }
  const samples = (await page.evaluate(() => window.__samples)).slice(20);
  const markdownBytes = JSON.stringify(doc).length;

  // 2. The render pipeline against markdown-it + DOMPurify.
  await page.addScriptTag({ path: path.join(root, 'node_modules/markdown-it/dist/browser/markdown-it.umd.min.js') });
  await page.addScriptTag({ path: path.join(root, 'node_modules/dompurify/dist/purify.min.js') });
  const sizes = [5_000, 50_000, 500_000];
  const render = await page.evaluate(({ docs }) => {
    const md = window.markdownit();
    const time = (fn) => {
      fn();
      const runs = [];
      const start = performance.now();
      while (performance.now() - start < 1000 || runs.length < 5) {
        const t = performance.now();
        fn();
        runs.push(performance.now() - t);
      }
      runs.sort((a, b) => a - b);
      return runs[Math.floor(runs.length / 2)];
    };
    return docs.map((text) => ({
      wasm: time(() => window.wasmBindings.renderMarkdown(text)),
      js: time(() => window.DOMPurify.sanitize(md.render(text))),
    }));
  }, { docs: sizes.map(markdownOf) });

  // 3. Size.
  const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f));
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  const total = files.reduce((sum, f) => sum + gz(f), 0);

  const ms = (x) => `${x.toFixed(2)} ms`;
  console.log('\n## Benchmark results\n');
  console.log(`Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| what | value | goal |');
  console.log('|---|---|---|');
  console.log(`| keystroke to preview, ${Math.round(markdownBytes / 1024)} KB document (${Math.round(reportBytes / 1024)} KB of rendered text), ${samples.length} keystrokes | p50 ${ms(percentile(samples, 50))}, p95 ${ms(percentile(samples, 95))} | p95 under 16 ms |`);
  sizes.forEach((s, i) => {
    const r = render[i];
    console.log(`| render ${s / 1000} KB: Hindsight (wasm) vs markdown-it + DOMPurify | ${ms(r.wasm)} vs ${ms(r.js)}, ${(r.js / r.wasm).toFixed(1)}× faster | at least 5× |`);
  });
  console.log(`| app size, gzip (${files.map((f) => `${f.replace(/-[0-9a-f]{16}/, '')} ${(gz(f) / 1024).toFixed(0)} KiB`).join(', ')}) | ${(total / 1024).toFixed(0)} KiB | under 250 KiB |`);
} finally {
  await browser.close();
  server.kill();
}
