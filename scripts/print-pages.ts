// Slidev turns on its print pages (`/print`, `/presenter/print`) only for its own export runs and for
// builds with a download button. A deck built with this plugin has them too, so its slides and speaker
// notes print from the build (scripts/print-deck.ts): no second build, no dev server. Used by our
// vite.config.ts and by the benchmark's plain deck, so both decks print the same way.
import type { Plugin } from 'vite'

export function printPagesInBuild(): Plugin {
  return {
    name: 'kit:print-pages-in-build',
    // After Slidev's own config hook, which sets the flag off.
    enforce: 'post',
    config: () => ({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } }),
  }
}
