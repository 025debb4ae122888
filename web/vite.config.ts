import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: built to web/dist (served by `mullet serve`); `npm run dev:web` proxies /api to a running server. */
export default defineConfig({
  root: webRoot,
  base: './',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 400 },
  server: {
    proxy: { '/api': process.env.MULLET_API_URL ?? 'http://127.0.0.1:8080' },
  },
});
