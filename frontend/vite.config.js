// Builds the map page into the Python package, where `lagebild serve` finds it.
import { defineConfig } from "vite";

export default defineConfig({
  base: "./",
  build: {
    outDir: "../src/lagebild/web/static",
    emptyOutDir: true,
    assetsInlineLimit: 0, // every asset a file of its own: no data: URLs, a plain CSP holds
    chunkSizeWarningLimit: 1500,
    modulePreload: { polyfill: false }, // the polyfill is an inline script
  },
  server: { proxy: { "/api": "http://127.0.0.1:8765" } },
});
