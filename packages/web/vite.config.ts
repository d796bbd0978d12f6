// Dev server proxies /api to a running `mica-audit serve`; the build is served by the server itself.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = globalThis.process?.env.MICA_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': api } },
});
