// The worker's entry (src/worker.rs), in place of Trunk's loader shim: it loads the worker's
// wasm and, when that fails, says so loudly. A rejected promise would fail silently and leave
// the page waiting; an uncaught error reaches the page's `onerror`, which then runs the same
// code on the page at once.
importScripts('./hindsight-worker.js');
wasm_bindgen('./hindsight-worker_bg.wasm').catch((e) => {
  setTimeout(() => {
    throw e;
  });
});
