// Measures Hindsight's performance goals in headless Chromium against the release build:
//   1. keystroke to preview in a short section of a 50 KB and of a 500 KB report (p50, p95;
//      goal: p95 at most 8 ms at both sizes);
//   2. cold load to an editable form with its preview, in a fresh profile (goal: 150 ms);
//   3. start-up with 200 drafts against 1 (goal: at most 50 ms more);
//   3b. incidents: 200 varied drafts with 1,000 open action items: start-up against 1 draft,
//      and opening the Incidents overview (goal: at most 100 ms);
//   4. the render pipeline against markdown-it + DOMPurify on the same documents (goal: 10×);
//   5. the app's size, gzipped, and where the wasm's bytes go (goal: 250 KiB);
//   5b. first-load transfer against everything precached; keystroke to the next frame at 50
//      and 500 KB; a Title keystroke with a 300,000-character field elsewhere;
//   6. a timeline of 200 rows: typing in its last row, keystroke to the next frame against 5
//      rows (goal: p95 at most 20 ms), and a reload until the form is editable (goal: 1.2 s).
//   7. side by side with the build it started from (scripts/bench.sh builds it): first-load
//      and total transfer, cold load, keystrokes at 50 and 500 KB, start-up with 1 and 200
//      drafts, the Title keystroke, and the frames dropped while a 500 KB draft is saved.
// Timings are reported, never asserted: `make bench`.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const thisDist = process.env.BENCH_DIST || path.join(root, 'dist');
const port = Number(process.env.BENCH_PORT || 8096);
// The build under measure: this one, or for a while the one it started from
// (BENCH_BASE_DIST, built by scripts/bench.sh), each served on its own port.
let dist = thisDist;
let base = `http://127.0.0.1:${port}/`;

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

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const median = (xs) => percentile(xs, 50);
const ms = (x) => `${x.toFixed(1)} ms`;
/// A difference in words: "12.4 ms more" or "3.2 ms less".
const diff = (x) => `${ms(Math.abs(x))} ${x >= 0 ? 'more' : 'less'}`;

/// A document of about `bytes` bytes whose Summary stays short: the weight is elsewhere.
function bigDocument(bytes) {
  const part = Math.floor(bytes / 5);
  return {
    schema_version: 2,
    header: { title: 'Benchmark report', time_zone: 'UTC', tags: ['bench'] },
    summary: 'Short summary to type into.',
    impact: { description: markdownOf(part) },
    causes: { root_causes: markdownOf(part) },
    response: { mitigation: markdownOf(part) },
    timeline: Array.from({ length: Math.floor(part / 120) }, (_, i) => ({
      time: `2024-01-01T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+00:00`,
      event: `Event ${i}: the **cache** on shard ${i % 7} reported ${i * 3} errors`,
      kind: 'other',
      link: '',
    })),
    supporting_info: markdownOf(part),
  };
}

const draftOf = (id, doc, updated) => ({ id, rev: 1, created_at: updated, updated_at: updated, doc });

/// Times keystrokes in the Summary: keydown to the preview's DOM changed, with layout forced.
async function keystrokes(page, doc) {
  await page.goto(base);
  await page.evaluate((d) => {
    localStorage.clear();
    localStorage.setItem('hindsight:draft:bench', JSON.stringify(d));
  }, draftOf('bench', doc, Date.now()));
  await page.goto(`${base}?draft=bench`);
  await page.waitForSelector('#preview-supporting h2');
  const summary = page.locator('#summary-summary');
  await summary.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const target = document.querySelector('#preview-summary');
    window.__samples = [];
    const area = document.querySelector('#summary-summary');
    window.__frames = [];
    area.addEventListener('keydown', () => {
      const t0 = performance.now();
      window.__t0 = t0;
      // The frame the keystroke is painted in: a task after the next animation frame.
      requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - t0), 0));
    }, true);
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
    await page.waitForFunction((n) => window.__samples.length >= n && window.__frames.length >= n, i + 1);
  }
  const { samples, frames } = await page.evaluate(() => ({ samples: window.__samples, frames: window.__frames }));
  return { preview: samples.slice(20), frames: frames.slice(20) };
}

