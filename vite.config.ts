import { defineConfig } from 'vite'

// Slidev merges this file into its own Vite config.
export default defineConfig({
  optimizeDeps: {
    // Imported only by a slide component (GraphView): without this, Vite discovers it on the first
    // demo slide and reloads the page mid-talk.
    include: ['@dagrejs/dagre'],
  },
})
