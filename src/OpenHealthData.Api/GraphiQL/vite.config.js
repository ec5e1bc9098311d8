// Vite build of the offline GraphiQL IDE. Output: ../wwwroot/graphiql (served by the API under /graphiql/).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../wwwroot/graphiql', import.meta.url));

export default defineConfig({
  // Every emitted URL (scripts, CSS, workers, fonts) is absolute under /graphiql/.
  base: '/graphiql/',
  // JSX without @vitejs/plugin-react: esbuild's automatic runtime is enough for a production build.
  esbuild: { jsx: 'automatic' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: 'esbuild',
    cssMinify: 'esbuild',
    // No inline modulepreload polyfill; every script is a file (CSP script-src 'self').
    modulePreload: { polyfill: false },
    // Keep fonts and other assets as files rather than data: URIs, so font-src 'self' suffices.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client"; meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: {
    // Module workers, emitted as separate files under /graphiql/assets/.
    format: 'es',
  },
});