/// One keystroke in Title while another field holds `chars` characters: keydown until the
/// preview's heading shows the new title (median of 15 keystrokes).
async function titleWithHugeField(page, chars) {
  const doc = bigDocument(50_000);
  doc.supporting_info = 'x'.repeat(chars);
  await page.goto(base);
  await page.evaluate((d) => {
    localStorage.clear();
    localStorage.setItem('hindsight:draft:bench', JSON.stringify(d));
  }, draftOf('bench', doc, Date.now()));
  await page.goto(`${base}?draft=bench`);
  await page.waitForSelector(APP_READY);
  await page.locator('#header-title').click();
  await page.keyboard.press('End');
  const xs = [];
  for (let i = 0; i < 15; i++) {
    const before = await page.evaluate(() => document.querySelector('#preview-header h1').textContent);
    // Armed before the key is pressed: an input event may reach the page before a script
    // sent with it.
    await page.evaluate((prev) => {
      const h1 = () => document.querySelector('#preview-header h1');
      window.__title = new Promise((resolve) => {
        let t0;
        document.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
        new MutationObserver((_, o) => {
          if (t0 !== undefined && h1() && h1().textContent !== prev) {
            o.disconnect();
            resolve(performance.now() - t0);
          }
        }).observe(document.querySelector('#preview-header'), { childList: true, subtree: true, characterData: true });
      });
    }, before);
    await page.keyboard.press('KeyB');
    xs.push(await page.evaluate(() => window.__title));
  }
  return median(xs);
}

