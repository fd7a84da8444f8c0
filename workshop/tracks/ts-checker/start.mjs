import { register } from 'tsx/esm/api'
// The warm checker's entry, started by the runner (client.ts) for `check` and watch mode, and again after
// every endless loop. Vitest's and TypeScript's own modules are loaded here first, before tsx's loader is
// registered: through its hooks (a round trip to the hooks' thread per module, on Node 20) they took
// ~3.5 CPU-s to load instead of ~1.2. Then tsx is registered for the checker's own TypeScript, which
// imports them again from Node's module cache.
import 'typescript'
import 'vitest/node'

register()
import('./server.ts').catch((error) => {
  console.error(error.stack ?? error)
  process.exit(1)
})
