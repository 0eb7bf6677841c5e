// The console's build: Preact with TSX, one page per entry (the console at `/`, GraphiQL at
// `GET /graphql`), hashed file names under /assets/ (served with long caching by the binary),
// output in web/dist, which the binary embeds (src/web.rs) and CI checks against a fresh build.
import { defineConfig } from "vite";

// `npm run dev` proxies the API to a running chargegate (CHARGEGATE_URL, default :3000).
const server = process.env.CHARGEGATE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
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
      input: { console: "index.html", graphiql: "graphiql.html" },
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