/// Milliseconds from navigation start until the form is editable and its preview rendered,
/// in a fresh profile (a new context: no cache, no storage but what `seed` puts there); with
/// `loads` over 1, the page is loaded again in the same profile and the last time is given;
/// with `both`, also when the app took over from the first screen and when that was painted
/// (`{ usable, app, painted }`).
async function readyTime(browser, seed, loads = 1, extra = null, both = false) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (seed) {
    await page.goto(`${base}favicon-never.svg`).catch(() => {});
    await page.evaluate(seed.fn, seed.arg);
  }
  await page.addInitScript(({ extra, appReady }) => {
    const ready = () => {
      const title = document.querySelector('#header-title');
      const preview = document.querySelector('#preview-header h1');
      return title && !title.disabled && preview && (extra || []).every((s) => document.querySelector(s));
    };
    new MutationObserver((_, observer) => {
      if (window.__ready === undefined && ready()) window.__ready = performance.now();
      if (window.__app === undefined && document.querySelector(appReady)) {
        window.__app = performance.now();
        // Its first frame: before the first screen, the app's mount came before the page's
        // first layout; after it, that layout was done earlier, so only painted is fair.
        requestAnimationFrame(() => setTimeout(() => { window.__appPainted = performance.now(); }));
      }
      if (window.__ready !== undefined && window.__app !== undefined) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, { extra, appReady: APP_READY });
  let t = {};
  for (let i = 0; i < loads; i++) {
    await page.goto(base);
    await page.waitForFunction(() => window.__ready !== undefined && window.__appPainted !== undefined, null, { timeout: 30_000 });
    t = await page.evaluate(() => ({ usable: window.__ready, app: window.__app, painted: window.__appPainted }));
  }
  await context.close();
  return both ? t : t.usable;
}

function seedDrafts(count) {
  return {
    arg: { count, text: markdownOf(7_000) },
    fn: ({ count, text }) => {
      localStorage.clear();
      for (let i = 0; i < count; i++) {
        const doc = {
          schema_version: 2,
          header: { title: `Incident ${i}`, severity: 'SEV3', tags: ['bench', `t${i % 9}`] },
          summary: `Summary ${i}`,
          causes: { root_causes: text },
          action_items: Array.from({ length: 5 }, (_, k) => ({ action: `Action ${k} of ${i}`, owner: `team-${k}`, due_date: '2024-05-01' })),
        };
        const id = `d${String(i).padStart(4, '0')}`;
        localStorage.setItem(`hindsight:draft:${id}`, JSON.stringify({ id, rev: 1, created_at: i, updated_at: i, doc }));
      }
    },
  };
}

/// 200 varied incidents with 5 open action items each (1,000 in all): severities, statuses,
/// months, owners, due dates, tags and root-cause words spread out, timelines for the
/// trends, and every tenth Recurrence naming an earlier incident.
function seedIncidents(count) {
  return {
    arg: { count },
    fn: ({ count }) => {
      localStorage.clear();
      const owners = ['Ana', 'Bo', 'Chen', 'Dana', 'Eli', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lin'];
      const tags = ['cache', 'dns', 'queue', 'auth', 'billing', 'network', 'storage', 'deploy', 'db', 'cdn'];
      const words = ['cache', 'key', 'tenant', 'timeout', 'retry', 'queue', 'consumer', 'config', 'push', 'certificate',
        'expired', 'replica', 'lag', 'disk', 'full', 'quota', 'deploy', 'rollback', 'dns', 'resolver', 'pool',
        'connection', 'leak', 'memory', 'thread', 'lock', 'contention', 'index', 'migration', 'schema'];
      const iso = (ms) => new Date(ms).toISOString().replace('.000Z', '+00:00');
      const pad = (n) => String(n).padStart(2, '0');
      for (let i = 0; i < count; i++) {
        const month = i % 24;
        const date = `${2023 + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad((i % 27) + 1)}`;
        const start = Date.parse(`${date}T10:00:00Z`);
        const cause = Array.from({ length: 12 }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
        const doc = {
          schema_version: 2,
          header: {
            title: `Incident ${i}: ${words[i % words.length]} ${words[(i * 3) % words.length]}`,
            incident_id: `INC-${1000 + i}`,
            severity: ['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'][i % 5],
            status: ['draft', 'in_review', 'final'][i % 3],
            incident_date: date,
            time_zone: 'UTC',
            tags: [tags[i % 10], tags[(i * 3 + 1) % 10]],
          },
          summary: `Summary of incident ${i}.`,
          causes: { root_causes: `The ${cause}.`, recurrence: i % 10 === 0 && i > 0 ? `See INC-${990 + i}.` : '' },
          timeline: [
            { time: iso(start), event: 'Impact started', kind: 'impact_started', link: '' },
            { time: iso(start + (5 + (i % 50)) * 60_000), event: 'Detected', kind: 'detected', link: '' },
            { time: iso(start + (60 + (i % 300)) * 60_000), event: 'Resolved', kind: 'resolved', link: '' },
          ],
          action_items: Array.from({ length: 5 }, (_, k) => ({
            action: `Action ${k} of incident ${i}: guard the ${words[(i + k) % words.length]}`,
            owner: owners[(i + k) % owners.length],
            due_date: `${2024 + (k % 3)}-${pad(((k * 2 + i) % 12) + 1)}-15`,
            kind: ['prevent', 'mitigate', 'detect', 'process'][k % 4],
            priority: `P${k % 4}`,
            tracking_link: `https://tracker.example/T-${i}-${k}`,
          })),
        };
        const id = `i${String(i).padStart(4, '0')}`;
        localStorage.setItem(`hindsight:draft:${id}`, JSON.stringify({ id, rev: 1, created_at: i, updated_at: i, doc }));
      }
    },
  };
}

/// Milliseconds from a click on the top bar's Incidents button until the overview's region
/// is there with all `items` open items listed (layout forced), for `runs` opens in one page
/// whose storage `seed` filled (loaded twice first, so the drafts index is in place); the
/// median and the first open.
async function overviewTime(browser, seed, items, runs = 5) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}favicon-never.svg`).catch(() => {});
  await page.evaluate(seed.fn, seed.arg);
  for (let i = 0; i < 2; i++) {
    await page.goto(base);
    await page.waitForSelector(APP_READY);
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate((items) => new Promise((resolve) => {
      const button = [...document.querySelectorAll('header button')].find((b) => b.textContent.trim() === 'Incidents');
      const done = () => document.querySelector('section.incidents-view')
        && document.querySelectorAll('#open-items-list li.open-item').length >= items;
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        void document.body.offsetHeight;
        resolve(performance.now() - t0);
      });
      observer.observe(document.body, { childList: true, subtree: true });
      button.click();
    }), items));
    await page.getByRole('button', { name: 'Back to the editor' }).click();
    await page.waitForSelector(APP_READY);
  }
  await context.close();
  return { median: median(times), first: times[0] };
}

/// A draft whose timeline has `rows` events, a minute apart.
function timelineDraft(rows) {
  const doc = {
    schema_version: 2,
    header: { title: 'Timeline benchmark', time_zone: 'UTC', incident_date: '2024-05-02' },
    summary: 'A long night.',
    timeline: Array.from({ length: rows }, (_, i) => ({
      time: `2024-05-02T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+00:00`,
      event: `Step ${i}: the failover runbook's check ${i % 13} on db-${i % 3}`,
      kind: i === 0 ? 'impact_started' : 'other',
      link: '',
    })),
  };
  return {
    arg: draftOf('timeline', doc, Date.now()),
    fn: (d) => {
      localStorage.clear();
      localStorage.setItem('hindsight:draft:timeline', JSON.stringify(d));
    },
  };
}

