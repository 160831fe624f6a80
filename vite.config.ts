import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' keeps dist/ working under any sub-path and inside iframes (SETUP-NOTES.md).
export default defineConfig({
  base: './',
  plugins: [react()],
  resolve: {
    // monaco-editor 0.56+ exports `monaco-editor/<path>` for `esm/vs/<path>.js`; libraries such as
    // monaco-yaml's worker manager still import the old `monaco-editor/esm/vs/...` path (SETUP-NOTES.md).
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.+?)(\.js)?$/, replacement: 'monaco-editor/$1' }],
  },
  // Pre-bundled up front, or the dev server reloads the page once when the editor first loads.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  // The YAML worker is an ES module (it imports Monaco's worker runtime).
  worker: { format: 'es' },
  // The manifest lists each chunk's static imports: scripts/initial-js.mjs measures the
  // initial JavaScript (DESIGN.md's page budget) from it.
  build: { outDir: 'dist', emptyOutDir: true, manifest: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
