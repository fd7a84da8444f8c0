// The deck's version numbers and release dates come from one file, data/versions.json. Slides and
// notes write {v:id} for an entry's version and {d:id} for its date; this pure module fills them in.
// Used by the Slidev preparser (setup/preparser.ts), the timeline chart, and the tests.
import { formatDate } from '../charts/scales'
import data from '../data/versions.json' with { type: 'json' }

export interface VersionEntry {
  id: string
  kind: 'kit' | 'latest' | 'release'
  package?: string
  version: string
  date?: string
  source: string
  checked: string
}

export const versions: Record<string, VersionEntry> = Object.fromEntries((data.entries as VersionEntry[]).map(e => [e.id, e]))

/** `{v:torch.latest}` → the version, `{d:torch.latest}` → its date ("Oct 2026"). */
export const PLACEHOLDER = /\{([vd]):([\w.-]+)\}/g

export function lookup(kind: 'v' | 'd', id: string, table: Record<string, VersionEntry> = versions): string {
  const entry = table[id]
  if (!entry)
    throw new Error(`data/versions.json has no entry "${id}" (used as {${kind}:${id}})`)
  if (kind === 'v')
    return entry.version
  if (!entry.date)
    throw new Error(`data/versions.json: "${id}" has no date (used as {d:${id}})`)
  return formatDate(entry.date)
}

/** Replaces every placeholder in `text`; an unknown id throws, so a typo fails the build. */
export function fillVersions(text: string, table: Record<string, VersionEntry> = versions): string {
  return text.replace(PLACEHOLDER, (_, kind: 'v' | 'd', id: string) => lookup(kind, id, table))
}