/// Typing in the last timeline row of a draft of `rows` events: from each keydown to a task
/// after the next animation frame (the frame the keystroke is painted in).
async function timelineFrames(browser, rows) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const seed = timelineDraft(rows);
  await page.goto(`${base}favicon-never.svg`).catch(() => {});
  await page.evaluate(seed.fn, seed.arg);
  await page.goto(`${base}?draft=timeline`);
  await page.waitForSelector(APP_READY);
  const last = page.locator('.rows.compact .row').last().locator('input[id$="-event"]');
  await last.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.__frames = [];
    document.addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__frames.push(performance.now() - t0), 0));
    }, true);
  });
  for (let i = 0; i < 100; i++) {
    await page.keyboard.press('KeyA');
    await page.waitForFunction((n) => window.__frames.length >= n, i + 1);
  }
  const samples = (await page.evaluate(() => window.__frames)).slice(10);
  await context.close();
  return samples;
}

/// Runs `fn` `n` times and gives the median.
// A connected folder of `count` Hindsight postmortems (an origin-private folder handed out
// by a test double of the directory picker): from the click on Connect to the drafts panel
// listing them all, with the longest task meanwhile (the worker reads the files); then the
// overview opened, until its related incidents are drawn, with the longest task the page
// ran meanwhile (the worker takes the comparison of every pair off the page).
async function folderTime(browser, count) {
  const sample = fs.readFileSync(path.join(root, 'cli/tests/fixtures/repo/postmortems/hindsight/2026-09-02-api-latency-in-eu-west-inc-2026-0902.md'), 'utf8');
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('team', { create: true });
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForSelector(APP_READY);
  await page.evaluate(async ({ sample, count }) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry('team', { recursive: true }).catch(() => {});
    const dir = await root.getDirectoryHandle('team', { create: true });
    for (let i = 0; i < count; i++) {
      const file = await dir.getFileHandle(`pm-${String(i).padStart(4, '0')}.md`, { create: true });
      const w = await file.createWritable();
      await w.write(sample.replace('API latency in EU-West', `API latency in EU-West ${i}`));
      await w.close();
    }
  }, { sample, count });
  const watchLongTasks = () => page.evaluate(() => {
    window.__longest = 0;
    if (window.__observer) window.__observer.disconnect();
    window.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    });
    window.__observer.observe({ type: 'longtask' });
  });
  await watchLongTasks();
  const start = Date.now();
  await page.getByRole('button', { name: 'Connect a folder' }).click();
  await page.getByText(`In the folder (${count})`).waitFor({ timeout: 60_000 });
  const took = Date.now() - start;
  const connectLongest = await page.evaluate(() => window.__longest);
  await watchLongTasks();
  const opened = Date.now();
  await page.getByRole('button', { name: 'Incidents', exact: true }).click();
  await page.locator('.related-overview').waitFor({ timeout: 120_000 });
  const overview = Date.now() - opened;
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => window.__longest);
  await context.close();
  return { took, connectLongest, overview, longest };
}

/// The folder runs as table rows.
function folderLines(runs) {
  return `| connected folder of 2,000 postmortems: Connect to the drafts panel listing them; the longest task meanwhile (median of 3) | ${ms(median(runs.map((r) => r.took)))}; longest task ${ms(median(runs.map((r) => r.connectLongest)))} | at most 2 s |\n`
    + `| the same folder: the Incidents overview until its related incidents are drawn; the longest task meanwhile (median of 3) | ${ms(median(runs.map((r) => r.overview)))}; longest task ${ms(median(runs.map((r) => r.longest)))} | — |`;
}

/// One keystroke in a report of `bytes`, then every frame for two seconds, through the
/// delayed save: the longest gap between two frames, and how many gaps missed a frame (over
/// 1.5 display frames).
async function saveFrames(page, bytes) {
  await page.goto(base);
  await page.evaluate((d) => {
    localStorage.clear();
    localStorage.setItem('hindsight:draft:bench', JSON.stringify(d));
  }, draftOf('bench', bigDocument(bytes), Date.now()));
  await page.goto(`${base}?draft=bench`);
  await page.waitForSelector('#preview-supporting h2');
  await page.locator('#summary-summary').click();
  await page.keyboard.press('End');
  await page.waitForTimeout(1500);
  const before = await page.evaluate(() => localStorage.getItem('hindsight:draft:bench').length);
  await page.evaluate(() => {
    window.__gaps = [];
    let last = performance.now();
    const start = last;
    const step = (t) => {
      window.__gaps.push(t - last);
      last = t;
      if (t - start < 2000) requestAnimationFrame(step);
      else window.__gapsDone = true;
    };
    requestAnimationFrame(step);
  });
  await page.keyboard.press('KeyA');
  await page.waitForFunction(() => window.__gapsDone === true);
  const { gaps, after } = await page.evaluate(() => ({
    gaps: window.__gaps.slice(1),
    after: localStorage.getItem('hindsight:draft:bench').length,
  }));
  const frame = median(gaps);
  return { longest: Math.max(...gaps), dropped: gaps.filter((g) => g > 1.5 * frame).length, saved: after !== before };
}

