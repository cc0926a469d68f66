// The first screen before the app's wasm has arrived (issue 20), inlined at the end of
// index.html's body by scripts/shell.py. On a first visit, shows the form as the app draws it
// (assets/shell/, captured from the app by scripts/shell.mjs and put into index.html as
// templates by scripts/shell.py): its text fields take typing at once,
// the preview's heading follows the Title, and everything else waits, disabled, for the app.
// When the app starts, src/ui/shell.rs takes what was typed, the focus and the caret, and
// removes this. A returning visitor's drafts would differ from it, so they wait for the app.
(() => {
  // The app's first module starts compiling now, while the page is still parsed and before
  // the first screen is painted, instead of when the app's loader runs after both
  // (scripts/build_app.py's loader takes it; it falls back to its own fetch on any failure,
  // such as a host that serves .wasm under another type).
  const preload = document.querySelector('link[rel=preload][type="application/wasm"]');
  if (preload && window.WebAssembly?.compileStreaming) {
    window.hindsightWasm = WebAssembly.compileStreaming(fetch(preload.href, { credentials: 'same-origin' }));
    window.hindsightWasm.catch(() => {});
  }
  let first = location.search === '' && location.hash === '';
  let lang = null;
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key === 'hindsight:meta:ui-language') lang = localStorage.getItem(key);
      else if (key.startsWith('hindsight:') && key !== 'hindsight:meta:theme') first = false;
    }
  } catch (_) {
    // Storage disabled: the app starts on a new draft, which is what the shell shows.
  }
  if (!first) return;
  // The app's own rule (Language::from_browser in the core): Traditional Chinese for zh-TW,
  // zh-Hant and zh-HK, else English, by the first tag that is either.
  if (lang !== 'en' && lang !== 'zh-TW') {
    lang = 'en';
    for (const tag of navigator.languages?.length ? navigator.languages : [navigator.language || '']) {
      const t = tag.toLowerCase();
      if (t.startsWith('zh-tw') || t.startsWith('zh-hant') || t.startsWith('zh-hk')) { lang = 'zh-TW'; break; }
      if (t.startsWith('en') || t.startsWith('zh')) break;
    }
  }
  const template = document.getElementById(`shell-${lang}`);
  if (!template) return;
  const shell = template.content.firstElementChild.cloneNode(true);
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-Hant-TW';
  document.body.append(shell);
  const heading = shell.querySelector('#preview-header h1');
  const untitled = heading?.textContent ?? '';
  // The app may never start (a browser without WebAssembly, a module the host lost, a
  // failure while it starts): then nothing typed here would be saved, and the page says so
  // in its alert region, as the app would, with the text left in place to copy.
  const FAILED = {
    en: 'Hindsight could not start in this browser, so what you type here is not saved. Copy it somewhere safe, then reload the page.',
    'zh-TW': 'Hindsight 無法在這個瀏覽器中啟動，這裡輸入的內容不會儲存。請先把內容複製到安全的地方，再重新載入頁面。',
  };
  const ours = (url) => !url || url.startsWith(location.origin);
  const onFailure = (event) => {
    // Only the page's own scripts failing: a script of ours that did not load, or an error
    // thrown by one (the app's loader reports a failed start so), never an extension's
    // script or another resource.
    const failed = event instanceof ErrorEvent
      ? ours(event.filename)
      : event.target?.tagName === 'SCRIPT' && ours(event.target.src);
    if (!failed) return;
    const region = shell.querySelector('.alert[role=alert]');
    if (!shell.isConnected || !region || region.childElementCount) return;
    const box = document.createElement('div');
    box.className = 'alert-box';
    const text = document.createElement('span');
    text.className = 'alert-text';
    text.textContent = FAILED[lang];
    box.append(text);
    region.append(box);
  };
  addEventListener('error', onFailure, true);
  // A file dropped on the page goes where the import button would put it, for the app to
  // import when it takes over; the browser must not open it in place of the page.
  // Text dragged into a field is the field's own.
  const files = (event) => event.dataTransfer?.types.includes('Files');
  const onDragover = (event) => {
    if (files(event)) event.preventDefault();
  };
  const onDrop = (event) => {
    if (!files(event)) return;
    event.preventDefault();
    const input = shell.querySelector('#import-file');
    if (input && event.dataTransfer?.files.length) input.files = event.dataTransfer.files;
  };
  addEventListener('dragover', onDragover);
  addEventListener('drop', onDrop);
  new MutationObserver((_, observer) => {
    if (shell.isConnected) return;
    removeEventListener('dragover', onDragover);
    removeEventListener('drop', onDrop);
    removeEventListener('error', onFailure, true);
    observer.disconnect();
  }).observe(document.body, { childList: true });
  shell.querySelector('#header-title')?.addEventListener('input', (event) => {
    const title = event.target.value.trim() || untitled;
    if (heading) heading.textContent = title;
    document.title = `\u2068${title}\u2069 · Hindsight`;
  });
})();
