// One axe-core scan for every spec: the serious and critical violations of the page, each as
// "rule: help (first targets)", so a failing test says what and where. axe is injected as a
// script, which the app's own policy rightly refuses: specs that scan use `bypassCSP`.
import path from 'node:path';

export async function scan(page) {
  await page.addScriptTag({ path: path.resolve('node_modules/axe-core/axe.min.js') });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
