import type { WorkStore } from './work-store'

// "Download my work": the learner's files in the layout the CLI uses, so unzipping them over a clone of
// the kit lets `npm run workshop` go on where the browser stopped: exercises/<id>/exercise.ts, the
// replaced versions in .workshop-backups/<id>/<timestamp>-exercise.ts and the progress in .workshop-state.json.

/** The CLI's backup name for a time (workspace.ts): an ISO date with ':' and '.' made '-'. */
const stamp = (iso: string): string => iso.replace(/[:.]/g, '-')

export function myWorkFiles(store: WorkStore, ids: string[]): Record<string, string> {
  const files: Record<string, string> = {}
  for (const id of ids) {
    const code = store.code(id)
    if (code !== undefined)
      files[`exercises/${id}/exercise.ts`] = code
    for (const backup of store.backups(id))
      files[`.workshop-backups/${id}/${stamp(backup.at)}-exercise.ts`] = backup.code
  }
  files['.workshop-state.json'] = `${JSON.stringify(store.state(), null, 2)}\n`
  return files
}
