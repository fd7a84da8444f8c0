// Reading a PDF back with poppler (poppler-utils): its page count, paper and links, and its text, all of
// it or one page, in layout order (columns side by side: a demo's labels stay in rows) or reading order
// (a block kept together: a title that wraps beside code still reads whole).
import { execFileSync, spawnSync } from 'node:child_process'
import { plainText } from './deck'

const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 << 20 })

/** Throws, naming the package, if a poppler tool the test needs is missing. */
export function needPoppler(tools: string[]): void {
  const missing = tools.filter(tool => spawnSync('which', [tool]).status !== 0)
  if (missing.length)
    throw new Error(`${missing.join(', ')} not found: install poppler-utils (apt-get install -y poppler-utils)`)
}

export function pdfText(file: string, { page, order = 'reading' }: { page?: number, order?: 'layout' | 'reading' } = {}): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : []
  const mode = order === 'layout' ? ['-layout'] : []
  return plainText(run('pdftotext', [...range, ...mode, file, '-']))
}

/** `pdfinfo`'s report: Pages, Page size and the rest, one per line. */
export const pdfInfo = (file: string): string => run('pdfinfo', [file])

export const pdfPages = (file: string): number => Number(/^Pages:\s+(\d+)/m.exec(pdfInfo(file))?.[1])

/** The links on every page (`pdfinfo -url`). */
export function pdfLinks(file: string): { page: number, url: string }[] {
  return run('pdfinfo', ['-url', file]).split('\n').slice(1).filter(Boolean).map(row => row.trim().split(/\s+/)).map(([page, , url]) => ({ page: Number(page), url }))
}

/** How many images each page draws (`pdfimages -list`). */
export function imagesPerPage(file: string): Map<number, number> {
  const counts = new Map<number, number>()
  for (const row of run('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean)) {
    const page = Number(row.trim().split(/\s+/)[0])
    counts.set(page, (counts.get(page) ?? 0) + 1)
  }
  return counts
}
