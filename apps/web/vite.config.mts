import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Writes a .br and a .gz copy beside every hashed script, style sheet and SVG, compressed once at the
 * highest levels (too slow per request); the server sends the one the browser accepts (web-client.ts).
 */
function precompress(): Plugin {
  return {
    name: 'harbour-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = join(options.dir ?? '', 'assets');
      for (const name of readdirSync(dir)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const bytes = readFileSync(join(dir, name));
        writeFileSync(join(dir, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [precompress()],
  // The components are written against React's API and types; the page runs them on Preact (its compat layer):
  // the same hooks, Suspense, lazy and portals in ~15 KB instead of React DOM's ~200 KB, which was 60% of a guest's
  // first script and most of its compile and render time on a weak phone (npm run bench:web).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  resolve: {
    alias: {
      '@harbour/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      react: 'preact/compat',
      'react-dom': 'preact/compat',
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: modules: the CSP allows only same-origin files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // Which chunks each screen needs: the server's guest pages preload their screen's (apps/api/src/pages/shell.ts).
    manifest: true,
    rolldownOptions: {
      // React Query marks some modules "use client" (for React server components, which this client has none of).
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // Everything the entry needs in one file (a dozen small ones cost a dozen requests' headers and compress worse).
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/socket.io': { target: 'http://localhost:3000', ws: true } } },
});