async function medianOf(n, fn) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await fn());
  return median(xs);
}

/// Where the wasm's bytes go, from twiggy on the release build's own wasm (before
/// wasm-bindgen and wasm-opt), when twiggy is installed: by crate, and by what the code is
/// for, with the parts the first keystroke does not need (the next lever for the first
/// load) marked "later".
const AREAS = [
  ['importer of foreign reports (later)', /hindsight_core::import::foreign/],
  ['review (later)', /hindsight_core::review|hindsight::ui::review|hindsight::i18n::review/],
  ['customer version (later)', /hindsight_core::customer|hindsight::ui::customer|hindsight::i18n::customer/],
  ['incidents overview (later)', /hindsight_core::incidents|hindsight::ui::incidents|hindsight::state::incidents|hindsight::i18n::incidents/],
  ['team folder and merge (later)', /hindsight_core::merge|hindsight_core::session::(folder|merging)|hindsight::ui::(team_folder|opened_folder|merge_dialog)|hindsight::(adapters|state)::folder|hindsight::i18n::(team|merge)/],
  ['imports and exports (later)', /hindsight_core::(import|export|json|share|backup|strict_json)|hindsight::state::exchange|hindsight::ui::(export_menu|import_map|import_picked_file|shared_view)|hindsight::adapters::files/],
  ['worked examples (later)', /hindsight_core::example/],
  ['editor: form, preview, drafts, session', /hindsight_core|hindsight::/],
  ['Leptos and the browser bindings', /^<*(impl )?<*(reactive_graph|tachys|leptos\w*|web_sys|js_sys|wasm_bindgen\w*|any_spawner|throw_error|or_poisoned|send_wrapper|futures\w*|slotmap|oco_ref|guardian|pin_project\w*|either_of|next_tuple)\b/],
  ['Markdown, JSON, deflate', /^<*(impl )?<*(pulldown_cmark\w*|unicase|serde\w*|itoa|ryu|miniz_oxide|adler2|memchr)\b/],
  ['Rust standard library', /^<*(impl )?<*(core|alloc|std|hashbrown|dlmalloc|compiler_builtins|indexmap|rustc_demangle|__rust\w*|__rustc)\b/],
];
function breakdown() {
  const wasm = path.join(root, 'target/wasm32-unknown-unknown/release/hindsight-app.wasm');
  const run = spawnSync('twiggy', ['top', '-n', '100000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) return null;
  const crates = new Map();
  const areas = new Map();
  const add = (map, key, n) => map.set(key, (map.get(key) || 0) + n);
  for (const line of run.stdout.split('\n').slice(1)) {
    const m = line.match(/^(.*),(\d+),([\d.]+),/);
    if (!m) continue;
    const name = m[1].replace(/^"|"$/g, '');
    if (name.includes('function names') || name.startsWith('custom section') || name.includes('__wbindgen_describe')) continue;
    const bytes = Number(m[2]);
    const data = name.startsWith('data segment');
    const crate = data ? '(data: strings, tables)'
      : (name.replace(/^<+/, '').replace(/^impl /, '').match(/^([A-Za-z_][A-Za-z0-9_]*)(::|\[)/) || [, '(other)'])[1];
    add(crates, crate, bytes);
    const area = data ? '(data: text in both languages, tables)'
      : (AREAS.find(([, re]) => re.test(name)) || ['(other: closures, generics, glue)'])[0];
    add(areas, area, bytes);
  }
  const all = [...crates.values()].reduce((a, b) => a + b, 0);
  const list = (map, n) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, v]) => `${k} ${(100 * v / all).toFixed(0)}% (${(v / 1024).toFixed(0)} KiB)`).join(', ');
  const later = [...areas.entries()].filter(([k]) => k.endsWith('(later)')).reduce((a, [, v]) => a + v, 0);
  return `${list(crates, 12)}.\n\nBy what it is for (${(all / 1024).toFixed(0)} KiB before wasm-opt): ${list(areas, 20)}; `
    + `the parts marked later, which the first keystroke does not need, are ${(100 * later / all).toFixed(0)}%`;
}

