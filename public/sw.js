// Tragt's service worker: after one visit the app opens and calculates offline.
//
// It keeps one cache per build, holding exactly the build's files. The build fills in
// VERSION (a hash of every file) and FILES (every file but this one), see
// build/service-worker.mjs. URLs are relative to this script, so any sub-path works.
//
//   install   fetch FILES into the cache "tragt <scope path> <VERSION>"
//   activate  delete our caches of other versions, take over open pages
//   fetch     the app's page: network first, the cached index.html when offline;
//             our other files: cache first; anything else (other origins too): untouched
//   message   {type: 'skip-waiting'} from sw-register.js: a waiting update takes over

const VERSION = 'TRAGT_VERSION';
const FILES = ['TRAGT_FILES'];

const BASE = new URL('./', self.location);
const CACHE_PREFIX = `tragt ${BASE.pathname} `;
const CACHE = CACHE_PREFIX + VERSION;
const INDEX = new URL('index.html', BASE);
const PAGES = [BASE.pathname, INDEX.pathname];
const OURS = new Set(FILES.map((file) => new URL(file, BASE).href));
// the app asks for its language files with a hash of their bytes (locales/da.json?v=…):
// the same file of this build, whatever the query
const withoutQuery = (url) => url.origin + url.pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== BASE.origin) return;
  if (request.mode === 'navigate') {
    if (PAGES.includes(url.pathname)) event.respondWith(pageNetworkFirst(request));
  } else if (OURS.has(withoutQuery(url))) {
    event.respondWith(fileCacheFirst(request));
  }
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(FILES.map(async (file) => {
    // 'no-cache': asked of the server every time, but a file the page has just loaded
    // is only revalidated (304) where the host sends ETag or Last-Modified
    const response = await fetch(new URL(file, BASE), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    // Hosts that redirect index.html to ./ give a redirected response, which the
    // browser refuses as the answer to a navigation: keep a plain copy.
    await cache.put(new URL(file, BASE), response.redirected ? new Response(response.body, response) : response);
  }));
}

/** The page from the network (the newest deploy), else the cached index.html. */
async function pageNetworkFirst(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.match(INDEX.href, { cacheName: CACHE });
    if (cached) return cached;
    throw offline;
  }
}

/** A file of this build from the cache, else from the network. */
async function fileCacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached || fetch(request);
}
