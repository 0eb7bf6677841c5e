const VERSION = "d0930546cbba79bb";
const PRECACHE = [
 "/app/",
 "/assets/account-CBFfB5al.js",
 "/assets/app-C5lxgyI9.js",
 "/assets/app-Cop3JSms.css",
 "/assets/csv-BcCX77dE.js",
 "/assets/dist-B5d9IcWF.js",
 "/assets/history-VBxy9KX-.js",
 "/assets/jsxRuntime-DPkzGEFM.js",
 "/assets/preload-helper-C_TS3VOc.js",
 "/assets/rolldown-runtime-DoHqwKmD.js",
 "/app/manifest.webmanifest",
 "/app/icon.svg",
 "/app/icon-192.png",
 "/app/icon-512.png"
];
// The drivers' app's service worker, served at /app/sw.js (scope /app/). The build
// (vite.config.ts) puts `VERSION` and `PRECACHE` (app.html as /app/, its hashed scripts and
// styles, the manifest and icons) before this text. It keeps the app's shell and nothing else:
// - install: every file of the shell into the cache `chargegate-app-VERSION`;
// - activate: older versions' caches deleted; open pages taken over;
// - a page of the app (a navigation under /app/): the network first, the kept shell when the
//   network fails (the app then says that the server cannot be reached);
// - /assets/* and the app's own files: the kept copy, else the network;
// - anything else, and every API request (/graphql, its WebSocket, /health), is not touched:
//   API answers are never kept.
/* global VERSION, PRECACHE */
const CACHE = `chargegate-app-${VERSION}`;
const SHELL = "/app/";

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("chargegate-app-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    if (url.pathname !== "/app" && !url.pathname.startsWith("/app/")) return;
    event.respondWith(
      fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(SHELL)).then((r) => r || Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/") || (url.pathname.startsWith("/app/") && PRECACHE.includes(url.pathname))) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(request, { ignoreSearch: true }))
        .then((kept) => kept || fetch(request)),
    );
  }
});

// A notification the app showed through this worker: a tap opens (or focuses) the app.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: "window" }).then((list) => {
      const open = list.find((c) => new URL(c.url).pathname.startsWith("/app"));
      return open ? open.focus() : self.clients.openWindow(SHELL);
    }),
  );
});
