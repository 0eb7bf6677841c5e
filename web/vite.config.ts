// The console's build: Preact with TSX, one page per entry (the console at `/`, GraphiQL at
// `GET /graphql`, the drivers' app at `/app`), hashed file names under /assets/ (served with
// long caching by the binary), output in web/dist, which the binary embeds (src/web.rs) and CI
// checks against a fresh build.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";

/**
 * The drivers' app's service worker, `dist/app/sw.js`: src/app/sw.js with the list of files it
 * keeps (app.html as `/app/`, every script and stylesheet app.html can load, statically or
 * lazily, and the manifest and icons from public/app/) and a version from that list and its
 * text. Same sources, same file: the build stays reproducible.
 */
function appServiceWorker(): Plugin {
  return {
    name: "chargegate-app-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (f) => f.type === "chunk" && f.isEntry && f.facadeModuleId?.endsWith("/app.html"),
      );
      if (!entry) throw new Error("the app's entry (app.html) is not in the bundle");
      const files = new Set<string>();
      const visit = (name: string) => {
        const file = bundle[name];
        if (!file || files.has(name)) return;
        files.add(name);
        if (file.type !== "chunk") return;
        file.imports.forEach(visit);
        file.dynamicImports.forEach(visit);
        file.viteMetadata?.importedCss.forEach(visit);
        file.viteMetadata?.importedAssets.forEach(visit);
      };
      visit(entry.fileName);
      const precache = [
        "/app/",
        ...[...files].sort().map((f) => `/${f}`),
        "/app/manifest.webmanifest",
        "/app/icon.svg",
        "/app/icon-192.png",
        "/app/icon-512.png",
      ];
      const source = readFileSync(new URL("src/app/sw.js", import.meta.url), "utf8");
      // The version changes with any kept file: the hashed ones by their names, the page and
      // the manifest and icons (public/app/, not hashed) by their bytes.
      const hash = createHash("sha256").update(JSON.stringify(precache)).update(source);
      hash.update(readFileSync(new URL("app.html", import.meta.url)));
      for (const name of readdirSync(new URL("public/app/", import.meta.url)).sort())
        hash.update(name).update(readFileSync(new URL(`public/app/${name}`, import.meta.url)));
      const version = hash.digest("hex").slice(0, 16);
      this.emitFile({
        type: "asset",
        fileName: "app/sw.js",
        source: `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache, null, 1)};\n${source}`,
      });
    },
  };
}

// `npm run dev` proxies the API to a running chargegate (CHARGEGATE_URL, default :3000).
const server = process.env.CHARGEGATE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [appServiceWorker()],
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      input: { console: "index.html", graphiql: "graphiql.html", app: "app.html" },
      // GraphiQL's dependencies mark their modules "use client" (for React Server Components),
      // which means nothing in a browser bundle: that warning, once per module, is dropped.
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: {
      "/graphql": { target: server, ws: true },
      "/health": server,
    },
  },
});
