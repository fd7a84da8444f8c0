import { defineConfig } from 'vite'

// Slidev merges this file into its own Vite config.
export default defineConfig({
  plugins: [{
    // Slidev turns on its print pages (`/print`, `/presenter/print`) only for its own export runs and
    // for builds with a download button. Our built deck has them too, so the speaker notes print from
    // dist/ like the slides and the handout (scripts/print-deck.ts): no second build, no dev server.
    // After Slidev's own config hook, which sets the flag off.
    name: 'kit:print-pages-in-build',
    enforce: 'post',
    config: () => ({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } }),
  }],
  optimizeDeps: {
    // Imported only by a slide component (GraphView): without this, Vite discovers it on the first
    // slide that needs it and reloads the page, mid-talk or mid-export. (The engine's ONNX exporter has
    // its own entry, engine/onnx/index.ts, which the deck never imports.)
    include: ['@dagrejs/dagre'],
  },
  worker: {
    // The workshop page's workers (its check runner, Monaco's) are ES modules: they import chunks.
    format: 'es',
  },
  server: {
    watch: {
      // Build and test output written inside the project (the benchmark's decks, exports, reports) must
      // not reload the deck mid-export: a reload leaves "Loading slide..." pages in the PDF.
      ignored: ['**/bench/.tmp/**', '**/exports/**', '**/test-results/**', '**/playwright-report/**', '**/dist/**'],
    },
  },
})
