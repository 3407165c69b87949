import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

export default defineConfig(({ mode }) => ({
  // The router plugin must run before React's so generated routes are transformed too; its
  // settings live in tsr.config.json, shared with `npm run routes`.
  plugins: [
    tanstackRouter(),
    react(),
    // Brotli and gzip copies beside each text asset; the server sends the best one accepted.
    // config.json is left alone: operators edit it after the build.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip')],
      include: /\.(html|js|css|svg|json)$/,
      exclude: /config\.json$/,
      threshold: 1024,
    }),
  ],
  build: {
    outDir: mode === 'demo' ? 'dist-demo' : 'dist',
    sourcemap: true,
    // The demo's in-browser backend (MSW + seed generator) is one lazy chunk of ~510 kB;
    // the production entry is held to its own budget by tests/bundle-budget.mjs.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically is one chunk: left to itself the bundler cut
        // the first load into twenty-odd small shared chunks, each compressed on its own, which
        // cost about 8 KiB gzip more than the same code in one file. Lazy chunks are unchanged.
        codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    globals: true,
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'mocks/**/*.test.ts',
      'tests/integration/**/*.test.{ts,tsx}',
      'tests/conformance/**/*.test.ts',
      'tests/server/**/*.test.ts',
      'tests/boundaries/*.test.ts',
    ],
    restoreMocks: true,
  },
}));