/// Transfer, gzip -9: the files the editor needs before it is usable (the page, its script,
/// module and style sheets), and everything the service worker precaches.
/// The app itself is up: its own root, not the first screen drawn before it (shell.js, on a
/// first visit), whose preview heading exists at once.
const APP_READY = 'body > .app:not([data-shell]) #preview-header h1';

function transfer() {
  // The worker (hindsight-worker*) starts after the first paint, for the review and the
  // overview: not part of the first load, but precached with everything else.
  // The app's modules sit in app-<hash>/ (scripts/build_app.py); the views' own modules
  // (split_*, chunk_*) load when first shown, so they are not part of the first load either.
  const appDirs = fs.readdirSync(dist).filter((f) => /^app-/.test(f));
  const files = [...fs.readdirSync(dist), ...appDirs.flatMap((d) => fs.readdirSync(path.join(dist, d)).map((f) => `${d}/${f}`))]
    .filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js' && f !== 'theme.js' && !f.startsWith('hindsight-worker'));
  const later = (f) => /(^|\/)(split_|chunk_)[^/]*\.wasm$/.test(f);
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  const appFirst = ['index.html', 'theme.js', ...files.filter((f) => !later(f))].filter((f) => fs.existsSync(path.join(dist, f)));
  // With the first screen in index.html (shell.js inline, scripts/shell.py), the editor takes
  // typing once the page, its CSS and theme.js are in; the app's first module follows.
  const shelled = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').includes('<template id="shell-');
  const firstLoad = shelled ? appFirst.filter((f) => !/\.(wasm|js)$/.test(f) || f === 'theme.js') : appFirst;
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)).map((f) => path.join(e.name, f)) : [e.name]));
  return {
    files,
    gz,
    firstLoad,
    first: firstLoad.reduce((sum, f) => sum + gz(f), 0),
    app: appFirst.reduce((sum, f) => sum + gz(f), 0),
    everything: walk(dist).reduce((sum, f) => sum + gz(f), 0),
    total: files.reduce((sum, f) => sum + gz(f), 0),
  };
}

/// The measures of issue 20, for the build served at `base`.
async function compared(browser, page) {
  const strokes = {};
  for (const size of [50_000, 500_000]) {
    strokes[size] = await keystrokes(page, bigDocument(size));
  }
  const colds = [];
  const appColds = [];
  const paintedColds = [];
  for (let i = 0; i < 5; i++) {
    const { usable, app, painted } = await readyTime(browser, null, 1, null, true);
    colds.push(usable);
    appColds.push(app);
    paintedColds.push(painted);
  }
  return {
    strokes,
    title: await titleWithHugeField(page, 300_000),
    colds,
    appColds,
    paintedColds,
    one: await medianOf(5, () => readyTime(browser, seedDrafts(1), 2)),
    many: await medianOf(5, () => readyTime(browser, seedDrafts(200), 2)),
    save: await saveFrames(page, 500_000),
    size: transfer(),
  };
}

/// The two builds' measures, one row each.
function comparison(was, now, name) {
  const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
  const pp = (xs) => `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}`;
  const rows = [
    ['first-load transfer, gzip -9', (m) => kib(m.size.first), 'at most 250 KiB'],
    ["the app's first module with its page, gzip -9", (m) => kib(m.size.app), '—'],
    ['everything precached, gzip -9', (m) => kib(m.size.everything), 'no more than 661 KiB'],
    ['cold load, fresh profile (median of 5; max)', (m) => `${ms(median(m.colds))}; max ${ms(Math.max(...m.colds))}`, 'median at most 150 ms'],
    ['cold load until the app has taken over (median of 5; max)', (m) => `${ms(median(m.appColds))}; max ${ms(Math.max(...m.appColds))}`, '—'],
    ['cold load until the app is painted (median of 5; max)', (m) => `${ms(median(m.paintedColds))}; max ${ms(Math.max(...m.paintedColds))}`, '—'],
  ];
  for (const size of [50_000, 500_000]) {
    rows.push([`keystroke to preview, ${size / 1000} KB`, (m) => pp(m.strokes[size].preview), 'p95 at most 8 ms']);
    rows.push([`keystroke to next frame, ${size / 1000} KB`, (m) => pp(m.strokes[size].frames), 'p95 at most 20 ms']);
  }
  rows.push(
    ['start-up with 1 draft; with 200 (median of 5)', (m) => `${ms(m.one)}; ${ms(m.many)} (${m.many >= m.one ? '+' : '−'}${ms(Math.abs(m.many - m.one))})`, 'at most 50 ms more'],
    ['Title keystroke, 300,000 characters elsewhere', (m) => ms(m.title), 'at most 50 ms'],
    ['a 500 KB draft saved: longest frame, frames missed in 2 s', (m) => `${ms(m.save.longest)}, ${m.save.dropped}${m.save.saved ? '' : ' (not saved)'}`, 'none missed'],
  );
  console.log(`\n### Side by side with ${name}\n`);
  console.log(`| what | ${name} | this build | goal |`);
  console.log('|---|---|---|---|');
  for (const [what, f, goal] of rows) console.log(`| ${what} | ${f(was)} | ${f(now)} | ${goal} |`);
}

