// Checks for exercise 03: the same values as the engine's Session, only the needed nodes computed (the
// checks count the calls to each op's forward), each once, and a clear error for a missing feed.
import type { GraphNode } from '../../engine/index'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getOp, Graph, Session } from '../../engine/index'
import { expectClose } from '../check-helpers'
import { neededNodes, run } from './exercise'

afterEach(() => {
  vi.restoreAllMocks()
})

/** y = relu(x @ W + b), loss = mean(y), and a branch nobody fetches: tanh(exp(other)).sum(). */
function buildModel() {
  const g = new Graph()
  const x = g.placeholder('x', [null, 2])
  const W = g.variable('W', [[1, -2, 0.5], [0.5, 1, -1]])
  const b = g.constant([0.1, 0.2, -0.3], 'b')
  const h = g.add(g.matmul(x, W), b)
  const y = g.relu(h)
  const loss = g.mean(g.mul(y, y))
  const other = g.placeholder('other', [3])
  const unused = g.sum(g.tanh(g.exp(other)))
  return { g, x, W, b, h, y, loss, other, unused }
}

const feeds = { x: [[1, 2], [-1, 0.5], [3, -1]] }
const describeNodes = (nodes: Iterable<GraphNode>) => [...nodes].map(n => n.name ?? n.op).sort()

describe('neededNodes', () => {
  it('collects the fetches and everything they depend on, and nothing else', () => {
    const m = buildModel()
    expect(describeNodes(neededNodes([m.y])), 'the nodes relu(x @ W + b) needs')
      .toEqual(describeNodes([m.x, m.W, m.b, m.h.inputs[0], m.h, m.y]))
  })
})

describe('run', () => {
  it('computes the same values as the engine\'s Session', () => {
    const m = buildModel()
    const [y, loss] = run(m.g, [m.y, m.loss], feeds)
    const [wantY, wantLoss] = new Session(m.g).run([m.y, m.loss], feeds)
    expectClose(y, wantY, 'relu(x @ W + b)')
    expectClose(loss, wantLoss, 'mean(y * y)')
  })

  it('never evaluates what the fetches do not need (the exp/tanh branch)', () => {
    const m = buildModel()
    const exp = vi.spyOn(getOp('exp'), 'forward')
    const tanh = vi.spyOn(getOp('tanh'), 'forward')
    run(m.g, [m.loss], feeds) // 'other' is not fed: it is not needed
    expect(exp.mock.calls.length + tanh.mock.calls.length, 'how many times the unneeded exp and tanh nodes ran').toBe(0)
  })

  it('evaluates each needed node once, even when two nodes use it', () => {
    const m = buildModel()
    const relu = vi.spyOn(getOp('relu'), 'forward')
    const matmul = vi.spyOn(getOp('matmul'), 'forward')
    run(m.g, [m.loss, m.y], feeds) // y is fetched and used twice by y * y
    expect(relu.mock.calls.length, 'how many times relu ran').toBe(1)
    expect(matmul.mock.calls.length, 'how many times matmul ran').toBe(1)
  })

  it('a missing feed is an error that names the placeholder', () => {
    const g = new Graph()
    const pixels = g.placeholder('pixels', [2])
    const out = g.mul(pixels, 2)
    let message = 'no error at all'
    try {
      run(g, [out], {})
    }
    catch (error) {
      message = (error as Error).message
    }
    expect(/pixels/.test(message) && !/TODO/.test(message) ? 'an error naming pixels' : message, 'running without feeding the placeholder pixels')
      .toBe('an error naming pixels')
  })
})
