// Serves the built deck (dist/) on 127.0.0.1 for the end-to-end tests and the benchmark, with the
// history fallback Slidev's router needs for deep links such as /7?clicks=3.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { preview } from 'vite'
import { DIST_DIR } from './paths'

export async function serveDist(dir = DIST_DIR, port = 0) {
  if (!existsSync(join(dir, 'index.html')))
    throw new Error(`No built deck in ${dir}: run \`npm run build\` first.`)
  const server = await preview({
    configFile: false,
    // Root one level up: Vite warns when the folder it serves is its own root.
    root: dirname(dir),
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
  })
  const address = server.httpServer.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return { url: `http://127.0.0.1:${actualPort}`, close: () => server.close() }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 4173)
  serveDist(DIST_DIR, port).then(({ url }) => console.log(`serving dist/ at ${url}`)).catch((error: Error) => {
    console.error(`✖ ${error.message}`)
    process.exit(1)
  })
}
