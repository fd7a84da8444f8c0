// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ExerciseCard from '../../../components/ExerciseCard.vue'
import colab from '../../../notebooks/colab.json'

// A Python exercise's card links to its notebook in Colab, from the one base URL in notebooks/colab.json;
// a TypeScript exercise has no notebook and no link.
vi.mock('../../../exercises/manifest.json', () => ({
  default: { exercises: [
    { id: '07-step', title: 'A training step', track: 'py', slide: 'x', hints: [] },
    { id: '01-add', title: 'Add', track: 'ts', slide: 'x', hints: [] },
  ] },
}))

describe('exerciseCard, Open in Colab', () => {
  for (const compact of [true, false]) {
    it(`links a Python exercise to its notebook${compact ? ' (compact)' : ''}`, () => {
      const link = mount(ExerciseCard, { props: { id: '07-step', compact } }).get('a.exercise-card__colab')
      expect(link.attributes('href')).toBe(`${colab.base}/07-step.ipynb`)
      expect(link.text()).toBe('Open in Colab')
    })
  }

  it('gives a TypeScript exercise no Colab link', () => {
    expect(mount(ExerciseCard, { props: { id: '01-add', compact: true } }).find('a.exercise-card__colab').exists()).toBe(false)
  })
})

describe('notebooks/colab.json', () => {
  it('points at the repository the headmatter\'s kit: names (a presenter sets both, and both must agree)', () => {
    const kit = /^kit:\s*(\S+)/m.exec(readFileSync('slides.md', 'utf8'))?.[1]
    const repo = /colab\.research\.google\.com\/github\/([^/]+\/[^/]+)\/blob\//.exec(colab.base)?.[1]
    expect(repo, 'owner/repository in colab.json').toBeDefined()
    expect(kit?.replace(/^(https?:\/\/)?github\.com\//, '')).toBe(repo)
  })
})