const serve = (dir, at) => spawn('python3', ['-m', 'http.server', String(at), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
const server = serve(dist, port);
const baseDist = process.env.BENCH_BASE_DIST;
const baseServer = baseDist ? serve(baseDist, port + 1) : null;
// The partial runs (BENCH_ONLY) end with process.exit, past the `finally` below.
process.on('exit', () => {
  server.kill();
  baseServer?.kill();
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  for (let i = 0; i < 50; i++) {
    try { await page.goto(base); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
  }

  const timelineRun = async () => ({
    few: await timelineFrames(browser, 5),
    many: await timelineFrames(browser, 200),
    // Until its last row is in the form and in the preview.
    reload: await medianOf(5, () => readyTime(browser, timelineDraft(200), 2,
      ['.rows.compact > .row:nth-child(200) input[id$="-event"]', '#preview-timeline tbody tr:nth-child(200)'])),
  });
  const timelineLine = (t) => `| timeline of 200 rows: typing in the last row, keystroke to the next frame, 90 keystrokes (5 rows) | p50 ${ms(percentile(t.many, 50))}, p95 ${ms(percentile(t.many, 95))} (p50 ${ms(percentile(t.few, 50))}, p95 ${ms(percentile(t.few, 95))}) | p95 at most 20 ms |\n`
    + `| timeline of 200 rows: reload until its last row is in the form and in the preview (median of 5) | ${ms(t.reload)} | at most 1.2 s |`;
  if (process.env.BENCH_ONLY === 'typing') {
    for (const size of [50_000, 500_000]) {
      const { preview, frames } = await keystrokes(page, bigDocument(size));
      console.log(`| ${size / 1000} KB: keystroke to preview p50 ${ms(percentile(preview, 50))}, p95 ${ms(percentile(preview, 95))}; to next frame p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))} |`);
    }
    console.log(`| Title keystroke with a 300,000-character field elsewhere | ${ms(await titleWithHugeField(page, 300_000))} |`);
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'cold') {
    const usable = [];
    const taken = [];
    for (let i = 0; i < 7; i++) {
      const t = await readyTime(browser, null, 1, null, true);
      usable.push(t.usable);
      taken.push(t.painted);
    }
    const { first, app } = transfer();
    console.log(`| cold load: usable ${ms(median(usable))} (max ${ms(Math.max(...usable))}); app painted ${ms(median(taken))} (max ${ms(Math.max(...taken))}) | first load ${(first / 1024).toFixed(0)} KiB, app ${(app / 1024).toFixed(0)} KiB |`);
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'save') {
    const runs = [];
    for (let i = 0; i < 7; i++) runs.push(await saveFrames(page, 500_000));
    console.log(`| 500 KB save: longest frames ${runs.map((r) => ms(r.longest)).join(', ')}; missed ${runs.map((r) => r.dropped).join(', ')} |`);
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'timeline') {
    console.log(timelineLine(await timelineRun()));
    process.exit(0);
  }
  if (process.env.BENCH_ONLY === 'folder') {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await folderTime(browser, 2000));
    console.log(folderLines(runs));
    process.exit(0);
  }

  // 1, 2, 3 and 7: the measures of issue 20, first for the build this one started from
  // when scripts/bench.sh built it, then for this one.
  let was = null;
  if (baseDist) {
    base = `http://127.0.0.1:${port + 1}/`;
    dist = baseDist;
    for (let i = 0; i < 50; i++) {
      try { await page.goto(base); break; } catch { await new Promise((r) => setTimeout(r, 200)); }
    }
    was = await compared(browser, page);
    base = `http://127.0.0.1:${port}/`;
    dist = thisDist;
  }
  const now = await compared(browser, page);
  if (process.env.BENCH_ONLY === 'compare') {
    if (was) comparison(was, now, process.env.BENCH_BASE_NAME || 'the base build');
    process.exit(0);
  }
  const strokes = {};
  for (const size of [50_000, 500_000]) {
    strokes[size] = { ...now.strokes[size], bytes: JSON.stringify(bigDocument(size)).length };
  }
  const { title, colds, one, many } = now;
  const cold = median(colds);
  const rebuild = await medianOf(3, () => readyTime(browser, seedDrafts(200), 1));

  // 3b. Incidents: start-up with 200 varied drafts and 1,000 open action items, and opening
  // the overview.
  const incidentsStart = await medianOf(5, () => readyTime(browser, seedIncidents(200), 2));
  const overview = await overviewTime(browser, seedIncidents(200), 1000);
  const folderRuns = [];
  for (let i = 0; i < 3; i++) folderRuns.push(await folderTime(browser, 2000));
  const timeline = await timelineRun();

  // 4. The render pipeline against markdown-it + DOMPurify.
  await page.goto(base);
  await page.waitForSelector(APP_READY);
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

  // 5. Size.
  const { files, gz, firstLoad, first, app, everything, total } = now.size;
  const where = breakdown();

  console.log('\n## Benchmark results\n');
  console.log(`Chromium ${browser.version()}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| what | value | goal |');
  console.log('|---|---|---|');
  for (const [, { preview, frames, bytes }] of Object.entries(strokes)) {
    console.log(`| keystroke to preview, Summary of a ${Math.round(bytes / 1024)} KB report, ${preview.length} keystrokes | p50 ${ms(percentile(preview, 50))}, p95 ${ms(percentile(preview, 95))} | p95 at most 8 ms |`);
    console.log(`| keystroke to next frame, the same keystrokes | p50 ${ms(percentile(frames, 50))}, p95 ${ms(percentile(frames, 95))} | p95 at most 20 ms |`);
  }
  console.log(`| a Title keystroke to the preview's heading, with a 300,000-character field elsewhere (median of 15) | ${ms(title)} | at most 50 ms |`);
  console.log(`| cold load to an editable form with its preview, fresh profile (median of 5; max) | ${ms(cold)}; max ${ms(Math.max(...colds))} | at most 150 ms |`);
  console.log(`| the same, until the app has taken over from the first screen (median of 5; max) | ${ms(median(now.appColds))}; max ${ms(Math.max(...now.appColds))} | — |`);
  console.log(`| the same, until the app's first frame is painted (median of 5; max) | ${ms(median(now.paintedColds))}; max ${ms(Math.max(...now.paintedColds))} | — |`);
  console.log(`| start-up with 200 drafts of 8 KB against 1, drafts index in place (median of 5) | ${ms(many)} vs ${ms(one)}: ${diff(many - one)} | at most 50 ms more |`);
  console.log(`| the same, first start after the drafts were written elsewhere (index rebuilt once) | ${ms(rebuild)} | — |`);
  console.log(`| incidents: start-up with 200 drafts and 1,000 open action items against 1 draft (median of 5) | ${ms(incidentsStart)} vs ${ms(one)}: ${diff(incidentsStart - one)} | at most 50 ms more |`);
  console.log(`| incidents: opening the overview, click to its region with the 1,000 items listed (median of 5; first open) | ${ms(overview.median)}; first ${ms(overview.first)} | at most 100 ms |`);
  console.log(folderLines(folderRuns));
  console.log(timelineLine(timeline));
  sizes.forEach((s, i) => {
    const r = render[i];
    console.log(`| render ${s / 1000} KB: Hindsight (wasm) vs markdown-it + DOMPurify | ${ms(r.wasm)} vs ${ms(r.js)}, ${(r.js / r.wasm).toFixed(1)}× faster | at least 10× |`);
  });
  console.log(`| first-load transfer, gzip -9 (${firstLoad.join(', ').replace(/-[0-9a-f]{16}/g, '')}); the app's first module with its page; everything precached | ${(first / 1024).toFixed(0)} KiB; app ${(app / 1024).toFixed(0)} KiB; all ${(everything / 1024).toFixed(0)} KiB | at most 250 KiB |`);
  console.log(`| app size, gzip (${files.map((f) => `${f.replace(/-[0-9a-f]{16}/, '')} ${(gz(f) / 1024).toFixed(0)} KiB`).join(', ')}) | ${(total / 1024).toFixed(0)} KiB | at most 250 KiB |`);
  if (where) console.log(`\nWhere the wasm's code and data go (before wasm-opt): ${where}.`);
  if (was) comparison(was, now, process.env.BENCH_BASE_NAME || 'the base build');
} finally {
  await browser.close();
  server.kill();
  baseServer?.kill();
}
