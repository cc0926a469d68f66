// Hindsight's service worker: the app works offline after the first visit.
//
// It lives next to index.html, so its scope is the folder the app is served from, whatever
// the sub-path. scripts/precache.py writes the build's version and the hashed names of its
// files into the two constants below after every build; a new deploy therefore changes this
// file, the browser installs the new worker beside the old one, and the new one waits until
// the page asks it to take over ("A new version is ready — Reload").
//
// Quiet by design: it never fetches from another origin, and it only fetches the files of
// the build (at install) and the page itself (navigations). Everything else goes to the
// network untouched, as if there were no worker.

const VERSION = 'development';
const PRECACHE = [];

// Caches are shared by every app on an origin: name them by scope, so two copies of Hindsight
// under two sub-paths never delete each other's files.
const PREFIX = `hindsight:${self.registration.scope}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL('index.html', self.location).href;
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, self.location).href));
// A navigation waits this long for the network before the cached page is served.
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    try {
      await Promise.all([...PRECACHED].map(async (url) => {
        // `no-cache` revalidates with the server (cheap when unchanged) rather than
        // trusting the HTTP cache, so the precache holds exactly this build's files.
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
        // A host that redirects index.html to its folder gives a redirected response,
        // which a navigation may not use: keep its body and headers only.
        await cache.put(url, response.redirected ? await unredirected(response) : response);
      }));
    } catch (error) {
      // A deploy in the middle of the install: this worker is dropped, the next visit
      // tries again, and no half-filled cache stays behind.
      await caches.delete(CACHE);
      throw error;
    }
  })());
});

async function unredirected(response) {
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    // The first visit's page comes under this worker at once, so it works offline from now.
    await self.clients.claim();
  })());
});

// The page's Reload button: the waiting worker takes over, then the page reloads itself.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  url.search = '';
  url.hash = '';
  if (PRECACHED.has(url.href)) event.respondWith(cacheFirst(request, url.href));
});

// The build's files have hashed names, so a cached copy is never stale.
async function cacheFirst(request, key) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(key));
  return cached || fetch(request);
}

// The page: the network's when it answers, else this version's cached copy (deep links such
// as ?draft=… are all the same page).
async function navigate(request) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, NETWORK_TIMEOUT_MS, null);
  });
  const network = fetch(request).catch(() => null);
  const response = await Promise.race([network, timeout]);
  clearTimeout(timer);
  if (response && response.status < 500) return response;
  const cached = await caches.open(CACHE).then((cache) => cache.match(INDEX));
  return cached || response || Response.error();
}
