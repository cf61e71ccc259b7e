/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

// The API listens here in development (`nx serve api`); the dev server forwards the paths it owns.
const apiTarget = 'http://127.0.0.1:3000';
const apiOwned = ['/v1', '/api', '/healthz', '/readyz', '/metrics'];

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: { '@apilink/contracts': fromRoot('libs/shared/contracts/src/index.ts') },
  },
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: Object.fromEntries(apiOwned.map((prefix) => [prefix, { target: apiTarget, changeOrigin: false }])),
  },
  preview: { port: 4300, host: '127.0.0.1' },
  build: {
    outDir: fromRoot('dist/apps/dashboard'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
