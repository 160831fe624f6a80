import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './' keeps dist/ working under any sub-path and inside iframes (SETUP-NOTES.md).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
