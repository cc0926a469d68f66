// The picture of the site's index in the README (docs/site-index.png): the command line
// builds the site of the fixture repository, and headless Chromium opens its index from disk,
// as anyone opening the folder would.
// Usage: node scripts/site-screenshot.mjs [OUT.png] [LANG]   (LANG: en, default, or zh-TW)
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [out = 'docs/site-index.png', lang = 'en'] = process.argv.slice(2);
const bin = path.resolve('target/debug/hindsight');
if (!fs.existsSync(bin)) execFileSync('cargo', ['build', '-p', 'hindsight-cli'], { stdio: 'inherit' });
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'hindsight-site-shot-'));
execFileSync(bin, ['site', 'cli/tests/fixtures/repo/postmortems', '--out', site, '--today', '2026-12-07',
  '--lang', lang], { env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'inherit'] });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 820 } });
await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
await page.screenshot({ path: out });
await browser.close();
fs.rmSync(site, { recursive: true, force: true });
console.log(out);
