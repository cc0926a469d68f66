// The first screen as the app draws it on a first visit, made into the page's shell
// (issue 20): `scripts/shell.mjs` writes it to assets/shell/, and shell.spec.js checks that
// the committed copy is still what the app draws. One function for both, so they agree.

/** Runs in the page once the app is up: the app's root as HTML, its comments gone, marked as
 *  the shell, with the form's text fields left live and every other control disabled
 *  until the app takes over (src/ui/shell.rs). */
export function captureShell() {
  const app = document.querySelector('body > .app').cloneNode(true);
  const walker = document.createTreeWalker(app, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  app.setAttribute('data-shell', '');
  for (const el of app.querySelectorAll('button, input, select, textarea')) {
    const text = el.matches('textarea, input[type=text], input[type=date], input:not([type])');
    if (text && el.closest('main.form')) el.setAttribute('data-live', '');
    else el.setAttribute('disabled', '');
  }
  return app.outerHTML;
}

/** An init script for the capture: the browser's time zone is not known yet, as when the
 *  app first draws itself (it asks after its first paint), so the first screen carries no
 *  zone of the machine that captured it, and a capture in Taipei equals one in UTC. */
export function zoneNotYetKnown() {
  const resolved = Intl.DateTimeFormat.prototype.resolvedOptions;
  Intl.DateTimeFormat.prototype.resolvedOptions = function resolvedOptions() {
    return { ...resolved.call(this), timeZone: '' };
  };
}

/** The shell files by UI language, and the browser locale that opens each. */
export const SHELL_LANGUAGES = [
  { lang: 'en', locale: 'en-US', file: 'assets/shell/en.html' },
  { lang: 'zh-TW', locale: 'zh-TW', file: 'assets/shell/zh-TW.html' },
];
