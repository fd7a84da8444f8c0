import { defineConfig } from 'vite'
import { printPagesInBuild } from './scripts/print-pages'

// Slidev merges this file into its own Vite config.
export default defineConfig({
  plugins: [printPagesInBuild()],
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
      // not reload the deck mid-export: a reload leaves "Loading slide..." pages in the PDF. The Python
      // track's venv (~68,000 files) is no source of the deck: watching it kept the dev server's event loop
      // in stat() calls for ~20 s after its start, so the first slide waited and Vite's client reloaded it.
      ignored: ['**/.venv/**', '**/bench/.tmp/**', '**/exports/**', '**/test-results/**', '**/playwright-report/**', '**/dist/**'],
    },
  },
})
