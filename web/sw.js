// The service worker of the CP self-assessment: after the first visit the app opens
// without a network, on any of its pages, with the answers kept in local storage.
//
// This is a template: scripts/service-worker.mjs (a Trunk post-build step) writes it to
// sw.js next to index.html with __BUILD__ replaced by
//   - in release builds, { version, files }: the files of the build (index.html as "./")
//     and a hash of their contents, so every change to the app gives a new cache;
//   - in debug builds (trunk serve), null: the worker then deletes its caches and
//     unregisters itself, so a worker left over from a release build on the same address
//     never serves old files during development. Debug builds never register it.
//
// How it serves, within its scope (the app's base path, e.g. /cp/):
//   - navigations (opening or reloading any page, e.g. /cp/part/3): network first, so a
//     new version shows on the next load; without a network, the cached start page, and
//     the app's router then shows the page that was asked for;
//   - everything else (Trunk's content-hashed JS, wasm and CSS): cache first — a hashed
//     file name never changes its content; what is not cached comes from the network.
// A new version installs at once (skipWaiting), takes over open pages (clients.claim)
// and deletes the older caches of its own scope, never those of other apps on the host.
const BUILD = __BUILD__;

const SCOPE = self.registration.scope;
const PREFIX = `cp-self-assessment ${SCOPE} `;
const CACHE = BUILD ? PREFIX + BUILD.version : null;
const START_PAGE = new URL('./', SCOPE).href;

// A response as it can be cached and later answer a navigation: one that came through a
// redirect would be refused there, so it is copied without that mark.
async function storable(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    BUILD.files.map(async (file) => {
      const url = new URL(file, SCOPE).href;
      // 'no-cache': the HTTP cache may answer only after the server confirms its copy
      // (a 304), so a stale file never enters this version's cache, and the wasm the
      // page has just loaded is not downloaded a second time.
      const response = await fetch(url, { cache: 'no-cache' });
      // An incomplete cache would break the app offline; failing the install keeps the
      // previous worker (and its complete cache) instead, and the browser tries again.
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(url, await storable(response));
    }),
  );
}

async function deleteCachesExcept(keep) {
  for (const key of await caches.keys()) {
    if (key.startsWith(PREFIX) && key !== keep) await caches.delete(key);
  }
}

async function cached(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url);
}

self.addEventListener('install', (event) => {
  event.waitUntil((BUILD ? precache() : Promise.resolve()).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    deleteCachesExcept(CACHE).then(() =>
      BUILD ? self.clients.claim() : self.registration.unregister(),
    ),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!BUILD || request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(async () => (await cached(START_PAGE)) ?? Response.error()),
    );
  } else {
    event.respondWith(cached(request.url).then((hit) => hit ?? fetch(request)));
  }
});
