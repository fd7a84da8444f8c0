// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ExerciseCard from '../../../components/ExerciseCard.vue'

// The deck imports the real manifest; here it is the fixture's, so the test does not depend on which
// exercises exist yet.
vi.mock('../../../exercises/manifest.json', async () => ({
  default: (await import('../../fixtures/workshop/exercises/manifest.json')).default,
}))

describe('exerciseCard', () => {
  it('names a known exercise, the command to start it and its README', () => {
    const card = mount(ExerciseCard, { props: { id: '02-scale' } })
    const aside = card.get('aside')
    expect(aside.attributes('data-exercise')).toBe('02-scale')
    expect(aside.attributes('aria-label')).toBe('Workshop exercise 2: Scale a vector')
    expect(card.text()).toContain('Scale a vector')
    const codes = card.findAll('code').map(c => c.text())
    expect(codes).toEqual(['npm run workshop -- check 02-scale', 'exercises/02-scale/README.md'])
    expect(card.find('[role="alert"]').exists()).toBe(false)
  })

  it('shows a visible error for an id the manifest does not have', () => {
    const card = mount(ExerciseCard, { props: { id: '02-scael' } })
    const alert = card.get('[role="alert"]')
    expect(alert.attributes('data-exercise-error')).toBe('02-scael')
    expect(alert.text()).toContain('Unknown exercise “02-scael”')
    expect(card.find('aside').exists()).toBe(false)
  })

  it('links a TypeScript exercise to the deck\'s workshop page, in both forms', () => {
    for (const compact of [false, true]) {
      const link = mount(ExerciseCard, { props: { id: '02-scale', compact } }).get('[data-open-in-browser]')
      expect(link.attributes('href')).toBe('/workshop/02-scale')
    }
  })
})
