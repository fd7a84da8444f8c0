import { defineConfig } from 'vite'

// Slidev merges this file into its own Vite config.
export default defineConfig({
  optimizeDeps: {
    // Imported only by slide components (GraphView; the engine's ONNX exporter): without this, Vite
    // discovers them on the first slide that needs them and reloads the page, mid-talk or mid-export.
    include: ['@dagrejs/dagre', 'onnx-proto'],
  },
  server: {
    watch: {
      // Build and test output written inside the project (the benchmark's decks, exports, reports) must
      // not reload the deck mid-export: a reload leaves "Loading slide..." pages in the PDF.
      ignored: ['**/bench/.tmp/**', '**/exports/**', '**/test-results/**', '**/playwright-report/**', '**/dist/**'],
    },
  },
})
