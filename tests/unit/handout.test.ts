// The handout's pieces that need no browser: which demo steps it prints, how notes read on paper, and
// the document it composes (one sheet per slide, a demo's strip, exercise links).
import { describe, expect, it } from 'vitest'
import { DEMO_SCRIPTS } from '../../demos/index'
import { keySteps, POINT_STEPS } from '../../demos/key-steps'
import { exerciseInfo } from '../../kit/exercise-links'
import { composeHandout } from '../../scripts/handout/compose'
import { notesToHtml } from '../../scripts/handout/notes'

describe('demo key steps', () => {
  for (const [alias, make] of Object.entries(DEMO_SCRIPTS)) {
    it(`${alias}: first click, the point, the final state`, () => {
      const script = make()
      const last = script.steps.length - 1
      const point = POINT_STEPS[alias as keyof typeof POINT_STEPS]
      expect(point, 'the point lies strictly between the first click and the end').toBeGreaterThan(1)
      expect(point).toBeLessThan(last)
      expect(keySteps(alias as keyof typeof POINT_STEPS, script)).toEqual([1, point, last])
    })
  }
})

describe('notes on paper', () => {
  it('keeps the prose, marks each click where it falls, sets the opening cue apart and escapes HTML', () => {
    const html = notesToHtml('(Origins; about a minute here.)\nTensorFlow <1.x> asked\nfor a graph.\n[click] Then requires_grad.\n\nA second paragraph.')
    expect(html).toBe('<p><span class="cue">(Origins; about a minute here.)</span> TensorFlow &lt;1.x&gt; asked for a graph. <span class="click">click</span> Then requires_grad.</p>\n<p>A second paragraph.</p>')
  })

  it('an empty note makes nothing', () => {
    expect(notesToHtml('')).toBe('')
  })
})

describe('the handout document', () => {
  const card = exerciseInfo('09-tracing-trap')!
  const html = composeHandout({
    title: 'Deck',
    kit: 'github.com/org/kit',
    fonts: '',
    slides: [
      { no: 1, title: 'Cover', notes: 'Hello.', image: 'a.png', exercises: [] },
      { no: 2, title: 'Demo', notes: '', image: 'c.png', exercises: [card], strip: [
        { step: 1, last: 5, caption: 'First <step>', image: 'b.png' },
        { step: 5, last: 5, caption: 'Done', image: 'c.png' },
      ] },
    ],
  })

  it('one sheet per slide, in order, with page numbers from CSS', () => {
    expect([...html.matchAll(/<section class="sheet" data-slide="(\d+)"/g)].map(m => m[1])).toEqual(['1', '2'])
    expect(html).toContain('counter(page) " / " counter(pages)')
  })

  it('a demo is its strip of frames, captions as text; no notes section when there are none', () => {
    const demo = html.slice(html.indexOf('data-slide="2"'))
    expect(demo.match(/<img /g)).toHaveLength(2)
    expect(demo).toContain('Step 1 of 5</b>First &lt;step&gt;')
    expect(demo).not.toContain('Speaker notes')
  })

  it('an exercise card links its README on the kit\'s repository and its notebook', () => {
    expect(html).toContain(`href="https://github.com/org/kit/blob/main/exercises/09-tracing-trap/README.md"`)
    expect(html).toContain(`href="${card.colab}"`)
    expect(html).toContain('npm run workshop -- check 9')
  })
})
