import type { Exercise } from './tracks/types'

// What a participant types after `check`: the full id (`01-add`), its number (`1`, `01`) or its slug.

export class UnknownExerciseError extends Error {
  constructor(readonly input: string, readonly validIds: string[], readonly suggestion?: string) {
    super(`unknown exercise '${input}'`)
    this.name = 'UnknownExerciseError'
  }
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]
}

function closest(input: string, exercises: Exercise[]): string | undefined {
  let best: { id: string, score: number } | undefined
  for (const { id } of exercises) {
    const slug = id.slice(3)
    const score = Math.min(distance(input, id), distance(input, slug))
    if (!best || score < best.score)
      best = { id, score }
  }
  // Only suggest when it is plausibly a typo, not a different word.
  return best && best.score <= Math.max(2, Math.floor(input.length / 3)) ? best.id : undefined
}

export function resolveExercise(input: string, exercises: Exercise[]): Exercise {
  const wanted = input.trim().toLowerCase()
  const found = exercises.find(e => e.id === wanted)
    ?? (/^\d+$/.test(wanted) ? exercises.find(e => Number(e.id.slice(0, 2)) === Number(wanted)) : undefined)
    ?? exercises.find(e => e.id.slice(3) === wanted)
  if (found)
    return found
  throw new UnknownExerciseError(input, exercises.map(e => e.id), closest(wanted, exercises))
}
