import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web UI: built into web/dist, served by the incasso server; in dev the API is proxied. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.INCASSO_API ?? 'http://localhost:3000', changeOrigin: false },
      '/openapi.json': { target: process.env.INCASSO_API ?? 'http://localhost:3000' },
    },
  },
});
