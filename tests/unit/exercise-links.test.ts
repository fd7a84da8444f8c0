// The workshop links each exercise to a slide by routeAlias: every alias must exist in the deck.
import { describe, expect, it } from 'vitest'
import manifest from '../../exercises/manifest.json'
import { loadDeck } from '../support/deck'

describe('exercise → slide links', async () => {
  const aliases = new Set((await loadDeck()).map(s => s.alias).filter(Boolean))
  for (const exercise of manifest.exercises) {
    it(`${exercise.id} points at an existing slide`, () => {
      expect(aliases.has(exercise.slide), `no slide has routeAlias '${exercise.slide}'`).toBe(true)
    })
  }
})
